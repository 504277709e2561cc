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


@dataclass(frozen=True)
class NumericClaim:
    id: str
    text: str
    start: int
    end: int
    value: float | int | tuple[float | int, float | int]
    kind: ClaimKind
    sentence: tuple[int, int]
    unit: str | None = None
    approx: Approx = "="
    predicate: str | None = None
    subject: str | None = None
    claimant: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: Article
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numeric_claims: tuple[NumericClaim, ...] = ()
    warnings: tuple[Issue, ...] = field(default=())


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
