"""Names the small model gave no entity, or cut in two, found as people or bodies: "Maria Garcia",
"Mr Blake", "Reed, 45," (people); "Harlow Water Co.", "Police Scotland", "the Confederation of
British Industry", "Brighton and Hove City Council", "Ofgem ... It said" (bodies)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..resources import first_names
from .name_words import age_after, given_name, joined_to_the_word_before, next_sentences, written_as_a_name
from .names import body_noun, body_or_group_noun, is_title_word, opens_a_name, opens_a_name_before, people_in_a_role


def first_name_beside_a_person(ent: SpacySpan) -> bool:
    """ "Tom Reed's mother, Ana, said" with "Ana" typed ORG: a given name of one gender alone, in
    apposition to a person's role or relation ("mother", "spokesman": resources/gendered_nouns.txt,
    role_nouns.txt)."""
    root = ent.root
    if ent.label_ not in ("ORG", "GPE", "") or len(ent) != 1 or first_names.gender_of(root.text) not in ("f", "m"):
        return False
    return root.dep_ == "appos" and (is_title_word(root.head) or root.head.lower_ in resources.gendered_nouns())


def untyped_people(doc: Doc, runs: list[SpacySpan]) -> list[SpacySpan]:
    """ "Maria Garcia beat ...", "Reed, 45, said": a name the model gave no entity at all, one to
    three capitalised proper nouns in a row, outside every entity, none a title or an organisation
    noun, either two or three of them the first a common given name (resources/first_names.py),
    or with an age after them, or after an honorific ("Mr Blake"); or a given name alone beside a
    person ("his mother, Ana,")."""
    found = []
    for run in runs:
        honoured = _after_an_honorific(run)
        if honoured is not None:  # "Mr Blake has defended his record": a person, whoever he is
            found.append(honoured)
            continue
        named = 2 <= len(run) <= 3 and given_name(run[0])
        named = named or (len(run) == 1 and first_name_beside_a_person(run))
        if (
            (named or len(run) <= 3 and age_after(run) is not None)
            and not any(t.ent_type_ for t in run) and not joined_to_the_word_before(run[0])
            and not any(is_title_word(t) or body_noun(t) for t in run)
        ):  # fmt: skip
            found.append(SpacySpan(doc, run.start, run.end, label="PERSON"))
    return found


def _after_an_honorific(run: SpacySpan) -> SpacySpan | None:
    """The name in "Mr Blake", "Mrs Ana Patel" (resources/honorifics.txt), "PM Modi", outside every
    entity: one or two proper nouns after the honorific or an abbreviated title, none a title or a
    body's noun."""
    doc = run.doc
    if opens_a_name(run[0]):
        words = run[1:]
    elif opens_a_name_before(run[0]):
        words = run  # "Mr. Blake", "PM Modi"
    else:
        return None
    if not 1 <= len(words) <= 2 or any(t.ent_type_ or is_title_word(t) or body_noun(t) for t in words):
        return None
    return SpacySpan(doc, words.start, words.end, label="PERSON")


def untyped_bodies(doc: Doc, runs: list[SpacySpan], ents: Sequence[SpacySpan]) -> list[SpacySpan]:
    """ "Harlow Water Co. cut supplies", "Northfield District Council said", "Greater Harwick Police
    said": a name the model gave no entity, capitalised proper nouns that end in a body's, a
    company's ("Co.", "Inc") or a force's noun (resources/descriptors.txt), outside every entity;
    "Police Scotland": such a noun before a place, which names the place's force; and a body's noun
    "of" or "for" something (`_bodies_of_something`)."""
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
        if place.label_ == "GPE" and before is not None and written_as_a_name(before) and not before.ent_type_:
            if body_or_group_noun(before):
                found.append(SpacySpan(doc, before.i, place.end, label="ORG"))
    return found


def untyped_bodies_taken_up_as_it(doc: Doc, runs: list[SpacySpan], surnames: set[str]) -> list[SpacySpan]:
    """ "Ofgem fined Velda Energy £5m. It said ...": a name the model gave no entity, one to three
    capitalised proper nouns as the subject of a clause, none a given name, a title or after an
    honorific, that the article takes up as a body: "its" later in its sentence, or "it" or "the"
    body's noun the subject of the next or its owner ("Ryanair reported a rise in profits. The budget
    airline said", "Its chief executive said"). (A person's name taken up as "he" or "she" is
    `_person_typed_place`'s.)"""
    found = []
    for run in runs:
        if len(run) > 3 or not _subject_or_its_owner(run.root) or any(t.ent_type_ for t in run):
            continue
        before = doc[run.start - 1] if run.start > 0 else None
        if given_name(run[0]) or any(is_title_word(t) for t in run):
            continue
        if len(run) == 1 and _a_common_noun_first(run[0]):
            continue
        if before is not None and (is_title_word(before) or before.pos_ == "PROPN" or before.tag_ == "POS"):
            continue  # "Mr Reed", "Queen's Hospital": part of a longer name
        if run[-1].text in surnames:  # "Reed fined the firm": Tom Reed
            continue
        if taken_up_as_a_body(run):
            found.append(SpacySpan(doc, run.start, run.end, label="ORG"))
    return found


def taken_up_as_a_body(name: SpacySpan, by_its_noun: bool = False) -> bool:
    """ "its" later in the name's sentence, or "it" or "the" body's noun the subject of the next
    sentence or its owner ("Its chief executive said", "The charity's chief executive said"); with
    `by_its_noun`, only the last: "it" and "its" may be another body's."""
    again = [t for t in next_sentences(name, 1) if _a_body_again(t)]
    if by_its_noun:
        return any(t.lower_ not in ("it", "its") for t in again)
    its = any(t.lower_ == "its" and t.dep_ == "poss" for t in name.doc[name.end : name.sent.end])
    return its or bool(again)


def _a_common_noun_first(token: Token) -> bool:
    """ "Regulators fined ...", "Officials said ...": a body's, group's or role's noun
    (resources/descriptors.txt, role_nouns.txt) with the capital of its sentence's first word, which
    the tagger may read as a proper noun; it names no body."""
    word = token.lower_
    singular = word[:-1] if word.endswith("s") else word
    nouns = resources.descriptors()
    return bool(token.is_sent_start) and (word in nouns or singular in nouns or people_in_a_role(word))


def _subject_or_its_owner(token: Token) -> bool:
    """ "Velda Energy said", "Velda Energy's plans were criticised": the clause is about it."""
    if token.dep_ == "poss":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _a_body_again(token: Token) -> bool:
    """The main clause's subject, or the owner of its subject, taking a body up again: "it", or
    "the" and a body's noun ("the airline"); "Its chief executive said", "The airline's chief
    executive said"."""
    if token.dep_ == "poss" and token.head.dep_ == "nsubj" and token.head.head.dep_ == "ROOT":
        return token.lower_ == "its" or (body_noun(token) and any(c.lower_ == "the" for c in token.children))
    if token.dep_ != "nsubj" or token.head.dep_ != "ROOT":
        return False
    return token.lower_ == "it" or (body_noun(token) and any(c.lower_ == "the" for c in token.children))


def places_joined_to_a_body(ents: Sequence[SpacySpan]) -> list[SpacySpan]:
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
        if not written_as_a_name(place) or place.ent_type_ not in ("GPE", ""):
            continue
        start -= 2
        while start > 0 and written_as_a_name(doc[start - 1]) and doc[start - 1].ent_type_ in ("GPE", ""):
            start -= 1
        if start >= 2 and doc[start - 1].lower_ in ("of", "for") and body_noun(doc[start - 2]):
            start -= 2  # "University Hospitals of Derby and ..."
            while start > 0 and written_as_a_name(doc[start - 1]) and not doc[start - 1].ent_type_:
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
