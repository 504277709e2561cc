"""Corpus tables: quotes, numeric claims and speakers of a folder of outputs, as pandas DataFrames,
and as CSV and Parquet files beside the JSON, kept current as articles are written.

    from pipeline.io.tables import tables
    frames = tables("outputs")          # {"quotes": DataFrame, "numeric_claims": ..., "speakers": ...}

The rows come from `table_rows`; `table_store` keeps them indexed so that a run pays only for the
articles it wrote.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from . import table_store
from .files import FolderUnsafe
from .table_rows import COLUMNS, TABLES, frames, is_output, neutralise_cell, output_documents

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "TABLES", "compact_tables", "is_output", "neutralise_cell", "tables", "update_tables"]


def update_tables(out_dir: Path) -> table_store.Changes:
    """Bring <table>.csv and <table>.parquet in line with the folder's outputs (what changed only,
    or everything again when the index cannot be trusted); says what it did and what it left out."""
    return table_store.sync(out_dir)


def compact_tables(out_dir: Path) -> table_store.Changes:
    """One Parquet part per table, and the CSV files written anew."""
    return table_store.compact(out_dir)


def tables(out_dir: Path | str) -> dict[str, pd.DataFrame]:
    """The corpus tables of a folder of outputs, as pandas DataFrames, in one call: read from the
    index (brought up to date first), or from the outputs themselves where the folder cannot be
    written to."""
    import pandas as pd

    folder = Path(out_dir)
    try:
        table_store.sync(folder)
        return {t: pd.DataFrame(table_store.stored_rows(folder, t), columns=list(COLUMNS[t])) for t in TABLES}
    except (OSError, sqlite3.Error, FolderUnsafe):
        # Read-only, in use by a run, or holding a link where tables go: read the outputs, write nothing.
        return frames(output_documents(folder))
