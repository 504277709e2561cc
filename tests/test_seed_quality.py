"""Quality gate on the hand-annotated seed article (its gold is the project's own, in corpus/gold/)."""

from pipeline.measure.quality import measure, shortfalls
from pipeline.measure.scoring import report_gold, score_gold_file
from pipeline.measure.sets import ROOT

from .conftest import SEED_GOLD


def test_seed_quality_meets_floors(seed_outputs, nlp):
    figures = measure("seed", lambda: nlp, seed_outputs)
    assert figures, "the seed set measured nothing"
    assert shortfalls("seed", figures) == []


def test_seed_quality_readme_shows_what_eval_prints(seed_outputs):
    """The README's seed figures are the ones `make eval` prints today, line for line."""
    scores = score_gold_file(SEED_GOLD, seed_outputs)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [line for line in report_gold(SEED_GOLD.stem, scores).splitlines()[1:] if line not in readme]
    assert missing == []
