"""One canonical name per unit (`unit_normalized`), so claims can be grouped across articles.

Data in resources/: units.txt (measures), currencies.txt and currency_names.txt (money, ISO 4217).
Pure functions, no parse: the numbers stage passes the counted noun's lemma where it found one.
"""

from __future__ import annotations

from .. import resources
from ..records import ClaimKind

# Kinds that place a claim in time or order: they have no unit to compare.
_NO_UNIT: frozenset[str] = frozenset({"year", "year_range", "date", "ordinal"})


def currency(written: str) -> tuple[str, str] | None:
    """(ISO 4217 code, unit as reported) of a currency mark or word ("C$" -> CAD), or None."""
    table = resources.currencies()
    written = " ".join(written.lower().split())
    return table.get(written) or table.get(written.replace(" ", ""))


def measure(written: str) -> str | None:
    """Canonical name of a unit of measure as written ("m.p.h." -> "mile per hour"), or None."""
    return resources.units().get(" ".join(written.lower().split()))


def singular(word: str) -> str:
    """A counted noun's singular by spelling, for when the parse gives none ("charities" -> "charity")."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalized_unit(kind: ClaimKind, unit: str | None, per: str | None = None, lemma: str | None = None) -> str | None:
    """The canonical unit of a claim: an ISO 4217 code for money, "percent", a measure's name, or
    for a count the counted noun's singular ("charging stations" -> "charging station"); a rate
    as "X per Y" ("£5 a week" -> "GBP per week")."""
    if kind in _NO_UNIT:
        return None
    base: str | None
    if kind == "percent":
        base = "percentage point" if unit and "point" in unit else "percent"
    elif kind == "money":
        found = currency(unit or "")
        base = found[0] if found else None
    elif unit is None:
        base = None
    elif kind == "measure":
        base = measure(unit) or measure(singular(unit.lower())) or unit.lower()
    else:
        words = unit.lower().split()
        base = " ".join(words[:-1] + [lemma.lower() if lemma else singular(words[-1])]) if words else None
    if base is None:
        return None
    return f"{base} per {per}" if per else base


def unit_names(normalized: str | None) -> set[str]:
    """Every name the canonical unit goes by ("GBP per week" -> also "pound sterling per week",
    "pound per week"): what a scorer may compare a gold unit with."""
    if not normalized:
        return set()
    base, _, per = normalized.partition(" per ")
    names = {base, *resources.currency_names().get(base, ())}
    return {f"{n} per {per}" if per else n for n in names}
