"""What happened to a number: the verb it hangs on with its modals and object, the noun it
measures ("a £1.2 billion cut"), or the phrase a date is set off after."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import resources
from ..text import syntax
from ..text.quantities import Quantity
from .grammar import set_off


def noun_predicate(number: Token, q: Quantity) -> str | None:
    """What a number measures when it modifies a noun rather than counting it: "a £1.2 billion
    cut" -> "cut", "a 40% drop in profits" -> "drop in profits", "a fine of $5m" -> "fine"."""
    span = number.doc.char_span(q.start, q.end, alignment_mode="expand")
    node = span.root if span is not None else number  # "m." in "$5m.", "%" in "40%": the head within
    if node.dep_ == "pobj":
        number = node
    for _ in range(4):  # "$", "%" and "billion" hang on the number, the number on the noun
        if node.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod") and node.head.i > node.i:
            node = node.head
            if node.pos_ == "NOUN" and node.idx >= q.end:
                break
        else:
            break
    if node.i > number.i and node.pos_ == "NOUN" and node.dep_ != "compound" and node.idx >= q.end:
        if set_off(number.doc, q, number.i + 1, node.i):
            return None
        noun = node
    elif (
        number.dep_ == "pobj"
        and number.head.lower_ == "of"
        and number.head.head.pos_ == "NOUN"
        and number.head.head.idx < q.start
    ):
        noun = number.head.head  # "a fine of $5m", "pre-tax profits of £75m"
        if noun.i > 0 and noun.doc[noun.i - 1].dep_ == "compound":
            return noun.doc[noun.i - 1 : noun.i + 1].text
        return noun.text
    else:
        return None
    end = noun.i + 1
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on", "to")), None)
    if prep is not None and prep.right_edge.i - noun.i <= 6:
        end = prep.right_edge.i + 1
    return noun.doc[noun.i : end].text


def predicate_of(verb: Token, role: str) -> str:
    """What happened: "investigated" (the number is its object) or, when the number is the subject,
    the verb with its modals and object: "would have faced gross misconduct allegations"."""
    start = verb.i
    if role == "subject":
        modal = next((c for c in verb.lefts if c.dep_ == "aux" and c.lower_ in resources.modal_verbs()), None)
        start = modal.i if modal is not None else verb.i
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" or (role == "subject" and child.dep_ in ("dobj", "attr", "acomp", "oprd")):
            end = max(end, child.right_edge.i + 1)
    return " ".join(t.text for t in verb.doc[start:end] if not t.is_space)


def dated_phrase(doc: Doc, q: Quantity) -> str | None:
    """For a date set off by a comma after a noun phrase, that phrase: "the period covered by the
    Jay Report, from 1997 to 2013" dates "period covered by the Jay Report"."""
    before = doc.char_span(q.start, q.end, alignment_mode="expand")
    if before is None or before.start < 2 or doc[before.start - 1].text != ",":
        return None
    last = doc[before.start - 2]
    if last.pos_ not in ("NOUN", "PROPN"):
        return None
    # Climb to the noun that a participle clause modifies ("period" <- "covered by ..."), if any.
    top, node = last, last
    for _ in range(6):
        if node.dep_ == "acl":
            top = node.head
            break
        if node.head.i >= node.i:
            break
        node = node.head
    start = syntax.mention_bounds(top, set())[0] if top.i == last.i else top.i
    while doc[start].dep_ == "det" and start < last.i:
        start += 1
    return doc[start : last.i + 1].text
