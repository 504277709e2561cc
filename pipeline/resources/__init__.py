"""Word lists the rules read: data, not code, so a newsroom can extend them without touching logic.

One format for every file here: one row per line, its cells separated by "|" (a cell may hold
several words), lines starting with "#" are comments. `VOCABULARIES` declares each file's columns,
and a row that does not fit (a missing cell, a number that is not one, a flag nobody reads, such as
`add | indirct`) stops the run with an error naming the file and the line.

`extend(name, rows)` adds rows at run time, checked the same way; everything computed from a
vocabulary (the accessors below, and the patterns other modules build with `@derived`) is computed
again. `additions()` is what was added: the pipeline's components save it with the pipeline
(`nlp.to_disk`) and `restore` it when it is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any, TypeVar


class VocabularyError(ValueError):
    """A row of a vocabulary that does not fit its columns: says which file, which line, and why."""


def _text(cell: str) -> str | None:
    return None if cell else "an empty cell"


def _integer(cell: str) -> str | None:
    return None if re.fullmatch(r"-?\d+", cell) else f"{cell!r} is not a whole number"


def _number(cell: str) -> str | None:
    try:
        float(cell)
    except ValueError:
        return f"{cell!r} is not a number"
    return None


def _fraction(cell: str) -> str | None:
    return None if re.fullmatch(r"\d+/\d+", cell) else f"{cell!r} is not a fraction such as 1/3"


def _one_of(*allowed: str) -> Callable[[str], str | None]:
    def check(cell: str) -> str | None:
        return None if cell in allowed else f"{cell!r} is not one of {', '.join(allowed)}"

    return check


def _words_of(*allowed: str, sep: str | None = None) -> Callable[[str], str | None]:
    """A cell of several words (split on `sep`, else on spaces), each one of `allowed`."""

    def check(cell: str) -> str | None:
        wrong = [w for w in cell.split(sep) if w.strip() not in allowed]
        return f"{', '.join(map(repr, wrong))} not one of {', '.join(allowed)}" if wrong or not cell else None

    return check


@dataclass(frozen=True)
class Columns:
    """What the rows of a vocabulary hold: the cells every row has, the ones it may add after them,
    and what any further cell must be (None: no more cells)."""

    required: tuple[Callable[[str], str | None], ...]
    optional: tuple[Callable[[str], str | None], ...] = ()
    rest: Callable[[str], str | None] | None = None
    about: str = ""


_WORD = Columns((_text,), about="one word or phrase")
_SPEAKER_TYPES = ("PERSON", "ORG", "GROUP", "DOCUMENT")
VOCABULARIES: dict[str, Columns] = {
    "approximators": Columns((_text, _one_of(">", ">=", "<", "<=", "~")), about="phrase | > >= < <= or ~"),
    "authoring_verbs": _WORD,
    "change_words": Columns((_text, _one_of("up", "down")), about="word | up or down"),
    "count_adjectives": _WORD,
    "cue_verbs": Columns((_text,), (_words_of("indirect"),), about="lemma [| indirect]"),
    "currencies": Columns((_text, _text, _text), about="mark or word | ISO code | unit as reported"),
    "currency_marks": _WORD,
    "currency_names": Columns((_text, _text), rest=_text, about="ISO code | English name | other names..."),
    "dateline_words": _WORD,
    "descriptors": Columns((_text, _one_of(*_SPEAKER_TYPES)), about="noun | speaker type"),
    "forecast_verbs": _WORD,
    "fraction_words": Columns((_text, _fraction), about="word | fraction"),
    "gendered_nouns": Columns((_text, _one_of("m", "f")), about="noun | m or f"),
    "group_words": _WORD,
    "honorifics": Columns((_text, _one_of("m", "f", "x")), about="honorific | m, f or x"),
    "invariant_nouns": _WORD,
    "label_nouns": Columns((_text,), (_words_of("always"),), about="noun [| always]"),
    "modal_verbs": _WORD,
    "months": Columns((_text, _integer), about="name | month number"),
    "non_speakers": _WORD,
    "number_words": Columns((_text, _integer), (_words_of("scale"),), about="word | value [| scale]"),
    "other_office_words": _WORD,
    "pronouns": Columns(
        (_text, _one_of("m", "f", "-"), _words_of(*_SPEAKER_TYPES, sep=",")),
        about="pronoun | m, f or - | speaker types, comma-separated",
    ),  # fmt: skip
    "rate_periods": Columns((_text,), (_words_of("written"),), about="period [| written]"),
    "rate_adverbs": Columns((_text, _text), about="adverb | period"),
    "role_nouns": _WORD,
    "scale_abbreviations": Columns((_text, _number), about="abbreviation | multiplier"),
    "street_words": _WORD,
    "subunits": Columns((_text, _text), about="subunit | the currencies counted in it"),
    "time_units": _WORD,
    "titles": _WORD,
    "totals_of": Columns((_text, _text), about="noun | what it counts"),
    "unit_names": Columns((_text,), rest=_text, about="canonical unit | other names..."),
    "units": Columns((_text, _text), about="unit as written | canonical name"),
    "vague_numbers": Columns(
        (_text, _integer, _words_of("base", "multiplier")), about="word | value | base multiplier"
    ),
    "vulgar_fractions": Columns((_text, _fraction), about="character | fraction"),
    "weight_words": _WORD,
}
_ADDED: dict[str, list[str]] = {}
_DERIVED: list[Any] = []
F = TypeVar("F", bound=Callable[..., Any])


def derived(function: F) -> F:
    """`functools.cache` for anything computed from a vocabulary: computed again after `extend`."""
    cached = cache(function)
    _DERIVED.append(cached)
    return cached  # type: ignore[return-value]


def _row(name: str, line: str, where: str) -> list[str] | None:
    """The cells of one line of a vocabulary, checked against its columns; None for a comment."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    cells = [cell.strip() for cell in line.split("|")]
    columns = VOCABULARIES[name]
    most = None if columns.rest else len(columns.required) + len(columns.optional)
    problem = None
    if len(cells) < len(columns.required) or (most is not None and len(cells) > most):
        problem = f"{len(cells)} cells, expected: {columns.about}"
    else:
        checks = [*columns.required, *columns.optional, *([columns.rest] * len(cells))][: len(cells)]
        problem = next((p for cell, check in zip(cells, checks, strict=True) if check and (p := check(cell))), None)
    if problem:
        raise VocabularyError(f"{where}: {problem} (in {line!r}; rows are: {columns.about})")
    return cells


@cache
def _packaged(name: str) -> tuple[tuple[str, ...], ...]:
    path = resources.files(__package__).joinpath(f"{name}.txt")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = _row(name, line, f"pipeline/resources/{name}.txt, line {number}")
        if cells is not None:
            rows.append(tuple(cells))
    return tuple(rows)


def _rows(name: str) -> list[tuple[str, ...]]:
    """The rows of a vocabulary: its file's, then those added at run time."""
    added = [tuple(_row(name, line, f"{name}, added row") or ()) for line in _ADDED.get(name, [])]
    return [*_packaged(name), *added]


def check_all() -> None:
    """Read every vocabulary once (the tests call this): a bad row is an error now, not mid-run."""
    for name in VOCABULARIES:
        _packaged(name)


def extend(name: str, rows: Iterable[str]) -> None:
    """Add rows to a vocabulary for this process ("opine", "leagues | league"), checked as the
    file's rows are; what the rules compute from vocabularies is computed again."""
    if name not in VOCABULARIES:
        raise VocabularyError(f"no vocabulary {name!r}; there are: {', '.join(sorted(VOCABULARIES))}")
    rows = list(rows)
    for n, line in enumerate(rows, 1):
        _row(name, line, f"{name}, added row {n}")
    added = _ADDED.setdefault(name, [])
    added += [line.strip() for line in rows if line.strip() not in added]
    for cached in _DERIVED:
        cached.cache_clear()


def additions() -> dict[str, list[str]]:
    """The rows added with `extend`, by vocabulary (what a saved pipeline carries)."""
    return {name: list(rows) for name, rows in _ADDED.items() if rows}


def restore(saved: dict[str, list[str]]) -> None:
    """Add rows saved by `additions` (rows already there are not added twice)."""
    for name, rows in saved.items():
        extend(name, rows)


def _flagged(row: tuple[str, ...], at: int, flag: str) -> bool:
    return len(row) > at and flag in row[at].split()


def _fraction_value(cell: str) -> float:
    return float(Fraction(cell))


@derived
def cue_verbs() -> frozenset[str]:
    """Lemmas of verbs that attribute speech ("said", "warned", "found")."""
    return frozenset(row[0] for row in _rows("cue_verbs"))


@derived
def indirect_cue_verbs() -> frozenset[str]:
    """Cue lemmas that also introduce reported speech through a clause ("warned that ...")."""
    return frozenset(row[0] for row in _rows("cue_verbs") if _flagged(row, 1, "indirect"))


@derived
def titles() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("titles"))


@derived
def honorifics() -> dict[str, str]:
    """Honorific -> gender it signals: m, f or x (unknown)."""
    return {row[0]: row[1] for row in _rows("honorifics")}


@derived
def descriptors() -> dict[str, str]:
    """Common nouns standing for a speaker -> the speaker type they imply."""
    return {row[0]: row[1] for row in _rows("descriptors")}


@derived
def number_words() -> dict[str, tuple[int, bool]]:
    """Number word -> (value, is_scale)."""
    return {row[0]: (int(row[1]), _flagged(row, 2, "scale")) for row in _rows("number_words")}


@derived
def units() -> dict[str, str]:
    """Unit of measure as written, lower case ("mph", "square feet") -> its canonical name."""
    return {row[0]: row[1] for row in _rows("units")}


@derived
def currencies() -> dict[str, tuple[str, str]]:
    """Currency mark or word, lower case ("£", "c$", "euros") -> (ISO 4217 code, unit as reported)."""
    return {row[0]: (row[1], row[2]) for row in _rows("currencies")}


@derived
def currency_names() -> dict[str, tuple[str, ...]]:
    """ISO 4217 code -> its English name first, then the other names it goes by."""
    return {row[0]: tuple(row[1:]) for row in _rows("currency_names")}


@derived
def unit_names() -> dict[str, tuple[str, ...]]:
    """Canonical unit (not money) -> other names it goes by ("year of age" -> "year", ...)."""
    return {row[0]: tuple(row[1:]) for row in _rows("unit_names")}


@derived
def label_nouns() -> dict[str, bool]:
    """Nouns a number after them labels rather than counts ("Article 50", "Category 4") -> whether
    even a plural after the number leaves it a label (index names: "S&P 500 futures")."""
    return {row[0]: _flagged(row, 1, "always") for row in _rows("label_nouns")}


@derived
def dateline_words() -> frozenset[str]:
    """Words of a dateline besides its date: weekdays, "updated", time zones."""
    return frozenset(row[0] for row in _rows("dateline_words"))


@derived
def non_speakers() -> frozenset[str]:
    """Pronouns that stand where a speaker would but name nobody ("no-one", "everyone")."""
    return frozenset(row[0] for row in _rows("non_speakers"))


@derived
def role_nouns() -> frozenset[str]:
    """Nouns for a person in a role ("spokesman", "minister"): the titles and role_nouns.txt."""
    return titles() | frozenset(row[0].lower() for row in _rows("role_nouns"))


@derived
def months() -> dict[str, int]:
    """Month name or abbreviation -> month number."""
    return {row[0]: int(row[1]) for row in _rows("months")}


@derived
def rate_periods() -> dict[str, bool]:
    """What a rate is counted per ("year", "barrel") -> whether the number scanner takes it along."""
    return {row[0]: _flagged(row, 1, "written") for row in _rows("rate_periods")}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so "sept" is tried before "sep")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@derived
def currency_marks() -> tuple[str, ...]:
    """Currency symbols and codes as written before a number, case kept ("US$", "£", "GBP", "Rs.")."""
    return tuple(row[0] for row in _rows("currency_marks"))


@derived
def scale_abbreviations() -> dict[str, float]:
    """Scale letters after a number ("bn", "m", "k") -> what they multiply by."""
    return {row[0]: float(row[1]) for row in _rows("scale_abbreviations")}


def scale_words() -> list[str]:
    """The number words that multiply what stands before them ("hundred", "million")."""
    return [word for word, (_, is_scale) in number_words().items() if is_scale]


@derived
def authoring_verbs() -> frozenset[str]:
    """Lemmas of verbs that name who is behind a document ("commissioned the survey")."""
    return frozenset(row[0] for row in _rows("authoring_verbs"))


@derived
def weight_words() -> frozenset[str]:
    """Lemmas that make "pounds" in their sentence a weight ("lost 25 pounds")."""
    return frozenset(row[0] for row in _rows("weight_words"))


@derived
def time_units() -> frozenset[str]:
    """Canonical names of the units of time in units.txt ("year", "hour")."""
    return frozenset(row[0] for row in _rows("time_units"))


@derived
def count_adjectives() -> frozenset[str]:
    """Adjectives before a counted noun that say how many more or how much they matter ("further",
    "key"): not part of what is counted."""
    return frozenset(row[0] for row in _rows("count_adjectives"))


@derived
def totals_of() -> dict[str, str]:
    """A noun whose figure counts something it does not name ("waiting list", "population") -> what
    that is, as written ("people")."""
    return {row[0]: row[1] for row in _rows("totals_of")}


@derived
def invariant_nouns() -> frozenset[str]:
    """Nouns whose plural is their singular ("aircraft", "sheep")."""
    return frozenset(row[0] for row in _rows("invariant_nouns"))


@derived
def rate_adverbs() -> dict[str, str]:
    """An adverb that makes a number a rate ("annually") -> what it is counted per ("year")."""
    return {row[0]: row[1] for row in _rows("rate_adverbs")}


@derived
def gendered_nouns() -> dict[str, str]:
    """Nouns of a person's role or relation that say their gender ("spokeswoman" -> f)."""
    return {row[0]: row[1] for row in _rows("gendered_nouns")}


@derived
def pronouns() -> dict[str, tuple[str, frozenset[str]]]:
    """Pronoun -> (gender m, f or -, the speaker types it may stand for)."""
    return {row[0]: (row[1], frozenset(row[2].split(","))) for row in _rows("pronouns")}


@derived
def forecast_verbs() -> frozenset[str]:
    """Verbs whose subject states the figure in what follows ("BA expects a 3% rise")."""
    return frozenset(row[0] for row in _rows("forecast_verbs"))


@derived
def approximators() -> dict[str, str]:
    """Words before a number that say it is not exact ("more than", "about") -> >, >=, <, <= or ~."""
    return {row[0]: row[1] for row in _rows("approximators")}


@derived
def change_words() -> dict[str, str]:
    """Words before a figure that make it a change ("rose", "cut") -> up or down."""
    return {row[0]: row[1] for row in _rows("change_words")}


@derived
def fraction_words() -> dict[str, float]:
    """Words for a part of a whole ("third", "quarters") -> the part (1/3, 1/4)."""
    return {row[0]: _fraction_value(row[1]) for row in _rows("fraction_words")}


@derived
def vulgar_fractions() -> dict[str, float]:
    """Fraction characters ("½") -> their value."""
    return {row[0]: _fraction_value(row[1]) for row in _rows("vulgar_fractions")}


@derived
def vague_numbers() -> tuple[dict[str, int], dict[str, int]]:
    """Vague plurals ("thousands") -> the base of their range; and the words that multiply a base
    after "of" ("tens" of millions) -> by how much."""
    rows = _rows("vague_numbers")
    bases = {row[0]: int(row[1]) for row in rows if _flagged(row, 2, "base")}
    return bases, {row[0]: int(row[1]) for row in rows if _flagged(row, 2, "multiplier")}


@derived
def subunits() -> dict[str, frozenset[str]]:
    """A currency's hundredth part ("cent", "GBX") -> the currencies counted in it."""
    return {row[0]: frozenset(row[1].split()) for row in _rows("subunits")}


@derived
def modal_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("modal_verbs"))


@derived
def street_words() -> frozenset[str]:
    """Words that end a street name ("road", "st")."""
    return frozenset(row[0] for row in _rows("street_words"))


@derived
def group_words() -> frozenset[str]:
    """Words that head a phrase describing a group, not one speaker ("those who said", "half of them")."""
    return frozenset(row[0] for row in _rows("group_words"))


@derived
def other_office_words() -> frozenset[str]:
    """Words that make a title another office than its role noun ("former", "shadow", "deputy")."""
    return frozenset(row[0] for row in _rows("other_office_words"))
