"""The review site: escaped text, highlighted quotes, and a real headless browser rendering it."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.config import Options
from pipeline.engines.run import extract
from pipeline.tools.review import CHROMIUM_FLAGS, build_review, chromium, escape, highlight

from .conftest import SEED

HOSTILE = (
    "Council row <script>document.body.setAttribute('data-pwned','yes')</script>\n\n"
    "The leader said: “We will publish <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> "
    "everything.”\n\n"
    "Officials counted 14 complaints, the council said.\n"
)


def test_review_highlight_escapes_and_nests_crossing_marks():
    text = "a <b> c"
    html = highlight(text, [(0, 5, "<i>", "</i>"), (2, 7, "<u>", "</u>")], [(2, "<a>x</a>")])
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert html.count("<i>") == html.count("</i>") and html.count("<u>") == html.count("</u>")
    assert html.index("<a>x</a>") < html.index("&lt;b&gt;")
    assert re.sub(r"<[^>]+>", "", html.replace("<a>x</a>", "")) == "a &lt;b&gt; c"


@pytest.fixture(scope="module")
def site(tmp_path_factory, nlp):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    extract([corpus], out, Options(), nlp=nlp)
    build_review(out)
    return out / "review"


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def test_review_site_has_index_corpus_and_escaped_article_pages(site: Path):
    index = _page(site, "index.html")
    assert "Least confident quotes first" in index and "articles/hostile.html" in index
    corpus = _page(site, "corpus.html")
    assert "<svg" in corpus and "Tim Forber" in corpus
    hostile = _page(site, "articles/hostile.html")
    assert "&lt;script&gt;" in hostile and "<script>" not in hostile
    assert "<img" not in hostile
    assert "http://" not in hostile.replace("http://www.w3.org/2000/svg", "")


def test_review_pages_load_scripts_and_styles_only_as_files_of_the_site(site: Path):
    for path in [*site.glob("*.html"), *site.glob("articles/*.html"), *site.glob("speakers/*.html")]:
        html = path.read_text(encoding="utf-8")
        assert "script-src 'self'" in html and "'unsafe-inline'" not in html, path.name
        assert re.findall(r"<script(?![^>]*\bsrc=)", html) == [], path.name  # no inline script
        assert " style=" not in html and "<style" not in html, path.name
        assert not re.search(r"(?:src|href)='(?:https?:)?//", html), path.name
    assert (site / "assets" / "review.js").is_file() and (site / "assets" / "review.css").is_file()


def test_review_seed_page_lists_every_quote_and_claim_with_anchor_and_visible_speaker(site: Path):
    document = json.loads((site.parent / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    html = _page(site, f"articles/{SEED.stem}.html")
    names = {s["id"]: s["name"] or s["description"] for s in document["speakers"]}
    rows = dict(re.findall(r"<tr id='(q\d+)'(.*?)</tr>", html, flags=re.S))
    assert sorted(rows) == sorted(q["id"] for q in document["quotes"])
    for q in document["quotes"]:
        row = rows[q["id"]]
        # Written out in the row, not in a tooltip: speaker, the phrase that named them, the cue, both confidences.
        assert f"<span class='who-name'>{escape(names.get(q['speaker'], 'no speaker'))}</span>" in row
        if q["speaker_mention"]:
            assert escape(q["speaker_mention"]["text"]) in row
        if q["cue"]:
            assert f"cue</span> {escape(q['cue']['text'])}" in row
        assert f"{q['speaker_confidence']:.2f}</span>" in row and f"{q['confidence']:.2f}</span>" in row
        assert f"id='t-{q['id']}'" in html  # and its place in the text
    claims = html.split("id='claim-table'", 1)[1]
    for c in document["numeric_claims"]:
        assert f"<tr id='{c['id']}'" in claims and escape(c["text"]) in claims
    marked_who = set(re.findall(r"<mark class='who' title='speaker of (q\d+)'>", html))
    marked_cue = set(re.findall(r"<mark class='cue' title='cue of (q\d+)'>", html))
    assert marked_who == {q["id"] for q in document["quotes"] if q["speaker_mention"]}
    assert marked_cue == {q["id"] for q in document["quotes"] if q["cue"]}


def test_review_confidence_is_one_scale_from_red_to_green():
    from pipeline.tools.review.html import badge

    assert "cf0" in badge(0.05, "x") and "cf9" in badge(0.95, "x") and "cf10" in badge(1.0, "x")
    assert "high" in badge(0.95, "x") and "low" in badge(0.3, "x")


def test_review_doubtful_list_names_the_speaker_and_links_to_the_quote(site: Path):
    listed = _page(site, "doubtful.html").split("<tbody>", 1)[1]
    scores = [float(x) for x in re.findall(r"<td><span class='conf[^']*' title='speaker confidence'>([0-9.]+)", listed)]
    assert scores and scores == sorted(scores)
    links = re.findall(r"href='articles/([^'#]+)#(q\d+)'", listed)
    assert links
    for page_name, quote_id in links:
        assert f"<tr id='{quote_id}'" in _page(site, f"articles/{page_name}")
    assert listed.count("class='who-name'") == len(links)
    assert " …" in listed or all(len(w) < 160 for w in re.findall(r"“([^”]*)”</a>", listed))


def test_review_chart_bars_lead_to_each_speakers_quotes(site: Path):
    corpus = _page(site, "corpus.html")
    bars = re.findall(r"<a href='(speakers/[^']+\.html)'><title>([^<]+?): (\d+) quotes</title>", corpus)
    assert bars
    for href, label, count in bars:
        speaker = _page(site, href)
        assert f"<h1>{label}</h1>" in speaker
        assert len(re.findall(r"href='\.\./articles/[^']+#q\d+'", speaker)) == int(count)


def test_review_index_pages_and_doubtful_pages_paginate_a_large_corpus(tmp_path: Path, site: Path):
    from pipeline.tools.review import site as review_site

    document = json.loads((site.parent / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    out.mkdir()
    for n in range(230):
        copy = {**document, "article": {**document["article"], "id": f"a{n:04d}", "title": f"Article {n}"}}
        (out / f"a{n:04d}.json").write_text(json.dumps(copy), encoding="utf-8")
    build_review(out)
    pages = sorted(p.name for p in (out / "review").glob("index*.html"))
    per_page = review_site.ARTICLES_PER_PAGE
    assert len(pages) == -(-230 // per_page) and "index-2.html" in pages
    first = _page(out / "review", "index.html")
    assert first.count("<tr><td><a href='articles/") == per_page and "href='index-2.html'" in first
    doubtful = sorted((out / "review").glob("doubtful*.html"))
    assert len(doubtful) == -(-230 * len(document["quotes"]) // review_site.QUOTES_PER_PAGE)
    # A rebuild for a smaller folder leaves no page of the bigger one behind.
    for n in range(100, 230):
        (out / f"a{n:04d}.json").unlink()
    build_review(out)
    assert sorted(p.name for p in (out / "review").glob("index*.html")) == ["index.html"]
    assert len(list((out / "review" / "articles").glob("*.html"))) == 100


def test_review_speaker_search_index_covers_every_quoted_speaker(site: Path):
    script = _page(site, "assets/speakers-index.js")
    index = json.loads(script.split("=", 1)[1].strip().rstrip(";"))
    assert {entry[0] for entry in index} >= {"Tim Forber", "Independent Office for Police Conduct"}
    for _name, _kind, count, page, refs in index:
        assert len(refs) == min(count, 10) and all(ref[1].startswith("q") for ref in refs)
        assert not page or (site / page).is_file()


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


def _chrome(download_dir: Path):  # type: ignore[no-untyped-def]
    """Headless Chromium driven through Debian's chromium-driver: nothing downloaded at run time."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium() or ""
    for flag in CHROMIUM_FLAGS:
        options.add_argument("--headless=new" if flag == "--headless" else flag)
    options.add_argument("--window-size=1400,1000")
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(download_dir), "download.prompt_for_download": False}
    )
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


def _driver_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (make setup installs it)"
    if chromium() is None or shutil.which("chromedriver") is None:
        return "Debian's chromium and chromium-driver are not installed (make test installs them as root)"
    return None


@pytest.mark.skipif(_driver_missing() is not None, reason=str(_driver_missing()))
def test_review_corrections_round_trip_in_a_real_browser(site: Path, tmp_path: Path, monkeypatch):
    """A reviewer goes from the doubtful list to a quote, corrects its speaker, marks another quote
    and a claim wrong, saves the corrections file; import turns it into gold and eval scores it."""
    import sys
    import time

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must not look for drivers online
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = _chrome(downloads)
    try:
        # The speaker search, across the corpus, leads to the speaker's quotes.
        driver.get((site / "speakers.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "#speaker-search input").send_keys("forb")
        found = driver.find_elements(By.CSS_SELECTOR, "#speaker-results a[href*='#q']")
        assert found and "Tim Forber" in driver.find_element(By.ID, "speaker-results").text

        driver.get((site / "doubtful.html").as_uri())
        link = driver.find_element(By.CSS_SELECTOR, f"#doubtful-table a[href*='{SEED.stem}']")
        quote_id = link.get_attribute("href").rsplit("#", 1)[1]
        link.click()
        assert driver.current_url.endswith(f"#{quote_id}")
        row = driver.find_element(By.ID, quote_id)
        current = row.get_attribute("data-speaker-name")
        names = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#speaker-names option")]
        other = next(n for n in names if n not in (current, "(nobody)"))
        field = row.find_element(By.CSS_SELECTOR, "input.speaker-fix")
        field.send_keys(other, Keys.TAB)
        assert row.get_attribute("data-verdict") == "right"  # a corrected speaker confirms the quote
        others = [
            r for r in driver.find_elements(By.CSS_SELECTOR, "tr[data-row=quote]") if r.get_attribute("id") != quote_id
        ]
        wrong_quote = max(
            others, key=lambda r: len(r.get_attribute("data-pieces"))
        )  # a quote said once, not a headline
        wrong_id = wrong_quote.get_attribute("id")
        wrong_quote.find_element(By.CSS_SELECTOR, "button.wrong").click()
        claim = driver.find_element(By.CSS_SELECTOR, "tr[data-row=claim]")
        claim.find_element(By.CSS_SELECTOR, "button.wrong").click()
        assert driver.find_element(By.CSS_SELECTOR, ".marked-here").text == "3"

        # Sorting and filtering the list, by keyboard-reachable controls.
        Select(
            driver.find_element(By.CSS_SELECTOR, "[data-list-controls=quote-table] select[name=sort]")
        ).select_by_value("sc")
        shown = [
            float(r.get_attribute("data-sc")) for r in driver.find_elements(By.CSS_SELECTOR, "#quote-table tbody tr")
        ]
        assert shown == sorted(shown)
        Select(
            driver.find_element(By.CSS_SELECTOR, "[data-list-controls=quote-table] select[data-filter=kind]")
        ).select_by_value("direct")
        visible = [r for r in driver.find_elements(By.CSS_SELECTOR, "#quote-table tbody tr") if r.is_displayed()]
        assert visible and {r.get_attribute("data-kind") for r in visible} == {"direct"}

        # Only an article marked reviewed becomes gold.
        driver.find_element(By.CSS_SELECTOR, "button[data-action=reviewed]").click()

        # At a laptop's 1280 x 800 every control of both tables is reachable without scrolling sideways.
        driver.set_window_size(1280, 800)
        Select(
            driver.find_element(By.CSS_SELECTOR, "[data-list-controls=quote-table] select[data-filter=kind]")
        ).select_by_value("")
        width = driver.execute_script("return window.innerWidth")
        for button in driver.find_elements(By.CSS_SELECTOR, "#quote-table button, #claim-table button"):
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            box = driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", button)
            assert 0 <= box["left"] and box["right"] <= width, box
        review = driver.find_element(By.CSS_SELECTOR, "section[aria-label=review]")
        assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1", review)
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        driver.set_window_size(1400, 1000)

        # Kept in the browser: a reload shows the marks again (found by offsets, not ids).
        driver.refresh()
        assert driver.find_element(By.ID, wrong_id).get_attribute("data-verdict") == "wrong"
        assert (
            driver.find_element(By.ID, quote_id).find_element(By.CSS_SELECTOR, "input").get_attribute("value") == other
        )

        assert (
            driver.find_element(By.CSS_SELECTOR, "button[data-action=reviewed]").get_attribute("aria-pressed") == "true"
        )

        # Another site opened in the same browser starts with no corrections of its own.
        other_site = tmp_path / "other-outputs"
        shutil.copytree(site.parent, other_site, ignore=shutil.ignore_patterns("review", ".*"))
        build_review(other_site)
        driver.get(next((other_site / "review" / "articles").glob("*.html")).as_uri())
        assert driver.find_element(By.CSS_SELECTOR, ".marked-articles").text == "0"
        driver.get((site / "articles" / f"{SEED.stem}.html").as_uri())
        assert driver.find_element(By.CSS_SELECTOR, ".marked-articles").text == "1"

        driver.find_element(By.CSS_SELECTOR, "button[data-action=download]").click()
        saved = downloads / "corrections.json"
        for _ in range(100):
            if saved.is_file() and saved.stat().st_size:
                break
            time.sleep(0.1)
        driver.save_screenshot(str(tmp_path / "review.png"))
    finally:
        driver.quit()
    assert (tmp_path / "review.png").stat().st_size > 10_000

    gold_dir = tmp_path / "gold"
    run = [sys.executable, "-m", "pipeline"]
    done = subprocess.run([*run, "import", str(saved), "--format", "review", "--gold-dir", str(gold_dir)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    gold = json.loads((gold_dir / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    document = json.loads((site.parent / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert len(gold["quotes"]) == len(document["quotes"]) - 1
    assert len(gold["numeric_claims"]) == len(document["numeric_claims"]) - 1
    scored = subprocess.run([*run, "eval", *map(str, gold_dir.glob("*.json")), "--out", str(site.parent)],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert scored.returncode == 0, scored.stderr
    # Scored against the corrections: the quote marked wrong is one prediction too many, the corrected
    # speaker one wrong speaker, the claim marked wrong one claim too many.
    quotes = re.search(
        r"quotes, any kind \(>30%\).*\((\d+)/(\d+) gold found, (\d+)/(\d+) predictions right\)", scored.stdout
    )
    assert quotes and quotes[1] == quotes[2] == quotes[3] and int(quotes[4]) == int(quotes[3]) + 1
    speakers = re.search(r"quotes with right speaker +(\d+)/(\d+) found", scored.stdout)
    assert speakers and int(speakers[1]) == int(speakers[2]) - 1
    claims = re.search(
        r"numeric claims \(value\).*\((\d+)/(\d+) gold found, (\d+)/(\d+) predictions right\)", scored.stdout
    )
    assert claims and claims[1] == claims[2] == claims[3] and int(claims[4]) == int(claims[3]) + 1


def test_review_article_pages_have_unique_ids_no_paths_and_values_as_written(site: Path):
    page = (site / "articles" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    ids = re.findall(r" id='([^']+)'", page)
    assert ids and len(ids) == len(set(ids))
    assert str(SEED.parent) not in page and "/corpus/" not in page  # the file's name, never its folders
    assert re.search(r"\d{1,3}(,\d{3})+", page)  # large values with their thousands separated
    assert "data-action='reviewed'" in page and "placeholder=" not in page


def test_review_a_mark_cut_in_pieces_keeps_its_id_once():
    html = highlight("He said we will act now.", [(3, 20, "<span id='t-q1'>", "</span>"), (8, 12, "<b>", "</b>")])
    assert html.count("id='t-q1'") == 1 and html.count("<span") == 3


def test_review_only_articles_marked_reviewed_become_gold(tmp_path: Path, seed_outputs: Path):
    from pipeline.cli import main

    document = json.loads((seed_outputs / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    article = {k: document["article"][k] for k in ("id", "sha256", "title", "author", "published")}
    quote = {"start": 1, "end": 5, "kind": "direct", "text": ["x"], "speaker": None, "verdict": "wrong"}
    marked = {**article, "reviewed": False, "quotes": [quote], "claims": []}
    reviewed = {**article, "id": "other", "reviewed": True, "quotes": [], "claims": []}
    corrections = tmp_path / "corrections.json"
    corrections.write_text(
        json.dumps({"format": "pipeline-review-corrections", "version": 2, "articles": [marked, reviewed]}),
        encoding="utf-8",
    )
    assert main(["import", str(corrections), "--format", "review", "--gold-dir", str(tmp_path / "gold")]) == 0
    assert [p.stem for p in (tmp_path / "gold").glob("*.json")] == ["other"]


def test_review_html_paragraphs_stand_apart_and_long_names_fit_the_chart(tmp_path: Path, nlp):
    page = (
        "<html><body><article><h1>Bridge to reopen</h1>"
        "<p>The mayor said the bridge would reopen in May after months of repairs to its deck.</p>"
        "<p>The Associated Metropolitan Federation of Independent Bridge Engineers said the cost had risen.</p>"
        "</article></body></html>"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bridge.html").write_text(page, encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out", Options(), nlp=nlp)
    build_review(tmp_path / "out")
    article = (tmp_path / "out" / "review" / "articles" / "bridge.html").read_text(encoding="utf-8")
    text = article[article.index("<div class='text'>") :]
    text = text[: text.index("</div>")]
    assert text.count("\n\n") == 2 and "\n\n\n" not in text  # a blank line between the page's paragraphs
    corpus = (tmp_path / "out" / "review" / "corpus.html").read_text(encoding="utf-8")
    assert "lengthAdjust='spacingAndGlyphs'" in corpus  # the long name drawn to fit its column


def test_review_import_knows_a_corrections_file_by_what_it_says(tmp_path: Path, seed_outputs: Path):
    from pipeline.cli import main

    corrections = tmp_path / "corrections.json"
    corrections.write_text(
        json.dumps({"format": "pipeline-review-corrections", "version": 2, "articles": []}), encoding="utf-8"
    )
    assert main(["import", str(corrections), "--gold-dir", str(tmp_path / "gold")]) == 0
