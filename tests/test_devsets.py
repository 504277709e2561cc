"""Quality gate on the development sets of real news in ../shared/eval: floors only go up.

The sets are read where they lie (copyrighted texts, never committed); without them these tests
are skipped with the reason.
"""

import pytest

from pipeline.evalsets import score_newsquant, score_polnear

from .conftest import SHARED

POLNEAR = SHARED / "eval" / "polnear-train.jsonl"
NEWSQUANT = SHARED / "eval" / "newsquant-dev.json"

# Measured with `python -m pipeline eval ../shared/eval/polnear-train.jsonl ../shared/eval/newsquant-dev.json`.
POLNEAR_FLOORS = {"precision": 0.811, "recall": 0.449, "f1": 0.578, "mention": 0.878}
NEWSQUANT_FLOORS = {"value_f1": 0.909, "value_unit_f1": 0.806}


@pytest.mark.skipif(not POLNEAR.exists(), reason=f"PolNeAR dev set not found at {POLNEAR}")
def test_devsets_polnear_attribution_floors(nlp):
    scores = score_polnear(POLNEAR, nlp)
    assert scores.at30.precision >= POLNEAR_FLOORS["precision"]
    assert scores.at30.recall >= POLNEAR_FLOORS["recall"]
    assert scores.at30.f1 >= POLNEAR_FLOORS["f1"]
    assert scores.mention_accuracy() >= POLNEAR_FLOORS["mention"]
    # Confidence means something: each lower band is less precise than the one above it.
    precisions = [right / total for _, (right, total) in sorted(scores.bins.items(), reverse=True) if total >= 50]
    assert precisions == sorted(precisions, reverse=True) and len(precisions) >= 3


@pytest.mark.skipif(not NEWSQUANT.exists(), reason=f"NewsQuant dev set not found at {NEWSQUANT}")
def test_devsets_newsquant_quantity_floors(nlp):
    scores = score_newsquant(NEWSQUANT, nlp)
    assert scores.value.f1 >= NEWSQUANT_FLOORS["value_f1"]
    assert scores.value_unit.f1 >= NEWSQUANT_FLOORS["value_unit_f1"]
