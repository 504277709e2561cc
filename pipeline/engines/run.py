"""The library entry point behind `python -m pipeline extract`: inputs in, one JSON file per article out,
on the engine the options choose (one process, a local pool, a Dask cluster)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from ..config import Options
from ..io.files import ERRORS_FILE, ErrorLog, FolderUnsafe, folder_lock, refuse_link, remove_stale_temporaries
from ..io.ingest import INPUT_SUFFIXES, STDIN, jsonl_ids, safe_id
from ..io.tables import update_tables
from ..nlp import build_nlp
from .core import Outcome, process_files


class UsageError(Exception):
    """The command line names something that is not there: exit status 2."""


@dataclass
class Summary:
    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _written_by_us(path: Path, out_dir: Path | None) -> bool:
    """The error log and review pages of the output folder, when it lies among the inputs."""
    if out_dir is None:
        return False
    out = out_dir.resolve()
    resolved = path.resolve()
    return resolved == out / ERRORS_FILE or (out / "review") in resolved.parents


def input_files(inputs: Iterable[Path], out_dir: Path | None = None) -> list[Path]:
    """Files named, and the article files inside folders named, in a stable order; never what a run
    writes into `out_dir` (its errors.jsonl, its review pages), should that folder be an input too."""
    files: list[Path] = []
    for path in inputs:
        if str(path) == STDIN:
            files.append(path)
        elif path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not _written_by_us(p, out_dir)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return files


def article_count(files: list[Path]) -> int:
    """How many articles the inputs hold, for the progress bar: a line each in a JSONL corpus (so one
    large corpus shows its progress article by article), one per other file."""
    count = 0
    for path in files:
        if str(path) != STDIN and path.suffix.lower() == ".jsonl":
            try:
                with path.open("rb") as handle:
                    count += sum(1 for line in handle if line.strip())
            except OSError:
                count += 1
        else:
            count += 1
    return count


def shared_stems(files: list[Path]) -> frozenset[str]:
    """Names that more than one input has: two files' stems ("a/report.txt", "b/report.txt"), or a
    JSONL id that another JSONL file or a file's stem has too. Known before any worker starts, so
    every engine names those outputs the same way, whichever worker reads them."""
    names: Counter[str] = Counter()
    for path in files:
        if str(path) == STDIN:
            continue
        names.update(jsonl_ids(path) if path.suffix.lower() == ".jsonl" else {safe_id(path.stem)})
    return frozenset(name for name, count in names.items() if count > 1)


def extract(
    inputs: Iterable[Path],
    out_dir: Path,
    options: Options | None = None,
    nlp: Language | None = None,
    on_article: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Run every input through the pipeline into `out_dir`; bad inputs go to errors.jsonl.

    `options.n_process` > 1 spreads the inputs over worker processes, `options.engine == "dask"`
    over a Dask cluster; every engine writes the same files.
    """
    options = options or Options()
    files = input_files(inputs, out_dir)
    options = replace(options, shared_stems=shared_stems(files))
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} is a file, not a folder")
    try:
        with folder_lock(out_dir):
            return _extract_locked(files, out_dir, options, nlp, on_article)
    except FolderUnsafe as err:
        raise UsageError(str(err)) from None


def _extract_locked(
    files: list[Path],
    out_dir: Path,
    options: Options,
    nlp: Language | None,
    on_article: Callable[[Outcome], None] | None,
) -> Summary:
    """`extract` in a folder this run holds alone (io.files.folder_lock)."""
    refuse_link(out_dir / "review")
    errors = ErrorLog(out_dir)
    remove_stale_temporaries(out_dir)
    summary = Summary()
    if options.engine == "dask":
        from .cluster import dask_outcomes

        outcomes: Iterable[Outcome] = dask_outcomes(files, out_dir, options)
    elif options.n_process > 1:
        from .pool import process_pool_outcomes

        outcomes = process_pool_outcomes(files, out_dir, options)
    else:
        outcomes = process_files(files, out_dir, options, nlp or build_nlp(options))
    for outcome in outcomes:
        if outcome.error:
            errors.add(outcome.source, outcome.error, outcome.message or "")
            summary.failed.append(outcome.source)
        elif outcome.skipped:
            summary.skipped.append(outcome.source)
        else:
            summary.written.append(Path(outcome.target or ""))
        if on_article:
            on_article(outcome)
    # An output that breaks the contract (edited by hand, say) is left out of the tables by name.
    for name, problem in update_tables(out_dir).invalid:
        errors.add(str(out_dir / name), "invalid_output", f"left out of the tables: {problem}")
        summary.failed.append(str(out_dir / name))
    errors.finish()
    return summary
