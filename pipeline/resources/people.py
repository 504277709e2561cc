"""The word lists about people and bodies the speaker rules read: titles and roles, honorifics,
pronouns, descriptors of bodies, epithets, other names of organisations. Re-exported by the package.
"""

from __future__ import annotations

from .vocabulary import derived, flagged, rows


@derived
def titles() -> frozenset[str]:
    return frozenset(row[0] for row in rows("titles"))


@derived
def honorifics() -> dict[str, str]:
    """Honorific -> gender it signals: m, f or x (unknown)."""
    return {row[0]: row[1] for row in rows("honorifics")}


@derived
def descriptors() -> dict[str, str]:
    """Common nouns standing for a speaker -> the speaker type they imply."""
    return {row[0]: row[1] for row in rows("descriptors")}


@derived
def specific_bodies() -> frozenset[str]:
    """Nouns of a kind of body, or of a text, that the article's organisation seldom is or issues
    ("committee", "lawsuit")."""
    return frozenset(row[0] for row in rows("descriptors") if "specific" in _marks(row))


@derived
def body_epithets() -> dict[str, frozenset[str]]:
    """A body's epithet -> the nouns of the names it stands for ("tank" -> "institute", ...)."""
    return {row[0].lower(): frozenset(n.lower() for n in row[1:]) for row in rows("body_epithets")}


@derived
def body_kinds() -> dict[str, str]:
    """A body's noun -> "business" or "public": the kind of body it stands for ("firm", "agency")."""
    return {row[0]: kind for row in rows("descriptors") for kind in _marks(row) if kind in ("business", "public")}


def _marks(row: tuple[str, ...]) -> list[str]:
    return row[2].split() if len(row) > 2 else []


@derived
def non_speakers() -> frozenset[str]:
    """Pronouns that stand where a speaker would but name nobody ("no-one", "everyone")."""
    return frozenset(row[0] for row in rows("non_speakers"))


@derived
def negative_speakers() -> frozenset[str]:
    """The non-speakers that say nobody spoke ("nobody", "no-one"), not everyone ("everyone")."""
    return frozenset(row[0] for row in rows("non_speakers") if row[1:] == ("negative",))


@derived
def role_nouns() -> frozenset[str]:
    """Nouns for a person in a role ("spokesman", "minister"): the titles and role_nouns.txt."""
    return titles() | frozenset(row[0].lower() for row in rows("role_nouns"))


@derived
def gendered_nouns() -> dict[str, str]:
    """Nouns of a person's role or relation that say their gender ("spokeswoman" -> f)."""
    return {row[0]: row[1] for row in rows("gendered_nouns")}


@derived
def org_aliases() -> dict[str, str]:
    """Another name of an organisation, lower case -> its name ("tories" -> "Conservative Party")."""
    return {name.lower(): row[0] for row in rows("org_aliases") for name in row}


@derived
def role_forms() -> dict[str, str]:
    """Another way the news writes a role -> the role ("sen" -> "senator", "ceo" -> "chief executive")."""
    return {row[0].lower(): row[1].lower() for row in rows("role_forms")}


@derived
def title_abbreviations() -> frozenset[str]:
    """ "Const.", "Sgt.", "Coun.": the one-word roles of role_forms written short (the letters of
    the role in order: not "PM", "CEO"), capitalised, with their full stop."""

    def shortened(form: str, role: str) -> bool:
        rest = iter(role)
        return " " not in role and len(form) < len(role) and all(letter in rest for letter in form)

    return frozenset(
        f"{form.capitalize()}." for form, role in role_forms().items()
        if form.isalpha() and len(form) <= 5 and shortened(form, role)
    )  # fmt: skip


@derived
def person_epithets() -> dict[str, str]:
    """A noun naming a person again by origin, party, renown, age or family ("frenchman",
    "republican", "singer", "mother" of three, and a place's adjective in -an or -i: "american"; not
    -ese, -ish, -ch: a people) -> the gender it says."""
    found = {adjective.lower(): "-" for adjective in demonyms().values() if adjective.lower().endswith(("an", "i"))}
    found.update({row[0].lower(): row[1] for row in rows("person_epithets")})
    return found


@derived
def counted_epithets() -> frozenset[str]:
    """Family nouns that name a person again only with a count: "the mother of three"."""
    return frozenset(row[0].lower() for row in rows("person_epithets") if tuple(row[2:]) == ("counted",))


@derived
def pronouns() -> dict[str, tuple[str, frozenset[str]]]:
    """Pronoun -> (gender m, f or -, the speaker types it may stand for)."""
    return {row[0]: (row[1], frozenset(row[2].split(","))) for row in rows("pronouns")}


@derived
def demonyms() -> dict[str, str]:
    """Place -> the adjective for its bodies ("Russia" -> "Russian"), by the place in lower case."""
    return {row[0].lower(): row[1] for row in rows("demonyms")}


@derived
def group_words() -> frozenset[str]:
    """Words that head a phrase describing a group, not one speaker ("those who said", "half of them")."""
    return frozenset(row[0] for row in rows("group_words"))


@derived
def other_office_words() -> frozenset[str]:
    """Words that make a title another office than its role noun ("former", "shadow", "deputy")."""
    return frozenset(row[0] for row in rows("other_office_words"))


@derived
def name_suffixes() -> frozenset[str]:
    """Words after a surname that end a person's name ("Jr", "III", "QC")."""
    return frozenset(row[0] for row in rows("name_suffixes"))


@derived
def generation_suffixes() -> frozenset[str]:
    """The name suffixes that tell a father from a son of one name ("Jr", "III")."""
    return frozenset(row[0] for row in rows("name_suffixes") if flagged(row, 1, "generation"))


@derived
def leading_roles() -> dict[str, tuple[str, ...]]:
    """A noun for whoever leads a body ("boss", "chief", "head") -> the roles it may stand for."""
    return {row[0].lower(): tuple(r.lower() for r in row[1:]) for row in rows("leading_roles")}


@derived
def same_people() -> dict[str, frozenset[str]]:
    """A noun for people -> the nouns the news uses in turn for the same ones ("researcher" ->
    "scientist", "team", ...)."""
    return {row[0].lower(): frozenset(n.lower() for n in row[1:]) for row in rows("same_people")}


@derived
def lead_offices() -> frozenset[str]:
    """Offices the person a story leads with may hold untitled ("the prime minister")."""
    return frozenset(
        row[0].lower() for row in rows("lead_offices")
        if not flagged(row, 1, "party") and (not flagged(row, 1, "seat") or flagged(row, 1, "lead"))
    )  # fmt: skip


@derived
def seat_offices() -> frozenset[str]:
    """Offices one person holds for a place ("MP", "senator"): with the place, one person."""
    return frozenset(row[0].lower() for row in rows("lead_offices") if flagged(row, 1, "seat"))


@derived
def party_offices() -> frozenset[str]:
    """Roles one member of a party holds for it at a time, said with the party ("the Tory health
    spokesman"), besides every lead office."""
    return lead_offices() | frozenset(row[0].lower() for row in rows("lead_offices") if flagged(row, 1, "party"))
