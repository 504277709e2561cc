"""Output: atomic JSON files, the errors log, and corpus-level tables."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

ERRORS_FILE = "errors.jsonl"
TABLES = ("quotes", "numeric_claims", "speakers")
_SPEAKER_COLUMNS = ("id", "name", "type", "title", "organisation", "description")


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a reader or a killed run never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files a killed run left behind; the finished files beside them are whole."""
    for path in out_dir.glob(".*.tmp"):
        path.unlink(missing_ok=True)


class ErrorLog:
    """errors.jsonl: one line per input that could not be processed, written as it happens."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / ERRORS_FILE
        self.path.write_text("", encoding="utf-8")

    def add(self, source: str, kind: str, message: str) -> None:
        line = json.dumps({"source": source, "error": kind, "message": message}, ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def finish(self) -> None:
        """Sort the log by input, so it reads the same whatever the engine or process count."""
        lines = sorted(set(self.path.read_text(encoding="utf-8").splitlines()))
        write_atomic(self.path, "".join(line + "\n" for line in lines))


def output_files(out_dir: Path) -> Iterator[Path]:
    for path in sorted(out_dir.glob("*.json")):
        if not path.name.startswith("."):
            yield path


def table_rows(documents: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Flat rows for the corpus tables: one per quote, numeric claim and speaker, keyed by article."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for doc in documents:
        article = doc["article"]["id"]
        names = {s["id"]: s["name"] or s["description"] for s in doc["speakers"]}
        for s in doc["speakers"]:
            rows["speakers"].append(
                {"article": article, **{k: s[k] for k in _SPEAKER_COLUMNS},
                 "mentions": len(s["mentions"]),
                 "quotes": sum(q["speaker"] == s["id"] for q in doc["quotes"])}
            )  # fmt: skip
        for q in doc["quotes"]:
            rows["quotes"].append(
                {"article": article, "id": q["id"], "kind": q["kind"], "speaker": q["speaker"],
                 "speaker_name": names.get(q["speaker"]), "text": q["text"], "start": q["start"], "end": q["end"],
                 "cue": (q["cue"] or {}).get("text"), "confidence": q["confidence"], "evidence": q["evidence"]}
            )  # fmt: skip
        for c in doc["numeric_claims"]:
            value = c["value"]
            low, high = value if isinstance(value, list) else [value, value]
            rows["numeric_claims"].append(
                {"article": article, "id": c["id"], "text": c["text"], "value_low": low, "value_high": high,
                 "kind": c["kind"], "unit": c["unit"], "approx": c["approx"], "predicate": c["predicate"],
                 "subject": c["subject"], "claimant": c["claimant"], "claimant_name": names.get(c["claimant"]),
                 "quote": c["quote"], "start": c["start"], "end": c["end"]}
            )  # fmt: skip
    return rows


def load_outputs(out_dir: Path) -> Iterator[dict[str, Any]]:
    for path in output_files(out_dir):
        yield json.loads(path.read_text(encoding="utf-8"))


def tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The corpus tables of a folder of outputs as pandas DataFrames."""
    rows = table_rows(load_outputs(out_dir))
    return {name: pd.DataFrame(rows[name]) for name in TABLES}


def write_tables(out_dir: Path) -> None:
    for name, frame in tables(out_dir).items():
        write_atomic(out_dir / f"{name}.csv", frame.to_csv(index=False))
