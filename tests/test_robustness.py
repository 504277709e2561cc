"""Bad input, engines and interrupted runs: nothing is lost, every input is accounted for."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import Options
from pipeline.engines.run import extract
from pipeline.io.schema import validate

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
    # Thousands of quote marks and little else: a dump, not an article, refused before the parse.
    "stray-quotes.txt": (("“" * 3000 + " he said " + "”" * 2000 + "'\"" * 1000).encode(), "not_prose"),
}
ODD_BUT_FINE = {
    "long-line.txt": b"x" * 200_000,
    "controls.txt": "Officials said \u202ethe plan\u202c was \x07fine\x0b. \u200f“It works,” she said.\n".encode(),
    "html.txt": b"<html><body><p>The mayor said: \xe2\x80\x9cWe will <b>act</b>.\xe2\x80\x9d</p><script>x()</script>",
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
    """Every file a run leaves, by content: a Parquet table (a folder of parts, named by run) by its rows."""
    import pandas as pd

    return {
        p.name: pd.read_parquet(p).to_csv().encode() if p.is_dir() else p.read_bytes()
        for p in sorted(folder.iterdir())
        if not p.name.startswith(".")
    }


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


def test_robustness_odd_names_and_duplicates_each_get_their_own_output(tmp_path: Path, nlp):
    """A name too long for the file system, one with spaces, two files with the same name, and a
    JSONL with a repeated id: every article comes out, none overwrites another."""
    corpus = tmp_path / "in"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    body = "Headline\n\nThe council said 12 libraries would close.\n"
    (corpus / ("x" * 240 + ".txt")).write_text(body, encoding="utf-8")
    (corpus / "my article.txt").write_text(body, encoding="utf-8")
    (corpus / "a" / "same.txt").write_text(body, encoding="utf-8")
    (corpus / "b" / "same.txt").write_text(body.replace("12", "14"), encoding="utf-8")
    lines = [json.dumps({"id": "dup", "text": body}), json.dumps({"id": "dup", "text": body.replace("12", "9")})]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert summary.exit_code == 0 and len(summary.written) == 6
    names = sorted(p.name for p in out.glob("*.json"))
    assert len(names) == 6 and all(len(n) <= 110 for n in names)
    assert "my_article.json" in names and "dup.json" in names and "dup-2.json" in names
    same = [json.loads((out / n).read_text(encoding="utf-8")) for n in names if n.startswith("same-")]
    assert len(same) == 2 and all(d["warnings"][0]["kind"] == "duplicate_name" for d in same)
    assert sorted(d["numeric_claims"][0]["value"] for d in same) == [12, 14]
    # A second run keeps every one and rewrites none.
    again = extract([corpus], out, Options(), nlp=nlp)
    assert len(again.skipped) == 6 and not again.written


def _failing_write(monkeypatch, code: int, on: str) -> None:
    from pipeline.engines import core

    real = core.write_atomic

    def write(path, content):
        if on in path.name:
            raise OSError(code, os.strerror(code), str(path))
        real(path, content)

    monkeypatch.setattr(core, "write_atomic", write)


def test_robustness_a_failed_write_is_that_inputs_error(tmp_path: Path, nlp, monkeypatch):
    import errno

    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("good", "bad", "other"):
        (corpus / f"{name}.txt").write_text(
            "Headline\n\nThe council said 12 libraries would close.\n", encoding="utf-8"
        )
    _failing_write(monkeypatch, errno.EIO, "bad")
    out = tmp_path / "out"
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert summary.exit_code == 1 and len(summary.written) == 2
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["error"] == "write" and "bad.json" in error["message"]
    assert not list(out.glob(".*.tmp"))


def test_robustness_a_full_disk_stops_the_run_naming_the_file(tmp_path: Path, nlp, monkeypatch, capsys):
    import errno

    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(
            "Headline\n\nThe council said 12 libraries would close.\n", encoding="utf-8"
        )
    _failing_write(monkeypatch, errno.ENOSPC, "b.json")
    monkeypatch.setattr("pipeline.engines.run.build_nlp", lambda options: nlp)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "b.json" in err and "Traceback" not in err
    assert (out / "a.json").exists()  # what finished is kept


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


@pytest.fixture
def dask_scheduler(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    scheduler = _start(["scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], tmp_path / "sched")
    processes = [scheduler]
    yield address, processes
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def test_robustness_dask_real_cluster_with_relative_paths(tmp_path: Path, nlp, monkeypatch, dask_scheduler):
    """Scheduler and worker as separate processes in their own folders; the client names relative paths."""
    address, processes = dask_scheduler
    processes.append(
        _start(["worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"], tmp_path / "worker")
    )
    client_dir = tmp_path / "client"
    _corpus(client_dir / "in", 6)
    monkeypatch.chdir(client_dir)
    assert main(["extract", "in", "--out", "out", "--engine", "dask", "--scheduler", address]) == 0
    assert len(list((client_dir / "out").glob("*.json"))) == 6
    assert not list((tmp_path / "worker").rglob("*.json"))  # nothing landed where the worker runs
    extract([Path("in")], tmp_path / "local", Options(), nlp=nlp)  # the same inputs, named the same way
    assert _outputs(tmp_path / "local") == _outputs(client_dir / "out")


def test_robustness_dask_cluster_without_workers_fails_fast(tmp_path: Path, monkeypatch, capsys, dask_scheduler):
    address, _ = dask_scheduler
    monkeypatch.setattr("pipeline.engines.cluster.WORKER_WAIT_SECONDS", 5)
    corpus = _corpus(tmp_path / "in", 2)
    started = time.monotonic()
    assert (
        main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask", "--scheduler", address]) == 1
    )
    assert time.monotonic() - started < 60
    assert "has no workers" in capsys.readouterr().err


def test_robustness_long_articles_are_parsed_alone():
    from pipeline.engines.core import LONG_ARTICLE_CHARS, _batches
    from pipeline.io.ingest import article_from_text

    def article(n: int, chars: int):
        return article_from_text("x " * (chars // 2) + f"{n}", f"a{n}", "<t>", Options(max_chars=10**7))

    sizes = [10, 10, LONG_ARTICLE_CHARS + 2, 10, 10, 10, LONG_ARTICLE_CHARS + 2, LONG_ARTICLE_CHARS + 2, 10]
    batches = list(_batches((article(n, c) for n, c in enumerate(sizes)), size=2))
    assert [[a.id for a in b] for b in batches] == [
        ["a0", "a1"], ["a2"], ["a3", "a4"], ["a5"], ["a6"], ["a7"], ["a8"],
    ]  # fmt: skip


def test_robustness_a_batch_holds_at_most_batch_chars_characters():
    """The model's working memory follows a batch's text: articles that together pass BATCH_CHARS
    go in more batches, so the peak does not depend on which long articles come together."""
    from pipeline.engines.core import BATCH_CHARS, _batches
    from pipeline.io.ingest import article_from_text

    def article(n: int, chars: int):
        return article_from_text("x " * (chars // 2) + f"{n}", f"a{n}", "<t>", Options())

    third = BATCH_CHARS // 3 + 10  # three of them pass BATCH_CHARS
    sizes = [third, third, third, 10, third, BATCH_CHARS - 10, 10]
    batches = list(_batches((article(n, c) for n, c in enumerate(sizes)), size=16))
    assert [[a.id for a in b] for b in batches] == [["a0", "a1"], ["a2", "a3", "a4"], ["a5"], ["a6"]]
    assert all(sum(len(a.text) for a in b) <= BATCH_CHARS for b in batches)


def test_robustness_stale_output_is_redone_when_metadata_changes(tmp_path: Path, nlp):
    corpus = tmp_path / "in"
    corpus.mkdir()
    feed = corpus / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "text": "The council said 12 libraries would close.", "title": "One"}) + "\n"
    )
    out = tmp_path / "out"
    extract([corpus], out, Options(), nlp=nlp)
    feed.write_text(
        json.dumps({"id": "a", "text": "The council said 12 libraries would close.", "title": "Two"}) + "\n"
    )
    again = extract([corpus], out, Options(), nlp=nlp)
    assert len(again.written) == 1
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["article"]["title"] == "Two"


def test_robustness_output_folder_inside_the_inputs_is_not_read_back(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 2)
    first = extract([corpus], corpus, Options(), nlp=nlp)  # --out equal to the input folder
    (corpus / "review").mkdir()
    (corpus / "review" / "page.html").write_text("<p>not an article</p>", encoding="utf-8")
    (corpus / "errors.jsonl").write_text('{"source": "x", "error": "y", "message": "z"}\n', encoding="utf-8")
    again = extract([corpus], corpus, Options(force=True), nlp=nlp)
    assert first.exit_code == 0 and again.exit_code == 0 and len(again.written) == 2


def test_robustness_outputs_follow_the_umask(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 1)
    extract([corpus], tmp_path / "out", Options(), nlp=nlp)
    mode = (tmp_path / "out" / "story000.json").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_robustness_jsonl_metadata_that_is_not_text_is_left_out(tmp_path: Path, nlp):
    corpus = tmp_path / "in"
    corpus.mkdir()
    line = {"id": "a", "text": "The council said 12 libraries would close.", "title": ["x"], "author": 5}
    (corpus / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert extract([corpus], out, Options(), nlp=nlp).exit_code == 0
    document = json.loads((out / "a.json").read_text(encoding="utf-8"))
    validate(document)
    assert {w["kind"] for w in document["warnings"]} == {"bad_field"}


def test_robustness_hostile_batch_beside_good_articles(tmp_path: Path, nlp, monkeypatch, capsys):
    """Every odd input at once beside good ones: each is an output or an error record, the good ones
    come out as in a clean run, nothing lands outside --out, no temp file, no traceback."""
    good = _corpus(tmp_path / "good", 3)
    clean = tmp_path / "clean"
    extract([good], clean, Options(), nlp=nlp)

    batch = tmp_path / "batch"
    shutil.copytree(good, batch)
    body = "Headline\n\nThe council said 12 libraries would close.\n"
    (batch / "a").mkdir()
    (batch / "b").mkdir()
    (batch / "a" / "same.txt").write_text(body, encoding="utf-8")
    (batch / "b" / "same.txt").write_text(body, encoding="utf-8")
    (batch / ("n" * 250 + ".txt")).write_text(body, encoding="utf-8")
    (Path(os.fsdecode(bytes(batch) + b"/caf\xe9.txt"))).write_text(body, encoding="utf-8")  # not UTF-8
    (batch / "utf16.txt").write_bytes(body.encode("utf-16"))
    (batch / "mac.txt").write_bytes(body.replace("\n", "\r").encode())
    (batch / "formula.txt").write_text("Headline\n\nThe leader said: “=HYPERLINK(1) now.”\n", encoding="utf-8")
    lines = [
        json.dumps({"id": "../../escape", "text": body}),
        json.dumps({"id": "dup", "text": body}),
        json.dumps({"id": "dup", "text": body, "title": {"not": "text"}}),
        "not json",
    ]
    (batch / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 64)

    out = tmp_path / "out"
    monkeypatch.setattr("pipeline.engines.run.build_nlp", lambda options: nlp)
    assert main(["extract", str(batch), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(e["error"] for e in errors) == ["bad_json", "binary", "empty"]
    outputs = sorted(p.name for p in out.glob("*.json"))
    assert len(outputs) == 3 + 2 + 1 + 1 + 1 + 1 + 1 + 3  # good, same x2, long, café, utf16, mac, formula, jsonl x3
    for name in ("story000.json", "story001.json", "story002.json"):
        assert json.loads((out / name).read_text())["quotes"] == json.loads((clean / name).read_text())["quotes"]
    assert not list(out.glob(".*.tmp")) and not (tmp_path / "escape.json").exists()
    assert {p for p in tmp_path.rglob("*.json")} <= {*out.rglob("*.json"), *clean.rglob("*.json")}
    for name in outputs:
        validate(json.loads((out / name).read_text(encoding="utf-8")))
    assert "'=HYPERLINK" in (out / "quotes.csv").read_text(encoding="utf-8")


def test_robustness_same_ids_in_two_jsonl_files_do_not_overwrite(tmp_path: Path, nlp, monkeypatch):
    """The same id in two JSONL files and as a file's name: three outputs, named the same way by the
    local engine and by two worker processes that each read a different file."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n, name in enumerate(("one.jsonl", "two.jsonl")):
        line = {"id": "story", "text": f"The council said {12 + n} libraries would close."}
        (corpus / name).write_text(json.dumps(line) + "\n", encoding="utf-8")
    (corpus / "story.txt").write_text("Headline\n\nThe council said 20 libraries would close.\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert len(summary.written) == 3 and len(list(out.glob("*.json"))) == 3
    values = sorted(json.loads(p.read_text())["numeric_claims"][0]["value"] for p in out.glob("*.json"))
    assert values == [12, 13, 20]
    pool = tmp_path / "pool"
    monkeypatch.setattr("pipeline.engines.pool.CHUNK_FILES", 1)  # each file to its own worker task
    extract([corpus], pool, Options(n_process=2))
    assert _outputs(out) == _outputs(pool)


def test_robustness_other_json_in_the_output_folder_is_neither_read_nor_overwritten(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    gold = {"source": "story000.txt", "metadata": {}, "speakers": {}, "quotes": [], "numeric_claims": []}
    (out / "story000.json").write_text(json.dumps(gold), encoding="utf-8")  # a gold file, same name
    (out / "notes.json").write_text(json.dumps(["not", "an", "output"]), encoding="utf-8")
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert summary.exit_code == 1 and len(summary.written) == 1
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["error"] == "name_taken"
    assert json.loads((out / "story000.json").read_text(encoding="utf-8")) == gold  # untouched
    assert (out / "quotes.csv").exists()  # the tables were written, from the real outputs only


def test_robustness_calm_runs_keeps_offsets_and_breaks_long_runs():
    from pipeline.text.quotemarks import calm_runs

    text = 'He said """""" and!!!! then... ““““ ok ----- end'
    calm = calm_runs(text)
    assert len(calm) == len(text)
    assert calm == 'He said "      and!    then... “    ok -     end'
    assert calm_runs("A normal “quote”, isn't it? -- yes...") == "A normal “quote”, isn't it? -- yes..."


def test_robustness_quote_scanning_is_linear_in_the_marks(monkeypatch):
    """A paragraph of thousands of quotes: each quote's sentence is built once per sentence, not once
    per quote (the quadratic rescans a hostile page turned into minutes)."""
    from pipeline.quotes import context

    built = []
    real = context.QuoteContext.sentence_tokens

    def counting(self, token):
        key = (self._sentence_bounds(token.i)[0], self.paragraph_of(token.idx)[0])
        if key not in self._sentences:
            built.append(key)
        return real(self, token)

    monkeypatch.setattr(context.QuoteContext, "sentence_tokens", counting)
    from pipeline.engines.api import extract_text

    document = extract_text("Market mood\n\nTraders said the mood was " + "“calm” and " * 300 + "“steady”.\n")
    assert len(document["quotes"]) >= 1
    assert len(built) == len(set(built)) <= 10


def _stage_that(behaviour, victim):
    from pipeline.components import article_of

    def stage(doc):
        if victim in article_of(doc).text:
            behaviour()
        return doc

    return stage


@pytest.mark.parametrize(("behaviour", "kind"), [("sleep", "timeout"), ("memory", "memory")])
def test_robustness_one_article_out_of_time_or_memory_is_that_articles_error(tmp_path, monkeypatch, behaviour, kind):
    """The batch is tried again one article at a time: the article to blame gets its error, the rest
    come out."""
    from spacy.language import Language

    from pipeline.nlp import build_nlp

    nlp = build_nlp(Options())

    def act():
        if behaviour == "sleep":
            time.sleep(5)
        else:
            raise MemoryError

    name = f"robustness_{behaviour}"
    if not Language.has_factory(name):
        Language.component(name, func=_stage_that(act, "POISON"))
    nlp.add_pipe(name, after="parser")
    corpus = _corpus(tmp_path / "in", 3)
    (corpus / "poison.txt").write_text("Poison\n\nThe POISON article said nothing at all.\n", encoding="utf-8")
    summary = extract([corpus], tmp_path / "out", Options(article_seconds=1.0), nlp=nlp)
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["source"]).name, e["error"]) for e in errors] == [("poison.txt", kind)]
    assert len(summary.written) == 3


# ---- smaller findings of issue 24, one test each ----------------------------------------------
def test_robustness_a_truncated_output_is_written_again(tmp_path: Path, nlp):
    corpus = _corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    extract([corpus], out, Options(), nlp=nlp)
    output = out / "story000.json"
    output.write_bytes(output.read_bytes()[:300])  # a copy broken off, a disk that filled up
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert summary.exit_code == 0 and len(summary.written) == 1
    validate(json.loads(output.read_text(encoding="utf-8")))


def test_robustness_a_later_input_of_the_same_name_gets_its_own_output(tmp_path: Path, nlp):
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    (tmp_path / "d1" / "x.txt").write_text("One\n\nAnn Lee said the first plan was best.\n", encoding="utf-8")
    (tmp_path / "d2" / "x.txt").write_text("Two\n\nBo Kim said the second plan was best.\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([tmp_path / "d1"], out, Options(), nlp=nlp)
    extract([tmp_path / "d2"], out, Options(), nlp=nlp)
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("x*.json"))]
    assert sorted(d["article"]["source"] for d in documents) == [str(tmp_path / d / "x.txt") for d in ("d1", "d2")]
    assert any(w["kind"] == "duplicate_name" for d in documents for w in d["warnings"])


def test_robustness_the_same_file_by_another_path_is_not_extracted_again(tmp_path: Path, nlp, monkeypatch):
    corpus = _corpus(tmp_path / "in", 1)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    extract([Path("in")], out, Options(), nlp=nlp)
    summary = extract([corpus.resolve()], out, Options(), nlp=nlp)
    assert len(summary.skipped) == 1 and not summary.written


def test_robustness_a_json_file_is_not_read_as_an_article(tmp_path: Path, nlp):
    (tmp_path / "data.json").write_text(json.dumps({"rows": [{"said": "x"}] * 50}), encoding="utf-8")
    summary = extract([tmp_path / "data.json"], tmp_path / "out", Options(), nlp=nlp)
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert summary.exit_code == 1 and [e["error"] for e in errors] == ["unsupported"]


def test_robustness_html_nested_thousands_deep_loses_no_text(tmp_path: Path, nlp):
    page = (
        "<html><body><script>track()</script>" + "<div>" * 3000
        + "<p>The mayor said the bridge would reopen in May.</p><p>Officials said the &quot;cost&quot; was high.</p>"
        + "</div>" * 3000 + "</body></html>"
    )  # fmt: skip
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    extract([tmp_path / "deep.html"], tmp_path / "out", Options(), nlp=nlp)
    text = json.loads((tmp_path / "out" / "deep.json").read_text(encoding="utf-8"))["article"]["text"]
    assert "bridge would reopen in May" in text and 'the "cost" was high' in text and "track" not in text


@pytest.mark.parametrize(
    ("name", "safe"), [("CON", "CON_"), ("aux.txt", "aux.txt_"), ("lpt1", "lpt1_"), ("cone", "cone")]
)
def test_robustness_names_windows_keeps_for_devices_are_not_output_names(name, safe):
    from pipeline.io.ingest import safe_id

    assert safe_id(name) == safe


def test_robustness_zero_width_characters_are_shown_not_hidden():
    from pipeline.io.table_rows import neutralise_cell
    from pipeline.tools.review.html import escape

    assert neutralise_cell("said\u200b it") == "said<U+200B> it"
    assert "&lt;U+200D&gt;" in escape("a\u200db")


def test_robustness_import_never_writes_gold_into_an_outputs_folder(seed_outputs: Path, tmp_path: Path):
    tasks = tmp_path / "tasks.jsonl"
    assert main(["export", str(seed_outputs), "--to", str(tasks)]) == 0
    before = {p.name: p.read_bytes() for p in seed_outputs.glob("*.json")}
    assert main(["import", str(tasks), "--gold-dir", str(seed_outputs)]) == 1
    assert {p.name: p.read_bytes() for p in seed_outputs.glob("*.json")} == before


def test_robustness_import_names_the_task_of_the_wrong_type(tmp_path: Path, capsys):
    tasks = tmp_path / "tasks.jsonl"
    tasks.write_text('"just a string"\n', encoding="utf-8")
    assert main(["import", str(tasks), "--gold-dir", str(tmp_path / "gold")]) == 1
    assert "line 1" in capsys.readouterr().err


@pytest.mark.slow
def test_robustness_dask_run_whose_workers_all_die_ends_saying_so(tmp_path: Path, monkeypatch, capsys, dask_scheduler):
    """Every worker killed mid-run: the run stops with a clear message, keeping what finished,
    instead of waiting for a worker forever."""
    address, processes = dask_scheduler
    monkeypatch.setattr("pipeline.engines.cluster.WORKER_WAIT_SECONDS", 5)
    worker = _start(["worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"], tmp_path / "worker")
    processes.append(worker)
    corpus = _corpus(tmp_path / "in", 200)
    out = tmp_path / "out"

    def kill_when_working() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not list(out.glob("story*.json")):
            time.sleep(0.2)
        for child in subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split():
            os.kill(int(child), signal.SIGKILL)
        worker.kill()

    import threading

    killer = threading.Thread(target=kill_when_working)
    killer.start()
    started = time.monotonic()
    code = main(["extract", str(corpus), "--out", str(out), "--engine", "dask", "--scheduler", address])
    killer.join()
    assert code == 1 and time.monotonic() - started < 180
    assert "lost every worker" in capsys.readouterr().err
    for path in out.glob("story*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # what finished is whole
