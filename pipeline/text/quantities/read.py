"""Each kind of number read on its own: a number with its currency, scale, unit or rate
(`value_of`), fractions, vague plurals ("thousands of"), "-fold", dates, and the approximation or
change written before it (`with_approx`)."""

from __future__ import annotations

import re
from dataclasses import replace

from ... import resources
from ...records import ClaimKind
from .. import units
from ..front_matter import parse_date
from .numbers import Quantity, approximators, change_words, count_of, number_value, parse_number, scale_factor, whole
from .patterns import (
    A_SCALE_WORD,
    date_pattern,
    fold_pattern,
    fraction_pattern,
    hedge_before,
    times_pattern,
    vague_pattern,
)

# "m" after a number is millions ("5m people"), but metres before a word of size: "1.8m tall".
_METRES_AFTER = re.compile(r"\s+(?:tall|long|high|wide|deep|away|below|above|across|in (?:diameter|length|height))\b")
# A scale word after a fraction makes the two one number: "half a million", "a quarter of a billion".
_SCALE_NEXT = re.compile(rf"\s+(?:of\s+)?{A_SCALE_WORD}", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\b")
# Marks that stand for a currency only before a number written with at least three digits, a
# decimal or a comma: "PS5" is a games console and "Y2K" a year, "PS2.7m" and "Y28,030" money.
_WEAK_MARKS = frozenset({"ps", "y"})


def value_of(match: re.Match[str]) -> Quantity | None:
    """The quantity one number match stands for (offsets, value, kind, unit), or None when it
    does not read as a number."""
    g = match.groupdict()
    if g["digits"]:
        value: float | int = number_value(re.sub(r"^(?:−|minus[\s-])", "-", g["digits"]))
    else:
        words = re.split(r"[\s-]+", g["words"])
        parsed = parse_number(words)
        if g["share"] and words[-1].lower() in resources.number_words():  # "a quarter million"
            parsed = (resources.number_words()[words[-1].lower()][0], len(words))
        if parsed is None or parsed[1] < len(words):
            return None  # not one number ("one two"): better missed than misread
        value = parsed[0]
        if g["share"]:  # "half a million": the share of the scale word
            count = (1, 1) if (g["share_count"] or "a").lower() == "a" else count_of(g["share_count"])
            value = whole(value * (count[0] if count else 1) * resources.fraction_words()[g["share_part"].lower()])
    if (g["scale"] or "").lower() == "m" and not g["currency"] and _METRES_AFTER.match(match.string, match.end()):
        return Quantity(match.start("digits"), match.end(), value, "measure", "m", normalized=units.measure("m"))
    factor = scale_factor(g["scale"])
    if factor != 1:
        value = whole(value * factor)
    start = (
        match.start("currency")
        if g["currency"]
        else match.start("digits" if g["digits"] else "share" if g["share"] else "words")
    )
    per = (g["per"] or g["per_noun"] or "").lower() or resources.rate_adverbs().get((g["adverb"] or "").lower())
    q = Quantity(start, match.end(), value, "count", scale=factor, per=per)  # "a week", "per graduate", "annually"
    found = unit_of(g)
    if found is None:
        return None
    kind, unit, normalized = found
    if kind == "count" and g["rate"]:
        kind, unit, normalized = "count", None, None  # "3 a day": the rate waits for its counted noun
    return replace(q, kind=kind, unit=unit, normalized=normalized)


def unit_of(g: dict[str, str | None]) -> tuple[ClaimKind, str | None, str | None] | None:
    """(kind, unit as reported, canonical unit) from the words around a number, None to drop it."""
    mark = re.sub(r"\s", "", g["currency"] or "") or (g["money"] or "").strip()
    if mark:
        weak = mark.lower().rstrip("=") in _WEAK_MARKS and not mark.endswith("=")
        digits = g["digits"] or ""
        written_out = len(digits) >= 3 or "," in digits or "." in digits or (g["scale"] or "x")[0].isspace()
        if weak and (g["attached"] or not written_out):
            return None
        code, unit = units.currency(mark) or ("", mark.lower())
        return "money", unit, code or None
    if g["percent"]:
        points = "point" in g["percent"].lower()
        return "percent", "percentage points" if points else "percent", "percentage point" if points else "percent"
    if g["aged"]:
        age = (g["age"] or g["age_of"] or "year").lower()
        return "measure", f"{age}-old" if age != "year" else "year-old", f"{age} of age"
    if g["attached"]:
        unit = g["attached"]
        if unit.lower() in ("st", "nd", "rd", "th"):
            return "ordinal", None, None
        if unit.lower() == "p":
            return "money", "pence", "GBX"  # "164p": pence sterling
        name = units.measure(re.sub(r"^(?:°|deg\.?)\s?", "deg ", unit).strip())
        return ("measure", unit, name) if name else None
    title_case = re.fullmatch(r"(?!Celsius|Fahrenheit|Centigrade)[A-Z][a-z]{2,}", (g["spaced"] or "").strip(" -"))
    if g["spaced"] and not title_case:  # "in 2016 Stone said" is a name
        unit = g["spaced"].strip(" -")
        return "measure", unit, units.measure(unit)
    if g["digits"] and re.fullmatch(r"1[89]\d\d|20\d\d", g["digits"]) and not g["rate"]:
        return "year", None, None
    return "count", None, None


def fractions(text: str) -> list[Quantity]:
    found = []
    for m in fraction_pattern().finditer(text):
        value: float
        if m.group("vulgar"):
            whole = int(m.group("whole") or 0)
            value = whole + resources.vulgar_fractions()[m.group("vulgar")]
            found.append(Quantity(m.start(), m.end(), round(value, 4), "count" if whole else "fraction"))
            continue
        if m.group("num"):
            if int(m.group("num")) >= int(m.group("den")):
                continue  # "24/7" is not a fraction
            value = int(m.group("num")) / int(m.group("den"))
        elif m.group("half"):
            value = 0.5
        elif m.group("part"):
            part, count_word = m.group("part").lower(), m.group("count").lower()
            if count_word in ("a", "one") and not part.endswith("s") and part != "half" and not m.group("of"):
                if re.match(r"\s+[a-z]", text[m.end() :]):
                    continue  # "a third quarter", "a fifth term": an ordinal before its noun
            count = (1, 1) if count_word == "a" else count_of(count_word)
            value = (count[0] if count else 1) * resources.fraction_words()[part]
        else:
            one, every = count_of(m.group("one")), count_of(m.group("every"))
            if not one or not every or not 0 < one[0] < every[0] <= 1000:
                continue  # "3 in 2020" is a date, not a ratio
            if m.group("one")[0].isupper() and re.search(
                r"[A-Z][\w.'’-]*\s+$", text[max(0, m.start() - 30) : m.start()]
            ):
                continue  # "Uranium One in three deals": a name's number
            value = one[0] / every[0]
        end = m.end("part") if m.group("part") else m.end()
        if _SCALE_NEXT.match(text, end):
            continue  # "half a million": one number, read by the number pattern
        found.append(Quantity(m.start(), end, round(value, 4), "fraction"))
    return found


def vague(text: str) -> list[Quantity]:
    """ "thousands of", "tens of millions of dollars", "dozens": a range from the scale to ten times it."""
    found = []
    for m in vague_pattern().finditer(text):
        if m.group("multiplier") and m.group("multiplier").lower() == m.group("base").lower():
            continue
        bases, multipliers = resources.vague_numbers()
        low = bases[m.group("base").lower()] * multipliers.get((m.group("multiplier") or "").lower(), 1)
        money = units.currency(m.group("money")) if m.group("money") else None
        if money is not None:  # "tens of millions of dollars"
            found.append(Quantity(m.start(), m.end(), (low, low * 10), "money", money[1], "~", normalized=money[0]))
        else:
            found.append(Quantity(m.start(), m.end(), (low, low * 10), "count", approx="~"))
    return found


def folds(text: str) -> list[Quantity]:
    """ "sixfold", "a 10-fold rise": how many times over."""
    found = []
    for m in fold_pattern().finditer(text):
        times = count_of(m.group("times")) if not re.search(r"\.", m.group("times")) else (float(m.group("times")), 1)
        if times:
            found.append(Quantity(m.start(), m.end(), times[0], "count", unit="fold", normalized="times"))
    return found


def times_said(text: str) -> list[Quantity]:
    """ "scored twice", "met just once", "once a week": how many times, a count of times. A bare
    "once" is not one ("once the talks end", "a once-great club"), nor "twice as fast" (a ratio)."""
    found = []
    for m in times_pattern().finditer(text):
        word = m.group("word").lower()
        if word == "once" and not (m.group("limit") or m.group("per")):
            continue
        if _AS_AFTER.match(text, m.end()):
            continue  # "twice as fast": a comparison, no count of times
        per = m.group("per").lower() if m.group("per") else None
        start = m.start("word")
        found.append(
            Quantity(start, m.end(), resources.times_words()[word], "count", "times", normalized="times", per=per)
        )
    return found


def dates(text: str) -> list[Quantity]:
    found = []
    for m in date_pattern().finditer(text):
        if m.group("numeric"):
            iso = parse_date(m.group("numeric"))
            if iso:
                found.append(Quantity(m.start(), m.end(), iso, "date"))
            continue
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        iso = parse_date(f"{day} {m.group('m1') or m.group('m2')} {year or 2000}")
        if iso and 1 <= day <= 31:
            found.append(Quantity(m.start(), m.end(), iso if year else "--" + iso[5:], "date"))
    return found


def with_approx(text: str, q: Quantity, match: re.Match[str] | None) -> Quantity:
    """The quantity with what the words before it say: "more than", "nearly", "rose"."""
    if match is not None and match.group("approx"):
        return replace(q, approx=approximators()[match.group("approx").lower()])
    if q.approx == "=" and (hedge := hedge_before().search(text, max(0, q.start - 24), q.start)):
        return replace(q, approx=approximators()[hedge.group(1).lower()])  # "nearly two-thirds", "about half"
    before = text[max(0, q.start - 20) : q.start].lower().split()
    if before and before[-1] == "by":
        before = before[:-1]
    if before and before[-1] in change_words() and not text[q.end : q.end + 5].lower().startswith(" from"):
        return replace(q, approx=change_words()[before[-1]])
    return q
