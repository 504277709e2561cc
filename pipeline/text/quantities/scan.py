"""`scan_quantities(text)`: every quantity written in a text, in order (pure text, no parse). The
numbers stage (claims/) adds what the parse knows: what is counted, what happened, who says so."""

from __future__ import annotations

from .join import join_halves, join_ranges, join_subunits
from .numbers import Quantity
from .patterns import any_number, not_claims, number_pattern
from .read import dates, folds, fractions, times_said, vague, value_of, with_approx


def _overlaps(q: Quantity, taken: list[Quantity]) -> bool:
    return any(q.start < t.end and t.start < q.end for t in taken)


def scan_quantities(text: str) -> list[Quantity]:
    """Every quantity written in `text`, in order, ranges joined, non-claims (times, phones, model names,
    scores) left out."""
    if not any_number().search(text):
        return []  # most of a paragraph's words are no number: one pass tells
    excluded = [(m.start(), m.end()) for m in not_claims().finditer(text)]
    taken: list[Quantity] = [q for q in dates(text)]
    for extra in (fractions(text), vague(text), folds(text), times_said(text)):
        taken += [with_approx(text, q, None) for q in extra if not _overlaps(q, taken)]
    for m in number_pattern().finditer(text):
        if any(s <= m.start("digits" if m.group("digits") else "words") < e for s, e in excluded):
            continue
        q = value_of(m)
        if q is None or _overlaps(q, taken):
            continue
        taken.append(with_approx(text, q, m))
    taken.sort(key=lambda q: q.start)
    return join_ranges(text, join_subunits(text, join_halves(text, taken)))
