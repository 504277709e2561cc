"""Word lists the rules read: data, not code, so a newsroom can extend them without touching logic.

Every file here is a vocabulary in one format, checked on load (vocabulary.py says how); these are
the rules' views of them. `extend(name, rows)` adds rows at run time (a saved pipeline carries
them: `additions`, `restore`), `forget_additions` takes them back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .people import (  # the vocabularies about people and bodies, in their own module
    body_epithets,
    body_kinds,
    counted_epithets,
    demonyms,
    descriptors,
    gendered_nouns,
    generation_suffixes,
    group_words,
    honorifics,
    lead_offices,
    leading_roles,
    name_suffixes,
    negative_speakers,
    non_speakers,
    org_aliases,
    other_office_words,
    party_offices,
    person_epithets,
    pronouns,
    role_forms,
    role_nouns,
    same_people,
    seat_offices,
    specific_bodies,
    title_abbreviations,
    titles,
)
from .vocabulary import (
    VOCABULARIES,
    VocabularyError,
    additions,
    check_all,
    derived,
    extend,
    flagged,
    forget_additions,
    fraction_value,
    restore,
    rows,
)

__all__ = [
    "VOCABULARIES", "VocabularyError", "additions", "alternation", "check_all", "derived", "extend",
    "forget_additions", "restore",
    # people.py's vocabularies, read as resources.titles() and so on like every other
    "body_kinds", "counted_epithets", "demonyms", "descriptors", "gendered_nouns", "generation_suffixes",
    "group_words", "honorifics", "lead_offices", "leading_roles", "name_suffixes", "negative_speakers", "non_speakers",
    "org_aliases", "other_office_words", "party_offices", "person_epithets", "pronouns", "role_forms", "role_nouns",
    "same_people", "seat_offices", "specific_bodies", "title_abbreviations", "titles", "body_epithets",
]  # fmt: skip


@derived
def cue_verbs() -> frozenset[str]:
    """Lemmas of verbs that attribute speech ("said", "warned", "found")."""
    return frozenset(row[0] for row in rows("cue_verbs"))


@derived
def indirect_cue_verbs() -> frozenset[str]:
    """Cue lemmas that also introduce reported speech through a clause ("warned that ...")."""
    return frozenset(row[0] for row in rows("cue_verbs") if flagged(row, 1, "indirect"))


@derived
def characterising_cue_verbs() -> frozenset[str]:
    """Cue lemmas that say what someone called a thing ("called the ruling a landmark judgment") or
    put it down to ("attributed the rally to the ruling")."""
    return frozenset(
        row[0] for row in rows("cue_verbs") if flagged(row, 1, "characterising") or flagged(row, 1, "attributing")
    )


@derived
def attributing_cue_verbs() -> frozenset[str]:
    """Cue lemmas that say what someone put a thing down to ("attributed the rally to the ruling")."""
    return frozenset(row[0] for row in rows("cue_verbs") if flagged(row, 1, "attributing"))


@derived
def objectless_cue_verbs() -> frozenset[str]:
    """Cue lemmas that report only with no object of their own ("“...,” she posted"; "posted
    photos" reports nothing)."""
    return frozenset(row[0] for row in rows("cue_verbs") if flagged(row, 1, "objectless"))


@derived
def directive_cue_verbs() -> frozenset[str]:
    """Cue lemmas that report what someone was told to do ("urged voters to reject the plan")."""
    return frozenset(row[0] for row in rows("cue_verbs") if flagged(row, 1, "directive"))


@derived
def number_words() -> dict[str, tuple[int, bool]]:
    """Number word -> (value, is_scale)."""
    return {row[0]: (int(row[1]), flagged(row, 2, "scale")) for row in rows("number_words")}


@derived
def units() -> dict[str, str]:
    """Unit of measure as written, lower case ("mph", "square feet") -> its canonical name."""
    return {row[0]: row[1] for row in rows("units")}


@derived
def currencies() -> dict[str, tuple[str, str]]:
    """Currency mark or word, lower case ("£", "c$", "euros") -> (ISO 4217 code, unit as reported)."""
    return {row[0]: (row[1], row[2]) for row in rows("currencies")}


@derived
def currency_names() -> dict[str, tuple[str, ...]]:
    """ISO 4217 code -> its English name first, then the other names it goes by."""
    return {row[0]: tuple(row[1:]) for row in rows("currency_names")}


@derived
def unit_names() -> dict[str, tuple[str, ...]]:
    """Canonical unit (not money) -> other names it goes by ("year of age" -> "year", ...)."""
    return {row[0]: tuple(row[1:]) for row in rows("unit_names")}


@derived
def label_nouns() -> dict[str, bool]:
    """Nouns a number after them labels rather than counts ("Article 50", "Category 4") -> whether
    even a plural after the number leaves it a label (index names: "S&P 500 futures")."""
    return {row[0]: flagged(row, 1, "always") for row in rows("label_nouns")}


@derived
def dateline_words() -> frozenset[str]:
    """Words of a dateline besides its date: weekdays, "updated", time zones."""
    return frozenset(row[0] for row in rows("dateline_words"))


@derived
def months() -> dict[str, int]:
    """Month name or abbreviation -> month number."""
    return {row[0]: int(row[1]) for row in rows("months")}


@derived
def rate_periods() -> dict[str, bool]:
    """What a rate is counted per ("year", "barrel") -> whether the number scanner takes it along."""
    return {row[0]: flagged(row, 1, "written") for row in rows("rate_periods")}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so "sept" is tried before "sep")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@derived
def currency_marks() -> tuple[str, ...]:
    """Currency symbols and codes as written before a number, case kept ("US$", "£", "GBP", "Rs.")."""
    return tuple(row[0] for row in rows("currency_marks"))


@derived
def scale_abbreviations() -> dict[str, float]:
    """Scale letters after a number ("bn", "m", "k") -> what they multiply by."""
    return {row[0]: float(row[1]) for row in rows("scale_abbreviations")}


def scale_words() -> list[str]:
    """The number words that multiply what stands before them ("hundred", "million")."""
    return [word for word, (_, is_scale) in number_words().items() if is_scale]


@derived
def authoring_verbs() -> frozenset[str]:
    """Lemmas of verbs that name who is behind a document ("commissioned the survey")."""
    return frozenset(row[0] for row in rows("authoring_verbs"))


@derived
def weight_words() -> frozenset[str]:
    """Lemmas that make "pounds" in their sentence a weight ("lost 25 pounds")."""
    return frozenset(row[0] for row in rows("weight_words"))


@derived
def time_units() -> frozenset[str]:
    """Canonical names of the units of time in units.txt ("year", "hour")."""
    return frozenset(row[0] for row in rows("time_units"))


@derived
def count_adjectives() -> frozenset[str]:
    """Adjectives before a counted noun that say how many more or how much they matter ("further",
    "key"): not part of what is counted."""
    return frozenset(row[0] for row in rows("count_adjectives"))


@derived
def totals_of() -> dict[str, str]:
    """A noun whose figure counts something it does not name ("waiting list", "population") -> what
    that is, as written ("people")."""
    return {row[0]: row[1] for row in rows("totals_of")}


@derived
def invariant_nouns() -> frozenset[str]:
    """Nouns whose plural is their singular ("aircraft", "sheep")."""
    return frozenset(row[0] for row in rows("invariant_nouns"))


@derived
def rate_adverbs() -> dict[str, str]:
    """An adverb that makes a number a rate ("annually") -> what it is counted per ("year")."""
    return {row[0]: row[1] for row in rows("rate_adverbs")}


@derived
def forecast_verbs() -> frozenset[str]:
    """Verbs whose subject states the figure in what follows ("BA expects a 3% rise")."""
    return frozenset(row[0] for row in rows("forecast_verbs"))


@derived
def approximators() -> dict[str, str]:
    """Words before a number that say it is not exact ("more than", "about") -> >, >=, <, <= or ~."""
    return {row[0]: row[1] for row in rows("approximators")}


@derived
def change_words() -> dict[str, str]:
    """Words before a figure that make it a change ("rose", "cut") -> up or down."""
    return {row[0]: row[1] for row in rows("change_words")}


@derived
def times_words() -> dict[str, int]:
    """ "twice" -> 2: words that say how many times something happened."""
    return {row[0]: int(row[1]) for row in rows("times_words")}


@derived
def fraction_words() -> dict[str, float]:
    """Words for a part of a whole ("third", "quarters") -> the part (1/3, 1/4)."""
    return {row[0]: fraction_value(row[1]) for row in rows("fraction_words")}


@derived
def vulgar_fractions() -> dict[str, float]:
    """Fraction characters ("½") -> their value."""
    return {row[0]: fraction_value(row[1]) for row in rows("vulgar_fractions")}


@derived
def vague_numbers() -> tuple[dict[str, int], dict[str, int]]:
    """Vague plurals ("thousands") -> the base of their range; and the words that multiply a base
    after "of" ("tens" of millions) -> by how much."""
    table = rows("vague_numbers")
    bases = {row[0]: int(row[1]) for row in table if flagged(row, 2, "base")}
    return bases, {row[0]: int(row[1]) for row in table if flagged(row, 2, "multiplier")}


@derived
def subunits() -> dict[str, frozenset[str]]:
    """A currency's hundredth part ("cent", "GBX") -> the currencies counted in it."""
    return {row[0]: frozenset(row[1].split()) for row in rows("subunits")}


@derived
def modal_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in rows("modal_verbs"))


@derived
def hearsay_verbs() -> frozenset[str]:
    """Passive verbs of hearsay a reporting verb completes ("was quoted as saying")."""
    return frozenset(row[0] for row in rows("hearsay_verbs"))


@derived
def demand_modals() -> frozenset[str]:
    """Modal verbs by which a clause asks something of its subject ("must", "should")."""
    return frozenset(row[0] for row in rows("demand_modals"))


@derived
def figure_words(kind: str) -> frozenset[str]:
    """The words of figure_words.txt of one kind: "noun", "published" or "verb"."""
    return frozenset(r[0] for r in rows("figure_words") if r[1] == kind)


@derived
def naming_words() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs and nouns that name a term ("known as", "the nickname"), as (verbs, nouns)."""
    table = rows("naming_words")
    return frozenset(r[0] for r in table if r[1] == "verb"), frozenset(r[0] for r in table if r[1] == "noun")


@derived
def unspoken_markers() -> dict[str, str]:
    """Word -> how it makes a reporting verb report nothing said: modal, condition or withholding."""
    return {row[0]: row[1] for row in rows("unspoken_markers")}


@derived
def set_phrases() -> tuple[tuple[str, ...], ...]:
    """Fixed phrases made with a reporting verb that report nothing ("that being said"), as words."""
    return tuple(tuple(row[0].lower().split()) for row in rows("set_phrases"))


@derived
def stance_nouns() -> frozenset[str]:
    """Nouns for what a speaker holds ("position", "warning"): their "that" clause is what was said."""
    return frozenset(row[0] for row in rows("stance_nouns"))


@derived
def speech_occasions() -> frozenset[str]:
    """Where words were said or written ("interview", "column"), and documents: a "that" clause hung
    on one after a reporting verb ("said in an interview that ...") is what the verb reports."""
    documents = {word for word, kind in descriptors().items() if kind == "DOCUMENT"}
    return frozenset(row[0] for row in rows("speech_occasions")) | documents


@derived
def recordings() -> frozenset[str]:
    """Recordings and physical evidence ("video", "blood test"): what they show is seen, not said."""
    return frozenset(row[0] for row in rows("recordings"))


@derived
def number_idioms() -> frozenset[str]:
    """Words made with a number that count nothing ("one-way", "one-off")."""
    return frozenset(row[0] for row in rows("number_idioms"))


@derived
def street_words() -> frozenset[str]:
    """Words that end a street name ("road", "st")."""
    return frozenset(row[0] for row in rows("street_words"))
