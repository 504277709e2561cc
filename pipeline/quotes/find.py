"""Quotes: direct, partial and indirect quotes, each with its cue and its (unresolved) speaker phrase.

Entry point: `find_quotes(doc, article, settings)`. Who speaks each quote is decided by the rule
tables in `rules`; speaker phrases are resolved to canonical speakers by the speakers stage, so here
each quote only records the head token of the phrase that speaks it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .. import resources
from ..records import Article, Issue, Quote, Span
from ..text import syntax
from ..text.quotemarks import Quoted, scan_paragraphs
from .acts import set_phrase, unspoken
from .context import Candidate, QuoteContext, QuoteSettings
from .rules import (
    ACCORDING,
    CONFIDENCE,
    DIRECT_RULES,
    DIRECTIVE,
    NO_SPEAKER,
    PARENTHETICAL,
    PARTIAL_RULES,
    REPORTED,
    attribute,
    carry_over,
    rule_id,
)
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
        direct = len(q.pieces) > 1 or _looks_like_utterance(ctx.text, q.pieces[0], para)
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
    gap = ctx.text[prev.end + 1 : cand.start - 1]
    gap_end = gap.strip()[-1:]
    if ctx.paragraph_of(prev.start) != ctx.paragraph_of(cand.start) or len(gap) > 80:
        return False
    if ctx.text[prev.end - 1] not in ",—–-.?!" or gap_end not in (",", ":", "—", "–", "."):
        return False
    if cand.kind == "partial" and gap_end != ",":
        return False
    between = ctx.doc.char_span(prev.end, cand.start, alignment_mode="expand") or ()
    return any(syntax.is_cue(t) for t in between)


def _indirect_content(ctx: QuoteContext, cue: Token, comp: Token) -> tuple[int, int] | None:
    """Token range of the reported clause of `cue`, or None if it is not reported speech."""
    if comp.i < cue.i:  # post-posed: "The force had improved, Mr Forber said."
        start, end = comp.left_edge.i, comp.right_edge.i + 1
    else:
        # Reported speech runs to the end of its sentence, except where another attribution
        # (", saying", ", he added") or a direct quote takes over.
        start = comp.left_edge.i
        if start <= cue.i:
            start = cue.i + 1
        sentence = ctx.sentence_tokens(cue)
        end = sentence[-1].i + 1 if sentence else comp.right_edge.i + 1
        if cue.dep_ == "relcl":  # "Residents, who said the law was unfair, marched."
            end = min(end, comp.right_edge.i + 1)
        for token in ctx.doc[comp.right_edge.i + 1 : end]:
            quoted = ctx.quoted_token[token.i]
            if token.text == ":" or (quoted is not None and ctx.kinds[quoted] == "direct"):
                end = token.i
                break
            if (syntax.is_cue(token) or token.lower_ == "according") and token.nbor(-1).text in (",", "—", "–", "and"):
                end = token.i - 1
                break
        # Quoted words that open inside the reported speech and run on past its sentence belong to
        # it: 'He said X "can't start a fight. You get what you give."'
        open_quote = ctx.quoted_token[end - 1] if end > start else None
        if open_quote is not None and ctx.kinds[open_quote] == "partial":
            end = max(end, ctx.tokens.at(ctx.quote_ends[open_quote]) + 1)
    # "said that ...", "explained how ...": the conjunction is the narrator's, not the reported words.
    while (
        start < end
        and ctx.doc[start].lower_ in ("that", "how", "whether")
        and ctx.doc[start].dep_ in ("mark", "advmod")
    ):
        start += 1
    return _trimmed(ctx, start, end, min_tokens=3)


def _parenthetical_content(ctx: QuoteContext, cue: Token) -> list[tuple[int, int]] | None:
    """ "The road, she said, would close in May.": a reporting clause set off by commas inside the
    clause it reports (parsed as its parataxis) reports the rest of that clause, in one or two pieces."""
    clause = cue.head
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if cue.dep_ != "parataxis" or clause.i == cue.i or subject is None:
        return None
    before, after = subject.left_edge.i - 1, cue.i + 1
    doc = ctx.doc
    if before < 0 or doc[before].text != "," or (after < len(doc) and doc[after].text not in (",", ".")):
        return None  # only "X, she said, Y" and "X, she said."
    sentence = ctx.sentence_tokens(cue)
    if not sentence:
        return None
    first, last = max(clause.left_edge.i, sentence[0].i), min(clause.right_edge.i, sentence[-1].i) + 1
    pieces = [_trimmed(ctx, first, before, min_tokens=1), _trimmed(ctx, after, last, min_tokens=1)]
    found = [p for p in pieces if p is not None]
    return found if sum(end - start for start, end in found) >= 4 else None


def _directive_content(ctx: QuoteContext, cue: Token) -> tuple[int, int] | None:
    """ "She urged voters to reject the plan", "told the man to remove the bedding", "called on the
    government to act": what someone was told to do, the infinitive after the one addressed. Not
    a passive ("he was asked to leave": the asker is not named) nor a verb with a clause of its own."""
    if cue.lemma_.lower() not in resources.directive_cue_verbs() or syntax.reports_speech(cue):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None
    addressed = any(c.dep_ == "dobj" for c in cue.children) or any(
        c.dep_ == "prep" and c.lower_ == "on" and any(p.dep_ == "pobj" for p in c.children) for c in cue.children
    )
    todo = next((c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    if not addressed or todo is None or not any(c.lower_ == "to" and c.dep_ == "aux" for c in todo.children):
        return None
    return _trimmed(ctx, todo.left_edge.i, todo.right_edge.i + 1, min_tokens=3)


def _according_to_content(ctx: QuoteContext, according: Token) -> tuple[int, int] | None:
    """ "According to X, <content>." and "<content>, according to X." -> the content's token range."""
    source = syntax.according_to(according)
    if source is None:
        return None
    phrase_end = source.right_edge.i + 1
    sentence = ctx.sentence_tokens(according)
    if not sentence:
        return None
    first, last = sentence[0].i, sentence[-1].i + 1
    if all(t.is_punct or t.is_space for t in ctx.doc[first : according.i]):
        start, end = phrase_end, last
    else:
        start, end = first, according.i
    return _trimmed(ctx, start, end)


# Punctuation that bounds a clause; "%", "°" and currency signs belong to the figure beside them
# ("could rise by 30%." ends with "30%").
_EDGE_PUNCTUATION = set(".,;:!?…\"'“”‘’()[]{}-–—/")


def _edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and all(ch in _EDGE_PUNCTUATION for ch in token.text))


def _trimmed(ctx: QuoteContext, start: int, end: int, min_tokens: int = 4) -> tuple[int, int] | None:
    """A token range without edge punctuation, or None if it is too short or holds a direct quote."""
    while start < end and _edge(ctx.doc[start]) and not ctx.in_quote(ctx.doc[start]):
        start += 1
    while end > start and _edge(ctx.doc[end - 1]) and not ctx.in_quote(ctx.doc[end - 1]):
        end -= 1
    if end - start < min_tokens:
        return None
    if any((q := ctx.quoted_token[t.i]) is not None and ctx.kinds[q] == "direct" for t in ctx.doc[start:end]):
        return None  # the clause is a direct quote's own words
    return start, end


@resources.derived
def _cue_lemmas() -> frozenset[str]:
    """Lemmas of the reporting verbs in every case the lemmatizer may write them ("say", "Say", "SAY")."""
    cues = resources.indirect_cue_verbs() | resources.directive_cue_verbs()
    return cues | frozenset(c.capitalize() for c in cues) | frozenset(c.upper() for c in cues)


def _find_indirect(ctx: QuoteContext) -> list[Candidate]:
    found = []
    body_start = ctx.paragraphs[0][0] if ctx.paragraphs else 0
    # Only the tokens that can start reported speech: "according" and the reporting verbs.
    according = syntax.tokens_with_lower(ctx.doc, frozenset({"according"}))
    cues = syntax.tokens_with_lower(ctx.doc, _cue_lemmas(), attr="LEMMA")
    for token in sorted(according + cues, key=lambda t: t.i):
        if token.idx < body_start or ctx.in_quote(token):
            continue
        if token.lower_ == "according":
            bounds = _according_to_content(ctx, token)
            attribution = ctx.attribution(token, rule_id("indirect", ACCORDING))
            if bounds is not None and attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
            continue
        if token.pos_ != "VERB" or unspoken(token):
            continue
        if (bounds := _directive_content(ctx, token)) is not None:
            attribution = ctx.attribution(token, rule_id("indirect", DIRECTIVE))
            if attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
            continue
        if not syntax.is_indirect_cue(token):
            continue
        comp = next((c for c in token.children if _reported_clause(token, c)), None) or _stance_clause(token)
        if comp is not None and set_phrase(comp):
            continue  # "That being said, ... he added": the writer's phrase is no clause reported
        if comp is None:
            pieces = _parenthetical_content(ctx, token)
            attribution = ctx.attribution(token, rule_id("indirect", PARENTHETICAL)) if pieces else None
            if pieces and attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, p) for p in pieces], attribution))
            continue
        attribution = ctx.attribution(token, rule_id("indirect", REPORTED))
        bounds = _indirect_content(ctx, token, comp)
        if attribution is None or bounds is None:
            continue
        found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
    return found


def _reported_clause(cue: Token, child: Token) -> bool:
    """A clausal complement of the cue that reports: one written before the cue ("The force had
    improved, Mr Forber said") has a subject of its own; "In a new study out Monday, they detail
    how ..." (with "study" parsed as a verb) has none."""
    if child.dep_ != "ccomp":
        return False
    return child.i > cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in child.children)


def _stance_clause(cue: Token) -> Token | None:
    """ "reiterated its position that settlements are illegal": the "that" clause of the stance the
    reporting verb states is what was said."""
    for obj in cue.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in resources.stance_nouns():
            for clause in obj.children:
                if clause.dep_ in ("acl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    return clause
    return None


def _char_range(ctx: QuoteContext, bounds: tuple[int, int]) -> tuple[int, int]:
    last = ctx.doc[bounds[1] - 1]
    return ctx.doc[bounds[0]].idx, last.idx + len(last.text)


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
    ctx.indirect = _find_indirect(ctx)
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
