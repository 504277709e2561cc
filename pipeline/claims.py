"""Numeric claims: each quantity the article asserts, with what is counted, what happened, who says so.

Entry point: `find_claims(doc, article, quotes, speakers)`. Quantities come from the text
(`quantities.scan_quantities`); the parse adds the unit noun, the predicate, the subject and, for
numbers inside a quote or said by a speaker of the article, the claimant.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from . import resources
from .records import Article, NumericClaim, Quote, Speaker
from .speakers.names import clean_name
from .text import syntax
from .text.paragraphs import paragraphs
from .text.quantities import Quantity, scan_quantities

_MODALS = {"will", "would", "could", "can", "may", "might", "must", "should", "shall"}
_OBJECT_DEPS = {"dobj", "pobj", "attr", "oprd", "dative", "npadvmod"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_UNIT_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod"}
_MONTHS = re.compile(rf"^(?:{resources.alternation(resources.months())})\b", re.IGNORECASE)


def _tokens(doc: Doc, q: Quantity) -> list[Token]:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _number_token(tokens: list[Token]) -> Token:
    """The token that carries the quantity in the parse: its last numeric word."""
    numeric = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else tokens[-1]


def _counted_noun(number: Token, q: Quantity) -> Token | None:
    """The noun a number counts: "265 complaints", "one of the students", "3 million people"."""
    head = number.head
    for _ in range(3):  # "3 million people": through the number words to the noun
        if head.pos_ != "NUM" or head.head.i == head.i or head.i <= number.i:
            break
        head = head.head
    if number.dep_ in _UNIT_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > number.i and head.idx >= q.end:
        return head
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _unit_text(doc: Doc, q: Quantity, noun: Token) -> str:
    """The unit as written, with noun modifiers between number and noun ("charging stations")."""
    if noun.i > 0 and doc[noun.i - 1].idx >= q.end and noun.idx - q.end <= 30:
        first = noun.i
        while first - 1 >= 0 and doc[first - 1].idx >= q.end and doc[first - 1].dep_ in ("compound", "amod"):
            first -= 1
        return doc[first : noun.i + 1].text
    return noun.text


_RATE_PERIODS = resources.rate_periods()


def _unit_qualifier(noun: Token, unit: str) -> tuple[Token, str]:
    """What follows a unit noun and belongs to it: "hours a week" -> "hours per week",
    "degrees Celsius". Returns the last token of the unit, and the unit."""
    doc = noun.doc
    after = doc[noun.i + 1 : noun.i + 3]
    if len(after) == 2 and after[0].lower_ in ("a", "an", "per") and after[1].lemma_.lower() in _RATE_PERIODS:
        return after[1], f"{unit} per {after[1].lower_}"
    if noun.lower_ in ("degree", "degrees") and len(after) and after[0].lower_ in ("celsius", "fahrenheit", "c", "f"):
        return after[0], f"{unit} {after[0].text}"
    return noun, unit


def _verb_of(token: Token) -> tuple[Token | None, str]:
    """The verb a noun phrase hangs on, and the phrase's role there: "subject" or "object"."""
    for child in token.children:  # "three who would have faced ..."
        if child.dep_ == "relcl":
            return child, "subject"
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None, ""
        if head.pos_ in ("VERB", "AUX") and node.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS | {"prep"}:
            role = "subject" if node.dep_ in _SUBJECT_DEPS else "object"
            return head, role
        if node.dep_ not in ("prep", "pobj", "conj", "appos", "nummod", "quantmod", "compound"):
            return None, ""
        node = head
    return None, ""


def _predicate(verb: Token, role: str) -> str:
    """What happened: "investigated" (the number is its object) or, when the number is the subject,
    the verb with its modals and object: "would have faced gross misconduct allegations"."""
    start = verb.i
    if role == "subject":
        modal = next((c for c in verb.lefts if c.dep_ == "aux" and c.lower_ in _MODALS), None)
        start = modal.i if modal is not None else verb.i
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" or (role == "subject" and child.dep_ in ("dobj", "attr", "acomp", "oprd")):
            end = max(end, child.right_edge.i + 1)
    return " ".join(t.text for t in verb.doc[start:end] if not t.is_space)


def _dated_phrase(doc: Doc, q: Quantity) -> str | None:
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


def _phrase(token: Token) -> str:
    start, end = syntax.mention_bounds(token, set())
    return token.doc[start:end].text


def _skip(doc: Doc, text: str, q: Quantity, number: Token) -> bool:
    """Numbers that are not claims: list numbering, street numbers, model names, a pronoun "one"."""
    if q.kind == "count" and number.lower_ == "one":
        # "one former officer", "one who recounted": an article or a pronoun; "one of the" counts.
        return not any(c.lower_ == "of" for c in number.children)
    line_start = text.rfind("\n", 0, q.start) + 1
    if not text[line_start : q.start].strip() and re.match(r"[.)]\s", text[q.end : q.end + 2]):
        return True  # "1. First point"
    if q.kind in ("count", "year") and number.i > 0:
        prev = doc[number.i - 1]
        after = doc[number.i + 1] if number.i + 1 < len(doc) else None
        named = prev.pos_ == "PROPN" and not prev.is_sent_start and not _MONTHS.match(prev.text)
        if named and (after is None or after.pos_ not in ("NOUN",)):
            return True  # "iPhone 11", "Euro 2020", "Part 3"
        if (
            after is not None
            and after.pos_ == "PROPN"
            and re.match(r"(street|road|avenue|lane|st|rd)\b", doc[min(number.i + 2, len(doc) - 1)].lower_)
        ):
            return True
    return False


def _containing_quote(q: Quantity, quotes: list[Quote]) -> Quote | None:
    inside = [x for x in quotes if x.start <= q.start and q.end <= x.end]
    return min(inside, key=lambda x: x.end - x.start) if inside else None


def _speaker_named(phrase: str, speakers: list[Speaker]) -> str | None:
    """The id of the speaker a subject phrase names ("The IOPC" -> the IOPC's id)."""
    wanted = clean_name(phrase).lower()
    for speaker in speakers:
        names = {speaker.name or ""} | {m.text for m in speaker.mentions}
        if any(clean_name(n).lower() == wanted for n in names if n):
            return speaker.id
    return None


def _claim(doc: Doc, q: Quantity, number: Token, last_unit: str | None) -> dict:
    kind, unit = q.kind, q.unit
    noun = _counted_noun(number, q) if kind in ("count", "year", "fraction", "percent") else None
    unit_end = noun
    if noun is not None and kind == "year" and noun.tag_ == "NNS":
        kind = "count"  # "2000 people" is a count, not a year
    if noun is not None and kind in ("count", "fraction"):
        unit = _unit_text(doc, q, noun)
        if noun.lower_ in resources.units():
            kind = "measure"
        unit_end, unit = _unit_qualifier(noun, unit)
    elif kind == "count" and unit is None:
        unit = last_unit  # "investigated 265 complaints and upheld 43": 43 complaints
    anchor = noun if noun is not None else number
    # The claim's text runs to the counted noun when it follows: "265 complaints".
    end = q.end
    if noun is not None and unit_end is not None and noun.idx >= q.end and noun.idx - q.end <= 30:
        end = unit_end.idx + len(unit_end.text)
    if kind in ("year", "year_range", "date") and (dated := _dated_phrase(doc, q)):
        return {"kind": kind, "unit": unit, "predicate": dated, "subject": None, "end": end}
    verb, role = _verb_of(anchor)
    subject = None
    if verb is not None and role == "object":
        head = syntax.subject_of(verb)
        subject = _phrase(head) if head is not None else None
    return {
        "kind": kind,
        "unit": unit,
        "predicate": _predicate(verb, role) if verb is not None else None,
        "subject": subject,
        "end": end,
    }


def find_claims(doc: Doc, article: Article, quotes: list[Quote], speakers: list[Speaker]) -> list[NumericClaim]:
    """The article's numeric claims in text order. The byline date and the repeated headlines are metadata."""
    skipped = list(article.skipped)
    claims: list[NumericClaim] = []
    text = doc.text  # built from the tokens on every access: read it once
    for p_start, p_end in paragraphs(text):
        if any(s <= p_start < e for s, e in skipped):
            continue
        last_unit: str | None = None
        for q in scan_quantities(text[p_start:p_end]):
            q = replace(q, start=q.start + p_start, end=q.end + p_start)
            tokens = _tokens(doc, q)
            if not tokens:
                continue
            number = _number_token(tokens)
            if _skip(doc, text, q, number):
                continue
            found = _claim(doc, q, number, last_unit if number.sent == tokens[0].sent else None)
            if found["kind"] == "count" and found["unit"]:
                last_unit = found["unit"]
            quote = _containing_quote(q, quotes)
            claimant = quote.speaker if quote is not None else None
            if claimant is None and found["subject"]:
                claimant = _speaker_named(found["subject"], speakers)
            sentence = number.sent
            claims.append(
                NumericClaim(
                    id=f"n{len(claims) + 1}",
                    text=text[q.start : found["end"]],
                    start=q.start,
                    end=found["end"],
                    value=q.value,  # type: ignore[arg-type]
                    kind=found["kind"],
                    unit=found["unit"],
                    approx=q.approx,
                    predicate=found["predicate"],
                    subject=found["subject"],
                    claimant=claimant,
                    quote=quote.id if quote is not None else None,
                    sentence=(sentence.start_char, sentence.start_char + len(sentence.text.rstrip())),
                )
            )
    return claims
