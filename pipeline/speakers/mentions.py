"""Mentions: what the article itself tells about names (full names, acronyms, short names) and the
name a speaker phrase holds; what kind of phrase it is is in kinds.py, who the article introduced
with which title in introductions.py, the phrase itself in phrases.py."""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..resources import first_names
from ..text import syntax
from ..text.acronyms import acronym_definitions, term_acronyms
from .clusters import PersonParts
from .entities import article_entities
from .name_words import age_after, surname, surname_token, written_age
from .names import (
    acronym,
    body_noun,
    body_or_group_noun,
    clean_name,
    honorific,
    is_title_word,
    leading_word,
    with_demonym,
    without_body_noun,
    without_kind_noun,
)
from .phrases import ORG_LABELS


class ArticleNames:
    """What the article says about names: its people and organisations, the full form of each
    person's name, acronym expansions, and who it introduced with which title."""

    def __init__(self, doc: Doc, quoted: set[int], text: str) -> None:
        self.doc = doc
        self.quoted = quoted
        self.text = text
        # doc.ents and Span.ents build new Span objects on every access: read them once.
        # "hypersensitivity pneumonitis, or HP": an acronym spelt out as a term names no organisation.
        terms = term_acronyms(text)
        self.ents = [
            e for e in article_entities(doc, ("PERSON", *ORG_LABELS))
            if e.label_ not in ORG_LABELS or e.text not in terms
        ]  # fmt: skip
        self._labels = {i: e.label_ for e in self.ents for i in range(e.start, e.end)}
        self._parts: dict[tuple[int, int, int], PersonParts] = {}
        self._starts = [e.start for e in self.ents]  # in text order: ents_in finds its first by bisection
        self.full_names = self._full_person_names()
        self.expansions = self._acronym_expansions()

    def _full_person_names(self) -> dict[str, str]:
        """Surname -> the first full form of that person's name in the article."""
        return {surname: people[0].name for surname, people in self.namesakes.items()}

    @cached_property
    def _surnames(self) -> frozenset[str]:
        """The last words of the people's names of two words or more, in lower case."""
        return frozenset(surname_token(e).lower_ for e in self.ents if e.label_ == "PERSON" and len(e) >= 2)

    @cached_property
    def namesakes(self) -> dict[str, list[PersonParts]]:
        """Surname -> every person the article names in full with it, in order ("Tom Reed", his
        wife "Ana Reed")."""
        found: dict[str, list[PersonParts]] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                parts = self.person_parts(ent.start, ent.start, ent.end)
                words = parts.name.split()
                key = surname(parts.name).lower()
                if len(words) >= 2 and all(p.name != parts.name for p in found.get(key, [])):
                    found.setdefault(key, []).append(parts)
        return found

    def _acronym_expansions(self) -> dict[str, str]:
        """Acronym -> full name: as the article defines it ("... Fire & Rescue Services (HMICFRS)"),
        else from the initials of a named organisation."""
        found = acronym_definitions(self.text)
        for ent in self.ents:
            name = clean_name(ent.text)
            if short := acronym(name):
                found.setdefault(short, name)
        return found

    def label_of(self, token: Token) -> str:
        """The entity label of a token, as this article's names read it ("" outside them)."""
        return self._labels.get(token.i, "")

    def ents_in(self, start: int, end: int, labels: set[str] | tuple[str, ...]) -> list[SpacySpan]:
        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [e for e in self.ents[first:last] if e.end <= end and e.label_ in labels]

    def person_parts(self, left: int, start: int, end: int) -> PersonParts:
        """A person's name at tokens [start, end), with the title, honorific and organisation
        written before it from token `left` on: "NHS England chief executive Amanda Pritchard"."""
        found = self._parts.get((left, start, end))  # asked again by every pass that meets the name
        return found or self._parts.setdefault((left, start, end), self._person_parts(left, start, end))

    def _person_parts(self, left: int, start: int, end: int) -> PersonParts:
        doc = self.doc
        while start < end - 1 and is_title_word(doc[start]):  # an entity that took the title in
            start += 1
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")):
            end -= 1
        title_start = start
        while title_start > left and is_title_word(doc[title_start - 1]):
            title_start -= 1
        gender, title = None, []
        for token in doc[title_start:start]:
            word = token.lower_.rstrip(".")
            if word in resources.honorifics():
                gender = resources.honorifics()[word]
            else:
                title.append(token.text)
                gender = gender or resources.gendered_nouns().get(word)
        orgs = self.ents_in(left, title_start, ORG_LABELS)
        words = doc[start:end].text.split()
        # "Ana Lopes": the gender her first name goes with; "her husband, Tom," a first name alone,
        # if no one named in full bears it as a surname ("Reed said" after "Tom Reed").
        first_name_alone = len(words) == 1 and words[0].lower() not in self._surnames
        if gender is None and start > 0 and honorific(doc[start - 1]) in ("m", "f"):
            gender = honorific(doc[start - 1])  # "Ms Lopes" read from its name alone; "Dr" says none
        if gender is None and (len(words) >= 2 or first_name_alone):
            gender = first_names.gender_of(words[0])
        return PersonParts(
            doc[start:end].text,
            " ".join(title) or None,
            gender if gender in ("m", "f") else None,
            orgs[-1].text if orgs else None,
        )

    @cached_property
    def ages(self) -> list[tuple[int, int, PersonParts]]:
        """People the article gives an age, in text order, as (char, age, the person): "Tom Reed,
        28,", "Tom Reed (28)", "Tom Reed, aged 28", "28-year-old Tom Reed"."""
        doc, found = self.doc, []
        for ent in self.ents:
            if ent.label_ != "PERSON" or any(t.i in self.quoted for t in ent):
                continue
            left = min(syntax.mention_bounds(ent.root, self.quoted)[0], ent.start)
            age = age_after(ent) or written_age(doc[left : ent.start])
            if age is not None and 0 < age < 120:
                found.append((ent.start_char, age, self.person_parts(left, ent.start, ent.end)))
        return found

    def _named_on(self, noun: Token) -> bool:
        """An organisation named before `noun` whose name is built on it ("the Bank of England")."""
        word = noun.lower_
        return any(
            e.label_ == "ORG" and e.end <= noun.i and len(e) > 1 and word in e.text.lower().split() for e in self.ents
        )

    def person_name(self, head: Token, span: SpacySpan) -> tuple[int, int] | None:
        """Token range of the person's name in a speaker phrase, if the phrase names a person:
        a PERSON entity (the one holding the head, else the last: "Ryanair deputy chief executive
        Michael Cawley"), a known surname ("Santos"), a titled proper name ("chief executive Jo
        Bloggs"), or the name in apposition ("The health secretary, Wes Streeting, said")."""
        # "Mr Blair's official spokesman" is the spokesman: a possessor names someone else.
        people = [
            e for e in self.ents_in(span.start, span.end, {"PERSON"})
            if (e.root.dep_ != "poss" or head in e) and e.root.text[:1].isupper() and not body_noun(e[-1])
            and not self._modifier_after_the(e, head)
        ]  # fmt: skip
        if people:
            own = next((e for e in people if head in e), people[-1])
            return own.start, own.end
        capitalised = head.text[:1].isupper()  # a name is written with a capital ("foreign ministry" is not one)
        known = capitalised and head.lower_ in self.full_names
        # "The Police Conduct Office": an organisation's name, though a title word stands in it.
        body = body_noun(head)
        # Not a title alone: "The Prime Minister said" names nobody.
        if ((head.pos_ == "PROPN" and capitalised) or known) and not body and not is_title_word(head):
            start = head.i
            while start > span.start and self.doc[start - 1].pos_ == "PROPN" and not is_title_word(self.doc[start - 1]):
                start -= 1
            # Not a body's noun before a name ("Police Scotland" is a force, not Constable Scotland),
            # nor a title word inside a body's name ("General Motors").
            word_before = self.doc[start - 1]
            own_name = self.label_of(word_before) in ORG_LABELS and self.label_of(head) in ORG_LABELS
            titled = start > span.start and is_title_word(word_before) and not body_or_group_noun(word_before)
            titled = titled and not own_name
            if known or titled:
                return start, head.i + 1
        titled_of = self._name_after_a_title_of(head)
        if titled_of is not None:
            return titled_of
        # "one of the Guildford Four, Gerry Conlon, said": a name set off in apposition, which the
        # parser hangs on the phrase or on the verb, between the phrase and the verb.
        verb = head.head
        for token in [*head.subtree, *(c for c in verb.children if head.i < c.i < verb.i)]:
            if (
                self.label_of(token) != "PERSON"
                or token.i in self.quoted
                or token.dep_ not in ("appos", "npadvmod", "dep")
            ):
                continue
            ent = next((e for e in self.ents if e.start <= token.i < e.end), None)
            before = ent.start - 1 if ent is not None else -1
            while before > 0 and is_title_word(self.doc[before]):  # "its chief executive, Sir Tom Reed"
                before -= 1
            set_off = before >= 0 and self.doc[before].text in (",", "-", "—", "–", "(")
            # "chief executive Sara Holt", parsed as the role noun's apposition
            right_after_role = ent is not None and ent.start - 1 == head.i and is_title_word(head)
            if ent is not None and (set_off or right_after_role):
                return ent.start, ent.end
        return None

    def _modifier_after_the(self, ent: SpacySpan, head: Token) -> bool:
        """ "the Norwich North MP" (a seat typed a person), "the Clinton spokesman": a name after
        "the" that modifies a role noun names whose role it is, not who speaks."""
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        return before is not None and before.lower_ == "the" and ent.end == head.i and head not in ent

    def _name_after_a_title_of(self, head: Token) -> tuple[int, int] | None:
        """ "Speaker of the House Rep. Paul Ryan said", the name read as the object of "of": a title
        and its body written with capitals, then the name (not "the wife of Sen. Tom Reed", "the
        chief of staff of ...": the words between say someone else)."""
        if not is_title_word(head) or not head.text[:1].isupper():
            return None
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            # the name inside the "of" phrase, or right after it (read as the title's apposition)
            inside = [e for e in self.ents if e.label_ == "PERSON" and prep.i < e.start <= prep.right_edge.i + 1]
            between = self.doc[prep.i + 1 : inside[0].start] if inside else None
            if between is not None and all(t.lower_ == "the" or t.text[:1].isupper() for t in between):
                if any(t.lower_ == "of" for t in between):
                    continue  # "Chief of Staff of Sen. Tom Reed": his chief of staff
                if not any(t.i in self.quoted for t in inside[0]):
                    return inside[0].start, inside[0].end
        return None

    def org_name(self, head: Token, span: SpacySpan) -> str | None:
        """The organisation a phrase names: the entity that holds its head ("Pearson's Financial
        Times" is the Financial Times; "Israeli settlers" names no organisation), an acronym the
        article defines, a proper name in apposition ("The group, WeWorkers Coalition"), or a
        proper noun phrase (a capital at a sentence's start says nothing: "Nurses said" is a group,
        "NHS East Midlands said" a name)."""
        # The entity may run past the phrase the parser gave: "Baker & Lowe" split at "&".
        own = next((e for e in self.ents if e.start <= head.i < e.end and e.label_ in ORG_LABELS), None)
        if own is not None and len(own) == 1 and body_noun(own[0]) and own.start > 0:
            if self.doc[own.start - 1].lower_ == "the" and self._named_on(own[0]):
                return None  # "The Bank said" after "the Bank of England": that bank, by its noun
        if own is not None and not any(t.i in self.quoted for t in own):
            return _as_named(own)
        if head.text in self.expansions:
            return head.text
        if head.text[:1].isupper() and len(span) == 1 and head.lower_ in resources.org_aliases():
            return head.text  # "Labour said", "Tories said": read as common nouns at a sentence's start
        # "The French foreign ministry", "Russia's health department": an organisation noun that a
        # place or people makes one body, named by the phrase; not a business's or a group's noun
        # ("the Russian oil firm", "the German group": a company already named, described).
        if resources.descriptors().get(head.lemma_.lower()) == "ORG" and head.tag_ in ("NN", "NNP"):
            placed = self.ents_in(span.start, head.i, ("GPE", "NORP"))
            described = resources.body_kinds().get(head.lemma_.lower()) == "business" or head.lemma_.lower() == "group"
            if placed and all(t.i < head.i for e in placed for t in e) and not described:
                return with_demonym(clean_name(span.text))
            # "the GMB union", "the Unite union": the proper noun a body's noun is built on names it.
            proper = [c for c in head.lefts if c.dep_ == "compound" and c.tag_ == "NNP" and c.ent_type_ in ("", "ORG")]
            if proper and not any(t.i in self.quoted for t in proper) and not proper[0].is_sent_start:
                return clean_name(self.doc[proper[0].left_edge.i : proper[-1].i + 1].text)
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and appos.i not in self.quoted and head.pos_ == "NOUN":
            return clean_name(self.doc[appos.left_edge.i : appos.right_edge.i + 1].text)
        if (head.pos_ == "PROPN" or head.tag_ in ("NNP", "NNPS")) and head.text[:1].isupper():
            proper = [t for t in span if t.tag_ in ("NNP", "NNPS") and t.i <= head.i]
            if not head.is_sent_start or len(proper) >= 2 or head.text in self._org_words:
                return _as_named(span)
        return None

    @cached_property
    def _org_names(self) -> list[str]:
        """The names of the organisations the article names outside quotes, as their speakers are
        named ("the Unite union" is Unite, "Carmaker Velda Motors" Velda Motors)."""
        return [
            without_body_noun(_as_named(e)) for e in self.ents
            if e.label_ in ORG_LABELS and not any(t.i in self.quoted for t in e)
        ]  # fmt: skip

    @cached_property
    def short_names(self) -> dict[str, str]:
        """First word -> the company's full name, for each name the article may shorten to its first
        word ("Velda" for Velda Motors); not a word two of its names begin with."""
        firsts: dict[str, set[str]] = {}
        for name in self._org_names:
            if " " in name and (word := leading_word(name)):
                firsts.setdefault(word, set()).add(name)
        return {word: next(iter(names)) for word, names in firsts.items() if len(names) == 1}

    @cached_property
    def _org_words(self) -> frozenset[str]:
        """One-word organisation names the article gives elsewhere ("Unite", or "the Unite union"),
        or shortens one to ("Velda" of "Velda Motors"): at a sentence's start ("Unite said") the
        capital then says something after all."""
        return frozenset(name for name in self._org_names if name and " " not in name) | frozenset(self.short_names)


def _as_named(phrase: SpacySpan) -> str:
    """An organisation's name as a phrase writes it, without the noun of a business's kind that a
    sentence's first capital joined to it ("Carmaker Velda Motors said" is Velda Motors). An "'s"
    that owns nothing is the name's own ("Moody's said", "Sainsbury's said"; not "Moody's outlook")."""
    name = clean_name(phrase.text)
    name = without_kind_noun(name) if phrase[0].is_sent_start else name
    doc = phrase.doc
    mark = phrase[-1] if phrase[-1].tag_ == "POS" else doc[phrase.end] if phrase.end < len(doc) else None
    if mark is not None and mark.tag_ == "POS" and mark.text in ("'s", "’s") and mark.head.dep_ != "poss":
        return name + mark.text
    return name
