"""The review site's pages, each a pure function of output documents (or of light summaries of them).

An article page is a review list beside the text: one row per quote (anchor #q7) and per claim
(#n3), with everything a reviewer checks written out; the corpus pages list the doubtful quotes
first, the speakers, and charts whose bars lead to each speaker's quotes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .html import SPEAKER_CLASSES, article_href, attr, badge, escape, highlight, page, page_name, pager, snippet

KINDS = ("direct", "partial", "indirect")
SPEAKER_TYPES = ("PERSON", "ORG", "GROUP", "DOCUMENT", "UNKNOWN")
NOBODY = "(nobody)"  # what a reviewer types for "this quote has no speaker"


def speaker_label(speaker: dict[str, Any] | None) -> str:
    """How a speaker is shown: the name, else the description of an anonymous one, else its id."""
    if speaker is None:
        return "no speaker"
    return speaker["name"] or speaker["description"] or speaker["id"]


def speaker_slug(label: str, kind: str) -> str:
    """A safe, stable file name for a speaker's page (names may hold any character)."""
    words = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:48] or "speaker"
    return f"{words}-{hashlib.sha1(f'{label}|{kind}'.encode()).hexdigest()[:8]}"


def _speakers(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in document["speakers"]}


def _colour(document: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: f"c{i % SPEAKER_CLASSES}" for i, s in enumerate(document["speakers"])}


def _gold_speaker(speaker: dict[str, Any] | None) -> dict[str, Any] | None:
    """A speaker as a corrections file carries it: enough to rebuild a gold speaker."""
    if speaker is None:
        return None
    return {
        "name": speaker_label(speaker),
        "type": speaker["type"],
        "mentions": sorted({m["text"] for m in speaker["mentions"]}),
    }


# ---- an article ----------------------------------------------------------------------------------
def _text_marks(document: dict[str, Any]) -> tuple[list[tuple[int, int, str, str]], list[tuple[int, str]]]:
    """Quote pieces in their speaker's colour, the phrase that named the speaker and the cue marked,
    numbers outlined; a small link at the start of each to its row in the review list."""
    colours = _colour(document)
    marks: list[tuple[int, int, str, str]] = []
    inserts: list[tuple[int, str]] = []
    for q in document["quotes"]:
        colour = colours.get(q["speaker"] or "", "none")
        for n, piece in enumerate(q["spans"]):
            anchor = f" id='t-{escape(q['id'])}'" if n == 0 else ""
            marks.append((piece["start"], piece["end"], f"<span class='quote {escape(q['kind'])} {colour}'{anchor}>",
                          "</span>"))  # fmt: skip
        inserts.append((q["start"], f"<a class='tag' href='#{escape(q['id'])}'>{escape(q['id'])}</a>"))
        if q["speaker_mention"]:
            m = q["speaker_mention"]
            marks.append((m["start"], m["end"], f"<mark class='who' title='speaker of {escape(q['id'])}'>", "</mark>"))
        if q["cue"]:
            c = q["cue"]
            marks.append((c["start"], c["end"], f"<mark class='cue' title='cue of {escape(q['id'])}'>", "</mark>"))
    for c in document["numeric_claims"]:
        marks.append((c["start"], c["end"], f"<span class='num' id='t-{escape(c['id'])}'>", "</span>"))
        inserts.append((c["start"], f"<a class='tag' href='#{escape(c['id'])}'>{escape(c['id'])}</a>"))
    return marks, inserts


def _verdict_buttons(what: str) -> str:
    return (
        f"<span class='verdict' role='group' aria-label='is this {what} right?'>"
        "<button type='button' class='right' data-verdict='right' aria-pressed='false'>✓ right</button> "
        "<button type='button' class='wrong' data-verdict='wrong' aria-pressed='false'>✗ wrong</button></span>"
    )


def _quote_rows(document: dict[str, Any]) -> str:
    speakers, colours = _speakers(document), _colour(document)
    rows = []
    for position, q in enumerate(document["quotes"]):
        speaker = speakers.get(q["speaker"] or "")
        label = speaker_label(speaker)
        colour = colours.get(q["speaker"] or "", "none")
        mention = q["speaker_mention"]["text"] if q["speaker_mention"] else "—"
        cue = q["cue"]["text"] if q["cue"] else "—"
        rows.append(
            f"<tr id='{escape(q['id'])}' tabindex='-1' data-row='quote' data-position='{position}'"
            f" data-start='{q['start']}' data-end='{q['end']}' data-kind='{escape(q['kind'])}'"
            f" data-pieces='{attr([p['text'] for p in q['spans']])}' data-speaker='{attr(_gold_speaker(speaker))}'"
            f" data-speaker-name='{attr(label)}' data-sc='{q['speaker_confidence']:.3f}'"
            f" data-qc='{q['confidence']:.3f}'>"
            f"<td><a href='#t-{escape(q['id'])}' title='show in the text'>{escape(q['id'])}</a><br>"
            f"<span class='small'>{escape(q['kind'])}</span></td><td>“{escape(snippet(q['text'], 320))}”</td>"
            f"<td><span class='swatch {colour}'></span> <span class='who-name'>{escape(label)}</span>"
            f" <span class='small muted'>{escape(speaker['type'] if speaker else '')}</span><br>"
            f"<span class='small muted'>named by</span> {escape(mention)}<br>"
            f"<span class='small muted'>cue</span> {escape(cue)}</td>"
            f"<td>{badge(q['speaker_confidence'], 'speaker confidence')} <span class='small'>speaker</span><br>"
            f"{badge(q['confidence'], 'quote confidence')} <span class='small'>quote</span><br>"
            f"<span class='small muted'>{escape(q['evidence'])}; {escape(q['speaker_evidence'])}</span></td>"
            f"<td>{_verdict_buttons('quote')}<br><label class='small'>right speaker (now {escape(label)}):<br>"
            "<input class='speaker-fix' list='speaker-names'></label></td></tr>"
        )
    return "".join(rows)


def _claim_rows(document: dict[str, Any]) -> str:
    speakers = _speakers(document)
    rows = []
    for position, c in enumerate(document["numeric_claims"]):
        claimant = speakers.get(c["claimant"] or "")
        carried = {k: c[k] for k in ("start", "end", "text", "value", "kind", "unit", "unit_normalized",
                                     "approx", "predicate")}  # fmt: skip
        carried["claimant"] = _gold_speaker(claimant)
        confidence = c.get("confidence", 0.0)
        rows.append(
            f"<tr id='{escape(c['id'])}' tabindex='-1' data-row='claim' data-position='{position}'"
            f" data-start='{c['start']}' data-end='{c['end']}' data-kind='{escape(c['kind'])}'"
            f" data-cc='{confidence:.3f}' data-doubtful='{'yes' if confidence < 0.7 else 'no'}'"
            f" data-claim='{attr(carried)}'>"
            f"<td><a href='#t-{escape(c['id'])}' title='show in the text'>{escape(c['id'])}</a></td>"
            f"<td><b>{escape(c['text'])}</b><br><span class='small'>{escape(shown_value(c))}</span></td>"
            f"<td>{escape(c['kind'])} {escape(c['approx'])}<br><span class='small'>{escape(c['unit'] or '')}"
            f"{' · ' + escape(c['unit_normalized']) if c['unit_normalized'] else ''}</span></td>"
            f"<td>{escape(c['predicate'] or '')}<br><span class='small muted'>{escape(c['subject'] or '')}</span></td>"
            f"<td>{escape(speaker_label(claimant) if claimant else 'the publication')}</td>"
            f"<td>{badge(confidence, 'claim confidence')}<br><span class='small muted'>"
            f"{escape(c.get('evidence', ''))}</span></td>"
            f"<td>{_verdict_buttons('claim')}</td></tr>"
        )
    return "".join(rows)


def _spaced(html: str) -> str:
    """Paragraphs a blank line apart in the text pane, as they are in a plain-text article: an HTML
    page's text has one line break between them (display only; offsets are the text's)."""
    return re.sub(r"(?<!\n)\n(?!\n)", "\n\n", html)


def shown_value(claim: dict[str, Any]) -> str:
    """A claim's value as a reader writes it: thousands separated, a range or change with its ends
    ("850,000,000", "4.8 to 4.7", "2004-12-31")."""

    def one(value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{value:,}" if isinstance(value, (int, float)) else str(value)

    value = claim["value"]
    return " to ".join(one(v) for v in value) if isinstance(value, list) else one(value)


def _options(values: list[str], everything: str) -> str:
    return f"<option value=''>{escape(everything)}</option>" + "".join(
        f"<option value='{escape(v)}'>{escape(v)}</option>" for v in values
    )


def article_page(document: dict[str, Any]) -> str:
    article = document["article"]
    labels = sorted({speaker_label(s) for s in document["speakers"]})
    names = (
        "".join(
            f"<option value='{escape(speaker_label(s))}' data-type='{escape(s['type'])}'></option>"
            for s in document["speakers"]
        )
        + f"<option value='{NOBODY}' data-type=''></option>"
    )
    # The input's file name, never its folders: a site shared outside the newsroom shows no paths.
    source = PurePath(article["source"]).name if article["source"] else ""
    meta = " · ".join(escape(x) for x in (article["author"], article["published"], source) if x)
    quote_controls = (
        "<div class='controls needs-js' data-list-controls='quote-table'>"
        "<label>sort <select name='sort'><option value='position'>text order</option>"
        "<option value='sc'>speaker confidence, lowest first</option><option value='kind'>kind</option>"
        "<option value='speaker-name'>speaker</option></select></label>"
        f"<label>kind <select data-filter='kind'>{_options(list(KINDS), 'all')}</select></label>"
        f"<label>speaker <select data-filter='speaker-name'>{_options(labels, 'everyone')}</select></label></div>"
    )
    marks, inserts = _text_marks(document)
    body = (
        f"<header><h1>{escape(article['title'] or article['id'])}</h1><p>{meta}</p>"
        f"<p>{len(document['quotes'])} quotes, {len(document['speakers'])} speakers, "
        f"{len(document['numeric_claims'])} numeric claims. <span class='needs-js'>Marked on this page: "
        "<b class='marked-here'>0</b>.</span> In the text: quotes in their speaker's colour, "
        "<mark class='who'>the phrase that named the speaker</mark>, <mark class='cue'>the cue</mark>, "
        "<span class='num'>numbers</span>.</p>"
        "<p class='needs-js'><button type='button' data-action='reviewed' aria-pressed='false'>"
        "Mark this article reviewed</button> <span class='small'>only articles marked reviewed go into the"
        " gold; rows left unmarked in them count as right.</span></p></header>"
        f"<datalist id='speaker-names'>{names}</datalist>"
        "<div class='cols'><section aria-label='article text'><h2>Text</h2>"
        f"<div class='text'>{_spaced(highlight(article['text'], marks, inserts))}</div></section>"
        "<section aria-label='review'><h2>Quotes</h2>"
        f"{quote_controls}<table id='quote-table'><thead><tr><th>id</th><th>quote</th><th>speaker</th>"
        "<th>confidence, evidence</th><th>review</th></tr></thead>"
        f"<tbody>{_quote_rows(document)}</tbody></table>"
        "<h2>Numeric claims</h2>"
        "<div class='controls needs-js' data-list-controls='claim-table'>"
        "<label>sort <select name='sort'><option value='position'>text order</option>"
        "<option value='cc'>confidence, lowest first</option></select></label>"
        "<label>show <select data-filter='doubtful'><option value=''>every claim</option>"
        "<option value='yes'>doubtful claims (confidence under 0.7)</option></select></label></div>"
        "<table id='claim-table'><thead><tr><th>id</th><th>as written, value</th><th>kind, unit</th>"
        "<th>predicate, subject</th><th>claimant</th><th>confidence</th>"
        f"<th>review</th></tr></thead><tbody>{_claim_rows(document)}</tbody></table>"
        "<h2>Speakers</h2>" + _speaker_table(document) + "</section></div>"
    )
    shown = {**article, "source": source}
    attrs = f" data-article='{attr(article['id'])}' data-sha256='{attr(article['sha256'])}'" + "".join(
        f" data-{key}='{attr(json.dumps(shown[key]))}'" for key in ("source", "title", "author", "published")
    )
    return page(article["title"] or article["id"], body, depth=1, body_attrs=attrs)


def _speaker_table(document: dict[str, Any]) -> str:
    colours = _colour(document)
    rows = "".join(
        f"<tr><td><span class='swatch {colours[s['id']]}'></span> {escape(s['id'])}</td>"
        f"<td>{escape(s['name'] or '')}</td><td>{escape(s['type'])}</td><td>{escape(s['title'] or '')}</td>"
        f"<td>{escape(s['organisation'] or '')}</td><td>{escape(s['description'] or '')}</td>"
        f"<td>{sum(q['speaker'] == s['id'] for q in document['quotes'])}</td>"
        f"<td>{escape(', '.join(sorted({m['text'] for m in s['mentions']})))}</td></tr>"
        for s in document["speakers"]
    )
    return (
        "<table><thead><tr><th>id</th><th>name</th><th>type</th><th>title</th><th>organisation</th>"
        f"<th>description</th><th>quotes</th><th>mentions</th></tr></thead><tbody>{rows}</tbody></table>"
    )


# ---- what the corpus pages keep of each article --------------------------------------------------
@dataclass(frozen=True)
class QuoteRef:
    """One quote as the corpus pages show it: no article text beyond the quote's first words."""

    article: str
    title: str
    quote: str
    kind: str
    words: str
    speaker: str
    speaker_type: str
    speaker_evidence: str
    speaker_confidence: float
    confidence: float
    evidence: str

    @property
    def href(self) -> str:
        return f"articles/{article_href(self.article)}#{self.quote}"


@dataclass
class ArticleRow:
    article: str
    title: str
    quotes: int
    speakers: int
    claims: int
    lowest: float | None


@dataclass
class Corpus:
    """Light summaries of every article, gathered while the article pages are written."""

    articles: list[ArticleRow] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)

    def add(self, document: dict[str, Any]) -> None:
        article = document["article"]
        speakers = _speakers(document)
        title = article["title"] or article["id"]
        confidences = [q["speaker_confidence"] for q in document["quotes"]]
        lowest = min(confidences) if confidences else None
        counts = (len(document["quotes"]), len(document["speakers"]), len(document["numeric_claims"]))
        self.articles.append(ArticleRow(article["id"], title, *counts, lowest))
        for q in document["quotes"]:
            speaker = speakers.get(q["speaker"] or "")
            self.quotes.append(QuoteRef(
                article["id"], title, q["id"], q["kind"], snippet(q["text"], 160), speaker_label(speaker),
                speaker["type"] if speaker else "no speaker", q["speaker_evidence"], q["speaker_confidence"],
                q["confidence"], q["evidence"],
            ))  # fmt: skip

    def by_speaker(self) -> dict[tuple[str, str], list[QuoteRef]]:
        """(label, type) -> the speaker's quotes, most quoted first; quotes with no speaker left out."""
        grouped: dict[tuple[str, str], list[QuoteRef]] = {}
        for ref in self.quotes:
            if ref.speaker_type != "no speaker":
                grouped.setdefault((ref.speaker, ref.speaker_type), []).append(ref)
        return dict(sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])))


def _doubtful_rows(refs: list[QuoteRef], depth: int) -> str:
    up = "../" * depth
    return "".join(
        f"<tr data-position='{n}' data-kind='{escape(r.kind)}' data-speaker-name='{attr(r.speaker)}'"
        f" data-sc='{r.speaker_confidence:.3f}'>"
        f"<td>{badge(r.speaker_confidence, 'speaker confidence')} {badge(r.confidence, 'quote confidence')}</td>"
        f"<td><span class='who-name'>{escape(r.speaker)}</span><br><span class='small muted'>"
        f"{escape(r.speaker_evidence)}</span></td><td>{escape(r.kind)}</td>"
        f"<td><a href='{up}{escape(r.href)}'>“{escape(r.words)}”</a><br><span class='small muted'>{escape(r.title)}"
        "</span></td></tr>"
        for n, r in enumerate(refs)
    )


def _doubtful_table(refs: list[QuoteRef], table_id: str, depth: int = 0) -> str:
    speakers = sorted({r.speaker for r in refs})
    return (
        f"<div class='controls needs-js' data-list-controls='{table_id}'>"
        f"<label>kind <select data-filter='kind'>{_options(list(KINDS), 'all')}</select></label>"
        f"<label>speaker <select data-filter='speaker-name'>{_options(speakers, 'everyone')}</select></label></div>"
        f"<table id='{table_id}'><thead><tr><th>speaker / quote confidence</th><th>speaker (rule)</th><th>kind</th>"
        f"<th>quote (goes to it in its article)</th></tr></thead><tbody>{_doubtful_rows(refs, depth)}</tbody></table>"
    )


def doubtful_order(refs: list[QuoteRef]) -> list[QuoteRef]:
    """Who said it is what a reviewer checks first: the least sure speaker leads, then the least
    sure quote."""
    return sorted(refs, key=lambda r: (r.speaker_confidence, r.confidence, r.article, r.quote))


def doubtful_pages(corpus: Corpus, per_page: int) -> list[tuple[str, str]]:
    """(file name, page) for each page of the corpus-wide doubtful-first list."""
    ordered = doubtful_order(corpus.quotes)
    total = max(1, -(-len(ordered) // per_page))
    pages = []
    for number in range(1, total + 1):
        chunk = ordered[(number - 1) * per_page : number * per_page]
        body = (
            f"<h1>Doubtful first: {len(ordered)} quotes</h1><p>Every quote of the corpus, the least confident "
            "speaker first (then the least confident quote). Each links to the quote in its article, where it "
            "can be marked and its speaker corrected.</p>"
            + pager("doubtful", number, total)
            + _doubtful_table(chunk, "doubtful-table")
            + pager("doubtful", number, total)
        )
        pages.append((page_name("doubtful", number), page("Doubtful first", body, depth=0)))
    return pages


def index_pages(corpus: Corpus, per_page: int) -> list[tuple[str, str]]:
    """(file name, page) for each page of the article list; the first also previews the doubtful list."""
    total = max(1, -(-len(corpus.articles) // per_page))
    preview = doubtful_order(corpus.quotes)[:10]
    pages = []
    for number in range(1, total + 1):
        chunk = corpus.articles[(number - 1) * per_page : number * per_page]
        rows = "".join(
            f"<tr><td><a href='articles/{escape(article_href(a.article))}'>{escape(a.title)}</a></td>"
            f"<td>{a.quotes}</td><td>{a.speakers}</td><td>{a.claims}</td>"
            f"<td>{badge(a.lowest, 'lowest speaker confidence') if a.lowest is not None else '-'}</td></tr>"
            for a in chunk
        )
        lead = (
            "<h2>Least confident quotes first</h2><p>The ten least sure speakers of the corpus; "
            f"<a href='doubtful.html'>the whole list</a>.</p>{_doubtful_table(preview, 'preview-table')}"
            if number == 1
            else ""
        )
        body = (
            f"<h1>Review: {len(corpus.articles)} articles, {len(corpus.quotes)} quotes</h1>{lead}"
            f"<h2>Articles</h2>{pager('index', number, total)}<table><thead><tr><th>article</th><th>quotes</th>"
            "<th>speakers</th><th>numeric claims</th><th>lowest speaker confidence</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>{pager('index', number, total)}"
        )
        pages.append((page_name("index", number), page("Review", body, depth=0)))
    return pages


# ---- speakers ------------------------------------------------------------------------------------
def speaker_page(label: str, kind: str, refs: list[QuoteRef]) -> str:
    counts = Counter(r.kind for r in refs)
    body = (
        f"<h1>{escape(label)}</h1><p>{escape(kind)}: {len(refs)} quotes "
        f"({', '.join(f'{counts[k]} {k}' for k in KINDS if counts[k])}), in text order of each article.</p>"
        + _doubtful_table(refs, "speaker-table", depth=1)
    )
    return page(label, body, depth=1)


def speakers_page(grouped: dict[tuple[str, str], list[QuoteRef]], with_pages: set[tuple[str, str]]) -> str:
    rows = []
    for (label, kind), refs in grouped.items():
        if (label, kind) not in with_pages:
            continue
        counts = Counter(r.kind for r in refs)
        rows.append(
            f"<tr><td><a href='speakers/{speaker_slug(label, kind)}.html'>{escape(label)}</a></td>"
            f"<td>{escape(kind)}</td>"
            f"<td>{len(refs)}</td>" + "".join(f"<td>{counts[k]}</td>" for k in KINDS) + "</tr>"
        )
    body = (
        f"<h1>Speakers: {len(grouped)}</h1>"
        "<div id='speaker-search' class='needs-js'><label>Search by name across the corpus: "
        "<input type='search' autocomplete='off' placeholder='a name or part of it'></label>"
        "<ul id='speaker-results' aria-live='polite'></ul></div>"
        f"<h2>Most quoted ({len(rows)})</h2><table><thead><tr><th>speaker</th><th>type</th><th>quotes</th>"
        + "".join(f"<th>{k}</th>" for k in KINDS)
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<script src='assets/speakers-index.js'></script>"
    )
    return page("Speakers", body, depth=0)


def speaker_index(
    grouped: dict[tuple[str, str], list[QuoteRef]], with_pages: set[tuple[str, str]], per_speaker: int
) -> list[Any]:
    """What the speaker search reads, small enough for a large corpus: [name, type, quotes, the
    speaker's page or "", [[article page, quote id, first words], ...] for the first few quotes]."""
    return [
        [
            label, kind, len(refs),
            f"speakers/{speaker_slug(label, kind)}.html" if (label, kind) in with_pages else "",
            [[article_href(r.article), r.quote, snippet(r.words, 80)] for r in refs[:per_speaker]],
        ]
        for (label, kind), refs in grouped.items()
    ]  # fmt: skip


def _bar_chart(bars: list[tuple[str, int, str]], title: str) -> str:
    """An inline SVG bar chart; each bar (and its label) a link. No library, no request."""
    if not bars:
        return "<p>No quotes yet.</p>"
    top = max(n for _, n, _ in bars)
    drawn = []
    for i, (label, n, href) in enumerate(bars):
        width, y = 400 * n / top, i * 26
        shown = snippet(label, 48)
        # A long name is drawn narrower to fit its column (the whole name is in the bar's title).
        fit = f" textLength='{LABEL_WIDTH}' lengthAdjust='spacingAndGlyphs'" if len(shown) > 30 else ""
        drawn.append(
            f"<a href='{escape(href)}'><title>{escape(label)}: {n} quotes</title>"
            f"<text x='0' y='{y + 17}' font-size='13'{fit}>{escape(shown)}</text>"
            f"<rect x='{LABEL_WIDTH + 10}' y='{y + 4}' width='{width:.1f}' height='18' fill='#60a5fa'></rect>"
            f"<text x='{LABEL_WIDTH + 16 + width:.1f}' y='{y + 17}' font-size='13'>{n}</text></a>"
        )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' role='img' aria-label='{escape(title)}'"
        f" width='{LABEL_WIDTH + 460}' height='{26 * len(bars) + 8}'>{''.join(drawn)}</svg>"
    )


LABEL_WIDTH = 250  # the name column of a bar chart, in pixels


def chart_speakers(
    grouped: dict[tuple[str, str], list[QuoteRef]], top: int, per_type: int
) -> dict[str, list[tuple[str, str]]]:
    """The speakers each chart shows: "all" the most quoted, then the most quoted of each type."""
    charts = {"all": list(grouped)[:top]}
    for kind in SPEAKER_TYPES:
        charts[kind] = [key for key in grouped if key[1] == kind][:per_type]
    return charts


def corpus_page(
    corpus: Corpus, grouped: dict[tuple[str, str], list[QuoteRef]], charts: dict[str, list[tuple[str, str]]]
) -> str:
    by_type = Counter(r.speaker_type for r in corpus.quotes)
    by_kind = Counter((r.speaker_type, r.kind) for r in corpus.quotes)

    def bars(keys: list[tuple[str, str]]) -> list[tuple[str, int, str]]:
        return [
            (label, len(grouped[(label, kind)]), f"speakers/{speaker_slug(label, kind)}.html") for label, kind in keys
        ]

    type_rows = "".join(
        f"<tr><td>{escape(t)}</td><td>{n}</td>" + "".join(f"<td>{by_kind[(t, k)]}</td>" for k in KINDS) + "</tr>"
        for t, n in sorted(by_type.items())
    )
    sections = "".join(
        f"<h2>Most quoted: {escape(kind)}</h2>{_bar_chart(bars(charts[kind]), f'most quoted {kind}')}"
        for kind in SPEAKER_TYPES
        if charts.get(kind)
    )
    body = (
        f"<h1>Corpus: {len(corpus.articles)} articles, {len(corpus.quotes)} quotes</h1>"
        "<p>Each bar leads to that speaker's quotes.</p>"
        f"<h2>Who is quoted most</h2>{_bar_chart(bars(charts['all']), 'most quoted speakers')}"
        f"<h2>Quotes by speaker type</h2><table><thead><tr><th>type</th><th>quotes</th>"
        + "".join(f"<th>{k}</th>" for k in KINDS)
        + f"</tr></thead><tbody>{type_rows}</tbody></table>{sections}"
    )
    return page("Corpus", body, depth=0)
