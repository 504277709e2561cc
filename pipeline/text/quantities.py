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
from . import units
from .front_matter import parse_date

Value = float | int | str | tuple[float | int | str, float | int | str]

_MONTH_NAMES = resources.alternation(resources.months())
_FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 0.125, "eighths": 0.125,
    "tenth": 0.1, "tenths": 0.1,
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
    "raised": "up", "doubled": "up", "boosted": "up", "surged": "up",
    "fell": "down", "fallen": "down", "falls": "down", "dropped": "down", "declined": "down",
    "decreased": "down", "down": "down", "lost": "down", "slipped": "down", "slumped": "down", "cut": "down",
    "reduced": "down", "lowered": "down", "shrank": "down", "plunged": "down", "tumbled": "down",
}  # fmt: skip
# Vague plurals of a scale: "thousands of" is 1,000 to 10,000, "tens of millions" 10 to 100 million.
_VAGUE_BASE = {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9}
_VAGUE_MULTIPLIER = {"tens": 10, "hundreds": 100}


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


def _number(text: str) -> float | int:
    """ "1,520" -> 1520, "2.5" -> 2.5, a mixed number "10 1/2" -> 10.5."""
    whole, _, fraction = text.replace(",", "").partition(" ")
    value = float(whole)
    if fraction:
        numerator, denominator = fraction.split("/")
        value += int(numerator) / int(denominator)
    return int(value) if value.is_integer() and "." not in text and not fraction else value


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@cache
def _currency_pattern() -> str:
    """Currency marks before a number, from resources/currency_marks.txt. Case matters for the
    one-letter country marks: "a $5 fee" is not Australian dollars, "it's $5" not Singapore's;
    the longer ones ("HK $", "c $" in lower-cased text) are read in any case. Codes count only
    right before digits ("GBP 5", not "GBP rose")."""
    marks = resources.currency_marks()
    before = [m[:-1] for m in marks if m.endswith("$") and len(m) > 1]  # "US$", "C$"
    after = [m[1:] for m in marks if m.startswith("$") and len(m) > 1]  # "$US", "$A"
    symbols = [m for m in marks if not m[0].isalpha() and len(m) == 1]
    codes = [m for m in marks if m[0].isalpha() and not m.endswith("$")]
    strict = [m for m in before if m in ("A", "S")]
    loose = [m for m in before if m not in strict]
    return (
        rf"(?:\b(?:(?-i:{resources.alternation(strict)})|{resources.alternation(loose)})\s?\$"
        rf"|(?-i:\$(?:{resources.alternation(after)})(?=\s?\d))"
        rf"|{resources.alternation(symbols)}"
        rf"|(?-i:\b(?:{resources.alternation(codes)})\s?(?=\d)))"
    )


def _money_words() -> list[str]:
    """Currency words written after a number ("250 euros", "80 pence"): the table's words, not its codes."""
    return [w for w, (_, unit) in resources.currencies().items() if w.isalpha() and w == unit.lower()]


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(resources.number_words(), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    after_scale = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
    word_number = (
        rf"(?:a\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?{word}"
        rf"(?:[\s-]+{word}|{after_scale}\s+and\s+{word})*"
    )
    digits = r"\d+\s\d/\d{1,2}(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w.])\.\d+"  # not "Feb.1"
    approx = "|".join(sorted(map(re.escape, _APPROX), key=len, reverse=True))
    currency = _currency_pattern()
    # Units written apart from the number ("87 mph", "140 km/h", "3.5-litre"); one-letter ones
    # are too ambiguous there ("5 m" may be million), though fine attached ("5m" is a scale).
    spaced = resources.alternation(u for u in resources.units() if len(u) > 1 and u != "in")
    scales = resources.alternation(resources.scale_words())
    abbreviations = resources.alternation(resources.scale_abbreviations())
    periods = resources.alternation(p for p, written in resources.rate_periods().items() if written)
    return re.compile(
        rf"(?:(?P<approx>{approx})\s+)?"
        rf"(?P<currency>{currency})?\s?"
        rf"(?:(?P<digits>(?:(?<![\w.,])[-−]|\bminus[\s-])?(?:{digits}))|\b(?P<words>{word_number})\b)"
        rf"(?:(?P<scale>(?:\s?(?:{scales})\b)+|(?:{abbreviations})\b))?"
        r"(?P<percent>\s?%|pc\b|\s(?:per\s?cent|percent)\b|\s(?:percentage\s)points?\b)?"
        r"(?P<aged>[\s-](?P<age>year|month|week|day)s?[\s-]old\b|\s(?P<age_of>year|month|week)s?\sof\sage\b"
        r"|\s?y\.?o\b\.?)?"
        r"(?P<attached>(?<=\d)(?:(?:°|deg\.?)\s?[CF]?(?![a-zA-Z])|sq\s?(?:m|ft|km|mi)\b|[a-zA-Z]{1,4}(?:/[a-zA-Z]{1,3})?\d?\b))?"
        rf"(?P<spaced>(?<![a-zA-Z])[\s-](?:{spaced})(?![\w/])(?:\s(?:Celsius|Fahrenheit|C|F)\b)?)?"
        rf"(?P<money>\s(?:{resources.alternation(_money_words())})\b)?"
        rf"(?P<rate>[\s-](?:a|an|per)[\s-](?P<per>{periods})\b(?!\s(?:earlier|ago|before|later|previously)\b)"
        rf"|\sper\s(?P<per_noun>(?!cent\b)[a-z]+)\b|\s(?P<adverb>{resources.alternation(resources.rate_adverbs())})\b)?",
        re.IGNORECASE,
    )


_VULGAR = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5, "⅛": 1 / 8}
_NUMBER_WORD = rf"(?:{resources.alternation(w for w, (_, scale) in resources.number_words().items() if not scale)}|\d+)"
_FRACTION = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|seven|nine|\d)[\s-]"
    r"(?P<part>half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b(?P<of>\s+of\b)?"
    r"|(?P<half>half)(?=\s+(?:of|a|the)\b)"
    rf"|(?P<one>{_NUMBER_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<every>{_NUMBER_WORD})\b"
    r"|(?<![\d/])(?<!\d\s)(?P<num>\d)/(?P<den>[2-9]|10|12|16)(?![\d/])\b"  # not "9/11", "7/11": names
    rf"|(?P<whole>\d+)?(?P<vulgar>[{''.join(_VULGAR)}]))",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    rf"\b(?:(?P<multiplier>{'|'.join(_VAGUE_MULTIPLIER)})\s+of\s+)?(?P<base>{'|'.join(_VAGUE_BASE)})\b"
    rf"(?:\s+of\s+(?P<money>{resources.alternation(_money_words())})\b)?",
    re.IGNORECASE,
)
# Whatever any scanner here starts from: a digit, a vulgar fraction, a number or fraction word.
_ANY_NUMBER = re.compile(
    rf"[\d{''.join(_VULGAR)}]|\b(?:{resources.alternation([*resources.number_words(), *_FRACTIONS, *_VAGUE_BASE])})\b"
    r"|fold\b",
    re.IGNORECASE,
)
_FOLD = re.compile(rf"\b(?P<times>{_NUMBER_WORD}|\d+(?:\.\d+)?)-?fold\b", re.IGNORECASE)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_NAMES})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_NAMES})(?:\.?\s+|\.)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?[-–]\s?\d{{1,2}}\b)?(?:,?\s+(?P<y2>\d{{4}}))?"
    r"|(?P<numeric>\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}))",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$")
# Numbers that are not claims: clock times, phone numbers, timestamps, "24/7", "50/50", "9/11" (a true
# fraction such as "1/2" is read before these are left out), model names ("Covid-19",
# "F-35", "S23") but not a currency code or "minus" before digits ("GBP5", "minus-5").
_NOT_CLAIMS = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b"
    r"|\+?\d[\d ()-]{8,}\d|\d{4}-\d\d-\d\dT[\d:.]+Z?|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])"
    rf"|(?<!\$)\b(?!(?:{resources.alternation(m for m in resources.currency_marks() if m.isalpha())})\d)(?!minus-)"
    r"[A-Za-z]+-?\d+[A-Za-z]*\b",
)
# A score or a code written "2-1", "3888-2": the second number no higher than the first.
_SCORE = re.compile(r"^[-–]$")
_BETWEEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_FROM = re.compile(r"(?:(?P<verb>\w+)\s+)?from\s+$", re.IGNORECASE)
_BY = re.compile(r"\bby\s+$")
# How far before a number to look for "between", "from" or "by" (searched in place, not copied).
_LEAD_WINDOW = 40
# "m" after a number is millions ("5m people"), but metres before a word of size: "1.8m tall".
_METRES_AFTER = re.compile(r"\s+(?:tall|long|high|wide|deep|away|below|above|across|in (?:diameter|length|height))\b")
# Marks that stand for a currency only before a number written with at least three digits, a
# decimal or a comma: "PS5" is a games console and "Y2K" a year, "PS2.7m" and "Y28,030" money.
_WEAK_MARKS = frozenset({"ps", "y"})


def _scale_factor(written: str | None) -> float:
    """ "billion" -> 1e9, "bn" -> 1e9, "hundred million" -> 1e8."""
    factor = 1.0
    for word in (written or "").lower().split():
        factor *= resources.scale_abbreviations().get(word) or resources.number_words()[word][0]
    return factor


def _value_of(match: re.Match[str]) -> Quantity | None:
    """The quantity one number match stands for (offsets, value, kind, unit), or None when it
    does not read as a number."""
    g = match.groupdict()
    if g["digits"]:
        value: float | int = _number(re.sub(r"^(?:−|minus[\s-])", "-", g["digits"]))
    else:
        parsed = parse_number(re.split(r"[\s-]+", g["words"]))
        if parsed is None or parsed[1] < len(re.split(r"[\s-]+", g["words"])):
            return None  # not one number ("one two"): better missed than misread
        value = parsed[0]
    if (g["scale"] or "").lower() == "m" and not g["currency"] and _METRES_AFTER.match(match.string, match.end()):
        return Quantity(match.start("digits"), match.end(), value, "measure", "m", normalized=units.measure("m"))
    factor = _scale_factor(g["scale"])
    if factor != 1:
        value = _whole(value * factor)
    start = match.start("currency") if g["currency"] else match.start("digits" if g["digits"] else "words")
    per = (g["per"] or g["per_noun"] or "").lower() or resources.rate_adverbs().get((g["adverb"] or "").lower())
    q = Quantity(start, match.end(), value, "count", scale=factor, per=per)  # "a week", "per graduate", "annually"
    found = _unit_of(g)
    if found is None:
        return None
    kind, unit, normalized = found
    if kind == "count" and g["rate"]:
        kind, unit, normalized = "count", None, None  # "3 a day": the rate waits for its counted noun
    return replace(q, kind=kind, unit=unit, normalized=normalized)


def _unit_of(g: dict[str, str | None]) -> tuple[ClaimKind, str | None, str | None] | None:
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


def _fractions(text: str) -> list[Quantity]:
    found = []
    for m in _FRACTION.finditer(text):
        value: float
        if m.group("vulgar"):
            whole = int(m.group("whole") or 0)
            value = whole + _VULGAR[m.group("vulgar")]
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
            count = (1, 1) if count_word == "a" else _count(count_word)
            value = (count[0] if count else 1) * _FRACTIONS[part]
        else:
            one, every = _count(m.group("one")), _count(m.group("every"))
            if not one or not every or not 0 < one[0] < every[0] <= 1000:
                continue  # "3 in 2020" is a date, not a ratio
            if m.group("one")[0].isupper() and re.search(
                r"[A-Z][\w.'’-]*\s+$", text[max(0, m.start() - 30) : m.start()]
            ):
                continue  # "Uranium One in three deals": a name's number
            value = one[0] / every[0]
        end = m.end("part") if m.group("part") else m.end()
        found.append(Quantity(m.start(), end, round(value, 4), "fraction"))
    return found


def _count(word: str) -> tuple[float | int, int] | None:
    return (int(word), 1) if word.isdigit() else parse_number([word])


def _vague(text: str) -> list[Quantity]:
    """ "thousands of", "tens of millions of dollars", "dozens": a range from the scale to ten times it."""
    found = []
    for m in _VAGUE.finditer(text):
        if m.group("multiplier") and m.group("multiplier").lower() == m.group("base").lower():
            continue
        low = _VAGUE_BASE[m.group("base").lower()] * _VAGUE_MULTIPLIER.get((m.group("multiplier") or "").lower(), 1)
        money = units.currency(m.group("money")) if m.group("money") else None
        if money is not None:  # "tens of millions of dollars"
            found.append(Quantity(m.start(), m.end(), (low, low * 10), "money", money[1], "~", normalized=money[0]))
        else:
            found.append(Quantity(m.start(), m.end(), (low, low * 10), "count", approx="~"))
    return found


def _folds(text: str) -> list[Quantity]:
    """ "sixfold", "a 10-fold rise": how many times over."""
    found = []
    for m in _FOLD.finditer(text):
        times = _count(m.group("times")) if not re.search(r"\.", m.group("times")) else (float(m.group("times")), 1)
        if times:
            found.append(Quantity(m.start(), m.end(), times[0], "count", unit="fold", normalized="times"))
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


_HEDGE_BEFORE = re.compile(
    rf"\b({'|'.join(sorted(map(re.escape, _APPROX), key=len, reverse=True))})\s+$", re.IGNORECASE
)


def _approx(text: str, q: Quantity, match: re.Match[str] | None) -> Quantity:
    if match is not None and match.group("approx"):
        return replace(q, approx=_APPROX[match.group("approx").lower()])
    if q.approx == "=" and (hedge := _HEDGE_BEFORE.search(text, max(0, q.start - 24), q.start)):
        return replace(q, approx=_APPROX[hedge.group(1).lower()])  # "nearly two-thirds", "about half"
    before = text[max(0, q.start - 20) : q.start].lower().split()
    if before and before[-1] == "by":
        before = before[:-1]
    if before and before[-1] in _CHANGE and not text[q.end : q.end + 5].lower().startswith(" from"):
        return replace(q, approx=_CHANGE[before[-1]])
    return q


def _descending(a: object, b: object) -> bool:
    """Two numbers, the first the higher."""
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > b


def _joined_kind(first: Quantity, second: Quantity, lead: bool, separator: str) -> ClaimKind | None:
    """The kind of "first to second" read as one quantity, None when they do not join."""
    if first.normalized and second.normalized and first.normalized != second.normalized:
        return None  # "rose 18 sen to RM23.50": a change by one amount to another, not a range
    if first.kind == second.kind:
        return "year_range" if first.kind == "year" else first.kind
    if {first.kind, second.kind} == {"count", "year"}:
        return "count" if lead else None  # "from 1000 to 2000 hires", not "in 2018 to 3.9 million"
    if first.kind == "count" and first.unit is None:
        return second.kind  # "1 to 1.5 degrees", "10 to 20 mph": the unit is written once
    if first.kind == "money" and second.kind == "count" and second.unit is None:
        if second.scale != 1 or separator == "-":
            return "money"  # "£3-4bn", "$5 to 10 million", "$5-10": the currency is written once
    return None


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "from 1997 to 2013", "between 10 and 20", "10-20" -> one quantity with a [low, high] value;
    a change "fell from 4.8 percent to 4.7 percent" -> its two figures, marked from and to (see _range).
    Scores and codes ("won 2-1", "ISO 3888-2") are left out."""
    joined: list[Quantity] = []
    for q in found:
        prev = joined[-1] if joined else None
        at = len(joined) - 1
        if prev is not None and len(joined) >= 2 and (close := _aside(text, joined[-2], prev)):
            # "between 250 euros (£173) and 600 euros": the bracketed conversion stands aside
            at, prev, separator = at - 1, joined[-2], text[close : q.start]
        elif prev is not None:
            separator = text[prev.end : q.start]
        if prev is None or isinstance(prev.value, tuple) or isinstance(q.value, tuple):
            joined.append(q)
            continue
        a, b = prev.value, q.value
        numbers = isinstance(a, (int, float)) and isinstance(b, (int, float))
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            if _SCORE.match(separator) and prev.kind == q.kind == "count" and b <= a:
                del joined[at]  # "2-1", "2-2": a score, not a claim
                continue
        window = max(0, prev.start - _LEAD_WINDOW)
        lead = _BETWEEN.search(text, window, prev.start)
        kind = _joined_kind(prev, q, lead is not None, separator)
        dates = prev.kind == q.kind == "date"
        small = isinstance(a, (int, float)) and isinstance(b, (int, float)) and max(a, b) < 100
        if (
            kind is not None
            and (numbers or (dates and lead))
            and _RANGE.match(separator)
            and (separator.strip() != "and" or lead)
            and (separator.strip() != "or" or small)  # "three or four years", not "8 or 900"
            # shares compared high to low are two figures: "leads 45.4 percent to 42 percent"
            and not (separator.strip() == "to" and lead is None and _descending(a, b) and prev.kind == "percent")
            # "rose by 5% to 10%", "fell by 600 to 54,643" are changes; "by 1 to 1.5 degrees" a range
            and not (_BY.search(text, window, prev.start) and (prev.unit is not None or q.unit is None))
        ):
            joined[at : at + 1] = _range(text, prev, q, kind, lead, window)
            continue
        joined.append(q)
    return joined


_ASIDE_OPEN = re.compile(r"\s*\(\s*")
_ASIDE_CLOSE = re.compile(r"\s*\)")


def _aside(text: str, first: Quantity, aside: Quantity) -> int | None:
    """Where the text goes on after `aside` when it stands in brackets right after `first` ("250
    euros (£173)"), else None."""
    if not _ASIDE_OPEN.fullmatch(text, first.end, aside.start):
        return None
    close = _ASIDE_CLOSE.match(text, aside.end)
    return close.end() if close else None


def _range(
    text: str, first: Quantity, last: Quantity, kind: ClaimKind, lead: re.Match[str] | None, window: int
) -> list[Quantity]:
    """One quantity [low, high] for a range; for a change ("fell from 4.8 percent to 4.7 percent"),
    its two figures, each a quantity of its own going the change's way, marked "from" and "to"."""
    low, high = first.value, last.value
    assert not isinstance(low, tuple) and not isinstance(high, tuple), "ranges are not joined twice"
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        if first.scale == 1 and last.scale != 1 and low * last.scale <= high:
            low = _whole(low * last.scale)  # "$89 to $93 billion": both ends are billions
    approx = first.approx
    change = (
        _FROM.search(text, window, first.start)
        if lead is not None and lead.group().lower().startswith("from")
        else None
    )
    if change is not None and isinstance(low, (int, float)) and isinstance(high, (int, float)):
        verb = (change.group("verb") or "").lower()
        if verb in _CHANGE:
            approx = _CHANGE[verb]  # "rose from 10 to 12"
        elif low > high:
            approx = "down"  # ranges are written low to high: "from 4.8 percent to 4.7 percent" is a fall
    unit_from = last if last.unit is not None or first.unit is None else first
    if approx in ("up", "down"):
        # A change: each figure a claim of its own, as a fact-checker checks them; the first takes the
        # unit the second gives ("from 4.8 to 4.7 percent") and the scale ("from $89 to $93 billion").
        start = first if first.unit else replace(first, unit=unit_from.unit, normalized=unit_from.normalized)
        return [
            replace(start, value=low, kind=kind, approx=approx, change="from", per=first.per or last.per),
            replace(last, kind=kind, approx=approx, change="to", per=last.per or first.per),
        ]
    return [
        Quantity(
            lead.start() if lead else first.start, last.end, (low, high), kind, unit_from.unit, approx,
            last.scale, unit_from.normalized, last.per or first.per,
        )
    ]  # fmt: skip


def scan_quantities(text: str) -> list[Quantity]:
    """Every quantity written in `text`, in order, ranges joined, non-claims (times, phones, model names,
    scores) left out."""
    if not _ANY_NUMBER.search(text):
        return []  # most of a paragraph's words are no number: one pass tells
    excluded = [(m.start(), m.end()) for m in _NOT_CLAIMS.finditer(text)]
    taken: list[Quantity] = [q for q in _dates(text)]
    for extra in (_fractions(text), _vague(text), _folds(text)):
        taken += [_approx(text, q, None) for q in extra if not _overlaps(q, taken)]
    for m in _pattern().finditer(text):
        if any(s <= m.start("digits" if m.group("digits") else "words") < e for s, e in excluded):
            continue
        q = _value_of(m)
        if q is None or _overlaps(q, taken):
            continue
        taken.append(_approx(text, q, m))
    taken.sort(key=lambda q: q.start)
    return _join_ranges(text, _join_subunits(text, _join_halves(text, taken)))


_AND_A_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)")
_ONE_UNIT_AND = re.compile(r"\b(?:a|an|one)\s+(?P<unit>[a-z]+)\s+and\s+$", re.IGNORECASE)


def _join_halves(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "two and a half hours", "seven-and-a-half years" -> 2.5, 7.5; "a year and a half" -> 1.5 years."""
    joined: list[Quantity] = []
    for q in found:
        half = q.kind == "fraction" and q.value == 0.5 and text[q.start : q.end].lower().replace("-", " ") == "a half"
        prev = joined[-1] if joined else None
        if half and prev is not None and prev.kind == "count" and isinstance(prev.value, int) and prev.unit is None:
            if _AND_A_HALF.fullmatch(text, prev.end, q.start):
                joined[-1] = replace(prev, end=q.end, value=prev.value + 0.5)
                continue
        if half and (one := _ONE_UNIT_AND.search(text, max(0, q.start - 30), q.start)):
            measure = units.measure(one.group("unit"))
            if measure is not None:
                joined.append(Quantity(one.start(), q.end, 1.5, "measure", one.group("unit"), q.approx, 1, measure))
                continue
        joined.append(q)
    return joined


# A currency and the hundredth part it is counted in: "13 dollars and 45 cents" is 13.45 dollars.
_HUNDREDTHS = {"GBX": {"GBP"}, "cent": {"USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD"}}
_SUBUNIT_JOIN = re.compile(r"\s+(?:and\s+)?")


def _join_subunits(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "13 dollars and 45 cents", "£3 and 50p" -> one amount in the larger unit."""
    joined: list[Quantity] = []
    for q in found:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == q.kind == "money"
            and prev.normalized in _HUNDREDTHS.get(q.normalized or "", ())
            and isinstance(prev.value, int)
            and isinstance(q.value, (int, float))
            and 0 < q.value < 100
            and prev.per is None
            and _SUBUNIT_JOIN.fullmatch(text, prev.end, q.start)
        ):
            value = round(prev.value + q.value / 100, 4)
            joined[-1] = replace(prev, end=q.end, value=value, per=q.per)
            continue
        joined.append(q)
    return joined
