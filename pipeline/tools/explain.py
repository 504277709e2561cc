"""`pipeline explain ARTICLE`: why each quote, speaker and number of an article came out as it did.

For a journalist checking one article, or a maintainer reading an error: each quote with the id of
the attribution rule behind its `evidence` and that rule's measured confidence, its speaker with the
sieve pass behind `speaker_evidence`, each claim with its evidence and confidence, and every number
that was passed over with the reason it is not a claim (claims.PASSED_OVER).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from ..claims import PASSED_OVER, PassedOver, find_claims
from ..components import error_of, extraction_of
from ..engines.core import process
from ..records import Article, Extraction


def _short(text: str, most: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def _account(found: Extraction, passed: list[PassedOver]) -> Iterator[str]:
    names = {s.id: s.name or s.description or s.id for s in found.speakers}
    counts = f"{len(found.quotes)} quotes, {len(found.speakers)} speakers, {len(found.numeric_claims)} numeric claims"
    yield f"== {found.article.id}: {counts}, {len(passed)} numbers passed over"
    for quote in found.quotes:
        yield f"{quote.id} {quote.kind:<8} “{_short(quote.text)}”"
        cue = f', cue "{quote.cue.text}"' if quote.cue else ""
        yield f"     rule {quote.evidence} (confidence {quote.confidence:.2f}){cue}"
        if quote.speaker:
            speaker = f"{quote.speaker} {names.get(quote.speaker, '?')}"
            yield f"     speaker {speaker}: pass {quote.speaker_evidence} (confidence {quote.speaker_confidence:.2f})"
        else:
            yield f"     no speaker ({quote.speaker_evidence})"
    for claim in found.numeric_claims:
        unit = f", unit {claim.unit}" if claim.unit else ""
        yield f"{claim.id} “{_short(claim.text, 60)}” = {claim.value} ({claim.kind}{unit})"
        claimant = f"{claim.claimant} {names.get(claim.claimant, '?')}" if claim.claimant else "the publication"
        yield f"     evidence {claim.evidence} (confidence {claim.confidence:.2f}); stated by {claimant}"
    for number in passed:
        yield f"passed over “{number.text}” at {number.start}: {number.reason}: {PASSED_OVER[number.reason]}"


def explain_articles(articles: Iterable[Article], nlp: Language) -> Iterator[str]:
    """The account of each article, line by line; an article that fails says why."""
    for article, doc in process(nlp, articles, batch_size=1):
        if error := error_of(doc):
            yield f"== {article.id}: could not be read: {error}"
            continue
        found = extraction_of(doc)
        passed: list[PassedOver] = []
        find_claims(doc, found.article, list(found.quotes), list(found.speakers), passed)
        yield from _account(found, passed)
