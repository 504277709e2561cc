"""Quantities read one by one, joined where the text makes them one: ranges ("between 10 and
20"), the two figures of a change ("fell from 4.8 to 4.7 percent"), "two and a half", "13
dollars and 45 cents"; scores ("won 2-1") left out."""

from __future__ import annotations

import re
from dataclasses import replace

from ... import resources
from ...records import ClaimKind
from .. import units
from .numbers import Quantity, change_words, whole

_RANGE = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$")
# A score or a code written "2-1", "3888-2": the second number no higher than the first.
_SCORE = re.compile(r"^[-–]$")
_BETWEEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
# "from" and the few words before it, where a change word may stand: "rose from", "raised the fee from".
_FROM = re.compile(r"(?P<before>(?:[\w']+\s+){0,3})from\s+$", re.IGNORECASE)
_BY = re.compile(r"\bby\s+$")
# How far before a number to look for "between", "from" or "by" (searched in place, not copied).
_LEAD_WINDOW = 40


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


def join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
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
            low = whole(low * last.scale)  # "$89 to $93 billion": both ends are billions
    approx = first.approx
    change = (
        _FROM.search(text, window, first.start)
        if lead is not None and lead.group().lower().startswith("from")
        else None
    )
    if change is not None and isinstance(low, (int, float)) and isinstance(high, (int, float)):
        words = change.group("before").lower().split()
        verb = next((w for w in reversed(words) if w in change_words()), None)
        if verb is not None:
            approx = change_words()[verb]  # "rose from 10 to 12", "increased the fee from £6 to £10"
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


_AND_A_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)")
_ONE_UNIT_AND = re.compile(r"\b(?:a|an|one)\s+(?P<unit>[a-z]+)\s+and\s+$", re.IGNORECASE)


def join_halves(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "two and a half hours", "seven-and-a-half years" -> 2.5, 7.5; "a year and a half" -> 1.5 years."""
    joined: list[Quantity] = []
    for q in found:
        written = text[q.start : q.end].lower()
        half = q.kind == "fraction" and q.value == 0.5 and written.replace("-", " ") == "a half"
        prev = joined[-1] if joined else None
        # A whole number with no unit, then "and": what follows is its half.
        base = (
            prev.value
            if prev is not None and prev.kind == "count" and isinstance(prev.value, int) and prev.unit is None
            and _AND_A_HALF.fullmatch(text, prev.end, q.start)
            else None
        )  # fmt: skip
        if base is not None and half:
            joined[-1] = replace(joined[-1], end=q.end, value=base + 0.5)
            continue
        # "two and a half million pounds": the half was read with its scale (500,000 pounds)
        if base is not None and written.startswith("a half ") and isinstance(q.value, (int, float)):
            scale = q.value * 2
            joined[-1] = replace(q, start=joined[-1].start, value=whole(base * scale + scale / 2))
            continue
        if half and (one := _ONE_UNIT_AND.search(text, max(0, q.start - 30), q.start)):
            measure = units.measure(one.group("unit"))
            if measure is not None:
                joined.append(Quantity(one.start(), q.end, 1.5, "measure", one.group("unit"), q.approx, 1, measure))
                continue
        joined.append(q)
    return joined


_SUBUNIT_JOIN = re.compile(r"\s+(?:and\s+)?")


def join_subunits(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "13 dollars and 45 cents", "£3 and 50p" -> one amount in the larger unit."""
    joined: list[Quantity] = []
    for q in found:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == q.kind == "money"
            and prev.normalized in resources.subunits().get(q.normalized or "", ())
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
