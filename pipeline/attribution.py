"""Attribution rules: who speaks a direct or partial quote, and how far to trust each rule.

Each rule returns an Attribution (the head token of the speaking phrase, the cue, the rule's name
and its confidence) or None; `attribute_direct` and `attribute_partial` try them in order of trust.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import syntax

if TYPE_CHECKING:
    from .quotes import Candidate, QuoteContext

_SENTENCE_END = {".", "?", "!"}
# Farthest a cue may stand from its quote, in tokens, before and after it.
_PRE_CUE_WINDOW = 40
_POST_CUE_WINDOW = 15
# How many paragraphs back a quote with no cue may inherit the last speaker.
_CARRY_OVER_PARAGRAPHS = 3
# Confidence of each rule: its precision on the PolNeAR dev set (quote found at the 30% rule),
# rounded down, so sorting by confidence puts the doubtful items first. Re-measure with
# `python -m pipeline eval ../shared/eval/polnear-train.jsonl` when a rule changes.
CONFIDENCE = {
    "direct_cue_before": 0.95,
    "direct_cue_after": 0.9,
    "indirect": 0.9,
    "indirect_according_to": 0.8,
    "direct_cue_farther_before": 0.8,
    "direct_cue_next_sentence": 0.8,
    "direct_introduced": 0.8,
    "partial_in_reported_speech": 0.8,
    "direct_continues": 0.6,
    "partial_cue_in_sentence": 0.5,
    "partial_named_subject": 0.4,
    "direct_no_speaker": 0.35,
    "partial_continues": 0.3,
    "partial_no_speaker": 0.25,
    "indirect_no_speaker": 0.25,
}


@dataclass(frozen=True)
class Attribution:
    """Who speaks a quote before resolution: the head token of the speaking phrase, if any."""

    head: int | None
    cue: int | None
    rule: str
    confidence: float


def _post_cue(ctx: QuoteContext, cand: Candidate) -> Token | None:
    """“...,” she said.   “...,” said the minister.   “...” — according to the report.

    Searched after the first piece: an interrupted or multi-paragraph quote has its cue there."""
    first_end = cand.pieces[0][1]
    p_end = ctx.paragraph_of(first_end)[1]
    i = syntax.token_at(ctx.doc, min(first_end + 1, len(ctx.text) - 1))
    for token in ctx.doc[i : i + _POST_CUE_WINDOW]:
        if token.idx >= p_end or ctx.in_quote(token) and token.idx > first_end + 1:
            return None
        if ctx.in_quote(token):
            continue
        if syntax.is_cue(token) or token.lower_ == "according":
            return token
        if token.text in _SENTENCE_END:
            return None
    return None


def _pre_cue(ctx: QuoteContext, before: int) -> Token | None:
    """The nearest cue before character `before`, in its sentence and paragraph:
    X said: “...”   X told reporters that “...”   one who recounted: “...”"""
    p_start = ctx.paragraph_of(before)[0]
    i = syntax.token_at(ctx.doc, before)
    for token in reversed(ctx.doc[max(i - _PRE_CUE_WINDOW, 0) : i]):
        if token.idx < p_start:
            return None
        if ctx.in_quote(token):
            continue
        if token.text in _SENTENCE_END:
            return None
        if syntax.is_cue(token) or token.lower_ == "according":
            return token
    return None


def attribute_direct(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """Cue right before (X said: “...”), right after (“...,” X said), farther before, or in an
    introducing paragraph that ends with a colon, in that order of trust."""
    p_start = ctx.paragraph_of(cand.start)[0]
    before = ctx.text[p_start : cand.start - 1].rstrip()
    pre = _pre_cue(ctx, cand.start - 1)
    if pre is not None and before.endswith((":", ",")) and len(before) - (pre.idx - p_start) <= 40:
        if found := ctx.attribution(
            pre, f"direct: cue '{pre.text}' just before the quote", CONFIDENCE["direct_cue_before"]
        ):
            return found
    post = _post_cue(ctx, cand)
    if post is not None:
        first_end = cand.pieces[0][1]
        same_sentence = ctx.text[first_end - 1] in ",?!—–-…" or ctx.text[first_end + 1 : post.idx].strip()[:1] == ","
        confidence = CONFIDENCE["direct_cue_after"] if same_sentence else CONFIDENCE["direct_cue_next_sentence"]
        if found := ctx.attribution(post, f"direct: cue '{post.text}' after the quote", confidence):
            return found
    if found := _dash_attribution(ctx, cand):
        return found
    if pre is not None and (
        found := ctx.attribution(
            pre, f"direct: cue '{pre.text}' before the quote", CONFIDENCE["direct_cue_farther_before"]
        )
    ):
        return found
    if before.endswith(":"):
        return _named_before_colon(ctx, cand)
    return _introduced_by_paragraph_before(ctx, cand) if not before else None


def _dash_attribution(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """“We will not give up.” — Jane Smith, union leader: a name after a dash closes the quote."""
    last_end = cand.pieces[-1][1]
    p_end = ctx.paragraph_of(last_end)[1]
    after = ctx.text[last_end + 1 : p_end]
    stripped = after.lstrip(' \t"”’')
    if stripped[:1] not in ("—", "–", "-"):
        return None
    name_at = last_end + 1 + (len(after) - len(stripped)) + 1
    start = syntax.token_at(ctx.doc, name_at)
    for token in ctx.doc[start : start + 4]:
        if token.ent_type_ in ("PERSON", "ORG") and not ctx.in_quote(token):
            ent = next(e for e in ctx.doc.ents if e.start <= token.i < e.end)
            return Attribution(ent.root.i, None, "direct: name after a dash", CONFIDENCE["direct_introduced"])
    return None


def _named_before_colon(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """ "... doesn't surprise pollster Daron Shaw: “...”": the person named just before the colon."""
    colon = ctx.doc[syntax.token_at(ctx.doc, ctx.text.rindex(":", 0, cand.start))]
    people = [e for e in colon.sent.ents if e.label_ == "PERSON" and e.end <= colon.i and not ctx.in_quote(e.root)]
    if not people or colon.i - people[-1].end > 2:
        return None
    return Attribution(people[-1].root.i, None, "direct: named before the colon", CONFIDENCE["direct_introduced"])


def _introduced_by_paragraph_before(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """He declared:  (paragraph break)  “...”  The paragraph before ends with a colon."""
    index = ctx.index.index_of(cand.start)
    if index <= 0:
        return None
    prev_start, prev_end = ctx.paragraphs[index - 1]
    if not ctx.text[prev_start:prev_end].endswith(":"):
        return None
    cue = _pre_cue(ctx, prev_end - 1)
    if cue is not None and (
        found := ctx.attribution(
            cue, f"direct: cue '{cue.text}' ends the paragraph before", CONFIDENCE["direct_cue_before"]
        )
    ):
        return found
    # "President Clinton released the following statement:" names its speaker without a cue verb.
    last = ctx.doc[syntax.token_at(ctx.doc, prev_end - 1)]
    subject = syntax.subject_of(last.sent.root)
    if subject is None or ctx.in_quote(subject):
        return None
    return Attribution(subject.i, None, "direct: introduced by the paragraph before", CONFIDENCE["direct_introduced"])


def attribute_partial(ctx: QuoteContext, cand: Candidate, indirect: list[Candidate]) -> Attribution | None:
    for reported in indirect:
        if reported.start <= cand.start and cand.end <= reported.end and reported.attribution:
            return replace(
                reported.attribution,
                rule="partial: inside reported speech",
                confidence=CONFIDENCE["partial_in_reported_speech"],
            )
    first = ctx.doc[syntax.token_at(ctx.doc, cand.start)]
    cues = [
        t for t in ctx.sentence_tokens(first) if not ctx.in_quote(t) and (syntax.is_cue(t) or t.lower_ == "according")
    ]
    # The cue that governs the quoted words wins; otherwise the nearest one in the sentence.
    governing = [c for c in cues if c in list(first.ancestors)]
    for cue in governing + sorted(cues, key=lambda c: abs(c.i - first.i)):
        if found := ctx.attribution(
            cue, f"partial: cue '{cue.text}' in the sentence", CONFIDENCE["partial_cue_in_sentence"]
        ):
            return found
    # "Rubio pledged to oppose it “today, tomorrow, forever”": a named subject owns the words.
    verb = next((a for a in first.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = syntax.subject_of(verb) if verb is not None else None
    if (
        subject is not None
        and not ctx.in_quote(subject)
        and (subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in ("he", "she"))
    ):
        return Attribution(
            subject.i, None, "partial: named subject of the sentence", CONFIDENCE["partial_named_subject"]
        )
    return None


def carry_over(ctx: QuoteContext, cand: Candidate, earlier: list[Candidate]) -> Attribution | None:
    """A quote with no cue of its own continues the last speaker of the paragraphs just before."""
    here = ctx.index.index_of(cand.start)
    for prev in reversed(earlier):
        if prev.attribution is None or prev.attribution.head is None:
            continue
        if here - ctx.index.index_of(prev.start) > _CARRY_OVER_PARAGRAPHS:
            return None
        # Quoted words with no cue in their paragraph are often scare quotes: low confidence.
        confidence = CONFIDENCE[f"{cand.kind}_continues"]
        return replace(prev.attribution, rule=f"{cand.kind}: continues the previous speaker", confidence=confidence)
    return None
