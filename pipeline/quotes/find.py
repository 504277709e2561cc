"""Quotes: direct, partial and indirect quotes, each with its cue and its (unresolved) speaker phrase.

Entry point: `find_quotes(doc, article, settings)`. Who speaks each quote is decided by the rule
tables in `rules`; speaker phrases are resolved to canonical speakers by the speakers stage, so here
each quote only records the head token of the phrase that speaks it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..records import Article, Issue, Quote, Span
from ..text import syntax
from ..text.quotemarks import Quoted, scan_paragraphs
from .context import Candidate, QuoteContext, QuoteSettings
from .reported import find_indirect
from .rules import CONFIDENCE, DIRECT_RULES, NO_SPEAKER, PARTIAL_RULES, attribute, carry_over, rule_id
from .terms import is_term


def _looks_like_utterance(text: str, content: tuple[int, int], para: tuple[int, int]) -> bool:
    """A direct quote is a whole utterance; partial quotes are words inside a narrator's sentence."""
    body = text[content[0] : content[1]]
    first = next((ch for ch in body if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    ends_like_speech = body[-1] in ".?!,…—-:;"
    before = text[para[0] : content[0] - 1].rstrip()
    return not before or before[-1] in ":,.?!—–-" or ends_like_speech


_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"}


def is_title_like(text: str) -> bool:
    """Quote marks around a name or a title, not words spoken: “Meet the Press.”, ‘American Sniper’.

    One capitalised word is taken as a name too: on PolNeAR, keeping “No.”-style one-word quotes
    added three wrong quotes for each right one."""
    words = [w.strip(".,?!:;—–-…'’\"") for w in text.split()]
    words = [w for w in words if w]
    capitalised = [w for w in words if w.lower() not in _SMALL_WORDS]
    return 0 < len(words) <= 6 and bool(capitalised) and all(w[0].isupper() for w in capitalised)


def _opens_an_utterance(ctx: QuoteContext, quoted: list[Quoted], n: int) -> bool:
    """ "“Amazing,” Davis said. “To beat every team ...”": one capitalised word closed by a comma,
    a reporting verb within the next few words, and more quoted words in the same paragraph: the
    first piece of what Davis said, not a title."""
    q = quoted[n]
    if not ctx.text[: q.end].rstrip().endswith(",") or n + 1 >= len(quoted):
        return False
    if quoted[n + 1].start > ctx.paragraph_of(q.start)[1]:
        return False
    first = ctx.tokens.at(min(q.end + 1, len(ctx.text) - 1))
    return any(syntax.is_cue(t) for t in ctx.doc[first : first + 4])


def _clause_quoted_after_cue(ctx: QuoteContext, q: Quoted) -> bool:
    """'but said "these are smaller than they claim".': quoted words that open right after a
    reporting verb and close its sentence, with a finite verb of their own, are what was said word
    for word, however they begin (a direct quote run into the sentence), not a few words picked out."""
    opening = ctx.tokens.at(max(q.start - 1, 0))
    before = [t for t in ctx.doc[max(opening - 3, 0) : opening] if t.text not in (",", ":")][-1:]
    if not before or not syntax.is_cue(before[0]) or q.start < ctx.body_start:
        return False
    rest = ctx.text[q.end : ctx.paragraph_of(q.start)[1]]
    closes_sentence = re.match(r"^[\"'”’]?[.?!]?[\"'”’]?(\s|$)", rest) is not None and (
        ctx.text[q.end - 1] in ".?!" or rest[1:2] in (".", "?", "!")
    )
    words = ctx.doc.char_span(q.start, q.end, alignment_mode="expand") or ()
    # A finite verb: "said the deal showed “a clear intent to harm”" quotes a phrase, not a clause.
    return closes_sentence and any(t.tag_ in _FINITE for t in words)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _classify(ctx: QuoteContext, quoted: list[Quoted]) -> list[Candidate]:
    candidates = []
    body_words: str | None = None  # read only for an article whose headline holds quote marks
    for n, q in enumerate(quoted):
        if q.start < ctx.body_start:
            body_words = _words(ctx.text[ctx.body_start :]) if body_words is None else body_words
            if f" {_words(ctx.text[q.start : q.end])} " in f" {body_words} ":
                continue  # the headline repeats words the body quotes with their speaker: counted there
        if q.depth:
            continue  # a quote inside a quote belongs to the outer speaker's words
        if len(q.pieces) == 1 and is_title_like(ctx.text[q.start : q.end]) and not _opens_an_utterance(ctx, quoted, n):
            continue
        if not any(ch.isalpha() for ch in ctx.text[q.start : q.end]):
            continue  # “1917”, “2-0”: a title or a figure in quote marks, not words anybody said
        para = ctx.paragraph_of(q.start)
        direct = (
            len(q.pieces) > 1 or _looks_like_utterance(ctx.text, q.pieces[0], para) or _clause_quoted_after_cue(ctx, q)
        )
        candidates.append(Candidate("direct" if direct else "partial", list(q.pieces)))
    return _merge_interrupted(ctx, candidates)


def _merge_interrupted(ctx: QuoteContext, candidates: list[Candidate]) -> list[Candidate]:
    """One utterance broken by its cue is one quote in pieces:
    “We will,” she said, “act.”   and   “We will act,” she said. “Soon.”"""
    merged: list[Candidate] = []
    for cand in candidates:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind == "direct" and _continues(ctx, prev, cand):
            prev.pieces.extend(cand.pieces)
            continue
        merged.append(cand)
    return merged


def _continues(ctx: QuoteContext, prev: Candidate, cand: Candidate) -> bool:
    """The next quoted words continue the quote before them across a gap with a cue in it, once: a
    second speech tag is another speaker's (“We are refugees,” Ms Ali said. “We are not terrorists.”
    Mr Zahed said: “...”: the third is Zahed's)."""
    if any(_cue_between(ctx, a[1], b[0]) for a, b in zip(prev.pieces, prev.pieces[1:], strict=False)):
        return False
    gap = ctx.text[prev.end + 1 : cand.start - 1]
    gap_end = gap.strip()[-1:]
    if ctx.paragraph_of(prev.start) != ctx.paragraph_of(cand.start) or len(gap) > 80:
        return False
    if ctx.text[prev.end - 1] not in ",—–-.?!" or gap_end not in (",", ":", "—", "–", "."):
        return False
    if cand.kind == "partial" and gap_end != ",":
        return False
    return _cue_between(ctx, prev.end, cand.start)


def _cue_between(ctx: QuoteContext, start: int, end: int) -> bool:
    between = ctx.doc.char_span(start, end, alignment_mode="expand") or ()
    return any(syntax.is_cue(t) for t in between)


def find_quotes(doc: Doc, article: Article, settings: QuoteSettings | None = None) -> tuple[list[Quote], list[Issue]]:
    """Quotes of the article, in text order, each with the head token of its speaker phrase
    (`speaker_head`), and what was odd in its quote marks."""
    settings = settings or QuoteSettings()
    # Every rule's measured confidence, with the ones the settings give (nlp.config) in their place.
    ctx = QuoteContext(doc, article, replace(settings, confidence={**CONFIDENCE, **settings.confidence}))
    quoted, issues = scan_paragraphs(ctx.text, ctx.paragraphs)
    marked = _classify(ctx, quoted)
    ctx.mark_quoted(marked)
    ctx.kinds = [c.kind for c in marked]
    for cand in marked:
        if cand.kind == "direct":
            cand.attribution = attribute(ctx, cand, DIRECT_RULES)
    ctx.indirect = find_indirect(ctx)
    for cand in marked:
        if cand.kind == "partial":
            cand.attribution = attribute(ctx, cand, PARTIAL_RULES)
    ordered = sorted(marked + ctx.indirect, key=lambda c: (c.start, c.kind))
    for number, cand in enumerate(ordered):
        if cand.attribution is None and cand.kind != "indirect":
            cand.attribution = carry_over(ctx, cand, ordered[:number])
    ordered = [cand for cand in ordered if not is_term(ctx, cand)]
    quotes = []
    for number, cand in enumerate(ordered, 1):
        att = cand.attribution
        cue = doc[att.cue] if att and att.cue is not None else None
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=cand.kind,  # type: ignore[arg-type]
                start=cand.start,
                end=cand.end,
                text=ctx.text[cand.start : cand.end],
                spans=tuple(Span(s, e, ctx.text[s:e]) for s, e in cand.pieces),
                cue=Span(cue.idx, cue.idx + len(cue.text), cue.text) if cue is not None else None,
                confidence=att.confidence if att else ctx.settings.confidence[rule_id(cand.kind, NO_SPEAKER)],
                evidence=att.rule if att else rule_id(cand.kind, NO_SPEAKER),
                speaker_head=att.head if att else None,
            )
        )
    return quotes, issues
