"""Reporting verbs that report nothing said: their clause is not reported speech.

A reporting verb with a clause after it is reported speech only when the article says that the
speech act happened. Each row is a reason it did not, with its id and an example:
- `negated`: "The agency did not say whether the bridge would close.", "Nobody said that ..."
- `withheld`: "The agency declined to say whether ...", "refused to confirm that ...".
- `hypothetical`: "Officials could announce that ...", "If the council says that ...".
- `shown_not_said`: "Video shows officers forcing the door", "Blood tests revealed that ...": a
  recording or a test shows what was seen; nobody said it.
- `set_phrase`: "That being said, ...", "Needless to say, ...": the writer's own fixed phrase
  (resources/set_phrases.txt).
- `describes_a_group`: "the share of adults who said they had smoked rose": what a group said
  picks the group out (a restrictive relative clause on a plural or a share), no quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .. import resources


def set_phrase(cue: Token) -> bool:
    """ "That being said", "needless to say": the verb stands in a fixed phrase of the writer's."""
    doc = cue.doc
    for phrase in resources.set_phrases():
        for at, word in enumerate(phrase):
            start = cue.i - at
            if word == cue.lower_ and start >= 0 and start + len(phrase) <= len(doc):
                if tuple(t.lower_ for t in doc[start : start + len(phrase)]) == phrase:
                    return True
    return False


def negated(cue: Token) -> bool:
    """ "did not say", "never said", "Nobody said", "No official said"."""
    for child in cue.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in resources.negative_speakers()
            or any(d.lower_ == "no" for d in child.children)
            or child.lower_ == "no"
        ):
            return True
    return False


def withheld(cue: Token) -> bool:
    markers = resources.unspoken_markers()
    return cue.dep_ == "xcomp" and markers.get(cue.head.lemma_.lower()) == "withholding"


def hypothetical(cue: Token) -> bool:
    """A modal or a condition on the reporting verb, or on the verb it completes ("If the minister
    were to say that ...", "Officials may want to say that ...")."""
    markers = resources.unspoken_markers()
    verbs = [cue, cue.head] if cue.dep_ == "xcomp" else [cue]
    modal = any(c.dep_ == "aux" and markers.get(c.lower_) == "modal" for v in verbs for c in v.children)
    condition = any(c.dep_ == "mark" and markers.get(c.lower_) == "condition" for v in verbs for c in v.children)
    return modal or condition


def shown_not_said(cue: Token) -> bool:
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in resources.recordings()


def describes_a_group(cue: Token) -> bool:
    if cue.dep_ != "relcl":
        return False
    relative = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ in ("who", "that")), None)
    if relative is None or relative.i == 0 or relative.nbor(-1).text == ",":
        return False  # "Residents, who said the law was unfair, marched": an aside that reports them
    group = cue.head
    return group.tag_ in ("NNS", "NNPS") or group.lower_ in resources.group_words()


@dataclass(frozen=True)
class Unspoken:
    """A row: why a reporting verb reports nothing said."""

    id: str
    applies: Callable[[Token], bool]


UNSPOKEN: tuple[Unspoken, ...] = (
    Unspoken("set_phrase", set_phrase),
    Unspoken("negated", negated),
    Unspoken("withheld", withheld),
    Unspoken("hypothetical", hypothetical),
    Unspoken("shown_not_said", shown_not_said),
    Unspoken("describes_a_group", describes_a_group),
)


def unspoken(cue: Token) -> str | None:
    """The id of the first row that finds the cue reports nothing said, else None."""
    return next((row.id for row in UNSPOKEN if row.applies(cue)), None)
