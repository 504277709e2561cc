"""The library entry point behind `python -m pipeline extract`: inputs in, one JSON file per article out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .config import Options
from .ingest import IngestError, read_article
from .nlp import build_nlp, pipeline_info
from .output import ErrorLog, write_atomic, write_tables
from .records import Article, Extraction
from .schema import to_json

INPUT_SUFFIXES = (".txt",)


class UsageError(Exception):
    """The command line names something that is not there: exit status 2."""


@dataclass
class Summary:
    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def input_files(inputs: Iterable[Path]) -> list[Path]:
    """Files named, and the article files inside folders named, in a stable order."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
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


def extract(
    inputs: Iterable[Path],
    out_dir: Path,
    options: Options | None = None,
    nlp: Language | None = None,
    on_article: Callable[[str], None] | None = None,
) -> Summary:
    """Run every input through the pipeline into `out_dir`; bad inputs go to errors.jsonl."""
    options = options or Options()
    files = input_files(inputs)
    nlp = nlp or build_nlp(options)
    info = pipeline_info(nlp)
    errors = ErrorLog(out_dir)
    summary = Summary()

    def articles() -> Iterator[Article]:
        for path in files:
            try:
                yield read_article(path, options)
            except IngestError as err:
                errors.add(str(path), err.kind, str(err))
                summary.failed.append(str(path))
                if on_article:
                    on_article(str(path))

    for article, doc in process(nlp, articles(), options.batch_size):
        if doc._.error:
            errors.add(article.source, "pipeline", doc._.error)
            summary.failed.append(article.source)
        else:
            target = out_dir / f"{article.id}.json"
            write_atomic(target, to_json(extraction_of(doc), info))
            summary.written.append(target)
        if on_article:
            on_article(article.source)
    write_tables(out_dir)
    return summary
