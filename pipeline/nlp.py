"""build_nlp(options): the model load and the component order, in one place."""

from __future__ import annotations

from functools import cache
from importlib import metadata

import spacy
from spacy.language import Language

from . import components
from .config import PIPELINE_VERSION, Options

# Our stages after the model's own, in order; paragraph breaks go first of all.
COMPONENTS = components.OUR_STAGES


def build_nlp(options: Options | None = None) -> Language:
    """The pinned English model with paragraph-aware sentences and our three stages after it."""
    options = options or Options()
    components.ensure_extensions()
    nlp = spacy.load(options.model)
    nlp.add_pipe(components.PARAGRAPH_BREAKS, first=True)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    # Rules need the parse and entities, not more text than spaCy would take anyway.
    nlp.max_length = max(nlp.max_length, options.max_chars + 1)
    return nlp


@cache
def default_nlp() -> Language:
    """The default pipeline, loaded once per process and only when first asked for."""
    return build_nlp()


def pipeline_info(nlp: Language) -> dict[str, str]:
    """What made an output: ours, the model (loadable by spacy.load) and spaCy, with versions."""
    return {
        "name": "pipeline",
        "version": PIPELINE_VERSION,
        "model": nlp.meta.get("name", "") and f"{nlp.meta['lang']}_{nlp.meta['name']}",
        "model_version": nlp.meta.get("version", ""),
        "spacy": metadata.version("spacy"),
    }
