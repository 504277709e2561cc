"""The article's people and organisations as the sieve reads them: the model's entities, with
what the small model gets wrong put right (a person typed ORG, a given name left outside its person,
an honorific inside a body's name); the names it typed as nothing are found in untyped.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..resources import first_names
from .name_words import (
    age_after,
    joined_to_the_word_before,
    next_sentences,
    proper_runs,
    surname_token,
    written_as_a_name,
)
from .names import (
    SEAT_PREPOSITIONS,
    after_a_kin_epithet,
    body_noun,
    is_party,
    is_title_word,
    opens_a_name,
    opens_a_name_before,
    people_in_a_role,
)
from .untyped import (
    first_name_beside_a_person,
    places_joined_to_a_body,
    taken_up_as_a_body,
    untyped_bodies,
    untyped_bodies_taken_up_as_it,
    untyped_people,
)


def article_entities(doc: Doc, labels: tuple[str, ...]) -> list[SpacySpan]:
    """The entities of `doc` with one of `labels`, in text order, corrected as below."""
    # One name, one kind of thing in an article: "Vogel" typed PERSON three times and ORG once is a person.
    ents = doc.ents  # read once: each read builds the spans again
    surnames = {surname_token(e).text for e in ents if e.label_ == "PERSON"}
    people = {e.start for e in ents if _person_typed_place(e, surnames)} if "PERSON" in labels else set()
    people |= {
        e.start for e in ents
        if _person_typed_org(e) or _aged_name(e) or _surname(e, surnames) or first_name_beside_a_person(e)
        or _surname_after_a_given_name(e)
    }  # fmt: skip
    bodies_typed_people = {e.start for e in ents if _body_typed_person(e, ents)}
    runs = proper_runs(doc)  # the runs of proper nouns, found once for every finder of untyped names
    bodies = untyped_bodies(doc, runs, ents) + places_joined_to_a_body(ents) if "ORG" in labels else []
    within = {i for body in bodies for i in range(body.start, body.end)}  # "Scotland" of "Police Scotland"
    typed = [
        _retyped(e, people, bodies_typed_people)
        for e in map(_without_honorific, map(_person_after_a_title_of, map(_person_after_a_possessor, ents)))
        if (e.label_ in labels or e.start in people) and "\n" not in e.text  # not one run across a line break
        and e.start not in within
        and not (e.label_ == "PERSON" and is_party(_THE.sub("", e.text)))  # "The Lib Dem" typed PERSON
        and not _people_in_a_role(e)
    ]  # fmt: skip
    taken_up_as_it = [  # not "Institute" again, inside "Institute for Public Policy Research"
        e for e in untyped_bodies_taken_up_as_it(doc, runs, surnames) if e.start not in within
    ] if "ORG" in labels else []  # fmt: skip
    untyped = untyped_people(doc, runs) + bodies + taken_up_as_it
    return sorted(typed + untyped, key=lambda e: e.start)


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _without_honorific(ent: SpacySpan) -> SpacySpan:
    """ "Ms Mills", "PM Modi" or "Mr | Straw" typed ORG or a place: a person, named without the
    honorific or the abbreviated title (as the model names "Mr Blair" "Blair")."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        return ent
    if len(ent) >= 2 and opens_a_name(ent[0]) and not body_noun(ent[-1]):
        return SpacySpan(ent.doc, ent.start + 1, ent.end, label="PERSON")
    if opens_a_name_before(ent[0]):
        return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def _person_after_a_possessor(ent: SpacySpan) -> SpacySpan:
    """ "The Lib Dems' Vince Cable" typed one work of art or body: the two or three capitalised
    words after the possessive, the first a given name of a known gender, the last no body's noun,
    are a person's name."""
    marks = [t.i for t in ent if t.tag_ == "POS"]
    words = ent.doc[marks[-1] + 1 : ent.end] if marks and ent.label_ != "PERSON" else None
    if words is None or not 2 <= len(words) <= 3 or body_noun(words[-1]):
        return ent
    if not all(written_as_a_name(t) for t in words) or first_names.gender_of(words[0].text) is None:
        return ent  # "Morton's Daily Ledger": "Daily" is a given name of no known gender
    return SpacySpan(ent.doc, words.start, words.end, label="PERSON")


def _person_after_a_title_of(ent: SpacySpan) -> SpacySpan:
    """ "Speaker of the House Nancy Pelosi" with "the House Nancy Pelosi" typed one body: after a
    title and "of", the two capitalised words that end the entity, the first a given name of a known
    gender, are a person's name."""
    doc = ent.doc
    if ent.label_ == "PERSON" or len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return ent
    if not is_title_word(doc[ent.start - 2]) or not doc[ent.start - 2].text[:1].isupper():
        return ent
    words = ent[-2:]
    if not all(written_as_a_name(t) for t in words) or first_names.gender_of(words[0].text) is None:
        return ent
    return SpacySpan(doc, words.start, words.end, label="PERSON")


def _surname_after_a_given_name(ent: SpacySpan) -> bool:
    """ "Michael Howell said" with "Howell" alone typed ORG: one word, written as a name and not in
    capitals (an acronym), no body's noun, right after a common given name outside every entity
    (the given name is taken in by `_with_given_name`)."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) != 1 or ent.start == 0 or ent[0].is_upper:
        return False
    before = ent.doc[ent.start - 1]
    return (
        written_as_a_name(ent[0]) and not body_noun(ent[0]) and not before.ent_type_
        and written_as_a_name(before) and first_names.is_given_name(before.text)
        and not joined_to_the_word_before(before)
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
    if not all(written_as_a_name(t) for t in words) or ent.text.lower() in resources.demonyms():
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
    return any(t.lower_ == subject and t.dep_ == "nsubj" for t in next_sentences(ent))


def _retyped(ent: SpacySpan, people: set[int], bodies: set[int]) -> SpacySpan:
    """The entity with the corrections of its type and extent below: a person or a body the model
    mistyped, a given name, a place's seat or proper nouns it left outside."""
    if ent.start in bodies:
        return SpacySpan(ent.doc, ent.start, ent.end, label="ORG")
    if ent.start in people:
        return _with_given_name(_as_person(ent))
    return _with_given_name(_with_proper_words_before(_seat_typed_person(ent)))


def _body_typed_person(ent: SpacySpan, ents: Sequence[SpacySpan]) -> bool:
    """ "Victim Support said the rise was worrying. The charity's chief executive said ...", typed a
    person by the model: two or three capitalised words, the first no given name, title nor
    honorific (a role noun may open a body's name: "Victim Support"), the last no other person's
    surname, the subject of its clause, that the next sentence takes up by a body's noun
    (untyped.taken_up_as_a_body; "it" and "its" may be another's: "Yukiya Amano, head of the agency,
    said ... Its inspectors")."""
    words = list(ent)
    capitalised = all(t.is_alpha and t.text[:1].isupper() for t in words)  # "Aid" may be tagged a noun
    if ent.label_ != "PERSON" or not 2 <= len(words) <= 3 or not capitalised:
        return False
    if first_names.is_given_name(words[0].text) or words[0].lower_ in resources.titles() or opens_a_name(words[0]):
        return False
    root = ent.root.head if ent.root.dep_ == "poss" else ent.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    borne = any(e.label_ == "PERSON" and surname_token(e).text == words[-1].text and e.text != ent.text for e in ents)
    return not borne and taken_up_as_a_body(ent, by_its_noun=True)


def _people_in_a_role(ent: SpacySpan) -> bool:
    """ "The MPs said" with "MPs" typed ORG: one word, a role noun in the plural, names no body."""
    return ent.label_ == "ORG" and len(ent) == 1 and people_in_a_role(ent.text)


def _surname(ent: SpacySpan, surnames: set[str]) -> bool:
    """A one-word organisation whose word the article types as a person's surname elsewhere."""
    return ent.label_ in ("ORG", "GPE", "NORP") and len(ent) == 1 and ent[0].pos_ == "PROPN" and ent.text in surnames


def _aged_name(ent: SpacySpan) -> bool:
    """ "Reed, 45, said" with "Reed" typed ORG: a proper name with an age after it is a person."""
    proper = all(written_as_a_name(t) for t in ent)
    return ent.label_ in ("ORG", "GPE", "NORP") and len(ent) <= 3 and proper and age_after(ent) is not None


def _person_typed_org(ent: SpacySpan) -> bool:
    """ "chief executive Sara Holt" typed ORG by the model: two or three capitalised words, the
    first a common given name (resources/first_names.py), the last no organisation noun, and a role
    beside it (a title or a possessor just before, or a role noun in apposition either way). A first
    name alone is not enough: "Delmar Capital Partners", "Morgan Stanley"."""
    words = list(ent)
    if ent.label_ != "ORG" or not 2 <= len(words) <= 3 or body_noun(words[-1]):
        return False
    if not all(written_as_a_name(t) for t in words):
        return False
    if not first_names.is_given_name(words[0].text):
        return False
    root = ent.root
    # ... or a possessor just before, with a given name of a known gender ("the Lib Dems' Vince
    # Cable", not "Morton's Daily Ledger").
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    owned = before is not None and before.tag_ == "POS" and first_names.gender_of(words[0].text) is not None
    titled = owned or (before is not None and is_title_word(before))
    titled = titled or after_a_kin_epithet(ent.doc, ent.start)  # "Mother-of-two Kelly Price"
    apposed = (root.dep_ == "appos" and is_title_word(root.head)) or any(
        c.dep_ == "appos" and is_title_word(c) for c in root.children
    )
    return titled or apposed


def _with_given_name(ent: SpacySpan) -> SpacySpan:
    """ "Lucia Romero" where the model typed only "Romero": a person's entity takes in the common
    given name (resources/first_names.py) written just before it outside every entity."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.ent_type_ or not written_as_a_name(before) or joined_to_the_word_before(before):
        return ent  # not a name's part, nor half of "Eva-Marie" Persson
    return SpacySpan(ent.doc, ent.start - 1, ent.end, label="PERSON") if first_names.is_given_name(before.text) else ent


def _with_proper_words_before(ent: SpacySpan) -> SpacySpan:
    """ "The Liberal Democrats", "Social Democrats" where the model typed only "Democrats": a body's
    or a people's entity takes in the proper nouns just before it that qualify its word and belong to
    no entity of their own ("Senate" of "Senate Republicans" is one), a title ("Chairman") none of
    them."""
    if ent.label_ not in ("ORG", "NORP"):
        return ent
    start = ent.start
    while start > 0:
        before = ent.doc[start - 1]
        proper = written_as_a_name(before) and before.dep_ == "compound" and ent.start <= before.head.i < ent.end
        if not proper or before.ent_type_ or is_title_word(before) or joined_to_the_word_before(before):
            break
        start -= 1
    return SpacySpan(ent.doc, start, ent.end, label=ent.label_) if start < ent.start else ent


def _seat_typed_person(ent: SpacySpan) -> SpacySpan:
    """ "The MP for Henley", "the senator from Ohio" with the place typed a person by the model: what
    an office held for a place (`seat` in resources/lead_offices.txt) is "for" or "from" is a place."""
    preposition = ent.root.head
    office = preposition.head
    if ent.label_ != "PERSON" or ent.root.dep_ != "pobj" or preposition.lower_ not in SEAT_PREPOSITIONS:
        return ent
    if office.lower_ not in resources.seat_offices():
        return ent
    return SpacySpan(ent.doc, ent.start, ent.end, label="GPE")


def _as_person(ent: SpacySpan) -> SpacySpan:
    return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")
