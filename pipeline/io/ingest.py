"""Ingest: bytes on disk -> Article (decoded text, title, byline author, publication date, body start)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Options
from ..records import Article, Issue
from ..text.front_matter import parse_date, read_front_matter


class IngestError(Exception):
    """An input that cannot become an article. `kind` goes to errors.jsonl."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def decode(data: bytes) -> tuple[str, list[Issue]]:
    """Bytes -> text: UTF-8 (BOM dropped), else cp1252 with a warning; junk raises IngestError."""
    if not data.strip():
        raise IngestError("empty", "the file is empty")
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 20:
        raise IngestError("binary", "the file looks like binary data, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise IngestError("encoding", f"neither UTF-8 nor cp1252 (byte {err.start})") from None
    note = f"not valid UTF-8 (byte {first_bad}); decoded as cp1252"
    return text, [Issue("encoding", note)]


def article_from_text(
    text: str, article_id: str, source: str, options: Options, warnings: list[Issue] | None = None
) -> Article:
    if not text.strip():
        raise IngestError("empty", "the article has no text")
    if len(text) > options.max_chars:
        raise IngestError("too_long", f"{len(text):,} characters; the limit is {options.max_chars:,} (--max-chars)")
    front = read_front_matter(text, options.day_first)
    return Article(
        id=article_id,
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        title=front["title"],
        author=front["author"],
        published=front["published"],
        body_start=front["body_start"],
        skipped=tuple(front["skipped"]),
        warnings=tuple(warnings or ()),
    )


def read_article(path: Path, options: Options) -> Article:
    """One plain-text article file -> Article; raises IngestError for input that cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise IngestError("unreadable", f"cannot read the file: {err.strerror}") from None
    text, warnings = decode(data)
    return article_from_text(text, path.stem, str(path), options, warnings)


@dataclass(frozen=True)
class Failure:
    """An input, or one article of a corpus file, that could not be read."""

    source: str
    kind: str
    message: str


INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
STDIN = "-"


def read_articles(path: Path, options: Options) -> Iterator[Article | Failure]:
    """Every article in one input: a plain-text file, an HTML page, a .jsonl corpus, or `-` (stdin).

    A bad input, or a bad line of a corpus, yields a Failure and the rest goes on.
    """
    source = str(path)
    try:
        data = sys.stdin.buffer.read() if source == STDIN else path.read_bytes()
    except OSError as err:
        yield Failure(source, "unreadable", f"cannot read the file: {err.strerror}")
        return
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl" or (source == STDIN and _looks_like_jsonl(data)):
            yield from _corpus_lines(data, source, options)
        elif suffix in (".html", ".htm"):
            yield _html_article(data, path.stem, source, options)
        else:
            text, warnings = decode(data)
            yield article_from_text(text, _stdin_id(text) if source == STDIN else path.stem, source, options, warnings)
    except IngestError as err:
        yield Failure(source, err.kind, str(err))


def _stdin_id(text: str) -> str:
    """Standard input has no file name: the id comes from the text, so two piped articles never collide."""
    return "stdin-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _looks_like_jsonl(data: bytes) -> bool:
    """Piped input whose first non-blank line is a JSON object with a "text" string is a JSONL corpus."""
    first = next((line for line in data.splitlines() if line.strip()), b"")
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and isinstance(record.get("text"), str)


def _html_article(data: bytes, article_id: str, source: str, options: Options) -> Article:
    """A news page's main text, title, author and date, by trafilatura (no network access: it is
    given the page, never a URL). Offsets index the extracted text, which is `article.text`."""
    import trafilatura

    page, warnings = decode(data)
    extracted = trafilatura.bare_extraction(page, with_metadata=True)
    found: dict = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else {}
    text = found.get("text") or ""
    if not text.strip():
        raise IngestError("no_text", "no article text found in the HTML page")
    article = article_from_text(text, article_id, source, options, warnings)
    return replace(
        article,
        title=found.get("title") or article.title,
        author=found.get("author") or article.author,
        published=parse_date(found.get("date") or "", options.day_first) or article.published,
    )


def _corpus_lines(data: bytes, source: str, options: Options) -> Iterator[Article | Failure]:
    """One article per line: {"id", "text", optional "title", "author", "published", "url"}."""
    text, _ = decode(data)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise IngestError("bad_record", 'each line needs a JSON object with a "text" string')
            raw_id = str(record.get("id") or f"{Path(source).stem}-{number}")
            article_id = re.sub(r"[^\w.-]+", "_", raw_id).strip("._") or f"line-{number}"
            article = article_from_text(record["text"], article_id, record.get("url") or where, options)
            published = parse_date(str(record.get("published") or ""), options.day_first)
            yield replace(
                article,
                title=record.get("title") or article.title,
                author=record.get("author") or article.author,
                published=published or article.published,
            )
        except json.JSONDecodeError as err:
            yield Failure(where, "bad_json", f"not JSON: {err.msg} (column {err.colno})")
        except IngestError as err:
            yield Failure(where, err.kind, str(err))
