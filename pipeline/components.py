"""The pipeline's spaCy face: Doc extensions and component factories. The only module that touches `doc._`.

The stages are pure functions (`text.paragraphs.mark_paragraph_starts`, `quotes.find_quotes`,
`speakers.resolve_speakers`, `claims.find_claims`); here each gets a thin component around it. The
factories are registered with spaCy through the `spacy_factories` entry point (pyproject.toml), so a
fresh process can `spacy.load(model)` and `nlp.add_pipe("pipeline_quotes_v11")` without importing us.
Their settings live in `default_config`, so they show in `nlp.config` and can be set there.

Extension values are our frozen records; their msgpack codec (records.py) lets them cross
`nlp.pipe(n_process=...)` and a DocBin with user data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from . import resources
from .claims import find_claims
from .config import Options
from .io.ingest import article_from_text
from .quotes import CONFIDENCE, QuoteSettings, find_quotes
from .records import Article, Extraction, decode_record, encode_record
from .speakers import SPEAKER_CONFIDENCE, resolve_speakers
from .text.attribute_rules import AttributeRules, index_as_sets, lemmatize_by_key
from .text.paragraphs import mark_paragraph_starts
from .text.tokens import teach_tokenizer

# Our Doc extensions, under one prefix so that another package's `doc._.quotes` cannot collide with
# ours. The unprefixed names of 0.5 are read-only aliases for one more release, registered only
# where nothing else holds the name.
PREFIX = "pipeline_"
EXTENSIONS = tuple(PREFIX + name for name in ("article", "quotes", "speakers", "numeric_claims", "issues", "error"))
_OLD_NAMES = {name.removeprefix(PREFIX): name for name in EXTENSIONS}
PARAGRAPH_BREAKS = "pipeline_paragraph_breaks_v4"  # v4: quote marks against a word, titles written short (0.14)
QUOTES = "pipeline_quotes_v11"  # v11: a quoted phrase after a verb of showing is no direct quote (0.16)
SPEAKERS = "pipeline_speakers_v13"  # v13: lead offices, seats, name suffixes, figures published (0.16)
CLAIMS = "pipeline_claims_v5"  # v5: timestamps and countdowns are no claims (0.9)
ATTRIBUTE_RULES = "pipeline_attribute_rules_v1"  # the model's attribute_ruler, run on arrays
LEMMAS = "pipeline_lemmas_v1"  # the model's lemmatizer, once per distinct word form
# Our stages after the model's, in order (PARAGRAPH_BREAKS goes before the model's).
OUR_STAGES = (QUOTES, SPEAKERS, CLAIMS)


def ensure_extensions() -> None:
    """Register our Doc extensions (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for old, name in _OLD_NAMES.items():
        if not Doc.has_extension(old):
            Doc.set_extension(old, getter=_reader(name))


def _reader(name: str) -> Callable[[Doc], Any]:
    """A getter that reads our extension `name` (an old name's alias)."""
    return lambda doc: doc._.get(name)


# ---- reading and writing what the stages leave on a Doc -------------------------------------------
def attach_article(doc: Doc, article: Article) -> Doc:
    """Give a Doc the Article it was made from (title, byline and skipped lines come with it)."""
    ensure_extensions()
    doc._.pipeline_article = article
    return doc


def article_of(doc: Doc) -> Article:
    """The Article a Doc was made from; a Doc built from bare text gets one made for it."""
    ensure_extensions()
    if doc._.pipeline_article is None:
        doc._.pipeline_article = article_from_text(doc.text or " ", "doc", "<doc>", Options())
    article: Article = doc._.pipeline_article
    return article


def error_of(doc: Doc) -> str | None:
    """What failed in a stage for this Doc, if anything (the batch goes on without it)."""
    ensure_extensions()
    error: str | None = doc._.pipeline_error
    return error


def extraction_of(doc: Doc) -> Extraction:
    """Everything the stages found in a Doc, as one record."""
    article = article_of(doc)
    return Extraction(
        article=article,
        speakers=tuple(doc._.pipeline_speakers or ()),
        quotes=tuple(doc._.pipeline_quotes or ()),
        numeric_claims=tuple(doc._.pipeline_numeric_claims or ()),
        warnings=tuple(article.warnings) + tuple(doc._.pipeline_issues or ()),
    )


def record_failure(doc: Doc, message: str) -> None:
    """Mark a Doc as failed (the runner writes its article to errors.jsonl and goes on)."""
    ensure_extensions()
    doc._.pipeline_error = message


def _guard(stage: str, step: Callable[[Doc], None], doc: Doc) -> Doc:
    """Run a stage on a Doc, recording a failure on it instead of raising.

    One article that trips a rule must not stop the batch it is parsed in: the runner finds
    `doc._.pipeline_error` and writes that article to errors.jsonl.
    """
    ensure_extensions()
    if doc._.pipeline_error is None:
        try:
            step(doc)
        except MemoryError:
            doc._.pipeline_error = f"memory: {stage} ran out of memory on this article"
        except Exception as err:  # noqa: BLE001 - reported per article by the runner
            if type(err).__name__ == "ArticleTimeout":
                raise  # the engine's time budget: it names the article itself
            doc._.pipeline_error = f"{stage}: {type(err).__name__}: {err}"
    return doc


def guarded(stage: str, step: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
    """A component that records a failure on the Doc instead of raising (see `_guard`)."""
    return lambda doc: _guard(stage, step, doc)


# Why each stage needs the one before it, and how to add that one: the error says both.
_NEEDS = {
    PARAGRAPH_BREAKS: ("without it a headline and its lede read as one sentence", "first=True"),
    QUOTES: ("the speakers are those of the quotes it finds", "after='ner'"),
    SPEAKERS: ("a claim's claimant is one of the speakers it resolves", f"after={QUOTES!r}"),
}


def _require(nlp: Language, name: str, needed: str) -> None:
    """A clear error when a component is added without the one it builds on."""
    if needed not in nlp.pipe_names:
        why, where = _NEEDS[needed]
        raise ValueError(
            f"{name} needs {needed} earlier in the pipeline ({why}); add it first:"
            f" nlp.add_pipe({needed!r}, {where}), or use pipeline.build_nlp()"
        )


# ---- components ----------------------------------------------------------------------------------
@Language.factory(PARAGRAPH_BREAKS, assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentences that never cross a paragraph break; added first, it also teaches the tokenizer the
    news text it meets (text/tokens.py), however the pipeline was built."""
    teach_tokenizer(nlp.tokenizer, nlp.Defaults.infixes)
    return mark_paragraph_starts


@Language.factory(ATTRIBUTE_RULES, default_config={"patterns": []}, assigns=["token.pos", "token.morph"])
def make_attribute_rules(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> AttributeRules:
    """The model's attribute rules (its AttributeRuler's patterns, given in the config), applied on
    the Doc's arrays: the same tags, several times faster (text/attribute_rules.py)."""
    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    return AttributeRules(ruler)


class LemmasByKey:
    """The model's rule lemmatizer (handed over by `use`, which nlp.build_nlp calls), run once per
    distinct word form; the forms seen are remembered (up to a bound) across articles. Saved with
    the pipeline (`nlp.to_disk`) as the lemmatizer's own tables, so `spacy.load` of a saved
    pipeline lemmatizes as the one that was saved."""

    def __init__(self, vocab: Any = None) -> None:
        self.vocab = vocab
        self.rules: Any = None
        self.seen: dict[tuple[int, int, int], str] = {}

    def use(self, lemmatizer: Any) -> None:
        """Lemmatize with the model's rule lemmatizer, taken out of the pipeline for this."""
        self.rules = index_as_sets(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise ValueError(f"{LEMMAS} needs the model's lemmatizer (nlp.build_nlp sets it)")
        if len(self.seen) > 500_000:
            self.seen.clear()
        return lemmatize_by_key(self.rules, doc, self.seen)

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        if self.rules is None:
            return
        index = self.rules.lookups.get_table("lemma_index", None)
        kept = dict(index or {})
        try:  # the word index as the lists spaCy writes (sets are how we read it)
            for pos, words in kept.items():
                index[pos] = sorted(words)
            self.rules.to_disk(path, exclude=exclude)
        finally:
            for pos, words in kept.items():
                index[pos] = words

    def from_disk(self, path: Any, *, exclude: Any = ()) -> LemmasByKey:
        from spacy.pipeline import Lemmatizer

        if not Path(path).exists():
            return self
        lemmatizer = Lemmatizer(self.vocab, None, mode="rule", overwrite=False)
        self.use(lemmatizer.from_disk(path, exclude=exclude))
        return self


@Language.factory(LEMMAS, assigns=["token.lemma"])
def make_lemmas(nlp: Language, name: str) -> LemmasByKey:
    return LemmasByKey(nlp.vocab)


class Stage:
    """One of our stages as a spaCy component: `run` is the stage, called guarded (a failure is
    recorded on the Doc, the batch goes on). Saved with the pipeline (`nlp.to_disk`, `to_bytes`),
    it writes the vocabulary rows added at run time (`resources.extend`: a newsroom's cue verbs,
    units, titles) and loading it adds them back, so a saved pipeline reads as the one saved. Its
    settings travel in the pipeline's config."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()
        # Every vocabulary read now: a bad row stops the pipeline being built, naming its file and
        # line, instead of failing each article in turn.
        resources.check_all()

    def run(self, doc: Doc) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        return _guard(self.name, self.run, doc)

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return srsly.json_dumps({"vocabularies": resources.additions()}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> Stage:
        resources.restore(srsly.json_loads(data.decode("utf-8")).get("vocabularies", {}))
        return self

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_json(Path(path) / _SAVED, {"vocabularies": resources.additions()})

    def from_disk(self, path: Any, *, exclude: Any = ()) -> Stage:
        saved = Path(path) / _SAVED
        if saved.exists():
            resources.restore(srsly.read_json(saved).get("vocabularies", {}))
        return self


_SAVED = "vocabularies.json"


class QuoteFinder(Stage):
    def __init__(self, name: str, settings: QuoteSettings) -> None:
        super().__init__(name)
        self.settings = settings

    def run(self, doc: Doc) -> None:
        quotes, issues = find_quotes(doc, article_of(doc), self.settings)
        doc._.pipeline_quotes = quotes
        doc._.pipeline_issues = (doc._.pipeline_issues or []) + issues
        spans = [doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand") for q in quotes]
        doc.spans["quotes"] = [s for s in spans if s is not None]


class SpeakerResolver(Stage):
    def __init__(self, name: str, speaker_confidence: dict[str, float]) -> None:
        super().__init__(name)
        self.table = dict(speaker_confidence)

    def run(self, doc: Doc) -> None:
        quotes, text = doc._.pipeline_quotes or [], article_of(doc).text
        doc._.pipeline_speakers, doc._.pipeline_quotes = resolve_speakers(doc, quotes, self.table, text)


class ClaimFinder(Stage):
    def run(self, doc: Doc) -> None:
        doc._.pipeline_numeric_claims = find_claims(
            doc, article_of(doc), doc._.pipeline_quotes or [], doc._.pipeline_speakers or []
        )


_QUOTE_FACTORY: dict[str, Any] = {
    "requires": ["token.dep", "token.lemma", "token.tag", "token.is_sent_start"],
    "assigns": ["doc._.pipeline_quotes", "doc._.pipeline_issues", "doc.spans"],
    "default_config": {
        "pre_cue_window": QuoteSettings.pre_cue_window,
        "post_cue_window": QuoteSettings.post_cue_window,
        "carry_over_paragraphs": QuoteSettings.carry_over_paragraphs,
        "confidence": CONFIDENCE,
    },
}


@Language.factory(QUOTES, **_QUOTE_FACTORY)
def make_quote_finder(
    nlp: Language,
    name: str,
    pre_cue_window: int,
    post_cue_window: int,
    carry_over_paragraphs: int,
    confidence: dict[str, float],
) -> QuoteFinder:
    _require(nlp, name, PARAGRAPH_BREAKS)
    return QuoteFinder(name, QuoteSettings(pre_cue_window, post_cue_window, carry_over_paragraphs, dict(confidence)))


_SPEAKER_FACTORY: dict[str, Any] = {
    "requires": ["doc._.pipeline_quotes", "doc.ents"],
    "assigns": ["doc._.pipeline_speakers", "doc._.pipeline_quotes"],
    "default_config": {"speaker_confidence": SPEAKER_CONFIDENCE},
}


@Language.factory(SPEAKERS, **_SPEAKER_FACTORY)
def make_speaker_resolver(nlp: Language, name: str, speaker_confidence: dict[str, float]) -> SpeakerResolver:
    _require(nlp, name, QUOTES)
    return SpeakerResolver(name, speaker_confidence)


_CLAIM_FACTORY: dict[str, Any] = {
    "requires": ["doc._.pipeline_quotes", "doc._.pipeline_speakers", "token.dep"],
    "assigns": ["doc._.pipeline_numeric_claims"],
}


@Language.factory(CLAIMS, **_CLAIM_FACTORY)
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    _require(nlp, name, SPEAKERS)
    return ClaimFinder(name)


# The names of the last release, kept for one more as aliases of the same factories: a pipeline
# saved with them still loads (the behaviour is the new one: see the CHANGELOG).
Language.factory("pipeline_quotes_v10", **_QUOTE_FACTORY)(make_quote_finder)
Language.factory("pipeline_speakers_v12", **_SPEAKER_FACTORY)(make_speaker_resolver)


# Records cross `nlp.pipe(n_process=...)` and DocBin through srsly's msgpack: the codec is in
# records.py (the srsly_msgpack_* entry points name it, so a fresh process decodes without us);
# registered here too for a checkout run without installing the package.
srsly.msgpack_encoders.register("pipeline_records", func=encode_record)
srsly.msgpack_decoders.register("pipeline_records", func=decode_record)
