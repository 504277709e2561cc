"""The library entry point behind `python -m pipeline extract`: inputs in, one JSON file per article out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .config import Options
from .ingest import INPUT_SUFFIXES, STDIN, Failure, read_articles
from .nlp import build_nlp, pipeline_info
from .output import ErrorLog, remove_stale_temporaries, write_atomic
from .records import Article, Extraction
from .schema import to_json
from .tables import write_tables


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


def input_files(inputs: Iterable[Path]) -> list[Path]:
    """Files named, and the article files inside folders named, in a stable order."""
    files: list[Path] = []
    for path in inputs:
        if str(path) == STDIN:
            files.append(path)
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return files


def extraction_of(doc: Doc) -> Extraction:
    article: Article = doc._.article
    return Extraction(
        article=article,
        speakers=tuple(doc._.speakers or ()),
        quotes=tuple(doc._.quotes or ()),
        numeric_claims=tuple(doc._.numeric_claims or ()),
        warnings=tuple(article.warnings) + tuple(doc._.issues or ()),
    )


def process(nlp: Language, articles: Iterable[Article], batch_size: int) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in batches; each Doc carries its Article and, on failure, its error."""

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article = article
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc._.article, doc


@dataclass(frozen=True)
class Outcome:
    """What became of one input: written to `target`, or failed with an error kind and message."""

    source: str
    target: str | None = None
    error: str | None = None
    message: str | None = None
    skipped: bool = False  # unchanged since its last output (same text, same pipeline version)


def _up_to_date(target: Path, article: Article) -> bool:
    """The output exists for this very text and was made by this version of the pipeline."""
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))
        return bool(previous["article"]["sha256"] == article.sha256 and previous["pipeline"]["version"] == __version__)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def process_files(paths: Iterable[Path], out_dir: Path, options: Options, nlp: Language) -> Iterator[Outcome]:
    """The work of every engine: read, parse in batches, write one JSON per article, report each input."""
    info = pipeline_info(nlp)
    # Inputs that never reach the parser (unreadable, unchanged) are reported in input order.
    pending: list[Outcome] = []

    def articles() -> Iterator[Article]:
        for path in paths:
            for article in read_articles(path, options):
                if isinstance(article, Failure):
                    pending.append(Outcome(article.source, error=article.kind, message=article.message))
                    continue
                target = out_dir / f"{article.id}.json"
                if not options.force and _up_to_date(target, article):
                    pending.append(Outcome(article.source, target=str(target), skipped=True))
                    continue
                yield article

    for article, doc in process(nlp, articles(), options.batch_size):
        yield from pending
        pending.clear()
        if doc._.error:
            yield Outcome(article.source, error="pipeline", message=doc._.error)
            continue
        target = out_dir / f"{article.id}.json"
        write_atomic(target, to_json(extraction_of(doc), info))
        yield Outcome(article.source, target=str(target))
    yield from pending


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
    files = input_files(inputs)
    errors = ErrorLog(out_dir)
    remove_stale_temporaries(out_dir)
    summary = Summary()
    if options.engine == "dask":
        from .parallel import dask_outcomes

        outcomes: Iterable[Outcome] = dask_outcomes(files, out_dir, options)
    elif options.n_process > 1:
        from .parallel import process_pool_outcomes

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
    errors.finish()
    write_tables(out_dir)
    return summary
