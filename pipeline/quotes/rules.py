"""Attribution rules: who speaks a quote, as one table of rows (`QUOTE_RULES`).

Each row is a rule: its stable id (what the quote's `evidence` reports), the kind of quote it
attributes, the function that finds the speaker, and its confidence, the rule's measured precision.
The direct and partial rules with a function are tried in the table's order, which is their order
of trust; the other rows are applied where the finder reads them (`applied`): reported clauses and
"according to" (find.py), a quote that continues the speaker before it (`carry_over`), a quote
nobody is found for (reported speech is found from its speaker, so it always has one). A new rule
is a function and a row of the table.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .. import resources
from ..text import syntax
from .context import Attribution, Candidate, QuoteContext
from .cues import (
    a_clause_of,
    is_cue,
    phrase_after_cue,
    post_cue,
    pre_cue,
    subject_after_quote,
    tagged_noun,
    text_before,
)

Rule = Callable[[QuoteContext, Candidate], Attribution | None]

_NEAREST = 8  # cues tried on each side of a partial quote, nearest first


# ---- direct quotes, in order of trust -----------------------------------------------------------
def direct_cue_before(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """X said: “...”   X said, “...”   X said “...”: a cue at most 40 characters before the opening
    mark; or, however far, the cue whose "that" clause the quote is ("X told reporters that he had
    spoken to her and that “...”": the nearest cue it hangs on, not the next sentence's)."""
    pre = pre_cue(ctx, cand.start - 1)
    if pre is None:
        return None
    before = text_before(ctx, cand)
    p_start = ctx.paragraph_of(cand.start)[0]
    if before.endswith((":", ",", pre.text)) and len(before) - (pre.idx - p_start) <= 40:
        return ctx.attribution(pre, "direct_cue_before")
    if before.endswith(" that") and a_clause_of(ctx, cand, pre):
        return ctx.attribution(pre, "direct_cue_before")
    return None


def direct_cue_after(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """“...,” X said.  The cue after the first piece, in the same sentence or (less sure) the next."""
    post = post_cue(ctx, cand)
    if post is None:
        return None
    first_end = cand.pieces[0][1]
    same_sentence = ctx.text[first_end - 1] in ",?!—–-…" or ctx.text[first_end + 1 : post.idx].strip()[:1] == ","
    rule = "direct_cue_after" if same_sentence else "direct_cue_next_sentence"
    speaker = tagged_noun(ctx, post, first_end)
    if speaker is None:
        found = ctx.attribution(post, rule)
        if found is not None or not same_sentence:
            return found
        # the speaker the parser did not make the cue's subject
        speaker = phrase_after_cue(ctx, post) or subject_after_quote(ctx, cand, post)
    return Attribution(speaker.i, post.i, rule, ctx.settings.confidence[rule]) if speaker is not None else None


def direct_name_after_dash(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """“We will not give up.” — Jane Smith, union leader: a name after a dash closes the quote."""
    last_end = cand.pieces[-1][1]
    p_end = ctx.paragraph_of(last_end)[1]
    after = ctx.text[last_end + 1 : p_end]
    stripped = after.lstrip(' \t"”’')
    if stripped[:1] not in ("—", "–", "-"):
        return None
    name_at = last_end + 1 + (len(after) - len(stripped)) + 1
    start = ctx.tokens.at(name_at)
    for token in ctx.doc[start : start + 4]:
        if token.ent_type_ in ("PERSON", "ORG") and not ctx.in_quote(token):
            ent = next(e for e in ctx.doc.ents if e.start <= token.i < e.end)
            return ctx.named(ent.root.i, "direct_name_after_dash")
    return None


def direct_cue_farther_before(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """A cue earlier in the quote's sentence, farther than "just before"."""
    pre = pre_cue(ctx, cand.start - 1)
    return ctx.attribution(pre, "direct_cue_farther_before") if pre is not None else None


def direct_named_before_colon(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """ "... doesn't surprise pollster Daron Shaw: “...”": the person named just before the colon."""
    if not text_before(ctx, cand).endswith(":"):
        return None
    colon = ctx.doc[ctx.tokens.at(ctx.text.rindex(":", 0, cand.start))]
    people = [e for e in colon.sent.ents if e.label_ == "PERSON" and e.end <= colon.i and not ctx.in_quote(e.root)]
    if not people or colon.i - people[-1].end > 2:
        return None
    return ctx.named(people[-1].root.i, "direct_named_before_colon")


def direct_subject_before_colon(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """ "Trump went even further: “...”", "She then addressed the crowd again: “...”": with no
    reporting verb, the subject of the clause the colon ends, when it can speak (a person's or a
    body's name, "he", "she", "they", a role or a body's noun), not "The rules are simple: “...”"."""
    if not text_before(ctx, cand).endswith(":"):
        return None
    colon = ctx.doc[ctx.tokens.at(ctx.text.rindex(":", 0, cand.start))]
    # The clause before the colon, however the parser hung it on the quote's own verb.
    clause = colon.nbor(-1) if colon.i > colon.sent.start else colon
    for _ in range(12):  # a bound on the climb, as syntax.ancestors has
        if clause.head.i >= colon.i or clause.head.i == clause.i:
            break
        clause = clause.head
    verb = clause if clause.pos_ in ("VERB", "AUX") and clause.i < colon.i else None
    subject = syntax.subject_of(verb) if verb is not None else None
    if subject is None or ctx.in_quote(subject):
        return None
    # "Her reply was: “...”", "The mayor's message was simple: “...”": the words' owner speaks.
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and subject.lemma_.lower() in resources.stance_nouns():
        subject = owner
    can_speak = (
        subject.ent_type_ in ("PERSON", "ORG", "NORP")
        or subject.lower_ in ("he", "she", "they", "we", "his", "her", "their", "our")
        or subject.lemma_.lower() in resources.role_nouns()
        or resources.descriptors().get(subject.lemma_.lower()) in ("ORG", "GROUP")
    )
    return ctx.named(subject.i, "direct_subject_before_colon") if can_speak else None


def _paragraph_before_ends_with_colon(ctx: QuoteContext, cand: Candidate) -> int | None:
    """End of the paragraph before the quote's own, when the quote opens its paragraph and the one
    before ends with a colon."""
    index = ctx.index.index_of(cand.start)
    if text_before(ctx, cand) or index <= 0:
        return None
    prev_start, prev_end = ctx.paragraphs[index - 1]
    return prev_end if ctx.text[prev_start:prev_end].endswith(":") else None


def direct_cue_ends_paragraph_before(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """He declared:  (paragraph break)  “...”"""
    prev_end = _paragraph_before_ends_with_colon(ctx, cand)
    cue = pre_cue(ctx, prev_end - 1) if prev_end is not None else None
    return ctx.attribution(cue, "direct_cue_ends_paragraph_before") if cue is not None else None


def direct_introduced_by_paragraph(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """ "President Clinton released the following statement:" names its speaker without a cue verb."""
    prev_end = _paragraph_before_ends_with_colon(ctx, cand)
    if prev_end is None:
        return None
    last = ctx.doc[ctx.tokens.at(prev_end - 1)]
    subject = syntax.subject_of(last.sent.root)
    if subject is None or ctx.in_quote(subject):
        return None
    return ctx.named(subject.i, "direct_introduced_by_paragraph")


def direct_after_speech_tag(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """Ana Lopes told CBS News. “...”: a sentence that tells only who spoke (a reporting verb with a
    subject and no clause of its own), right before the quote in its paragraph or ending the
    paragraph before ("Tom Reed praised the mayor's leadership. | “We need someone ...”"), names
    its speaker."""
    before = text_before(ctx, cand)
    index = ctx.index.index_of(cand.start)
    if not before and index > 0:  # the quote opens its paragraph: the one before ends the tag
        start, end = ctx.paragraphs[index - 1]
        before, at = ctx.text[start:end].rstrip(), start
    else:
        at = ctx.paragraph_of(cand.start)[0]
    sentence = _sentence_just_before(ctx, cand, before, at)
    cue = sentence.root if sentence is not None else None
    if cue is None or not syntax.is_cue(cue):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis", "advcl") for c in cue.children):
        return None  # it reports something of its own: that clause is the quote, this one continues it
    return ctx.attribution(cue, "direct_after_speech_tag")


def direct_after_named_subject(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """Ines Duarte touted her record on transport. “We need ...”: a quote with no cue of its own,
    right after a sentence of its paragraph whose subject is a person named there, is that person's
    (what "continues" would give is the speaker of an earlier paragraph, whom this sentence left)."""
    sentence = _sentence_just_before(ctx, cand, text_before(ctx, cand), ctx.paragraph_of(cand.start)[0])
    verb = sentence.root if sentence is not None else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if verb is None or subject is None or subject.ent_type_ != "PERSON":
        return None
    return ctx.named(subject.i, "direct_after_named_subject") if verb.pos_ == "VERB" else None


def _sentence_just_before(ctx: QuoteContext, cand: Candidate, before: str, at: int) -> Span | None:
    """The sentence that ends right before a quote which ends one of its own (no tag of its own
    after it: not “...,” she said); `before` is the text from char `at` up to the quote's mark.
    None if either ends otherwise, or if the sentence holds quoted words."""
    if not before.endswith(".") or ctx.text[: cand.pieces[-1][1]].rstrip()[-1:] not in (".", "!", "?"):
        return None
    sentence = ctx.doc[ctx.tokens.at(at + len(before) - 1)].sent
    return None if any(ctx.in_quote(t) for t in sentence) else sentence


# ---- partial quotes, in order of trust ----------------------------------------------------------
def partial_in_reported_speech(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """She said the plan was “a disgrace”: quoted words inside reported speech are its speaker's."""
    for reported in ctx.indirect:
        if reported.start <= cand.start and cand.end <= reported.end and reported.attribution:
            rule = "partial_in_reported_speech"
            return replace(reported.attribution, rule=rule, confidence=ctx.settings.confidence[rule])
    return None


def partial_cue_in_sentence(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """The cue that governs the quoted words, else the nearest cue in the sentence."""
    first = ctx.doc[ctx.tokens.at(cand.start)]
    cues = [t for t in ctx.sentence_cues(first) if is_cue(t)]
    # The nearest governing cue first: "Egypt criticised the shift, with Lopes warning of “...”".
    depth = {a.i: d for d, a in enumerate(syntax.ancestors(first))}
    governing = sorted((c for c in cues if c.i in depth), key=lambda c: depth[c.i])
    # The nearest few on either side, found by position: a sentence of thousands of cues and quotes
    # (a hostile page) costs no more per quote than an ordinary one.
    at = bisect_left([c.i for c in cues], first.i)
    near = sorted(cues[max(at - _NEAREST, 0) : at + _NEAREST], key=lambda c: abs(c.i - first.i))
    for cue in governing + near:
        if found := ctx.attribution(cue, "partial_cue_in_sentence"):
            return found
    return None


def partial_named_subject(ctx: QuoteContext, cand: Candidate) -> Attribution | None:
    """ "Rubio pledged to oppose it “today, tomorrow, forever”": a named subject owns the words (a
    name the model typed nothing too: "Ana Lopes, star of “Harbour Lights,” thanked ...")."""
    first = ctx.doc[ctx.tokens.at(cand.start)]
    verb = next((a for a in syntax.ancestors(first) if a.pos_ in ("VERB", "AUX")), None)
    subject = syntax.subject_of(verb) if verb is not None else None
    named = subject is not None and (subject.ent_type_ in ("PERSON", "ORG") or _untyped_full_name(subject))
    if subject is None or ctx.in_quote(subject) or not (named or subject.lower_ in ("he", "she")):
        return None
    return ctx.named(subject.i, "partial_named_subject")


def _untyped_full_name(token: Token) -> bool:
    """Two proper nouns or more the model typed nothing ("Ana Lopes"): a word alone may be a term."""
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return token.pos_ == "PROPN" and not token.ent_type_ and bool(words)


# Where a row without a function is applied.
IN_ORDER, WITH_CUE_AFTER, REPORTED, PARENTHETICAL, ACCORDING, DIRECTIVE, CHARACTERISED, CONTINUES, NO_SPEAKER = (
    "tried in order", "found by direct_cue_after", "reported clause", "reporting clause set off inside it",
    "according to", "what someone was told to do", "what someone called a thing", "continues", "no speaker",
)  # fmt: skip


@dataclass(frozen=True)
class QuoteRule:
    """A row of the attribution table."""

    id: str
    kind: str
    find: Rule | None
    # The rule's precision on the PolNeAR dev set (quote found at the 30% rule), rounded down to
    # 0.05, so sorting by confidence puts the doubtful items first. `eval` on PolNeAR prints it row
    # by row ("quote rule -> precision"); re-measure when a rule changes. Rows PolNeAR scores fewer
    # than 20 times (direct_name_after_dash, direct_introduced_by_paragraph, direct_cue_ends_
    # paragraph_before) and partial_in_reported_speech (scored as part of its reported speech there)
    # keep the figure first measured for them.
    confidence: float
    applied: str = IN_ORDER


QUOTE_RULES: tuple[QuoteRule, ...] = (
    QuoteRule("direct_cue_before", "direct", direct_cue_before, 0.95),
    QuoteRule("direct_cue_after", "direct", direct_cue_after, 0.9),
    QuoteRule("direct_cue_next_sentence", "direct", None, 0.65, WITH_CUE_AFTER),
    QuoteRule("direct_name_after_dash", "direct", direct_name_after_dash, 0.8),
    QuoteRule("direct_cue_farther_before", "direct", direct_cue_farther_before, 0.8),
    QuoteRule("direct_named_before_colon", "direct", direct_named_before_colon, 0.65),
    QuoteRule("direct_subject_before_colon", "direct", direct_subject_before_colon, 0.9),
    QuoteRule("direct_cue_ends_paragraph_before", "direct", direct_cue_ends_paragraph_before, 0.95),
    QuoteRule("direct_introduced_by_paragraph", "direct", direct_introduced_by_paragraph, 0.8),
    QuoteRule("direct_after_speech_tag", "direct", direct_after_speech_tag, 0.8),
    # 0.600 on PolNeAR (6 of the 10 quotes it gives are quotes there; the speaker right in the one scored).
    QuoteRule("direct_after_named_subject", "direct", direct_after_named_subject, 0.6),
    QuoteRule("partial_in_reported_speech", "partial", partial_in_reported_speech, 0.8),
    QuoteRule("partial_cue_in_sentence", "partial", partial_cue_in_sentence, 0.45),
    QuoteRule("partial_named_subject", "partial", partial_named_subject, 0.4),
    QuoteRule("indirect_reported_clause", "indirect", None, 0.9, REPORTED),
    QuoteRule("indirect_parenthetical_cue", "indirect", None, 0.9, PARENTHETICAL),
    QuoteRule("indirect_according_to", "indirect", None, 0.9, ACCORDING),
    QuoteRule("indirect_directive", "indirect", None, 0.85, DIRECTIVE),
    QuoteRule("indirect_characterised", "indirect", None, 0.85, CHARACTERISED),
    QuoteRule("direct_continues", "direct", None, 0.55, CONTINUES),
    QuoteRule("partial_continues", "partial", None, 0.45, CONTINUES),
    QuoteRule("direct_no_speaker", "direct", None, 0.6, NO_SPEAKER),
    QuoteRule("partial_no_speaker", "partial", None, 0.45, NO_SPEAKER),
)
# Each rule's confidence by its id, most trusted first: the quote component's default setting.
CONFIDENCE: dict[str, float] = {r.id: r.confidence for r in sorted(QUOTE_RULES, key=lambda r: -r.confidence)}
DIRECT_RULES: tuple[Rule, ...] = tuple(r.find for r in QUOTE_RULES if r.kind == "direct" and r.find)
PARTIAL_RULES: tuple[Rule, ...] = tuple(r.find for r in QUOTE_RULES if r.kind == "partial" and r.find)


def rule_id(kind: str, applied: str) -> str:
    """The id of the row for quotes of `kind` applied so ("partial", CONTINUES -> partial_continues)."""
    return next(r.id for r in QUOTE_RULES if r.kind == kind and r.applied == applied)


def attribute(ctx: QuoteContext, cand: Candidate, rules: tuple[Rule, ...]) -> Attribution | None:
    """The first rule of the table that finds a speaker."""
    for rule in rules:
        if found := rule(ctx, cand):
            return found
    return None


def carry_over(ctx: QuoteContext, cand: Candidate, earlier: list[Candidate]) -> Attribution | None:
    """A quote with no cue of its own continues the last speaker of the paragraphs just before.
    Quoted words with no cue in their paragraph are often scare quotes: low confidence."""
    here = ctx.index.index_of(cand.start)
    for prev in reversed(earlier):
        if prev.attribution is None or prev.attribution.head is None:
            continue
        if here - ctx.index.index_of(prev.start) > ctx.settings.carry_over_paragraphs:
            return None
        rule = rule_id(cand.kind, CONTINUES)
        return replace(prev.attribution, rule=rule, confidence=ctx.settings.confidence[rule])
    return None
