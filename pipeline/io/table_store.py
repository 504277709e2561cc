"""The corpus tables kept current as outputs are written, at a cost that follows the articles a run
wrote, not the size of the folder, and always derived from the outputs, never accumulated.

- `.tables.sqlite` (standard library SQLite) indexes every JSON file of the folder by name, size and
  modification time, with the table rows of each output and their CSV lines (text neutralised once,
  when the output is read), and records what it wrote: each Parquet part and each CSV file with its
  size. A file whose size and time have not changed is never read again; a changed, new or removed
  one is read (or dropped) alone.
- `<table>.parquet/` is a Parquet dataset of parts of at most `PART_OUTPUTS` articles each, written
  by the run that wrote them. pandas and pyarrow read the folder as one table
  (`pd.read_parquet("outputs/quotes.parquet")`). An article written again leaves its old part, which
  is rewritten without it (or removed when empty): a bounded cost, whatever the folder holds.
- `<table>.csv` gets the new articles' rows appended. When an article was replaced or removed it is
  written anew by streaming the stored lines of every article in order: no row is formatted again,
  so 200,000 rows cost a fraction of a second.

What can go wrong is healed, not appended to. The index commits only after the parts and CSV files
it describes are in place; a sync whose index is missing, unreadable, of another version, or that
disagrees with the files on disk (a part it does not know, a CSV of another size: a run killed
half-way, a folder copied without its hidden index) rebuilds every table from the outputs. An
output that breaks the contract is left out by name (`Changes.invalid`) and the rest sync.

`compact` folds the parts into one per table and rewrites the CSV files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .files import folder_lock, open_no_follow, refuse_link, write_atomic
from .table_index import (
    FLOATS,
    INTEGERS,
    csv_of,
    invalid_outputs,
    json_files,
    open_index,
    read_output,
    rows_of_files,
)
from .table_rows import COLUMNS, TABLES, csv_lines

# Articles per Parquet part: replacing one article rewrites the part that holds it, so this bounds
# the cost of a re-run; a few dozen parts per thousand articles keep reading the dataset quick.
PART_OUTPUTS = 250


def _arrow_type(column: str) -> pa.DataType:
    return pa.int64() if column in INTEGERS else pa.float64() if column in FLOATS else pa.string()


SCHEMAS = {table: pa.schema([(c, _arrow_type(c)) for c in COLUMNS[table]]) for table in TABLES}


@dataclass
class Changes:
    """What a sync found: files new to the index, files changed since, files gone; whether it
    rebuilt the tables (and why); outputs left out because they break the contract."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rebuilt: str | None = None
    invalid: list[tuple[str, str]] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def _part_folder(out_dir: Path, table: str) -> Path:
    return out_dir / f"{table}.parquet"


def _part_path(out_dir: Path, table: str, part: str) -> Path:
    return _part_folder(out_dir, table) / f"{part}.parquet"


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


def _guard(out_dir: Path) -> None:
    """Nothing the tables write or delete may be a symbolic link."""
    for table in TABLES:
        refuse_link(out_dir / f"{table}.csv")
        refuse_link(_part_folder(out_dir, table))
        folder = _part_folder(out_dir, table)
        if folder.is_file():
            folder.unlink()  # tables written before parts existed: a single Parquet file
        if folder.is_dir():
            for part in folder.iterdir():
                refuse_link(part)


def _on_disk(out_dir: Path) -> dict[str, int]:
    """What the tables are made of now: each CSV file and each Parquet part, with its size."""
    found = {}
    for table in TABLES:
        csv = out_dir / f"{table}.csv"
        if csv.is_file():
            found[csv.name] = csv.stat().st_size
        folder = _part_folder(out_dir, table)
        if folder.is_dir():
            for part in folder.glob("*.parquet"):
                found[f"{folder.name}/{part.name}"] = part.stat().st_size
    return found


def _disagreement(actual: dict[str, int], db: sqlite3.Connection) -> str | None:
    """Why the table files on disk (`_on_disk`) are not what the index last wrote, if they are not."""
    recorded = dict(db.execute("SELECT path, size FROM written"))
    if recorded == actual:
        return None
    unknown = sorted(set(actual) - set(recorded))
    missing = sorted(set(recorded) - set(actual))
    resized = sorted(p for p in set(actual) & set(recorded) if actual[p] != recorded[p])
    what = [f"{label} {', '.join(paths[:3])}" for label, paths in
            (("unknown", unknown), ("missing", missing), ("changed", resized)) if paths]  # fmt: skip
    return "the tables disagree with the index: " + "; ".join(what)


def _record_written(out_dir: Path, db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM written")
    db.executemany("INSERT INTO written VALUES (?, ?)", sorted(_on_disk(out_dir).items()))


def sync(out_dir: Path) -> Changes:
    """Bring the index, the Parquet parts and the CSV files in line with the folder's JSON files,
    reading only the files that are new or changed since the last sync, or rebuilding every table
    from the outputs when the index cannot be trusted."""
    with folder_lock(out_dir):
        _guard(out_dir)
        on_disk = json_files(out_dir)
        with open_index(out_dir) as (db, untrusted):
            tables_now = _on_disk(out_dir)
            nothing_yet = untrusted == "no index" and not tables_now
            why = None if nothing_yet else untrusted or _disagreement(tables_now, db)
            if why is not None:
                return _rebuild(out_dir, db, on_disk, why)
            return _update(out_dir, db, on_disk)


def _update(out_dir: Path, db: sqlite3.Connection, on_disk: dict[str, tuple[int, int]]) -> Changes:
    known = {name: (size, mtime, part) for name, size, mtime, part in db.execute(
        "SELECT name, size, mtime_ns, part FROM files")}  # fmt: skip
    changes = Changes()
    for name, stat in on_disk.items():
        if name not in known:
            changes.added.append(name)
        elif known[name][:2] != stat:
            changes.changed.append(name)
    changes.removed = [name for name in known if name not in on_disk]
    missing = any(not (out_dir / f"{t}.csv").is_file() or not _part_folder(out_dir, t).is_dir() for t in TABLES)
    if not changes.any and not missing:
        changes.invalid = invalid_outputs(db)
        return changes
    fresh = sorted(changes.added + changes.changed)
    stale = {known[n][2] for n in changes.changed + changes.removed if n in known and known[n][2]}
    rewrite = bool(stale) or missing  # a stale part held a replaced or removed output: the CSV goes too
    with db:  # one transaction, committed only once the files it describes are in place
        for name in changes.changed + changes.removed:
            for index_table in ("rows", "csv", "files"):
                db.execute(f"DELETE FROM {index_table} WHERE name = ?", (name,))
        for part, names in _in_parts(fresh):
            outputs = _add_part(out_dir, db, on_disk, names, part)
            if not rewrite:
                _append_csv(out_dir, db, outputs)
        for old in stale:
            keep = [n for (n,) in db.execute("SELECT name FROM files WHERE part = ?", (old,))]
            for table in TABLES:
                if keep:
                    _write_part(out_dir, table, old, rows_of_files(db, table, keep))
                else:
                    _part_path(out_dir, table, old).unlink(missing_ok=True)
        if rewrite:
            _rewrite_csv(out_dir, db)
        _record_written(out_dir, db)
    changes.invalid = invalid_outputs(db)
    return changes


def _add_part(
    out_dir: Path, db: sqlite3.Connection, on_disk: dict[str, tuple[int, int]], names: list[str], part: str
) -> list[str]:
    """Read up to PART_OUTPUTS new or changed files, index them and write their rows as one new
    part: one part's rows in memory at a time, however many articles a run wrote. Returns the
    names of those that are outputs (the others, gold files and the like, are indexed only)."""
    read = {name: read_output(out_dir / name) for name in names}
    outputs = [name for name in names if read[name][0] is not None]
    _insert(db, on_disk, read, dict.fromkeys(outputs, part))
    if outputs:
        for table in TABLES:
            _write_part(out_dir, table, part, [row for name in outputs for row in (read[name][0] or {})[table]])
    return outputs


def _insert(
    db: sqlite3.Connection,
    on_disk: dict[str, tuple[int, int]],
    read: dict[str, tuple[dict[str, list[dict[str, Any]]] | None, str | None]],
    parts: dict[str, str],
) -> None:
    """Index what was read: each file, and each output's rows and CSV lines under the part that
    `parts` gives it."""
    for name, (rows, problem) in read.items():
        db.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (name, *on_disk[name], rows is not None, parts.get(name), problem),
        )
        for table, table_rows in (rows or {}).items():
            db.executemany(
                "INSERT INTO rows VALUES (?, ?, ?, ?)",
                [(name, table, n, json.dumps(r, ensure_ascii=False)) for n, r in enumerate(table_rows)],
            )
            db.execute("INSERT INTO csv VALUES (?, ?, ?)", (name, table, csv_lines(table, table_rows, header=False)))


def _in_parts(names: list[str]) -> Iterator[tuple[str, list[str]]]:
    """The names in folder order, PART_OUTPUTS at a time, each run with a new part name; the names
    sort as the parts were made, so the dataset reads its rows in that order."""
    names = sorted(names)
    for number, start in enumerate(range(0, len(names), PART_OUTPUTS)):
        yield _part_name(number), names[start : start + PART_OUTPUTS]


def _rebuild(out_dir: Path, db: sqlite3.Connection, on_disk: dict[str, tuple[int, int]], why: str) -> Changes:
    """Every table from the outputs themselves: new parts, every other part removed, the CSV files
    written anew; the index replaced in the same transaction, committed last."""
    with db:
        for table_name in ("files", "rows", "csv", "written"):
            db.execute(f"DELETE FROM {table_name}")
        written = [part for part, names in _in_parts(list(on_disk)) if _add_part(out_dir, db, on_disk, names, part)]
        _keep_only(out_dir, written)
        _rewrite_csv(out_dir, db)
        _record_written(out_dir, db)
    return Changes(added=sorted(on_disk), rebuilt=why, invalid=invalid_outputs(db))


def _part_name(number: int = 0) -> str:
    """When the part was made (to the microsecond), its place among the parts made with it, and a
    random tag (two processes may write at the same moment)."""
    now = time.time()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now * 1e6) % 1_000_000:06d}"
    return f"part-{stamp}-{number:05d}-{uuid.uuid4().hex[:8]}"


def _append_csv(out_dir: Path, db: sqlite3.Connection, new: list[str]) -> None:
    """The `new` articles' stored lines appended to each CSV file (one write each, after what is there)."""
    for table in TABLES:
        text = "".join(csv_of(db, table, new)) if new else ""
        if not text:
            continue
        path = out_dir / f"{table}.csv"
        with os.fdopen(open_no_follow(path, append=True), "a", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())


def _rewrite_csv(out_dir: Path, db: sqlite3.Connection) -> None:
    """Each CSV file written again, atomically, streamed from the stored lines (rows had to go)."""
    for table in TABLES:
        write_atomic(out_dir / f"{table}.csv", chain([csv_lines(table, [], header=True)], csv_of(db, table)))


def _fold(out_dir: Path, db: sqlite3.Connection) -> None:
    """Every output's rows in new full parts (PART_OUTPUTS articles each); the parts there were
    before, removed."""
    outputs = [name for (name,) in db.execute("SELECT name FROM files WHERE output = 1")]
    written = []
    for part, names in _in_parts(outputs):
        db.executemany("UPDATE files SET part = ? WHERE name = ?", [(part, name) for name in names])
        for table in TABLES:
            _write_part(out_dir, table, part, rows_of_files(db, table, names))
        written.append(part)
    _keep_only(out_dir, written)


def _keep_only(out_dir: Path, parts: list[str]) -> None:
    """The parts named, and no other, in every table's dataset; with none named, one empty part per
    table, so the dataset is there to read, with its columns."""
    if not parts:
        parts = [_part_name()]
        for table in TABLES:
            _write_part(out_dir, table, parts[0], [])
    for table in TABLES:
        for leftover in _part_folder(out_dir, table).glob("*.parquet"):
            if leftover.stem not in parts:
                leftover.unlink()


def compact(out_dir: Path) -> Changes:
    """The Parquet parts of every table folded into full ones (the many small parts of many small
    runs become few), and the CSV files written anew."""
    with folder_lock(out_dir):
        changes = sync(out_dir)
        with open_index(out_dir) as (db, _), db:
            _fold(out_dir, db)
            _rewrite_csv(out_dir, db)
            _record_written(out_dir, db)
        return changes


def stored_rows(out_dir: Path, table: str) -> list[dict[str, Any]]:
    """All rows of a table, in folder order, as the index holds them (call `sync` first)."""
    with open_index(out_dir) as (db, _):
        return rows_of_files(db, table)
