"""The parse around a number, as the claim rules read it: its tokens, the token that carries it,
the verb it hangs on and the phrases there."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..text import syntax
from ..text.quantities import Quantity

OBJECT_DEPS = {"dobj", "pobj", "attr", "oprd", "dative", "npadvmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def tokens_of(doc: Doc, q: Quantity) -> list[Token]:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return list(span) if span is not None else []


def number_token(tokens: list[Token], q: Quantity) -> Token:
    """The token that carries the quantity in the parse: its last numeric word ("thirds" in "two-thirds")."""
    if q.kind == "fraction" and tokens[-1].pos_ == "NOUN":
        return tokens[-1]
    numeric = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else tokens[-1]


def phrase_head(token: Token) -> Token:
    """The noun a modifier belongs to: "New" in "New Zealand dollars" -> "dollars"."""
    for _ in range(4):
        if token.dep_ not in ("compound", "amod", "nmod") or token.head.i <= token.i:
            break
        token = token.head
    return token


def set_off(doc: Doc, q: Quantity, start: int, end: int) -> bool:
    """Whether punctuation with a space beside it stands after the quantity, between tokens `start`
    and `end` ("1,159,368 - the lowest figure")."""
    between = (t for t in doc[start:end] if t.idx >= q.end)
    return any(t.is_punct and (t.whitespace_ or doc[t.i - 1].whitespace_) for t in between)


def phrase_of(token: Token) -> str:
    start, end = syntax.mention_bounds(token, set())
    return token.doc[start:end].text


def verb_of(token: Token) -> tuple[Token | None, str]:
    """The verb a noun phrase hangs on, and the phrase's role there: "subject" or "object"."""
    for child in token.children:  # "three who would have faced ..."
        if child.dep_ == "relcl":
            return child, "subject"
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None, ""
        if head.pos_ in ("VERB", "AUX") and node.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"prep"}:
            role = "subject" if node.dep_ in SUBJECT_DEPS else "object"
            return head, role
        if node.dep_ not in ("prep", "pobj", "conj", "appos", "nummod", "quantmod", "compound"):
            return None, ""
        node = head
    return None, ""
