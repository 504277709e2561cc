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
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.util import minibatch

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


# One condition of a pattern token, compiled: (column, operator, operand), the operand a label's id
# ("eq"), a sorted tuple of ids ("in", "not_in"), a compiled expression ("regex") or 0/1 ("space").
Condition = tuple[int, str, Any]


class AttributeRules:
    """Compiled from an AttributeRuler; `apply(doc)` sets what the ruler would, and `pipe` does it
    for a batch of Docs at once (the conditions are tested once over all their tokens: a short text
    costs its tokens, not a pass over every pattern)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.rules: list[tuple[list[list[tuple[Condition, ...]]], dict[int, int], int]] = []
        string = ruler.vocab.strings.__getitem__
        patterns: Any = ruler.patterns
        for i, rule in enumerate(patterns):
            _check(rule["patterns"])
            compiled = [[tuple(_compile(key, value, string) for key, value in token.items()) for token in pattern]
                        for pattern in rule["patterns"]]  # fmt: skip
            self.rules.append((compiled, dict(ruler.attrs[i]), int(ruler.indices[i])))
        for _, attrs, _ in self.rules:
            if not set(attrs) <= {*_WRITTEN, DEP}:
                raise UnsupportedPattern(str(attrs))

    def __call__(self, doc: Doc) -> Doc:
        return self.apply(doc)

    def apply(self, doc: Doc) -> Doc:
        self.apply_many([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.apply_many(batch)
            yield from batch

    def apply_many(self, docs: list[Doc]) -> None:
        """The rules over the tokens of all `docs` laid end to end; a match may not cross from one
        Doc into the next."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        strings = docs[0].vocab.strings
        tested: Any = numpy.concatenate([doc.to_array([TAG, LOWER, DEP, IS_SPACE]) for doc in docs])
        columns = list(_WRITTEN)
        written: Any = numpy.concatenate([doc.to_array(columns) for doc in docs])
        lengths = [len(doc) for doc in docs]
        doc_of = numpy.repeat(numpy.arange(len(docs)), lengths)
        n = len(doc_of)
        masks: dict[Condition, Any] = {}  # a condition shared by many patterns is tested once

        def passing(condition: Condition) -> Any:
            if condition not in masks:
                masks[condition] = _test(tested[:, condition[0]], condition, strings)
            return masks[condition]

        deps: list[tuple[Any, int]] = []
        for patterns, attrs, index in self.rules:
            for pattern in patterns:
                length = len(pattern)
                if length > n:
                    continue
                starts = doc_of[: n - length + 1] == doc_of[length - 1 :]  # the whole match in one Doc
                for offset, token in enumerate(pattern):
                    for condition in token:
                        starts &= passing(condition)[offset : offset + n - length + 1]
                hits = numpy.nonzero(starts)[0]
                if not len(hits):
                    continue
                at = hits + (index if index >= 0 else length + index)
                for attr, value in attrs.items():
                    if attr == DEP:
                        deps.append((at, value))
                    else:
                        written[at, _WRITTEN[attr]] = value
        first = numpy.cumsum([0, *lengths])
        for k, doc in enumerate(docs):
            doc.from_array(columns, written[first[k] : first[k + 1]])
        for at, value in deps:
            for i in at.tolist():
                k = int(doc_of[i])
                docs[k][i - int(first[k])].dep = value


def _compile(key: str, value: Any, string: Callable[[Any], Any]) -> Condition:
    """A pattern token's condition ("TAG": "DT", "DEP": {"NOT_IN": [...]}) with its labels as ids
    (a symbol's own number, else its hash)."""
    column = _TESTED[key]
    if key == "IS_SPACE":
        return column, "space", int(bool(value))
    if not isinstance(value, dict):
        return column, "eq", string(value)
    (op, argument), *_ = value.items()
    if op == "REGEX":
        return column, "regex", re.compile(argument)
    ids = tuple(sorted({string(v) for v in argument}))
    return column, "in" if op == "IN" else "not_in", ids


def _test(column: Any, condition: Condition, strings: Any) -> Any:
    """Which tokens pass one compiled condition."""
    _, op, operand = condition
    if op in ("space", "eq"):
        return column == operand
    if op == "regex":
        present = numpy.unique(column)
        passing = [h for h in present.tolist() if operand.search(strings[h])]
        return numpy.isin(column, numpy.array(passing, dtype=numpy.uint64))
    found = numpy.isin(column, numpy.array(operand, dtype=numpy.uint64))
    return found if op == "in" else ~found


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
