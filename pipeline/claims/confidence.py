"""How often a claim of each kind of evidence has the right value and unit: the table that makes
a claim's `confidence` a measured precision."""

from __future__ import annotations

# How often a claim of each kind of evidence has the right value and unit: of the claims we predict
# in the seed, news-dev and news-dev2 articles, those that a required gold claim has (value and unit
# right) over those that none has (optional gold claims left out), at the lower end of the row's
# Wilson interval (z = 1.28), rounded down to 0.05, at most 0.95; rows under five claims pooled.
# `python -m pipeline.measure.calibrate` fits it on each half of the articles, reports it on the
# other (the README shows both), and prints this table.
CLAIM_CONFIDENCE: dict[str, float] = {
    "count_carried_over_one": 0.4,  # 8/14
    "count_no_unit_one": 0.0,  # 0/16
    "count_noun_one": 0.85,  # 103/114
    "count_noun_range": 0.0,  # 0/5
    "date_one": 0.55,  # 23/33
    "fraction_noun_one": 0.8,  # 9/9
    "measure_one": 0.9,  # 74/76
    "money_change": 0.75,  # 6/6
    "money_one": 0.95,  # 45/45
    "percent_one": 0.9,  # 27/27
    "year_one": 0.85,  # 44/48
    "pooled": 0.6,  # 17/23, the rows under five claims
}


def claim_confidence(evidence: str) -> float:
    """The measured precision of a claim with this evidence (rows under five claims are pooled)."""
    return CLAIM_CONFIDENCE.get(evidence, CLAIM_CONFIDENCE["pooled"])
