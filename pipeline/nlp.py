"""build_nlp(options): the model load and the component order, in one place."""

from __future__ import annotations

from importlib import metadata

import spacy
from spacy.language import Language

from . import __version__, numbers, quotes, segment, speakers  # noqa: F401  (registers the components)
from .config import Options
from .doc_ext import ensure_extensions

COMPONENTS = ("pipeline_quotes_v1", "pipeline_speakers_v2", "pipeline_numbers_v1")


def build_nlp(options: Options) -> Language:
    """The pinned English model with paragraph-aware sentences and our three stages after it."""
    ensure_extensions()
    nlp = spacy.load(options.model)
    nlp.add_pipe("pipeline_paragraph_breaks_v1", first=True)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    # Rules need the parse and entities, not more text than spaCy would take anyway.
    nlp.max_length = max(nlp.max_length, options.max_chars + 1)
    return nlp


def pipeline_info(nlp: Language) -> dict[str, str]:
    """What made an output: ours, the model (loadable by spacy.load) and spaCy, with versions."""
    return {
        "name": "pipeline",
        "version": __version__,
        "model": nlp.meta.get("name", "") and f"{nlp.meta['lang']}_{nlp.meta['name']}",
        "model_version": nlp.meta.get("version", ""),
        "spacy": metadata.version("spacy"),
    }
