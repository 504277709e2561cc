"""textacy's direct-quotation extractor, the baseline `eval` prints beside ours (the extraction
itself does not import textacy).

textacy is imported on first use: it pulls in scikit-learn and SciPy (about a second), which a
process pays once. Its latest release (0.13) still reads `numpy.NaN`, which NumPy 2 removed; the
alias is put back before textacy runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Doc


def _textacy_extract() -> Any:
    import numpy

    if "NaN" not in vars(numpy):
        numpy.NaN = numpy.nan  # type: ignore[attr-defined]
    import textacy.extract

    return textacy.extract


def direct_quotations(doc: Doc, paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[str, int, int]]:
    """textacy's direct quotations as (speaker text, content start, content end) in `doc.text`.

    Run paragraph by paragraph: textacy gives up on a whole text with an odd number of quote marks,
    and one stray mark must cost no more than its own paragraph."""
    extract = _textacy_extract()
    for start, end in paragraphs:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        try:
            triples = list(extract.triples.direct_quotations(span.as_doc()))
        except ValueError:
            continue
        for speaker, _cue, content in triples:
            # The content span includes its quote marks.
            yield (
                " ".join(t.text for t in speaker),
                span.start_char + content.start_char + 1,
                span.start_char + content.end_char - 1,
            )
