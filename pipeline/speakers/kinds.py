"""What a speaker phrase is (one of phrases.KINDS): a name, a pronoun, a role noun, a body's noun, a
document, a person's epithet, a description; the sieve tries on each mention the passes for its kind."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .. import resources
from ..text import syntax
from .mentions import ArticleNames
from .name_words import written_age
from .names import is_party
from .phrases import ORG_LABELS, family_count, joined_subject


def mention_kind(names: ArticleNames, head: Token, span: SpacySpan) -> str:
    """What a speaker phrase is: one of KINDS."""
    if syntax.names_nobody(head):
        return "nobody"
    if head.lower_ in resources.group_words():
        return "description"  # "Those in favour of punishment", "Others said": a group described
    if head.pos_ == "PRON" and head.lower_ != "one":
        return "pronoun"
    if joined_subject(head) is not None:
        return "description"  # "Paganini and his team wrote": the two together, a group
    if _epithet(names, head, span):
        return "epithet"
    if names.person_name(head, span) is not None:
        return "person"
    lemma = head.lemma_.lower()
    descriptor = resources.descriptors().get(lemma)
    if descriptor == "DOCUMENT" or _published_figures(head):
        return "document"
    # "Greater Manchester Police": a force's name, not police described.
    named = any(e.start <= head.i < e.end and len(e) > 1 for e in names.ents if e.label_ == "ORG")
    if named and head.text[:1].isupper() and descriptor in ("ORG", "GROUP"):
        if names.org_name(head, span) is not None:
            return "org"
    if head.lower_ in resources.role_nouns() or lemma in resources.role_nouns():
        # "Market analysts Brightline", "pollster YouGov": a role that names its organisation.
        named = any(c.dep_ == "appos" and names.label_of(c) in ORG_LABELS for c in head.children)
        return "org" if named and names.org_name(head, span) is not None else "role"
    if names.org_name(head, span) is not None:
        return "org"
    return "org_noun" if descriptor == "ORG" else "description"


def _epithet(names: ArticleNames, head: Token, span: SpacySpan) -> bool:
    """ "The Frenchman", "the Republican", "the pensioner", "the mother of three", "the 28-year-old":
    one person named again by where they are from, their party, renown, time of life or family
    (resources/person_epithets.txt) or their age, with no name in the phrase. A role noun is a
    role ("the 55-year-old minister", "the singer"): its title finds them."""
    if span[0].lower_ not in ("the", "this", "that") or head.tag_ in ("NNS", "NNPS"):
        return False
    # The model may type the noun itself ("Briton" PERSON, "Frenchman" NORP); a name beside it
    # makes the phrase a name. ("The Northern Irishman" typed one body is still one Irishman.)
    own = {t.i for e in names.ents if e.start <= head.i < e.end for t in e} | {head.i}
    # "the Tory frontbencher", "Labour" typed a body; "the Oregon Democrat": the place they stand for
    own |= {t.i for t in span if is_party(t.text) or t.head == head and names.label_of(t) == "GPE"}
    if any(names.label_of(t) in ("PERSON", "ORG", "GPE", "FAC") for t in span if t.i not in own):
        return False
    word = head.lower_
    if word in resources.role_nouns():
        return False  # "the singer": a role first (passes.role_epithet), "the 55-year-old minister"
    if word in resources.person_epithets():
        count = family_count(head)
        if word in resources.counted_epithets() and not count:
            return False
        return all(t.i in own or t.pos_ in ("DET", "ADJ", "ADV") or t.i in count for t in span)
    return written_age(span) is not None


def _published_figures(head: Token) -> bool:
    """ "According to figures released by the police", "the latest figures from the ONS", "official
    statistics", "the figures show": numbers published, a document (resources/figure_words.txt);
    not "senior figures" of a party."""
    if head.lower_ not in resources.figure_words("noun"):
        return False
    according = head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
    released = any(c.dep_ == "acl" and c.tag_ == "VBN" for c in head.children)
    described = any(c.dep_ == "amod" and c.lower_ in resources.figure_words("published") for c in head.children)
    # "The figures show that ...": what numbers do, not people.
    shows = head.dep_ == "nsubj" and head.head.lemma_.lower() in resources.figure_words("verb")
    return according or released or described or shows
