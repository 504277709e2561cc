"""What the English tokenizer is taught for news text: quote marks written against a word, and
titles written short. The sentence component (components.PARAGRAPH_BREAKS) applies it when it is
added, so a pipeline built by `spacy.load` and `add_pipe` tokenizes as `build_nlp`'s does."""

from __future__ import annotations

from typing import Any

import spacy.util

from .. import resources

# A double quote mark, and the punctuation or dash written right beside one ("said,“", "record—“").
QUOTE_MARK_INFIXES = (r'[,:;!?—–]+(?=["“”])', r'(?<=["“”])[,:;!?—–]+', r'["“”]')


def teach_tokenizer(tokenizer: Any, default_infixes: Any) -> None:
    """'Ryan said,“Look ...', '“good,”he said': a double quote mark is never part of a word, even
    with no space beside it (spaCy's infixes split only some of these). "Const. Rob Carver said",
    "Sgt. Ana Lopes": a title written short keeps its full stop, which would otherwise end a
    sentence before the name (resources/role_forms.txt). Doing it twice changes nothing."""
    infixes = [*(default_infixes or ()), *QUOTE_MARK_INFIXES]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for short in sorted(resources.title_abbreviations()):
        tokenizer.add_special_case(short, [{"ORTH": short}])
