"""Numbers as written: the Quantity record the scanners make, and the value of number words
("two hundred and fifty") and digits ("1,520", "10 1/2")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from ... import resources
from ...records import Approx, ClaimKind

Value = float | int | str | tuple[float | int | str, float | int | str]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: Value
    kind: ClaimKind
    unit: str | None = None
    approx: Approx = "="
    scale: float = 1  # the multiplier written after the number ("billion"), already in `value`
    normalized: str | None = None  # the unit's canonical name (units.normalized_unit), rate left out
    per: str | None = None  # what a rate is counted per: "week" in "£5 a week"
    change: str | None = None  # "from" or "to": one end of a change ("rose from 10 to 12")


def parse_number(words: list[str]) -> tuple[float | int, int] | None:
    """Value of number words ("twenty-one", "two hundred and fifty", "a dozen") and how many words it used."""
    table = resources.number_words()
    total = current = 0
    used = 0
    last = ""  # "unit", "teen", "tens", "scale", "and"
    for word in words:
        word = word.lower()
        if word == "a" and used == 0:
            used, last = 1, "a"
            current = 1
            continue
        if word == "and" and last == "scale":
            used, last = used + 1, "and"
            continue
        if word not in table:
            break
        value, is_scale = table[word]
        if is_scale:
            if last in ("", "scale") and used == 0:
                break
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
            last = "scale"
        elif value == 12 and word == "dozen":
            current = max(current, 1) * 12
            last = "scale"
        else:
            kind = "tens" if value >= 20 else "unit"
            if last in ("unit", "tens") and not (last == "tens" and value < 10):
                break
            current += value
            last = kind
        used += 1
    if last in ("", "a", "and"):
        return None
    return total + current, used


def number_value(text: str) -> float | int:
    """ "1,520" -> 1520, "2.5" -> 2.5, a mixed number "10 1/2" -> 10.5."""
    whole, _, fraction = text.replace(",", "").partition(" ")
    value = float(whole)
    if fraction:
        numerator, denominator = fraction.split("/")
        value += int(numerator) / int(denominator)
    return int(value) if value.is_integer() and "." not in text and not fraction else value


def whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def count_of(word: str) -> tuple[float | int, int] | None:
    return (int(word), 1) if word.isdigit() else parse_number([word])


def scale_factor(written: str | None) -> float:
    """ "billion" -> 1e9, "bn" -> 1e9, "hundred million" -> 1e8."""
    factor = 1.0
    for word in (written or "").lower().split():
        factor *= resources.scale_abbreviations().get(word) or resources.number_words()[word][0]
    return factor


def approximators() -> dict[str, Approx]:
    """resources.approximators, typed as the records' approximations."""
    return cast(dict[str, Approx], resources.approximators())


def change_words() -> dict[str, Approx]:
    """resources.change_words: "rose" -> up, "cut" -> down."""
    return cast(dict[str, Approx], resources.change_words())
