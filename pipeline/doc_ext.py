"""The Doc extensions our spaCy components read and write, registered once."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .config import Options
from .ingest import article_from_text
from .records import Article

EXTENSIONS = ("article", "quotes", "quote_heads", "speakers", "numeric_claims", "issues", "error")


def ensure_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def article_of(doc: Doc) -> Article:
    """The Article a Doc was made from; a Doc built from bare text gets one made for it."""
    ensure_extensions()
    if doc._.article is None:
        doc._.article = article_from_text(doc.text or " ", "doc", "<doc>", Options())
    return doc._.article


def guarded(stage: str, step: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
    """A component that records a failure on the Doc instead of raising.

    One article that trips a rule must not stop the batch it is parsed in: the runner finds
    `doc._.error` and writes that article to errors.jsonl.
    """

    def component(doc: Doc) -> Doc:
        if doc._.error is None:
            try:
                step(doc)
            except Exception as err:  # noqa: BLE001 - reported per article by the runner
                doc._.error = f"{stage}: {type(err).__name__}: {err}"
        return doc

    return component
