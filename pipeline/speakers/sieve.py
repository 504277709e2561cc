"""What the coreference sieve's passes share while one article's speaker phrases are resolved: the
article's names, the clusters built so far, and every mention resolved so far (for pronouns and role
nouns, which point back), with the antecedents a pronoun may take.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import resources
from ..text import syntax
from ..text.paragraphs import ParagraphIndex, paragraphs
from .clusters import Cluster, Clusters
from .introductions import Introduction, introductions
from .kinds import mention_kind
from .mentions import ArticleNames
from .names import body_noun, clean_name, group_noun, people_in_a_role
from .phrases import ORG_LABELS, Mention, describes_a_share, joined_subject

# A pass: the cluster it finds for a mention, or None.
Finder = Callable[["Sieve", Mention], "int | None"]


# How many phrases one phrase's resolution may pass through (a statement to its issuer, a pronoun
# to its antecedent, ...): real chains are two or three long.
RESOLVE_DEPTH = 8


class Sieve:
    """The state the passes share while one article's speaker phrases are resolved."""

    def __init__(
        self,
        doc: Doc,
        quoted: set[int],
        text: str,
        role_finders: tuple[Finder, ...] = (),
        finders_by_kind: dict[str, tuple[Finder, ...]] | None = None,
    ) -> None:
        self.doc = doc
        # The passes that resolve a role noun subject before it stands as an antecedent (a name it
        # gives, the person introduced with that role), and those for each kind of phrase, which
        # resolve a body's or a group's noun subject ("The regulator fined Skyway. It said ...",
        # "Residents opposed it. They said ..."); given by the pass table, which sits above.
        self.role_finders = role_finders
        self.finders_by_kind = finders_by_kind or {}
        self.quoted = quoted
        self.names = ArticleNames(doc, quoted, text)
        self.clusters = Clusters(
            self.names.full_names, self.names.expansions, self.names.short_names, self.names.namesakes
        )
        # Every mention resolved so far, for pronouns, role and organisation nouns that point back:
        # (char, head word's lemma, cluster index).
        self.history: list[tuple[int, str, int]] = []
        self.paragraphs = ParagraphIndex(paragraphs(text))
        self._ent_clusters: dict[int, int] = {}  # entity (or role subject) start token -> its cluster
        self._joined_clusters: dict[int, int] = {}  # first of subjects joined by "and" -> their group
        self._noun_clusters: dict[int, int | None] = {}  # a body's noun subject -> what it stands for
        self._depth = 0  # phrases being resolved, one inside another (`resolve`)
        # "A spokesman for the department rubbished the report. He said: ...": role nouns as subjects.
        self.role_subjects = [
            t for t in syntax.tokens_with_lower(doc, resources.role_nouns())
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and t.i not in quoted and not t.ent_type_
        ]  # fmt: skip
        # "The regulator fined Skyway. It said ...": a body's or a group's noun ("the regulator",
        # "the family": resources/descriptors.txt), singular and definite, as a subject; "Residents
        # opposed it. They said ...": people in a role, plural (resources/role_nouns.txt). "The
        # committee's report criticised the agency. It said ...": a document's noun too, which
        # speaks for its issuer as it would as a speaker.
        people = resources.role_nouns() | _group_nouns()
        self.noun_subjects = [
            t for t in syntax.tokens_with_lower(doc, _subject_noun_lemmas(), attr="LEMMA")
            if t.dep_ in ("nsubj", "nsubjpass") and t.i not in quoted and not t.ent_type_ and (
                (t.tag_ in ("NNS", "NNPS") or group_noun(t)) and t.lemma_.lower() in people
                or t.tag_ in ("NN", "NNP") and (body_noun(t) or _document_noun(t))
                and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in t.children)
            )
        ]  # fmt: skip

    @cached_property
    def introductions(self) -> list[Introduction]:
        """The people the article introduces with a title or role, in text order."""
        return introductions(self.names)

    @cached_property
    def joined_subjects(self) -> list[Token]:
        """Subjects joined by "and" ("The governor and leaders of the legislature met"): together a
        group that "they" may point back at."""
        return [
            t for t in syntax.tokens_with_lower(self.doc, frozenset({"and"}))
            if t.dep_ == "cc" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.i not in self.quoted
            and any(c.dep_ == "conj" for c in t.head.children)
        ]  # fmt: skip

    def record(self, mention: Mention, cluster: int) -> None:
        self.clusters[cluster].mentions.append((mention.span.start_char, mention.span.end_char))
        self.history.append((mention.char, mention.head.lemma_.lower(), cluster))

    def salient_org(self, fits: Callable[[Cluster], bool] = lambda cluster: True) -> int | None:
        """The organisation the article is about, of those that `fits` admits: the one that speaks
        most, then the one named most."""
        score: dict[int, int] = {}
        for ent in self.names.ents:
            if ent.label_ == "ORG" and (name := clean_name(ent.text)):
                index = self.clusters.org(name)
                score[index] = score.get(index, 0) + 1
        for index, cluster in enumerate(self.clusters.all):
            if cluster.type == "ORG" and cluster.mentions:
                score[index] = score.get(index, 0) + 3 * len(cluster.mentions)
        score = {i: points for i, points in score.items() if fits(self.clusters[i])}
        return max(sorted(score), key=lambda i: score[i]) if score else None

    def own_description(self, mention: Mention) -> int:
        """A speaker of its own, described by the whole phrase, with its organisation if it names one."""
        head, span = mention.head, mention.span
        joined = joined_subject(head)
        plural = head.tag_ in ("NNS", "NNPS") or describes_a_share(head) or group_noun(head)  # "police"
        plural = plural or joined is not None or people_in_a_role(head.text)  # "X and Y", "MPs" tagged singular
        end = min(head.right_edge.i + 1, span.start + 12)
        if joined is not None:  # "Paganini and his team": the whole of the joined phrase
            span = self.doc[min(span.start, head.left_edge.i) : max(span.end, joined.right_edge.i + 1)]
            end = max(end, joined.right_edge.i + 1)
        # Not the clause that reports them ("the mayor, who said the law was unfair"): it is the quote;
        # nor the reporting verb the parser hung on them ('“...,” the patient described in a report').
        # Nor a relative clause set off by a comma ("the minister, who met Jo Bloggs last week,"):
        # it says more of them, it is not what they are called.
        # ("a spokesperson for the company, who asked not to be named": hung on "company", it is still
        # said of the spokesperson).
        for clause in [*head.rights, *(t for t in self.doc[head.i + 1 : end] if t.dep_ == "relcl")]:
            set_off = self.doc[clause.left_edge.i - 1].text == ","
            relative = clause.dep_ == "relcl" and (syntax.reports_speech(clause) or set_off)
            if relative or (clause.dep_ == "acl" and syntax.is_cue(clause)):
                end = min(end, clause.left_edge.i)
        while end > head.i + 1 and (end - 1 in self.quoted or self.doc[end - 1].is_punct):
            end -= 1
        phrase = self.doc[span.start : max(end, span.end)]
        index = self.clusters.anonymous("GROUP" if plural else "PERSON", clean_name(phrase.text))
        ents = self.names.ents_in
        orgs = ents(head.i + 1, phrase.end, ORG_LABELS) or ents(span.start, head.i, ORG_LABELS)
        cluster = self.clusters[index]
        cluster.organisation = cluster.organisation or (clean_name(orgs[0].text) if orgs else None)
        return index

    def candidates_before(self, char: int) -> list[tuple[int, int, bool]]:
        """Antecedents mentioned before `char`, in text order, as (char, cluster, salient): speakers of
        earlier quotes and main-clause subjects (people, organisations, role nouns) are salient; other
        people named are candidates only within their paragraph."""
        seen = [(c, i, True) for c, _, i in self.history if c < char]
        for ent, subject in self._named_antecedents:
            if ent.end_char > char:
                continue
            if ent.start not in self._ent_clusters:
                self._ent_clusters[ent.start] = (
                    self.clusters.person(self.names.person_parts(ent.start, ent.start, ent.end))
                    if ent.label_ == "PERSON"
                    else self.clusters.org(clean_name(ent.text))
                )
            seen.append((ent.start_char, self._ent_clusters[ent.start], subject))
        for joiner in self.joined_subjects:
            first = joiner.head
            if first.idx < char:
                if first.i not in self._joined_clusters:
                    phrase = self.doc[first.left_edge.i : first.right_edge.i + 1]
                    self._joined_clusters[first.i] = self.clusters.anonymous("GROUP", clean_name(phrase.text))
                seen.append((first.left_edge.idx, self._joined_clusters[first.i], True))
        for token in self.role_subjects:
            if token.idx < char and _main_clause(token.head):
                if token.i not in self._ent_clusters:
                    bounds = syntax.mention_bounds(token, self.quoted)
                    role = Mention(token, self.doc[bounds[0] : bounds[1]], "role")
                    self._ent_clusters[token.i] = self._role_subject(role)
                seen.append((token.idx, self._ent_clusters[token.i], True))
        for token in self.noun_subjects:
            if token.idx < char and _main_clause(token.head):
                if token.i not in self._noun_clusters:  # None too: a noun no row finds stays unfound
                    self._noun_clusters[token.i] = self.resolve(self.mention_at(token))
                found = self._noun_clusters[token.i]
                if found is not None:
                    seen.append((token.idx, found, True))
        return sorted(seen)

    @cached_property
    def _named_antecedents(self) -> list[tuple[SpacySpan, bool]]:
        """The people and organisations named outside quotes that may be antecedents, in text
        order, each with whether it is salient: main-clause subjects, and bodies whose thing is one
        ("Acme Energy's plans were rejected by the regulator. It said ...": what the sentence is
        about); a person named anywhere is a candidate within their paragraph."""
        found = []
        for ent in self.names.ents:
            if any(t.i in self.quoted for t in ent) or ent.label_ not in ("PERSON", "ORG"):
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass") and _main_clause(ent.root.head)
            last = ent[-1]  # the possessive's word, however the parser hung the rest of the name
            owner = last.dep_ == "poss" and last.head.dep_ in ("nsubj", "nsubjpass")
            subject = subject or (owner and ent.label_ == "ORG" and _main_clause(last.head.head))
            if subject or ent.label_ == "PERSON":
                found.append((ent, bool(subject)))
        return found

    def mention_at(self, head: Token) -> Mention:
        """The phrase a token heads, read as a speaker phrase would be."""
        bounds = syntax.mention_bounds(head, self.quoted)
        span = self.doc[bounds[0] : bounds[1]]
        return Mention(head, span, mention_kind(self.names, head, span))

    def resolve(self, mention: Mention) -> int | None:
        """The cluster the rows for the mention's kind find, in the table's order (None: none does).
        A row may resolve another phrase the article points back at ("the statement" its issuer,
        "the researchers" a team brought in before): past RESOLVE_DEPTH such steps, nothing is found
        (a long article's hundred "researchers" would otherwise chain into Python's recursion limit)."""
        if self._depth >= RESOLVE_DEPTH:
            return None
        self._depth += 1
        try:
            finders = self.finders_by_kind.get(mention.kind, ())
            return next((i for find in finders if (i := find(self, mention)) is not None), None)
        finally:
            self._depth -= 1

    def nearest(
        self, mention: Mention, gender: str, wanted: frozenset[str], allowed: Callable[[int, bool, int], bool]
    ) -> int | None:
        """The nearest antecedent before the mention of a type in `wanted`, of `gender` (m, f or -) or
        of no known gender, that `allowed(char, salient, paragraph)` admits."""
        head = mention.head

        def fits(index: int) -> bool:
            cluster = self.clusters[index]
            return cluster.type in wanted and (gender == "-" or cluster.gender in (None, gender))

        here = self.paragraphs.index_of(head.idx)
        chosen = [
            i for c, i, salient in self.candidates_before(head.idx)
            if fits(i) and allowed(c, salient, here)
        ]  # fmt: skip
        if not chosen:
            return None
        if gender != "-":
            self.clusters[chosen[-1]].gender = gender
        return chosen[-1]

    def _role_subject(self, role: Mention) -> int:
        """A role noun subject as an antecedent: the person it names ("The mayor, Ana Lopes,"), else
        the one introduced with that role, else a speaker of its own."""
        for find in () if role.head.tag_ == "NNS" else self.role_finders:
            if (found := find(self, role)) is not None:
                return found
        return self.own_description(role)


@resources.derived
def _group_nouns() -> frozenset[str]:
    return frozenset(w for w, kind in resources.descriptors().items() if kind == "GROUP")


def _document_noun(token: Token) -> bool:
    return resources.descriptors().get(token.lemma_.lower()) == "DOCUMENT"


@resources.derived
def _subject_noun_lemmas() -> frozenset[str]:
    """Lemmas of the nouns that may stand as subjects pointed back at (bodies, documents, groups,
    people in a role), in lower case and capitalised (a sentence's first word keeps its capital in the lemma)."""
    words = frozenset(w for w, kind in resources.descriptors().items() if kind in ("ORG", "DOCUMENT"))
    words |= resources.role_nouns() | _group_nouns()
    return words | {w.capitalize() for w in words}


def _main_clause(verb: Token) -> bool:
    """The sentence's own clause (or one joined to it by "and"), not one inside it: in "Reed said
    that Grant had left. He added ...", Grant is no antecedent "he" takes over the speaker."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"
