"""Scoring outputs against human gold: precision, recall and F1, never equality with a snapshot.

Quotes follow the overlap rule used in the field: a gold quote is found when one predicted quote
covers more than 30% of its characters (each prediction used once); figures at 80% are reported
too. A quote repeated word for word (a headline and its lede) is scored once.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..speakers import speaker_rule
from ..speakers.names import acronym
from ..text.units import singular, unit_names

_STOP = {
    "the",
    "a",
    "an",
    "of",
    "by",
    "to",
    "in",
    "for",
    "and",
    "on",
    "at",
    "with",
    "was",
    "were",
    "is",
    "be",
    "been",
    "being",
}
_DETERMINERS = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}


@dataclass
class PRF:
    found: int = 0  # gold items matched
    gold: int = 0
    correct_predictions: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.found += other.found
        self.gold += other.gold
        self.correct_predictions += other.correct_predictions
        self.predicted += other.predicted

    def line(self, label: str) -> str:
        if not self.gold and not self.predicted:
            return f"{label:<28} n/a (nothing to score)"
        return (
            f"{label:<28} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"   ({self.found}/{self.gold} gold found, {self.correct_predictions}/{self.predicted} predictions right)"
        )


def overlap_share(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> float:
    """Share of the gold characters that the prediction covers."""
    total = sum(e - s for s, e in gold)
    if not total:
        return 0.0
    covered = sum(max(0, min(ge, pe) - max(gs, ps)) for gs, ge in gold for ps, pe in predicted)
    return covered / total


def match_spans(
    gold: list[list[tuple[int, int]]],
    predicted: list[list[tuple[int, int]]],
    threshold: float,
    same_kind: Callable[[int, int], bool] | None = None,
) -> dict[int, int]:
    """Gold index -> predicted index, one to one, greedily by largest overlap above `threshold`.

    With `same_kind`, a prediction of the gold's own kind is preferred: a partial quote inside
    reported speech overlaps both, and should pair with its own kind.
    """
    pairs = []
    for g, g_spans in enumerate(gold):
        for p, p_spans in enumerate(predicted):
            share = overlap_share(g_spans, p_spans)
            if share > threshold:
                pairs.append((bool(same_kind and same_kind(g, p)), share, -g, -p))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _share, neg_g, neg_p in sorted(pairs, reverse=True):
        g, p = -neg_g, -neg_p
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


# ---- the seed format (shared/gold) ------------------------------------------------------------
def _norm(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip().lower())
    return _DETERMINERS.sub("", text).strip(' ,.:;"“”‘’')


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def predicate_matches(gold: str, predicted: str | None) -> bool:
    """Most of the gold predicate's content words, and not many more, are in the predicted one."""
    if not predicted:
        return False
    g, p = _words(gold), _words(predicted)
    common = len(g & p)
    return bool(g) and common / len(g) >= 0.75 and common / max(len(p), 1) >= 0.5


def _locate(text: str, gold_text: str | list[str]) -> list[list[tuple[int, int]]]:
    """Every place the gold quote stands in the article, as character spans."""
    paragraphs = gold_text if isinstance(gold_text, list) else [gold_text]
    places = []
    for m in re.finditer(re.escape(paragraphs[0]), text):
        spans, at = [(m.start(), m.end())], m.end()
        for para in paragraphs[1:]:
            nxt = text.find(para, at)
            if nxt < 0:
                break
            spans.append((nxt, nxt + len(para)))
            at = nxt + len(para)
        if len(spans) == len(paragraphs):
            places.append(spans)
    return places


def _speaker_names(names: list[str]) -> set[str]:
    """A speaker's names and mentions, compared loosely; pronouns say nothing of who it is."""
    return {n for n in (_norm(x) for x in names if x) if n and n not in _PRONOUNS}


def _predicted_names(speaker: dict[str, Any]) -> set[str]:
    texts = [m["text"] for m in speaker["mentions"]] + [speaker.get("name") or "", speaker.get("description") or ""]
    return _speaker_names(texts)


def _gold_names(speaker: dict[str, Any]) -> set[str]:
    return _speaker_names([*speaker.get("mentions", []), speaker.get("name") or ""])


def _same_or_within(a: str, b: str) -> bool:
    """Two normalised names: the same words, or one's words inside the other's ("lopes", "ana lopes")."""
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _shared_mentions(ours: set[str], theirs: set[str]) -> int:
    """How many of our names stand among theirs: the same words, or one inside the other."""
    return sum(any(_same_or_within(n, x) for x in theirs) for n in ours)


def align_speakers(predicted: list[dict[str, Any]], gold: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Predicted speaker id -> gold speaker key, many to one, by the names and mentions they share.

    Lenient: "the minister" kept as a speaker of its own beside "Ana Lopes" aligns to her too. Kept
    to read beside `align_speakers_one_to_one`, never instead of it."""
    aligned = {}
    gold_names = {key: _gold_names(g) for key, g in gold.items()}
    for speaker in predicted:
        names = _predicted_names(speaker)
        best, best_score = None, 0
        for key in gold:
            score = _shared_mentions(names, gold_names[key])
            if score > best_score:
                best, best_score = key, score
        if best is not None:
            aligned[speaker["id"]] = best
    return aligned


def align_speakers_one_to_one(predicted: list[dict[str, Any]], gold: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Predicted speaker id -> gold speaker key, one to one, as entity-level coreference scores align
    entities: the pair that shares the most mentions first, then the next among those left. A real
    speaker split in two ("Ana Lopes" and a separate "the minister") keeps one of the halves; the
    other half's quotes are scored wrong, as a user would count them."""
    gold_names = {key: _gold_names(g) for key, g in gold.items()}
    pairs = []
    for order, speaker in enumerate(predicted):
        names = _predicted_names(speaker)
        for key in gold:
            shared = _shared_mentions(names, gold_names[key])
            if shared:
                exact = len(names & gold_names[key])
                pairs.append((-shared, -exact, order, key, speaker["id"]))
    aligned: dict[str, str] = {}
    taken: set[str] = set()
    for *_, key, speaker_id in sorted(pairs):
        if speaker_id not in aligned and key not in taken:
            aligned[speaker_id] = key
            taken.add(key)
    return aligned


def named_as_gold(speaker: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a predicted speaker is shown under the name the gold speaker has (when it has one):
    its name, else its description, as the tables and the review site label it; the same words, a
    part of them ("Lopes" for "Ana Lopes"), or its acronym. A speaker shown as "the minister" is not
    "Ana Lopes" even when nobody else stands for her."""
    wanted = _norm(gold.get("name") or "")
    if not wanted:
        return True
    ours = _norm(speaker.get("name") or speaker.get("description") or "")
    if not ours:
        return False
    return _same_or_within(ours, wanted) or acronym(ours) == wanted.upper() or acronym(wanted) == ours.upper()


def right_speakers(predicted: list[dict[str, Any]], gold: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Predicted speaker id -> the gold speaker it is, entity by entity: aligned one to one and
    named as the gold speaker is named. A quote's speaker is right when this maps it to the gold's."""
    by_id = {speaker["id"]: speaker for speaker in predicted}
    aligned = align_speakers_one_to_one(predicted, gold)
    return {p: g for p, g in aligned.items() if named_as_gold(by_id[p], gold[g])}


# Speaker-confidence bands the report shows, high first: a wrong speaker should not sit in the top one.
SPEAKER_BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))


@dataclass
class SeedScores:
    """One gold article's scores, or a set's sum. Speakers are scored entity by entity (a predicted
    speaker stands for at most one real one: `align_speakers_one_to_one`); the lenient many-to-one
    figures (`*_lenient`) are printed beside them, never instead."""

    by_kind: dict[str, PRF] = field(default_factory=dict)
    quotes: PRF = field(default_factory=PRF)
    quotes_80: PRF = field(default_factory=PRF)
    attributed: int = 0  # gold quotes found (any kind) whose speaker is the gold speaker's one entity
    attributed_lenient: int = 0  # ... whose speaker shares a mention with the gold speaker
    found_quotes: int = 0  # gold quotes found (any kind), at the 30% rule
    direct_attributed: int = 0
    direct_gold: int = 0
    gold_quotes: int = 0
    # gold speaker type -> [found quotes with the right speaker, found quotes]
    speaker_types: dict[str, list[int]] = field(default_factory=dict)
    # speaker-confidence band -> [found quotes with the right speaker, found quotes]
    speaker_bands: dict[tuple[float, float], list[int]] = field(default_factory=dict)
    speaker_bands_lenient: dict[tuple[float, float], list[int]] = field(default_factory=dict)
    # speaker rule (the speaker pass, attribution strength) -> [right speaker, found quotes]:
    # the table that calibrates speaker_confidence
    speaker_rules: dict[str, list[int]] = field(default_factory=dict)
    # claim evidence -> [predicted claims a required gold claim has with its unit, predicted claims
    # (those matching only an optional gold claim left out)]: the table that calibrates confidence
    claim_rules: dict[str, list[int]] = field(default_factory=dict)
    claims: PRF = field(default_factory=PRF)
    claims_required: int = 0
    claims_value: int = 0
    claims_unit: int = 0
    claims_predicate: int = 0
    claims_claimant: int = 0
    claims_claimant_lenient: int = 0
    claimant_gold: int = 0
    metadata: dict[str, bool] = field(default_factory=dict)  # field -> right, for one article
    metadata_right: int = 0
    metadata_checked: int = 0
    articles: int = 0

    @property
    def end_to_end(self) -> PRF:
        """A quote counts only when it is found and its speaker is right."""
        return PRF(self.attributed, self.quotes.gold, self.attributed, self.quotes.predicted)

    @property
    def end_to_end_lenient(self) -> PRF:
        return PRF(self.attributed_lenient, self.quotes.gold, self.attributed_lenient, self.quotes.predicted)

    def add(self, other: SeedScores) -> None:
        """Sum another article's scores into these (metadata as counts of fields right)."""
        for kind, prf in other.by_kind.items():
            self.by_kind.setdefault(kind, PRF()).add(prf)
        self.quotes.add(other.quotes)
        self.quotes_80.add(other.quotes_80)
        self.claims.add(other.claims)
        for mine, theirs in ((self.speaker_bands, other.speaker_bands),
                             (self.speaker_bands_lenient, other.speaker_bands_lenient),
                             (self.speaker_rules, other.speaker_rules),
                             (self.claim_rules, other.claim_rules),
                             (self.speaker_types, other.speaker_types)):  # fmt: skip
            for key, (right, total) in theirs.items():
                tally(mine, key, right, total)
        for name in ("attributed", "attributed_lenient", "found_quotes", "direct_attributed", "direct_gold",
                     "gold_quotes", "claims_required", "claims_value", "claims_unit", "claims_predicate",
                     "claims_claimant", "claims_claimant_lenient", "claimant_gold", "metadata_right",
                     "metadata_checked", "articles"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self) -> list[str]:
        lines = [self.quotes.line("quotes, any kind (>30%)"), self.quotes_80.line("quotes, any kind (>80%)")]
        lines += [
            self.by_kind[kind].line(f"  {kind}") for kind in ("direct", "partial", "indirect") if kind in self.by_kind
        ]
        lines.append(
            f"{'quotes with right speaker':<28} {self.attributed}/{self.found_quotes} found"
            f" ({ratio(self.attributed, self.found_quotes)}), of {self.gold_quotes} gold"
            f"  (direct {self.direct_attributed}/{self.direct_gold}); one speaker per real one"
        )
        lines.append(
            f"{'  lenient (many to one)':<28} {self.attributed_lenient}/{self.found_quotes} found"
            f" ({ratio(self.attributed_lenient, self.found_quotes)}): a speaker split in two counts right"
        )
        for kind, (right, total) in sorted(self.speaker_types.items()):
            lines.append(f"  {'speaker ' + kind:<26} {ratio(right, total)}  ({right}/{total})")
        lines.append(self.end_to_end.line("quote found + right speaker"))
        lines.append("speaker confidence -> right speaker (found quotes):")
        for (low, high), (right, total) in sorted(self.speaker_bands.items(), reverse=True):
            band = f"[{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}"
            lines.append(f"  {band:<12} {ratio(right, total)}  ({right}/{total})")
        lines.append("speaker rule (pass, attribution) -> right speaker (found quotes):")
        for rule, (right, total) in sorted(self.speaker_rules.items()):
            lines.append(f"  {rule:<34} {ratio(right, total)}  ({right}/{total})")
        lines.append(self.claims.line("numeric claims (value)"))
        required = self.claims_required
        lines.append(
            f"{'  of required claims':<28} value {self.claims_value}/{required} ({ratio(self.claims_value, required)}),"
            f" value + unit {self.claims_unit}/{required} ({ratio(self.claims_unit, required)}),"
            f" predicate {self.claims_predicate}/{required},"
            f" claimant {self.claims_claimant}/{self.claimant_gold} ({ratio(self.claims_claimant, self.claimant_gold)};"
            f" lenient {ratio(self.claims_claimant_lenient, self.claimant_gold)})"
        )
        return lines


def tally(table: dict[Any, list[int]], key: Any, right: int, total: int = 1) -> None:
    """One more item under `key`, right or not: [right, total] counts, as the reports keep them."""
    counts = table.setdefault(key, [0, 0])
    counts[0] += right
    counts[1] += total


def _speaker_rule(quote: dict[str, Any]) -> str:
    """The row of the speaker-confidence table a quote falls in (see speakers.SPEAKER_CONFIDENCE)."""
    if not quote.get("speaker"):
        return "no speaker"
    return speaker_rule(quote.get("speaker_evidence", ""), quote["confidence"])


def ratio(part: int, whole: int) -> str:
    """A share with three decimals, or n/a when there is nothing to share."""
    return f"{part / whole:.3f}" if whole else "n/a"


def _unique_quotes(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, unique = set(), []
    for q in quotes:
        text = q["text"] if isinstance(q["text"], str) else "\n".join(q["text"])
        key = (q["kind"], text.strip().lower())
        if key not in seen:
            seen.add(key)
            unique.append(q)
    return unique


def _score_quotes(
    scores: SeedScores, out: dict[str, Any], gold: dict[str, Any], aligned: dict[str, str], lenient: dict[str, str]
) -> None:
    text = out["article"]["text"]
    predicted = _unique_quotes(out["quotes"])
    gold_quotes = _unique_quotes([g for g in gold["quotes"] if not g.get("optional")])
    places = [_locate(text, g["text"]) for g in gold_quotes]

    # A gold quote that stands in several places counts where a prediction covers it best.
    def best_place(i: int, spans_of: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
        return (
            max(places[i], key=lambda pl: max((overlap_share(pl, s) for s in spans_of), default=0)) if places[i] else []
        )

    pred_spans = [[(s["start"], s["end"]) for s in q["spans"]] for q in predicted]
    gold_spans = [best_place(i, pred_spans) for i in range(len(gold_quotes))]

    def same_kind(g: int, p: int) -> bool:
        return bool(gold_quotes[g]["kind"] == predicted[p]["kind"])

    for threshold, prf in ((0.3, scores.quotes), (0.8, scores.quotes_80)):
        matched = match_spans(gold_spans, pred_spans, threshold, same_kind)
        prf.add(PRF(len(matched), len(gold_quotes), len(matched), len(predicted)))
    matched = match_spans(gold_spans, pred_spans, 0.3, same_kind)
    for g, p in matched.items():
        speaker = predicted[p]["speaker"] or ""
        right = aligned.get(speaker) == gold_quotes[g].get("speaker")
        lenient_right = lenient.get(speaker) == gold_quotes[g].get("speaker")
        scores.attributed += right
        scores.attributed_lenient += lenient_right
        gold_type = gold["speakers"].get(gold_quotes[g].get("speaker") or "", {}).get("type") or "none"
        tally(scores.speaker_types, gold_type, right)
        scores.found_quotes += 1
        if gold_quotes[g]["kind"] == "direct":
            scores.direct_attributed += right
        confidence = predicted[p].get("speaker_confidence", predicted[p]["confidence"])
        band = next(b for b in SPEAKER_BANDS if b[0] <= confidence < b[1])
        tally(scores.speaker_bands, band, right)
        tally(scores.speaker_bands_lenient, band, lenient_right)
        tally(scores.speaker_rules, _speaker_rule(predicted[p]), right)
    scores.gold_quotes += len(gold_quotes)
    scores.direct_gold += sum(g["kind"] == "direct" for g in gold_quotes)
    for kind in ("direct", "partial", "indirect"):
        g_idx = [i for i, g in enumerate(gold_quotes) if g["kind"] == kind]
        p_idx = [i for i, q in enumerate(predicted) if q["kind"] == kind]
        kind_matched = match_spans([gold_spans[i] for i in g_idx], [pred_spans[i] for i in p_idx], 0.3)
        scores.by_kind.setdefault(kind, PRF()).add(PRF(len(kind_matched), len(g_idx), len(kind_matched), len(p_idx)))


# Values match within a relative tolerance: gold writes "a sixth" as 1/6, outputs round to 4 decimals.
VALUE_TOLERANCE = 1e-3


def same_value(a: Any, b: Any) -> bool:
    """Numbers within VALUE_TOLERANCE (relative), ISO date strings equal, ranges end by end."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b), 1e-9)
    return False


def _head_word(unit: str) -> str:
    """A unit's head word, singular: "consecutive games" -> "game", "pound per week" -> "pound"."""
    words = _norm(unit).partition(" per ")[0].split()
    return singular(words[-1]) if words else ""


def _unit_matches(gold_unit: str | None, predicted: str | None, normalized: str | None) -> bool:
    """The surface unit or its normalised form, or the same head word ("states" and "Arab states",
    "assists per game" and "assists"), as the issue's scorer of the hidden articles does; a gold
    unit of null wants none."""
    if gold_unit is None:
        return not predicted
    wanted = _norm(gold_unit)
    names = {_norm(predicted or ""), *(_norm(name) for name in unit_names(normalized))}
    return wanted in names or _head_word(wanted) in {_head_word(n) for n in names if n}


def _claim_pairs(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[int, int]:
    """Gold claim -> the predicted claim it is scored against, one to one: the same value written in
    the same words first (gold has no offsets: "six aircraft" should not be paired with an earlier
    "£6" only because the values agree), then the same value anywhere."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    # Gold written from a review carries offsets: the claim the reviewer marked is that one.
    places = {(c.get("start"), c.get("end")): i for i, c in enumerate(predicted)}
    for n, g in enumerate(gold):
        i = places.get((g.get("start"), g.get("end"))) if isinstance(g.get("start"), int) else None
        if i is not None and i not in used and same_value(predicted[i]["value"], g["value"]):
            pairs[n] = i
            used.add(i)
    for same_words in (True, False):
        for n, g in enumerate(gold):
            if n in pairs:
                continue
            for i, c in enumerate(predicted):
                if i in used or not same_value(c["value"], g["value"]):
                    continue
                written, ours = g.get("text", ""), c.get("text", "")
                if not same_words or (written and ours and (written in ours or ours in written)):
                    pairs[n] = i
                    used.add(i)
                    break
    return pairs


def _score_claims(
    scores: SeedScores, out: dict[str, Any], gold: dict[str, Any], aligned: dict[str, str], lenient: dict[str, str]
) -> None:
    predicted = out["numeric_claims"]
    required = [g for g in gold["numeric_claims"] if not g.get("optional")]
    hits = _claim_pairs(gold["numeric_claims"], predicted)
    gold_of = {i: gold["numeric_claims"][n] for n, i in hits.items()}
    for i, claim in enumerate(predicted):
        g = gold_of.get(i)
        if g is not None and g.get("optional"):
            continue  # a marginal figure: neither right nor wrong to find
        unit = claim.get("unit_normalized")
        unit_ok = g is not None and ("unit" not in g or _unit_matches(g["unit"], claim["unit"], unit))
        right = g is not None and unit_ok
        tally(scores.claim_rules, claim.get("evidence") or "none", right)
    matched = value_right = 0
    for n, g in enumerate(gold["numeric_claims"]):
        hit = hits.get(n)
        if hit is None:
            continue
        matched += 1
        if g.get("optional"):
            continue
        c = predicted[hit]
        value_right += 1
        scores.claims_unit += "unit" not in g or _unit_matches(g["unit"], c["unit"], c.get("unit_normalized"))
        scores.claims_predicate += "predicate" not in g or predicate_matches(g["predicate"] or "", c["predicate"])
        if "claimant" in g:
            scores.claimant_gold += 1
            scores.claims_claimant += aligned.get(c["claimant"] or "") == g["claimant"]
            scores.claims_claimant_lenient += lenient.get(c["claimant"] or "") == g["claimant"]
    scores.claims_value += value_right
    scores.claims_required += len(required)
    scores.claims.add(PRF(value_right, len(required), matched, len(predicted)))


def score_gold(gold: dict[str, Any], out: dict[str, Any]) -> SeedScores:
    """One article's output against its gold annotation (the format of the seed's gold)."""
    scores = SeedScores(articles=1)
    aligned = right_speakers(out["speakers"], gold["speakers"])
    lenient = align_speakers(out["speakers"], gold["speakers"])
    _score_quotes(scores, out, gold, aligned, lenient)
    _score_claims(scores, out, gold, aligned, lenient)
    meta = gold.get("metadata", {})
    scores.metadata = {k: out["article"].get(k) == meta[k] for k in ("title", "author", "published") if k in meta}
    scores.metadata_right, scores.metadata_checked = sum(scores.metadata.values()), len(scores.metadata)
    return scores


def score_gold_file(gold_path: Path, out_dir: Path) -> SeedScores:
    """A gold file against the output of the same article in `out_dir`."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out_path = out_dir / f"{Path(gold['source']).stem}.json"
    if not out_path.exists():
        raise FileNotFoundError(f"no output {out_path} for gold {gold_path}: run extract first")
    return score_gold(gold, json.loads(out_path.read_text(encoding="utf-8")))


def report_gold(name: str, scores: SeedScores) -> str:
    """The figures `eval` prints for one gold article or a set of them."""
    lines = [f"== {name}", *scores.report()]
    if scores.articles == 1:
        lines.append("metadata: " + ", ".join(f"{k} {'ok' if ok else 'WRONG'}" for k, ok in scores.metadata.items()))
    else:
        lines.append(
            f"metadata fields right: {scores.metadata_right}/{scores.metadata_checked} ({scores.articles} articles)"
        )
    return "\n".join(lines)


def report_baseline(scores: SeedScores) -> str:
    """The baseline's quote and speaker figures, to read beside ours."""
    return "\n".join(
        [
            "baseline: textacy direct_quotations, run per paragraph (direct quotes only):",
            scores.quotes.line("  quotes, any kind (>30%)"),
            f"{'  quotes with right speaker':<28} {scores.attributed}/{scores.found_quotes} found"
            f" ({ratio(scores.attributed, scores.found_quotes)}), of {scores.gold_quotes} gold",
            scores.end_to_end.line("  found + right speaker"),
        ]
    )


def fold_of(name: str, salt: str = "") -> str:
    """The half of a development set an article or sentence falls in, by a stable hash of its name:
    "A", whose errors rules may be written from, or "B", kept back to see whether they hold. A set
    that is itself one half of a larger one by this same hash (NewsQuant's dev half: every sentence
    hashes to A) is split with a `salt`."""
    digest = hashlib.sha256((salt + name).encode("utf-8")).hexdigest()
    return "A" if int(digest, 16) % 2 == 0 else "B"


def fold_line(fold: str, scores: SeedScores) -> str:
    """The figures the speakers and numbers issues are judged by, for one half of a set."""
    high = scores.speaker_bands.get(SPEAKER_BANDS[0], [0, 0])
    quotes, required = scores.quotes, scores.claims_required
    return (
        f"  fold {fold} ({scores.articles} articles): quotes R {quotes.recall:.3f} P {quotes.precision:.3f},"
        f" right speaker {scores.attributed}/{scores.found_quotes} ({ratio(scores.attributed, scores.found_quotes)}),"
        f" at >= 0.9 {high[0]}/{high[1]} ({ratio(*high)}); claims value {ratio(scores.claims_value, required)},"
        f" + unit {ratio(scores.claims_unit, required)},"
        f" claimant {ratio(scores.claims_claimant, scores.claimant_gold)}"
    )


def report_gold_set(scored: list[tuple[str, SeedScores]], set_name: str) -> str:
    """One gold article's figures, or a line per article, the figures of the whole set and of each
    of its halves (`fold_of`)."""
    if len(scored) == 1:
        return report_gold(*scored[0])
    total = SeedScores()
    folds: dict[str, SeedScores] = {}
    lines = []
    for name, scores in scored:
        total.add(scores)
        folds.setdefault(fold_of(name), SeedScores()).add(scores)
        lines.append(
            f"  {name:<32} quotes {scores.quotes.found}/{scores.quotes.gold} found, right speaker "
            f"{scores.attributed}/{scores.found_quotes}, claim values {scores.claims_value}/{scores.claims_required}"
        )
    report = [*lines, report_gold(f"{set_name}: {len(scored)} gold articles", total)]
    report += [fold_line(fold, folds[fold]) for fold in sorted(folds)]
    return "\n".join(report)
