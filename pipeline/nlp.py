"""build_nlp(options): the model load and the component order, in one place."""

from __future__ import annotations

from functools import cache
from importlib import metadata
from typing import Any

import spacy
from spacy.language import Language

from . import components
from .config import PIPELINE_VERSION, Options
from .text.attribute_rules import AttributeRules, UnsupportedPattern


def build_nlp(options: Options | None = None) -> Language:
    """The pinned English model with paragraph-aware sentences and our three stages after it."""
    options = options or Options()
    components.ensure_extensions()
    nlp = spacy.load(options.model)
    nlp.add_pipe(components.PARAGRAPH_BREAKS, first=True)
    if "attribute_ruler" in nlp.pipe_names:
        # The same rules on the Doc's arrays: spaCy's matcher over every token is a sixth of a parse.
        ruler: Any = nlp.get_pipe("attribute_ruler")
        try:
            AttributeRules(ruler)
        except UnsupportedPattern:
            pass  # a model whose rules this does not read keeps its own ruler
        else:
            nlp.replace_pipe("attribute_ruler", components.ATTRIBUTE_RULES, config={"patterns": ruler.patterns})
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "overwrite", True):
        # Its result depends on the word, its part of speech and morphology only: once per form.
        nlp.replace_pipe("lemmatizer", components.LEMMAS)
        lemmas: Any = nlp.get_pipe("lemmatizer")
        lemmas.use(lemmatizer)
    for name in components.OUR_STAGES:  # after the model's own, in order
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
