"""Corpus tables: quotes, numeric claims and speakers of a folder of outputs, as pandas DataFrames,
and as CSV and Parquet files beside the JSON.

    from pipeline.tables import tables
    frames = tables("outputs")          # {"quotes": DataFrame, "numeric_claims": ..., "speakers": ...}
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..records import FIELD_DOCS, show_bidi_controls
from .files import write_atomic

# The column dictionary: every column of every table, what it holds (the README shows it). Columns
# that are fields of a record take their meaning from records.FIELD_DOCS; the rest are the tables' own.
_OWN_COLUMNS: dict[str, dict[str, str]] = {
    "quotes": {
        "article": "article id (the input file's stem)",
        "speaker_name": "the speaker's canonical name, or its description when anonymous",
        "speaker_type": "PERSON, ORG, GROUP, DOCUMENT or UNKNOWN",
    },
    "numeric_claims": {
        "article": "article id",
        "value_low": "the value, the low end of a range or where a change starts (an ISO date for kind date)",
        "value_high": "the value, the high end of a range or where a change ends",
        "claimant_name": "the claimant's canonical name or description",
    },
    "speakers": {
        "article": "article id",
        "mentions": "number of phrases that stand for the speaker in attributions",
        "quotes": "number of quotes attributed to the speaker",
    },
}
_ORDER = {
    "quotes": ("article", "id", "kind", "speaker", "speaker_name", "speaker_type", "text", "start", "end", "cue",
               "confidence", "evidence", "speaker_confidence", "speaker_evidence"),
    "numeric_claims": ("article", "id", "text", "value_low", "value_high", "kind", "unit", "unit_normalized",
                       "approx", "predicate", "subject", "claimant", "claimant_name", "quote", "start", "end"),
    "speakers": ("article", "id", "name", "type", "title", "organisation", "description", "mentions", "quotes"),
}  # fmt: skip
_RECORD_OF = {"quotes": "Quote", "numeric_claims": "NumericClaim", "speakers": "Speaker"}
COLUMNS: dict[str, dict[str, str]] = {
    table: {c: _OWN_COLUMNS[table].get(c) or FIELD_DOCS[_RECORD_OF[table]][c] for c in columns}
    for table, columns in _ORDER.items()
}
TABLES = tuple(COLUMNS)


def _rows(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    article = document["article"]["id"]
    speakers = {s["id"]: s for s in document["speakers"]}

    def name(speaker_id: str | None) -> str | None:
        s = speakers.get(speaker_id or "")
        return (s["name"] or s["description"]) if s else None

    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for s in document["speakers"]:
        quoted = sum(q["speaker"] == s["id"] for q in document["quotes"])
        rows["speakers"].append({"article": article, **{k: s[k] for k in COLUMNS["speakers"] if k in s},
                                 "mentions": len(s["mentions"]), "quotes": quoted})  # fmt: skip
    for q in document["quotes"]:
        speaker_type = speakers[q["speaker"]]["type"] if q["speaker"] in speakers else None
        rows["quotes"].append({**{k: q.get(k) for k in COLUMNS["quotes"]}, "article": article,
                               "speaker_name": name(q["speaker"]), "speaker_type": speaker_type,
                               "cue": (q["cue"] or {}).get("text")})  # fmt: skip
    for c in document["numeric_claims"]:
        low, high = c["value"] if isinstance(c["value"], list) else (c["value"], c["value"])
        rows["numeric_claims"].append({**{k: c.get(k) for k in COLUMNS["numeric_claims"]}, "article": article,
                                       "value_low": low, "value_high": high,
                                       "claimant_name": name(c["claimant"])})  # fmt: skip
    return rows


def is_output(document: Any) -> bool:
    """Whether parsed JSON is one of our outputs by its shape (a gold file, say, is not); cheap enough
    for every run. `io.schema.valid_outputs` checks the whole contract where text is shown."""
    return isinstance(document, dict) and "schema_version" in document and isinstance(document.get("article"), dict)


def output_documents(out_dir: Path | str) -> Iterator[dict[str, Any]]:
    """Every article output in a folder, in name order; other JSON there (a gold file) is passed over."""
    for path in sorted(Path(out_dir).glob("*.json")):
        if path.name.startswith("."):
            continue
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if is_output(document):
            yield document


def frames(documents: Iterable[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    collected: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for document in documents:
        for table, rows in _rows(document).items():
            collected[table] += rows
    return {table: pd.DataFrame(collected[table], columns=list(COLUMNS[table])) for table in TABLES}


def tables(out_dir: Path | str) -> dict[str, pd.DataFrame]:
    """The corpus tables of a folder of outputs, as pandas DataFrames, in one call."""
    return frames(output_documents(out_dir))


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    # Mixed value columns (numbers, and ISO dates for kind date) are stored as text in Parquet.
    safe = frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object})
    buffer = io.BytesIO()
    safe.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


# A cell a spreadsheet would read as a formula: article text is never trusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Text that starts like a formula gets a leading apostrophe, as spreadsheets expect, and bidi
    controls are shown by name; every number is left as it is."""
    if not isinstance(value, str):
        return value
    value = show_bidi_controls(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_text(frame: pd.DataFrame) -> str:
    """The table as CSV with text cells neutralised (Parquet keeps the raw text)."""
    text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    safe = frame.assign(**{c: frame[c].map(neutralise_cell) for c in text_columns})
    return str(safe.to_csv(index=False))


def write_tables(out_dir: Path) -> None:
    """<table>.csv and <table>.parquet for each table, written atomically."""
    for name, frame in tables(out_dir).items():
        write_atomic(out_dir / f"{name}.csv", _csv_text(frame))
        write_atomic(out_dir / f"{name}.parquet", _parquet_bytes(frame))
