"""The work every engine does: read articles, parse them in batches, write one JSON file per article.

`process_files` is what a worker runs on its share of the inputs; `process` the stages over articles
in memory (api.py gives them to Python users). `run.extract` chooses the engine.
"""

from __future__ import annotations

import errno
import json
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..components import OUR_STAGES, article_of, attach_article, error_of, extraction_of, record_failure
from ..config import PIPELINE_VERSION, Options
from ..io.files import write_atomic
from ..io.ingest import STDIN, Failure, read_articles, renamed
from ..io.schema import SCHEMA_VERSION, to_json
from ..io.table_rows import is_output
from ..nlp import pipeline_info
from ..records import Article
from ..text.quotemarks import calm_runs

# An article this long is parsed alone and in pieces of about PIECE_CHARS characters, cut where a
# line starts, then joined back into one Doc (offsets intact) before our stages read it: the parse's
# memory follows the piece, not the article (a transcript, a live blog). Our stages see the whole
# article, so a quote that runs across a cut is found as in one piece. Every line starts a sentence
# (components.PARAGRAPH_BREAKS), so a cut never parts a sentence.
LONG_ARTICLE_CHARS = 50_000
PIECE_CHARS = 20_000


# A batch also closes before it would pass this many characters: the model's working memory follows
# the text of a batch, so a batch of long articles would set the peak (PolNeAR's 16-article batches
# hold 60,000 characters on average, 127,000 at most).
BATCH_CHARS = 64_000


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Articles in batches of `size` and at most BATCH_CHARS characters (a longer article alone);
    a long one always alone; streamed, in order."""
    batch: list[Article] = []
    characters = 0
    for article in articles:
        if len(article.text) >= LONG_ARTICLE_CHARS:
            if batch:
                yield batch
                batch, characters = [], 0
            yield [article]
            continue
        if batch and characters + len(article.text) > BATCH_CHARS:
            yield batch
            batch, characters = [], 0
        batch.append(article)
        characters += len(article.text)
        if len(batch) >= size:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def pieces_of(text: str, size: int = PIECE_CHARS) -> list[str]:
    """The text cut where lines start into pieces of about `size` characters at most (a longer line
    is cut after a space); joined, the pieces give the text back exactly."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n"), window.rfind("\r"))
        if cut <= 0:
            cut = window.rfind(" ")
        cut = start + (cut + 1 if cut > 0 else size)  # no line or space at all: cut anyway
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def _parse_in_pieces(nlp: Language, article: Article) -> Doc:
    """A long article: the model's stages run piece by piece, ours on the whole joined Doc."""
    ours = [name for name in nlp.pipe_names if name in OUR_STAGES]
    parsed = []
    for piece in pieces_of(article.text):
        doc = nlp.make_doc(calm_runs(piece))
        for name, stage in nlp.pipeline:
            if name not in ours:
                doc = stage(doc)
        parsed.append(doc)
    doc = attach_article(Doc.from_docs(parsed, ensure_whitespace=False), article)
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


# Strings that articles bring into the vocabulary are freed every this many characters of text
# (a few hundred news articles): memory stays flat over a long run, and the tokenizer's and the
# lemmatizer's caches stay warm within a zone (a zone per batch would make tokenizing slower).
ZONE_CHARS = 2_000_000


def _parsed(nlp: Language, batch: list[Article]) -> Iterator[tuple[Article, Doc]]:
    if len(batch[0].text) >= LONG_ARTICLE_CHARS:
        doc = _parse_in_pieces(nlp, batch[0])
        yield article_of(doc), doc
        return
    docs = (attach_article(nlp.make_doc(calm_runs(article.text)), article) for article in batch)
    for doc in nlp.pipe(docs, batch_size=len(batch)):
        yield article_of(doc), doc


class ArticleTimeout(Exception):
    """An article took longer than its time budget (Options.article_seconds)."""


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in the work inside once `seconds` have passed. Timers are signals, which
    only the main thread receives: elsewhere (a Dask worker's thread) the work is not timed."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(f"not finished in {seconds:g} s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parsed_within(nlp: Language, batch: list[Article], seconds: float) -> Iterator[tuple[Article, Doc]]:
    """A batch parsed within its time budget; when it runs out of time or memory, or the model fails,
    each article again alone, so only the one to blame is lost: it comes back with its error
    ("timeout: ...", "memory: ...") and the rest come out."""
    # An article's budget, or a long one's for each LONG_ARTICLE_CHARS of it (an 800,000-character
    # transcript takes minutes honestly): a stall is caught, a long article is not.
    budget = seconds * max(len(batch), sum(len(a.text) for a in batch) / LONG_ARTICLE_CHARS)
    try:
        with _budget(budget):
            parsed = list(_parsed(nlp, batch))
    except (ArticleTimeout, MemoryError, Exception) as err:  # noqa: BLE001 - reported per article
        if len(batch) > 1:
            for article in batch:
                yield from _parsed_within(nlp, [article], seconds)
            return
        kind = "timeout" if isinstance(err, ArticleTimeout) else "memory" if isinstance(err, MemoryError) else "model"
        doc = attach_article(nlp.make_doc(""), batch[0])
        record_failure(doc, f"{kind}: {err or type(err).__name__}")
        yield batch[0], doc
        return
    yield from parsed


def process(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int,
    free_strings: bool = False,
    article_seconds: float = 0.0,
) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in batches; each Doc carries its Article and, on failure, its error.

    With `free_strings`, batches run in spaCy memory zones of about ZONE_CHARS characters, so the
    strings their articles brought into the vocabulary are freed after each zone. A Doc is then
    valid only until the next one is asked for: use it (write its output) before going on."""
    batches = _batches(articles, batch_size)
    if not free_strings:
        for batch in batches:
            yield from _parsed_within(nlp, batch, article_seconds)
        return
    while True:
        with nlp.memory_zone():
            characters = 0
            for batch in batches:
                yield from _parsed_within(nlp, batch, article_seconds)
                characters += sum(len(article.text) for article in batch)
                if characters >= ZONE_CHARS:
                    break
            else:
                return


# Write errors that no other article would escape either: the run stops, keeping what it finished.
FATAL_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


class OutputUnusable(Exception):
    """The output folder cannot take more files (disk full, read-only): the whole run must stop."""


@dataclass(frozen=True)
class Outcome:
    """What became of one input: written to `target`, or failed with an error kind and message."""

    source: str
    target: str | None = None
    error: str | None = None
    message: str | None = None
    skipped: bool = False  # its output is up to date (same text and metadata, same pipeline version)


def same_source(a: str, b: str) -> bool:
    """Two sources name the same input: equal, or the same file by a relative and an absolute path."""
    if a == b:
        return True
    if STDIN in (a, b):
        return False
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, ValueError):
        return False


def _previous(target: Path) -> dict[str, Any] | None:
    """The output already at `target`, if it is one of ours."""
    try:
        document = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document if is_output(document) else None


def _of_another_input(previous: dict[str, Any] | None, article: Article) -> bool:
    """An earlier run's output of another input with the same name ("d1/x.txt" before "d2/x.txt"),
    and another text: writing this article there would silently replace it."""
    if previous is None:
        return False
    earlier = previous.get("article") or {}
    return not same_source(str(earlier.get("source")), article.source) and earlier.get("sha256") != article.sha256


def _up_to_date(previous: dict[str, Any] | None, article: Article) -> bool:
    """The output already there (`_previous`) is for this very text and metadata (a changed JSONL
    title, a date read the other way with --month-first) and was made by this version of the
    pipeline, to this output contract."""
    if previous is None:
        return False
    try:
        same = same_source(previous["article"]["source"], article.source) and all(
            previous["article"][k] == getattr(article, k) for k in ("sha256", "title", "author", "published")
        )
        current = previous["pipeline"]["version"] == PIPELINE_VERSION and previous["schema_version"] == SCHEMA_VERSION
        return bool(same and current)
    except (KeyError, TypeError):
        return False


# How every output file begins (io.schema.to_json): a file that begins so but does not parse is one
# of ours cut short (a full disk, a copy broken off), to be written again, not a stranger's file.
_OUTPUT_START = b'{\n  "schema_version": '


def _foreign(target: Path) -> bool:
    """A file already at an output's name that is not one of our outputs (a gold file, notes)."""
    try:
        return target.exists() and not is_output(json.loads(target.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        try:
            with target.open("rb") as handle:
                return handle.read(len(_OUTPUT_START)) != _OUTPUT_START
        except OSError:
            return True


def _own_name(article: Article, taken: set[str]) -> Article:
    """An id no earlier article of the run has (two JSONL files with the same ids, a JSONL id equal to
    a file's name): a repeat gets a short hash of its source, and a warning."""
    if article.id in taken:
        unique, note = renamed(article.id, article.source)
        article = replace(article, id=unique, warnings=article.warnings + (note,))
    taken.add(article.id)
    return article


def process_files(
    paths: Iterable[Path], out_dir: Path, options: Options, nlp: Language, base: Path | None = None
) -> Iterator[Outcome]:
    """The work of every engine: read, parse in batches, write one JSON per article, report each input.
    Relative input paths are read from `base` when given (see `io.ingest.read_articles`)."""
    info = pipeline_info(nlp)
    # Inputs that never reach the parser (unreadable, unchanged) are reported in input order.
    pending: list[Outcome] = []

    taken: set[str] = set()  # ids this worker has named outputs with in this run

    def articles() -> Iterator[Article]:
        for path in paths:
            for article in read_articles(path, options, base):
                if isinstance(article, Failure):
                    pending.append(Outcome(article.source, error=article.kind, message=article.message))
                    continue
                article = _own_name(article, taken)
                target = out_dir / f"{article.id}.json"
                previous = _previous(target)  # read once: whose it is, and whether it is up to date
                if _of_another_input(previous, article):
                    article = _own_name(article, {article.id})  # its own name, with a duplicate_name warning
                    taken.add(article.id)
                    target = out_dir / f"{article.id}.json"
                    previous = _previous(target)
                if not options.force and _up_to_date(previous, article):
                    pending.append(Outcome(article.source, target=str(target), skipped=True))
                    continue
                yield article

    for article, doc in process(nlp, articles(), options.batch_size, True, options.article_seconds):
        yield from pending
        pending.clear()
        if error := error_of(doc):
            kind = error.split(":")[0] if error.startswith(("timeout:", "memory:", "model:")) else "pipeline"
            yield Outcome(article.source, error=kind, message=error)
            continue
        target = out_dir / f"{article.id}.json"
        if _foreign(target):
            message = f"{target.name} in the output folder is not an output of this pipeline; not overwritten"
            yield Outcome(article.source, error="name_taken", message=message)
            continue
        try:
            write_atomic(target, to_json(extraction_of(doc), info))
        except OSError as err:
            if err.errno in FATAL_WRITE_ERRORS:
                raise OutputUnusable(f"cannot write {target}: {err.strerror}") from None
            yield Outcome(article.source, error="write", message=f"cannot write {target.name}: {err.strerror}")
            continue
        except (UnicodeError, ValueError) as err:  # one odd article never stops the batch
            yield Outcome(article.source, error="write", message=f"cannot write {target.name}: {err}")
            continue
        yield Outcome(article.source, target=str(target))
    yield from pending
