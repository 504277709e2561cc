"""Quantities in plain text: where a number is written, its normalised value, kind and unit.

Pure text functions (no parse): `scan_quantities(text)` and `parse_number(words)`. The numbers
stage adds what the parse knows: what is counted, what happened to it, who says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .. import resources
from ..records import Approx, ClaimKind
from .front_matter import parse_date

Value = float | int | str | tuple[float | int, float | int]

_MONTH_NAMES = resources.alternation(resources.months())
_FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "tenth": 0.1, "tenths": 0.1,
}  # fmt: skip
_APPROX: dict[str, Approx] = {
    "more than": ">", "over": ">", "above": ">", "greater than": ">", "higher than": ">", "in excess of": ">",
    "at least": ">=", "no fewer than": ">=", "no less than": ">=",
    "fewer than": "<", "less than": "<", "under": "<", "below": "<", "lower than": "<",
    "up to": "<=", "at most": "<=", "as many as": "<=", "as much as": "<=", "no more than": "<=",
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "nearly": "~", "almost": "~",
    "some": "~", "an estimated": "~", "estimated": "~", "close to": "~", "circa": "~", "just over": ">",
    "just under": "<",
}  # fmt: skip
_CHANGE: dict[str, Approx] = {
    "rose": "up", "risen": "up", "rise": "up", "rises": "up", "increased": "up", "increase": "up",
    "grew": "up", "grown": "up", "jumped": "up", "climbed": "up", "gained": "up", "up": "up", "soared": "up",
    "fell": "down", "fallen": "down", "falls": "down", "dropped": "down", "declined": "down",
    "decreased": "down", "down": "down", "lost": "down", "slipped": "down", "slumped": "down", "cut": "down",
}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: Value
    kind: ClaimKind
    unit: str | None = None
    approx: Approx = "="
    scale: float = 1  # the multiplier written after the number ("billion"), already in `value`


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


def _number(text: str) -> float | int:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() and "." not in text else value


@cache
def _currency_pattern() -> str:
    """Currency marks before a number, from resources/currency_marks.txt. Case-sensitive: "a $5 fee"
    is not Australian dollars; codes count only right before digits ("GBP 5", not "GBP rose")."""
    marks = resources.currency_marks()
    dollars = [m[:-1] for m in marks if m.endswith("$") and len(m) > 1]
    symbols = [m for m in marks if not m[0].isalpha() and m not in dollars]
    codes = [m for m in marks if m[0].isalpha() and not m.endswith("$")]
    return (
        rf"(?-i:\b(?:{resources.alternation(dollars)})\s?\$|{resources.alternation(symbols)}"
        rf"|\b(?:{resources.alternation(codes)})\s?(?=\d))"
    )


def _pattern() -> re.Pattern[str]:
    words = sorted(resources.number_words(), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    after_scale = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
    word_number = (
        rf"(?:a\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?{word}"
        rf"(?:[\s-]+{word}|{after_scale}\s+and\s+{word})*"
    )
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    approx = "|".join(sorted(map(re.escape, _APPROX), key=len, reverse=True))
    currency = _currency_pattern()
    # Units written apart from the number ("87 mph", "140 km/h"); one-letter ones are too ambiguous.
    spaced = "|".join(
        sorted((re.escape(u) for u in resources.units() if len(u) > 1 and u != "in"), key=len, reverse=True)
    )
    scales = resources.alternation(resources.scale_words())
    abbreviations = resources.alternation(resources.scale_abbreviations())
    periods = resources.alternation(p for p, written in resources.rate_periods().items() if written)
    return re.compile(
        rf"(?:(?P<approx>{approx})\s+)?"
        rf"(?P<currency>{currency})?\s?"
        rf"(?:(?P<digits>(?:(?<![\w.,])[-−]|\bminus[\s-])?(?:{digits}))|\b(?P<words>{word_number})\b)"
        rf"(?:(?P<scale>(?:\s?(?:{scales})\b)+|(?:{abbreviations})\b))?"
        r"(?P<percent>\s?%|pc\b|\s(?:per\s?cent|percent)\b|\s(?:percentage\s)points?\b)?"
        r"(?P<aged>[\s-]years?[\s-]old\b)?"
        r"(?P<attached>(?<=\d)[a-zA-Z]{1,3}(?:/[a-zA-Z]{1,2})?\b)?"
        rf"(?P<spaced>(?<![a-zA-Z])\s(?:{spaced})(?![\w/])(?:\s(?:Celsius|Fahrenheit|C|F)\b)?)?"
        rf"(?P<rate>\s(?:a|per)\s(?:{periods})\b)?",
        re.IGNORECASE,
    )


_FRACTION = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|nine)[\s-](?P<part>half|thirds?|quarters?|fifths?|sixth|tenths?)"
    r"|(?P<half>half)(?=\s+(?:of|a|the)\b)"
    r"|(?P<one>one|\d+)\s+in\s+(?P<every>\w+)"
    r"|(?<![\d/])(?P<num>\d)/(?P<den>[2-9]|1[0-6])(?![\d/]))\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_NAMES})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?[-–]\s?\d{{1,2}}\b)?(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<numeric>\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}))",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$")
# Numbers that are not claims: clock times, phone numbers, model names ("Covid-19", "F-35", "S23").
_NOT_CLAIMS = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b"
    r"|\+?\d[\d ()-]{8,}\d|\d{4}-\d\d-\d\dT[\d:.]+Z?"
    r"|\b(?!(?:USD|EUR|GBP|INR|JPY|CNY|AUD|CAD|CHF|RM|Rs)\d)[A-Za-z]+-?\d+[A-Za-z]*\b",
)
_BETWEEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_BY = re.compile(r"\bby\s+$")
# How far before a number to look for "between", "from" or "by" (searched in place, not copied).
_LEAD_WINDOW = 40


def _scale_factor(written: str | None) -> float:
    """ "billion" -> 1e9, "bn" -> 1e9, "hundred million" -> 1e8."""
    factor = 1.0
    for word in (written or "").lower().split():
        factor *= resources.scale_abbreviations().get(word) or resources.number_words()[word][0]
    return factor


def _value_of(match: re.Match[str]) -> tuple[Value, ClaimKind, str | None] | None:
    """(value, kind, unit) of one number match, or None when it does not read as a number."""
    g = match.groupdict()
    if g["digits"]:
        value: float | int = _number(re.sub(r"^(?:−|minus[\s-])", "-", g["digits"]))
    else:
        parsed = parse_number(re.split(r"[\s-]+", g["words"]))
        if parsed is None or parsed[1] < len(re.split(r"[\s-]+", g["words"])):
            return None  # not one number ("one two"): better missed than misread
        value = parsed[0]
    factor = _scale_factor(g["scale"])
    if factor != 1:
        value = value * factor
        value = int(value) if float(value).is_integer() else value
    per = f" per {g['rate'].split()[-1].lower()}" if g["rate"] else ""
    if g["currency"]:
        symbol = re.sub(r"\s", "", g["currency"]).lower()
        return value, "money", resources.currencies().get(symbol, symbol) + per
    if g["percent"]:
        unit = "percentage points" if "point" in g["percent"].lower() else "percent"
        return value, "percent", unit
    if g["aged"]:
        return value, "measure", "year-old"
    if g["attached"]:
        unit = g["attached"].lower()
        if unit in ("st", "nd", "rd", "th"):
            return value, "ordinal", None
        if unit in resources.units():
            return value, "measure", g["attached"] + per
        return None
    if g["spaced"]:
        return value, "measure", g["spaced"].strip() + per
    if g["digits"] and re.fullmatch(r"1[89]\d\d|20\d\d", g["digits"]) and not g["rate"]:
        return value, "year", None
    return value, "count", None


def _fractions(text: str) -> list[Quantity]:
    found = []
    for m in _FRACTION.finditer(text):
        if m.group("num"):
            if int(m.group("num")) >= int(m.group("den")):
                continue  # "24/7" is not a fraction
            value: float = int(m.group("num")) / int(m.group("den"))
        elif m.group("half"):
            value = 0.5
        elif m.group("part"):
            count = parse_number([m.group("count")]) if m.group("count").lower() != "a" else (1, 1)
            value = (count[0] if count else 1) * _FRACTIONS[m.group("part").lower()]
        else:
            one = parse_number([m.group("one")]) if not m.group("one").isdigit() else (int(m.group("one")), 1)
            every = parse_number([m.group("every")]) if not m.group("every").isdigit() else (int(m.group("every")), 1)
            if not one or not every or not every[0]:
                continue
            value = one[0] / every[0]
        found.append(Quantity(m.start(), m.end(), round(value, 4), "fraction"))
    return found


def _dates(text: str) -> list[Quantity]:
    found = []
    for m in _DATE.finditer(text):
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


def _overlaps(q: Quantity, taken: list[Quantity]) -> bool:
    return any(q.start < t.end and t.start < q.end for t in taken)


def _approx(text: str, q: Quantity, match: re.Match[str] | None) -> Quantity:
    if match is not None and match.group("approx"):
        return replace(q, approx=_APPROX[match.group("approx").lower()])
    before = text[max(0, q.start - 20) : q.start].lower().split()
    if before and before[-1] == "by":
        before = before[:-1]
    if before and before[-1] in _CHANGE and not text[q.end : q.end + 5].lower().startswith(" from"):
        return replace(q, approx=_CHANGE[before[-1]])
    return q


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "from 1997 to 2013", "between 10 and 20", "10-20" -> one quantity with a [low, high] value."""
    joined: list[Quantity] = []
    for q in found:
        prev = joined[-1] if joined else None
        if prev is None or not isinstance(prev.value, (int, float)) or not isinstance(q.value, (int, float)):
            joined.append(q)
            continue
        window = max(0, prev.start - _LEAD_WINDOW)
        lead = _BETWEEN.search(text, window, prev.start)
        separator = text[prev.end : q.start]
        if (
            prev.kind in (q.kind, "count")
            and _RANGE.match(separator)
            and (separator.strip() != "and" or lead)
            and (separator.strip() != "or" or max(prev.value, q.value) < 100)
            and not _BY.search(text, window, prev.start)  # "rose by 5% to 10%" is a change
        ):
            start = lead.start() if lead else prev.start
            kind = "year_range" if q.kind == "year" else q.kind
            low = prev.value
            if prev.scale == 1 and q.scale != 1 and prev.value * q.scale <= q.value:
                low = prev.value * q.scale  # "$89 to $93 billion": both ends are billions
                low = int(low) if float(low).is_integer() else low
            joined[-1] = Quantity(start, q.end, (low, q.value), kind, q.unit or prev.unit, prev.approx, q.scale)
            continue
        joined.append(q)
    return joined


def scan_quantities(text: str) -> list[Quantity]:
    """Every quantity written in `text`, in order, ranges joined, non-claims (times, phones, model names) left out."""
    excluded = [(m.start(), m.end()) for m in _NOT_CLAIMS.finditer(text)]
    taken: list[Quantity] = [q for q in _dates(text)]
    taken += [q for q in _fractions(text) if not _overlaps(q, taken)]
    for m in _pattern().finditer(text):
        if any(s <= m.start("digits" if m.group("digits") else "words") < e for s, e in excluded):
            continue
        parsed = _value_of(m)
        if parsed is None:
            continue
        value, kind, unit = parsed
        start = m.start("currency") if m.group("currency") else m.start("digits" if m.group("digits") else "words")
        q = Quantity(start, m.end(), value, kind, unit, scale=_scale_factor(m.group("scale")))
        if _overlaps(q, taken):
            continue
        taken.append(_approx(text, q, m))
    taken.sort(key=lambda q: q.start)
    return _join_ranges(text, taken)
