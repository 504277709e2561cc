"""Who the article introduces with a title or a role ("Finance Minister Ana Lopes", "Julian
Assange, the Wikileaks founder", "the firm's chief executive, Tom Reed"): what "the minister", "the
founder" or "the chief executive" may later stand for, and the title and organisation an apposition
gives a speaker."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .. import resources
from ..text import syntax
from .clusters import PersonParts
from .mentions import ArticleNames
from .names import clean_name, is_title_word, role_words
from .phrases import ORG_LABELS


@dataclass(frozen=True)
class Introduction:
    """A person the article names with a title or role: where, who, and the words it used."""

    char: int
    parts: PersonParts
    words: frozenset[str] = frozenset()  # every word the article used to introduce them, lower case


def introductions(names: ArticleNames) -> list[Introduction]:
    """Every person named outside quotes with a title before the name or a role in apposition after
    it, in text order."""
    doc, found = names.doc, []
    for ent in names.ents:
        if ent.label_ != "PERSON" or any(t.i in names.quoted for t in ent):
            continue
        left = min(syntax.mention_bounds(ent.root, names.quoted)[0], _titles_before(names, ent.start))
        parts = names.person_parts(left, ent.start, ent.end)
        title, organisation = parts.title, parts.organisation
        if title is None:
            # "Tom Reed, the chief executive," or the other way round, "the company's chief
            # executive, Tom Reed," (the name in apposition to its role).
            root = _attached_root(ent)
            role_first = root.dep_ == "appos" and root.head.i < root.i and root.head.pos_ == "NOUN"
            title, organisation = appositive(names, root.head if role_first else root)
            if title is None:
                title, organisation = _named_to(names, root)
            organisation = organisation or parts.organisation
            # "Matt Hale, the Secretary of State for Health,": "the health secretary" later.
            role = root.head if role_first else next((c for c in root.children if c.dep_ == "appos"), None)
            stop = ent.start if role_first else len(doc)
            domain = " ".join(t.text for t in role.subtree if role.i < t.i < stop) if role else ""
            organisation_said = f"{organisation or ''} {domain}"
        else:
            organisation_said = organisation or ""
        if title:
            gender = parts.gender or next(
                (g for w in title.lower().split() if (g := resources.gendered_nouns().get(w))), None
            )
            said = f"{_words_before(names, ent.start)} {title} {organisation_said}"
            words = frozenset(role_words(said))
            found.append(Introduction(ent.start_char, PersonParts(parts.name, title, gender, organisation), words))
    return found


def appositive(names: ArticleNames, head: Token) -> tuple[str | None, str | None]:
    """(title, organisation) from an apposition: "Jo Bloggs, a spokesman for Acme Corp," or "The
    health secretary, Wes Streeting," (the common noun is the title)."""
    doc = names.doc
    role = head.pos_ == "NOUN" or head.lower_ in resources.role_nouns()
    if names.label_of(head) != "PERSON" and role:
        # The title runs up to the name: "HM inspector of constabulary Zoe Billingham".
        start, end = syntax.mention_bounds(head, names.quoted)
        name = next((e for e in names.ents_in(head.i + 1, end, {"PERSON"})), None)
        title_end = name.start if name is not None else head.i + 1
        # Not the possessor ("the firm's chief executive, Tom Reed": the title is "chief executive").
        owned = max((c.right_edge.i + 1 for c in head.lefts if c.dep_ == "poss"), default=start)
        title = clean_name(doc[max(start, owned) : title_end].text)
        orgs = names.ents_in(start, title_end, ORG_LABELS) if name is not None else []
        return title or None, orgs[-1].text if orgs else None
    appos = next((c for c in head.children if c.dep_ == "appos" and _role_noun(c)), None)
    if appos is None:
        return None, None
    title = " ".join(t.text for t in appos.subtree if t.i <= appos.i and t.dep_ != "det" and not t.is_punct)
    orgs = names.ents_in(appos.left_edge.i, appos.right_edge.i + 1, ORG_LABELS)
    return title or None, orgs[-1].text if orgs else None


# Verbs that give a person a role: "Ana Lopes was named chief executive", "... became mayor".
_GIVING_A_ROLE = frozenset({"become", "name", "appoint", "elect", "make", "promote", "choose", "select", "install"})


def _named_to(names: ArticleNames, root: Token) -> tuple[str | None, str | None]:
    """(title, organisation) of a role given in the sentence the name is the subject of: "Ana Lopes
    was named chief executive of Skyway", "Tom Reed, who became mayor in 2019," (the relative
    clause's verb)."""
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    relative = next((c for c in root.children if c.dep_ == "relcl"), None)
    verb = verb if verb is not None and verb.lemma_.lower() in _GIVING_A_ROLE else relative
    if verb is None or verb.lemma_.lower() not in _GIVING_A_ROLE:
        return None, None
    role = next((c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp") and _role_noun(c)), None)
    if role is None or role.lower_ not in resources.role_nouns():
        return None, None
    title = " ".join(t.text for t in role.subtree if t.i <= role.i and t.dep_ not in ("det", "poss") and not t.is_punct)
    orgs = names.ents_in(role.left_edge.i, role.right_edge.i + 1, ORG_LABELS)
    return title or None, orgs[-1].text if orgs else None


def _titles_before(names: ArticleNames, start: int) -> int:
    """Where the title words written right before a name start, however the parser read them
    ("went to singer Ann Byrne", with "to singer" parsed as a verb)."""
    while start > 0 and is_title_word(names.doc[start - 1]) and start - 1 not in names.quoted:
        start -= 1
    return start


def _words_before(names: ArticleNames, start: int) -> str:
    """The noun phrase's words written before a name: "Wikileaks co-founder" in "... against
    Wikileaks co-founder Julian Assange"."""
    first = start
    while first > max(start - 6, 0):
        token = names.doc[first - 1]
        if not (token.pos_ in ("PROPN", "NOUN", "ADJ") or token.text in ("-", "'s", "’s")):
            break
        first -= 1
    return names.doc[first:start].text


def _attached_root(ent: SpacySpan) -> Token:
    """The name's word that joins it to its sentence. Not a first name the parser made a root of
    its own ("Ana | Lopes, the governor, declared ..."): the word that holds the rest is the root."""
    attached = [t for t in ent if not (ent.start <= t.head.i < ent.end)]
    return attached[0] if attached else ent.root


def _role_noun(token: Token) -> bool:
    """A common noun, or a role written with a capital ("the Secretary of State")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_ in resources.role_nouns())
