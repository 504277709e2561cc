"""`make bench`: the whole extraction against spaCy alone on the same texts, as whole processes;
the same texts 4 and 16 times over (memory staying flat as runs grow; 4 times over also in two
processes, the speed-up); one very long article (memory bounded by its pieces); five articles into
an empty folder, added to a folder of 5,000 outputs, and extracted again there (replaced: the
corpus tables' cost); `extract_texts` against `nlp.pipe` on the same short texts in memory. Each run
reports as it finishes.

Runs are interleaved (spaCy, ours, spaCy, ours) so a noisy shared machine affects both sides alike;
the ratios are what to read. Texts come from the PolNeAR dev set where it lies beside the checkout,
else from the articles in corpus/ (copies of them, on a public clone), or from the .jsonl corpus or
folder of .txt files that --set names; they are written to a temporary folder deleted afterwards.

    python -m pipeline.measure.bench [--articles N] [--repeat R] [--scale 4] [--big-scale 16] [--long CHARS]
                                   [--archive N] [--texts N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
# Where the texts come from: the PolNeAR articles where they lie beside the checkout (the figures in
# the README), else the articles committed in corpus/ (a public clone), else what --set names.
DEFAULT_SET = POLNEAR if POLNEAR.exists() else ROOT / "corpus"


def texts_of(source: Path) -> Iterator[str]:
    """The texts of a benchmark set: a JSON Lines corpus (a "text" per line) or a folder of .txt files,
    again from the start as often as asked (a small set makes a large run of copies)."""
    while True:
        found = 0
        if source.is_dir():
            for path in sorted(source.glob("*.txt")):
                found += 1
                yield path.read_text(encoding="utf-8")
        else:
            with source.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        found += 1
                        yield json.loads(line)["text"]
        if not found:
            raise SystemExit(f"no texts in {source}: give a .jsonl corpus or a folder of .txt files (--set)")


def write_corpus(source: Path, folder: Path, articles: int | None, copies: int) -> int:
    """The set's texts as .txt files, each `copies` times (under other names), streamed from the set."""
    count = 0
    for n, text in enumerate(islice(texts_of(source), articles or 200)):
        for copy in range(copies):
            # Copy by copy ("c1_a00007"): batches hold the same mix of articles at every scale.
            (folder / f"c{copy}_a{n:05d}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def spacy_alone(folder: Path, batch_size: int) -> None:
    """The baseline: the same model parsing the same texts, streamed, nothing else."""
    import spacy

    from ..config import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    texts = (p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass


def ours(folder: Path, out: Path, n_process: int, batch_size: int, clear: bool = True, force: bool = True) -> None:
    """Our extraction of the folder into `out`: cleared first, or into what it holds (new articles
    added; with `force`, articles it holds already extracted again and their rows replaced)."""
    from ..config import Options
    from ..engines.run import extract

    if clear:
        shutil.rmtree(out, ignore_errors=True)
    summary = extract([folder], out, Options(n_process=n_process, batch_size=batch_size, force=force))
    if summary.failed:
        raise SystemExit(f"{len(summary.failed)} articles failed in the benchmark")


def run_one(argv: list[str]) -> None:
    """Child process: do one workload, print its peak memory (own and its workers') as JSON."""
    kind, folder = argv[0], Path(argv[1])
    batch_size = int(argv[2])
    report: dict[str, float] = {}
    if kind == "spacy":
        spacy_alone(folder, batch_size)
    elif kind == "texts":
        report = texts_in_memory(folder, int(argv[3]), int(argv[4]), batch_size)
    elif kind == "into":  # new articles into a folder that already holds outputs: not cleared
        ours(folder, Path(argv[3]), 1, batch_size, clear=False, force=False)
    elif kind == "replace":  # articles the folder holds, extracted again (a corrected text, a new version)
        ours(folder, Path(argv[3]), 1, batch_size, clear=False, force=True)
    else:
        ours(folder, Path(argv[3]), int(argv[4]), batch_size)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({**report, "peak_kib": own, "worker_peak_kib": workers}))


def texts_in_memory(folder: Path, count: int, rounds: int, batch_size: int) -> dict[str, float]:
    """`extract_texts` against `nlp.pipe` of the same model on the same short texts (the paragraphs
    of the set's articles, as a dataframe column would hold them), interleaved in one process:
    median seconds of each."""
    import spacy

    from ..config import DEFAULT_MODEL
    from ..engines.api import extract_texts
    from ..nlp import default_nlp

    articles = (path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    paragraphs = [p.strip() for text in articles for p in text.split("\n")]
    texts = [p for p in paragraphs if 60 <= len(p) <= 400][:count]
    plain, full = spacy.load(DEFAULT_MODEL), default_nlp()
    list(plain.pipe(texts[:20])), list(extract_texts(texts[:20], full))  # loaded and warm, both
    times: dict[str, list[float]] = {"pipe": [], "extract_texts": []}
    for _ in range(rounds):
        started = time.perf_counter()
        list(plain.pipe(texts, batch_size=batch_size))
        times["pipe"].append(time.perf_counter() - started)
        started = time.perf_counter()
        list(extract_texts(texts, full, batch_size=batch_size))
        times["extract_texts"].append(time.perf_counter() - started)
    return {"texts": len(texts), **{name: statistics.median(ts) for name, ts in times.items()}}


def timed(args: list[str]) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.measure.bench", "--child", *args], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"benchmark run failed: {' '.join(args)}\n{done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout.strip().splitlines()[-1])


def _say(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def _peak(memory: dict[str, Any]) -> int:
    return max(memory["peak_kib"], memory["worker_peak_kib"])


def long_article(source: Path, folder: Path, characters: int) -> int:
    """One article of about `characters` characters: the set's texts, one after another."""
    parts, size = [], 0
    for text in texts_of(source):
        parts.append(text)
        size += len(text) + 2
        if size >= characters:
            break
    text = "\n\n".join(parts)[:characters]
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return len(text)


def archive(outputs: Path, folder: Path, size: int) -> None:
    """A folder of `size` outputs, copies of real ones under other ids, with its tables indexed."""
    from ..io.tables import update_tables

    folder.mkdir(parents=True)
    originals = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(outputs.glob("*.json"))]
    for n in range(size):
        document = originals[n % len(originals)]
        copy = {**document, "article": {**document["article"], "id": f"old{n:06d}"}}
        (folder / f"old{n:06d}.json").write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    update_tables(folder)


def bench(source: Path, articles: int, repeat: int, scale: int, big_scale: int, batch_size: int, long_chars: int,
          archive_size: int, text_count: int) -> str:  # fmt: skip
    lines = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        base = Path(tmp)
        # 1. Speed: ours against spaCy alone, interleaved rounds on the same texts.
        folder = base / "corpus"
        folder.mkdir()
        count = write_corpus(source, folder, articles, 1)
        runs: dict[str, list[float]] = {"spacy": [], "ours": []}
        peaks: dict[str, int] = {}
        for round_ in range(1, repeat + 1):
            for name, args in (
                ("spacy", ["spacy", str(folder), str(batch_size)]),
                ("ours", ["ours", str(folder), str(batch_size), str(base / "out"), "1"]),
            ):
                seconds, memory = timed(args)
                _say(f"{count} articles, round {round_}/{repeat}: {name:<5} {seconds:6.1f} s")
                runs[name].append(seconds)
                peaks[name] = max(peaks.get(name, 0), _peak(memory))
        med = {name: statistics.median(times) for name, times in runs.items()}
        # 2. Scale: the same texts each `scale` times over, in one process and in two.
        big = base / "corpus_big"
        big.mkdir()
        big_count = write_corpus(source, big, articles, scale)
        one, one_memory = timed(["ours", str(big), str(batch_size), str(base / "out_big"), "1"])
        _say(f"{big_count} articles: ours, 1 process {one:6.1f} s")
        two, two_memory = timed(["ours", str(big), str(batch_size), str(base / "out_big2"), "2"])
        _say(f"{big_count} articles: ours, 2 processes {two:6.1f} s")
        for done in (big, base / "out_big", base / "out_big2"):  # the disk for the next run
            shutil.rmtree(done)
        bigger = base / "corpus_bigger"
        bigger.mkdir()
        bigger_count = write_corpus(source, bigger, articles, big_scale)
        most, most_memory = timed(["ours", str(bigger), str(batch_size), str(base / "out_bigger"), "1"])
        _say(f"{bigger_count} articles: ours, 1 process {most:6.1f} s")
        for done in (bigger, base / "out_bigger"):
            shutil.rmtree(done)
        # 3. A very long article (a transcript, a live blog), parsed in pieces.
        long_folder = base / "long"
        long_folder.mkdir()
        long_size = long_article(source, long_folder, long_chars)
        long_seconds, long_memory = timed(["ours", str(long_folder), str(batch_size), str(base / "out_long"), "1"])
        _say(f"one article of {long_size:,} characters: {long_seconds:6.1f} s")
        # 4. The corpus tables: five new articles into an empty folder, added to an archive, and
        # extracted again there (their rows replaced: the Parquet parts and CSV lines that held them).
        archive(base / "out", base / "archive", archive_size)
        empty_times, archive_times, replace_times = [], [], []
        for round_ in range(1, repeat + 1):
            new = base / f"new{round_}"
            new.mkdir()
            for n, path in enumerate(sorted(folder.glob("*.txt"))[(round_ - 1) * 5 : round_ * 5]):
                shutil.copy(path, new / f"new{round_}_{n}.txt")
            seconds, _ = timed(["into", str(new), str(batch_size), str(base / f"empty{round_}")])
            empty_times.append(seconds)
            seconds, _ = timed(["into", str(new), str(batch_size), str(base / "archive")])
            archive_times.append(seconds)
            seconds, _ = timed(["replace", str(new), str(batch_size), str(base / "archive")])
            replace_times.append(seconds)
            _say(f"5 articles, round {round_}/{repeat}: into an empty folder {empty_times[-1]:5.1f} s, added to"
                 f" {archive_size:,} {archive_times[-1]:5.1f} s, again there {replace_times[-1]:5.1f} s")  # fmt: skip
        into_empty, into_archive = statistics.median(empty_times), statistics.median(archive_times)
        replaced = statistics.median(replace_times)
        # 5. Texts in memory: extract_texts against nlp.pipe, in one process.
        _, in_memory = timed(["texts", str(folder), str(batch_size * 4), str(text_count), str(repeat + 1)])
        _say(f"{in_memory['texts']} texts in memory: nlp.pipe {in_memory['pipe']:5.1f} s, "
             f"extract_texts {in_memory['extract_texts']:5.1f} s")  # fmt: skip
        lines += [
            f"== {count} articles, {repeat} interleaved runs each, median wall time (whole processes)",
            f"spaCy alone          {med['spacy']:7.1f} s  {count / med['spacy']:6.1f} articles/s"
            f"  peak {peaks['spacy'] / 1024:6.0f} MiB",
            f"ours, 1 process      {med['ours']:7.1f} s  {count / med['ours']:6.1f} articles/s"
            f"  peak {peaks['ours'] / 1024:6.0f} MiB",
            f"ratio ours / spaCy alone: {med['ours'] / med['spacy']:.2f}x (goal <= 1.0x)",
            f"== {big_count} articles ({scale}x)",
            f"ours, 1 process      {one:7.1f} s  {big_count / one:6.1f} articles/s"
            f"  peak {_peak(one_memory) / 1024:6.0f} MiB",
            f"ours, --n-process 2  {two:7.1f} s  {big_count / two:6.1f} articles/s"
            f"  peak {_peak(two_memory) / 1024:6.0f} MiB (largest process)",
            f"speed-up with 2 processes: {one / two:.2f}x (goal >= 1.7x on 2 cores)",
            f"peak memory at {big_count} / at {count} articles: {_peak(one_memory) / peaks['ours']:.2f}x"
            " (goal <= 1.10x)",
            f"== {bigger_count} articles ({big_scale}x)",
            f"ours, 1 process      {most:7.1f} s  {bigger_count / most:6.1f} articles/s"
            f"  peak {_peak(most_memory) / 1024:6.0f} MiB",
            f"peak memory at {bigger_count} / at {count} articles: {_peak(most_memory) / peaks['ours']:.2f}x"
            " (goal <= 1.10x)",
            f"== one article of {long_size:,} characters: {long_seconds:.1f} s,"
            f" peak {_peak(long_memory) / 1024:.0f} MiB (goal <= 1229 MiB, 1.2 GB)",
            f"== 5 articles into an empty folder {into_empty:.1f} s; into a folder of {archive_size:,} outputs:",
            f"added   {into_archive:5.1f} s  {into_archive / into_empty:.2f}x (goal <= 1.1x)",
            f"replaced {replaced:4.1f} s  {replaced / into_empty:.2f}x (goal <= 1.3x)",
            f"== {in_memory['texts']} short texts in memory, {repeat + 1} interleaved runs, median",
            f"nlp.pipe {in_memory['pipe']:.1f} s, extract_texts {in_memory['extract_texts']:.1f} s:"
            f" {in_memory['extract_texts'] / in_memory['pipe']:.2f}x (goal <= 1.1x)",
        ]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        run_one(argv[1:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m pipeline.measure.bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        type=Path,
        default=DEFAULT_SET,
        help="a .jsonl corpus or a folder of .txt articles (default: %(default)s)",
    )
    # About fifteen minutes on a 2-core machine with these defaults (the 3,200 articles most of it).
    parser.add_argument("--articles", type=int, default=200, help="first N articles of the set")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--scale", type=int, default=4, help="also run with each article N times over")
    parser.add_argument("--big-scale", type=int, default=16, help="and N times over, one process (memory)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--long", type=int, default=800_000, help="characters of the one long article")
    parser.add_argument("--archive", type=int, default=5_000, help="outputs already in the folder")
    parser.add_argument("--texts", type=int, default=2_000, help="short texts for extract_texts against nlp.pipe")
    args = parser.parse_args(argv)
    if not args.set.exists():
        print(f"error: no benchmark set at {args.set}", file=sys.stderr)
        return 2
    os.environ.setdefault("PYTHONHASHSEED", "0")
    print(bench(args.set, args.articles, args.repeat, args.scale, args.big_scale, args.batch_size, args.long,
                args.archive, args.texts))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
