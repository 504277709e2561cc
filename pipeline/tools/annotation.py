"""Corrections: our outputs as pre-annotations for Label Studio or Prodigy, and corrected
annotations back as gold files in the ../shared/gold format, for `python -m pipeline eval`.

Label Studio carries everything: quote regions (labelled direct/partial/indirect), speaker
mention regions (SPEAKER, with the canonical speaker in the region's meta), "said by" relations,
and numbers (NUMBER, with value/kind/unit/predicate/claimant in meta). Prodigy spans carry the quote
kind and, as extra keys, the quote id and speaker; NUMBER spans carry the claim's fields the same way
(Prodigy keeps extra keys through a manual review). Every field `eval` scores survives the round trip.

The review site's corrections file ("review" format) carries, for each article a reviewer marked,
every quote and claim with its verdict (right, wrong or not marked) and any corrected speaker, kept
by offsets. The gold keeps what was not marked wrong, with the corrected speakers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..config import PIPELINE_VERSION
from ..io.files import write_atomic
from ..io.ingest import safe_id
from ..io.schema import valid_outputs
from ..io.table_rows import is_output

QUOTE_LABELS = ("direct", "partial", "indirect")
FORMATS = ("label-studio", "prodigy", "review")
REVIEW_FORMAT = "pipeline-review-corrections"  # the "format" field of a review corrections file
SPEAKER_LABEL = "SPEAKER"
NUMBER_LABEL = "NUMBER"
RELATION = "said by"

LABEL_STUDIO_CONFIG = f"""<View>
  <Labels name="label" toName="text">
    {"".join(f'<Label value="{v}"/>' for v in (*QUOTE_LABELS, SPEAKER_LABEL, NUMBER_LABEL))}
  </Labels>
  <Relations><Relation value="{RELATION}"/></Relations>
  <Text name="text" value="$text"/>
</View>
"""


def _region(region_id: str, start: int, end: int, text: str, label: str, meta: list[str]) -> dict[str, Any]:
    return {
        "id": region_id,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": text, "labels": [label]},
        "meta": {"text": meta},
    }


# What a numeric claim carries through a round trip: every field `eval` scores.
CLAIM_FIELDS = ("value", "kind", "unit", "predicate")


def _canonical(speaker: dict[str, Any]) -> list[str]:
    """[name, type] of a speaker, as the reviewer sees it: its name, else its description."""
    return [speaker["name"] or speaker["description"] or speaker["id"], speaker["type"]]


def _claim_fields(claim: dict[str, Any], speakers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A claim's scored fields, its claimant as [name, type] (null: the publication asserts it)."""
    claimant = speakers.get(claim["claimant"] or "")
    return {**{k: claim[k] for k in CLAIM_FIELDS}, "claimant": _canonical(claimant) if claimant else None}


def label_studio_task(document: dict[str, Any]) -> dict[str, Any]:
    """One article as a Label Studio task with our findings as pre-annotations."""
    speakers = {s["id"]: s for s in document["speakers"]}
    result: list[dict[str, Any]] = []
    for q in document["quotes"]:
        for n, piece in enumerate(q["spans"]):
            result.append(_region(f"{q['id']}-{n}", piece["start"], piece["end"], piece["text"], q["kind"], [q["id"]]))
        speaker = speakers.get(q["speaker"] or "")
        if speaker is not None and q["speaker_mention"]:
            m = q["speaker_mention"]
            canonical = _canonical(speaker)
            result.append(_region(f"{q['id']}-speaker", m["start"], m["end"], m["text"], SPEAKER_LABEL, canonical))
            result.append(
                {"type": "relation", "from_id": f"{q['id']}-0", "to_id": f"{q['id']}-speaker",
                 "direction": "right", "labels": [RELATION]}
            )  # fmt: skip
    for c in document["numeric_claims"]:
        meta = json.dumps(_claim_fields(c, speakers), ensure_ascii=False)
        result.append(_region(c["id"], c["start"], c["end"], c["text"], NUMBER_LABEL, [meta]))
    article = document["article"]
    return {
        "data": {k: article[k] for k in ("text", "id", "source", "title", "author", "published")},
        "predictions": [{"model_version": f"pipeline {PIPELINE_VERSION}", "result": result}],
    }


def prodigy_task(document: dict[str, Any]) -> dict[str, Any]:
    speakers = {s["id"]: s for s in document["speakers"]}
    spans = []
    for q in document["quotes"]:
        speaker = speakers.get(q["speaker"] or "")
        for piece in q["spans"]:
            name = (speaker["name"] or speaker["description"]) if speaker else None
            spans.append({"start": piece["start"], "end": piece["end"], "label": q["kind"].upper(),
                          "quote_id": q["id"], "speaker": name,
                          "speaker_type": speaker["type"] if speaker else None})  # fmt: skip
    for c in document["numeric_claims"]:
        spans.append({"start": c["start"], "end": c["end"], "label": NUMBER_LABEL, **_claim_fields(c, speakers)})
    article = document["article"]
    meta = {k: article[k] for k in ("id", "source", "title", "author", "published")}
    return {"text": article["text"], "meta": meta, "spans": spans}


def export(out_dir: Path, target: Path, fmt: str) -> tuple[int, list[str]]:
    """Write the tasks for every output in `out_dir`; returns how many, and the JSON files left out
    because they are not outputs."""
    documents, left_out = valid_outputs(out_dir)
    if fmt == "label-studio":
        write_atomic(target, json.dumps([label_studio_task(d) for d in documents], ensure_ascii=False, indent=1))
    elif fmt == "prodigy":
        write_atomic(target, "".join(json.dumps(prodigy_task(d), ensure_ascii=False) + "\n" for d in documents))
    else:
        raise ValueError(f"unknown format {fmt!r}: label-studio or prodigy")
    return len(documents), left_out


# ---- back to gold ------------------------------------------------------------------------------
def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "speaker"


def _gold(meta: dict[str, Any], quotes: list[dict[str, Any]], speakers: dict[str, dict[str, Any]],
          claims: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    return {
        "source": f"{meta['id']}.txt",
        "metadata": {k: meta.get(k) for k in ("title", "author", "published")},
        "speakers": speakers,
        "quotes": quotes,
        "numeric_claims": claims,
    }


def _add_speaker(speakers: dict[str, dict[str, Any]], canonical: str, kind: str, mention: str | None) -> str:
    key = _key(canonical)
    entry = speakers.setdefault(key, {"name": canonical, "type": kind, "mentions": []})
    if mention is not None and mention not in entry["mentions"]:
        entry["mentions"].append(mention)
    return key


def _gold_claim(text: str, fields: dict[str, Any], speakers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A claim in the gold format: the claimant as a speaker key (kept when null: the publication)."""
    claim: dict[str, Any] = {"text": text}
    claim.update({k: fields[k] for k in CLAIM_FIELDS if fields.get(k) is not None})
    if "claimant" in fields:
        who = fields["claimant"]
        claim["claimant"] = _add_speaker(speakers, who[0], who[1], None) if who else None
    return claim


def _quote(pieces: list[dict[str, Any]], kind: str, speaker: str | None) -> dict[str, Any]:
    texts = [p["text"] for p in sorted(pieces, key=lambda p: p["start"])]
    return {"kind": kind, "speaker": speaker, "text": texts[0] if len(texts) == 1 else texts}


def gold_from_label_studio(task: dict[str, Any]) -> dict[str, Any]:
    """A task as corrected in Label Studio (its last annotation, else our prediction) -> gold."""
    if task.get("annotations"):
        result = task["annotations"][-1]["result"]
    else:
        result = task["predictions"][0]["result"]
    regions = {r["id"]: r for r in result if r.get("type") == "labels"}
    said_by = {r["from_id"]: r["to_id"] for r in result if r.get("type") == "relation"}
    speakers: dict[str, dict[str, Any]] = {}
    speaker_of_region: dict[str, str] = {}
    for rid, r in regions.items():
        if r["value"]["labels"][0] == SPEAKER_LABEL:
            meta = (r.get("meta") or {}).get("text") or [r["value"]["text"], "UNKNOWN"]
            kind = meta[1] if len(meta) > 1 else "UNKNOWN"
            speaker_of_region[rid] = _add_speaker(speakers, meta[0], kind, r["value"]["text"])
    # Numbers after speakers: a claimant is one of the speakers, added if it speaks no quote here.
    grouped: dict[str, list[dict[str, Any]]] = {}
    kinds: dict[str, str] = {}
    speaker_of_quote: dict[str, str | None] = {}
    claims = []
    for rid, r in regions.items():
        label = r["value"]["labels"][0]
        if label in QUOTE_LABELS:
            quote_key = ((r.get("meta") or {}).get("text") or [rid])[0]
            grouped.setdefault(quote_key, []).append(r["value"])
            kinds[quote_key] = label
            if rid in said_by:
                speaker_of_quote[quote_key] = speaker_of_region.get(said_by[rid])
        elif label == NUMBER_LABEL:
            meta = (r.get("meta") or {}).get("text") or ["{}"]
            claims.append(_gold_claim(r["value"]["text"], json.loads(meta[0]), speakers))
    quotes = [_quote(pieces, kinds[k], speaker_of_quote.get(k)) for k, pieces in grouped.items()]
    return _gold(task["data"], quotes, speakers, claims)


def gold_from_prodigy(record: dict[str, Any]) -> dict[str, Any]:
    speakers: dict[str, dict[str, Any]] = {}
    grouped: dict[str, list[dict[str, Any]]] = {}
    kinds: dict[str, str] = {}
    speaker_of_quote: dict[str, str | None] = {}
    claims = []
    for n, span in enumerate(record.get("spans", [])):
        label = span["label"].lower()
        if span["label"] == NUMBER_LABEL:
            claims.append(_gold_claim(record["text"][span["start"] : span["end"]], span, speakers))
        if label not in QUOTE_LABELS:
            continue
        key = span.get("quote_id") or f"span{n}"
        piece = {"start": span["start"], "end": span["end"], "text": record["text"][span["start"] : span["end"]]}
        grouped.setdefault(key, []).append(piece)
        kinds[key] = label
        if span.get("speaker"):
            speaker_of_quote[key] = _add_speaker(speakers, span["speaker"], span.get("speaker_type") or "UNKNOWN",
                                                 span["speaker"])  # fmt: skip
    quotes = [_quote(pieces, kinds[k], speaker_of_quote.get(k)) for k, pieces in grouped.items()]
    return _gold(record["meta"], quotes, speakers, claims)


def _review_speaker(speaker: Any, speakers: dict[str, dict[str, Any]]) -> str | None:
    """A speaker of a corrections file ({name, type, mentions}) as a gold speaker key; null name: nobody."""
    if speaker is None or speaker.get("name") is None:
        return None
    name = str(speaker["name"])
    key = _add_speaker(speakers, name, str(speaker.get("type") or "UNKNOWN"), name)
    for mention in speaker.get("mentions") or []:
        _add_speaker(speakers, name, str(speaker.get("type") or "UNKNOWN"), str(mention))
    return key


def gold_from_review(article: dict[str, Any]) -> dict[str, Any]:
    """One article of a review corrections file -> gold. A finding marked wrong is left out; one
    not marked stands as found; a corrected speaker replaces the found one ("(nobody)": none)."""
    if article.get("sha256") is not None and not isinstance(article["sha256"], str):
        raise TypeError("sha256 is not a string")
    speakers: dict[str, dict[str, Any]] = {}
    quotes = []
    for n, q in enumerate(article["quotes"], 1):
        if q.get("verdict") not in (None, "right", "wrong") or q["kind"] not in QUOTE_LABELS:
            raise ValueError(f"quote {n}: verdict {q.get('verdict')!r} or kind {q['kind']!r} unknown")
        if not isinstance(q["start"], int) or not isinstance(q["end"], int) or not q["text"]:
            raise ValueError(f"quote {n}: offsets and text are required")
        if q.get("verdict") == "wrong":
            continue
        speaker = q["corrected_speaker"] if q.get("corrected_speaker") else q.get("speaker")
        texts = [str(t) for t in q["text"]]
        quotes.append({"kind": q["kind"], "speaker": _review_speaker(speaker, speakers),
                       "text": texts[0] if len(texts) == 1 else texts})  # fmt: skip
    claims = []
    for n, c in enumerate(article["claims"], 1):
        if c.get("verdict") not in (None, "right", "wrong"):
            raise ValueError(f"claim {n}: verdict {c.get('verdict')!r} unknown")
        if c.get("verdict") == "wrong":
            continue
        claim: dict[str, Any] = {"text": str(c["text"])}
        claim.update({k: c[k] for k in CLAIM_FIELDS if c.get(k) is not None})
        claim["claimant"] = _review_speaker(c.get("claimant"), speakers)
        if isinstance(c.get("start"), int) and isinstance(c.get("end"), int):
            claim["start"], claim["end"] = c["start"], c["end"]  # eval pairs claims by these first
        claims.append(claim)
    meta = {"id": str(article["id"]), **{k: article.get(k) for k in ("title", "author", "published")}}
    return _gold(meta, quotes, speakers, claims)


class CorrectionsError(ValueError):
    """Annotations that cannot become gold: every problem, each naming its task or line."""


def _check_offsets(text: str, regions: Iterable[dict[str, Any]]) -> None:
    for region in regions:
        start, end = region.get("start"), region.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise ValueError(f"offsets {start}-{end} are outside the article's {len(text)} characters")


def _tasks(source: Path, fmt: str) -> list[tuple[str, dict[str, Any]]]:
    """(where, task) for every annotated article in the file: "task 3" or "line 12"."""
    text = source.read_text(encoding="utf-8")
    if fmt == "label-studio":
        tasks = json.loads(text)
        if isinstance(tasks, dict) and tasks.get("format") == REVIEW_FORMAT:
            raise CorrectionsError(f"{source.name}: a corrections file of the review site: use --format review")
        if not isinstance(tasks, list):
            raise CorrectionsError(f"{source.name}: a Label Studio export is a JSON list of tasks")
        return [(f"task {n}", task) for n, task in enumerate(tasks, 1)]
    if fmt == "prodigy":
        found = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    found.append((f"line {number}", json.loads(line)))
                except json.JSONDecodeError as err:
                    raise CorrectionsError(f"{source.name}, line {number}: not JSON ({err.msg})") from None
        for where, record in found:
            if not isinstance(record, dict):
                raise CorrectionsError(f"{source.name}, {where}: a task is a JSON object, not {type(record).__name__}")
        return [(where, r) for where, r in found if r.get("answer", "accept") == "accept"]
    if fmt == "review":
        corrections = json.loads(text)
        if not isinstance(corrections, dict) or corrections.get("format") != REVIEW_FORMAT:
            raise CorrectionsError(f"{source.name}: not a corrections file of the review site (format {REVIEW_FORMAT})")
        articles = corrections.get("articles")
        if not isinstance(articles, list):
            raise CorrectionsError(f"{source.name}: its articles are not a list")
        if corrections.get("version") == 1:  # before the "article reviewed" mark: every article was
            articles = [{**a, "reviewed": True} if isinstance(a, dict) else a for a in articles]
        return [(f"article {a.get('id') if isinstance(a, dict) else n!r}", a) for n, a in enumerate(articles, 1)]
    raise ValueError(f"unknown format {fmt!r}: {', '.join(FORMATS)}")


def _gold_of(task: dict[str, Any], fmt: str) -> dict[str, Any]:
    if fmt == "review":
        if safe_id(str(task["id"])) != task["id"]:
            raise ValueError(f"article id {task['id']!r} is not a safe file name")
        return gold_from_review(task)
    if fmt == "label-studio":
        annotated = task["annotations"][-1]["result"]
        _check_offsets(task["data"]["text"], (r["value"] for r in annotated if r.get("type") == "labels"))
        return gold_from_label_studio(task)
    _check_offsets(task["text"], task.get("spans", []))
    return gold_from_prodigy(task)


def _annotated(task: Any, fmt: str) -> bool:
    """Whether someone reviewed a task: a Label Studio task with only our predictions, or an article
    of the review site not marked reviewed, would score as perfect if it became gold."""
    if not isinstance(task, dict) or fmt == "prodigy":
        return True
    return bool(task.get("annotations")) if fmt == "label-studio" else task.get("reviewed") is True


def _holds_outputs(folder: Path) -> bool:
    for path in folder.glob("*.json") if folder.is_dir() else ():
        try:
            if is_output(json.loads(path.read_text(encoding="utf-8"))):
                return True
        except (OSError, ValueError):
            continue
    return False


def import_gold(source: Path, gold_dir: Path, fmt: str) -> tuple[list[Path], int]:
    """Corrected annotations -> one gold file per reviewed article in `gold_dir`; returns the files
    written and how many tasks were left out because nobody annotated them. Every task is read and
    checked first: a file with a bad task writes nothing, and the error names each bad task."""
    if _holds_outputs(gold_dir):
        raise CorrectionsError(f"{gold_dir} holds outputs of extract; gold files go to a folder of their own")
    golds, problems, skipped = [], [], 0
    for where, task in _tasks(source, fmt):
        if not _annotated(task, fmt):
            skipped += 1
            continue
        try:
            golds.append(_gold_of(task, fmt))
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
            problems.append(f"{source.name}, {where}: {type(err).__name__}: {err}")
    if problems:
        raise CorrectionsError("\n".join(problems))
    written = []
    for gold in golds:
        path = gold_dir / f"{safe_id(Path(gold['source']).stem)}.json"
        write_atomic(path, json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
        written.append(path)
    return written, skipped


def is_review_corrections(path: Path) -> bool:
    """Whether a .json file is the review site's corrections file (it says so in its `format`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == "pipeline-review-corrections"


def format_of(fmt: str | None, path: Path, allowed: tuple[str, ...]) -> str:
    """The format asked for, else the one the file says: .json Label Studio (or the review site's
    corrections file, which names itself), .jsonl Prodigy. ValueError says what to give instead."""
    if fmt is None:
        fmt = {".json": "label-studio", ".jsonl": "prodigy"}.get(path.suffix.lower())
        if fmt == "label-studio" and "review" in allowed and is_review_corrections(path):
            fmt = "review"
        if fmt is None:
            raise ValueError(f"cannot tell the format from {path.name}: name a .json or .jsonl file, or give --format")
    if fmt not in allowed:
        raise ValueError(f"unknown --format {fmt!r}: use {', '.join(allowed[:-1])} or {allowed[-1]}")
    return fmt
