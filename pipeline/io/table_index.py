"""The index of the corpus tables (`.tables.sqlite`, standard library SQLite): every JSON file of
the output folder by name, size and modification time, the table rows and CSV lines of each output,
and what the tables last wrote. `table_store` keeps the tables in line with it."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from .files import refuse_link
from .table_rows import is_output, rows_of

INDEX = ".tables.sqlite"
# The index's layout; an index of another version is rebuilt from the outputs.
INDEX_VERSION = 4
# Column types in Parquet: the same for every part, whatever its rows hold. Values are text there
# (numbers and ISO dates share the column); offsets and counts are integers, confidences floats.
INTEGERS = {"start", "end", "mentions", "quotes"}
FLOATS = {"confidence", "speaker_confidence"}


def json_files(out_dir: Path) -> dict[str, tuple[int, int]]:
    """Every JSON file directly in the folder (not hidden, not a link): name -> (size, time in ns)."""
    found = {}
    with os.scandir(out_dir) as entries:
        for entry in entries:
            if entry.name.endswith(".json") and not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
                stat = entry.stat(follow_symlinks=False)
                found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


_LAYOUT = """
    CREATE TABLE IF NOT EXISTS files (
        name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, output INTEGER, part TEXT, problem TEXT);
    CREATE TABLE IF NOT EXISTS rows (name TEXT, tbl TEXT, n INTEGER, row TEXT);
    CREATE INDEX IF NOT EXISTS rows_of_file ON rows (name);
    CREATE INDEX IF NOT EXISTS rows_in_order ON rows (tbl, name, n);
    CREATE TABLE IF NOT EXISTS csv (name TEXT, tbl TEXT, text TEXT, PRIMARY KEY (tbl, name));
    CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, size INTEGER);
"""


@contextmanager
def open_index(out_dir: Path) -> Iterator[tuple[sqlite3.Connection, str | None]]:
    """The index, and why it cannot be trusted (None when it can): new, unreadable, another version."""
    path = out_dir / INDEX
    refuse_link(path)
    why = None if path.exists() else "no index"
    if why is None:
        try:
            with closing(sqlite3.connect(path, timeout=60)) as probe:
                (version,) = probe.execute("PRAGMA user_version").fetchone()
                probe.execute("SELECT count(*) FROM files").fetchone()
            if version != INDEX_VERSION:
                why = f"index version {version}"
        except sqlite3.Error as err:
            why = f"unreadable index ({err})"
        if why is not None:
            for leftover in (path, path.with_name(INDEX + "-journal")):
                leftover.unlink(missing_ok=True)
    with closing(sqlite3.connect(path, timeout=60)) as db:
        db.executescript(_LAYOUT)
        db.execute(f"PRAGMA user_version = {INDEX_VERSION}")
        yield db, why


def _problem(rows: dict[str, list[dict[str, Any]]]) -> str | None:
    """Why rows could not go into the typed tables, if a value has the wrong type."""
    for table, table_rows in rows.items():
        for row in table_rows:
            for column in INTEGERS | FLOATS:
                value = row.get(column)
                if value is None:
                    continue
                numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
                if not numeric or (column in INTEGERS and not isinstance(value, int)):
                    return f"{table}.{column} is {value!r}, not a number"
    return None


def read_output(path: Path) -> tuple[dict[str, list[dict[str, Any]]] | None, str | None]:
    """The table rows of one output file, or None when it is not one of our outputs (a gold file),
    with the reason when it looks like one but breaks the contract."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if not is_output(document):
        return None, None
    try:
        rows = rows_of(document)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        return None, f"not an output of this pipeline ({type(err).__name__}: {err})"
    problem = _problem(rows)
    return (None, problem) if problem else (rows, None)


def rows_of_files(db: sqlite3.Connection, table: str, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows of a table in folder order (by file name, then row): of the named files, or of all."""
    if names is None:
        query = db.execute("SELECT row FROM rows WHERE tbl = ? ORDER BY name, n", (table,))
        return [json.loads(r) for (r,) in query]
    found: list[dict[str, Any]] = []
    for name in sorted(names):
        query = db.execute("SELECT row FROM rows WHERE tbl = ? AND name = ? ORDER BY n", (table, name))
        found += [json.loads(r) for (r,) in query]
    return found


def invalid_outputs(db: sqlite3.Connection) -> list[tuple[str, str]]:
    return list(db.execute("SELECT name, problem FROM files WHERE problem IS NOT NULL ORDER BY name"))


def csv_of(db: sqlite3.Connection, table: str, names: list[str] | None = None) -> Iterator[str]:
    """The stored CSV lines of a table, article by article in folder order: of the named, or of all."""
    if names is None:
        for (text,) in db.execute("SELECT text FROM csv WHERE tbl = ? ORDER BY name", (table,)):
            yield text
        return
    for name in sorted(names):
        for (text,) in db.execute("SELECT text FROM csv WHERE tbl = ? AND name = ?", (table, name)):
            yield text
