"""Numeric claims: each quantity the article asserts, with what is counted, what happened, who says so.

Entry point: `find_claims(doc, article, quotes, speakers)`. Quantities come from the text
(`quantities.scan_quantities`); the parse adds the unit noun (`counted`), the predicate
(`predicate`), the subject and, for numbers inside a quote or stated by a speaker of the article,
the claimant (`claimant`). Numbers that are not claims are passed over with a reason (`filters`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .. import resources
from ..records import Article, ClaimKind, NumericClaim, Quote, Speaker
from ..text import syntax, units
from ..text.paragraphs import paragraphs
from ..text.quantities import Quantity, scan_quantities
from .claimant import containing_quote, forecaster, speaker_named
from .confidence import claim_confidence
from .counted import (
    counted_noun,
    is_age,
    is_vague,
    kind_of_thing,
    noun_phrase,
    number_of,
    relative_antecedent,
    total_of,
    unit_qualifier,
    unit_text,
)
from .filters import not_a_claim
from .grammar import number_token, phrase_of, tokens_of, verb_of
from .predicate import dated_phrase, noun_predicate, predicate_of


@dataclass(frozen=True)
class Reading:
    """What the parse says about one quantity: its kind and unit, where its text ends, what
    happened to it and to whom, and the evidence (`<kind>_<where the unit came from>_<shape>`)
    that its confidence is looked up by."""

    kind: ClaimKind
    unit: str | None
    unit_normalized: str | None
    end: int
    evidence: str
    subject: str | None = None
    predicate: str | None = None


@dataclass(frozen=True)
class PassedOver:
    """A number in the text that is not a claim, and why (an id of filters.PASSED_OVER)."""

    text: str
    start: int
    reason: str


@dataclass(frozen=True)
class NumberAt:
    """What the unit rules read about one number: the quantity, its token, its kind so far, the
    noun it counts (if the parse gives one), the verb it hangs on, the unit of the count before it
    in the sentence."""

    doc: Doc
    q: Quantity
    number: Token
    kind: ClaimKind
    noun: Token | None
    verb: Token | None
    last_unit: tuple[str, str | None] | None


@dataclass(frozen=True)
class UnitFound:
    """A unit rule's finding: the claim's kind and unit, the unit's canonical name, what a rate is
    counted per, and the last token of the unit when it follows the number."""

    kind: ClaimKind
    unit: str
    normalized: str | None
    per: str | None
    unit_end: Token | None = None


def _noun_after(at: NumberAt) -> UnitFound | None:
    """ "265 complaints", "528 million francs", "0.9 trillion cubic feet", "45 hours a week"."""
    noun, q = at.noun, at.q
    if noun is None or at.kind not in ("count", "fraction"):
        return None
    unit_end, unit, per = unit_qualifier(noun, unit_text(at.doc, q, noun, at.number))
    money = (units.currency(unit) or units.currency(noun.lower_)) if noun.is_alpha else None
    if money is not None and at.kind == "count":
        return UnitFound("money", unit, money[0], per, unit_end)
    if at.kind == "count" and (measure := units.measure(unit) or units.measure(noun.lower_)):
        return UnitFound("measure", unit, measure, per, unit_end)
    core = kind_of_thing(noun, q.end) if unit.endswith(noun.text) else unit
    normalized = units.counted_unit(core, lemma=noun.lemma_ if noun.pos_ == "NOUN" else None)
    return UnitFound(at.kind, unit, normalized, per, unit_end)


def _number_of_subject(at: NumberAt) -> UnitFound | None:
    """ "The number of people waiting fell by 600": 600 people."""
    counted = number_of(at.verb) if at.kind == "count" and at.q.unit is None else None
    if counted is None:
        return None
    return UnitFound("count", counted.text, units.counted_unit(counted.text, lemma=counted.lemma_), at.q.per)


def _relative_clause(at: NumberAt) -> UnitFound | None:
    """ "domestic abuse cases, where seven in 10 were closed", "200 staff, of whom 12 were hurt"."""
    if at.kind not in ("count", "fraction") or at.q.unit is not None:
        return None
    antecedent = relative_antecedent(at.number)
    if antecedent is None:
        return None
    unit = noun_phrase(antecedent, 0)
    return UnitFound(at.kind, unit, units.counted_unit(unit, lemma=antecedent.lemma_), at.q.per)


def _count_before(at: NumberAt) -> UnitFound | None:
    """ "investigated 265 complaints and upheld 43": 43 complaints (not a vague "millions")."""
    if at.kind != "count" or at.q.unit is not None or at.last_unit is None or is_vague(at.q):
        return None
    return UnitFound("count", at.last_unit[0], at.last_unit[1], at.q.per)


def _total_named(at: NumberAt) -> UnitFound | None:
    """ "Waiting lists rose by 11,500": a total of people (resources/totals_of.txt)."""
    total = total_of(at.number, at.verb) if at.kind == "count" and at.q.unit is None else None
    if total is None:
        return None
    return UnitFound("count", total, units.counted_unit(total), at.q.per)


# Where a claim's unit comes from, tried in order; the first that finds one gives its id to the
# claim's evidence (`<kind>_<id>_<shape>`, whose measured precision is claims.CLAIM_CONFIDENCE).
# Without one the unit is as the number was written ("as_written": "£5m", "40%", "3 mph"), a
# person's age ("age"), or none ("no_unit").
UNIT_RULES: tuple[tuple[str, Callable[[NumberAt], UnitFound | None]], ...] = (
    ("noun", _noun_after),
    ("number_of", _number_of_subject),
    ("relative_clause", _relative_clause),
    ("carried_over", _count_before),
    ("total_of", _total_named),
)


def read_claim(doc: Doc, q: Quantity, number: Token, last_unit: tuple[str, str | None] | None) -> Reading:
    kind: ClaimKind = q.kind
    noun = counted_noun(number, q) if kind in ("count", "year", "fraction", "percent") else None
    verb, role = verb_of(noun if noun is not None else number)
    described = number.i > 0 and doc[number.i - 1].dep_ in ("det", "poss")  # "the 2016 contests"
    named = number.i + 1 < len(doc) and doc[number.i + 1].pos_ == "PROPN"  # "2012 Benghazi attacks"
    if noun is not None and kind == "year" and noun.tag_ == "NNS" and not (described or named):
        kind = "count"  # "2000 people" is a count, not a year; "the 2016 nomination contests" a year
    at = NumberAt(doc, q, number, kind, noun, verb, last_unit)
    source, found_unit = next(((rule, f) for rule, find in UNIT_RULES if (f := find(at)) is not None), ("", None))
    unit, normalized, per, unit_end = q.unit, q.normalized, q.per, noun
    if found_unit is not None:
        kind, unit, normalized, per = found_unit.kind, found_unit.unit, found_unit.normalized, found_unit.per
        unit_end = found_unit.unit_end if found_unit.unit_end is not None else noun
    else:
        source = "as_written"
    if kind == "money" and normalized == "GBP" and q.scale == 1 and (unit or "").lower() in ("pound", "pounds"):
        if any(t.lemma_.lower() in resources.weight_words() for t in number.sent):
            kind, normalized = "measure", units.measure("lb")  # "she lost 25 pounds"
    if per is not None and normalized is not None and " per " not in normalized:
        normalized = f"{normalized} per {per}"
    # The claim's text runs to the counted noun when it follows: "265 complaints".
    end = q.end
    if noun is not None and unit_end is not None and noun.idx >= q.end and noun.idx - q.end <= 30 and kind != "year":
        end = unit_end.idx + len(unit_end.text)
    if kind == "count" and unit is None and is_age(number, q):
        kind, normalized = "measure", "year of age"  # "Dana Reyes, 35, said", "adults aged 26 or older"
        source = "age"
    if kind == "count" and unit is None:
        source = "no_unit"
    shape = "change" if q.change else "range" if isinstance(q.value, tuple) else "one"
    evidence = f"{kind}_{source}_{shape}" if kind in ("count", "fraction") else f"{kind}_{shape}"
    found = Reading(kind, unit, normalized, end, evidence)
    if kind in ("year", "year_range", "date") and (dated := dated_phrase(doc, q)):
        return replace(found, predicate=dated)
    measured = noun_predicate(number, q) if noun is None or kind not in ("count", "fraction") else None
    if measured and not (noun is not None and measured.split()[0] == noun.text):  # not the unit: "2.5 hours"
        return replace(found, predicate=measured)
    subject = None
    if verb is not None and role == "object":
        head = syntax.subject_of(verb)
        subject = phrase_of(head) if head is not None else None
    return replace(found, subject=subject, predicate=predicate_of(verb, role) if verb is not None else None)


def find_claims(
    doc: Doc,
    article: Article,
    quotes: list[Quote],
    speakers: list[Speaker],
    passed_over: list[PassedOver] | None = None,
) -> list[NumericClaim]:
    """The article's numeric claims in text order. The byline date and the repeated headlines are
    metadata. Numbers that are not claims go to `passed_over`, with their reason, when it is given."""
    skipped = list(article.skipped)
    # Bodies whose words the article gives through what they published ("the report found ...").
    publishers = {q.speaker for q in quotes if q.speaker and q.speaker_evidence.startswith("document")}
    claims: list[NumericClaim] = []
    text = article.text  # the Doc's text (doc.text would rebuild it from the tokens)
    for p_start, p_end in paragraphs(text):
        if any(s <= p_start < e for s, e in skipped):
            continue
        last_unit: tuple[str, str | None] | None = None
        for q in scan_quantities(text[p_start:p_end]):
            q = replace(q, start=q.start + p_start, end=q.end + p_start)
            tokens = tokens_of(doc, q)
            if not tokens:
                continue
            number = number_token(tokens, q)
            reason = not_a_claim(doc, text, q, number)
            if reason is not None:
                if passed_over is not None:
                    passed_over.append(PassedOver(text[q.start : q.end], q.start, reason))
                continue
            found = read_claim(doc, q, number, last_unit if number.sent == tokens[0].sent else None)
            if found.kind == "count" and found.unit:
                last_unit = (found.unit, found.unit_normalized)
            quote = containing_quote(q, quotes)
            claimant = quote.speaker if quote is not None else None
            if claimant is None and found.subject:
                claimant = speaker_named(found.subject, speakers, publishers)
            if claimant is None:
                claimant = forecaster(number, speakers)
            sentence = number.sent
            claims.append(
                NumericClaim(
                    id=f"n{len(claims) + 1}",
                    text=text[q.start : found.end],
                    start=q.start,
                    end=found.end,
                    value=q.value,
                    kind=found.kind,
                    unit=found.unit,
                    unit_normalized=found.unit_normalized,
                    approx=q.approx,
                    predicate=found.predicate,
                    subject=found.subject,
                    claimant=claimant,
                    quote=quote.id if quote is not None else None,
                    sentence=(sentence.start_char, sentence.start_char + len(sentence.text.rstrip())),
                    confidence=claim_confidence(found.evidence),
                    evidence=found.evidence,
                    change=q.change,  # type: ignore[arg-type]
                )
            )
    return _changes_paired(_headline_figures_once(claims, article.body_start))


def _headline_figures_once(claims: list[NumericClaim], body_start: int) -> list[NumericClaim]:
    """A figure of the headline that the body gives again is counted once, where the body gives it;
    one the body never repeats stays (it is the article's claim all the same). Ids follow text order."""
    in_body = {(c.kind, json.dumps(c.value)) for c in claims if c.start >= body_start}
    kept = [c for c in claims if c.start >= body_start or (c.kind, json.dumps(c.value)) not in in_body]
    return [replace(c, id=f"n{n}") for n, c in enumerate(kept, 1)]


def _changes_paired(claims: list[NumericClaim]) -> list[NumericClaim]:
    """The two ends of a change (a "from" claim and the "to" claim after it) name each other."""
    paired = list(claims)
    for n in range(len(paired) - 1):
        if paired[n].change == "from" and paired[n + 1].change == "to":
            paired[n] = replace(paired[n], paired_with=paired[n + 1].id)
            paired[n + 1] = replace(paired[n + 1], paired_with=paired[n].id)
    return paired
