"""The corpus tables kept current as outputs are written, at a cost that follows the articles a run
wrote, not the size of the folder.

- `.tables.sqlite` (standard library SQLite) indexes every JSON file of the folder by name, size and
  modification time, with the table rows of each output. A file whose size and time have not
  changed is never read again; a changed, new or removed one is read (or dropped) alone.
- `<table>.parquet/` is a Parquet dataset: one part per run that wrote articles. pandas and pyarrow
  read the folder as one table (`pd.read_parquet("outputs/quotes.parquet")`). An article written
  again leaves its old part, which is rewritten without it (or removed when empty).
- `<table>.csv` gets the new articles' rows appended; it is written anew only when an article was
  replaced or removed, or the file is missing.

`compact` folds the parts into one per table and rewrites the CSV files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .files import write_atomic
from .table_rows import COLUMNS, TABLES, csv_lines, is_output, rows_of

INDEX = ".tables.sqlite"
# Column types in Parquet: the same for every part, whatever its rows hold. Values are text there
# (numbers and ISO dates share the column); offsets and counts are integers, confidences floats.
_INTEGERS = {"start", "end", "mentions", "quotes"}
_FLOATS = {"confidence", "speaker_confidence"}


def _arrow_type(column: str) -> pa.DataType:
    return pa.int64() if column in _INTEGERS else pa.float64() if column in _FLOATS else pa.string()


SCHEMAS = {table: pa.schema([(c, _arrow_type(c)) for c in COLUMNS[table]]) for table in TABLES}


@dataclass
class Changes:
    """What a sync found: files new to the index, files changed since, files gone."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def _json_files(out_dir: Path) -> dict[str, tuple[int, int]]:
    """Every JSON file directly in the folder (not hidden): name -> (size, modification time in ns)."""
    found = {}
    with os.scandir(out_dir) as entries:
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith(".") and entry.is_file():
                stat = entry.stat()
                found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


@contextmanager
def _index(out_dir: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(out_dir / INDEX, timeout=60)) as db:
        db.executescript(
            """
            CREATE TABLE IF NOT EXISTS files (
                name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, output INTEGER, part TEXT);
            CREATE TABLE IF NOT EXISTS rows (name TEXT, tbl TEXT, n INTEGER, row TEXT);
            CREATE INDEX IF NOT EXISTS rows_of_file ON rows (name);
            CREATE INDEX IF NOT EXISTS rows_in_order ON rows (tbl, name, n);
            """
        )
        yield db


def _read(path: Path) -> dict[str, list[dict[str, Any]]] | None:
    """The table rows of one output file, or None when the file is not one of our outputs."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return rows_of(document) if is_output(document) else None


def _part_path(out_dir: Path, table: str, part: str) -> Path:
    return out_dir / f"{table}.parquet" / f"{part}.parquet"


def _write_part(out_dir: Path, table: str, part: str, rows: list[dict[str, Any]]) -> None:
    columns = {}
    for column, kind in zip(SCHEMAS[table].names, SCHEMAS[table].types, strict=True):
        values = [row.get(column) for row in rows]
        if kind == pa.string():
            values = [None if v is None else str(v) for v in values]
        columns[column] = pa.array(values, type=kind)
    table_data = pa.table(columns, schema=SCHEMAS[table])
    sink = pa.BufferOutputStream()
    pq.write_table(table_data, sink)
    write_atomic(_part_path(out_dir, table, part), sink.getvalue().to_pybytes())


def _rows_of_files(db: sqlite3.Connection, table: str, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows of a table in folder order (by file name, then row): of the named files, or of all."""
    if names is None:
        query = db.execute("SELECT row FROM rows WHERE tbl = ? ORDER BY name, n", (table,))
        return [json.loads(r) for (r,) in query]
    found: list[dict[str, Any]] = []
    for name in sorted(names):
        query = db.execute("SELECT row FROM rows WHERE tbl = ? AND name = ? ORDER BY n", (table, name))
        found += [json.loads(r) for (r,) in query]
    return found


def _migrate(out_dir: Path) -> None:
    """Tables written before the index existed: single Parquet files, now folders of parts."""
    for table in TABLES:
        old = out_dir / f"{table}.parquet"
        if old.is_file():
            old.unlink()


def sync(out_dir: Path) -> Changes:
    """Bring the index, the Parquet parts and the CSV files in line with the folder's JSON files,
    reading only the files that are new or changed since the last sync."""
    _migrate(out_dir)
    on_disk = _json_files(out_dir)
    changes = Changes()
    with _index(out_dir) as db:
        known = {name: (size, mtime, part) for name, size, mtime, part in db.execute(
            "SELECT name, size, mtime_ns, part FROM files")}  # fmt: skip
        for name, stat in on_disk.items():
            if name not in known:
                changes.added.append(name)
            elif known[name][:2] != stat:
                changes.changed.append(name)
        changes.removed = [name for name in known if name not in on_disk]
        csv_missing = any(not (out_dir / f"{t}.csv").is_file() for t in TABLES)
        parts_missing = any(not (out_dir / f"{t}.parquet").is_dir() for t in TABLES)
        if not changes.any and not csv_missing and not parts_missing:
            return changes
        part = _part_name()
        fresh = sorted(changes.added + changes.changed)
        read = {name: _read(out_dir / name) for name in fresh}
        outputs_read = [name for name in fresh if read[name] is not None]
        stale_parts = {known[n][2] for n in changes.changed + changes.removed if n in known and known[n][2]}
        with db:  # one transaction: the index moves from one consistent state to the next
            for name in changes.changed + changes.removed:
                db.execute("DELETE FROM rows WHERE name = ?", (name,))
                db.execute("DELETE FROM files WHERE name = ?", (name,))
            for name in fresh:
                rows = read[name]
                db.execute(
                    "INSERT INTO files VALUES (?, ?, ?, ?, ?)",
                    (name, *on_disk[name], rows is not None, part if rows is not None else None),
                )
                for table, table_rows in (rows or {}).items():
                    db.executemany(
                        "INSERT INTO rows VALUES (?, ?, ?, ?)",
                        [(name, table, n, json.dumps(r, ensure_ascii=False)) for n, r in enumerate(table_rows)],
                    )
        # The new articles' rows, in folder order, straight from what was just read.
        new_rows = (
            {table: [row for name in outputs_read for row in (read[name] or {})[table]] for table in TABLES}
            if outputs_read
            else None
        )
        _write_parts(out_dir, db, part, new_rows, stale_parts, parts_missing)
        # A stale part is one that held a replaced or removed output: its rows leave the CSV too.
        _write_csv(out_dir, db, new_rows, rewrite=bool(stale_parts) or csv_missing)
    return changes


def _part_name() -> str:
    return f"part-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"


def _write_parts(
    out_dir: Path,
    db: sqlite3.Connection,
    part: str,
    new_rows: dict[str, list[dict[str, Any]]] | None,
    stale: set[str],
    rebuild: bool,
) -> None:
    """The new part of each table; the parts that held replaced or removed articles rewritten
    without them. Missing part folders (deleted by hand): everything again in one part."""
    if rebuild:
        _fold_into(out_dir, db, part)
        return
    for table in TABLES:
        if new_rows is not None:
            _write_part(out_dir, table, part, new_rows[table])
        for old in stale:
            keep = [n for (n,) in db.execute("SELECT name FROM files WHERE part = ?", (old,))]
            if keep:
                _write_part(out_dir, table, old, _rows_of_files(db, table, keep))
            else:
                _part_path(out_dir, table, old).unlink(missing_ok=True)


def _write_csv(
    out_dir: Path, db: sqlite3.Connection, new_rows: dict[str, list[dict[str, Any]]] | None, rewrite: bool
) -> None:
    """New articles' rows appended (one write each, after what is there); the whole file written
    again, atomically, when rows had to go."""
    for table in TABLES:
        path = out_dir / f"{table}.csv"
        if rewrite:
            write_atomic(path, csv_lines(table, _rows_of_files(db, table), header=True))
        elif new_rows and new_rows[table]:
            text = csv_lines(table, new_rows[table], header=False)
            with path.open("a", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())


def _fold_into(out_dir: Path, db: sqlite3.Connection, part: str) -> None:
    """Every output's rows in one new part per table; the parts there were before, removed."""
    for table in TABLES:
        _write_part(out_dir, table, part, _rows_of_files(db, table))
    with db:
        db.execute("UPDATE files SET part = ? WHERE output = 1", (part,))
    for table in TABLES:
        for leftover in (out_dir / f"{table}.parquet").glob("*.parquet"):
            if leftover.stem != part:
                leftover.unlink()


def compact(out_dir: Path) -> None:
    """Every table's Parquet parts folded into one, and the CSV files written anew."""
    sync(out_dir)
    with _index(out_dir) as db:
        _fold_into(out_dir, db, _part_name())
        _write_csv(out_dir, db, None, rewrite=True)


def stored_rows(out_dir: Path, table: str) -> list[dict[str, Any]]:
    """All rows of a table, in folder order, as the index holds them (call `sync` first)."""
    with _index(out_dir) as db:
        return _rows_of_files(db, table)
