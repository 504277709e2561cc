"""Who states a figure: the speaker of the quote it stands in, a body whose published words the
article gives, or the speaker who forecasts it."""

from __future__ import annotations

from spacy.tokens import Token

from .. import resources
from ..records import Quote, Speaker
from ..speakers.names import clean_name
from ..text import syntax
from ..text.quantities import Quantity
from .grammar import SUBJECT_DEPS, phrase_of


def containing_quote(q: Quantity, quotes: list[Quote]) -> Quote | None:
    inside = [x for x in quotes if x.start <= q.start and q.end <= x.end]
    return min(inside, key=lambda x: x.end - x.start) if inside else None


def speaker_named(phrase: str, speakers: list[Speaker], publishers: set[str]) -> str | None:
    """The id of the body a subject phrase names when the article reports its figures from what
    that body published ("The IOPC investigated 265 complaints", in an article on the IOPC's
    report): a document, or a body that speaks through one. Anyone else's deeds are the narrator's
    figures: "James finished with 25 points", "BA cut 13,000 jobs" are claimed by the publication."""
    return speaker_by_phrase(phrase, [s for s in speakers if s.type == "DOCUMENT" or s.id in publishers])


def speaker_by_phrase(phrase: str, speakers: list[Speaker]) -> str | None:
    """The id of the speaker a phrase names, by its name or one of its mentions ("The IOPC")."""
    wanted = clean_name(phrase).lower()
    for speaker in speakers:
        names = {speaker.name or ""} | {m.text for m in speaker.mentions}
        if any(clean_name(n).lower() == wanted for n in names if n):
            return speaker.id
    return None


def forecaster(number: Token, speakers: list[Speaker]) -> str | None:
    """Who forecasts or estimates the figure, when the article names them as a speaker: "BA
    expects a 2% to 3% rise in revenue", "Ann Lee estimates the cost at $5m" (resources/
    forecast_verbs.txt). The figure stands in what the verb says, not in its subject."""
    node = number
    for _ in range(6):
        if node.head.i == node.i or node.dep_ in SUBJECT_DEPS:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if node.lemma_.lower() not in resources.forecast_verbs():
        return None
    subject = syntax.subject_of(node)
    return speaker_by_phrase(phrase_of(subject), speakers) if subject is not None else None
