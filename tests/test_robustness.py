"""Bad input, engines and interrupted runs: nothing is lost, every input is accounted for."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import Options
from pipeline.engines.run import extract

from .conftest import ROOT, SEED

_NEWS = (
    "Rail fares to rise\n\nBy Kim Osei | 0{n}/03/2024\n\n"
    "Fares will rise by {n}% in March, the operator said.\n\n"
    "“We have no choice,” said a spokesperson for the operator, adding that {n} lines were affected.\n"
)


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story{n:03d}.txt").write_text(_NEWS.format(n=n % 9 + 1), encoding="utf-8")
    return folder


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (bytes(range(256)) * 64, "binary"),
    "undecodable.txt": ("Prices “rose”".encode() + b"\x81\x8d\xff\xfe", "encoding"),
    "huge.txt": (b"word " * 1_100_000, "too_long"),
}
ODD_BUT_FINE = {
    "long-line.txt": b"x" * 200_000,
    "controls.txt": "Officials said \u202ethe plan\u202c was \x07fine\x0b. \u200f“It works,” she said.\n".encode(),
    "html.txt": b"<html><body><p>The mayor said: \xe2\x80\x9cWe will <b>act</b>.\xe2\x80\x9d</p><script>x()</script>",
    "stray-quotes.txt": ("“" * 3000 + " he said " + "”" * 2000 + "'\"" * 1000).encode(),
    "cp1252.txt": "The minister said: \x93We will act.\x94\n".encode("latin-1"),
}


def test_robustness_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path: Path, capsys):
    corpus = _corpus(tmp_path / "in", 2)
    for name, (data, _) in BAD_INPUTS.items():
        (corpus / name).write_bytes(data)
    for name, data in ODD_BUT_FINE.items():
        (corpus / name).write_bytes(data)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 1
    errors = {Path(e["source"]).name: e for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert {name: e["error"] for name, e in errors.items()} == {n: kind for n, (_, kind) in BAD_INPUTS.items()}
    assert all(e["message"] for e in errors.values())
    for name in [*ODD_BUT_FINE, "story000.txt", "story001.txt"]:
        document = json.loads((out / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
        text = document["article"]["text"]
        for quote in document["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
    assert "Traceback" not in capsys.readouterr().err


def test_robustness_cp1252_input_comes_out_with_a_warning(tmp_path: Path, nlp):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "old.txt").write_bytes(ODD_BUT_FINE["cp1252.txt"])
    extract([corpus], tmp_path / "out", Options(), nlp=nlp)
    document = json.loads((tmp_path / "out" / "old.json").read_text(encoding="utf-8"))
    assert document["quotes"][0]["text"] == "We will act."
    assert [w["kind"] for w in document["warnings"]] == ["encoding"]


def test_robustness_unchanged_articles_are_skipped_unless_forced(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert len(extract([corpus], out, Options(), nlp=nlp).written) == 3
    (corpus / "story001.txt").write_text("Changed\n\nThe council said it would act.\n", encoding="utf-8")
    again = extract([corpus], out, Options(), nlp=nlp)
    assert len(again.skipped) == 2 and [p.name for p in again.written] == ["story001.json"]
    assert len(extract([corpus], out, Options(force=True), nlp=nlp).written) == 3


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_robustness_process_pool_gives_identical_output(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 40)
    (corpus / "empty.txt").write_bytes(b"")
    extract([corpus], tmp_path / "one", Options(), nlp=nlp)
    extract([corpus], tmp_path / "two", Options(n_process=2))
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_robustness_dask_local_cluster_gives_identical_output(tmp_path: Path, nlp):
    pytest.importorskip("dask.distributed")
    corpus = _corpus(tmp_path / "in", 40)
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 64)
    extract([corpus], tmp_path / "local", Options(), nlp=nlp)
    summary = extract([corpus], tmp_path / "dask", Options(engine="dask", n_process=2))
    assert summary.exit_code == 1 and len(summary.written) == 40
    assert _outputs(tmp_path / "local") == _outputs(tmp_path / "dask")


def test_robustness_killed_run_resumes_and_leaves_no_truncated_file(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 300)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out), "--batch-size", "4"]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("story*.json"))) < 20:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    written = list(out.glob("story*.json"))
    assert 20 <= len(written) < 300, "the run should have been stopped part-way"
    for path in written:
        json.loads(path.read_text(encoding="utf-8"))  # complete, never truncated
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert len(summary.skipped) >= 20 and len(summary.skipped) + len(summary.written) == 300
    extract([corpus], tmp_path / "clean", Options(), nlp=nlp)
    assert _outputs(out) == _outputs(tmp_path / "clean")


def test_robustness_seed_is_the_same_through_every_engine_path(tmp_path: Path, nlp):
    first = extract([SEED], tmp_path / "a", Options(batch_size=1), nlp=nlp)
    second = extract([SEED], tmp_path / "b", Options(batch_size=64), nlp=nlp)
    assert first.exit_code == second.exit_code == 0
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "b")
