"""Quality floors: the accuracy figures the tests hold the pipeline to, kept in one data file.

`measure(set_name, ...)` turns one gold set into named figures (shares in [0, 1]); the tests assert
each figure is at least its floor in `tests/quality_floors.json` less its stated tolerance;
`python -m pipeline.measure.quality` (`make floors`) re-measures and raises floors that the pipeline now
beats. Floors only go up: a figure that fell is reported and its floor kept.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from .calibrate import bands, fit, measured_rows
from .devsets import AttributionScores, score_gold_files, score_newsquant, score_polnear
from .scoring import SeedScores, fold_of
from .sets import FLOORS, SETS, available


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def gold_figures(scores: SeedScores) -> dict[str, float]:
    """Speakers scored entity by entity; the lenient (many-to-one) figures keep floors of their own,
    measured before the entity-level scoring existed, so neither can fall unseen."""
    high = scores.speaker_bands.get((0.9, 1.01), [0, 0])
    high_lenient = scores.speaker_bands_lenient.get((0.9, 1.01), [0, 0])
    return {
        "quote_f1": scores.quotes.f1,
        "quote_f1_80": scores.quotes_80.f1,
        "quote_recall": scores.quotes.recall,
        "quote_precision": scores.quotes.precision,
        "right_speaker": _share(scores.attributed, scores.found_quotes),
        "right_speaker_at_0.9": _share(high[0], high[1]),
        "end_to_end_f1": scores.end_to_end.f1,
        "right_speaker_lenient": _share(scores.attributed_lenient, scores.found_quotes),
        "right_speaker_at_0.9_lenient": _share(high_lenient[0], high_lenient[1]),
        "end_to_end_f1_lenient": scores.end_to_end_lenient.f1,
        "claim_value_recall": _share(scores.claims_value, scores.claims_required),
        "claim_unit": _share(scores.claims_unit, scores.claims_required),
        "claimant": _share(scores.claims_claimant, scores.claimant_gold),
        "claimant_lenient": _share(scores.claims_claimant_lenient, scores.claimant_gold),
        "metadata": _share(scores.metadata_right, scores.metadata_checked),
    }


def polnear_figures(scores: AttributionScores) -> dict[str, float]:
    return {
        "precision": scores.at30.precision,
        "recall": scores.at30.recall,
        "f1": scores.at30.f1,
        "mention": scores.mention_accuracy(),
    }


def measure(name: str, nlp: Callable[[], Language], out_dir: Path | None = None) -> dict[str, float]:
    """The figures of one set; gold-format sets are scored against `out_dir` outputs or run in memory."""
    paths = SETS[name]
    if name in ("seed", "news_dev", "news_dev2"):
        total, folds = SeedScores(), {"A": SeedScores(), "B": SeedScores()}
        for article, scores in score_gold_files(paths, out_dir, nlp):
            total.add(scores)
            folds[fold_of(article)].add(scores)
        gold = gold_figures(total)
        if name != "seed":  # one article has one half
            for fold, scores in folds.items():
                gold[f"right_speaker_fold_{fold}"] = _share(scores.attributed, scores.found_quotes)
        return gold
    if name == "calibration":
        return held_out_bands(nlp)
    if name == "polnear":
        return polnear_figures(score_polnear(paths[0], nlp()))
    figures: dict[str, float] = {}
    for path in paths:
        quantities = score_newsquant(path, nlp())
        prefix = "" if name == "newsquant" else path.stem.removeprefix("recognizers-") + "_"
        figures[f"{prefix}value_f1"] = quantities.value.f1
        figures[f"{prefix}value_unit_f1"] = quantities.value_unit.f1
    return figures


def held_out_bands(nlp: Callable[[], Language]) -> dict[str, float]:
    """How often the speaker (and a claim's value and unit) is right in the top confidence band of
    a table fitted on the other half of the gold sets, both ways."""
    figures: dict[str, float] = {}
    for what, rows in measured_rows(nlp).items():
        for fitted, scored in (("A", "B"), ("B", "A")):
            right, total = bands(fit(rows[fitted]), rows[scored]).get((0.9, 1.01), [0, 0])
            figures[f"{what}_at_0.9_fitted_on_{fitted}"] = _share(right, total)
    return figures


def load_floors() -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def shortfalls(name: str, figures: dict[str, float]) -> list[str]:
    """Each figure under its floor (less the tolerance), as a readable line; empty when all hold."""
    floors = load_floors()
    tolerance = floors["tolerance"]["absolute"]
    return [
        f"{name}.{key}: {figures.get(key, 0.0):.4f} < floor {floor:.4f}"
        for key, floor in floors[name].items()
        if figures.get(key, 0.0) < floor - tolerance
    ]


def raise_floors(names: list[str], nlp: Callable[[], Language]) -> list[str]:
    """Re-measure the sets that are here and raise every floor the pipeline now beats."""
    floors = load_floors()
    lines = []
    for name in names:
        if not available(name):
            lines.append(f"{name}: skipped, not found")
            continue
        figures = measure(name, nlp)
        current = floors.setdefault(name, {})
        for key, value in figures.items():
            old = current.get(key, 0.0)
            current[key] = max(old, math.floor(value * 10_000) / 10_000)
            lines.append(f"{name}.{key}: {value:.4f} (floor {old:.4f} -> {current[key]:.4f})")
    FLOORS.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return lines


def main() -> int:
    from ..nlp import default_nlp

    for line in raise_floors(sys.argv[1:] or list(SETS), default_nlp):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
