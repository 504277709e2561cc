"""The rows of the corpus tables: what each output contributes to quotes, numeric_claims and
speakers, the column dictionary, and how a row is written as a CSV line (text neutralised)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import FIELD_DOCS, show_bidi_controls

if TYPE_CHECKING:
    import pandas as pd

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
                       "approx", "predicate", "subject", "claimant", "claimant_name", "quote", "start", "end",
                       "confidence", "evidence", "change", "paired_with"),
    "speakers": ("article", "id", "name", "type", "title", "organisation", "description", "mentions", "quotes"),
}  # fmt: skip
_RECORD_OF = {"quotes": "Quote", "numeric_claims": "NumericClaim", "speakers": "Speaker"}
COLUMNS: dict[str, dict[str, str]] = {
    table: {c: _OWN_COLUMNS[table].get(c) or FIELD_DOCS[_RECORD_OF[table]][c] for c in columns}
    for table, columns in _ORDER.items()
}
TABLES = tuple(COLUMNS)


def rows_of(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
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
    import pandas as pd  # only where tables are read: a run that writes them never needs pandas

    collected: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for document in documents:
        for table, rows in rows_of(document).items():
            collected[table] += rows
    return {table: pd.DataFrame(collected[table], columns=list(COLUMNS[table])) for table in TABLES}


# A cell a spreadsheet would read as a formula: article text is never trusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Text that starts like a formula gets a leading apostrophe, as spreadsheets expect, and bidi
    controls are shown by name; every number is left as it is."""
    if not isinstance(value, str):
        return value
    value = show_bidi_controls(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(value: Any) -> Any:
    """One CSV cell, written the same whichever rows share its file (no type guessing per batch)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return repr(value)
    return neutralise_cell(str(value))


def csv_lines(table: str, rows: Iterable[dict[str, Any]], header: bool) -> str:
    """CSV text for rows of a table (text cells neutralised), with its header line when asked."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS[table])
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in COLUMNS[table]])
    return buffer.getvalue()
