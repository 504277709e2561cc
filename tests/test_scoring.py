"""Scoring against gold: values, units, dates, and what is printed when there is nothing to score."""

import pytest

from pipeline.tools.scoring import PRF, same_value, score_gold


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        (1 / 6, 0.1667, True),  # a sixth, rounded to 4 decimals
        (2 / 3, 0.6667, True),
        (1_200_000_000, 1_200_000_000.0, True),
        (265, 266, False),
        ("2004-12-31", "2004-12-31", True),  # dates compare as ISO strings
        ("--02-09", "--02-09", True),
        ("2004-12-31", 2004, False),
        ([3, 3.5], [3, 3.5], True),  # ranges end by end
        (["2020-01-01", "2020-01-31"], ["2020-01-01", "2020-01-31"], True),
        ([3, 3.5], [3, 4], False),
    ],
)
def test_scoring_same_value(gold, predicted, same):
    assert same_value(gold, predicted) is same


def test_scoring_nothing_to_score_prints_na():
    assert "n/a" in PRF().line("partial")
    assert "n/a" not in PRF(1, 2, 1, 1).line("partial")


def _output(claims):
    text = "The council cut 12 posts on 31 December 2004."
    return {
        "article": {"text": text, "title": None, "author": None, "published": None},
        "speakers": [],
        "quotes": [],
        "numeric_claims": claims,
    }


def test_scoring_null_unit_and_date_claims():
    gold = {
        "speakers": {},
        "quotes": [],
        "metadata": {},
        "numeric_claims": [
            {"text": "12 posts", "value": 12, "kind": "count", "unit": None},
            {"text": "31 December 2004", "value": "2004-12-31", "kind": "date"},
        ],
    }
    claims = [
        {"value": 12, "unit": None, "predicate": "cut", "claimant": None},
        {"value": "2004-12-31", "unit": None, "predicate": None, "claimant": None},
    ]
    scores = score_gold(gold, _output(claims))
    assert scores.claims_value == 2 and scores.claims_unit == 2


def test_scoring_claims_of_the_same_value_are_paired_by_their_words():
    """Gold has no offsets: two claims of value 6 pair with the predicted claims written in the same
    words, whatever their order, so a right claimant is not scored against the wrong claim."""
    gold = {
        "speakers": {"ann": {"name": "Ann Lee", "mentions": ["Ann Lee"]}},
        "quotes": [],
        "metadata": {},
        "numeric_claims": [
            {"text": "£6", "value": 6, "kind": "money", "unit": "pound", "claimant": None},
            {"text": "six aircraft", "value": 6, "kind": "count", "unit": "aircraft", "claimant": None},
        ],
    }
    claims = [
        {"text": "six aircraft", "value": 6, "unit": "aircraft", "predicate": None, "claimant": None},
        {"text": "£6", "value": 6, "unit": "pound", "unit_normalized": "GBP", "predicate": None, "claimant": None},
    ]
    scores = score_gold(gold, _output(claims))
    assert (scores.claims_value, scores.claims_unit) == (2, 2)
    # Paired by value alone, each would take the other's unit.
    unpaired = [{**c, "text": "~"} for c in claims]
    assert score_gold(gold, _output(unpaired)).claims_unit == 0
