"""Frozen records passed between stages. Offsets are Python string indices into `Article.text`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

SpeakerType = Literal["PERSON", "ORG", "GROUP", "DOCUMENT", "UNKNOWN"]
QuoteKind = Literal["direct", "partial", "indirect"]
ClaimKind = Literal["count", "percent", "money", "measure", "year", "year_range", "date", "ordinal", "fraction"]
# How the value is asserted: exactly, about, more/less than, at least/most, a rise or a fall by it.
Approx = Literal["=", "~", ">", "<", ">=", "<=", "up", "down"]
ChangeEnd = Literal["from", "to"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Issue:
    """An item-level oddity, reported in the output's `warnings`, never raised."""

    kind: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    sha256: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    # Where the body starts: the title lines, their repeats and the byline come before it.
    body_start: int = 0
    # Spans of `text` that stand again for the title (repeated headline lines): never mined.
    skipped: tuple[tuple[int, int], ...] = ()
    warnings: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str | None
    type: SpeakerType
    title: str | None = None
    organisation: str | None = None
    description: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Quote:
    id: str
    kind: QuoteKind
    start: int
    end: int
    text: str
    spans: tuple[Span, ...]
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    confidence: float = 0.0
    evidence: str = ""
    # How sure we are that `speaker` is right (a measured precision), and the rule that chose it.
    speaker_confidence: float = 0.0
    speaker_evidence: str = ""
    # The token index of the head of the phrase that speaks the quote, as the attribution rule found
    # it: what the speaker stage resolves. Internal: not in the output.
    speaker_head: int | None = None


@dataclass(frozen=True)
class NumericClaim:
    id: str
    text: str
    start: int
    end: int
    value: float | int | str | tuple[float | int | str, float | int | str]
    kind: ClaimKind
    sentence: tuple[int, int]
    unit: str | None = None
    unit_normalized: str | None = None
    approx: Approx = "="
    predicate: str | None = None
    subject: str | None = None
    claimant: str | None = None
    quote: str | None = None
    # How sure we are of the value and unit (a measured precision), and the kind of evidence.
    confidence: float = 0.0
    evidence: str = ""
    # One end of a change ("rose from 10 to 12" is two claims, each its own figure): which end, and
    # the id of the claim at the other end.
    change: ChangeEnd | None = None
    paired_with: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: Article
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numeric_claims: tuple[NumericClaim, ...] = ()
    warnings: tuple[Issue, ...] = field(default=())


# Unicode controls that reorder the text around them ("RIGHT-TO-LEFT OVERRIDE"): in a page or a
# spreadsheet they can make article text read as something else. Shown, never obeyed.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# Characters that take no room on screen (zero-width space, joiners, word joiner, a stray byte-order
# mark): in a review page they hide where a word or a quote really ends. Shown, as the controls are.
INVISIBLES = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_BIDI_NAMES = str.maketrans({ch: f"<U+{ord(ch):04X}>" for ch in BIDI_CONTROLS | INVISIBLES})


def show_bidi_controls(text: str) -> str:
    """Each bidi control and zero-width character replaced by its visible name ("<U+202E>")."""
    return text.translate(_BIDI_NAMES)


# What each published field means: the one dictionary the JSON Schema's descriptions, the corpus
# tables' column docs (io/tables.py) and, through them, the README's tables are made from.
FIELD_DOCS: dict[str, dict[str, str]] = {
    "Speaker": {
        "id": "speaker id within the article (s1, s2, ...)",
        "name": "canonical name; empty for anonymous speakers",
        "type": "PERSON, ORG, GROUP, DOCUMENT or UNKNOWN",
        "title": "title written before the name",
        "organisation": "organisation, where the text states it",
        "description": "how an anonymous speaker is described",
        "mentions": "every phrase that stands for the speaker in an attribution",
    },
    "Quote": {
        "id": "quote id within the article (q1, q2, ...)",
        "kind": "direct, partial or indirect",
        "start": "offset of the first character in article.text",
        "end": "offset after the last character",
        "text": "the quote's words",
        "spans": "the pieces of a quote over several paragraphs or interrupted by its cue",
        "speaker": "speaker id within the article, empty when nobody could be named",
        "speaker_mention": "the phrase that named the speaker here",
        "cue": "the reporting verb",
        "confidence": "0 to 1: the measured precision of the rule that found it",
        "evidence": "the rule that found it",
        "speaker_confidence": "0 to 1: the measured precision of the rule that chose the speaker",
        "speaker_evidence": "the id of the speaker pass that chose the speaker",
    },
    "NumericClaim": {
        "id": "claim id within the article (n1, n2, ...)",
        "text": "the words of the number (and the counted noun)",
        "start": "offset in article.text",
        "end": "offset after the number",
        "value": "a number; a [low, high] pair for a range (a change is two claims, see change); for"
        " kind date an ISO 8601 date (--MM-DD without a year) or a pair of them",
        "kind": "count, percent, money, measure, year, year_range, date, ordinal or fraction",
        "sentence": "the sentence the number stands in",
        "unit": "what is counted or measured, as written",
        "unit_normalized": "one canonical name per unit, to group claims across articles: an ISO 4217 code"
        " for money (GBX for pence), percent, a measure's name (mile per hour), a counted noun's singular;"
        " rates as X per Y",
        "approx": "= ~ > < >= <= up down",
        "predicate": "what the text says happened",
        "subject": "who or what did it",
        "claimant": "speaker id of who claims it; empty means the publication",
        "quote": "id of the quote the number sits in",
        "confidence": "0 to 1: the measured precision of the value and unit for claims of this evidence",
        "evidence": "what the claim rests on: its kind, where its unit came from, one value, a range or a change",
        "change": 'from or to: the claim is one end of a change ("rose from 10 to 12" is two claims)',
        "paired_with": "the id of the claim at the change's other end",
    },
}


# ---- records through msgpack (nlp.pipe with n_process, DocBin with user data) ----------------------
# srsly calls these for what msgpack cannot pack itself. No spaCy here: srsly loads them by entry
# point while spaCy is still importing.
RECORDS = {cls.__name__: cls for cls in (Article, Issue, NumericClaim, Quote, Span, Speaker)}
_TAG = "__pipeline_record__"


def encode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A record as a tagged dict of its fields (srsly msgpack encoder)."""
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in RECORDS:
        return {_TAG: type(obj).__name__, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def _tuples(value: Any) -> Any:
    """Records hold tuples; msgpack gives lists back."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def decode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A tagged dict back into its record (srsly msgpack decoder)."""
    if isinstance(obj, dict) and obj.get(_TAG) in RECORDS:
        fields = {k: _tuples(v) for k, v in obj.items() if k != _TAG}
        return RECORDS[obj[_TAG]](**fields)
    return obj if chain is None else chain(obj)
