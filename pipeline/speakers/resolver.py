"""The resolver: speaker phrases, one at a time in text order, to clusters of one real-world speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..records import SpeakerType
from ..text import syntax
from ..text.acronyms import acronym_definitions
from ..text.paragraphs import ParagraphIndex, paragraphs
from .names import acronym, clean_name, is_title_word, org_keys

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_PLURAL_PRONOUNS = {"they", "them", "we", "us"}
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}


@dataclass(frozen=True)
class _PersonParts:
    name: str
    title: str | None
    gender: str | None
    organisation: str | None


@dataclass
class Cluster:
    """One real-world speaker as the article builds it up, mention by mention."""

    type: SpeakerType
    name: str | None
    title: str | None = None
    organisation: str | None = None
    description: str | None = None
    gender: str | None = None
    keys: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans


class Resolver:
    """Resolves speaker phrases, one at a time in text order, to clusters of one real-world speaker.

    Sections: what the article tells about names (full names, acronym expansions, the organisation
    it is about); clusters (find, make, merge persons and organisations); one mention (names, role
    nouns, organisation nouns, documents, descriptions); pronouns (salience-ordered antecedents).
    Every `resolve` returns the cluster and the rule that chose it: the quote's speaker evidence.
    """

    def __init__(self, doc: Doc, quoted_tokens: set[int], text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.quoted = quoted_tokens
        self.clusters: list[Cluster] = []
        # Every earlier mention of a person or organisation, for pronouns: (char, cluster index).
        self.history: list[tuple[int, int]] = []
        # doc.ents and Span.ents build new Span objects on every access: read them once.
        self.ents = [e for e in doc.ents if e.label_ in ("PERSON", *_ORG_LABELS)]
        self._ent_clusters: dict[int, int] = {}  # entity start token -> its cluster, for pronouns
        self.full_names = self._full_person_names()
        self.expansions = self._acronym_expansions()
        self.paragraphs = ParagraphIndex(paragraphs(self.text))
        # "A spokesman for the department rubbished the report. He said: ...": role nouns as subjects.
        self.role_subjects = [
            t for t in syntax.tokens_with_lower(doc, resources.role_nouns())
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and t.i not in quoted_tokens and not t.ent_type_
        ]  # fmt: skip

    # ---- what the article itself tells about names -------------------------------------------
    def _full_person_names(self) -> dict[str, str]:
        """Surname -> the first full form of that person's name in the article."""
        names: dict[str, str] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                name = self._person_parts(ent.start, ent.start, ent.end).name
                parts = name.split()
                if len(parts) >= 2:
                    names.setdefault(parts[-1].lower(), name)
        return names

    def _acronym_expansions(self) -> dict[str, str]:
        """Acronym -> full name: as the article defines it ("... Fire & Rescue Services (HMICFRS)"),
        else from the initials of a named organisation."""
        found = acronym_definitions(self.text)
        for ent in self.ents:
            name = clean_name(ent.text)
            if short := acronym(name):
                found.setdefault(short, name)
        return found

    def _ents_in(self, start: int, end: int, labels: set[str] | tuple[str, ...]) -> list[SpacySpan]:
        return [e for e in self.ents if start <= e.start and e.end <= end and e.label_ in labels]

    def _salient_org(self) -> int | None:
        """The organisation the article is about, as a cluster index: the one that speaks most,
        then the one named most. "The watchdog" and "the report" resolve to it."""
        score: dict[int, int] = {}
        for ent in self.ents:
            if ent.label_ == "ORG" and (name := clean_name(ent.text)):
                index = self._org(name)
                score[index] = score.get(index, 0) + 1
        for index, cluster in enumerate(self.clusters):
            if cluster.type == "ORG" and cluster.mentions:
                score[index] = score.get(index, 0) + 3 * len(cluster.mentions)
        return max(sorted(score), key=lambda i: score[i]) if score else None

    def _person_parts(self, left: int, start: int, end: int) -> _PersonParts:
        """A person's name at tokens [start, end), with the title, honorific and organisation
        written before it from token `left` on: "NHS England chief executive Amanda Pritchard"."""
        doc = self.doc
        while start < end - 1 and is_title_word(doc[start]):  # an entity that took the title in
            start += 1
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].text in ("’s", "'s")):
            end -= 1
        title_start = start
        while title_start > left and is_title_word(doc[title_start - 1]):
            title_start -= 1
        gender, title = None, []
        for token in doc[title_start:start]:
            word = token.lower_.rstrip(".")
            if word in resources.honorifics():
                gender = resources.honorifics()[word]
            else:
                title.append(token.text)
        orgs = self._ents_in(left, title_start, _ORG_LABELS)
        return _PersonParts(
            doc[start:end].text,
            " ".join(title) or None,
            gender if gender in ("m", "f") else None,
            orgs[-1].text if orgs else None,
        )

    # ---- clusters ----------------------------------------------------------------------------
    def _find(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self.clusters) if key in c.keys), None)

    def _new(self, cluster: Cluster) -> int:
        self.clusters.append(cluster)
        return len(self.clusters) - 1

    def _person(self, parts: _PersonParts, apposition: tuple[str | None, str | None] = (None, None)) -> int:
        name, gender = parts.name, parts.gender
        title = parts.title or apposition[0]
        surname = name.split()[-1].lower()
        full = name if len(name.split()) > 1 else self.full_names.get(surname, name)
        found = self._find(f"person:{surname}")
        if found is None:
            found = self._new(Cluster("PERSON", full, keys={f"person:{surname}"}))
        cluster = self.clusters[found]
        if len(full.split()) > len((cluster.name or "").split()):
            cluster.name = full
        cluster.title = cluster.title or title
        cluster.organisation = cluster.organisation or parts.organisation or apposition[1]
        cluster.gender = cluster.gender or gender
        return found

    def _org(self, name: str) -> int:
        name = self.expansions.get(name, name)
        keys = org_keys(name)
        for key in sorted(keys):
            if (found := self._find(key)) is not None:
                self.clusters[found].keys |= keys
                return found
        return self._new(Cluster("ORG", name, keys=keys))

    def _anonymous(self, type_: SpeakerType, description: str) -> int:
        key = f"anon:{description.lower()}"
        found = self._find(key)
        return found if found is not None else self._new(Cluster(type_, None, description=description, keys={key}))

    # ---- one mention -------------------------------------------------------------------------
    def resolve(self, head: Token, bounds: tuple[int, int]) -> tuple[int | None, str]:
        """The cluster a speaker phrase stands for, and the rule that chose it (the speaker evidence)."""
        span = self.doc[bounds[0] : bounds[1]]
        found, evidence = self._resolve(head, span)
        if found is not None:
            self.clusters[found].mentions.append((span.start_char, span.end_char))
            self.history.append((span.start_char, found))
        return found, evidence

    def _resolve(self, head: Token, span: SpacySpan) -> tuple[int | None, str]:
        # "No-one could predict ...": the words are attributed (a belief), but to nobody who can
        # be named, and such a phrase must not become an antecedent for the next "he said".
        if syntax.names_nobody(head):
            return None, f"not a speaker: '{span.text}'"
        if head.pos_ == "PRON" and head.lower_ not in ("one",):
            return self._pronoun(head)
        named = self._person_name(head, span)
        if named is not None:
            return self._person(self._person_parts(span.start, *named), self._appositive(head)), "name"
        lemma = head.lemma_.lower()
        kind = resources.descriptors().get(lemma)
        if kind == "DOCUMENT":
            return self._document(head, span), "document"
        if head.lower_ in resources.role_nouns() or lemma in resources.role_nouns():
            return self._role(head, span)
        org = next(iter(self._ents_in(span.start, span.end, _ORG_LABELS)), None)
        # A capital at the start of a sentence says nothing: "Nurses said" is a group, not a name;
        # an acronym the article defines is a name wherever it stands.
        if org is not None or (head.tag_ == "NNP" and not head.is_sent_start) or head.text in self.expansions:
            return self._org(clean_name(org.text if org is not None else span.text)), "name"
        if kind == "ORG":
            salient = self._salient_org()
            if salient is not None:
                return salient, f"organisation noun: '{span.text}' -> the article's organisation"
            return self._anonymous("ORG", clean_name(span.text)), "description"
        plural = head.tag_ in ("NNS", "NNPS") or (head.is_sent_start and head.lower_.endswith("s"))
        return self._anonymous("GROUP" if plural else "PERSON", clean_name(span.text)), "description"

    def _role(self, head: Token, span: SpacySpan) -> tuple[int, str]:
        """ "the minister", "a spokesman for the Department of Health", "officials": the person named
        earlier with that role, else a speaker of its own described by the whole phrase."""
        plural = head.tag_ in ("NNS", "NNPS")
        titled = None if plural else self._titled_person(head)
        if titled is not None:
            return titled, f"role noun: '{span.text}' -> {self.clusters[titled].name}"
        end = min(head.right_edge.i + 1, span.start + 12)
        while end > head.i + 1 and (end - 1 in self.quoted or self.doc[end - 1].is_punct):
            end -= 1
        phrase = self.doc[span.start : max(end, span.end)]
        index = self._anonymous("GROUP" if plural else "PERSON", clean_name(phrase.text))
        orgs = self._ents_in(head.i + 1, phrase.end, _ORG_LABELS) or self._ents_in(span.start, head.i, _ORG_LABELS)
        cluster = self.clusters[index]
        cluster.organisation = cluster.organisation or (clean_name(orgs[0].text) if orgs else None)
        return index, "role noun: a speaker of its own"

    def _person_name(self, head: Token, span: SpacySpan) -> tuple[int, int] | None:
        """Token range of the person's name in a speaker phrase, if the phrase names a person:
        a PERSON entity, a known surname ("Santos"), a titled proper name ("chief executive Jo Bloggs"),
        or the name in apposition ("The health secretary, Wes Streeting, said")."""
        # "Mr Blair's official spokesman" is the spokesman: a possessor names someone else.
        people = [e for e in self._ents_in(span.start, span.end, {"PERSON"}) if e.root.dep_ != "poss" or head in e]
        if people:
            return people[0].start, people[0].end
        known = head.text[:1].isupper() and head.lower_ in self.full_names
        if head.pos_ == "PROPN" or known:
            start = head.i
            while start > span.start and self.doc[start - 1].pos_ == "PROPN" and not is_title_word(self.doc[start - 1]):
                start -= 1
            titled = start > span.start and is_title_word(self.doc[start - 1])
            if known or titled:
                return start, head.i + 1
        # "one of the Guildford Four, Gerry Conlon, said": a name set off in apposition, which the
        # parser hangs on the phrase or on the verb, between the phrase and the verb.
        verb = head.head
        for token in [*head.subtree, *(c for c in verb.children if head.i < c.i < verb.i)]:
            if token.ent_type_ != "PERSON" or token.i in self.quoted or token.dep_ not in ("appos", "npadvmod", "dep"):
                continue
            ent = next((e for e in self.ents if e.start <= token.i < e.end), None)
            if ent is not None and ent.start > 0 and self.doc[ent.start - 1].text in (",", "-", "—", "–", "("):
                return ent.start, ent.end
        return None

    def _appositive(self, head: Token) -> tuple[str | None, str | None]:
        """(title, organisation) from an apposition: "Jo Bloggs, a spokesman for Acme Corp," or
        "The health secretary, Wes Streeting," (the common noun is the title)."""
        role = head.pos_ == "NOUN" or head.lower_ in resources.role_nouns()
        if head.ent_type_ != "PERSON" and role:
            # The title runs up to the name: "HM inspector of constabulary Zoe Billingham".
            start, end = syntax.mention_bounds(head, self.quoted)
            name = next((e for e in self._ents_in(head.i + 1, end, {"PERSON"})), None)
            title_end = name.start if name is not None else head.i + 1
            title = clean_name(self.doc[start:title_end].text)
            orgs = self._ents_in(start, title_end, _ORG_LABELS) if name is not None else []
            return title or None, orgs[-1].text if orgs else None
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if appos is None:
            return None, None
        title = " ".join(t.text for t in appos.subtree if t.i <= appos.i and t.dep_ != "det" and not t.is_punct)
        orgs = self._ents_in(appos.left_edge.i, appos.right_edge.i + 1, _ORG_LABELS)
        return title or None, orgs[-1].text if orgs else None

    def _document(self, head: Token, span: SpacySpan) -> int | None:
        """A report speaks for its author: its possessor or modifier if named, else the article's
        organisation. "A leaked report", newly brought in with no author, is a document of its own."""
        for child in head.lefts:
            if child.dep_ in ("poss", "compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
                author = clean_name(self.doc[child.left_edge.i : child.i + 1].text)
                if resources.descriptors().get(author.lower().split()[-1] if author else "") == "ORG":
                    return self._salient_org()
                if child.pos_ == "PROPN" and author:
                    return self._org(author)
        if (stated := self._stated_author(head)) is not None:
            return stated
        if span[0].lower_ in ("the", "this", "these") and (earlier := self._last_document()) is not None:
            return earlier  # "The data", "the report": the document the article brought in before
        salient = None if span[0].lower_ in ("a", "an") else self._salient_org()
        return salient if salient is not None else self._anonymous("DOCUMENT", clean_name(span.text))

    def _last_document(self) -> int | None:
        """The document speaker most recently mentioned."""
        return next((i for _, i in reversed(self.history) if self.clusters[i].type == "DOCUMENT"), None)

    def _stated_author(self, head: Token) -> int | None:
        """The organisation the article says is behind the document, wherever it says so: "Acme,
        which commissioned the survey", "a study carried out by the university"."""
        for token in self.doc:
            if token.lemma_.lower() != head.lemma_.lower() or token.dep_ not in ("dobj", "nsubjpass"):
                continue
            verb = token.head
            if verb.lemma_.lower() not in resources.authoring_verbs():
                continue
            author = syntax.subject_of(verb) if token.dep_ == "dobj" else syntax.agent_of(verb)
            org = (
                next(iter(self._ents_in(author.left_edge.i, author.right_edge.i + 1, _ORG_LABELS)), None)
                if author
                else None
            )
            if org is not None:
                return self._org(clean_name(org.text))
        return None

    def _titled_person(self, head: Token) -> int | None:
        """ "the Deputy Chief Constable", "the minister": a person named earlier with that title."""
        word = head.lower_
        for index in reversed([i for _, i in self.history]):
            cluster = self.clusters[index]
            if cluster.type == "PERSON" and cluster.title and word in cluster.title.lower().split():
                return index
        return None

    def _pronoun(self, head: Token) -> tuple[int | None, str]:
        """The most salient compatible antecedent: the nearest speaker or main-clause subject in this
        paragraph or the one before, else a person named in this paragraph, else the nearest earlier
        compatible speaker or subject. Gender and number must agree; a closer candidate is never skipped."""
        word = head.lower_
        gender = _PRONOUN_GENDER.get(word)
        wanted = {"it": {"ORG", "DOCUMENT"}, "its": {"ORG", "DOCUMENT"}}.get(word)
        if word in _PLURAL_PRONOUNS:
            wanted = {"ORG", "GROUP"}
        elif gender:
            wanted = {"PERSON"}
        if wanted is None:
            return None, f"pronoun '{head.text}': not resolved"

        def fits(index: int) -> bool:
            cluster = self.clusters[index]
            return cluster.type in wanted and (gender is None or cluster.gender in (None, gender))

        here = self.paragraphs.index_of(head.idx)
        candidates = [(c, i, salient) for c, i, salient in self._candidates_before(head.idx) if fits(i)]
        steps = (
            ("nearest speaker or subject", lambda c, salient: salient and self.paragraphs.index_of(c) >= here - 1),
            ("person named in the paragraph", lambda c, salient: self.paragraphs.index_of(c) == here),
            ("earlier speaker or subject", lambda c, salient: salient),
        )
        for rule, allowed in steps:
            chosen = [i for c, i, salient in candidates if allowed(c, salient)]
            if chosen:
                if gender:
                    self.clusters[chosen[-1]].gender = gender
                antecedent = self.clusters[chosen[-1]]
                return chosen[-1], f"pronoun '{head.text}': {rule} -> {antecedent.name or antecedent.description}"
        return None, f"pronoun '{head.text}': no compatible antecedent"

    def _candidates_before(self, char: int) -> list[tuple[int, int, bool]]:
        """Antecedents mentioned before `char`, in text order, as (char, cluster, salient): speakers of
        earlier quotes and main-clause subjects (people, organisations, role nouns) are salient; other
        people named are candidates only within their paragraph."""
        seen = [(c, i, True) for c, i in self.history if c < char]
        for ent in self.ents:
            if ent.end_char > char or any(t.i in self.quoted for t in ent) or ent.label_ not in ("PERSON", "ORG"):
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.dep_ not in ("relcl", "acl")
            if not subject and ent.label_ != "PERSON":
                continue
            if ent.start not in self._ent_clusters:
                self._ent_clusters[ent.start] = (
                    self._person(self._person_parts(ent.start, ent.start, ent.end))
                    if ent.label_ == "PERSON"
                    else self._org(clean_name(ent.text))
                )
            seen.append((ent.start_char, self._ent_clusters[ent.start], subject))
        for token in self.role_subjects:
            if token.idx < char:
                if token.i not in self._ent_clusters:
                    bounds = syntax.mention_bounds(token, self.quoted)
                    self._ent_clusters[token.i] = self._role(token, self.doc[bounds[0] : bounds[1]])[0]
                seen.append((token.idx, self._ent_clusters[token.i], True))
        return sorted(seen)
