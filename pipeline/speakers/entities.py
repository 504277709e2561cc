"""The article's people and organisations as the sieve reads them: the model's entities, with
what the small model gets wrong put right (a person typed ORG, a name typed as nothing, a given name
left outside its person), and ages written with a name ("Tom Reed, 28")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..resources import first_names
from .names import body_noun, body_or_group_noun, is_party, is_place_adjective, is_title_word, people_in_a_role

# A person's age as the news writes it before a noun or alone: "the 28-year-old (striker)".
_AGE_WORDS = ("-", "year", "-", "old")


def written_age(tokens: SpacySpan) -> int | None:
    """The age in "the 28-year-old", "28-year-old Tom Reed": a whole number before "-year-old"."""
    for token in tokens:
        following = [t.lower_ for t in tokens.doc[token.i + 1 : token.i + 5]]
        if token.like_num and token.text.isdigit() and [w.rstrip("s") for w in following] == list(_AGE_WORDS):
            return int(token.text)
    return None


def age_after(ent: SpacySpan) -> int | None:
    """The age written right after a name: "Tom Reed, 28,", "Tom Reed (28)", "Tom Reed, aged 28"."""
    after = [t.text.lower() for t in ent.doc[ent.end : ent.end + 4]]
    if after[:1] in (["("], [","]) and len(after) >= 3 and after[1].isdigit() and after[2] in (",", ")", "."):
        age = int(after[1])
    elif after[:2] == [",", "aged"] and len(after) >= 3 and after[2].isdigit():
        age = int(after[2])
    else:
        return None
    return age if 0 < age < 120 else None


def article_entities(doc: Doc, labels: tuple[str, ...]) -> list[SpacySpan]:
    """The entities of `doc` with one of `labels`, in text order, corrected as below."""
    # One name, one kind of thing in an article: "Vogel" typed PERSON three times and ORG once is a person.
    ents = doc.ents  # read once: each read builds the spans again
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
    people = {e.start for e in ents if _person_typed_place(e, surnames)} if "PERSON" in labels else set()
    people |= {
        e.start for e in ents
        if _person_typed_org(e) or _aged_name(e) or _surname(e, surnames) or _first_name_beside_a_person(e)
        or _surname_after_a_given_name(e)
    }  # fmt: skip
    bodies = _untyped_bodies(doc, ents) + _places_joined_to_a_body(ents) if "ORG" in labels else []
    within = {i for body in bodies for i in range(body.start, body.end)}  # "Scotland" of "Police Scotland"
    typed = [
        _with_given_name(_as_person(e) if e.start in people else e)
        for e in map(_without_honorific, ents)
        if (e.label_ in labels or e.start in people) and "\n" not in e.text  # not one run across a line break
        and e.start not in within
        and not (e.label_ == "PERSON" and is_party(_THE.sub("", e.text)))  # "The Lib Dem" typed PERSON
        and not _people_in_a_role(e)
    ]  # fmt: skip
    untyped = _untyped_people(doc) + bodies + (_untyped_bodies_taken_up_as_it(doc) if "ORG" in labels else [])
    return sorted(typed + untyped, key=lambda e: e.start)


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _without_honorific(ent: SpacySpan) -> SpacySpan:
    """ "Ms Mills" or "Mr | Straw" typed ORG or a place: a person, named without the honorific (as
    the model names "Mr Blair" "Blair")."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        return ent
    honorifics = resources.honorifics()
    if len(ent) >= 2 and ent[0].lower_.rstrip(".") in honorifics:
        return SpacySpan(ent.doc, ent.start + 1, ent.end, label="PERSON")
    if ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in honorifics:
        return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def _surname_after_a_given_name(ent: SpacySpan) -> bool:
    """ "Michael Howell said" with "Howell" alone typed ORG: one word, written as a name and not in
    capitals (an acronym), no body's noun, right after a common given name outside every entity
    (the given name is taken in by `_with_given_name`)."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) != 1 or ent.start == 0 or ent[0].is_upper:
        return False
    before = ent.doc[ent.start - 1]
    return (
        _written_as_a_name(ent[0]) and not body_noun(ent[0]) and not before.ent_type_
        and _written_as_a_name(before) and first_names.is_given_name(before.text)
        and not _joined_to_the_word_before(before)
    )  # fmt: skip


def _person_typed_place(ent: SpacySpan, surnames: set[str]) -> bool:
    """ "Marta Kovac lost her job. She said ...", "Helen Park met the governor" with the name typed
    a place or a body by the model: two or three capitalised words, the first a given name of one
    gender (resources/first_names.py), the phrase no country (resources/demonyms.txt), as the
    subject of a clause, and the article speaking of it as a person: its last word a person's name
    elsewhere, "her" or "his" of that gender later in its sentence, or "she" or "he" the subject of
    one of the next two. ("John Lewis said its sales fell" stays a company.)"""
    words = list(ent)
    if ent.label_ not in ("GPE", "LOC", "FAC", "ORG") or not 2 <= len(words) <= 3 or "\n" in ent.text:
        return False
    if not all(_written_as_a_name(t) for t in words) or ent.text.lower() in resources.demonyms():
        return False
    gender = first_names.gender_of(words[0].text)
    if gender not in ("f", "m") or ent.root.dep_ not in ("nsubj", "nsubjpass") or body_noun(words[-1]):
        return False
    if words[-1].text in surnames:
        return True
    doc = ent.doc
    own, subject = ("her", "she") if gender == "f" else ("his", "he")
    if any(t.lower_ == own and t.dep_ == "poss" for t in doc[ent.end : ent.sent.end]):
        return True
    return any(t.lower_ == subject and t.dep_ == "nsubj" for t in _next_sentences(ent))


def _next_sentences(ent: SpacySpan, count: int = 2) -> list[Token]:
    """The tokens of the sentences after the entity's, up to `count` of them that hold words (a
    quote and its "she said" may be two: '“It's not fair,” | she said.')."""
    doc, end, tokens = ent.doc, ent.sent.end, []
    while count and end < len(doc):
        sentence = doc[end].sent
        tokens += list(sentence)
        count -= any(not t.is_space for t in sentence)
        end = sentence.end
    return tokens


def _people_in_a_role(ent: SpacySpan) -> bool:
    """ "The MPs said" with "MPs" typed ORG: one word, a role noun in the plural, names no body."""
    return ent.label_ == "ORG" and len(ent) == 1 and people_in_a_role(ent.text)


def _written_as_a_name(token: Token) -> bool:
    """A proper noun in letters with a capital: "Reed", not "BBC2" nor "de"."""
    return token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper()


def _surname(ent: SpacySpan, surnames: set[str]) -> bool:
    """A one-word organisation whose word the article types as a person's surname elsewhere."""
    return ent.label_ in ("ORG", "GPE", "NORP") and len(ent) == 1 and ent[0].pos_ == "PROPN" and ent.text in surnames


def _aged_name(ent: SpacySpan) -> bool:
    """ "Reed, 45, said" with "Reed" typed ORG: a proper name with an age after it is a person."""
    proper = all(_written_as_a_name(t) for t in ent)
    return ent.label_ in ("ORG", "GPE", "NORP") and len(ent) <= 3 and proper and age_after(ent) is not None


def _person_typed_org(ent: SpacySpan) -> bool:
    """ "chief executive Sara Holt" typed ORG by the model: two or three capitalised words, the
    first a common given name (resources/first_names.py), the last no organisation noun, and a role
    beside it (a title just before, or a role noun in apposition either way). A first name alone
    is not enough: "Delmar Capital Partners", "Morgan Stanley"."""
    words = list(ent)
    if ent.label_ != "ORG" or not 2 <= len(words) <= 3 or body_noun(words[-1]):
        return False
    if not all(_written_as_a_name(t) for t in words):
        return False
    if not first_names.is_given_name(words[0].text):
        return False
    root = ent.root
    titled = ent.start > 0 and is_title_word(ent.doc[ent.start - 1])
    apposed = (root.dep_ == "appos" and is_title_word(root.head)) or any(
        c.dep_ == "appos" and is_title_word(c) for c in root.children
    )
    return titled or apposed


def _first_name_beside_a_person(ent: SpacySpan) -> bool:
    """ "Tom Reed's mother, Ana, said" with "Ana" typed ORG: a given name of one gender alone, in
    apposition to a person's role or relation ("mother", "spokesman": resources/gendered_nouns.txt,
    role_nouns.txt)."""
    root = ent.root
    if ent.label_ not in ("ORG", "GPE", "") or len(ent) != 1 or first_names.gender_of(root.text) not in ("f", "m"):
        return False
    return root.dep_ == "appos" and (is_title_word(root.head) or root.head.lower_ in resources.gendered_nouns())


def _untyped_people(doc: Doc) -> list[SpacySpan]:
    """ "Maria Garcia beat ...", "Reed, 45, said": a name the model gave no entity at all, one to
    three capitalised proper nouns in a row, outside every entity, none a title or an organisation
    noun, either two or three of them the first a common given name (resources/first_names.py),
    or with an age after them, or after an honorific ("Mr Blake"); or a given name alone beside a
    person ("his mother, Ana,")."""
    found = []
    for run in _proper_runs(doc):
        honoured = _after_an_honorific(run)
        if honoured is not None:  # "Mr Blake has defended his record": a person, whoever he is
            found.append(honoured)
            continue
        named = 2 <= len(run) <= 3 and _given_name(run[0])
        named = named or (len(run) == 1 and _first_name_beside_a_person(run))
        if (
            (named or len(run) <= 3 and age_after(run) is not None)
            and not any(t.ent_type_ for t in run) and not _joined_to_the_word_before(run[0])
            and not any(is_title_word(t) or body_noun(t) for t in run)
        ):  # fmt: skip
            found.append(SpacySpan(doc, run.start, run.end, label="PERSON"))
    return found


def _after_an_honorific(run: SpacySpan) -> SpacySpan | None:
    """The name in "Mr Blake", "Mrs Ana Patel" (resources/honorifics.txt), outside every entity:
    one or two proper nouns after the honorific, none a title or a body's noun."""
    doc, honorifics = run.doc, resources.honorifics()
    if run[0].lower_ in honorifics:
        words = run[1:]
    elif run.start > 0 and doc[run.start - 1].lower_.rstrip(".") in honorifics:  # "Mr. Blake"
        words = run
    else:
        return None
    if not 1 <= len(words) <= 2 or any(t.ent_type_ or is_title_word(t) or body_noun(t) for t in words):
        return None
    return SpacySpan(doc, words.start, words.end, label="PERSON")


def _untyped_bodies(doc: Doc, ents: Sequence[SpacySpan]) -> list[SpacySpan]:
    """ "Harlow Water Co. cut supplies", "Northfield District Council said", "Greater Harwick Police
    said": a name the model gave no entity, capitalised proper nouns that end in a body's, a
    company's ("Co.", "Inc") or a force's noun (resources/descriptors.txt), outside every entity;
    "Police Scotland": such a noun before a place, which names the place's force; and a body's noun
    "of" or "for" something (`_bodies_of_something`)."""
    runs = _proper_runs(doc)
    found = _bodies_of_something(runs)
    for run in runs:
        end = run.end
        if end < len(doc) and doc[end].text[:1].isupper() and body_noun(doc[end]):
            end += 1  # "Co.", "Inc.": not letters only, so outside the run
        words = doc[run.start : end]
        if len(words) >= 2 and body_or_group_noun(words[-1]) and words[-1].text[:1].isupper():
            if not any(t.ent_type_ for t in words) and not is_title_word(words[0]):
                found.append(SpacySpan(doc, run.start, end, label="ORG"))
    for place in ents:
        before = doc[place.start - 1] if place.start > 0 else None
        if place.label_ == "GPE" and before is not None and _written_as_a_name(before) and not before.ent_type_:
            if body_or_group_noun(before):
                found.append(SpacySpan(doc, before.i, place.end, label="ORG"))
    return found


def _given_name(token: Token) -> bool:
    """A common given name (resources/first_names.py), not a place's adjective the name data also
    hold ("British Gas")."""
    return first_names.is_given_name(token.text) and not is_place_adjective(token.text)


def _untyped_bodies_taken_up_as_it(doc: Doc) -> list[SpacySpan]:
    """ "Ofgem fined Velda Energy £5m. It said ...": a name the model gave no entity, one to three
    capitalised proper nouns as the subject of a clause, none a given name, a title or after an
    honorific, that the article takes up as a body: "its" later in its sentence, or "it" the
    subject of the next. (A person's name taken up as "he" or "she" is `_person_typed_place`'s.)"""
    found = []
    for run in _proper_runs(doc):
        if len(run) > 3 or run.root.dep_ not in ("nsubj", "nsubjpass") or any(t.ent_type_ for t in run):
            continue
        before = doc[run.start - 1] if run.start > 0 else None
        if _given_name(run[0]) or any(is_title_word(t) for t in run):
            continue
        if before is not None and (is_title_word(before) or before.pos_ == "PROPN"):
            continue
        its = any(t.lower_ == "its" and t.dep_ == "poss" for t in doc[run.end : run.sent.end])
        if its or any(t.lower_ == "it" and t.dep_ == "nsubj" for t in _next_sentences(run, 1)):
            found.append(SpacySpan(doc, run.start, run.end, label="ORG"))
    return found


def _places_joined_to_a_body(ents: Sequence[SpacySpan]) -> list[SpacySpan]:
    """ "Brighton and Hove City Council", "University Hospitals of Derby and Burton NHS Foundation
    Trust": a body's name that joins two places by "and", which the model cut at the "and" (a place,
    then a body "Hove City Council"), is one name, with the body "of" or "for" them before it."""
    found = []
    # "University Hospitals of Derby": a body's name the model ended at the place.
    ending_in_a_place = {e.end: e for e in ents if e.label_ == "ORG" and not body_noun(e[-1])}
    for ent in ents:
        doc, start = ent.doc, ent.start
        if ent.label_ != "ORG" or not body_noun(ent[-1]) or start < 2 or doc[start - 1].lower_ != "and":
            continue
        if (before := ending_in_a_place.get(start - 1)) is not None:
            found.append(SpacySpan(doc, before.start, ent.end, label="ORG"))
            continue
        place = doc[start - 2]
        if not _written_as_a_name(place) or place.ent_type_ not in ("GPE", ""):
            continue
        start -= 2
        while start > 0 and _written_as_a_name(doc[start - 1]) and doc[start - 1].ent_type_ in ("GPE", ""):
            start -= 1
        if start >= 2 and doc[start - 1].lower_ in ("of", "for") and body_noun(doc[start - 2]):
            start -= 2  # "University Hospitals of Derby and ..."
            while start > 0 and _written_as_a_name(doc[start - 1]) and not doc[start - 1].ent_type_:
                start -= 1
        found.append(SpacySpan(doc, start, ent.end, label="ORG"))
    return found


def _bodies_of_something(runs: list[SpacySpan]) -> list[SpacySpan]:
    """ "The Institute for Public Policy Research", "the Confederation of British Industry", "the
    Royal College of Nursing": a body's noun written with a capital, then "of" or "for" and a run of
    names, is one organisation's name, whatever the model made of its parts ("British Industry"
    typed a person)."""
    found = []
    for first, second in zip(runs, runs[1:], strict=False):
        doc = first.doc
        joined = second.start == first.end + 1 and doc[first.end].lower_ in ("of", "for")
        if joined and body_noun(first[-1]) and not is_title_word(first[0]):
            found.append(SpacySpan(doc, first.start, second.end, label="ORG"))
    return found


def _proper_runs(doc: Doc) -> list[SpacySpan]:
    """Every longest run of capitalised proper nouns written in letters, found on the Doc's arrays
    (only proper nouns become Python tokens: a walk over every token costs most of a long article)."""
    proper = numpy.nonzero(doc.to_array("POS") == PROPN)[0]
    runs, start, last = [], -1, -2
    for i in [int(i) for i in proper] + [-1]:
        fits = i >= 0 and _written_as_a_name(doc[i])
        if fits and i == last + 1 and start >= 0:
            last = i
            continue
        if start >= 0:
            runs.append(doc[start : last + 1])
        start, last = (i, i) if fits else (-1, -2)
    return runs


def _joined_to_the_word_before(token: Token) -> bool:
    """ "Marie" in "Eva-Marie": the second half of a word joined by a hyphen."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_


def _with_given_name(ent: SpacySpan) -> SpacySpan:
    """ "Lucia Romero" where the model typed only "Romero": a person's entity takes in the common
    given name (resources/first_names.py) written just before it outside every entity."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.ent_type_ or not _written_as_a_name(before) or _joined_to_the_word_before(before):
        return ent  # not a name's part, nor half of "Eva-Marie" Persson
    return SpacySpan(ent.doc, ent.start - 1, ent.end, label="PERSON") if first_names.is_given_name(before.text) else ent


def _as_person(ent: SpacySpan) -> SpacySpan:
    return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")
