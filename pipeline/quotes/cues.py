"""Where a quote's reporting verb is: the cue just before its opening mark, or just after its first
piece, and the speaking phrase a cue the parser misread stands for. The attribution rules
(rules.py) read these."""

from __future__ import annotations

from spacy.tokens import Token

from ..text import syntax
from .context import Candidate, QuoteContext

SENTENCE_END = {".", "?", "!"}


def is_cue(token: Token) -> bool:
    return syntax.is_cue(token) or token.lower_ == "according"


def post_cue(ctx: QuoteContext, cand: Candidate) -> Token | None:
    """“...,” she said.   “...,” said the minister.   “...” — according to the report.

    Searched after the first piece: an interrupted or multi-paragraph quote has its cue there."""
    first_end = cand.pieces[0][1]
    p_end = ctx.paragraph_of(first_end)[1]
    i = ctx.tokens.at(min(first_end + 1, len(ctx.text) - 1))
    # “...,” a source, who was not authorised to speak publicly, said: a cue in a relative clause
    # says more of the speaker; the speaker's own cue comes after it.
    described: Token | None = None
    for token in ctx.doc[i : i + ctx.settings.post_cue_window]:
        if token.idx >= p_end or ctx.in_quote(token) and token.idx > first_end + 1:
            return described
        if ctx.in_quote(token):
            continue
        if is_cue(token) and _in_a_relative_clause(token):
            described = described or token
        elif is_cue(token):
            return token
        if token.text in SENTENCE_END:
            return described
    return cue_of_the_subject_after(ctx, i, p_end) or described


def _in_a_relative_clause(token: Token) -> bool:
    return any(t.dep_ == "relcl" for t in [token, *syntax.ancestors(token, limit=3)])


def cue_of_the_subject_after(ctx: QuoteContext, i: int, p_end: int) -> Token | None:
    """“...,” study lead author Lucas Paganini, a planetary scientist at ... (thirty words) ..., said:
    the speaker phrase right after the quote is the subject of a cue farther on than the window."""
    first = next((t for t in ctx.doc[i : i + 3] if not t.is_punct and not ctx.in_quote(t)), None)
    if first is None:
        return None
    subject = next((a for a in [first, *syntax.ancestors(first, limit=4)] if a.dep_ in ("nsubj", "nsubjpass")), None)
    cue = subject.head if subject is not None else None
    if cue is None or not is_cue(cue) or cue.idx >= p_end or ctx.in_quote(cue) or cue.i < first.i:
        return None
    return cue


def pre_cue(ctx: QuoteContext, before: int) -> Token | None:
    """The nearest cue before character `before`, in its sentence and paragraph:
    X said: “...”   X told reporters that “...”   one who recounted: “...”"""
    p_start = ctx.paragraph_of(before)[0]
    i = ctx.tokens.at(before)
    for token in reversed(ctx.doc[max(i - ctx.settings.pre_cue_window, 0) : i]):
        if token.idx < p_start:
            return None
        if ctx.in_quote(token):
            continue
        if token.text in SENTENCE_END:
            return None
        if is_cue(token) and token.dep_ != "amod":  # not "in a written statement"
            return token
    return None


def text_before(ctx: QuoteContext, cand: Candidate) -> str:
    """The quote's paragraph up to its opening mark."""
    return ctx.text[ctx.paragraph_of(cand.start)[0] : cand.start - 1].rstrip()


def a_clause_of(ctx: QuoteContext, cand: Candidate, cue: Token) -> bool:
    """The quote's first word hangs on the cue through its clauses, in one sentence."""
    first = ctx.doc[ctx.tokens.at(cand.start)]
    return cue.sent == first.sent and cue in syntax.ancestors(first, limit=6)


def tagged_noun(ctx: QuoteContext, cue: Token, quote_end: int) -> Token | None:
    """ '“...,” the patient described.': a reporting verb the parser hung on the noun just before it
    as a participle ("the patient [who was] described") is that noun's speech tag when the noun
    opens right after the quote."""
    head = cue.head
    if cue.dep_ != "acl" or head.i >= cue.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    between = ctx.text[quote_end : head.left_edge.idx]
    return head if not between.strip(" \t\"'”’,") else None


def phrase_after_cue(ctx: QuoteContext, cue: Token) -> Token | None:
    """ '“...,” tweeted campaign spokesman Alex Reed.', '“...,” marvelled Ana Lopes.': a cue right
    after the quote's first piece, before its speaker, that the parser gave no subject, reading the
    noun phrase after it as its object or itself as a word of that phrase ("tweeted" an adjective
    of "spokesman"): the speaker is the head of that noun phrase."""
    if syntax.subject_of(cue) is not None:
        return None
    after = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    objects = [c for c in cue.children if c.dep_ == "dobj" and after is not None and c.left_edge == after]
    if objects:
        head = objects[0]
    elif cue.dep_ in ("amod", "compound") and cue.head.i > cue.i:
        head = cue.head
    else:
        return None
    while head.dep_ == "compound" and head.head.i > head.i:  # "spokesman" -> "Reed"
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or ctx.in_quote(head) or head.sent != cue.sent:
        return None
    return head


def subject_after_quote(ctx: QuoteContext, cand: Candidate, cue: Token) -> Token | None:
    """ '“...,” Mr. Daniloff, now 81 and retired in Cambridge, said by telephone.': the parser made
    the phrase right after the quote the subject of a verb of its own apposition ("retired") and
    left the cue after it none; that phrase, a subject before the cue in its sentence, speaks."""
    i = ctx.tokens.at(min(cand.pieces[0][1] + 1, len(ctx.text) - 1))
    first = next((t for t in ctx.doc[i : i + 3] if not t.is_punct and not ctx.in_quote(t)), None)
    head = first
    while head is not None and head.dep_ in ("compound", "det", "amod") and head.head.i > head.i:
        head = head.head
    if head is None or head.pos_ not in ("PROPN", "NOUN") or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return head if head.i < cue.i and head.sent == cue.sent else None
