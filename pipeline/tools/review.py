"""The review site: static, self-contained HTML under OUTPUT_DIR/review/ (no script, no external request).

index.html lists the articles with their counts and the least confident quotes first; one page per
article shows its text with each quote in its speaker's colour and numeric claims marked (hover
for speaker, cue, kind, confidence and evidence), and its speakers; corpus.html shows who is quoted
most, by speaker type, with a chart. Every piece of article text is escaped.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections import Counter
from html import escape as html_escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..io.files import write_atomic
from ..io.schema import valid_outputs
from ..records import show_bidi_controls

PALETTE = ("#fde68a", "#bfdbfe", "#fecaca", "#bbf7d0", "#ddd6fe", "#fed7aa", "#a5f3fc", "#f5d0fe", "#d9f99d", "#e5e7eb")
STYLE = """
body{font:16px/1.55 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#111}
table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:6px}
.quote{border-radius:3px;padding:0 1px}.quote.partial{border-bottom:2px dotted #555}
.quote.indirect{font-style:italic}.num{outline:2px solid #2563eb;border-radius:2px}
.low{color:#b91c1c}.mid{color:#b45309}.high{color:#15803d}.swatch{display:inline-block;width:1em;height:1em;border-radius:2px;vertical-align:middle}
nav a{margin-right:1rem}
"""


def escape(text: str, quote: bool = True) -> str:
    """Article text made safe for a page: HTML-escaped, and bidi controls shown, not obeyed."""
    return html_escape(show_bidi_controls(text), quote=quote)


def _link(article_id: str) -> str:
    """An article page's address, URL-encoded ("#", "?" and "%" in an id would break it), then escaped."""
    return escape(quote(f"{article_id}.html"), quote=True)


def confidence_class(confidence: float) -> str:
    """Colour band of a measured confidence: red under 0.5, amber under 0.9, green from 0.9."""
    return "low" if confidence < 0.5 else "mid" if confidence < 0.9 else "high"


# Nothing loaded from outside, no script, no <base> to redirect links, no form to send anything.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        "<nav><a href='INDEX'>Articles</a><a href='CORPUS'>Corpus</a></nav>"
        f"{body}</body></html>\n"
    )


def _colours(document: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: PALETTE[i % len(PALETTE)] for i, s in enumerate(document["speakers"])}


def _speaker_label(document: dict[str, Any], speaker_id: str | None) -> str:
    for s in document["speakers"]:
        if s["id"] == speaker_id:
            return s["name"] or s["description"] or s["id"]
    return "no speaker"


def _marks(document: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, opening tag, closing tag) of every highlighted piece."""
    colours = _colours(document)
    marks = []
    for q in document["quotes"]:
        tip = (
            f"{q['kind']} quote {q['id']} — speaker: {_speaker_label(document, q['speaker'])}"
            f"{' (' + q['speaker_mention']['text'] + ')' if q['speaker_mention'] else ''}"
            f" — speaker confidence {q['speaker_confidence']:.2f} ({q['speaker_evidence']})"
            f" — cue: {(q['cue'] or {}).get('text', 'none')} — confidence {q['confidence']:.2f} — {q['evidence']}"
        )
        colour = colours.get(q["speaker"] or "", "#f3f4f6")
        for piece in q["spans"]:
            opening = (
                f"<span class='quote {escape(q['kind'], quote=True)}' data-quote='{escape(q['id'])}' "
                f"style='background:{colour}' title='{escape(tip, quote=True)}'>"
            )
            marks.append((piece["start"], piece["end"], opening, "</span>"))
    for c in document["numeric_claims"]:
        tip = (
            f"{c['kind']} {c['value']} {c['unit'] or ''} ({c['approx']}) — predicate: {c['predicate'] or '-'}"
            f" — claimant: {_speaker_label(document, c['claimant']) if c['claimant'] else 'the publication'}"
        )
        opening = f"<span class='num' data-claim='{escape(c['id'])}' title='{escape(tip, quote=True)}'>"
        marks.append((c["start"], c["end"], opening, "</span>"))
    return marks


def highlight(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """The text, escaped, with every mark wrapped around its characters. Marks may nest or cross:
    the text is cut at every boundary and each piece wrapped in the marks covering it."""
    cuts = sorted({0, len(text)} | {p for s, e, _, _ in marks for p in (s, e) if 0 <= p <= len(text)})
    ordered = sorted(marks, key=lambda m: (m[0], -m[1]))
    html = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in ordered if m[0] <= start and end <= m[1]]
        piece = escape(text[start:end])
        html.append("".join(m[2] for m in covering) + piece + "".join(m[3] for m in reversed(covering)))
    return "".join(html)


def article_page(document: dict[str, Any]) -> str:
    article = document["article"]
    colours = _colours(document)
    rows = "".join(
        f"<tr><td><span class='swatch' style='background:{colours[s['id']]}'></span> {escape(s['id'])}</td>"
        f"<td>{escape(s['name'] or '')}</td><td>{escape(s['type'])}</td><td>{escape(s['title'] or '')}</td>"
        f"<td>{escape(s['organisation'] or '')}</td><td>{escape(s['description'] or '')}</td>"
        f"<td>{sum(q['speaker'] == s['id'] for q in document['quotes'])}</td>"
        f"<td>{escape(', '.join(sorted({m['text'] for m in s['mentions']})))}</td></tr>"
        for s in document["speakers"]
    )
    meta = " · ".join(escape(x) for x in (article["author"], article["published"], article["source"]) if x)
    body = (
        f"<h1>{escape(article['title'] or article['id'])}</h1><p>{meta}</p>"
        f"<p>{len(document['quotes'])} quotes, {len(document['speakers'])} speakers, "
        f"{len(document['numeric_claims'])} numeric claims. Hover a highlight for its speaker, cue, kind, "
        "confidence and evidence.</p>"
        "<h2>Speakers</h2><table><tr><th>id</th><th>name</th><th>type</th><th>title</th><th>organisation</th>"
        f"<th>description</th><th>quotes</th><th>mentions</th></tr>{rows}</table>"
        f"<h2>Text</h2><div class='text'>{highlight(article['text'], _marks(document))}</div>"
    )
    return _page(article["title"] or article["id"], body)


def _bar_chart(counts: list[tuple[str, int]]) -> str:
    """An inline SVG bar chart: no library, no request."""
    if not counts:
        return "<p>No quotes yet.</p>"
    top = max(n for _, n in counts)
    bars = []
    for i, (label, n) in enumerate(counts):
        width = 400 * n / top
        y = i * 26
        bars.append(
            f"<text x='0' y='{y + 17}' font-size='13'>{escape(label[:40])}</text>"
            f"<rect x='260' y='{y + 4}' width='{width:.1f}' height='18' fill='#60a5fa'></rect>"
            f"<text x='{266 + width:.1f}' y='{y + 17}' font-size='13'>{n}</text>"
        )
    return f"<svg xmlns='http://www.w3.org/2000/svg' width='720' height='{26 * len(counts) + 8}'>{''.join(bars)}</svg>"


def corpus_page(documents: list[dict[str, Any]]) -> str:
    by_speaker: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    for document in documents:
        kinds = {s["id"]: s for s in document["speakers"]}
        for q in document["quotes"]:
            speaker = kinds.get(q["speaker"] or "")
            by_type[speaker["type"] if speaker else "no speaker"] += 1
            if speaker:
                by_speaker[speaker["name"] or f"({speaker['description']})"] += 1
    type_rows = "".join(f"<tr><td>{escape(t)}</td><td>{n}</td></tr>" for t, n in sorted(by_type.items()))
    body = (
        f"<h1>Corpus: {len(documents)} articles</h1><h2>Who is quoted most</h2>"
        f"{_bar_chart(by_speaker.most_common(20))}"
        f"<h2>Quotes by speaker type</h2><table><tr><th>type</th><th>quotes</th></tr>{type_rows}</table>"
    )
    return _page("Corpus", body)


def index_page(documents: list[dict[str, Any]]) -> str:
    rows = []
    doubtful = []
    for document in documents:
        article = document["article"]
        confidences = [q["confidence"] for q in document["quotes"]]
        rows.append(
            f"<tr><td><a href='articles/{_link(article['id'])}'>"
            f"{escape(article['title'] or article['id'])}</a></td><td>{len(document['quotes'])}</td>"
            f"<td>{len(document['speakers'])}</td><td>{len(document['numeric_claims'])}</td>"
            f"<td>{min(confidences):.2f}</td></tr>"
            if confidences
            else f"<tr><td><a href='articles/{_link(article['id'])}'>"
            f"{escape(article['title'] or article['id'])}</a></td><td>0</td><td>0</td>"
            f"<td>{len(document['numeric_claims'])}</td><td>-</td></tr>"
        )
        for q in document["quotes"]:
            # Who said it is what a reviewer checks first: the least sure speaker leads.
            doubtful.append((q["speaker_confidence"], q["confidence"], article["id"], q, document))
    doubtful.sort(key=lambda x: (x[0], x[1], x[2], x[3]["start"]))
    items = "".join(
        f"<li><span class='{confidence_class(sc)}'>{sc:.2f}</span> "
        f"<a href='articles/{_link(a)}'>{escape(a)}</a> "
        f"{escape(q['kind'])}: “{escape(q['text'][:120])}” — {escape(_speaker_label(d, q['speaker']))}"
        f" ({escape(q['speaker_evidence'])}; quote: {escape(q['evidence'])})</li>"
        for sc, _, a, q, d in doubtful[:50]
    )
    body = (
        f"<h1>Review: {len(documents)} articles</h1>"
        "<h2>Least confident quotes first</h2><p>By speaker confidence, then quote confidence.</p>"
        f"<ol>{items}</ol><h2>Articles</h2><table><tr><th>article</th><th>quotes</th><th>speakers</th>"
        f"<th>numeric claims</th><th>lowest confidence</th></tr>{''.join(rows)}</table>"
    )
    return _page("Review", body)


def build_review(out_dir: Path) -> tuple[Path, list[str]]:
    """Write the review site for a folder of outputs; returns the path of its index page and a line
    for each JSON file left out because it is not an output (it is validated, never trusted)."""
    site = out_dir / "review"
    documents, left_out = valid_outputs(out_dir)
    links = {"INDEX": "index.html", "CORPUS": "corpus.html"}

    def write(path: Path, html: str, depth: int) -> None:
        prefix = "../" * depth
        for placeholder, target in links.items():
            html = html.replace(f"href='{placeholder}'", f"href='{prefix}{target}'", 1)
        write_atomic(path, html)

    for document in documents:
        write(site / "articles" / f"{document['article']['id']}.html", article_page(document), 1)
    write(site / "corpus.html", corpus_page(documents), 0)
    write(site / "index.html", index_page(documents), 0)
    return site / "index.html", left_out


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
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1200,1600",
             f"--screenshot={target.resolve()}", page.resolve().as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
