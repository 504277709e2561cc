"""`make bench`: the whole extraction against spaCy alone on the same texts, as whole processes.

Runs are interleaved (spaCy, ours, ours with 2 processes, spaCy, ...) so a noisy shared machine
affects both sides alike; the ratios are what to read. Texts come from the PolNeAR dev set, read at
bench time and written to a temporary folder that is deleted afterwards (never committed).

    python -m pipeline.tools.bench [--articles N] [--repeat R] [--scale 4]
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
from pathlib import Path

DEFAULT_SET = Path(__file__).resolve().parents[3] / "shared" / "eval" / "polnear-train.jsonl"


def write_corpus(source: Path, folder: Path, articles: int | None, copies: int) -> int:
    """The set's texts as .txt files, each `copies` times (under other names), streamed from the set."""
    count = 0
    with source.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if articles is not None and n >= articles:
                break
            text = json.loads(line)["text"]
            for copy in range(copies):
                (folder / f"a{n:05d}_{copy}.txt").write_text(text, encoding="utf-8")
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


def ours(folder: Path, out: Path, n_process: int, batch_size: int) -> None:
    from ..config import Options
    from ..engines.run import extract

    shutil.rmtree(out, ignore_errors=True)
    summary = extract([folder], out, Options(n_process=n_process, batch_size=batch_size, force=True))
    if summary.failed:
        raise SystemExit(f"{len(summary.failed)} articles failed in the benchmark")


def run_one(argv: list[str]) -> None:
    """Child process: do one workload, print its peak memory (own and its workers') as JSON."""
    kind, folder = argv[0], Path(argv[1])
    batch_size = int(argv[2])
    if kind == "spacy":
        spacy_alone(folder, batch_size)
    else:
        ours(folder, Path(argv[3]), int(argv[4]), batch_size)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"peak_kib": own, "worker_peak_kib": workers}))


def timed(args: list[str]) -> tuple[float, dict[str, int]]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.tools.bench", "--child", *args], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"benchmark run failed: {' '.join(args)}\n{done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout.strip().splitlines()[-1])


def bench(source: Path, articles: int | None, repeat: int, scale: int, batch_size: int) -> str:
    lines = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        base = Path(tmp)
        for copies in sorted({1, scale}):
            folder = base / f"corpus{copies}"
            folder.mkdir()
            count = write_corpus(source, folder, articles, copies)
            runs: dict[str, list[float]] = {"spacy": [], "ours": [], "ours2": []}
            peaks: dict[str, int] = {}
            # The larger set is there to show memory staying flat: one interleaved round is enough.
            rounds = repeat if copies == 1 else 1
            for round_ in range(1, rounds + 1):
                for name, args in (
                    ("spacy", ["spacy", str(folder), str(batch_size)]),
                    ("ours", ["ours", str(folder), str(batch_size), str(base / "out"), "1"]),
                    ("ours2", ["ours", str(folder), str(batch_size), str(base / "out"), "2"]),
                ):
                    seconds, memory = timed(args)
                    print(f"  {count} articles, round {round_}/{rounds}: {name:<5} {seconds:6.1f} s", file=sys.stderr,
                          flush=True)  # fmt: skip
                    runs[name].append(seconds)
                    peaks[name] = max(peaks.get(name, 0), memory["peak_kib"], memory["worker_peak_kib"])
            med = {name: statistics.median(times) for name, times in runs.items()}
            lines += [
                f"== {count} articles ({copies}x), {rounds} interleaved run(s) each, median wall time",
                f"spaCy alone          {med['spacy']:7.1f} s  {count / med['spacy']:6.1f} articles/s"
                f"  peak {peaks['spacy'] / 1024:6.0f} MiB",
                f"ours, 1 process      {med['ours']:7.1f} s  {count / med['ours']:6.1f} articles/s"
                f"  peak {peaks['ours'] / 1024:6.0f} MiB",
                f"ours, --n-process 2  {med['ours2']:7.1f} s  {count / med['ours2']:6.1f} articles/s"
                f"  peak {peaks['ours2'] / 1024:6.0f} MiB (largest process)",
                f"ratio ours / spaCy alone: {med['ours'] / med['spacy']:.2f}x (goal <= 1.25x)",
                f"speed-up with 2 processes: {med['ours'] / med['ours2']:.2f}x (goal >= 1.6x on 2 cores)",
            ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        run_one(argv[1:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="PolNeAR-format .jsonl of articles")
    # 120 articles, three rounds, then 480 once: about five minutes on a 2-core machine.
    parser.add_argument("--articles", type=int, default=120, help="first N articles of the set")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=4, help="also run with each article N times over")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    if not args.set.exists():
        print(f"error: no benchmark set at {args.set}", file=sys.stderr)
        return 2
    os.environ.setdefault("PYTHONHASHSEED", "0")
    print(bench(args.set, args.articles, args.repeat, args.scale, args.batch_size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
