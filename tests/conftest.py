"""Shared fixtures: the pinned model (loaded once), a text -> Extraction helper, hand-built Docs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components import attach_article, error_of, extraction_of
from pipeline.config import Options
from pipeline.io.ingest import article_from_text
from pipeline.nlp import build_nlp
from pipeline.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The seed article and its hand annotation are committed in corpus/ and corpus/gold/.
SEED = ROOT / "corpus" / "000_9704b5920b1b9317.txt"
SEED_GOLD = ROOT / "corpus" / "gold" / "000_9704b5920b1b9317.json"


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return build_nlp(Options())


@pytest.fixture(scope="session")
def run_text(nlp) -> Callable[[str], Extraction]:
    """Run the whole pipeline over an invented article text."""

    def run(text: str) -> Extraction:
        article = article_from_text(text, "test", "<test>", Options())
        doc = nlp(attach_article(nlp.make_doc(article.text), article))
        assert error_of(doc) is None, error_of(doc)
        return extraction_of(doc)

    return run


@pytest.fixture(scope="session")
def vocab(nlp):
    return nlp.vocab


@pytest.fixture
def hand_doc(vocab) -> Callable[..., Doc]:
    """A Doc built by hand from words, heads (absolute indices), deps, POS and lemmas."""

    def make(
        words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str] | None = None
    ) -> Doc:
        return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or [w.lower() for w in words])

    return make


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory, nlp) -> Path:
    """The seed article run through `extract` into a fresh folder."""
    from pipeline.engines.run import extract

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, corpus / SEED.name)
    out = tmp_path_factory.mktemp("outputs")
    summary = extract([corpus], out, Options(), nlp=nlp)
    assert summary.exit_code == 0
    return out
