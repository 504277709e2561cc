"""Mentions: what a speaker phrase is (a name, a pronoun, a role noun, a document, ...) and what the
article itself tells about names (full names, acronyms, who was introduced with which title)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..resources import first_names
from ..text import syntax
from ..text.acronyms import acronym_definitions
from .clusters import PersonParts
from .entities import age_after, article_entities, written_age
from .names import acronym, body_noun, clean_name, is_title_word, role_words, with_demonym, without_body_noun

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
# What a mention is, in the order the sieve takes them up: names first, pronouns last.
KINDS = ("nobody", "person", "org", "role", "description", "document", "org_noun", "epithet", "pronoun")


def describes_a_share(head: Token) -> bool:
    """A phrase headed by a share of a group ("half of them", "those who said", "42% of them"): it
    describes people, it does not point back at a speaker."""
    return head.lower_ in resources.group_words() or head.like_num or head.text == "%"


@dataclass(frozen=True)
class Mention:
    """A phrase that speaks a quote: its head token, its tokens, and what kind of phrase it is."""

    head: Token
    span: SpacySpan
    kind: str

    @property
    def char(self) -> int:
        return self.span.start_char

    @property
    def definite(self) -> bool:
        """ "The committee", "this group": a phrase that points back at something named before."""
        return self.span[0].lower_ in ("the", "this", "that", "these", "those")


@dataclass(frozen=True)
class Introduction:
    """A person the article names with a title or role ("Finance Minister Ana Lopes", "Julian
    Assange, the Wikileaks founder"): what "the minister" or "the founder" may later stand for."""

    char: int
    parts: PersonParts
    words: frozenset[str] = frozenset()  # every word the article used to introduce them, lower case


class ArticleNames:
    """What the article says about names: its people and organisations, the full form of each
    person's name, acronym expansions, and who it introduced with which title."""

    def __init__(self, doc: Doc, quoted: set[int], text: str) -> None:
        self.doc = doc
        self.quoted = quoted
        self.text = text
        # doc.ents and Span.ents build new Span objects on every access: read them once.
        self.ents = article_entities(doc, ("PERSON", *ORG_LABELS))
        self._labels = {i: e.label_ for e in self.ents for i in range(e.start, e.end)}
        self.full_names = self._full_person_names()
        self.expansions = self._acronym_expansions()

    def _full_person_names(self) -> dict[str, str]:
        """Surname -> the first full form of that person's name in the article."""
        names: dict[str, str] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                parts = self.person_parts(ent.start, ent.start, ent.end).name.split()
                if len(parts) >= 2:
                    names.setdefault(parts[-1].lower(), " ".join(parts))
        return names

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
        return [e for e in self.ents if start <= e.start and e.end <= end and e.label_ in labels]

    def person_parts(self, left: int, start: int, end: int) -> PersonParts:
        """A person's name at tokens [start, end), with the title, honorific and organisation
        written before it from token `left` on: "NHS England chief executive Amanda Pritchard"."""
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
        if gender is None and len(words) >= 2:  # "Ana Lopes": the gender her first name goes with
            gender = first_names.gender_of(words[0])
        return PersonParts(
            doc[start:end].text,
            " ".join(title) or None,
            gender if gender in ("m", "f") else None,
            orgs[-1].text if orgs else None,
        )

    @cached_property
    def introductions(self) -> list[Introduction]:
        """Every person named outside quotes with a title before the name or a role in apposition
        after it, in text order."""
        found = []
        for ent in self.ents:
            if ent.label_ != "PERSON" or any(t.i in self.quoted for t in ent):
                continue
            left = min(syntax.mention_bounds(ent.root, self.quoted)[0], self._titles_before(ent.start))
            parts = self.person_parts(left, ent.start, ent.end)
            title, organisation = parts.title, parts.organisation
            if title is None:
                # "Tom Reed, the chief executive," or the other way round, "the company's chief
                # executive, Tom Reed," (the name in apposition to its role).
                root = ent.root
                role_first = root.dep_ == "appos" and root.head.i < root.i and root.head.pos_ == "NOUN"
                title, organisation = self.appositive(root.head if role_first else root)
                organisation = organisation or parts.organisation
                # "Matt Hale, the Secretary of State for Health,": "the health secretary" later.
                role = root.head if role_first else next((c for c in root.children if c.dep_ == "appos"), None)
                stop = ent.start if role_first else len(self.doc)
                domain = " ".join(t.text for t in role.subtree if role.i < t.i < stop) if role else ""
                organisation_said = f"{organisation or ''} {domain}"
            else:
                organisation_said = organisation or ""
            if title:
                gender = parts.gender or next(
                    (g for w in title.lower().split() if (g := resources.gendered_nouns().get(w))), None
                )
                said = f"{self._words_before(ent.start)} {title} {organisation_said}"
                words = frozenset(role_words(said))
                found.append(Introduction(ent.start_char, PersonParts(parts.name, title, gender, organisation), words))
        return found

    def _titles_before(self, start: int) -> int:
        """Where the title words written right before a name start, however the parser read them
        ("went to singer Ann Byrne", with "to singer" parsed as a verb)."""
        while start > 0 and is_title_word(self.doc[start - 1]) and start - 1 not in self.quoted:
            start -= 1
        return start

    def _words_before(self, start: int) -> str:
        """The noun phrase's words written before a name: "Wikileaks co-founder" in "... against
        Wikileaks co-founder Julian Assange"."""
        first = start
        while first > max(start - 6, 0):
            token = self.doc[first - 1]
            if not (token.pos_ in ("PROPN", "NOUN", "ADJ") or token.text in ("-", "'s", "’s")):
                break
            first -= 1
        return self.doc[first:start].text

    # ---- a speaker phrase ----------------------------------------------------------------------
    def kind(self, head: Token, span: SpacySpan) -> str:
        """What a speaker phrase is: one of KINDS."""
        if syntax.names_nobody(head):
            return "nobody"
        if head.lower_ in resources.group_words():
            return "description"  # "Those in favour of punishment", "Others said": a group described
        if head.pos_ == "PRON" and head.lower_ != "one":
            return "pronoun"
        if self._epithet(head, span):
            return "epithet"
        if self.person_name(head, span) is not None:
            return "person"
        lemma = head.lemma_.lower()
        descriptor = resources.descriptors().get(lemma)
        if descriptor == "DOCUMENT":
            return "document"
        if head.lower_ in resources.role_nouns() or lemma in resources.role_nouns():
            # "Market analysts Brightline", "pollster YouGov": a role that names its organisation.
            named = any(c.dep_ == "appos" and self.label_of(c) in ORG_LABELS for c in head.children)
            return "org" if named and self.org_name(head, span) is not None else "role"
        if self.org_name(head, span) is not None:
            return "org"
        return "org_noun" if descriptor == "ORG" else "description"

    def _epithet(self, head: Token, span: SpacySpan) -> bool:
        """ "The Frenchman", "the Republican", "the 28-year-old (striker)": one person named again by
        where they are from, their party (resources/person_epithets.txt) or their age, with no name
        in the phrase. A role noun is a role ("the 55-year-old minister"): its title finds them."""
        if span[0].lower_ not in ("the", "this", "that") or head.tag_ in ("NNS", "NNPS"):
            return False
        # The model may type the noun itself ("Briton" PERSON, "Frenchman" NORP); a name beside it
        # makes the phrase a name.
        if any(self.label_of(t) in ("PERSON", "ORG", "GPE", "FAC") for t in span if t.i != head.i):
            return False
        if head.lower_ in resources.person_epithets():
            return all(t.i == head.i or t.pos_ in ("DET", "ADJ", "ADV") for t in span)
        return head.lower_ not in resources.role_nouns() and written_age(span) is not None

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

    def person_name(self, head: Token, span: SpacySpan) -> tuple[int, int] | None:
        """Token range of the person's name in a speaker phrase, if the phrase names a person:
        a PERSON entity (the one holding the head, else the last: "Ryanair deputy chief executive
        Michael Cawley"), a known surname ("Santos"), a titled proper name ("chief executive Jo
        Bloggs"), or the name in apposition ("The health secretary, Wes Streeting, said")."""
        # "Mr Blair's official spokesman" is the spokesman: a possessor names someone else.
        people = [
            e for e in self.ents_in(span.start, span.end, {"PERSON"})
            if (e.root.dep_ != "poss" or head in e) and e.root.text[:1].isupper() and not body_noun(e[-1])
        ]  # fmt: skip
        if people:
            own = next((e for e in people if head in e), people[-1])
            return own.start, own.end
        capitalised = head.text[:1].isupper()  # a name is written with a capital ("foreign ministry" is not one)
        known = capitalised and head.lower_ in self.full_names
        # "The Police Conduct Office": an organisation's name, though a title word stands in it.
        body = body_noun(head)
        if ((head.pos_ == "PROPN" and capitalised) or known) and not body:
            start = head.i
            while start > span.start and self.doc[start - 1].pos_ == "PROPN" and not is_title_word(self.doc[start - 1]):
                start -= 1
            titled = start > span.start and is_title_word(self.doc[start - 1])
            if known or titled:
                return start, head.i + 1
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

    def org_name(self, head: Token, span: SpacySpan) -> str | None:
        """The organisation a phrase names: the entity that holds its head ("Pearson's Financial
        Times" is the Financial Times; "Israeli settlers" names no organisation), an acronym the
        article defines, a proper name in apposition ("The group, WeWorkers Coalition"), or a
        proper noun phrase (a capital at a sentence's start says nothing: "Nurses said" is a group,
        "NHS East Midlands said" a name)."""
        # The entity may run past the phrase the parser gave: "Baker & Lowe" split at "&".
        own = next((e for e in self.ents if e.start <= head.i < e.end and e.label_ in ORG_LABELS), None)
        if own is not None and not any(t.i in self.quoted for t in own):
            return clean_name(own.text)
        if head.text in self.expansions:
            return head.text
        # "The French foreign ministry", "Russia's health department": an organisation noun that a
        # place or people makes one body, named by the phrase.
        if resources.descriptors().get(head.lemma_.lower()) == "ORG" and head.tag_ in ("NN", "NNP"):
            placed = self.ents_in(span.start, head.i, ("GPE", "NORP"))
            if placed and all(t.i < head.i for e in placed for t in e):
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
                return clean_name(span.text)
        return None

    @cached_property
    def _org_words(self) -> frozenset[str]:
        """One-word organisation names the article gives elsewhere ("Unite", or "the Unite union"): at
        a sentence's start ("Unite said") the capital then says something after all."""
        names = (
            without_body_noun(clean_name(e.text)) for e in self.ents
            if e.label_ in ORG_LABELS and not any(t.i in self.quoted for t in e)
        )  # fmt: skip
        return frozenset(name for name in names if len(name.split()) == 1)

    def appositive(self, head: Token) -> tuple[str | None, str | None]:
        """(title, organisation) from an apposition: "Jo Bloggs, a spokesman for Acme Corp," or
        "The health secretary, Wes Streeting," (the common noun is the title)."""
        role = head.pos_ == "NOUN" or head.lower_ in resources.role_nouns()
        if self.label_of(head) != "PERSON" and role:
            # The title runs up to the name: "HM inspector of constabulary Zoe Billingham".
            start, end = syntax.mention_bounds(head, self.quoted)
            name = next((e for e in self.ents_in(head.i + 1, end, {"PERSON"})), None)
            title_end = name.start if name is not None else head.i + 1
            # Not the possessor ("the firm's chief executive, Tom Reed": the title is "chief executive").
            owned = max((c.right_edge.i + 1 for c in head.lefts if c.dep_ == "poss"), default=start)
            title = clean_name(self.doc[max(start, owned) : title_end].text)
            orgs = self.ents_in(start, title_end, ORG_LABELS) if name is not None else []
            return title or None, orgs[-1].text if orgs else None
        appos = next((c for c in head.children if c.dep_ == "appos" and _role_noun(c)), None)
        if appos is None:
            return None, None
        title = " ".join(t.text for t in appos.subtree if t.i <= appos.i and t.dep_ != "det" and not t.is_punct)
        orgs = self.ents_in(appos.left_edge.i, appos.right_edge.i + 1, ORG_LABELS)
        return title or None, orgs[-1].text if orgs else None


def _role_noun(token: Token) -> bool:
    """A common noun, or a role written with a capital ("the Secretary of State")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_ in resources.role_nouns())
