"""Speaker and claim confidence, fitted out of sample: `python -m pipeline.measure.calibrate`.

Every quote found in the gold sets (the seed, and news-dev and news-dev2 where they lie) falls in
one row of the speaker-confidence table: the sieve pass that chose its speaker and whether a cue
tied the quote to its speaker phrase ("name_full/cue"); every claim we predict, in one row of the
claim-confidence table: its evidence ("count_noun_one"). A row's confidence is its precision (right
speakers, entity by entity, over found quotes; claims with the right value and unit over predicted
claims) at the lower end of its Wilson interval, rounded down to 0.05 and capped at 0.95; rows with
fewer than MIN_QUOTES items are pooled, and the pool stays below the top band (POOLED_CAP).
Each table is fitted on one half of the articles (`scoring.fold_of`) and its bands are reported on
the other, both ways, and then fitted on all of them: that last table is the one to put in
`speakers/canonical.py` (SPEAKER_CONFIDENCE) and `claims/confidence.py` (CLAIM_CONFIDENCE).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from spacy.language import Language

from .devsets import score_gold_files
from .scoring import SPEAKER_BANDS, fold_of, ratio
from .sets import SETS, available

MIN_QUOTES = 5
CAP = 0.95
# Rows too small to measure are pooled, and the pool's precision is that of a mix of rows (a name
# on a weak attribution beside a document's issuer): it says nothing one of them can promise on its
# own. The top band (0.9 and up) is for rows that earned it on their own quotes.
POOLED_CAP = 0.85
# One-sided 90%: a row fitted on a few dozen quotes of one half must not promise the other half
# more than it keeps (fitted on point estimates, fold A's table put fold B's descriptions, right
# 57% of the time there, in the 0.9 band).
Z = 1.28


def measured_rows(nlp: Callable[[], Language]) -> dict[str, dict[str, dict[str, list[int]]]]:
    """Table -> fold -> row -> [right, total], over every gold set that is here, the articles scored
    once for both tables: speaker rules ("speakers") and claim evidence ("claims")."""
    rows: dict[str, dict[str, dict[str, list[int]]]] = {what: {"A": {}, "B": {}} for what in ("speakers", "claims")}
    for name in ("seed", "news_dev", "news_dev2"):
        if not available(name):
            continue
        for article, scores in score_gold_files(SETS[name], None, nlp):
            for what, measured in (("speakers", scores.speaker_rules), ("claims", scores.claim_rules)):
                _add(rows[what][fold_of(article)], measured)
    return rows


def _add(into: dict[str, list[int]], rows: dict[str, list[int]]) -> None:
    for rule, (right, total) in rows.items():
        counts = into.setdefault(rule, [0, 0])
        counts[0] += right
        counts[1] += total


def both_folds(rows: dict[str, dict[str, list[int]]]) -> dict[str, list[int]]:
    """The rows of every fold added up: what the shipped table is fitted on."""
    every: dict[str, list[int]] = {}
    for fold_rows in rows.values():
        _add(every, fold_rows)
    return every


def lower_bound(right: int, total: int, z: float = Z) -> float:
    """The Wilson score interval's lower end for a precision of right/total: what the row can be
    trusted to keep on articles it was not fitted on. 7/7 is not 100%: about 0.82 at z = 1.28."""
    if not total:
        return 0.0
    p, n = right / total, total
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def _confidence(right: int, total: int) -> float:
    return min(CAP, math.floor(20 * lower_bound(right, total) + 1e-9) / 20)


def fit(rows: dict[str, list[int]]) -> dict[str, float]:
    """The confidence table these rows give: each row's precision at the lower end of its interval
    (`lower_bound`), rounded down to 0.05 and capped at CAP."""
    table: dict[str, float] = {}
    pooled = [0, 0]
    for rule, (right, total) in sorted(rows.items()):
        if rule in ("no speaker", "pooled"):
            continue
        if total < MIN_QUOTES:
            pooled[0] += right
            pooled[1] += total
            continue
        table[rule] = _confidence(right, total)
    table["pooled"] = min(POOLED_CAP, _confidence(*pooled)) if pooled[1] else 0.5
    return table


def bands(table: dict[str, float], rows: dict[str, list[int]]) -> dict[tuple[float, float], list[int]]:
    """How often the speaker is right in each confidence band when `table` scores `rows`."""
    counts: dict[tuple[float, float], list[int]] = {}
    for rule, (right, total) in rows.items():
        confidence = 0.0 if rule == "no speaker" else table.get(rule, table["pooled"])
        band = next(b for b in SPEAKER_BANDS if b[0] <= confidence < b[1])
        tally = counts.setdefault(band, [0, 0])
        tally[0] += right
        tally[1] += total
    return counts


def report(rows: dict[str, dict[str, list[int]]], what: str = "speakers") -> list[str]:
    lines: list[str] = []
    for fitted, scored in (("A", "B"), ("B", "A")):
        table = fit(rows[fitted])
        lines.append(f"fitted on fold {fitted}, reported on fold {scored}:")
        for (low, high), (right, total) in sorted(bands(table, rows[scored]).items(), reverse=True):
            band = f"[{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}"
            lines.append(f"  {band:<12} {ratio(right, total)}  ({right}/{total})")
    lines.append("each pass, right speaker on fold A | fold B:" if what == "speakers" else
                 "each kind of evidence, value and unit right on fold A | fold B:")  # fmt: skip
    passes: dict[str, dict[str, list[int]]] = {}
    for fold, fold_rows in rows.items():
        for rule, (right, total) in fold_rows.items():
            tally = passes.setdefault(rule.split("/")[0] if what == "speakers" else rule, {}).setdefault(fold, [0, 0])
            tally[0] += right
            tally[1] += total
    for rule, by_fold in sorted(passes.items()):
        a, b = by_fold.get("A", [0, 0]), by_fold.get("B", [0, 0])
        lines.append(f"  {rule:<26} {ratio(*a):>6} ({a[0]}/{a[1]})  | {ratio(*b):>6} ({b[0]}/{b[1]})")
    every = both_folds(rows)
    small = [counts for rule, counts in every.items() if counts[1] < MIN_QUOTES and rule != "no speaker"]
    every["pooled"] = [sum(c[0] for c in small), sum(c[1] for c in small)]
    table_file = "speakers/canonical.py" if what == "speakers" else "claims/confidence.py"
    lines.append(f"fitted on both folds (the table for {table_file}):")
    lines += [f'    "{rule}": {value},  # {every[rule][0]}/{every[rule][1]}' for rule, value in fit(every).items()]
    return lines


def main() -> int:
    from ..nlp import default_nlp

    for what, rows in measured_rows(default_nlp).items():
        print(f"== {what}")
        for line in report(rows, what):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
