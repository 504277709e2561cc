"""The resolver: every speaker phrase of an article through the sieve's passes, to one cluster per
real-world speaker."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Span
from .clusters import Cluster
from .passes import FINDERS_BY_KIND, PASSES, ROLE_SUBJECT_FINDERS
from .phrases import KINDS
from .sieve import Sieve


@dataclass(frozen=True)
class Resolved:
    """What one speaker phrase came to: its cluster (None: nobody can be named), the phrase, and
    the id of the pass that decided (the speaker evidence)."""

    cluster: int | None
    mention: Span
    rule: str


def resolve_phrases(
    doc: Doc, heads: list[int], quoted: set[int], text: str
) -> tuple[list[Cluster], dict[int, Resolved]]:
    """The clusters of an article, and what each speaker phrase (by head token) resolved to.

    Phrases are taken up kind by kind in the sieve's order (names before the descriptions and
    pronouns that point back at them), in text order within a kind; each goes to the first pass
    that finds its speaker."""
    if not heads:
        return [], {}  # no phrase to resolve: the article's entities are never asked for
    sieve = Sieve(doc, quoted, text, ROLE_SUBJECT_FINDERS, FINDERS_BY_KIND)
    mentions = [sieve.mention_at(doc[head_index]) for head_index in sorted(set(heads))]
    resolved: dict[int, Resolved] = {}
    for mention in sorted(mentions, key=lambda m: (KINDS.index(m.kind), m.head.i)):
        phrase = Span(mention.span.start_char, mention.span.end_char, mention.span.text)
        outcome = Resolved(None, phrase, "not_a_speaker" if mention.kind == "nobody" else "unresolved")
        for speaker_pass in PASSES:
            if mention.kind not in speaker_pass.kinds:
                continue
            found = speaker_pass.find(sieve, mention)
            if found is not None:
                sieve.record(mention, found)
                outcome = Resolved(found, phrase, speaker_pass.id)
                break
        resolved[mention.head.i] = outcome
    return sieve.clusters.all, resolved
