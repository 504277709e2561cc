"""Numbers that are not claims, each passed over with a named reason (`PASSED_OVER`): list
numbering, labels ("Article 50"), names of products and indexes ("iPhone 11", "Stoxx 600"),
models ("787 Dreamliner"), a spelt-out length of time that describes a noun ("a five-year
contract"), street numbers, words made with a number that count nothing ("a one-way fare"), and
"one" standing as an article or a pronoun."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import resources
from ..text import units
from ..text.quantities import Quantity
from .grammar import phrase_head

# Why a number was passed over: id -> the shape it names. `find_claims` reports them (`passed_over`).
PASSED_OVER: dict[str, str] = {
    "article_one": '"one" as an article or a pronoun: "one former officer", "one of the players"',
    "list_number": 'a line numbered "1." or "2)"',
    "label": 'a number a noun before it labels: "Article 50", "Category 4 hurricane", "S&P 500 futures"',
    "name_number": 'a number in a name: "iPhone 11", "Euro 2020", "Stoxx 600 index"',
    "model_number": 'a model, where a count would take a plural: "787 Dreamliner", "3 Series"',
    "time_length": 'a spelt-out length of time describing a noun: "a five-year contract", "a two-day trial"',
    "street_number": 'a number in an address: "10 Downing Street"',
    "number_idiom": 'a word made with a number that counts nothing: "a one-way fare", "a one-off payment"',
}


@resources.derived
def _month() -> re.Pattern[str]:
    return re.compile(rf"^(?:{resources.alternation(resources.months())})\b", re.IGNORECASE)


@resources.derived
def _street() -> re.Pattern[str]:
    return re.compile(rf"(?:{resources.alternation(resources.street_words())})\b")


def _counts_one_thing(number: Token) -> bool:
    """ "only one player", "just one area", "arrested on one warrant": "one" before its noun counts
    when a word limits it or the noun is no subject (as a subject, "one former officer told ..."
    brings someone in)."""
    noun = number.head
    if number.dep_ != "nummod" or noun.pos_ not in ("NOUN", "PROPN") or noun.i < number.i:
        return False
    limited = number.i > 0 and number.doc[number.i - 1].lower_ in ("only", "just", "single", "exactly")
    return limited or noun.dep_ not in ("nsubj", "nsubjpass")


def not_a_claim(doc: Doc, text: str, q: Quantity, number: Token) -> str | None:
    """Why a number found in the text is not a claim (an id of PASSED_OVER), or None when it is one."""
    hyphened = number.i + 1 < len(doc) and doc[number.i + 1].text == "-" and not number.whitespace_
    if hyphened and (word := re.match(r"\w+(?:-\w+)+", text[number.idx :])):
        if word.group().lower() in resources.number_idioms():
            return "number_idiom"
    if q.kind == "count" and number.lower_ == "one" and not hyphened:
        # "one former officer", "one who recounted", "one of the so-called ...": an article or a
        # pronoun; "one of four" counts.
        of = next((c for c in number.children if c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        counts = group is not None and (group.like_num or any(c.dep_ == "nummod" for c in group.children))
        return None if counts or _counts_one_thing(number) else "article_one"
    line_start = text.rfind("\n", 0, q.start) + 1
    if not text[line_start : q.start].strip() and re.match(r"[.)]\s", text[q.end : q.end + 2]):
        return "list_number"
    if q.kind in ("count", "year") and number.i > 0 and isinstance(q.value, (int, float)):
        prev = doc[number.i - 1]
        after = doc[number.i + 1] if number.i + 1 < len(doc) else None
        plural_after = after is not None and phrase_head(after).tag_ in ("NNS", "NNPS")
        label = resources.label_nouns().get(prev.lower_)
        if label is not None and (label or not plural_after) and (prev.lower_ != "no" or prev.text[0] == "N"):
            return "label"
        named = prev.pos_ == "PROPN" and not prev.is_sent_start and not _month().match(prev.text)
        if named and not plural_after and (after is None or after.lower_ != "of"):
            return "name_number"
        if q.kind == "count" and after is not None and after.text[:1].isupper() and not after.text.isupper():
            singular = phrase_head(after).tag_ in ("NN", "NNP")
            digits = number.text[:1].isdigit()  # models are numbered in digits: "six Airbus jets" counts
            if digits and q.start == number.idx and q.value != 1 and singular and not units.measure(after.lower_):
                return "model_number"
    if number.is_alpha and number.i + 2 < len(doc) and doc[number.i + 1].text == "-" and not number.whitespace_:
        # A spelt-out number hyphened to a noun: "a three-game streak", "a two-goal lead", "a
        # one-game suspension" are claims, the noun their unit; a length of time only describes
        # what follows ("a five-year contract", "a two-day trial"), as NewsQuant reads them.
        described = doc[number.i + 2]
        measure = units.measure(described.lower_)
        lasting = measure is not None and measure in resources.time_units()
        if lasting and described.dep_ in ("amod", "compound", "nmod"):
            describes = described.head.i > described.i and described.head.pos_ == "NOUN"
            return "time_length" if describes else None
    if q.kind in ("count", "year") and number.i > 0:
        after = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and _street().match(doc[min(number.i + 2, len(doc) - 1)].lower_):
            return "street_number"
    return None
