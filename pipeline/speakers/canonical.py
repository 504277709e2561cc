"""Canonical speakers: every quote's speaker phrase resolved, one speaker per real-world speaker,
with the speaker confidence and evidence of each quote.

Entry point: `resolve_speakers(doc, quotes, confidence)`, the quotes with the head token of their
speaker phrase (`Quote.speaker_head`). Names resolve by surname and
acronym to their fullest form in the article; pronouns and role nouns to their most salient
antecedent; common nouns ("the watchdog", "the report") to the organisation the article is about;
anonymous speakers ("a former officer", "social workers") keep their description.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..records import Quote, Span, Speaker
from .resolver import resolve_phrases


def _quoted_tokens(doc: Doc, quotes: list[Quote]) -> set[int]:
    inside: set[int] = set()
    for quote in quotes:
        if quote.kind == "indirect":
            continue
        for piece in quote.spans:
            span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
            inside.update(t.i for t in span or ())
    return inside


def resolve_speakers(
    doc: Doc,
    quotes: list[Quote],
    confidence: dict[str, float] | None = None,
    text: str | None = None,
) -> tuple[list[Speaker], list[Quote]]:
    """Canonical speakers, and the quotes with their speaker ids, mentions, confidence and evidence.

    `confidence` is the speaker-confidence table (SPEAKER_CONFIDENCE unless the component's config
    gives another). `text` is the Doc's text when the caller has it (doc.text rebuilds it)."""
    table = confidence or SPEAKER_CONFIDENCE
    text = doc.text if text is None else text
    heads = [q.speaker_head for q in quotes if q.speaker_head is not None]
    clusters, resolved = resolve_phrases(doc, heads, _quoted_tokens(doc, quotes), text)
    used = sorted(
        {r.cluster for r in resolved.values() if r.cluster is not None}, key=lambda c: min(clusters[c].mentions)
    )
    ids = {c: f"s{n}" for n, c in enumerate(used, 1)}
    speakers = []
    for c in used:
        cluster = clusters[c]
        mentions = tuple(Span(s, e, text[s:e]) for s, e in sorted(set(cluster.mentions)))
        speakers.append(
            Speaker(
                ids[c], cluster.name, cluster.type, cluster.title, cluster.organisation, cluster.description, mentions
            )
        )
    updated = []
    for quote in quotes:
        found = resolved.get(quote.speaker_head) if quote.speaker_head is not None else None
        chosen = found.cluster if found is not None else None
        evidence = found.rule if found is not None else "no_speaker_phrase"
        updated.append(
            replace(
                quote,
                speaker=ids.get(chosen) if chosen is not None else None,
                speaker_mention=found.mention if found is not None else None,
                speaker_confidence=speaker_confidence(quote, evidence, table) if chosen is not None else 0.0,
                speaker_evidence=evidence,
            )
        )
    return speakers, updated


# How often the speaker is right, by the sieve pass that chose it (`passes.PASSES`, the quote's
# `speaker_evidence`) and how the quote was attributed ("cue": a rule of confidence >= 0.8 that ties
# a cue to its subject; "weak": the rest), as "pass/strength": right speakers (entity by entity)
# over found quotes of the seed, news-dev and news-dev2, at the lower end of the row's Wilson
# interval (z = 1.28: 7/7 is 0.8, not 1.0), rounded down to 0.05 and capped at 0.95; rows under five
# quotes pooled, the pool below 0.9. `python -m pipeline.measure.calibrate` fits it on each half of the
# articles, reports it on the other half (the README shows both), and prints this table.
SPEAKER_CONFIDENCE: dict[str, float] = {
    "acronym/cue": 0.75,  # 6/6
    "description/cue": 0.8,  # 66/74
    "description/weak": 0.25,  # 3/6
    "description_earlier/cue": 0.65,  # 7/8
    "document_issuer/cue": 0.75,  # 6/6
    "document_own/cue": 0.3,  # 3/5
    "name_full/cue": 0.95,  # 78/78
    "name_full/weak": 0.65,  # 7/8
    "name_organisation/cue": 0.95,  # 36/36
    "name_organisation/weak": 0.25,  # 3/6
    "name_short/cue": 0.95,  # 121/124
    "name_short/weak": 0.85,  # 14/14
    "org_head_noun/cue": 0.8,  # 7/7
    "org_noun_salient/cue": 0.3,  # 3/5
    "pronoun_earlier/cue": 0.55,  # 5/6
    "pronoun_salient/cue": 0.95,  # 65/65
    "pronoun_salient/weak": 0.8,  # 9/9
    "pooled": 0.8,  # 27/30, the rows under five quotes
}


def speaker_rule(evidence: str, quote_confidence: float) -> str:
    """ "pass/strength": the sieve pass that chose the speaker and whether the quote's attribution is
    cue-bound or weak."""
    return f"{evidence}/{'cue' if quote_confidence >= 0.8 else 'weak'}"


def speaker_confidence(quote: Quote, evidence: str, table: dict[str, float]) -> float:
    return table.get(speaker_rule(evidence, quote.confidence), table["pooled"])
