"""What the quote rules share: the settings they read, a candidate quote, and the article being read."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Token

from ..records import Article
from ..text import syntax
from ..text.paragraphs import ParagraphIndex, paragraphs


@dataclass(frozen=True)
class QuoteSettings:
    """The quote stage's settings; the spaCy component takes them from its config (`nlp.config`)."""

    # Farthest a cue may stand from its quote, in tokens, before and after it.
    pre_cue_window: int = 40
    post_cue_window: int = 15
    # How many paragraphs back a quote with no cue may inherit the last speaker.
    carry_over_paragraphs: int = 3
    # Confidence of each attribution rule by its id; a rule left out takes the measured precision in
    # the rule table (rules.QUOTE_RULES).
    confidence: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Attribution:
    """Who speaks a quote before resolution: the head token of the speaking phrase, if any, and the
    id of the rule that found it (what the quote's `evidence` reports)."""

    head: int | None
    cue: int | None
    rule: str
    confidence: float


@dataclass
class Candidate:
    kind: str
    pieces: list[tuple[int, int]]
    attribution: Attribution | None = None

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


class QuoteContext:
    """The article being read: its parse, paragraphs, where the quote marks are, and the settings."""

    def __init__(self, doc: Doc, article: Article, settings: QuoteSettings) -> None:
        self.doc = doc
        self.text = article.text  # doc.text is rebuilt from the tokens on every access
        self.tokens = syntax.TokenIndex(doc)
        self.settings = settings
        skipped = set(article.skipped)
        self.paragraphs = [p for p in paragraphs(self.text) if p not in skipped]
        self.index = ParagraphIndex(self.paragraphs)
        # Where the body starts, after the headline: a headline's quote marks often repeat words the
        # body quotes with their speaker. A first line that reads as a sentence ("“We won,” she
        # said.") is not taken for a headline.
        title = (article.title or "").rstrip()
        self.body_start = article.body_start if title and not title.endswith(".") else 0
        self.quoted_token: list[int | None] = [None] * len(doc)
        self.kinds: list[str] = []  # kind of each marked quote, by the numbers in quoted_token
        self.quote_ends: list[int] = []  # where each marked quote's words end (a character)
        self.indirect: list[Candidate] = []  # reported speech found, for the partial quotes inside it
        self._sentence_starts: list[int] | None = None
        self._sentences: dict[tuple[int, int], list[Token]] = {}
        self._cues: dict[tuple[int, int], list[Token]] = {}

    def mark_quoted(self, candidates: list[Candidate]) -> None:
        """Remember which tokens sit inside which quote (marks included), and where each ends."""
        self.quote_ends = [cand.end for cand in candidates]
        for number, cand in enumerate(candidates):
            for start, end in cand.pieces:
                span = self.doc.char_span(max(start - 1, 0), min(end + 1, len(self.text)), alignment_mode="expand")
                for token in span or ():
                    if self.quoted_token[token.i] is None:
                        self.quoted_token[token.i] = number

    def in_quote(self, token: Token) -> bool:
        return self.quoted_token[token.i] is not None

    def paragraph_of(self, char: int) -> tuple[int, int]:
        span = self.index.span_of(char)
        return span if span else (0, len(self.text))

    def sentence_tokens(self, token: Token) -> list[Token]:
        """The tokens of the token's sentence that lie in its paragraph; built once per sentence and
        paragraph, so that a paragraph of thousands of quotes costs in proportion to its length."""
        key = self._sentence_key(token)
        if key not in self._sentences:
            start, end = self._sentence_bounds(token.i)
            p_start, p_end = self.paragraph_of(token.idx)
            self._sentences[key] = [t for t in self.doc[start:end] if p_start <= t.idx < p_end]
        return self._sentences[key]

    def sentence_cues(self, token: Token) -> list[Token]:
        """The reporting words of the token's sentence (any part of speech), outside quotes, in order."""
        key = self._sentence_key(token)
        if key not in self._cues:
            self._cues[key] = [
                t
                for t in self.sentence_tokens(token)
                if (syntax.names_a_cue(t) or t.lower_ == "according") and not self.in_quote(t)
            ]
        return self._cues[key]

    def _sentence_key(self, token: Token) -> tuple[int, int]:
        """The token's sentence within its paragraph: (the sentence's first token, the paragraph's start)."""
        return self._sentence_bounds(token.i)[0], self.paragraph_of(token.idx)[0]

    def _sentence_bounds(self, i: int) -> tuple[int, int]:
        """[start, end) token indices of the sentence holding token `i`, from the Doc's arrays."""
        if self._sentence_starts is None:
            flags = self.doc.to_array("SENT_START") == 1
            if len(flags):
                flags[0] = True
            self._sentence_starts = numpy.nonzero(flags)[0].tolist()
        starts = self._sentence_starts
        at = bisect_right(starts, i) - 1
        return starts[at], starts[at + 1] if at + 1 < len(starts) else len(self.doc)

    def attribution(self, cue: Token, rule: str) -> Attribution | None:
        """The cue's speaking phrase (its subject, or X of "according to X") under rule `rule`; the
        outer speaker's, where the cue's clause is part of what they recount (syntax.recounting_verb)."""
        cue = syntax.recounting_verb(cue) or cue
        head = syntax.according_to(cue) or syntax.subject_of(cue) or self._according_to_in_sentence(cue)
        if head is not None and self.in_quote(head):
            # “..., but also friends,” William Daley, ..., said: the parser took the quote's last
            # word for the subject and the speaker for its apposition.
            head = next((c for c in head.children if c.dep_ == "appos" and not self.in_quote(c)), None)
        if head is None or self.in_quote(head) or head.dep_ == "expl":
            return None
        return Attribution(head.i, cue.i, rule, self.settings.confidence[rule])

    def _according_to_in_sentence(self, cue: Token) -> Token | None:
        """ "According to a court filing, staff were told, “...”": a cue with no speaker of its own
        (a passive with no agent) in a sentence that says whose account it is."""
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
            return None
        accordings = [t for t in cue.sent if t.lower_ == "according" and not self.in_quote(t)]
        return syntax.according_to(accordings[0]) if accordings else None

    def named(self, head: int, rule: str) -> Attribution:
        """A speaking phrase found without a cue verb (a name after a dash, before a colon)."""
        return Attribution(head, None, rule, self.settings.confidence[rule])
