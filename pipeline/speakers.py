"""Speakers: the phrases that speak quotes, resolved to one canonical speaker per real-world speaker.

Entry point: `resolve_speakers(doc, quotes, heads)`. Names resolve by surname and acronym to their
fullest form in the article; pronouns to the nearest compatible earlier speaker or person; common
nouns ("the watchdog", "the report") to the organisation the article is about where the text has
one; anonymous speakers ("a former officer", "social workers") are kept with a description.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import resources, syntax
from .doc_ext import ensure_extensions, guarded
from .records import Quote, Span, Speaker, SpeakerType

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_ACRONYM_SKIP = {"of", "for", "and", "the", "on", "in", "&"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_PLURAL_PRONOUNS = {"they", "them", "we", "us"}
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}


@dataclass
class _Cluster:
    type: SpeakerType
    name: str | None
    title: str | None = None
    organisation: str | None = None
    description: str | None = None
    gender: str | None = None
    keys: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans


def _clean(text: str) -> str:
    """A name without determiners, possessive endings or stray punctuation."""
    text = re.sub(r"[’']s?$", "", text.strip(), flags=re.IGNORECASE)
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words).strip(' ,;:—–-"“”‘’')


def acronym(name: str) -> str:
    """Initials of a multi-word name: "Independent Office for Police Conduct" -> "IOPC"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _org_keys(name: str) -> set[str]:
    keys = {name.lower()}
    if name.isupper() and 2 <= len(name) <= 8:
        keys.add(f"acr:{name}")
    elif short := acronym(name):
        keys.add(f"acr:{short}")
    return keys


class _Resolver:
    def __init__(self, doc: Doc, quoted_tokens: set[int]) -> None:
        self.doc = doc
        self.quoted = quoted_tokens
        self.clusters: list[_Cluster] = []
        # Every earlier mention of a person or organisation, for pronouns: (char, cluster index).
        self.history: list[tuple[int, int]] = []
        self.ents = [e for e in doc.ents if e.label_ in ("PERSON", *_ORG_LABELS)]
        self.full_names = self._full_person_names()
        self.expansions = self._acronym_expansions()

    # ---- what the article itself tells about names -------------------------------------------
    def _full_person_names(self) -> dict[str, str]:
        """Surname -> the first full form of that person's name in the article."""
        names: dict[str, str] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                name = self._strip_titles(ent)[0]
                parts = name.split()
                if len(parts) >= 2:
                    names.setdefault(parts[-1].lower(), name)
        return names

    def _acronym_expansions(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for ent in self.ents:
            name = _clean(ent.text)
            if short := acronym(name):
                found.setdefault(short, name)
        return found

    def _salient_org(self) -> int | None:
        """The organisation the article is about, as a cluster index: the one that speaks most,
        then the one named most. "The watchdog" and "the report" resolve to it."""
        score: dict[int, int] = {}
        for ent in self.ents:
            if ent.label_ == "ORG" and (name := _clean(ent.text)):
                index = self._org(name)
                score[index] = score.get(index, 0) + 1
        for index, cluster in enumerate(self.clusters):
            if cluster.type == "ORG" and cluster.mentions:
                score[index] = score.get(index, 0) + 3 * len(cluster.mentions)
        return max(sorted(score), key=lambda i: score[i]) if score else None

    @staticmethod
    def _strip_titles(span: SpacySpan) -> tuple[str, str | None, str | None]:
        """(name, title, gender) of a person's name span."""
        words = [t for t in span if not t.is_punct and t.text not in ("’s", "'s")]
        title_words, gender = [], None
        while len(words) > 1:
            low = words[0].lower_.rstrip(".")
            if low in resources.honorifics():
                gender = resources.honorifics()[low]
            elif low in resources.titles() and words[0].text[0].isupper():
                title_words.append(words[0].text)
            else:
                break
            words = words[1:]
        name = " ".join(t.text for t in words)
        return name, " ".join(title_words) or None, gender if gender in ("m", "f") else None

    # ---- clusters ----------------------------------------------------------------------------
    def _find(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self.clusters) if key in c.keys), None)

    def _new(self, cluster: _Cluster) -> int:
        self.clusters.append(cluster)
        return len(self.clusters) - 1

    def _person(self, name: str, title: str | None, gender: str | None) -> int:
        surname = name.split()[-1].lower()
        full = name if len(name.split()) > 1 else self.full_names.get(surname, name)
        found = self._find(f"person:{surname}")
        if found is None:
            found = self._new(_Cluster("PERSON", full, keys={f"person:{surname}"}))
        cluster = self.clusters[found]
        if len(full.split()) > len((cluster.name or "").split()):
            cluster.name = full
        cluster.title = cluster.title or title
        cluster.gender = cluster.gender or gender
        return found

    def _org(self, name: str) -> int:
        name = self.expansions.get(name, name)
        keys = _org_keys(name)
        for key in sorted(keys):
            if (found := self._find(key)) is not None:
                self.clusters[found].keys |= keys
                return found
        return self._new(_Cluster("ORG", name, keys=keys))

    def _anonymous(self, type_: SpeakerType, description: str) -> int:
        key = f"anon:{description.lower()}"
        found = self._find(key)
        return found if found is not None else self._new(_Cluster(type_, None, description=description, keys={key}))

    # ---- one mention -------------------------------------------------------------------------
    def resolve(self, head: Token, bounds: tuple[int, int]) -> int | None:
        span = self.doc[bounds[0] : bounds[1]]
        found = self._resolve(head, span)
        if found is not None:
            self.clusters[found].mentions.append((span.start_char, span.end_char))
            self.history.append((span.start_char, found))
        return found

    def _resolve(self, head: Token, span: SpacySpan) -> int | None:
        if head.pos_ == "PRON" and head.lower_ not in ("one",):
            return self._pronoun(head)
        person = next((e for e in span.ents if e.label_ == "PERSON"), None)
        if person is not None:
            name, title, gender = self._strip_titles(self.doc[span.start : person.end])
            if name:
                return self._person(name, title, gender)
        lemma = head.lemma_.lower()
        kind = resources.descriptors().get(lemma)
        if kind == "DOCUMENT":
            return self._document(head, span)
        org = next((e for e in span.ents if e.label_ in _ORG_LABELS), None)
        if org is not None or (head.pos_ == "PROPN" and head.text[:1].isupper()):
            return self._org(_clean(org.text if org is not None else span.text))
        if kind == "ORG":
            salient = self._salient_org()
            return salient if salient is not None else self._anonymous("ORG", _clean(span.text))
        titled = self._titled_person(head)
        if titled is not None:
            return titled
        plural = head.tag_ in ("NNS", "NNPS")
        return self._anonymous("GROUP" if plural else "PERSON", _clean(span.text))

    def _document(self, head: Token, span: SpacySpan) -> int | None:
        """A report speaks for its author: its possessor or modifier if named, else the article's organisation."""
        for child in head.lefts:
            if child.dep_ in ("poss", "compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
                author = _clean(self.doc[child.left_edge.i : child.i + 1].text)
                if resources.descriptors().get(author.lower().split()[-1] if author else "") == "ORG":
                    return self._salient_org()
                if child.pos_ == "PROPN" and author:
                    return self._org(author)
        salient = self._salient_org()
        return salient if salient is not None else self._anonymous("DOCUMENT", _clean(span.text))

    def _titled_person(self, head: Token) -> int | None:
        """ "the Deputy Chief Constable", "the minister": a person named earlier with that title."""
        word = head.lower_
        for index in reversed([i for _, i in self.history]):
            cluster = self.clusters[index]
            if cluster.type == "PERSON" and cluster.title and word in cluster.title.lower().split():
                return index
        return None

    def _pronoun(self, head: Token) -> int | None:
        word = head.lower_
        gender = _PRONOUN_GENDER.get(word)
        wanted = {"it": {"ORG", "DOCUMENT"}, "its": {"ORG", "DOCUMENT"}}.get(word)
        if word in _PLURAL_PRONOUNS:
            wanted = {"ORG", "GROUP"}
        elif gender:
            wanted = {"PERSON"}
        if wanted is None:
            return None
        for _, index in reversed(self._candidates_before(head.idx)):
            cluster = self.clusters[index]
            if cluster.type in wanted and (gender is None or cluster.gender in (None, gender)):
                if gender:
                    cluster.gender = gender
                return index
        return None

    def _candidates_before(self, char: int) -> list[tuple[int, int]]:
        """Speakers and named people/organisations mentioned before `char`, in text order."""
        seen = [(c, i) for c, i in self.history if c < char]
        for ent in self.ents:
            # Only subjects: "the Jay Report had exposed ..." does not make Jay a candidate for "he".
            if ent.root.dep_ not in ("nsubj", "nsubjpass") or ent.label_ not in ("PERSON", "ORG"):
                continue
            if ent.end_char <= char and not any(t.i in self.quoted for t in ent):
                if ent.label_ == "PERSON":
                    name, title, gender = self._strip_titles(ent)
                    if name:
                        seen.append((ent.start_char, self._person(name, title, gender)))
                else:
                    seen.append((ent.start_char, self._org(_clean(ent.text))))
        return sorted(seen)


def _quoted_tokens(doc: Doc, quotes: list[Quote]) -> set[int]:
    inside: set[int] = set()
    for quote in quotes:
        if quote.kind == "indirect":
            continue
        for piece in quote.spans:
            span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
            inside.update(t.i for t in span or ())
    return inside


def resolve_speakers(doc: Doc, quotes: list[Quote], heads: list[int | None]) -> tuple[list[Speaker], list[Quote]]:
    """Canonical speakers, and the quotes with their speaker ids and speaker mentions filled in."""
    quoted = _quoted_tokens(doc, quotes)
    resolver = _Resolver(doc, quoted)

    # Named speakers first, so "the watchdog" and "the report" can pick the organisation that speaks.
    def deferred(i: int) -> bool:
        head = heads[i]
        return head is not None and resources.descriptors().get(doc[head].lemma_.lower()) in ("ORG", "DOCUMENT")

    order = sorted(range(len(quotes)), key=lambda i: (deferred(i), heads[i] if heads[i] is not None else -1))
    cluster_of: dict[int, int | None] = {}
    mention_of: dict[int, Span] = {}
    resolved_heads: dict[int, tuple[int | None, Span]] = {}
    for i in order:
        head_index = heads[i]
        if head_index is None:
            continue
        if head_index not in resolved_heads:
            head = doc[head_index]
            start, end = syntax.mention_bounds(head, quoted)
            span = doc[start:end]
            mention = Span(span.start_char, span.end_char, span.text)
            resolved_heads[head_index] = (resolver.resolve(head, (start, end)), mention)
        cluster_of[i], mention_of[i] = resolved_heads[head_index]
    used = sorted({c for c in cluster_of.values() if c is not None}, key=lambda c: min(resolver.clusters[c].mentions))
    ids = {c: f"s{n}" for n, c in enumerate(used, 1)}
    speakers = []
    for c in used:
        cluster = resolver.clusters[c]
        mentions = tuple(Span(s, e, doc.text[s:e]) for s, e in sorted(set(cluster.mentions)))
        speakers.append(
            Speaker(
                ids[c], cluster.name, cluster.type, cluster.title, cluster.organisation, cluster.description, mentions
            )
        )
    updated = [
        replace(q, speaker=ids.get(cluster_of.get(i)), speaker_mention=mention_of.get(i)) if i in cluster_of else q  # type: ignore[arg-type]
        for i, q in enumerate(quotes)
    ]
    return speakers, updated


@Language.factory(
    "pipeline_speakers_v1",
    requires=["doc._.quotes", "doc._.quote_heads", "doc.ents"],
    assigns=["doc._.speakers", "doc._.quotes"],
)
def make_speaker_resolver(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    ensure_extensions()

    def speaker_resolver(doc: Doc) -> None:
        doc._.speakers, doc._.quotes = resolve_speakers(doc, doc._.quotes or [], doc._.quote_heads or [])

    return guarded(name, speaker_resolver)
