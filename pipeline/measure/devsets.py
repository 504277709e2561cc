"""Development sets of real news, scored in memory: PolNeAR (attribution) and NewsQuant (quantities).

Their texts are copyrighted: they are read from ../shared/eval at evaluation time, never copied.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..components import error_of, extraction_of
from ..config import Options
from ..engines.core import process
from ..io.ingest import article_from_text, decode
from ..io.schema import to_dict
from ..nlp import pipeline_info
from ..records import Article, Extraction, NumericClaim
from ..text.paragraphs import paragraphs
from ..text.units import singular, unit_names
from .scoring import PRF, SeedScores, fold_of, match_spans, score_gold, tally
from .textacy_baseline import direct_quotations

# Kinds NewsQuant does not annotate as quantities: calendar references and ranks.
_NOT_QUANTITIES = {"year", "year_range", "date", "ordinal"}
_CONFIDENCE_BINS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.5, 0.7), (0.0, 0.5))


def detect_format(path: Path) -> str:
    """ "polnear" (.jsonl of articles), "newsquant" (a JSON list of sentences), "gold" (a gold file in
    the seed's format: an object with its article's `source`) or "other" (any other file, such as a
    set's `sources.json` or README, which eval names and passes over)."""
    if path.suffix == ".jsonl":
        return "polnear"
    if path.suffix != ".json":
        return "other"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "other"
    if isinstance(data, list):
        return "newsquant"
    is_gold = isinstance(data, dict) and isinstance(data.get("source"), str) and "quotes" in data
    return "gold" if is_gold else "other"


def _extract_texts(nlp: Language, items: list[tuple[str, str]], title_lines: bool) -> Iterator[Extraction]:
    options = Options()

    def articles():
        for item_id, text in items:
            article = article_from_text(text, item_id, item_id, options)
            if not title_lines:  # a lone sentence has no headline or byline
                article = type(article)(**{**article.__dict__, "title": None, "skipped": (), "body_start": 0})
            yield article

    for article, doc in process(nlp, articles(), batch_size=32):
        if (error := error_of(doc)) is not None:
            # Scored as an article in which nothing was found: say so, as extract's error log would.
            print(f"eval: {article.id}: {error}", file=sys.stderr)
        yield extraction_of(doc)


# ---- gold files in the seed's format (the seed, news-dev, imported corrections) ---------------------
def _article_text(gold_path: Path, source: str) -> Path | None:
    """The annotated article: beside its gold file, or in the folder above (corpus/gold/ -> corpus/)."""
    for folder in (gold_path.parent, gold_path.parent.parent):
        if (folder / source).is_file():
            return folder / source
    return None


def _saved_output(path: Path, text: str | None) -> dict[str, Any] | None:
    """An output written by `extract`, if there is one for this very text (or no text to check it by)."""
    try:
        out: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if text is not None and out.get("article", {}).get("sha256") != hashlib.sha256(text.encode()).hexdigest():
        return None
    return out


def score_gold_files(
    gold_paths: list[Path], out_dir: Path | None, nlp: Callable[[], Language]
) -> list[tuple[str, SeedScores]]:
    """Each gold file against the output for its article: the one in `out_dir` (if given) when it is
    for the same text, otherwise the text beside the gold file run through the pipeline in memory
    (nothing written).

    `nlp` builds the pipeline, called only when an article has to be run."""
    golds: list[dict[str, Any]] = []
    outputs: list[dict[str, Any] | None] = []
    to_run: list[Article] = []
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = Path(gold["source"])
        text_path = _article_text(gold_path, gold["source"])
        text = decode(text_path.read_bytes())[0] if text_path else None
        out = _saved_output(out_dir / f"{source.stem}.json", text) if out_dir else None
        if out is None and text is None:
            where = f" in {out_dir}" if out_dir else ""
            raise FileNotFoundError(f"no output for {gold_path.name}{where}, and no {source} beside it")
        if out is None:
            to_run.append(article_from_text(text or "", source.stem, str(text_path), Options()))
        golds.append(gold)
        outputs.append(out)
    if to_run:
        model = nlp()
        info = pipeline_info(model)
        ran = iter([to_dict(extraction_of(doc), info) for _, doc in process(model, to_run, batch_size=8)])
        outputs = [out if out is not None else next(ran) for out in outputs]
    return [
        (path.stem, score_gold(gold, out)) for path, gold, out in zip(gold_paths, golds, outputs, strict=True) if out
    ]


def textacy_output(doc: Doc, text: str) -> dict[str, Any]:
    """textacy's direct quotations of an article, in our output's shape, to score as a baseline:
    each quote direct, its speaker the phrase textacy found (one speaker per distinct phrase)."""
    speakers: dict[str, dict[str, Any]] = {}
    quotes = []
    for n, (phrase, start, end) in enumerate(direct_quotations(doc, paragraphs(text)), 1):
        speaker = speakers.setdefault(
            phrase, {"id": f"s{len(speakers) + 1}", "name": phrase, "description": None, "mentions": [{"text": phrase}]}
        )
        piece = {"start": start, "end": end, "text": text[start:end]}
        quotes.append({"id": f"q{n}", "kind": "direct", "text": piece["text"], "spans": [piece],
                       "speaker": speaker["id"], "confidence": 1.0})  # fmt: skip
    return {"article": {"text": text}, "speakers": list(speakers.values()), "quotes": quotes, "numeric_claims": []}


def score_textacy_baseline(gold_paths: list[Path], nlp: Callable[[], Language]) -> SeedScores:
    """textacy's `direct_quotations` on the same gold articles (those whose text is at hand)."""
    total = SeedScores()
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = _article_text(gold_path, gold["source"])
        if text_path is None:
            continue
        text = decode(text_path.read_bytes())[0]
        total.add(score_gold(gold, textacy_output(nlp()(text), text)))
    return total


# ---- PolNeAR ------------------------------------------------------------------------------------
@dataclass
class AttributionScores:
    at30: PRF = field(default_factory=PRF)
    at80: PRF = field(default_factory=PRF)
    gold_by_type: dict[str, list[int]] = field(default_factory=lambda: {"direct": [0, 0], "indirect": [0, 0]})
    predicted_by_kind: dict[str, list[int]] = field(default_factory=dict)
    mention_right: int = 0
    mention_checked: int = 0
    bins: dict[tuple[float, float], list[int]] = field(default_factory=dict)
    # quote rule id -> [predictions found in the gold, predictions]: what QUOTE_RULES' confidence is
    by_rule: dict[str, list[int]] = field(default_factory=dict)

    def mention_accuracy(self) -> float:
        return self.mention_right / self.mention_checked if self.mention_checked else 0.0

    def report(self) -> str:
        lines = [self.at30.line("quotes (>30%)"), self.at80.line("quotes (>80%)")]
        for kind, (found, total) in self.gold_by_type.items():
            lines.append(f"  gold {kind:<9} recall {found / max(total, 1):.3f} ({found}/{total})")
        for kind, (right, total) in sorted(self.predicted_by_kind.items()):
            lines.append(f"  our {kind:<10} precision {right / max(total, 1):.3f} ({right}/{total})")
        lines.append(
            f"speaker mention right on found quotes: {self.mention_accuracy():.3f} "
            f"({self.mention_right}/{self.mention_checked})"
        )
        lines.append("confidence -> precision (>30%):")
        for (low, high), (right, total) in sorted(self.bins.items(), reverse=True):
            lines.append(
                f"  [{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}"
                f"  {right / max(total, 1):.3f}  ({right}/{total})"
            )
        lines.append("quote rule -> precision (>30%), the confidence of each row of QUOTE_RULES:")
        for rule, (right, total) in sorted(self.by_rule.items()):
            lines.append(f"  {rule:<34} {right / max(total, 1):.3f}  ({right}/{total})")
        return "\n".join(lines)


def score_polnear(path: Path, nlp: Language, limit: int | None = None) -> AttributionScores:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    scores = AttributionScores()
    extractions = _extract_texts(nlp, [(r["id"], r["text"]) for r in rows], title_lines=True)
    for row, extraction in zip(rows, extractions, strict=True):
        _score_polnear_article(scores, row, extraction)
    return scores


def _score_polnear_article(scores: AttributionScores, row: dict[str, Any], extraction: Extraction) -> None:
    gold = row["quotes"]
    gold_spans = [[tuple(s) for s in g["content_spans"]] for g in gold]
    # PolNeAR annotates the outer attribution only: a partial quote inside our reported-speech
    # quote is part of it there, not a quote of its own.
    predicted = [
        q for q in extraction.quotes
        if not any(o is not q and o.start <= q.start and q.end <= o.end for o in extraction.quotes)
    ]  # fmt: skip
    pred_spans = [[(s.start, s.end) for s in q.spans] for q in predicted]
    for threshold, prf in ((0.3, scores.at30), (0.8, scores.at80)):
        matched = match_spans(gold_spans, pred_spans, threshold)
        prf.add(PRF(len(matched), len(gold), len(matched), len(predicted)))
    matched = match_spans(gold_spans, pred_spans, 0.3)
    hit = set(matched.values())
    for g_index, g in enumerate(gold):
        tally(scores.gold_by_type, "direct" if g["is_direct"] else "indirect", g_index in matched)
    for p_index, quote in enumerate(predicted):
        tally(scores.predicted_by_kind, quote.kind, p_index in hit)
        tally(scores.by_rule, quote.evidence, p_index in hit)
        for low, high in _CONFIDENCE_BINS:
            if low <= quote.confidence < high:
                tally(scores.bins, (low, high), p_index in hit)
    for g_index, p_index in matched.items():
        gold_speaker = gold[g_index].get("speaker_span")
        mention = predicted[p_index].speaker_mention
        if not gold_speaker:
            continue
        scores.mention_checked += 1
        scores.mention_right += bool(mention and mention.start < gold_speaker[1] and gold_speaker[0] < mention.end)


# ---- NewsQuant ------------------------------------------------------------------------------
# NewsQuant's dev half is the half of its sentences whose plain hash is even: its own halves are
# split by a salted hash.
NEWSQUANT_SALT = "newsquant-dev/"

# NewsQuant names a few units otherwise than units.txt does; the same unit either way.
_UNIT_SYNONYMS = {
    "$": "dollar", "us$": "dollar", "%": "percentage", "percent": "percentage", "per cent": "percentage",
    "£": "pound", "€": "euro", "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "percentage point": "point", "percentage points": "point",
}  # fmt: skip


def normalise_unit(unit: str | None) -> str:
    """Unit text compared loosely: case, plural and currency or percent symbols do not matter."""
    text = (unit or "").strip().lower()
    text = _UNIT_SYNONYMS.get(text, text)
    return " ".join(singular(w) for w in re.findall(r"[\w$%£€]+", text))


def unit_hit(gold: dict[str, Any], claim: NumericClaim) -> bool:
    """Whether the claim's unit, or any name of its canonical unit, is the gold unit or its normalised form."""
    wanted = {normalise_unit(gold.get("unit")), normalise_unit(gold.get("normalized_unit"))}
    ours = {normalise_unit(claim.unit)} | {normalise_unit(n) for n in unit_names(claim.unit_normalized)}
    return bool(wanted & ours)


_GOLD_VALUE = re.compile(r"^\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*(?:-\s*(-?[\d.]+(?:e[+-]?\d+)?))?\s*$")


def _gold_value(text: str) -> tuple[float, ...]:
    """ "275.0" -> (275.0,); "1000-10000" and "3.0 - 4.0" are ranges; "-1.3" is negative."""
    match = _GOLD_VALUE.match(text.replace(",", ""))
    if not match:
        return ()
    return tuple(float(p) for p in match.groups() if p is not None)


def _same(gold: tuple[float, ...], value: Any) -> bool:
    ours = tuple(float(v) for v in value) if isinstance(value, (list, tuple)) else (float(value),)
    return len(gold) == len(ours) and all(
        abs(a - b) <= 1e-6 * max(1.0, abs(a)) for a, b in zip(gold, ours, strict=True)
    )


@dataclass
class QuantityScores:
    value: PRF = field(default_factory=PRF)
    value_unit: PRF = field(default_factory=PRF)
    # The same figures for each half of the sentences (scoring.fold_of on the sentence's text).
    folds: dict[str, list[PRF]] = field(default_factory=dict)

    def report(self) -> str:
        lines = [self.value.line("value"), self.value_unit.line("value + unit")]
        for fold, (value, value_unit) in sorted(self.folds.items()):
            lines.append(f"  fold {fold}: value F1 {value.f1:.3f}, value + unit F1 {value_unit.f1:.3f}")
        return "\n".join(lines)


def _changes_as_ranges(claims: list[NumericClaim]) -> list[NumericClaim]:
    """NewsQuant writes a change ("rose from $160 to $180") as one quantity, the range "160-180";
    we give its two ends as two claims: scored as that range, as units go by NewsQuant's names."""
    merged: list[NumericClaim] = []
    for claim in claims:
        prev = merged[-1] if merged else None
        if prev is not None and prev.change == "from" and claim.change == "to" and prev.paired_with == claim.id:
            if isinstance(prev.value, (int, float)) and isinstance(claim.value, (int, float)):
                # As written, from then to: "fell from 4.8 to 4.7" is NewsQuant's "4.8-4.7".
                merged[-1] = replace(claim, value=(prev.value, claim.value), change=None, paired_with=None)
                continue
        merged.append(claim)
    return merged


def score_newsquant(path: Path, nlp: Language) -> QuantityScores:
    rows = json.loads(path.read_text(encoding="utf-8"))
    scores = QuantityScores()
    items = [(f"s{i}", row["text"]) for i, row in enumerate(rows)]
    for row, extraction in zip(rows, _extract_texts(nlp, items, title_lines=False), strict=True):
        gold = row["quantities"]
        predicted = _changes_as_ranges([c for c in extraction.numeric_claims if c.kind not in _NOT_QUANTITIES])
        used: set[int] = set()
        value_hits = unit_hits = 0
        for g in gold:
            wanted = _gold_value(g["value"])
            for i, claim in enumerate(predicted):
                if i not in used and _same(wanted, claim.value):
                    used.add(i)
                    value_hits += 1
                    unit_hits += unit_hit(g, claim)
                    break
        scores.value.add(PRF(value_hits, len(gold), value_hits, len(predicted)))
        scores.value_unit.add(PRF(unit_hits, len(gold), unit_hits, len(predicted)))
        fold = scores.folds.setdefault(fold_of(row["text"], NEWSQUANT_SALT), [PRF(), PRF()])
        fold[0].add(PRF(value_hits, len(gold), value_hits, len(predicted)))
        fold[1].add(PRF(unit_hits, len(gold), unit_hits, len(predicted)))
    return scores
