"""Word lists the rules read: data, not code, so a newsroom can extend them without touching logic."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


def _lines(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split())
    return rows


@cache
def cue_verbs() -> frozenset[str]:
    """Lemmas of verbs that attribute speech ("said", "warned", "found")."""
    return frozenset(row[0] for row in _lines("cue_verbs.txt"))


@cache
def indirect_cue_verbs() -> frozenset[str]:
    """Cue lemmas that also introduce reported speech through a clause ("warned that ...")."""
    return frozenset(row[0] for row in _lines("cue_verbs.txt") if "indirect" in row[1:])


@cache
def titles() -> frozenset[str]:
    return frozenset(row[0] for row in _lines("titles.txt"))


@cache
def honorifics() -> dict[str, str]:
    """Honorific -> gender it signals: m, f or x (unknown)."""
    return {row[0]: row[1] for row in _lines("honorifics.txt")}


@cache
def descriptors() -> dict[str, str]:
    """Common nouns standing for a speaker -> the speaker type they imply."""
    return {row[0]: row[1] for row in _lines("descriptors.txt")}


@cache
def number_words() -> dict[str, tuple[int, bool]]:
    """Number word -> (value, is_scale)."""
    return {row[0]: (int(row[1]), "scale" in row[2:]) for row in _lines("number_words.txt")}


def _columns(name: str) -> list[list[str]]:
    """Rows of a table whose columns are separated by "|" (a column may hold several words)."""
    return [[cell.strip() for cell in " ".join(row).split("|")] for row in _lines(name)]


@cache
def units() -> dict[str, str]:
    """Unit of measure as written, lower case ("mph", "square feet") -> its canonical name."""
    return {row[0]: row[1] for row in _columns("units.txt")}


@cache
def currencies() -> dict[str, tuple[str, str]]:
    """Currency mark or word, lower case ("£", "c$", "euros") -> (ISO 4217 code, unit as reported)."""
    return {row[0]: (row[1], row[2]) for row in _columns("currencies.txt")}


@cache
def currency_names() -> dict[str, tuple[str, ...]]:
    """ISO 4217 code -> its English name first, then the other names it goes by."""
    return {row[0]: tuple(row[1:]) for row in _columns("currency_names.txt")}


@cache
def unit_names() -> dict[str, tuple[str, ...]]:
    """Canonical unit (not money) -> other names it goes by ("year of age" -> "year", ...)."""
    return {row[0]: tuple(row[1:]) for row in _columns("unit_names.txt")}


@cache
def label_nouns() -> dict[str, bool]:
    """Nouns a number after them labels rather than counts ("Article 50", "Category 4") -> whether
    even a plural after the number leaves it a label (index names: "S&P 500 futures")."""
    return {row[0]: "always" in row[1:] for row in _lines("label_nouns.txt")}


@cache
def dateline_words() -> frozenset[str]:
    """Words of a dateline besides its date: weekdays, "updated", time zones."""
    return frozenset(row[0] for row in _lines("dateline_words.txt"))


@cache
def non_speakers() -> frozenset[str]:
    """Pronouns that stand where a speaker would but name nobody ("no-one", "everyone")."""
    return frozenset(row[0] for row in _lines("non_speakers.txt"))


@cache
def role_nouns() -> frozenset[str]:
    """Nouns for a person in a role ("spokesman", "minister"): the titles and role_nouns.txt."""
    return titles() | frozenset(row[0].lower() for row in _lines("role_nouns.txt"))


@cache
def months() -> dict[str, int]:
    """Month name or abbreviation -> month number."""
    return {row[0]: int(row[1]) for row in _lines("months.txt")}


@cache
def rate_periods() -> dict[str, bool]:
    """What a rate is counted per ("year", "barrel") -> whether the number scanner takes it along."""
    return {row[0]: "written" in row[1:] for row in _lines("rate_periods.txt")}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so "sept" is tried before "sep")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def currency_marks() -> tuple[str, ...]:
    """Currency symbols and codes as written before a number, case kept ("US$", "£", "GBP", "Rs.")."""
    text = resources.files(__package__).joinpath("currency_marks.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def scale_abbreviations() -> dict[str, float]:
    """Scale letters after a number ("bn", "m", "k") -> what they multiply by."""
    return {row[0]: float(row[1]) for row in _lines("scale_abbreviations.txt")}


def scale_words() -> list[str]:
    """The number words that multiply what stands before them ("hundred", "million")."""
    return [word for word, (_, is_scale) in number_words().items() if is_scale]


@cache
def authoring_verbs() -> frozenset[str]:
    """Lemmas of verbs that name who is behind a document ("commissioned the survey")."""
    return frozenset(row[0] for row in _lines("authoring_verbs.txt"))


@cache
def weight_words() -> frozenset[str]:
    """Lemmas that make "pounds" in their sentence a weight ("lost 25 pounds")."""
    return frozenset(row[0] for row in _lines("weight_words.txt"))


@cache
def time_units() -> frozenset[str]:
    """Canonical names of the units of time in units.txt ("year", "hour")."""
    return frozenset(row[0] for row in _lines("time_units.txt"))


@cache
def count_adjectives() -> frozenset[str]:
    """Adjectives before a counted noun that say how many more or how much they matter ("further",
    "key"): not part of what is counted."""
    return frozenset(row[0] for row in _lines("count_adjectives.txt"))


@cache
def totals_of() -> dict[str, str]:
    """A noun whose figure counts something it does not name ("waiting list", "population") -> what
    that is, as written ("people")."""
    return {row[0]: row[1] for row in _columns("totals_of.txt")}


@cache
def invariant_nouns() -> frozenset[str]:
    """Nouns whose plural is their singular ("aircraft", "sheep")."""
    return frozenset(row[0] for row in _lines("invariant_nouns.txt"))


@cache
def rate_adverbs() -> dict[str, str]:
    """An adverb that makes a number a rate ("annually") -> what it is counted per ("year")."""
    return {row[0]: row[1] for row in _columns("rate_adverbs.txt")}


@cache
def gendered_nouns() -> dict[str, str]:
    """Nouns of a person's role or relation that say their gender ("spokeswoman" -> f)."""
    return {row[0]: row[1] for row in _lines("gendered_nouns.txt")}


@cache
def pronouns() -> dict[str, tuple[str, frozenset[str]]]:
    """Pronoun -> (gender m, f or -, the speaker types it may stand for)."""
    return {row[0]: (row[1], frozenset(row[2].split(","))) for row in _lines("pronouns.txt")}


@cache
def forecast_verbs() -> frozenset[str]:
    """Verbs whose subject states the figure in what follows ("BA expects a 3% rise")."""
    return frozenset(row[0] for row in _lines("forecast_verbs.txt"))
