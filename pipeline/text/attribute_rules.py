"""The model's attribute rules (tag -> part of speech and morphology, a few word exceptions),
applied on the Doc's arrays: the same result as spaCy's AttributeRuler, several times faster.

spaCy's AttributeRuler runs a Matcher over every token for its 179 patterns and then sets each
match through a Python Token; here every pattern is one vectorised test over the token arrays
(TAG, LOWER, DEP, IS_SPACE), and the attributes are written back in one `Doc.from_array`. Rules
apply in the ruler's order, later ones winning, each tested on the Doc as it came in: as the
AttributeRuler does (tests/test_components.py compares the two token by token).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_TESTED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_WRITTEN = {TAG: 0, POS: 1, MORPH: 2, LEMMA: 3}  # DEP is set token by token (rare, and needs no HEAD)


class UnsupportedPattern(ValueError):
    """A pattern this fast path does not read (an operator, another attribute): keep spaCy's ruler."""


def _check(patterns: list[list[dict[str, Any]]]) -> None:
    for pattern in patterns:
        for token in pattern:
            for key, value in token.items():
                if key not in _TESTED:
                    raise UnsupportedPattern(key)
                if isinstance(value, dict) and not set(value) <= {"IN", "NOT_IN", "REGEX"}:
                    raise UnsupportedPattern(str(value))
                if isinstance(value, dict) and "REGEX" in value and key != "LOWER":
                    raise UnsupportedPattern(str(value))


class AttributeRules:
    """Compiled from an AttributeRuler; `apply(doc)` sets what the ruler would."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.rules: list[tuple[Any, dict[int, int], int]] = []
        patterns: Any = ruler.patterns
        for i, rule in enumerate(patterns):
            _check(rule["patterns"])
            self.rules.append((rule["patterns"], dict(ruler.attrs[i]), int(ruler.indices[i])))
        for _, attrs, _ in self.rules:
            if not set(attrs) <= {*_WRITTEN, DEP}:
                raise UnsupportedPattern(str(attrs))

    def apply(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        strings = doc.vocab.strings
        tested: Any = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        columns = list(_WRITTEN)
        written: Any = doc.to_array(columns)
        deps: list[tuple[Any, int]] = []
        for patterns, attrs, index in self.rules:
            for pattern in patterns:
                length = len(pattern)
                if length > n:
                    continue
                starts = numpy.ones(n - length + 1, dtype=bool)
                for offset, token in enumerate(pattern):
                    mask = numpy.ones(n, dtype=bool)
                    for key, value in token.items():
                        mask &= _test(tested[:, _TESTED[key]], key, value, strings.__getitem__)
                    starts &= mask[offset : offset + n - length + 1]
                hits = numpy.nonzero(starts)[0]
                if not len(hits):
                    continue
                at = hits + (index if index >= 0 else length + index)
                for attr, value in attrs.items():
                    if attr == DEP:
                        deps.append((at, value))
                    else:
                        written[at, _WRITTEN[attr]] = value
        doc.from_array(columns, written)
        for at, value in deps:
            for i in at:
                doc[int(i)].dep = value
        return doc


def _test(column: Any, key: str, value: Any, string: Callable[[Any], Any]) -> Any:
    """Which tokens pass one condition of a pattern token ("TAG": "DT", "DEP": {"NOT_IN": [...]})."""
    if key == "IS_SPACE":
        return column == int(bool(value))
    if not isinstance(value, dict):
        return column == string(value)  # the label's id: a symbol's own number, else its hash
    (op, argument), *_ = value.items()
    if op == "REGEX":
        pattern = re.compile(argument)
        present = numpy.unique(column)
        passing = [h for h in present if pattern.search(string(int(h)))]
        return numpy.isin(column, numpy.array(passing, dtype=numpy.uint64))
    found = numpy.isin(column, numpy.array([string(v) for v in argument], dtype=numpy.uint64))
    return found if op == "IN" else ~found


def index_as_sets(lemmatizer: Any) -> Any:
    """The rule lemmatizer with its word index (a list per part of speech, 57,000 nouns) as sets:
    it asks only whether a form is in the index, and a list answers that by reading it whole, which
    made a new word form cost 70 microseconds. The same answers; the lemmatizer is changed in place
    (it is ours, taken out of the pipeline)."""
    index = lemmatizer.lookups.get_table("lemma_index", None)
    for pos, words in list((index or {}).items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)
    return lemmatizer


def lemmatize_by_key(lemmatizer: Any, doc: Doc, seen: dict[tuple[int, int, int], str] | None = None) -> Doc:
    """What spaCy's rule lemmatizer sets, computed once per (word, part of speech, morphology): the
    lemmatizer's own result depends on nothing else (its cache is keyed so), and a Python Token for
    every token would cost more than the lemmas. Tokens given a lemma already (by the attribute
    rules) keep it, as the lemmatizer leaves them. `seen` remembers lemmas across Docs by that key."""
    if len(doc) == 0:
        return doc
    keys: Any = doc.to_array([LEMMA, ORTH, POS, MORPH])
    lemmas: Any = keys[:, 0].copy()
    todo = numpy.nonzero(lemmas == 0)[0]
    if len(todo) == 0:
        return doc
    # The distinct keys, each with the first token that has it (it decides, as in spaCy's loop).
    forms, first, which = numpy.unique(keys[todo, 1:], axis=0, return_index=True, return_inverse=True)
    strings, seen = doc.vocab.strings, {} if seen is None else seen
    lemma_ids = numpy.empty(len(forms), dtype=numpy.uint64)
    for n, (orth, pos, morph) in enumerate(forms.tolist()):
        key = (orth, pos, morph)
        if key not in seen:
            seen[key] = lemmatizer.lemmatize(doc[int(todo[first[n]])])[0]
        lemma_ids[n] = strings.add(seen[key])
    lemmas[todo] = lemma_ids[which.reshape(-1)]
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    return doc
