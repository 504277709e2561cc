"""The review site: static HTML under OUTPUT_DIR/review/, with its script and stylesheet as files of the
site (no inline script or style, nothing loaded from outside), readable from file:// without a server.

index.html (and index-2.html, ... for a large corpus) lists the articles; doubtful.html lists every
quote, the least confident speaker first; speakers.html lists the speakers with a search across the
corpus; corpus.html charts who is quoted most; one page per article puts a review list beside its
text. Reviewers' corrections are kept in the browser and saved as a corrections file, which
`python -m pipeline import FILE --format review --gold-dir DIR` turns into gold files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from ...io.files import refuse_link, write_atomic
from ...io.schema import iter_valid_outputs
from . import pages

ARTICLES_PER_PAGE = 100
QUOTES_PER_PAGE = 100
SPEAKER_PAGES = 500  # the most quoted speakers get a page of their own (and every charted one)
SEARCH_QUOTES_PER_SPEAKER = 10  # the search lists a few; the speaker's page lists them all
CHART_TOP, CHART_PER_TYPE = 20, 10
ASSETS = ("review.css", "review.js")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def build_review(out_dir: Path) -> tuple[Path, list[str]]:
    """Write the review site for a folder of outputs; returns the path of its index page and a line
    for each JSON file left out because it is not an output (each is validated, never trusted).
    Article pages are written as the outputs are read: only light summaries are kept in memory."""
    site = out_dir / "review"
    for folder in (site, site / "assets", site / "articles", site / "speakers"):
        refuse_link(folder)  # a linked folder would take the pages, and lose its own files as stale
    written: set[Path] = set()

    def write(relative: str, text: str) -> None:
        path = site / relative
        write_atomic(path, text)
        written.add(path)

    for name in ASSETS:
        write(f"assets/{name}", _asset(name))
    # Corrections are kept in the browser under this site's own id: a second site (another folder of
    # outputs) starts empty, and this one, built again after a new extract, finds its own.
    write("assets/site.js", f"window.PIPELINE_SITE = {json.dumps(site_id(out_dir))};\n")
    left_out: list[str] = []
    corpus = pages.Corpus()
    for document in iter_valid_outputs(out_dir, left_out):
        write(f"articles/{document['article']['id']}.html", pages.article_page(document))
        corpus.add(document)
    grouped = corpus.by_speaker()
    charts = pages.chart_speakers(grouped, CHART_TOP, CHART_PER_TYPE)
    with_pages = set(list(grouped)[:SPEAKER_PAGES]) | {key for keys in charts.values() for key in keys}
    for label, kind in with_pages:
        write(
            f"speakers/{pages.speaker_slug(label, kind)}.html", pages.speaker_page(label, kind, grouped[(label, kind)])
        )
    index = json.dumps(pages.speaker_index(grouped, with_pages, SEARCH_QUOTES_PER_SPEAKER), ensure_ascii=True)
    write("assets/speakers-index.js", f"window.PIPELINE_SPEAKERS = {index};\n")
    write("speakers.html", pages.speakers_page(grouped, with_pages))
    for name, html in pages.index_pages(corpus, ARTICLES_PER_PAGE) + pages.doubtful_pages(corpus, QUOTES_PER_PAGE):
        write(name, html)
    write("corpus.html", pages.corpus_page(corpus, grouped, charts))
    _remove_stale(site, written)
    return site / "index.html", left_out


def site_id(out_dir: Path) -> str:
    """A stable id for the site of one folder of outputs (a hash of its place: no path is shown)."""
    return hashlib.sha256(str(out_dir.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _remove_stale(site: Path, written: set[Path]) -> None:
    """Pages a previous build wrote that this one did not (an article gone, fewer index pages)."""
    stale = [*site.glob("*.html"), *site.glob("articles/*.html"), *site.glob("speakers/*.html")]
    for path in stale:
        if path not in written:
            path.unlink(missing_ok=True)


# Headless Chromium with nothing that reaches out: no sync, no updates, no background requests.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


def chromium() -> str | None:
    """Debian's chromium, if installed (`make test` installs it when it runs as root)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(page: Path, target: Path, browser: str) -> None:
    """A PNG of one review page as headless Chromium renders it (a fresh profile, thrown away)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1400,1700",
             f"--screenshot={target.resolve()}", page.resolve().as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
