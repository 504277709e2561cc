"""Quote marks that set off a term, not words anybody said.

A few words in quote marks that name a thing are a term, a nickname or a slogan ("the so-called
'experts'", "a 'black box' warning", "a condition known as 'sofa lung'"), not a partial quote. Six
signs, each general English news handling:
- they stand in the headline with nobody there said to say them ("Shoppers 'lose patience'");
- the words are named as a term: the complement of a naming verb with nobody doing the naming
  ("known as", "what's called", "has been dubbed"), or of a naming noun ("the nickname 'X'"), or
  "so-called" stands right before them, inside reported speech too;
- the writer glosses them after a dash ("'bumping' - when a passenger is moved to a later flight");
- the writer uses the same noun phrase without quote marks elsewhere in the article: the article's
  own vocabulary, which the first mention only flagged;
- they are short, hold no verb, and no reporting word of their sentence claims them;
- one or two words modifying the noun right after them ('the "real" waiting lists').
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import resources
from ..text import syntax
from .context import Candidate, QuoteContext

# At most this many words: longer quoted words say something.
TERM_WORDS = 4
# A reporting word this close above the quoted words claims them ("described it as 'reckless'").
_NEAR = 2
_GLOSS = re.compile(r"\s*[-–—]\s+\w")
# "the so-called 'experts'": the writer's distance from a word, whoever the sentence reports.
_SO_CALLED = re.compile(r"\bso[\s-]called\W{0,3}$", re.IGNORECASE)


def is_term(ctx: QuoteContext, cand: Candidate) -> bool:
    """Partial quote marks around a term (see the module's docstring), whoever the rules gave it to."""
    if cand.kind != "partial":
        return False
    span = ctx.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    words = [t for t in span or () if not t.is_punct]
    if span is None or not words or len(words) > TERM_WORDS:
        return False
    weak = cand.attribution is None or cand.attribution.rule == "partial_continues"
    if weak and cand.start < ctx.body_start:
        return True  # the headline's marks around words nobody in it is said to say
    claimed_at = _claiming_cue_depth(ctx, span)
    if _named_as_term(span) or _SO_CALLED.search(ctx.text, max(0, cand.start - 16), cand.start):
        return True
    if _glossed(ctx, cand) and (claimed_at is None or claimed_at > _NEAR):
        return True
    if _flags_a_modifier(span, words) and not _noun_of_a_cue(ctx, span.root.head):
        return True
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    if has_verb or claimed_at is not None:
        return False
    return weak or (_a_noun_phrase(span, words) and _used_unquoted(ctx, cand))


def _flags_a_modifier(span: Span, words: list[Token]) -> bool:
    """One or two words, no verb, that modify the noun right after the closing mark: the writer's
    word flagged ('the "real" waiting lists', '"exogenic" processes'), not words said."""
    root = span.root
    between = span.doc[span.end : root.head.i] if root.head.i >= span.end else None
    follows = between is not None and all(
        t.is_punct or (t.head == root.head and t.dep_ in ("amod", "compound", "nmod")) for t in between
    )
    modifier = root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ == "NOUN"
    return len(words) <= 2 and modifier and follows and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _noun_of_a_cue(ctx: QuoteContext, noun: Token) -> bool:
    """The noun is what a reporting word acts on, straight or through a preposition: 'cheered on
    the "historic" move' is the cheering one's word."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return verb.i in {t.i for t in ctx.sentence_cues(noun)}


def _a_noun_phrase(span: Span, words: list[Token]) -> bool:
    """Two words or more naming a thing, not a figure: one word ("criminals", "millions") used
    again by the writer is too often the speaker's word repeated."""
    return len(words) >= 2 and span.root.pos_ in ("NOUN", "PROPN") and not any(t.like_num for t in words)


def _named_as_term(span: Span) -> bool:
    """ "what's called 'X'", "has been dubbed 'X'", "known as 'X'", "so-called 'X'", "the nickname
    'X'": a naming verb in the passive with no agent (nobody says it), or a naming noun."""
    verbs, nouns = resources.naming_words()
    for head in syntax.ancestors(span.root, limit=3):
        lemma = head.lemma_.lower()
        if lemma in nouns and head.pos_ == "NOUN":
            return True
        if lemma in verbs and head.tag_ == "VBN" and _nobody_names(head, span):
            return True
    return False


def _nobody_names(verb: Token, span: Span) -> bool:
    """A passive naming verb with nobody named doing it: no agent, and no "by" right after the
    quoted words ("has been called 'X' by a professor" is the professor's, however it is parsed)."""
    passive = verb.dep_ in ("acl", "amod") or any(c.dep_ == "auxpass" for c in verb.children)
    after = [t for t in span.doc[span.end : span.end + 3] if not t.is_punct][:1]
    agent = any(c.dep_ == "agent" for c in verb.children) or any(t.lower_ == "by" for t in after)
    return passive and not agent


def _glossed(ctx: QuoteContext, cand: Candidate) -> bool:
    """The closing mark followed by a dash and the writer's explanation."""
    return bool(_GLOSS.match(ctx.text, cand.end + 1))


def _claiming_cue_depth(ctx: QuoteContext, span: Span) -> int | None:
    """How many heads above the quoted words the nearest reporting word of the sentence that governs
    them stands (1: their own head), or None when none does. Not one they modify ("a 'black box'
    warning"), nor "so-called"."""
    cues = {t.i for t in ctx.sentence_cues(span[0]) if not _so_called(t)}
    return next((depth for depth, a in enumerate(syntax.ancestors(span.root), 1) if a.i in cues), None)


def _so_called(token: Token) -> bool:
    return token.lower_ == "called" and token.i >= 2 and token.doc[token.i - 2].lower_ == "so"


def _used_unquoted(ctx: QuoteContext, cand: Candidate) -> bool:
    """The same words stand elsewhere in the article outside quote marks (hyphens and case aside)."""
    words = re.findall(r"\w+", ctx.text[cand.start : cand.end])
    pattern = r"(?<!\w)" + r"[\s-]+".join(map(re.escape, words)) + r"(?!\w)"
    for match in re.finditer(pattern, ctx.text, flags=re.IGNORECASE):
        if cand.start <= match.start() < cand.end:
            continue
        token = ctx.doc[ctx.tokens.at(match.start())]
        if not ctx.in_quote(token) and match.start() >= ctx.body_start:
            return True
    return False
