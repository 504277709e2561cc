"""The review site: escaped text, highlighted quotes, and a real headless browser rendering it."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.config import Options
from pipeline.engines.run import extract
from pipeline.tools.review import CHROMIUM_FLAGS, build_review, chromium, highlight, screenshot

from .conftest import SEED

HOSTILE = (
    "Council row <script>document.body.setAttribute('data-pwned','yes')</script>\n\n"
    "The leader said: “We will publish <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> "
    "everything.”\n\n"
    "Officials counted 14 complaints, the council said.\n"
)


def test_review_highlight_escapes_and_nests_crossing_marks():
    text = "a <b> c"
    html = highlight(text, [(0, 5, "<i>", "</i>"), (2, 7, "<u>", "</u>")])
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert html.count("<i>") == html.count("</i>") and html.count("<u>") == html.count("</u>")


@pytest.fixture(scope="module")
def site(tmp_path_factory, nlp):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    extract([corpus], out, Options(), nlp=nlp)
    build_review(out)
    return out / "review"


def test_review_site_has_index_corpus_and_escaped_article_pages(site: Path):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Least confident quotes first" in index and "articles/hostile.html" in index
    corpus = (site / "corpus.html").read_text(encoding="utf-8")
    assert "<svg" in corpus and "Tim Forber" in corpus
    hostile = (site / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in hostile and "<script" not in hostile
    assert "<img" not in hostile
    assert "http://" not in hostile.replace("http://www.w3.org/2000/svg", "")
    seed = (site / "articles" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert seed.count("class='quote direct'") >= 5 and "class='num'" in seed


@pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed (make test installs it as root)")
def test_review_page_in_headless_chromium(site: Path, tmp_path: Path):
    browser = chromium()
    assert browser is not None
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    hostile = (site / "articles" / "hostile.html").as_uri()
    dom = subprocess.run(
        [browser, *CHROMIUM_FLAGS, *profile, "--dump-dom", hostile], capture_output=True, text=True, timeout=120
    ).stdout
    assert "data-quote=" in dom and "We will publish" in dom
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]  # no article script ran
    assert "<img" not in dom
    # Into the test's own folder: a test run leaves the tracked README screenshot alone.
    shot = tmp_path / "screenshot.png"
    screenshot(site / "articles" / f"{SEED.stem}.html", shot, browser)
    assert shot.stat().st_size > 10_000


def test_review_index_puts_doubtful_speakers_first_in_their_colour(site: Path):
    index = (site / "index.html").read_text(encoding="utf-8")
    listed = index.split("<ol>", 1)[1].split("</ol>", 1)[0]
    scores = [float(x) for x in re.findall(r"<span class='(?:low|mid|high)'>([0-9.]+)</span>", listed)]
    assert scores and scores == sorted(scores)


def test_review_and_export_trust_only_valid_outputs(site: Path, tmp_path: Path):
    """Crafted or foreign JSON in the outputs folder is left out, said so, and writes nothing elsewhere."""
    from pipeline.tools.annotation import export

    out = site.parent
    good = json.loads(next(p for p in sorted(out.glob("*.json"))).read_text(encoding="utf-8"))
    escape_dir = tmp_path / "elsewhere"
    crafted = {
        "abs_id.json": {**good, "article": {**good["article"], "id": str(escape_dir / "evil")}},
        "kind.json": {
            **good,
            "quotes": [{**good["quotes"][0], "kind": "<meta http-equiv='refresh' content='0;url=x'>"}],
        },
        "title.json": {**good, "article": {**good["article"], "title": ["not", "a", "string"]}},
        "gold.json": {"source": "x.txt", "metadata": {}, "speakers": {}, "quotes": [], "numeric_claims": []},
    }
    for name, document in crafted.items():
        (out / name).write_text(json.dumps(document), encoding="utf-8")
    try:
        index, left_out = build_review(out)
        count, export_left_out = export(out, tmp_path / "tasks.json", "label-studio")
    finally:
        for name in crafted:
            (out / name).unlink()
    assert sorted(line.split(":", 1)[0] for line in left_out) == sorted(crafted)
    assert export_left_out == left_out and count == len(list(out.glob("*.json")))
    assert not escape_dir.exists()
    pages = "".join(p.read_text(encoding="utf-8") for p in (site / "articles").glob("*.html"))
    assert "http-equiv='refresh'" not in pages
    assert "base-uri 'none'" in index.read_text(encoding="utf-8")
