"""Names as written: cleaning, initials, organisation keys, and which words are titles."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import resources

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_ACRONYM_SKIP = {"of", "for", "and", "the", "on", "in", "&"}
# The words by which an office held for a place names it after the office: "the MP for Henley",
# "the senator from Ohio" (read by entities.py, which types the place, and roles.py, which joins it).
SEAT_PREPOSITIONS = frozenset({"for", "from"})


def is_title_word(token: Token) -> bool:
    """An honorific ("Mr"), a title ("Chief Constable") or a role noun ("spokesman")."""
    return honorific(token) is not None or token.lower_.rstrip(".") in resources.role_nouns()


def after_a_kin_epithet(doc: Doc, start: int) -> bool:
    """ "Mother-of-two Kelly Price", "dad-of-three Tom Reed": a family noun that names a person with
    its count (`counted` in resources/person_epithets.txt), written "<noun>-of-<number>", right
    before token `start`."""
    words = doc[max(0, start - 5) : start]
    if len(words) < 5 or [t.text for t in words[1:4]] != ["-", "of", "-"] or not words[4].like_num:
        return False
    return words[0].lower_ in resources.counted_epithets()


def honorific(token: Token) -> str | None:
    """The gender an honorific says ("Mr": m, "Ms.": f, "Dr": x, resources/honorifics.txt), or None
    for a word that is none."""
    return resources.honorifics().get(token.lower_.rstrip("."))


@resources.derived
def _role_form_pattern() -> re.Pattern[str]:
    """Any form of role_forms as whole words, the longest first ("chief executive officer" before "ceo")."""
    return re.compile(rf"\b({resources.alternation(resources.role_forms())})\b")


def role_words(text: str) -> tuple[str, ...]:
    """The words of a title or role, lower case, each form the news writes read as the role it
    stands for (resources/role_forms.txt): "Sen." -> senator, "CEO" -> chief executive,
    "co-founder" -> co founder; and a party by one name ("Tory" and "Conservative" leader are one
    role: resources/org_aliases.txt)."""
    plain = " ".join(text.lower().replace(".", " ").replace("-", " ").split())
    forms = resources.role_forms()
    plain = _role_form_pattern().sub(lambda m: forms[m.group(1)], plain)
    parties = _party_words()
    return tuple(_party_pattern().sub(lambda m: parties[m.group(1)], plain).split())


def is_party(text: str) -> bool:
    """A party's name however written ("Lib Dem", "Tories"): resources/org_aliases.txt."""
    return _singular(text.lower().removesuffix(" party")) in _party_names()


@resources.derived
def _party_names() -> frozenset[str]:
    """Every party name of resources/org_aliases.txt as a role phrase writes it ("lib dem",
    "democratic", "tory")."""
    names = {_singular(n.lower().removesuffix(" party")) for pair in resources.org_aliases().items() for n in pair}
    return frozenset(names)


@resources.derived
def _party_words() -> dict[str, str]:
    """A party's names as a role phrase writes them, without "party" and in the singular -> one
    name ("tory" -> "conservative", "lib dem" -> "liberal democrat")."""
    found: dict[str, str] = {}
    for alias, name in resources.org_aliases().items():
        canonical = _singular(name.lower().removesuffix(" party"))
        found[_singular(alias.removesuffix(" party"))] = canonical
    return {alias: name for alias, name in found.items() if alias and alias != name}


def _singular(words: str) -> str:
    if words.endswith("ies"):
        return words[:-3] + "y"  # "tories"
    return words[:-1] if words.endswith("s") and not words.endswith("ss") else words


@resources.derived
def _party_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b({resources.alternation(_party_words())})\b")


def body_noun(token: Token) -> bool:
    """A noun that stands for a body ("office", "council", "trust", resources/descriptors.txt): a name
    that ends in one names an organisation, whatever the tagger says."""
    return resources.descriptors().get(token.lemma_.lower().rstrip(".")) == "ORG"  # "Co." too


def body_or_group_noun(token: Token) -> bool:
    """A body's noun or a group's ("council", "police"): such a noun before a name names no title
    ("Police Scotland"), and after a run of names makes them a body ("Greater Harwick Police")."""
    return body_noun(token) or group_noun(token)


def people_in_a_role(word: str) -> bool:
    """ "MPs", "officials": a role noun (resources/role_nouns.txt) in the plural, however tagged."""
    word = word.lower()
    return word.endswith("s") and word[:-1] in resources.role_nouns()


def group_noun(token: Token) -> bool:
    """A noun for people spoken of as one ("police", "the family": GROUP in resources/descriptors.txt):
    a group, even where the tagger reads it singular."""
    return resources.descriptors().get(token.lemma_.lower()) == "GROUP"


def clean_name(text: str) -> str:
    """A name without determiners, possessive endings or stray punctuation ("Institute for Fiscal
    Studies (IFS" as the model may take it: the bracket it does not close is no part of it)."""
    text = re.sub(r"\s*\([^)]*$", "", text.strip())
    text = re.sub(r"[’']s?$", "", text, flags=re.IGNORECASE)
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words).strip(' ,;:—–-"“”‘’')


def with_demonym(name: str) -> str:
    """ "Russia's foreign ministry" -> "Russian foreign ministry": a body named after its place's
    possessive takes the place's adjective, so both ways of writing it are one speaker."""
    match = re.match(r"(.+?)[’']s\s+(.+)", name)
    adjective = resources.demonyms().get(match.group(1).lower()) if match else None
    return f"{adjective} {match.group(2)}" if match and adjective else name


def acronym(name: str) -> str:
    """Initials of a multi-word name: "Independent Office for Police Conduct" -> "IOPC"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    # An acronym inside the name gives all its letters: "NHS England" -> "NHSE".
    letters = [w if w.isupper() and w.isalpha() and len(w) <= 4 else w[0] for w in words]
    return "".join(letters).upper() if len(words) >= 2 else ""


@resources.derived
def _place_adjectives() -> frozenset[str]:
    return frozenset(a.lower() for a in resources.demonyms().values())


def is_place_adjective(word: str) -> bool:
    """ "British", "Russian": a place's adjective (resources/demonyms.txt), whatever the name data say."""
    return word.lower() in _place_adjectives()


def without_body_noun(name: str) -> str:
    """ "Unite union" -> "Unite": a body's noun written in lower case after a name is no part of it
    (not after a place's adjective, "Russian foreign ministry", nor a word made with one, "the
    Saudi-led coalition")."""
    *own, last = name.split() or [""]
    made = [w for w in own if "-" in w and w.rsplit("-", 1)[-1].islower()]
    named = bool(own) and not made and all(w[:1].isupper() and w.lower() not in _place_adjectives() for w in own)
    return " ".join(own) if named and last.islower() and resources.descriptors().get(last) == "ORG" else name


def without_kind_noun(name: str) -> str:
    """ "Carmaker Velda Motors" -> "Velda Motors": the noun for what a business does ("carmaker",
    "retailer", "insurer") before a name of two words or more is no part of it (for a name that
    starts a sentence, where the capital hides it). Not a noun that may begin a name ("Utility
    Warehouse Group", "Bank Leumi")."""
    first, *rest = name.split() or [""]
    agent = resources.body_kinds().get(first.lower()) == "business" and first.lower().endswith("er")
    named = all(w[:1].isupper() or w == "&" for w in rest)  # "Retailer Marks & Spencer"
    return " ".join(rest) if agent and len(rest) >= 2 and named else name


def leading_word(name: str) -> str | None:
    """The word a company's name may be shortened to, its first ("Velda" of "Velda Motors"), when
    that word is a name of its own: not a noun for a body, people or a role ("Police Scotland",
    "Residents Association"), nor a place's adjective ("British Airways")."""
    first, *rest = name.split() or [""]
    word = first.lower()
    common = word in resources.descriptors() or word in resources.role_nouns() or word in _place_adjectives()
    named = first[:1].isupper() and first.isalpha() and not first.isupper() and not word.endswith("s")
    return first if rest and named and not common and rest[0].lower() not in ("of", "for", "and", "&") else None


def org_keys(name: str) -> set[str]:
    """Keys under which an organisation is found again: its name, and its acronym."""
    # "Moody's" is found again as "Moody" of "Moody's analysts", its possessive cut off.
    keys = {name.lower(), without_body_noun(name).lower(), clean_name(name).lower()}
    if name.isupper() and 2 <= len(name) <= 8:
        keys.add(f"acr:{name}")
    elif short := acronym(name):
        keys.add(f"acr:{short}")
    return keys


def name_head(name: str) -> str:
    """The noun a name is built on, lower case: its last word, or the last before "of" or "for"
    ("National Union of Teachers" -> union, "Office for Police Conduct" -> office)."""
    words = name.lower().split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words))
    return words[cut - 1]


def title_abbreviation(token: Token) -> bool:
    """ "PM", "Sen.", "Gov.", "Coun." (split from its full stop): a title written short
    (resources/role_forms.txt), which only a person's name follows ("General" may begin a company's
    name; "Gen." does not)."""
    word = token.text.rstrip(".")
    stop = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "."
    short = word.isupper() or token.text.endswith(".") or stop
    return short and len(word) <= 4 and word.lower() in resources.role_forms()


def title_abbreviation_before(token: Token) -> bool:
    """The word before `token` is a title written short, its full stop split off or not."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text == "." and token.i > 1:
        before = token.doc[token.i - 2]
    return before is not None and title_abbreviation(before)


def opens_a_name(token: Token) -> bool:
    """An honorific or a title written short: only a person's name follows ("Ms Mills", "PM Modi")."""
    return honorific(token) is not None or title_abbreviation(token)


def opens_a_name_before(token: Token) -> bool:
    """The word before `token` opens a person's name ("Mr | Straw", "Coun. | Janice Lukes")."""
    return (token.i > 0 and honorific(token.doc[token.i - 1]) is not None) or title_abbreviation_before(token)
