"""The one format of the vocabularies, checked row by row, and the rows added at run time.

A vocabulary is a file `<name>.txt` in this folder: one row per line, its cells separated by "|" (a
cell may hold several words), lines starting with "#" are comments. `VOCABULARIES` declares each
file's columns; a row that does not fit stops the run with an error naming the file and the line.
`extend` adds checked rows at run time and recomputes what is `derived` from vocabularies.
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
    "cue_verbs": Columns(
        (_text,),
        (_words_of("indirect", "directive", "characterising", "attributing", "objectless"),),
        about="lemma [| indirect directive characterising attributing objectless]",
    ),
    "currencies": Columns((_text, _text, _text), about="mark or word | ISO code | unit as reported"),
    "currency_marks": _WORD,
    "currency_names": Columns((_text, _text), rest=_text, about="ISO code | English name | other names..."),
    "dateline_words": _WORD,
    "demand_modals": _WORD,
    "demonyms": Columns((_text, _text), about="place | adjective"),
    "descriptors": Columns(
        (_text, _one_of(*_SPEAKER_TYPES)),
        (_words_of("specific", "business", "public"),),
        about="noun | speaker type [| specific business public]",
    ),
    "figure_words": Columns((_text, _one_of("noun", "published", "verb")), about="word | noun, published or verb"),
    "forecast_verbs": _WORD,
    "hearsay_verbs": _WORD,
    "fraction_words": Columns((_text, _fraction), about="word | fraction"),
    "gendered_nouns": Columns((_text, _one_of("m", "f")), about="noun | m or f"),
    "group_words": _WORD,
    "honorifics": Columns((_text, _one_of("m", "f", "x")), about="honorific | m, f or x"),
    "invariant_nouns": _WORD,
    "lead_offices": Columns((_text,), (_words_of("party", "seat", "lead"),), about="office [| party seat lead]"),
    "leading_roles": Columns((_text, _text), rest=_text, about="noun | a role it may stand for | more roles..."),
    "label_nouns": Columns((_text,), (_words_of("always"),), about="noun [| always]"),
    "modal_verbs": _WORD,
    "name_suffixes": Columns((_text,), (_words_of("generation"),), about="word [| generation]"),
    "naming_words": Columns((_text, _one_of("verb", "noun")), about="word | verb or noun"),
    "months": Columns((_text, _integer), about="name | month number"),
    "non_speakers": Columns((_text,), (_one_of("negative"),), about="word [| negative]"),
    "number_idioms": _WORD,
    "number_words": Columns((_text, _integer), (_words_of("scale"),), about="word | value [| scale]"),
    "org_aliases": Columns((_text,), rest=_text, about="canonical name | other names..."),
    "other_office_words": _WORD,
    "person_epithets": Columns(
        (_text, _one_of("m", "f", "-")), (_words_of("counted"),), about="noun | m, f or - [| counted]"
    ),
    "pronouns": Columns(
        (_text, _one_of("m", "f", "-"), _words_of(*_SPEAKER_TYPES, sep=",")),
        about="pronoun | m, f or - | speaker types, comma-separated",
    ),  # fmt: skip
    "rate_periods": Columns((_text,), (_words_of("written"),), about="period [| written]"),
    "rate_adverbs": Columns((_text, _text), about="adverb | period"),
    "recordings": _WORD,
    "same_people": Columns((_text, _text), rest=_text, about="noun | nouns for the same people..."),
    "body_epithets": Columns((_text, _text), rest=_text, about="epithet | nouns of the names it stands for..."),
    "role_forms": Columns((_text, _text), about="form | the role it stands for"),
    "role_nouns": _WORD,
    "scale_abbreviations": Columns((_text, _number), about="abbreviation | multiplier"),
    "set_phrases": _WORD,
    "speech_occasions": _WORD,
    "stance_nouns": _WORD,
    "street_words": _WORD,
    "subunits": Columns((_text, _text), about="subunit | the currencies counted in it"),
    "time_units": _WORD,
    "times_words": Columns((_text, _integer), about="word | how many times"),
    "titles": _WORD,
    "totals_of": Columns((_text, _text), about="noun | what it counts"),
    "unit_names": Columns((_text,), rest=_text, about="canonical unit | other names..."),
    "unspoken_markers": Columns(
        (_text, _one_of("modal", "condition", "withholding")), about="word | modal, condition or withholding"
    ),
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
    problem: str | None
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
    path = resources.files(__package__ or "pipeline.resources").joinpath(f"{name}.txt")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = _row(name, line, f"pipeline/resources/{name}.txt, line {number}")
        if cells is not None:
            rows.append(tuple(cells))
    return tuple(rows)


def rows(name: str) -> list[tuple[str, ...]]:
    """The rows of a vocabulary: its file's, then those added at run time."""
    added = [tuple(_row(name, line, f"{name}, added row") or ()) for line in _ADDED.get(name, [])]
    return [*_packaged(name), *added]


def check_all() -> None:
    """Read every vocabulary once (the tests call this): a bad row is an error now, not mid-run."""
    for name in VOCABULARIES:
        _packaged(name)


def extend(name: str, lines: Iterable[str]) -> None:
    """Add rows to a vocabulary for this process ("opine", "leagues | league"), checked as the
    file's rows are; what the rules compute from vocabularies is computed again."""
    if name not in VOCABULARIES:
        raise VocabularyError(f"no vocabulary {name!r}; there are: {', '.join(sorted(VOCABULARIES))}")
    lines = list(lines)
    for n, line in enumerate(lines, 1):
        _row(name, line, f"{name}, added row {n}")
    added = _ADDED.setdefault(name, [])
    added += [line.strip() for line in lines if line.strip() not in added]
    for cached in _DERIVED:
        cached.cache_clear()


def additions() -> dict[str, list[str]]:
    """The rows added with `extend`, by vocabulary (what a saved pipeline carries)."""
    return {name: list(rows) for name, rows in _ADDED.items() if rows}


def restore(saved: dict[str, list[str]]) -> None:
    """Add rows saved by `additions` (rows already there are not added twice)."""
    for name, rows in saved.items():
        extend(name, rows)


def forget_additions() -> None:
    """Take back every row added with `extend` (the packaged files' rows stay)."""
    _ADDED.clear()
    for cached in _DERIVED:
        cached.cache_clear()


def flagged(row: tuple[str, ...], at: int, flag: str) -> bool:
    """Whether cell `at` of a row (a cell of flags, such as `indirect`) holds `flag`."""
    return len(row) > at and flag in row[at].split()


def fraction_value(cell: str) -> float:
    return float(Fraction(cell))
