"""One canonical name per unit (`unit_normalized`), so claims can be grouped across articles.

Data in resources/: units.txt (measures), currencies.txt and currency_names.txt (money, ISO 4217).
Pure functions, no parse: the numbers stage passes the counted noun's lemma where it found one.
"""

from __future__ import annotations

from .. import resources


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


def counted_unit(unit: str, lemma: str | None = None) -> str:
    """One name for what a count counts: the counted noun's singular, its modifiers kept ("charging
    stations" -> "charging station"). Money, per cent and measures get theirs from their tables."""
    words = unit.lower().split()
    return " ".join(words[:-1] + [lemma.lower() if lemma else singular(words[-1])])


def unit_names(normalized: str | None) -> set[str]:
    """Every name the canonical unit goes by ("GBP per week" -> also "pound sterling per week",
    "pound per week"): what a scorer may compare a gold unit with."""
    if not normalized:
        return set()
    base, _, per = normalized.partition(" per ")
    names = {base, *resources.currency_names().get(base, ()), *resources.unit_names().get(base, ())}
    return {f"{n} per {per}" if per else n for n in names}
