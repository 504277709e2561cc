"""Ingest: bytes on disk -> Article (decoded text, title, byline author, publication date, body start)."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from . import resources
from .config import Options
from .records import Article, Issue


class IngestError(Exception):
    """An input that cannot become an article. `kind` goes to errors.jsonl."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<a>\d{1,2})-(?P<b>\d{1,2})"),
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
)
# "By Jane Smith | 22/06/2022", "By Jane Smith and Joe Bloggs, Political Editor", "BY JANE SMITH"
_BYLINE = re.compile(
    r"^\s*by\s+(?P<author>[^\W\d_][\w.'’-]*(?:\s+(?:and\s+)?[^\W\d_][\w.'’-]*){0,5})"
    r"\s*(?:[|,–—•-]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
# A byline that is only a name, as some outlets print it above the dateline: "Sarah Schaefer",
# "JILL SERJEANT", "Jane Smith and Joe Bloggs", "Anna de la Cruz". Trusted only next to a date.
_NAME_PARTICLES = r"(?:and|&|de|del|della|da|di|du|la|le|van|von|der|den|bin|al)"
_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME_LINE = re.compile(
    rf"^(?P<author>{_NAME_WORD}(?:\s+(?:{_NAME_PARTICLES}\s+)*{_NAME_WORD}){{1,4}})"
    r"\s*(?:[|,–—•-]\s*(?P<rest>.*))?$"
)
_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‘’'«»"})
# A headline is a single short line; longer first lines are body text with no title.
_MAX_TITLE_CHARS = 300


def parse_date(text: str, day_first: bool = True) -> str | None:
    """The first calendar date in `text` as an ISO string, or None.

    Numeric dates are read day first when `day_first` (22/06/2022), month first otherwise, and
    the other way round when the first reading is impossible (06/22/2022 can only be June 22).
    """
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        year += 2000 if year < 100 else 0
        if "month" in parts:
            month = _MONTHS.get(parts["month"].lower())
            candidates = [(month, int(parts["day"]))] if month else []
        else:
            a, b = int(parts["a"]), int(parts["b"])
            iso = pattern is _DATE_PATTERNS[0]
            candidates = [(a, b)] if iso else ([(b, a), (a, b)] if day_first else [(a, b), (b, a)])
        for month, day in candidates:
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


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


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        if line.strip():
            start = match.start() + len(line) - len(line.lstrip())
            spans.append((start, match.start() + len(line.rstrip())))
    return spans


def _same_headline(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.translate(_QUOTE_MARKS).lower().split())

    return norm(a) == norm(b)


def dateline(line: str, day_first: bool = True) -> str | None:
    """The ISO date of a line that is only a date, in any of the usual layouts, else None:
    "22/06/2022", "Wednesday 03 March 1999 00:02 GMT", "Last modified on Wed 3 Mar 2021 16.10 GMT"."""
    if len(line) > 80:
        return None
    date = parse_date(line, day_first)
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z.]*", line)]
    other = [w for w in words if w.rstrip(".") not in _MONTHS and w.rstrip(".") not in resources.dateline_words()]
    # One stray word is allowed ("Posted by"), but not a sentence: "Talks end 3 March 2020."
    sentence = line.rstrip().endswith(".") and not line.rstrip().endswith(("a.m.", "p.m."))
    return date if date and (not other or (len(other) == 1 and not sentence)) else None


def _name_beside_date(line: str, following: list[str], day_first: bool) -> re.Match[str] | None:
    """A byline without "By": a bare name with a date after a separator or on the next line."""
    match = _NAME_LINE.match(line)
    if match is None or any(word.lower() in _MONTHS for word in match.group("author").split()):
        return None
    beside = parse_date(match.group("rest") or "", day_first)
    below = bool(following) and dateline(following[0], day_first) is not None
    return match if beside or below else None


def read_front_matter(text: str, day_first: bool = True) -> dict:
    """Title, author, date and where the body starts, from the lines at the top of a plain-text article.

    The headline is the first line when it is short and more lines follow. Repeats of the headline
    (some feeds print it two or three times, with other quote marks) and the byline are skipped,
    so they are neither mined for quotes nor counted as claims.
    """
    lines = _lines(text)
    found: dict = {"title": None, "author": None, "published": None, "body_start": 0, "skipped": []}
    if len(lines) < 2:
        return found
    first_start, first_end = lines[0]
    if first_end - first_start > _MAX_TITLE_CHARS:
        return found
    found["title"] = text[first_start:first_end]
    body = 1
    rest = [text[start:end] for start, end in lines[1:]]
    for number, line in enumerate(rest):
        byline = _BYLINE.match(line) or _name_beside_date(line, rest[number + 1 : number + 2], day_first)
        if _same_headline(line, found["title"]):
            pass
        elif byline and found["author"] is None:
            found["author"] = byline.group("author").strip()
            found["published"] = found["published"] or parse_date(byline.group("rest") or "", day_first)
        elif found["published"] is None and (date := dateline(line, day_first)):
            found["published"] = date
        else:
            break
        found["skipped"].append(lines[number + 1])
        body += 1
    found["body_start"] = lines[body][0] if body < len(lines) else len(text)
    return found


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
