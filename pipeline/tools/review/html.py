"""Small pieces every review page is made of: escaping, the page frame, badges, links, highlighting.

Every string that comes from an article (its text, names, ids) goes through `escape` before it
reaches a page, attributes included.
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from typing import Any
from urllib.parse import quote

from ...records import show_bidi_controls

# Nothing loaded from outside; scripts and styles only as files of the site; no <base> to redirect
# links, no form to send anything. A corrections file leaves by download, never by request.
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
SPEAKER_CLASSES = 10  # .c0 ... .c9 in review.css
_NO_ID = re.compile(r" id='[^']*'")


def escape(text: str, quote: bool = True) -> str:
    """Article text made safe for a page: HTML-escaped, and bidi controls shown, not obeyed."""
    return html_escape(show_bidi_controls(text), quote=quote)


def attr(value: Any) -> str:
    """A value as a data-* attribute: JSON for anything not a string, escaped either way."""
    return escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), quote=True)


def article_href(article_id: str) -> str:
    """An article page's file name, URL-encoded ("#", "?" and "%" in an id would break a link)."""
    return quote(f"{article_id}.html")


def confidence_class(confidence: float) -> str:
    """Colour band of a measured confidence: red under 0.5, amber under 0.9, green from 0.9."""
    return "low" if confidence < 0.5 else "mid" if confidence < 0.9 else "high"


def badge(confidence: float, what: str) -> str:
    """A confidence on the site's one colour scale (red 0 ... green 1), its value written out."""
    tenth = max(0, min(10, int(confidence * 10 + 1e-9)))
    return f"<span class='conf cf{tenth} {confidence_class(confidence)}' title='{escape(what)}'>{confidence:.2f}</span>"


def snippet(text: str, limit: int = 160) -> str:
    """The start of a text, cut at a word boundary with an ellipsis (never mid-word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def page(title: str, body: str, depth: int, body_attrs: str = "") -> str:
    """A whole page: `depth` is how many folders below the site's root it lies (links and assets)."""
    up = "../" * depth
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><link rel='stylesheet' href='{up}assets/review.css'>"
        f"<script src='{up}assets/site.js'></script><script src='{up}assets/review.js'></script></head>"
        f"<body{body_attrs}>"
        f"<nav aria-label='site'><a href='{up}index.html'>Articles</a><a href='{up}doubtful.html'>Doubtful first</a>"
        f"<a href='{up}speakers.html'>Speakers</a><a href='{up}corpus.html'>Corpus</a>"
        "<span class='needs-js small'>corrections saved in this browser: <b class='marked-articles'>0</b> article(s) "
        "<button type='button' data-action='download'>Download corrections file</button> "
        "<button type='button' data-action='clear'>Clear</button></span></nav>"
        f"<main>{body}</main></body></html>\n"
    )


def pager(prefix: str, current: int, total: int) -> str:
    """Links to the pages of a paginated list: prefix.html, prefix-2.html, ..."""
    if total <= 1:
        return ""
    links = [
        f"<strong aria-current='page'>{n}</strong>" if n == current else f"<a href='{page_name(prefix, n)}'>{n}</a>"
        for n in range(1, total + 1)
        if n in (1, total) or abs(n - current) <= 3
    ]
    return f"<p class='pages'>Pages: {' '.join(links)}</p>"


def page_name(prefix: str, number: int) -> str:
    return f"{prefix}.html" if number == 1 else f"{prefix}-{number}.html"


def highlight(text: str, marks: list[tuple[int, int, str, str]], inserts: list[tuple[int, str]] | None = None) -> str:
    """The text, escaped, with every mark wrapped around its characters and each insert (a small
    link) placed before its character. Marks may nest or cross: the text is cut at every boundary
    and each piece wrapped in the marks covering it (one sweep, so a long article stays fast)."""
    inserts = inserts or []
    points = {p for s, e, _, _ in marks for p in (s, e)} | {p for p, _ in inserts}
    cuts = sorted({0, len(text)} | {p for p in points if 0 <= p <= len(text)})
    ordered = sorted((m for m in marks if m[0] < m[1]), key=lambda m: (m[0], -m[1]))
    at: dict[int, list[str]] = {}
    for position, html in inserts:
        at.setdefault(position, []).append(html)
    parts, active, following = [], [], 0
    opened: set[int] = set()
    for start, end in zip(cuts, cuts[1:], strict=False):
        parts.append("".join(at.get(start, ())))
        while following < len(ordered) and ordered[following][0] <= start:
            active.append(ordered[following])
            following += 1
        active = [m for m in active if m[1] > start]  # every boundary is a cut: these cover [start, end)
        piece = escape(text[start:end])
        # A mark cut in pieces opens in each; its id (the target of links) stays on the first.
        opening = "".join(m[2] if id(m) not in opened else _NO_ID.sub("", m[2]) for m in active)
        opened.update(id(m) for m in active)
        parts.append(opening + piece + "".join(m[3] for m in reversed(active)))
    parts.append("".join(at.get(len(text), ())))
    return "".join(parts)
