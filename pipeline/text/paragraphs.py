"""Segment: paragraphs (character offsets) and sentence starts that never cross a paragraph break."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.tokens import Doc

from .. import resources

_PARAGRAPH = re.compile(r"[^\r\n]+")
# "The deal was worth £30m. Mr Reed said ...": a figure's unit letters and the full stop that ends
# the sentence, which the tokenizer keeps together as an abbreviation ("m."), before a capital.
_UNIT_STOP = re.compile(r"\d[A-Za-z]{1,3}\.[ \t]+(?=[A-Z])")


@lru_cache(maxsize=16)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every paragraph: each non-blank line, without its surrounding whitespace.

    Computed once per article: the front matter, the quote, speaker and claim stages all ask for the
    same text, one after another (a string keeps its hash, so asking again costs a lookup)."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
    return tuple(spans)


class ParagraphIndex:
    """Finds the paragraph holding a character offset in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [start for start, _ in spans]

    def index_of(self, offset: int) -> int:
        """Index of the paragraph at or before `offset` (-1 before the first one)."""
        return bisect_right(self._starts, offset) - 1

    def span_of(self, offset: int) -> tuple[int, int] | None:
        i = self.index_of(offset)
        return self.spans[i] if i >= 0 else None


# The Doc's arrays hold SENT_START as uint64: -1 ("not a sentence start") wraps round.
_NOT_A_START = numpy.uint64(2**64 - 1)


# A capitalised word of two to five letters with a full stop, before a capital: a title written
# short if resources.title_abbreviations has it ("Const. Rob Carver").
_SHORT_WORD_STOP = re.compile(r"\b([A-Z][a-z]{1,4}\.)[ \t]+(?=[A-Z])")


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Make every token after a line break start a sentence (and the one after it not), and every
    capital after a figure's unit that ends a sentence ("worth £30m. Mr Reed said").

    The parser then never joins a headline, a byline and the lede into one "sentence", which it
    otherwise does with the short lines at the top of an article, nor two sentences across "£30m.",
    which the tokenizer reads as an abbreviation.
    """
    if len(doc) < 2:
        return doc
    # On the Doc's arrays: a Python Token for every token costs more than the rest of this stage.
    spaces = numpy.nonzero(doc.to_array("IS_SPACE"))[0]
    orth = doc.to_array("ORTH")
    line_break = numpy.zeros(len(doc), dtype=bool)
    line_break[[i for i in spaces if "\n" in doc.vocab.strings[int(orth[i])]]] = True
    starts: Any = doc.to_array("SENT_START")
    starts[1:][line_break[:-1] & ~line_break[1:]] = 1  # the first token after a line break
    # ... and the next no start of its own: after a one-word headline the parser may cut off a
    # paragraph's first word ("Rates | Ofgem | fined British Gas £5m"), losing the clause's subject.
    starts[2:][line_break[:-2] & ~line_break[1:-1] & ~line_break[2:]] = _NOT_A_START
    token_starts = doc.to_array("IDX")
    text = doc.text  # built again from the tokens on every read
    # "Const. Rob Carver said": no sentence starts after a title written short (the parser may end
    # one at its full stop).
    titles = resources.title_abbreviations()
    for match in _SHORT_WORD_STOP.finditer(text):
        if match.group(1) in titles and (after := _token_at(token_starts, match.end())) is not None:
            starts[after] = _NOT_A_START
    for match in _UNIT_STOP.finditer(text):
        if (after := _token_at(token_starts, match.end())) is not None and doc[after - 1].text.endswith("."):
            starts[after] = 1
    doc.from_array(["SENT_START"], starts.reshape(-1, 1))
    return doc


def _token_at(token_starts: Any, char: int) -> int | None:
    """The token that starts at offset `char`, if one does (`token_starts`: the Doc's IDX array)."""
    after = int(numpy.searchsorted(token_starts, char))
    return after if after < len(token_starts) and token_starts[after] == char else None
