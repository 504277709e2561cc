"""Numeric claims: each quantity the article asserts, with what is counted, what happened, who says so.

Entry point: `find_claims(doc, article, quotes, speakers)`. Quantities come from the text
(`quantities.scan_quantities`); the parse adds the unit noun (`counted`), the predicate
(`predicate`), the subject and, for numbers inside a quote or stated by a speaker of the article,
the claimant (`claimant`). Numbers that are not claims are passed over with a reason (`filters`).
"""

from __future__ import annotations

import json
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


def read_claim(doc: Doc, q: Quantity, number: Token, last_unit: tuple[str, str | None] | None) -> Reading:
    kind: ClaimKind = q.kind
    unit, normalized, per = q.unit, q.normalized, q.per
    source = "as_written"  # where the unit came from: the claim's evidence (see CLAIM_CONFIDENCE)
    noun = counted_noun(number, q) if kind in ("count", "year", "fraction", "percent") else None
    unit_end = noun
    anchor = noun if noun is not None else number
    verb, role = verb_of(anchor)
    described = number.i > 0 and doc[number.i - 1].dep_ in ("det", "poss")  # "the 2016 contests"
    named = number.i + 1 < len(doc) and doc[number.i + 1].pos_ == "PROPN"  # "2012 Benghazi attacks"
    if noun is not None and kind == "year" and noun.tag_ == "NNS" and not (described or named):
        kind = "count"  # "2000 people" is a count, not a year; "the 2016 nomination contests" a year
    if noun is not None and kind in ("count", "fraction"):
        unit = unit_text(doc, q, noun)
        unit_end, unit, per = unit_qualifier(noun, unit)
        money = (units.currency(unit) or units.currency(noun.lower_)) if noun.is_alpha else None
        if money is not None and kind == "count":
            kind, normalized = "money", money[0]  # "528 million francs", "thousands of dollars"
        elif kind == "count" and (measure := units.measure(unit) or units.measure(noun.lower_)):
            kind, normalized = "measure", measure  # "0.9 trillion cubic feet"
        else:
            core = kind_of_thing(noun, q.end) if unit.endswith(noun.text) else unit
            normalized = units.counted_unit(core, lemma=noun.lemma_ if noun.pos_ == "NOUN" else None)
        source = "noun"
    elif kind == "count" and unit is None and (counted := number_of(verb)) is not None:
        unit = counted.text  # "the number of people waiting fell by 600"
        normalized = units.counted_unit(unit, lemma=counted.lemma_)
        source = "number_of"
    elif kind in ("count", "fraction") and unit is None and (antecedent := relative_antecedent(number)):
        unit = noun_phrase(antecedent, 0)  # "in domestic abuse cases, where seven in 10 were closed"
        normalized = units.counted_unit(unit, lemma=antecedent.lemma_)
        source = "relative_clause"
    elif kind == "count" and unit is None and last_unit is not None and not is_vague(q):
        unit, normalized = last_unit  # "investigated 265 complaints and upheld 43": 43 complaints
        source = "carried_over"
    elif kind == "count" and unit is None and (total := total_of(number, verb)) is not None:
        unit, normalized = total, units.counted_unit(total)  # "waiting lists rose by 11,500": people
        source = "total_of"
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
