"""Corpus tables kept current run by run: the same tables as one full run, for the cost of what changed."""

import json
import shutil
from pathlib import Path

import pandas as pd

from pipeline.config import Options
from pipeline.engines.run import extract
from pipeline.io import table_store
from pipeline.io.table_rows import TABLES, csv_lines, frames, output_documents
from pipeline.io.tables import compact_tables, tables


def _article(n: int) -> str:
    return (
        f"Depot plan {n}\n\nCouncillor Ana Ruiz{n} said the depot would cost £{n + 1}m.\n\n"
        f"“We have waited {n + 2} years,” said Tom Hale{n}, who chairs the residents' group.\n"
    )


def _corpus(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"story{n:03d}.txt").write_text(_article(n), encoding="utf-8")
    return folder


def _same_as_a_full_build(out: Path) -> None:
    """tables(), the CSV files and the Parquet datasets all hold what the outputs say, in folder order."""
    expected = frames(output_documents(out))
    got = tables(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(got[table], expected[table])
        rows = expected[table].astype(object).where(expected[table].notna(), None).to_dict("records")
        assert (out / f"{table}.csv").read_text(encoding="utf-8") == csv_lines(table, rows, header=True)
        stored = pd.read_parquet(out / f"{table}.parquet")
        assert len(stored) == len(expected[table])
        assert sorted(map(tuple, stored[["article", "id"]].values.tolist())) == sorted(
            map(tuple, expected[table][["article", "id"]].values.tolist())
        )


def test_tables_from_runs_one_after_another_equal_one_full_run(tmp_path: Path, nlp):
    inputs, out = tmp_path / "in", tmp_path / "out"
    extract([_corpus(inputs / "a", range(0, 4))], out, Options(), nlp=nlp)
    extract([_corpus(inputs / "b", range(4, 7))], out, Options(), nlp=nlp)
    _same_as_a_full_build(out)
    # An article written again (its text changed) replaces its rows; an output removed takes its rows away.
    (inputs / "a" / "story001.txt").write_text(_article(101), encoding="utf-8")
    extract([inputs / "a"], out, Options(), nlp=nlp)
    (out / "story005.json").unlink()
    _same_as_a_full_build(out)
    assert "Ruiz101" in (out / "quotes.csv").read_text(encoding="utf-8")
    assert "Ruiz1 " not in (out / "numeric_claims.csv").read_text(encoding="utf-8")
    # The same outputs, built in one go elsewhere, give the same CSV files byte for byte.
    full = tmp_path / "full"
    full.mkdir()
    for path in out.glob("*.json"):
        shutil.copy(path, full / path.name)
    tables(full)
    for table in TABLES:
        assert (full / f"{table}.csv").read_bytes() == (out / f"{table}.csv").read_bytes()
    compact_tables(out)
    assert all(len(list((out / f"{t}.parquet").glob("*.parquet"))) == 1 for t in TABLES)
    _same_as_a_full_build(out)


def test_tables_a_run_reads_only_what_changed_and_appends(tmp_path: Path, nlp, monkeypatch):
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 12))], out, Options(), nlp=nlp)
    read: list[str] = []
    rewritten: list[str] = []
    real_read, real_lines = table_store._read, table_store.csv_lines
    monkeypatch.setattr(table_store, "_read", lambda path: read.append(path.name) or real_read(path))
    monkeypatch.setattr(
        table_store,
        "csv_lines",
        lambda t, rows, header: (rewritten.append(t) if header else None) or real_lines(t, rows, header),
    )
    extract([_corpus(tmp_path / "new", range(50, 52))], out, Options(), nlp=nlp)
    assert sorted(read) == ["story050.json", "story051.json"]  # not the twelve already indexed
    assert rewritten == []  # new articles: the CSV files were appended to, not written anew
    parts = {t: len(list((out / f"{t}.parquet").glob("*.parquet"))) for t in TABLES}
    assert parts == {t: 2 for t in TABLES}  # one part per run; the first part was not touched
    _same_as_a_full_build(out)


def test_tables_outputs_edited_by_hand_or_foreign_json_are_seen(tmp_path: Path, nlp):
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 3))], out, Options(), nlp=nlp)
    document = json.loads((out / "story000.json").read_text(encoding="utf-8"))
    document["quotes"] = []
    (out / "story000.json").write_text(json.dumps(document), encoding="utf-8")
    (out / "gold.json").write_text(json.dumps({"source": "x.txt", "quotes": []}), encoding="utf-8")
    frames_now = tables(out)
    assert "story000" not in set(frames_now["quotes"]["article"])
    _same_as_a_full_build(out)
