"""Corpus tables kept current run by run: the same tables as one full run, for the cost of what changed."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import Options
from pipeline.engines.run import UsageError, extract
from pipeline.io import table_index, table_store
from pipeline.io.table_rows import TABLES, csv_lines, frames, output_documents, rows_of
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
    real_read, real_lines = table_store.read_output, table_store.csv_lines
    monkeypatch.setattr(table_store, "read_output", lambda path: read.append(path.name) or real_read(path))
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


def test_tables_replacing_articles_costs_what_was_replaced_not_the_archive(tmp_path: Path, nlp, monkeypatch):
    """Issue 25: a re-run of k articles in a large folder formats only their rows and rewrites only the
    Parquet parts that held them; the CSV is streamed from lines stored when each output was read."""
    monkeypatch.setattr(table_store, "PART_OUTPUTS", 3)
    inputs, out = _corpus(tmp_path / "in", range(0, 10)), tmp_path / "out"
    extract([inputs], out, Options(), nlp=nlp)
    parts_before = {p.name: p.stat().st_mtime_ns for p in (out / "quotes.parquet").glob("*.parquet")}
    assert len(parts_before) == 4  # ten articles, at most three a part
    formatted: list[int] = []
    real_lines = table_store.csv_lines
    monkeypatch.setattr(
        table_store,
        "csv_lines",
        lambda t, rows, header: formatted.append(len(list(rows))) or real_lines(t, rows, header),
    )
    for n in (1, 7):
        (inputs / f"story{n:03d}.txt").write_text(_article(100 + n), encoding="utf-8")
    extract([inputs], out, Options(), nlp=nlp)
    # The two articles' rows formatted (and three header lines), not the ten articles' rows.
    replaced = [rows_of(json.loads((out / f"story{n:03d}.json").read_text(encoding="utf-8"))) for n in (1, 7)]
    assert len(formatted) == 3 * len(TABLES)
    assert sum(formatted) == sum(len(rows[t]) for rows in replaced for t in TABLES)
    parts_after = {p.name: p.stat().st_mtime_ns for p in (out / "quotes.parquet").glob("*.parquet")}
    untouched = {name for name in parts_before if parts_after.get(name) == parts_before[name]}
    assert len(untouched) == 2  # the parts of story000-002 and story009 were not written again
    _same_as_a_full_build(out)
    assert "Ruiz107" in (out / "quotes.csv").read_text(encoding="utf-8")
    compact_tables(out)
    assert len(list((out / "quotes.parquet").glob("*.parquet"))) == 4
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


# ---- the tables cannot go wrong (issue 24): derived from the outputs, never accumulated ----------
def _row_counts(out: Path) -> dict[str, tuple[int, int]]:
    """Rows in each CSV file and each Parquet dataset."""
    counts = {}
    for table in TABLES:
        csv_rows = len(pd.read_csv(out / f"{table}.csv")) if (out / f"{table}.csv").stat().st_size else 0
        counts[table] = (csv_rows, len(pd.read_parquet(out / f"{table}.parquet")))
    return counts


def test_tables_a_folder_copied_without_its_hidden_index_is_rebuilt_not_doubled(tmp_path: Path, nlp):
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 4))], out, Options(), nlp=nlp)
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in out.iterdir():  # `cp -r out/* copy/` leaves the hidden index behind
        if not path.name.startswith("."):
            (shutil.copytree if path.is_dir() else shutil.copy)(path, copy / path.name)
    extract([_corpus(tmp_path / "more", range(10, 12))], copy, Options(), nlp=nlp)
    _same_as_a_full_build(copy)
    # Deleting the index, or filling it with garbage, heals the same way.
    for damage in ("delete", "garbage"):
        index = copy / table_index.INDEX
        index.unlink() if damage == "delete" else index.write_bytes(b"not a database" * 100)
        changes = table_store.sync(copy)
        assert changes.rebuilt
        _same_as_a_full_build(copy)


def test_tables_a_table_update_killed_half_way_heals_on_the_next_sync(tmp_path: Path, nlp, monkeypatch):
    """The index commits after the parts and CSV it describes: a sync that dies after writing a part
    (or half a CSV) leaves an index that disagrees with the files, and the next one rebuilds."""
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 3))], out, Options(), nlp=nlp)
    _corpus(tmp_path / "in2", range(20, 22))
    real_csv = table_store._append_csv

    def dies(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(table_store, "_append_csv", dies)
    try:
        extract([tmp_path / "in2"], out, Options(), nlp=nlp)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(table_store, "_append_csv", real_csv)
    with (out / "quotes.csv").open("a", encoding="utf-8") as handle:  # and a half-written append
        handle.write("story020,q1,dir")
    assert table_store.sync(out).rebuilt
    _same_as_a_full_build(out)
    assert table_store.sync(out).rebuilt is None  # and from then on, updates as before


def test_tables_an_output_that_breaks_the_contract_is_left_out_by_name(tmp_path: Path, nlp):
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 3))], out, Options(), nlp=nlp)
    broken = json.loads((out / "story001.json").read_text(encoding="utf-8"))
    del broken["quotes"]
    (out / "story001.json").write_text(json.dumps(broken), encoding="utf-8")
    wrong_type = json.loads((out / "story002.json").read_text(encoding="utf-8"))
    wrong_type["quotes"][0]["start"] = "twelve"
    (out / "story002.json").write_text(json.dumps(wrong_type), encoding="utf-8")
    summary = extract([_corpus(tmp_path / "new", range(30, 31))], out, Options(), nlp=nlp)
    assert summary.exit_code == 1
    logged = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(e["source"]).name for e in logged) == ["story001.json", "story002.json"]
    assert {e["error"] for e in logged} == {"invalid_output"}
    assert set(tables(out)["quotes"]["article"]) == {"story000", "story030"}  # the rest synced
    # Restored, they come back, and no part is left over holding old rows.
    extract([tmp_path / "in"], out, Options(force=True), nlp=nlp)
    _same_as_a_full_build(out)
    assert _row_counts(out)["quotes"][0] == _row_counts(out)["quotes"][1] == len(tables(out)["quotes"])


@pytest.mark.parametrize("name", ["errors.jsonl", "quotes.csv", "review", "quotes.parquet", ".tables.sqlite"])
def test_tables_nothing_is_written_through_a_link_in_the_output_folder(tmp_path: Path, nlp, name):
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 2))], out, Options(), nlp=nlp)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "precious"
    if name in ("review", "quotes.parquet"):
        target.mkdir()
        (target / "home.html").write_text("mine", encoding="utf-8")
        shutil.rmtree(out / name, ignore_errors=True)
    else:
        target.write_text("mine\n", encoding="utf-8")
        (out / name).unlink(missing_ok=True)
    (out / name).symlink_to(target, target_is_directory=target.is_dir())
    before = {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()}
    with pytest.raises(UsageError, match="symbolic link"):
        extract([_corpus(tmp_path / "new", range(5, 6))], out, Options(), nlp=nlp)
    from pipeline.cli import main

    if name == "review":
        assert main(["review", str(out)]) == 2
    tables_write_it = name not in ("errors.jsonl", "review")
    assert main(["tables", str(out)]) == (2 if tables_write_it else 0)
    assert {p: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()} == before
    assert (out / name).is_symlink()  # the user's link is left as it was


def test_tables_a_second_run_in_the_same_folder_is_refused_naming_the_first(tmp_path: Path, nlp):
    from pipeline.io.files import FolderUnsafe, folder_lock

    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(out / '.pipeline.lock')!r}, os.O_WRONLY | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, b'process 4242')\n"
        "print('held', flush=True)\n"
        "time.sleep(30)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(UsageError, match="in use by another run .process 4242"):
            extract([_corpus(tmp_path / "in", range(0, 1))], out, Options(), nlp=nlp)
        with pytest.raises(FolderUnsafe):
            table_store.sync(out)
    finally:
        holder.kill()
        holder.wait()
    with folder_lock(out), folder_lock(out):  # free again, and taken twice by one process
        pass
    assert extract([tmp_path / "in"], out, Options(), nlp=nlp).exit_code == 0


def test_tables_out_naming_a_file_is_a_usage_error(tmp_path: Path, nlp):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file"):
        extract([_corpus(tmp_path / "in", range(0, 1))], tmp_path / "file.txt", Options(), nlp=nlp)


def test_tables_parquet_parts_read_in_folder_order_after_a_rebuild(tmp_path: Path, nlp, monkeypatch):
    """Parts made together are named to sort as they were made: the dataset reads the rows of a
    rebuilt folder in folder order, as the CSV holds them."""
    monkeypatch.setattr(table_store, "PART_OUTPUTS", 2)
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 9))], out, Options(), nlp=nlp)
    (out / table_index.INDEX).unlink()
    assert table_store.sync(out).rebuilt
    for table in TABLES:
        stored = pd.read_parquet(out / f"{table}.parquet")
        assert list(stored["article"]) == list(pd.read_csv(out / f"{table}.csv")["article"])


def test_tables_a_sync_holds_one_parts_worth_of_outputs_at_a_time(tmp_path: Path, nlp, monkeypatch):
    """Memory follows a part, not the run: outputs are read, indexed and written PART_OUTPUTS at a
    time, whether a run adds them or a rebuild reads the folder again."""
    out = tmp_path / "out"
    extract([_corpus(tmp_path / "in", range(0, 7))], out, Options(), nlp=nlp)
    monkeypatch.setattr(table_store, "PART_OUTPUTS", 2)
    held: list[int] = [0]
    most: list[int] = [0]
    real_read, real_insert = table_store.read_output, table_store._insert

    def read(path: Path):
        held[0] += 1
        most[0] = max(most[0], held[0])
        return real_read(path)

    def insert(*args, **kwargs):
        held[0] = 0  # what was read is indexed and let go
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(table_store, "read_output", read)
    monkeypatch.setattr(table_store, "_insert", insert)
    for path in out.glob("story*.json"):
        path.touch()  # every output changed: all read again
    table_store.sync(out)
    assert most[0] == 2
    (out / table_index.INDEX).unlink()
    most[0] = 0
    assert table_store.sync(out).rebuilt and most[0] == 2
    _same_as_a_full_build(out)
