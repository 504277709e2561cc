"""What a few words alone say about a name: whether a token is written as a name, a common given
name, an age written with it ("Tom Reed, 28", "the 28-year-old"), the runs of proper nouns of an
article, and the sentences after one. Shared by entities.py and untyped.py."""

from __future__ import annotations

import numpy
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..resources import first_names
from .names import is_place_adjective

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


def written_as_a_name(token: Token) -> bool:
    """A proper noun in letters with a capital: "Reed", not "BBC2" nor "de"."""
    return token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper()


def joined_to_the_word_before(token: Token) -> bool:
    """ "Marie" in "Eva-Marie": the second half of a word joined by a hyphen."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_


def given_name(token: Token) -> bool:
    """A common given name (resources/first_names.py), not a place's adjective the name data also
    hold ("British Gas")."""
    return first_names.is_given_name(token.text) and not is_place_adjective(token.text)


def next_sentences(ent: SpacySpan, count: int = 2) -> list[Token]:
    """The tokens of the sentences after the entity's, up to `count` of them that hold words (a
    quote and its "she said" may be two: '“It's not fair,” | she said.')."""
    doc, end, tokens = ent.doc, ent.sent.end, []
    while count and end < len(doc):
        sentence = doc[end].sent
        tokens += list(sentence)
        count -= any(not t.is_space for t in sentence)
        end = sentence.end
    return tokens


def proper_runs(doc: Doc) -> list[SpacySpan]:
    """Every longest run of capitalised proper nouns written in letters, found on the Doc's arrays
    (only proper nouns become Python tokens: a walk over every token costs most of a long article)."""
    proper = numpy.nonzero(doc.to_array("POS") == PROPN)[0]
    runs, start, last = [], -1, -2
    for i in [int(i) for i in proper] + [-1]:
        fits = i >= 0 and written_as_a_name(doc[i])
        if fits and i == last + 1 and start >= 0:
            last = i
            continue
        if start >= 0:
            runs.append(doc[start : last + 1])
        start, last = (i, i) if fits else (-1, -2)
    return runs


def surname(name: str) -> str:
    """A person's surname as written: the last word of the name, or the one before a suffix
    ("Beckham" of "Odell Beckham Jr.", resources/name_suffixes.txt)."""
    words = name.split()
    while len(words) > 1 and _suffix(words[-1]):
        words.pop()
    return words[-1] if words else ""


def name_suffix(name: str) -> str:
    """The suffix that ends a person's name, lower case ("jr" of "Donald Trump Jr."), or "": a
    father and a son of one name are two people."""
    words = name.split()
    last = words[-1].lower().rstrip(".") if len(words) > 1 else ""
    return last if last in resources.generation_suffixes() else ""


def surname_token(name: SpacySpan) -> Token:
    """The surname's token in a person's entity: its last, or the one before a suffix."""
    end = name.end - 1
    while end > name.start and (_suffix(name.doc[end].text) or name.doc[end].text == "."):
        end -= 1
    return name.doc[end]


def _suffix(word: str) -> bool:
    return word.lower().rstrip(".") in resources.name_suffixes()
