"""The Python API over texts in memory: `extract_text` (one), `extract_texts` (many, through
`nlp.pipe`) and `with_findings` (a pandas column), each giving the JSON document `extract` writes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..components import article_of, attach_article, error_of, extraction_of
from ..config import Options
from ..io.ingest import IngestError, article_from_text
from ..io.schema import to_dict
from ..nlp import default_nlp, pipeline_info
from ..text.quotemarks import calm_runs
from .core import process


def extract_text(text: str, nlp: Language | None = None, **metadata: str) -> dict[str, Any]:
    """One article's text through every stage, in memory: the same JSON document `extract` writes.

    `metadata` may give `id`, `source`, `title`, `author` and `published`, which otherwise come from
    the text (a headline, a byline). The model is loaded once per process unless `nlp` is given."""
    nlp = nlp or default_nlp()
    article = article_from_text(text, metadata.get("id", "text"), metadata.get("source", "<text>"), Options())
    article = replace(
        article,
        title=metadata.get("title", article.title),
        author=metadata.get("author", article.author),
        published=metadata.get("published", article.published),
    )
    _, doc = next(process(nlp, [article], batch_size=1))
    if error := error_of(doc):
        raise ValueError(error)
    return to_dict(extraction_of(doc), pipeline_info(nlp))


def extract_texts(
    texts: Iterable[str], nlp: Language | None = None, batch_size: int = 16, n_process: int = 1
) -> Iterator[dict[str, Any]]:
    """Many texts in memory through every stage, streamed through `nlp.pipe` in batches: one JSON
    document per text, in order, as `extract_text` gives it. A text that cannot be an article
    (empty, not prose, too long) or that fails gives `{"error": kind, "message": ...}` in its place,
    and the rest go on. `n_process` > 1 parses on that many processes (records cross them)."""
    nlp = nlp or default_nlp()
    info = pipeline_info(nlp)
    failures: dict[int, dict[str, Any]] = {}

    def docs() -> Iterator[Doc]:
        for n, text in enumerate(texts):
            try:
                article = article_from_text(text, f"text{n}", f"<text {n}>", Options())
            except IngestError as err:
                failures[n] = {"error": err.kind, "message": str(err)}
                continue
            yield attach_article(nlp.make_doc(calm_runs(article.text)), article)

    done = 0
    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        number = int(article_of(doc).id.removeprefix("text"))
        while done < number:  # the texts before it that never reached the parser
            yield failures.pop(done)
            done += 1
        error = error_of(doc)
        yield {"error": "pipeline", "message": error} if error else to_dict(extraction_of(doc), info)
        done += 1
    while failures:
        yield failures.pop(done)
        done += 1


def with_findings(frame: Any, column: str = "text", **options: Any) -> Any:
    """A copy of a pandas DataFrame with the findings of its text column added: `quotes`,
    `speakers` and `numeric_claims` (lists of records, as in the JSON output) and `error` (None
    when the text came out). `options` go to `extract_texts` (batch_size, n_process, nlp)."""
    import pandas as pd  # only here: the extraction itself never needs it

    documents = list(extract_texts(frame[column].fillna("").astype(str), **options))
    result = frame.copy()
    for field in ("quotes", "speakers", "numeric_claims"):
        result[field] = [d.get(field, []) for d in documents]
    messages = [d.get("message") if "error" in d else None for d in documents]
    result["error"] = pd.Series(messages, index=frame.index, dtype=object)
    return result
