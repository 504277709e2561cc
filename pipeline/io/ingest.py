"""Ingest: bytes on disk -> Article (decoded text, title, byline author, publication date, body start)."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
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


# Byte-order marks of the Unicode encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, list[Issue]]:
    """Bytes -> text: UTF-16/32 by their byte-order mark, else UTF-8 (BOM dropped), line by line, a
    line that is not UTF-8 read as cp1252 with a warning; junk raises IngestError. Lone carriage
    returns (old Mac line ends) become newlines, so paragraphs are seen; offsets index this text."""
    if not data.strip():
        raise IngestError("empty", "the file is empty")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            return _line_ends(data.decode(encoding)), []
        except UnicodeDecodeError as err:
            raise IngestError("encoding", f"not valid {encoding.upper()} (byte {err.start})") from None
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 20:
        raise IngestError("binary", "the file looks like binary data, not text")
    try:
        return _line_ends(data.decode("utf-8-sig")), []
    except UnicodeDecodeError:
        pass
    lines, fallback = [], []
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            fallback.append(number)
            try:
                lines.append(line.decode("cp1252"))
            except UnicodeDecodeError as err:
                raise IngestError("encoding", f"line {number} is neither UTF-8 nor cp1252 (byte {err.start})") from None
    shown = ", ".join(map(str, fallback[:10])) + (" ..." if len(fallback) > 10 else "")
    note = f"line(s) {shown} not valid UTF-8; decoded as cp1252"
    return _line_ends("\n".join(lines)), [Issue("encoding", note)]


# Prose holds a quote mark every few dozen characters at most; a "text" that is a tenth quote marks,
# thousands of them, is a list or a dump, whose parse would cost a page's worth per quote.
_DOUBLE_QUOTE_MARKS = ('"', "“", "”", "„", "«", "»")
NOT_PROSE_MARKS = 1_000
NOT_PROSE_SHARE = 0.10


def _line_ends(text: str) -> str:
    """A lone carriage return is a line end: the same length, so offsets do not move."""
    return re.sub(r"\r(?!\n)", "\n", text)


def article_from_text(
    text: str, article_id: str, source: str, options: Options, warnings: list[Issue] | None = None
) -> Article:
    if not text.strip():
        raise IngestError("empty", "the article has no text")
    if len(text) > options.max_chars:
        raise IngestError("too_long", f"{len(text):,} characters; the limit is {options.max_chars:,} (--max-chars)")
    marks = sum(text.count(mark) for mark in _DOUBLE_QUOTE_MARKS)
    if marks >= NOT_PROSE_MARKS and marks > NOT_PROSE_SHARE * len(text):
        share = f"{marks / len(text):.0%}"
        raise IngestError("not_prose", f"{marks:,} quote marks, {share} of the text: not an article (a list or a dump)")
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
    return article_from_text(text, safe_id(path.stem), str(path), options, warnings)


@dataclass(frozen=True)
class Failure:
    """An input, or one article of a corpus file, that could not be read."""

    source: str
    kind: str
    message: str


INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
STDIN = "-"
# Names Windows keeps for devices, whatever their extension ("CON.json", "aux.txt.json").
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
# Output names must be safe on every file system: a readable prefix, at most this long.
MAX_ID_CHARS = 100


def safe_id(raw: str) -> str:
    """An article id fit to name its output file: letters, digits, "." "-" "_", bounded, never empty.

    Anything else (path separators, spaces, bytes that were not UTF-8 in a file name) becomes "_";
    a name cut to length or left empty gets a short hash of the original, so it stays unique."""
    cleaned = re.sub(r"[^\w.-]+", "_", raw).strip("._")
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if not cleaned:
        return f"article-{digest}"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"{cleaned}_"  # "CON", "aux.txt": names Windows keeps for devices
    return cleaned if len(cleaned) <= MAX_ID_CHARS else f"{cleaned[: MAX_ID_CHARS - 11]}-{digest}"


def renamed(name: str, key: str) -> tuple[str, Issue]:
    """A name another input has too, told apart by a short hash of `key` (what makes this input
    itself: its path, its JSONL line), with the warning that says so."""
    unique = f"{name}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return unique, Issue("duplicate_name", f"another input is also named {name!r}; this one is {unique!r}")


def file_id(path: Path, shared_stems: frozenset[str] = frozenset()) -> tuple[str, list[Issue]]:
    """The id of a file's article: its stem made safe; a stem that several inputs share gets a short
    hash of the file's path, so no output overwrites another."""
    stem = safe_id(path.stem)
    if stem not in shared_stems:
        return stem, []
    unique, note = renamed(stem, str(path))
    return unique, [note]


def path_text(path: Path) -> str:
    """A path as text that can be written anywhere: bytes of a file name that are not UTF-8 are
    shown escaped ("caf\\xe9.txt") instead of breaking the JSON or the log they go into."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_articles(path: Path, options: Options, base: Path | None = None) -> Iterator[Article | Failure]:
    """Every article in one input: a plain-text file, an HTML page, a .jsonl corpus, or `-` (stdin).

    A relative `path` is read from `base` when one is given (a worker elsewhere reads the client's
    files) but keeps its name as written for `source`, so every engine writes the same output.
    A bad input, or a bad line of a corpus, yields a Failure and the rest goes on.
    """
    source = path_text(path)
    try:
        data = sys.stdin.buffer.read() if source == STDIN else (base / path if base else path).read_bytes()
    except OSError as err:
        yield Failure(source, "unreadable", f"cannot read the file: {err.strerror}")
        return
    suffix = path.suffix.lower()
    if suffix == ".json":
        message = "a JSON file is not an article: give .txt, .html or a .jsonl corpus (one JSON object a line)"
        yield Failure(source, "unsupported", message)
        return
    try:
        if suffix == ".jsonl" or (source == STDIN and _looks_like_jsonl(data)):
            yield from _corpus_lines(data, source, options)
            return
        article_id, notes = file_id(path, options.shared_stems)
        if suffix in (".html", ".htm"):
            article = _html_article(data, article_id, source, options)
        else:
            text, warnings = decode(data)
            article = article_from_text(
                text, _stdin_id(text) if source == STDIN else article_id, source, options, warnings
            )
        yield replace(article, warnings=article.warnings + tuple(notes))
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


_INVISIBLE = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|pre|tr|td|dd|dt|section|article|figcaption)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def _text_without_markup(page: str) -> str:
    """A page's text with its markup taken away, a paragraph per block, read without building a tree:
    what libxml2 cannot hold (nesting thousands deep, which it cuts) loses no text this way."""
    import html

    text = _TAG.sub(" ", _BLOCK_END.sub("\n", _INVISIBLE.sub(" ", page)))
    lines = (" ".join(html.unescape(line).split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _html_article(data: bytes, article_id: str, source: str, options: Options) -> Article:
    """A news page's main text, title, author and date, by trafilatura (no network access: it is
    given the page, never a URL). Offsets index the extracted text, which is `article.text`."""
    import lxml.html
    import trafilatura

    page, warnings = decode(data)
    # Parsed here with libxml2's limits lifted (huge_tree): by default a 30 MB inline image ends the
    # text node it is in and nesting deeper than 255 is cut, and the paragraphs after them are lost.
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.fromstring(page, parser=parser)
    except (ValueError, lxml.etree.ParserError) as err:
        raise IngestError("no_text", f"the HTML page cannot be parsed: {err}") from None
    extracted = trafilatura.bare_extraction(tree, with_metadata=True)
    found: dict = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else {}
    text = found.get("text") or ""
    if not text.strip():
        # Nothing found (a page nested thousands deep, which libxml2 cuts): its text without markup.
        text = _text_without_markup(page)
    if not text.strip():
        raise IngestError("no_text", "no article text found in the HTML page")
    article = article_from_text(text, article_id, source, options, warnings)
    return replace(
        article,
        title=found.get("title") or article.title,
        author=found.get("author") or article.author,
        published=parse_date(found.get("date") or "", options.day_first) or article.published,
    )


def _text_fields(record: dict, notes: list[Issue]) -> dict[str, str]:
    """The optional metadata of a JSONL line that is text; anything else is left out, with a warning
    (a title that is a list must not reach the output and break its schema)."""
    fields = {}
    for key in ("title", "author", "published", "url"):
        value = record.get(key)
        if isinstance(value, str):
            fields[key] = value
        elif value is not None:
            notes.append(Issue("bad_field", f"{key!r} is {type(value).__name__}, not text; left out"))
    return fields


def jsonl_id(record: dict, source: str, number: int) -> str:
    """The id of a JSONL line's article: its "id", else the file's stem and the line number, made safe."""
    return safe_id(str(record.get("id") or f"{Path(source).stem}-{number}"))


def jsonl_ids(path: Path) -> set[str]:
    """The ids a JSONL corpus gives its articles (lines that are not JSON objects are left out)."""
    ids = set()
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                ids.add(jsonl_id(record, path_text(path), number))
    return ids


def _corpus_lines(data: bytes, source: str, options: Options) -> Iterator[Article | Failure]:
    """One article per line: {"id", "text", optional "title", "author", "published", "url"}."""
    text, _ = decode(data)
    seen: dict[str, int] = {}  # id -> the line that first used it
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise IngestError("bad_record", 'each line needs a JSON object with a "text" string')
            article_id = jsonl_id(record, source, number)
            notes = []
            if article_id in options.shared_stems:  # another input file has this name too
                article_id, note = renamed(article_id, where)
                notes.append(note)
            elif article_id in seen:  # a repeated id: this line's article gets its own output
                unique = f"{article_id}-{number}"
                notes.append(
                    Issue(
                        "duplicate_name",
                        f"line {seen[article_id]} has the id {article_id!r} too; this one is {unique!r}",
                    )
                )
                article_id = unique
            seen.setdefault(article_id, number)
            given = _text_fields(record, notes)
            article = article_from_text(record["text"], article_id, given.get("url") or where, options, notes)
            published = parse_date(given.get("published", ""), options.day_first)
            yield replace(
                article,
                title=given.get("title") or article.title,
                author=given.get("author") or article.author,
                published=published or article.published,
            )
        except json.JSONDecodeError as err:
            yield Failure(where, "bad_json", f"not JSON: {err.msg} (column {err.colno})")
        except IngestError as err:
            yield Failure(where, err.kind, str(err))
