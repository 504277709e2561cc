"""Quote marks -> quoted passages, from the text alone (no parse needed).

Marks are paired by shape: curly and straight, double and single. Apostrophes (don't, I’d,
survivors’, ’90s) are told apart from closing single quotes. The news convention for a quote
running over several paragraphs is followed: each continued paragraph reopens the quote and only
the last one closes it. An unbalanced mark costs at most its own quote: it is reported as an Issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Issue

OPENERS = {"“": "double", "‘": "single", "«": "double", "„": "double"}
CLOSERS = {"”": "double", "’": "single", "»": "double"}
STRAIGHT = {'"': "double", "'": "single"}
_OPEN_CONTEXT = set(" \t\n\r([{—–-/") | set(OPENERS) | set(STRAIGHT)


@dataclass(frozen=True)
class Quoted:
    """One quoted passage: the content of each piece (without marks), in reading order."""

    pieces: tuple[tuple[int, int], ...]
    marks: str  # "double" or "single"
    depth: int  # 0 for an outermost quote, 1 inside another quote, ...
    closed: bool

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


# Every character `_role` may take for a quote mark.
_ANY_MARK = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS) + "'\"") + "]")


def _role(text: str, i: int, open_singles: int) -> tuple[str, str] | None:
    """("open" | "close", shape) for the mark at text[i], or None for an apostrophe or no mark."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPENERS:
        if ch == "‘" and nxt.isdigit() and not prev.isalnum():  # ‘90s
            return None
        return "open", OPENERS[ch]
    if ch in CLOSERS or ch == "'":
        shape = "single" if ch in "’'" else CLOSERS[ch]
        if shape == "single":
            if prev.isalnum() and nxt.isalnum():  # don’t, I’d, O’Neill
                return None
            if nxt.isdigit() and not prev.isalnum():  # ’90s
                return None
            if ch == "'" and prev in _OPEN_CONTEXT and not nxt.isspace():
                return "open", "single"
            if not open_singles:  # survivors’ accounts: possessive, not a closer
                return None
        return "close", shape
    if ch == '"':
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return "open", "double"
        return "close", "double"
    return None


def _reopens(text: str, i: int, shape: str, stack: list[tuple[str, int, list[tuple[int, int]]]]) -> bool:
    """A double opening mark after a finished sentence, while a double quote is open: English news
    does not nest double quotes in double quotes, so this is the open quote going on."""
    if shape != "double" or not stack or stack[-1][0] != "double":
        return False
    before = text[stack[-1][1] : i].rstrip()
    return len(before) > 1 and before[-1] in ".?!…"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quoted], list[Issue]]:
    """All quoted passages in the given paragraphs, outermost and nested, with issues found."""
    found: list[Quoted] = []
    issues: list[Issue] = []
    carried: list[tuple[int, int]] | None = None  # pieces of a double quote left open last paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[tuple[str, int, list[tuple[int, int]]]] = []  # (shape, content start, earlier pieces)
        singles = 0  # single quotes open on the stack, kept as it changes (a count per mark is quadratic)
        i = p_start
        if carried is not None:  # the quote goes on in this paragraph, which reopens it
            stack.append(("double", p_start + 1, carried))
            i = p_start + 1
            carried = None
        while i < p_end:
            mark = _ANY_MARK.search(text, i, p_end)  # every other character is passed over
            if mark is None:
                break
            i = mark.start()
            role = _role(text, i, singles)
            if role is None:
                i += 1
                continue
            kind, shape = role
            if kind == "open" and _reopens(text, i, shape, stack):
                # Two paragraphs run together, the first left open as a continued quote should be:
                # “... 26 weeks. “We are going ...” is one quote in two pieces, not a quote in a quote.
                _, content_start, earlier = stack.pop()
                stack.append((shape, i + 1, [*earlier, _trim(text, content_start, i)]))
            elif kind == "open":
                stack.append((shape, i + 1, []))
                singles += shape == "single"
            else:
                depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == shape), None)
                if depth is None:
                    if shape == "double":
                        issues.append(Issue("unmatched_quote", "closing quote mark with no opening", i, i + 1))
                else:
                    for dropped_shape, dropped_at, _ in stack[depth + 1 :]:
                        if dropped_shape == "double":
                            issues.append(
                                Issue("unclosed_quote", "quote mark never closed", dropped_at - 1, dropped_at)
                            )
                    _, content_start, earlier = stack[depth]
                    singles -= sum(entry[0] == "single" for entry in stack[depth:])
                    del stack[depth:]
                    pieces = [*earlier, _trim(text, content_start, i)]
                    if all(s < e for s, e in pieces):
                        found.append(Quoted(tuple(pieces), shape, depth, True))
            i += 1
        # An open double quote at the end of a paragraph may go on in the next one.
        doubles = [entry for entry in stack if entry[0] == "double"]
        next_opens = p_index + 1 < len(paragraphs) and _role(text, paragraphs[p_index + 1][0], 0) == (
            "open",
            "double",
        )
        if doubles and next_opens and len(stack) == 1:
            _, content_start, earlier = doubles[0]
            carried = [*earlier, _trim(text, content_start, p_end)]
        else:
            for shape, content_start, _ in stack:
                if shape == "double":
                    issues.append(Issue("unclosed_quote", "quote mark never closed", content_start - 1, content_start))
    found.sort(key=lambda q: (q.start, -q.end))
    return found, issues


# A run of one punctuation mark ("""""..., !!!!..., -----) costs spaCy's tokenizer time in the square
# of its length (it strips one mark at a time and searches the rest again).
_RUN = re.compile(r"([^\w\s])\1{3,}")


def calm_runs(text: str) -> str:
    """The text the parser is given: every run of four or more of one punctuation mark kept as its
    first mark and spaces, so the tokenizer's work follows the text's length. The length is
    unchanged: offsets into the article's text hold for the parse."""
    return _RUN.sub(lambda m: m.group(1) + " " * (len(m.group()) - 1), text)
