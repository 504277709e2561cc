"""Frozen records passed between stages. Offsets are Python string indices into `Article.text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SpeakerType = Literal["PERSON", "ORG", "GROUP", "DOCUMENT", "UNKNOWN"]
QuoteKind = Literal["direct", "partial", "indirect"]


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
    kind: str
    sentence: tuple[int, int]
    unit: str | None = None
    approx: str = "="
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
