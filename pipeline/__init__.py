"""Quotes, speakers and numeric claims from English news articles.

    from pipeline import build_nlp, extract_text
    document = extract_text(open("article.txt").read())   # the JSON document `extract` writes
    documents = extract_texts(texts, batch_size=32)         # many texts, streamed through nlp.pipe
    frame = with_findings(frame, column="text")             # a pandas column's quotes and claims

`build_nlp()` gives the spaCy pipeline (the pinned model and our components); the record types
(Article, Quote, Speaker, NumericClaim, ...) are in `pipeline.records`. Names load on first use, so
the command line starts without loading spaCy.
"""

from __future__ import annotations

from typing import Any

from .config import PIPELINE_VERSION as __version__

__all__ = [
    "Article", "Extraction", "Issue", "NumericClaim", "Quote", "Span", "Speaker",
    "__version__", "build_nlp", "extract_text", "extract_texts", "with_findings",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name == "build_nlp":
        from .nlp import build_nlp

        return build_nlp
    if name in ("extract_text", "extract_texts", "with_findings"):
        from .engines import api

        return getattr(api, name)
    if name in __all__:
        from . import records

        return getattr(records, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
