"""The gender a first name usually goes with, from the nomquamgender package's name data.

nomquamgender (MIT licence) holds, for about 720,000 given names, how many people of 31 national
and international name registers bore each, and the share of them gendered female. Only the data
file is read, never the package's code (which imports unidecode, GPL-licensed): the project stays
MIT whatever is installed beside it. Without the package, no name has a gender, and pronouns agree
by honorifics and gendered nouns alone.

A name is a given name when it is common (borne by at least `MIN_BEARERS` people), and taken as
female or male only when it is nearly always one gender (share at least `MIN_SHARE`): "Jean",
"Kim", "Andrea" and "Li" have none, which lets "she" and "he" fall back on the article's other clues.
"""

from __future__ import annotations

import importlib.metadata
import re
from functools import cache
from pathlib import Path

MIN_BEARERS = 200
MIN_SHARE = 0.9
# One row of the data file: "name": [registers, bearers, share female, ...]. Plain lower-case
# names only: the file also holds markup and initials, which no first name of a news article is.
_ROW = re.compile(r'"([a-z][a-z\'-]*)": \[\d+, (\d{3,}), ([\d.]+)')


# Read a megabyte at a time: the whole file as one string would add 22 MB to every process's peak.
_CHUNK = 1 << 20


@cache
def _genders() -> dict[str, str]:
    genders: dict[str, str] = {}
    try:
        located = importlib.metadata.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
        with Path(str(located)).open(encoding="utf-8") as data:
            # A scan of the text, not json.load: the whole table as Python objects costs 1.8 s and
            # some 200 MB; this scan 0.2 s, and the names kept a few MB. A chunk is scanned up to its
            # last whole row; the rest is read again with the next one.
            rest = ""
            while chunk := data.read(_CHUNK):
                text = rest + chunk
                cut = text.rfind("], ") + 1 or len(text)
                _keep(text[:cut], genders)
                rest = text[cut:]
            _keep(rest, genders)
    except (importlib.metadata.PackageNotFoundError, OSError):
        return {}
    return genders


def _keep(text: str, genders: dict[str, str]) -> None:
    for match in _ROW.finditer(text):
        if int(match.group(2)) >= MIN_BEARERS:
            share = float(match.group(3))
            genders[match.group(1)] = "f" if share >= MIN_SHARE else "m" if share <= 1 - MIN_SHARE else ""


def gender_of(first_name: str) -> str | None:
    """ "f", "m", or None when the name is rare, shared by both, or not known."""
    return _genders().get(first_name.lower()) or None


def is_given_name(word: str) -> bool:
    """A common given name, of either gender or both ("Dana", "Jean")."""
    return word.lower() in _genders()
