"""Acronyms an article defines: "Independent Office for Police Conduct (IOPC)" gives IOPC.

A bracketed acronym is matched against the words just before it, its letters against their
initials in order (a hyphened word may give one initial per part: "Trans-Pacific Partnership (TPP)"),
small words that give no letter skipped ("for", "of", "and"). Pure text: no parse, no library.
"""

from __future__ import annotations

import re

_BRACKETED = re.compile(r"\((?-i:(?P<short>[A-Z][A-Za-z&.]{0,9}[A-Z]))s?\)")
_DEFINED_AFTER = re.compile(r"(?-i:\b(?P<short>[A-Z][A-Za-z&]{0,8}[A-Z]))\s\((?P<long>[^()\n]{3,150})\)")
_OR_SHORT = re.compile(r",?\s+or\s+(?-i:(?P<short>[A-Z]{2,6}))\b")
_WORD = re.compile(r"[^\W_][\w’'.-]*|&")
# Words a definition may hold without giving a letter of its acronym.
_SMALL = frozenset({"of", "for", "and", "the", "in", "on", "to", "at", "&", "de", "du", "des", "la", "le"})


def _initials(word: str) -> list[str]:
    """The letters a word may give: its first, then the first of each later hyphened part."""
    parts = [p for p in re.split(r"[-–]", word) if p]
    return [p[0].upper() for p in parts]


def _match(letters: str, words: list[str]) -> int | None:
    """How many of the last `words` spell `letters` from their initials, or None. Tried from the
    end, each word giving one letter, or one per hyphened part, or all of its own when written in
    capitals ("HM Inspectorate"), or (a small word) none; at most
    two other words may give none ("Barking, Havering and Redbridge University Hospitals NHS Trust
    (BHRUT)"), and the first word must give the first letter."""

    def walk(letter_end: int, word_end: int, skips: int) -> int | None:
        if letter_end == 0:
            return word_end
        if word_end == 0 or len(words) - word_end > 2 * len(letters) + 2:
            return None
        word = words[word_end - 1]
        initials = _initials(word)
        # Every part's initial, or only the first; a short word in capitals gives all its letters ("HM").
        options = ["".join(initials), initials[0]] + ([word] if word.isupper() and word.isalpha() else [])
        for given in dict.fromkeys(options):
            if len(given) <= letter_end and letters[letter_end - len(given) : letter_end] == given:
                found = walk(letter_end - len(given), word_end - 1, skips)
                if found is not None:
                    return found
        if word.lower() in _SMALL:
            return walk(letter_end, word_end - 1, skips)
        if skips and letter_end < len(letters):  # never skip the last word: it gives the last letter
            return walk(letter_end, word_end - 1, skips - 1)
        return None

    start = walk(len(letters), len(words), 2)
    return None if start is None else len(words) - start


def _letters(short: str) -> str:
    return "".join(ch for ch in short if ch.isupper() or ch.isdigit())


def _spelt_before(text: str, short: str, at: int) -> list[re.Match[str]]:
    """The words just before `at` (in its line and sentence) whose initials spell `short`, in
    order; none when they do not."""
    line_start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1)
    before = list(_WORD.finditer(text, line_start, at))
    taken = _match(_letters(short), [w.group() for w in before])
    return before[len(before) - taken :] if taken else []


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronym -> its definition, for each acronym the text defines in brackets: after its words
    ("Affordable Care Act (ACA)") or before them ("SMART (State Messaging and Archive Retrieval
    Toolset)")."""
    found: dict[str, str] = {}
    for bracket in _BRACKETED.finditer(text):
        short = bracket.group("short")
        spelt = _spelt_before(text, short, bracket.start())
        if spelt and spelt[0].group()[0].isupper():  # a definition starts with a capital: "the fund (IMF)" is not one
            found.setdefault(short, text[spelt[0].start() : spelt[-1].end()].rstrip(" ,"))
    for defined in _DEFINED_AFTER.finditer(text):
        short, words = defined.group("short"), _WORD.findall(defined.group("long"))
        if len(_letters(short)) >= 2 and words and words[0][0].isupper():
            if _match(_letters(short), words) == len(words):
                found.setdefault(short, defined.group("long").strip())
    return found


def term_acronyms(text: str) -> set[str]:
    """Acronyms the text spells out in lower-case words, in brackets or after "or":
    "hypersensitivity pneumonitis, or HP", "post-traumatic stress disorder (PTSD)". Terms, not
    names: the tagger's ORG for them names no organisation."""
    found: set[str] = set()
    for defined in [*_BRACKETED.finditer(text), *_OR_SHORT.finditer(text)]:
        spelt = _spelt_before(text, defined.group("short"), defined.start())
        if spelt and spelt[0].group()[0].islower():
            found.add(defined.group("short"))
    return found
