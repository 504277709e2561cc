"""Torture: runs killed at random points, damaged indexes, two runs at once, hostile files. After
each, a clean rerun leaves tables equal row for row to a full rebuild from the outputs, and nothing
outside the output folder has changed. Slow (a few minutes): `make test` runs it, `make test-fast`
does not."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.io import table_index

from .test_tables import _corpus, _same_as_a_full_build

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SEED = 20241206  # trials are random, and the same every run


def _pipeline(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _healed(out: Path) -> None:
    """A clean rerun of `tables` brings every table in line with the outputs."""
    done = subprocess.run([sys.executable, "-m", "pipeline", "tables", str(out)], cwd=ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr
    _same_as_a_full_build(out)


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    """A corpus, an output folder, and files outside it that no run may touch."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "notes.txt").write_text("mine\n", encoding="utf-8")
    return {"corpus": _corpus(tmp_path / "in", range(0, 24)), "out": tmp_path / "out", "outside": outside}


def test_torture_extract_killed_at_random_points_heals(world):
    rng = random.Random(SEED)
    before = _fingerprint(world["outside"]), _fingerprint(world["corpus"])
    for trial in range(6):
        run = _pipeline("extract", str(world["corpus"]), "--out", str(world["out"]), "--force")
        time.sleep(rng.uniform(2.0, 9.0))  # model load, then somewhere in the articles or the tables
        run.send_signal(signal.SIGKILL if trial % 2 else signal.SIGINT)
        run.wait(timeout=60)
        _healed(world["out"])
    assert (_fingerprint(world["outside"]), _fingerprint(world["corpus"])) == before
    # And a full run after all that finishes cleanly, every article out.
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(world["corpus"]), "--out",
                           str(world["out"])], cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(list(world["out"].glob("story*.json"))) == 24
    _same_as_a_full_build(world["out"])


def _many_outputs(out: Path, count: int) -> None:
    """`count` valid outputs, made by renaming copies of the ones there (a large folder, quickly)."""
    models = sorted(out.glob("story*.json"))
    for n in range(count):
        document = json.loads(models[n % len(models)].read_text(encoding="utf-8"))
        document["article"]["id"] = f"copy{n:05d}"
        (out / f"copy{n:05d}.json").write_text(json.dumps(document), encoding="utf-8")


def test_torture_tables_killed_at_random_points_and_damaged_indexes_heal(world, nlp):
    from pipeline.config import Options
    from pipeline.engines.run import extract

    out = world["out"]
    extract([world["corpus"]], out, Options(), nlp=nlp)
    _many_outputs(out, 1500)
    rng = random.Random(SEED + 1)
    for trial in range(8):
        if trial % 2:  # a change for the next update to pick up: one output gone, one edited
            victim = out / f"copy{rng.randrange(1500):05d}.json"
            victim.unlink(missing_ok=True)
        run = _pipeline("tables", str(out), *(["--compact"] if trial % 3 == 0 else []))
        time.sleep(rng.uniform(1.0, 4.0))
        run.send_signal(signal.SIGKILL if trial % 2 else signal.SIGINT)
        run.wait(timeout=60)
        _healed(out)
    # The index copied away, deleted, or filled with garbage: rebuilt, never appended to.
    index = out / table_index.INDEX
    for damage in ("delete", "garbage", "truncate"):
        if damage == "delete":
            index.unlink()
        elif damage == "garbage":
            index.write_bytes(os.urandom(4096))
        else:
            index.write_bytes(index.read_bytes()[:2048] if index.exists() else b"")
        _healed(out)
    assert _fingerprint(world["outside"]) == {"notes.txt": hashlib.sha256(b"mine\n").hexdigest()}


def test_torture_two_runs_started_together(world):
    first = _pipeline("extract", str(world["corpus"]), "--out", str(world["out"]))
    second = _pipeline("extract", str(world["corpus"]), "--out", str(world["out"]))
    outcomes = sorted([first.wait(timeout=300), second.wait(timeout=300)])
    errors = first.stderr.read() + second.stderr.read()  # type: ignore[union-attr]
    # One has the folder; the other stops at once saying who holds it (or, started after the
    # first finished, finds every article up to date).
    assert outcomes in ([0, 0], [0, 2]), errors
    if outcomes == [0, 2]:
        assert "in use by another run" in errors
    assert (world["out"] / "errors.jsonl").read_text(encoding="utf-8") == ""
    _same_as_a_full_build(world["out"])


def test_torture_hostile_files_end_quickly_and_the_rest_come_out(world):
    corpus = world["corpus"]
    (corpus / "quotes4000.txt").write_text("Title\n\nHe said " + '"ok" ' * 4000 + "\n", encoding="utf-8")
    (corpus / "quotes50000.txt").write_text("Title\n\nHe said " + '"ok" ' * 50000 + "\n", encoding="utf-8")
    (corpus / "marks.txt").write_text("Title\n\nHe said " + '"' * 100_000 + " done.\n", encoding="utf-8")
    prose = "The council met on Monday and agreed the budget after a long debate about roads. " * 400
    (corpus / "run.txt").write_text(f"Roads\n\n{prose}\n\nHe said {'!' * 20000} fine.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(world["out"])],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 1, done.stderr
    errors = [json.loads(line) for line in (world["out"] / "errors.jsonl").read_text().splitlines()]
    assert sorted((Path(e["source"]).name, e["error"]) for e in errors) == [
        ("marks.txt", "not_prose"), ("quotes4000.txt", "not_prose"), ("quotes50000.txt", "not_prose"),
    ]  # fmt: skip
    assert len(list(world["out"].glob("story*.json"))) == 24 and (world["out"] / "run.json").is_file()
    _same_as_a_full_build(world["out"])


def test_torture_killing_a_pooled_run_stops_its_workers(world):
    """With --n-process 2, killing the run leaves no worker writing into the folder."""
    run = _pipeline("extract", str(world["corpus"]), "--out", str(world["out"]), "--n-process", "2")
    deadline = time.time() + 120
    while not list(world["out"].glob("story*.json")) and time.time() < deadline:
        time.sleep(0.2)
    run.kill()
    run.wait(timeout=60)
    time.sleep(2)
    settled = _fingerprint(world["out"])
    time.sleep(4)
    assert _fingerprint(world["out"]) == settled
    shutil.rmtree(world["out"] / "review", ignore_errors=True)
    _healed(world["out"])
