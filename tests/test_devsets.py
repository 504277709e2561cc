"""Quality gate on the development sets of real news in ../shared/eval: floors only go up.

The sets are read where they lie (copyrighted texts, never committed); without them these tests
are skipped with the reason. Floors and their tolerance: tests/quality_floors.json.
"""

import pytest

from pipeline.measure.devsets import score_polnear
from pipeline.measure.quality import measure, polnear_figures, shortfalls
from pipeline.measure.sets import ROOT, SETS, SHARED_EVAL, available

README = ROOT / "README.md"


def _skip_unless_available(name: str) -> None:
    if not available(name):
        pytest.skip(f"development set {name} not found in {SHARED_EVAL} (see README, Accuracy)")


@pytest.mark.parametrize("name", ["news_dev", "news_dev2", "newsquant", "recognizers", "calibration"])
def test_devsets_meet_floors(nlp, name):
    _skip_unless_available(name)
    figures = measure(name, lambda: nlp)
    assert figures, f"{name} measured nothing"
    assert shortfalls(name, figures) == []


@pytest.mark.slow
def test_devsets_polnear_attribution_floors(nlp):
    _skip_unless_available("polnear")
    scores = score_polnear(SETS["polnear"][0], nlp)
    assert shortfalls("polnear", polnear_figures(scores)) == []
    # Confidence means something: each lower band is less precise than the one above it.
    precisions = [right / total for _, (right, total) in sorted(scores.bins.items(), reverse=True) if total >= 50]
    assert precisions == sorted(precisions, reverse=True) and len(precisions) >= 3
    # The README shows what `make eval` prints.
    readme = README.read_text(encoding="utf-8")
    assert [line for line in scores.report().splitlines() if line not in readme] == []


@pytest.mark.parametrize("name", ["news_dev", "news_dev2"])
def test_devsets_readme_shows_what_eval_prints_for_the_gold_sets(nlp, name):
    """The README's blocks for news-dev and news-dev2, folds included, are what `make eval` prints."""
    from pipeline.measure.devsets import score_gold_files
    from pipeline.measure.scoring import report_gold_set

    _skip_unless_available(name)
    paths = SETS[name]
    report = report_gold_set(score_gold_files(paths, None, lambda: nlp), paths[0].parent.name)
    readme = README.read_text(encoding="utf-8")
    assert [line for line in report.splitlines() if line not in readme] == []


def test_devsets_readme_shows_the_out_of_sample_speaker_calibration(nlp):
    """The calibration the README shows is the one `python -m pipeline.measure.calibrate` prints, and
    the shipped table is the one it fits on both folds."""
    from pipeline.measure.calibrate import both_folds, fit, measured_rows, report
    from pipeline.speakers import SPEAKER_CONFIDENCE

    for name in ("news_dev", "news_dev2"):
        _skip_unless_available(name)
    from pipeline.claims import CLAIM_CONFIDENCE

    readme = README.read_text(encoding="utf-8")
    measured = measured_rows(lambda: nlp)
    for what, shipped in (("speakers", SPEAKER_CONFIDENCE), ("claims", CLAIM_CONFIDENCE)):
        lines = report(measured[what], what)
        shown = lines[: next(n for n, line in enumerate(lines) if line.startswith("fitted on both folds"))]
        assert shown and [line for line in shown if line not in readme] == []
        assert fit(both_folds(measured[what])) == shipped


def test_devsets_eval_says_which_article_a_stage_failed_on(nlp, monkeypatch, capsys):
    """An article a stage fails on is scored as one in which nothing was found; eval names it and
    the error on stderr rather than lowering the figures in silence."""
    import pipeline.components as components
    from pipeline.measure.devsets import _extract_texts

    def broken(*args, **kwargs):
        raise KeyError("a vocabulary")

    monkeypatch.setattr(components, "resolve_speakers", broken)
    (extraction,) = _extract_texts(nlp, [("article-7", "Ana Lopes said the plan was fair.")], title_lines=False)
    assert extraction.speakers == ()
    assert "eval: article-7: pipeline_speakers" in capsys.readouterr().err
