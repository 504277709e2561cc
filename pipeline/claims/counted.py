"""What a number counts or measures: the noun after it, a noun the sentence gives elsewhere
("the number of X", a relative clause, a total), an age, a rate's period."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import resources
from ..resources import first_names
from ..text import syntax, units
from ..text.quantities import Quantity
from .grammar import SUBJECT_DEPS, set_off

_UNIT_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod"}
_TIME_DEICTICS = {"last", "next", "this", "previous", "following"}
_COUNT_NOUNS = {"number", "total", "count", "tally"}  # "the number of X": what X counts


def _singular(noun: Token) -> bool:
    """A noun written as a singular only: not "series" or "aircraft", which may be plurals."""
    word = noun.lower_
    return noun.tag_ == "NN" and not word.endswith("s") and word not in resources.invariant_nouns()


def counted_noun(number: Token, q: Quantity) -> Token | None:
    """The noun a number counts: "265 complaints", "one of the students", "3 million people". Not
    a noun set off by punctuation: in "1,159,368 - the lowest figure" the figure is not what is counted."""
    if (shared := _suspended_compound(number, q)) is not None:
        return shared
    if number.dep_ == "conj" and number.head.pos_ == "NUM" and number.head.idx >= q.start:
        number = number.head  # "between 10 and 20 people": the range's first number holds the noun
    head = number.head
    for _ in range(3):  # "3 million people": through the number words to the noun
        if head.pos_ != "NUM" or head.head.i == head.i or head.i <= number.i:
            break
        head = head.head
    if number.i < head.i < head.head.i and head.idx < q.end and head.lower_ in resources.scale_abbreviations():
        head = head.head  # "40m handsets", with the "m" of the figure parsed as a noun before them
    if number.dep_ in _UNIT_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > number.i and head.idx >= q.end:
        between = [t for t in number.doc[number.i + 1 : head.i] if t.idx >= q.end]  # not "two and a half"
        deictic = any(t.pos_ == "DET" or t.lower_ in _TIME_DEICTICS for t in between)
        if set_off(number.doc, q, number.i + 1, head.i) or (deictic and q.kind != "fraction"):
            return None  # "2.1 last year": the year is when, not what is counted ("half the income" is)
        joined = number.i + 1 < len(number.doc) and number.doc[number.i + 1].text == "-"
        while head.dep_ == "compound" and head.head.i == head.i + 1 and head.head.pos_ == "NOUN":
            if joined or units.measure(head.lower_) or units.currency(head.lower_):
                break  # "a six-mile road", "a 10 mile walk", "a million dollar house" measure the first
            if head.tag_ == "NN" and _singular(head.head) and q.value != 1:
                break  # "a 12 page document" counts pages: a noun counted by 12 would be plural
            head = head.head  # "90 journalist jobs": the jobs are counted
        first = number.doc[number.i + 1]  # the noun right after the number, when it modifies the head
        if q.kind == "count" and first.dep_ == "compound" and first.idx >= q.end and first.i < first.head.i <= head.i:
            if units.measure(first.lower_):
                return first  # "a 5 W USB-C charger" measures watts
            if q.value != 1 and first.head.i == head.i and _singular(head) and first.tag_ == "NN":
                return first  # "a 12 page document" parsed with 12 on the document: still pages
        return head
    if number.dep_ in ("nummod", "conj") and head.pos_ == "NOUN" and head.is_alpha and head.i < number.i:
        if any(t.lower_ == "or" for t in number.doc[head.i + 1 : number.i]) and number.i - head.i <= 2:
            return head  # "a pick or two": the number counts the noun it is the other choice to
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            counted = next((c for c in child.children if c.dep_ == "pobj"), None)
            # Not "half of them", nor "won 12 of 13": a pronoun or a number counts nothing named.
            return counted if counted is not None and counted.pos_ not in ("PRON", "NUM") else None
    return None


# A list ("four-, five- and six-cylinder"), not a choice or a range ("four- or five-day", "two- to
# three-year"), which the range reader takes whole.
_SUSPENDED = re.compile(r"-\s*(?:,|and\b)")


def _suspended_compound(number: Token, q: Quantity) -> Token | None:
    """ "four-, five- and six-cylinder engines": a number whose hyphen waits for the noun the last
    of its list is joined to counts that noun."""
    doc = number.doc
    if q.kind != "count" or not _suspended(number, q):
        return None
    for token in doc[number.i + 1 : number.i + 12]:
        if token.text == "-" and token.i + 1 < len(doc) and doc[token.i - 1].like_num:
            noun = doc[token.i + 1]
            return noun if noun.pos_ == "NOUN" else None
    return None


def _suspended(number: Token, q: Quantity) -> bool:
    """Whether a hyphen waiting for a list's noun follows the number ("four-, five- and ..."), read
    from the few tokens after it (the Doc's whole text would be rebuilt for each number)."""
    doc = number.doc
    near = doc[number.i : min(len(doc), number.i + 4)]
    return bool(_SUSPENDED.match(near.text_with_ws, q.end - number.idx)) if q.end >= number.idx else False


def unit_text(doc: Doc, q: Quantity, noun: Token, number: Token | None = None) -> str:
    """The unit as written, with noun modifiers between number and noun ("charging stations",
    "first-team players")."""
    if number is not None and _suspended(number, q):
        return noun.text  # "four-, five- and six-cylinder": not the words of the last number's count
    if noun.i > 0 and doc[noun.i - 1].idx >= q.end and noun.idx - q.end <= 30:
        return noun_phrase(noun, q.end)
    return noun.text


def noun_phrase(noun: Token, after: int) -> str:
    """A noun with the modifiers before it that say what it is ("domestic abuse cases",
    "first-team players"), none before character `after` (where the number ends); adjectives of
    how many more are left out ("100 further patients" counts patients)."""
    doc = noun.doc
    first = noun.i
    while first - 1 >= 0 and doc[first - 1].idx >= after:
        before = doc[first - 1]
        joined = before.text == "-" and not before.whitespace_ and first - 2 >= 0 and not doc[first - 2].whitespace_
        if before.dep_ not in ("compound", "amod") and not joined:
            break
        first -= 2 if joined else 1
    first = max(first, 0)
    while first < noun.i and (
        doc[first].idx < after or doc[first].is_punct or doc[first].lower_ in resources.count_adjectives()
    ):
        first += 1
    return doc[first : noun.i + 1].text


def is_age(number: Token, q: Quantity) -> bool:
    """A bare whole number that is someone's age: set off after a person's name ("Dana Reyes, 35,
    said", "Tom Hale (42)"), or after "aged" ("aged 26 or older")."""
    doc = number.doc
    if not isinstance(q.value, int) or not 0 < q.value < 120 or number.i < 2:
        return False
    before, after = doc[number.i - 1], doc[number.i + 1] if number.i + 1 < len(doc) else None
    if before.lower_ in ("aged", "age"):
        return True
    set_off = before.text in (",", "(") and (after is None or after.text in (",", ")", ".", ";"))
    return set_off and _names_a_person(doc[number.i - 2])


def _names_a_person(token: Token) -> bool:
    """A person's name: a PERSON entity, a common given name and a surname ("Dana Reyes", where
    the model found no entity), or the surname of a person the article names in full ("Michael
    Webb ... convicting Webb, 51,", though the model types that "Webb" an organisation)."""
    if token.ent_type_ == "PERSON":
        return True
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    first = token.doc[token.i - 1] if token.i > 0 else None
    if first is not None and first.pos_ == "PROPN" and first_names.is_given_name(first.text):
        return True
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == token.lower_ for e in token.doc.ents)


def kind_of_thing(noun: Token, after: int) -> str:
    """What a count counts, for grouping claims: the noun with the nouns compounded before it
    ("charging stations", "maintenance workers"), not the adjectives or names that only describe
    these ones ("consecutive games", "two Arab states", "17 NBA seasons" count games, states,
    seasons). `unit` keeps the words as written."""
    doc = noun.doc
    first = noun.i
    while first - 1 >= 0 and doc[first - 1].idx >= after:
        before = doc[first - 1]
        nominal = before.tag_ in ("NN", "NNS", "VBG") and before.pos_ not in ("ADJ", "PROPN")
        if before.dep_ not in ("compound", "amod") or not nominal or before.head.i != noun.i:
            break
        first -= 1
    return doc[first : noun.i + 1].text


def unit_qualifier(noun: Token, unit: str) -> tuple[Token, str, str | None]:
    """What follows a unit noun and belongs to it: "hours a week" (a rate, per week), "barrels of
    oil a day" (per day), "degrees Celsius". Returns the last token of the unit, the unit and what a
    rate is counted per."""
    doc = noun.doc
    periods = resources.rate_periods()
    after = doc[noun.i + 1 : noun.i + 3]
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and of.right_edge.i - noun.i <= 6:  # "2.4 billion gallons of jet fuel a year"
        rate = doc[of.right_edge.i + 1 : of.right_edge.i + 3]
        if len(rate) == 2 and rate[0].lower_ in ("a", "an", "per") and rate[1].lemma_.lower() in periods:
            return noun, unit, rate[1].lemma_.lower()
    if len(after) == 2 and after[0].lower_ in ("a", "an", "per") and after[1].lemma_.lower() in periods:
        return after[1], unit, after[1].lemma_.lower()
    if noun.lower_ in ("degree", "degrees") and len(after) and after[0].lower_ in ("celsius", "fahrenheit", "c", "f"):
        return after[0], f"{unit} {after[0].text}", None
    return noun, unit, None


def number_of(verb: Token | None) -> Token | None:
    """What "the number of X" counts when it is the subject of the number's verb: "The number of
    people waiting was 1,159,368" counts people."""
    subject = syntax.subject_of(verb) if verb is not None else None
    if subject is None or subject.lemma_.lower() not in _COUNT_NOUNS:
        return None
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return counted if counted is not None and counted.pos_ == "NOUN" else None


def total_of(number: Token, verb: Token | None) -> str | None:
    """What a figure counts when the subject of its verb is a total of something it does not name:
    "Waiting lists rose by 11,500", "waiting lists stood 500,000 higher" count people
    (resources/totals_of.txt)."""
    node = number
    for _ in range(3):  # "500,000 higher": the number measures an adverb of the verb
        if verb is not None or node.head.i == node.i:
            break
        node = node.head
        verb = node if node.pos_ in ("VERB", "AUX") else None
    subject = syntax.subject_of(verb) if verb is not None else None
    if subject is None or subject.pos_ != "NOUN":
        return None
    lemma = subject.lemma_.lower()
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == subject.i:
        return resources.totals_of().get(f"{before.lower_} {lemma}") or resources.totals_of().get(lemma)
    return resources.totals_of().get(lemma)


def relative_antecedent(number: Token) -> Token | None:
    """The noun a relative clause describes when the number is that clause's subject: in "domestic
    abuse cases, where seven in 10 were closed" and "200 staff, of whom 12 were hurt" the number
    counts the cases, the staff."""
    node = number
    while node.dep_ in ("prep", "pobj") and node.head.i != node.i and node.head.i >= number.i - 2:
        node = node.head  # "seven in 10": the clause's subject is "seven"
    if node.dep_ not in SUBJECT_DEPS or node.head.dep_ != "relcl":
        return None
    antecedent = node.head.head
    return antecedent if antecedent.pos_ == "NOUN" and antecedent.i < number.i else None


def is_vague(q: Quantity) -> bool:
    """A vague or hedged range ("millions", "dozens", "about 10 to 20"): no earlier count's noun is
    taken as theirs ("67 artists ... millions dead")."""
    return isinstance(q.value, tuple) and q.approx == "~"
