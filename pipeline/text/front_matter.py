"""Front matter: the headline, byline, author and date at the top of a plain-text article, and dates.

Pure text in, offsets and values out; `io.ingest` builds the Article from them.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import resources
from .paragraphs import paragraphs

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
# The time of an ISO 8601 timestamp, as feeds print it after the date: "2019-11-18T23:30:00Z",
# "...T09:15+01:00" (the quantity scanner reads it as part of the date too).
ISO_TIME = r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_ISO_TIME = re.compile(rf"(?<=\d){ISO_TIME}\b")
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
            month = resources.months().get(parts["month"].lower())
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
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z.]*", _ISO_TIME.sub(" ", line))]
    other = [
        w for w in words if w.rstrip(".") not in resources.months() and w.rstrip(".") not in resources.dateline_words()
    ]
    # One stray word is allowed ("Posted by"), but not a sentence: "Talks end 3 March 2020."
    sentence = line.rstrip().endswith(".") and not line.rstrip().endswith(("a.m.", "p.m."))
    return date if date and (not other or (len(other) == 1 and not sentence)) else None


def _name_beside_date(line: str, following: list[str], day_first: bool) -> re.Match[str] | None:
    """A byline without "By": a bare name with a date after a separator or on the next line."""
    match = _NAME_LINE.match(line)
    if match is None or any(word.lower() in resources.months() for word in match.group("author").split()):
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
    lines = paragraphs(text)
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
