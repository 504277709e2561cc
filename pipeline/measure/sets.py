"""Where the gold and development sets lie: the seed's gold is the project's own; the others are
copyrighted development sets beside the checkout, read where they lie and never committed (see the
README's Accuracy section)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the checkout: pipeline/measure/sets.py
FLOORS = ROOT / "tests" / "quality_floors.json"
SHARED_EVAL = ROOT.parent / "shared" / "eval"

SETS: dict[str, list[Path]] = {
    "seed": sorted((ROOT / "corpus" / "gold").glob("*.json")),
    "news_dev": sorted((SHARED_EVAL / "news-dev").glob("*.json")),
    "news_dev2": sorted(p for p in (SHARED_EVAL / "news-dev2").glob("*.json") if p.name != "sources.json"),
    "polnear": [SHARED_EVAL / "polnear-train.jsonl"],
    "newsquant": [SHARED_EVAL / "newsquant-dev.json"],
    "recognizers": sorted(SHARED_EVAL.glob("recognizers-*.json")),
}
# The speaker and claim confidence tables, fitted on one half of the gold sets and reported on the
# other (measure/calibrate.py): the figure the speakers issue is judged by, held as a floor too.
SETS["calibration"] = SETS["news_dev"] + SETS["news_dev2"]


def available(name: str) -> bool:
    return bool(SETS[name]) and all(path.exists() for path in SETS[name])
