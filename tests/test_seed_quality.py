"""Quality gate on the hand-annotated seed article: floors only go up."""

from pipeline.eval import score_gold_file

from .conftest import SEED_GOLD

# Floors, from the first issue's "done when"; raise them when the pipeline does better.
DIRECT_ATTRIBUTED = 5  # of 5
ATTRIBUTED = 20  # of 20 gold quotes found with the right canonical speaker
QUOTE_F1 = 1.0
CLAIM_VALUES = 6  # of 6 non-optional numeric claims
CLAIMANTS = 3  # of 3 gold claimants


def test_seed_quality_meets_floors(seed_outputs):
    scores = score_gold_file(SEED_GOLD, seed_outputs)
    assert scores.direct_attributed >= DIRECT_ATTRIBUTED
    assert scores.attributed >= ATTRIBUTED
    assert scores.quotes.f1 >= QUOTE_F1
    assert scores.claims_value >= CLAIM_VALUES
    assert scores.claims_unit >= CLAIM_VALUES
    assert scores.claims_predicate >= CLAIM_VALUES
    assert scores.claims_claimant >= CLAIMANTS
    assert all(scores.metadata.values()) and len(scores.metadata) == 3
