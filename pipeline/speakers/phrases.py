"""A speaker phrase as the sieve reads it: its head, its words and its kind (`Mention`), and what
its words alone say (a share of a group, subjects joined by "and", a family's count)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .. import resources
from ..text import syntax

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
# What a mention is, in the order the sieve takes them up: names first, pronouns last.
KINDS = ("nobody", "person", "org", "role", "description", "document", "org_noun", "epithet", "pronoun")


def describes_a_share(head: Token) -> bool:
    """A phrase headed by a share of a group ("half of them", "those who said", "42% of them"): it
    describes people, it does not point back at a speaker."""
    return head.lower_ in resources.group_words() or head.like_num or head.text == "%"


@dataclass(frozen=True)
class Mention:
    """A phrase that speaks a quote: its head token, its tokens, and what kind of phrase it is."""

    head: Token
    span: SpacySpan
    kind: str

    @property
    def char(self) -> int:
        return self.span.start_char

    @property
    def definite(self) -> bool:
        """ "The committee", "this group": a phrase that points back at something named before."""
        return self.span[0].lower_ in ("the", "this", "that", "these", "those")


def joined_subject(head: Token) -> Token | None:
    """The last noun joined by "and" to a subject ("Paganini and his team wrote"): the two speak
    together, as one group. None for anything else."""
    return syntax.joined_to(head) if head.dep_ in ("nsubj", "nsubjpass") else None


def family_count(head: Token) -> set[int]:
    """The tokens of the count after a family noun ("the mother of three", "the father-of-two"),
    or none."""
    count = {t.i for c in head.rights if c.lower_ == "of" for t in c.subtree}
    return count if any(head.doc[i].like_num for i in count) else set()
