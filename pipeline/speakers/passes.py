"""The coreference sieve's passes: each a row (id, the mention kinds it takes, what it finds), most
precise first, as in the Stanford multi-pass sieve. A mention is resolved by the first row that
finds its speaker; that row's id is the quote's `speaker_evidence`, and its measured precision (by
`canonical.SPEAKER_CONFIDENCE`) the quote's `speaker_confidence`. What the passes share while they
run is the `Sieve` (sieve.py); the passes for phrases that point back are in anaphora.py and roles.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .. import resources
from ..text import syntax
from .anaphora import (
    age_epithet,
    content_subject,
    description_earlier,
    epithet_salient,
    members_of_named_body,
    named_next,
    org_epithet,
    org_head_noun,
    org_noun_salient,
    people_introduced,
)
from .introductions import appositive
from .names import body_noun, clean_name, group_noun, people_in_a_role
from .phrases import KINDS, ORG_LABELS, Mention, describes_a_share, joined_subject
from .roles import role_epithet, role_lead_person, role_salient, role_title
from .sieve import Sieve


# ---- names ----------------------------------------------------------------------------------------
def _named(sieve: Sieve, mention: Mention, inside: bool, words: int) -> int | None:
    """The person a phrase names, if the name stands inside the phrase (or set off beside it) and
    has at least `words` words once titles are taken off."""
    found = sieve.names.person_name(mention.head, mention.span)
    if found is None or (mention.span.start <= found[0] < mention.span.end) != inside:
        return None
    parts = sieve.names.person_parts(mention.span.start if inside else found[0], *found)
    if len(parts.name.split()) < words:
        return None
    return sieve.clusters.person(parts, appositive(sieve.names, mention.head), introduced=not inside)


def name_full(sieve: Sieve, mention: Mention) -> int | None:
    """ "Finance Minister Ana Lopes said": a person named in full, with the title written before."""
    return _named(sieve, mention, inside=True, words=2)


def name_apposition(sieve: Sieve, mention: Mention) -> int | None:
    """ "One of the campaigners, Tom Walker, said": a name set off beside a description speaks for it."""
    return _named(sieve, mention, inside=False, words=1)


def name_short(sieve: Sieve, mention: Mention) -> int | None:
    """ "Mr Forber", "Lopes": a surname, joined to the full name the article gives it."""
    return _named(sieve, mention, inside=True, words=1)


def acronym_name(sieve: Sieve, mention: Mention) -> int | None:
    """ "The IOPC": an acronym, joined to the organisation it stands for."""
    name = sieve.names.org_name(mention.head, mention.span)
    if name is None or name not in sieve.names.expansions:
        return None
    return sieve.clusters.org(name)


def name_organisation(sieve: Sieve, mention: Mention) -> int | None:
    """ "Acme Corp said", "The group, WeWorkers Coalition, said": an organisation by its name."""
    name = sieve.names.org_name(mention.head, mention.span)
    return sieve.clusters.org(name) if name else None


# ---- documents --------------------------------------------------------------------------------
def document_issuer(sieve: Sieve, mention: Mention) -> int | None:
    """A report speaks for who issued it, where the article says: "a report from Acme", "the
    IOPC's report", "a study carried out by the university", "Acme, which commissioned the survey",
    "The union released a statement ... the statement said"."""
    head = mention.head
    # "a report from Kotak Institutional Equities", "data by Acme", and "a study carried out by the
    # university", "an email sent out by the campaign": the agent of a verb of issuing it.
    issued = [c for c in head.rights if c.dep_ == "acl" and c.lemma_.lower() in resources.authoring_verbs()]
    for prep in [*head.rights, *(c for verb in issued for c in verb.children if c.dep_ == "agent")]:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by", "of"):
            source = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            org = next(iter(sieve.names.ents_in(source.left_edge.i, source.right_edge.i + 1, ORG_LABELS)), None)
            if org is not None and org.root == source:
                return sieve.clusters.org(clean_name(org.text))
            if org is None and body_noun(source) and source.tag_ == "NN":  # "the report by the committee"
                return sieve.resolve(sieve.mention_at(source))
            if org is None and source.pos_ == "PROPN" and not sieve.names.label_of(source):
                # "a statement from Facebook", a name the model did not type: as _stated_author reads it
                return _untyped_body(sieve, source)
    for child in head.lefts:
        if child.dep_ == "poss" and child.i not in sieve.quoted and _owned_by_someone(sieve, child):
            return sieve.resolve(sieve.mention_at(child))  # "Mr Reed's letter", "her letter"
        if child.dep_ in ("poss", "compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
            author = clean_name(sieve.doc[child.left_edge.i : child.i + 1].text)
            noun = author.lower().split()[-1] if author else ""
            if resources.descriptors().get(noun) == "ORG":
                # "the watchdog's report": the article's organisation; but "the committee's report"
                # the committee, as a speaker, a kind of body the article's organisation seldom is.
                specific = noun in resources.specific_bodies()
                return sieve.resolve(sieve.mention_at(child)) if specific else sieve.salient_org()
            # A proper name before the document is its issuer when it names an organisation, not
            # when it is the document's own title ("the Fleet Facts report from DataWorks").
            if child.pos_ == "PROPN" and author and (sieve.names.label_of(child) in ORG_LABELS or child.dep_ == "poss"):
                return sieve.clusters.org(author)
    stated = _stated_author(sieve, head)
    return stated if stated is not None else _speaking_in_it(sieve, mention)


def _untyped_body(sieve: Sieve, head: Token) -> int:
    """The body a proper name the model did not type stands for, as a document's issuer."""
    return sieve.clusters.org(clean_name(sieve.doc[head.left_edge.i : head.i + 1].text))


def _owned_by_someone(sieve: Sieve, owner: Token) -> bool:
    """A document's owner that is a person named or a pronoun ("Mr Reed's letter", "its report")."""
    return owner.pos_ == "PRON" or sieve.names.label_of(owner) == "PERSON"


def _speaking_in_it(sieve: Sieve, mention: Mention) -> int | None:
    """ "In a new case study out Monday, they detail how ...", "In a report released on Monday, the
    agency said ...": whoever speaks in a document of that noun, before this phrase, issued it."""
    head = mention.head
    for token in _same_documents(sieve, head):
        if token.i >= head.i:
            break
        # The document in the phrase that opens the sentence, before its first comma (the parser
        # may read "study" there as a verb, so the words are read, not the parse).
        opening = sieve.doc[token.sent.start : token.i]
        if not opening or opening[0].lower_ != "in" or len(opening) > 5 or any(t.text == "," for t in opening):
            continue
        root = token.sent.root
        speaker = syntax.subject_of(root) if root.pos_ in ("VERB", "AUX") and root.i > token.i else None
        if speaker is not None and speaker.i not in sieve.quoted and speaker.i != head.i:
            found = sieve.resolve(sieve.mention_at(speaker))
            if found is not None and sieve.clusters[found].type != "DOCUMENT":
                return found
    return None


def _same_documents(sieve: Sieve, head: Token) -> list[Token]:
    """Every word of the article with the document noun's lemma, in order (found on the Doc's
    arrays: a pass over every token for each document phrase costs a long article dearly)."""
    lemma = head.lemma_.lower()
    return syntax.tokens_with_lower(sieve.doc, frozenset({lemma, lemma.capitalize()}), attr="LEMMA")


def _stated_author(sieve: Sieve, head: Token) -> int | None:
    """Whoever the article says is behind the document, wherever it says so: an organisation, or a
    person, a group or a body it speaks of ("The victim's family released a statement ... the
    statement said"); none when it names two ("commissioned by Acme ... conducted by Sunovate": the
    document speaks for itself)."""
    authors: set[int] = set()
    for token in _same_documents(sieve, head):
        if token.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb = token.head
        if verb.lemma_.lower() not in resources.authoring_verbs():
            continue
        author = syntax.subject_of(verb) if token.dep_ == "dobj" else syntax.agent_of(verb)
        if author is None or author.i in sieve.quoted:
            continue
        ents = sieve.names.ents_in(author.left_edge.i, author.right_edge.i + 1, ORG_LABELS)
        if ents:
            authors.add(sieve.clusters.org(clean_name(ents[0].text)))
        elif author.pos_ == "PROPN" and sieve.names.label_of(author) != "PERSON":  # a name the model did not type
            authors.add(_untyped_body(sieve, author))
        elif (found := sieve.resolve(sieve.mention_at(author))) is not None:
            authors.add(found)
        else:
            return None  # an author the article does not make a speaker of: not knowing, say nothing
    return authors.pop() if len(authors) == 1 else None


def document_earlier(sieve: Sieve, mention: Mention) -> int | None:
    """ "The report", "the data": the document the article brought in before."""
    if mention.span[0].lower_ not in ("the", "this", "these"):
        return None
    return next(
        (i for c, _, i in reversed(sieve.history) if c < mention.char and sieve.clusters[i].type == "DOCUMENT"), None
    )


def document_salient_org(sieve: Sieve, mention: Mention) -> int | None:
    """ "The report", with no document brought in before: the organisation the article is about,
    if it speaks in the article (one only named is no more its issuer than any other); never a text
    it seldom issues ("The lawsuit says the company ..."), nor a headline's bare noun ("Coffee
    drinkers may live longer, study finds": some study, not the article's organisation's)."""
    if not mention.definite or mention.head.lemma_.lower() in resources.specific_bodies():
        return None
    return sieve.salient_org(lambda cluster: bool(cluster.mentions))


def document_own(sieve: Sieve, mention: Mention) -> int | None:
    """ "A leaked report", newly brought in with no issuer named: a document speaks for itself."""
    return sieve.clusters.anonymous("DOCUMENT", clean_name(mention.span.text))


# ---- what is left: descriptions, and pronouns ----------------------------------------------------
def description(sieve: Sieve, mention: Mention) -> int | None:
    """ "A former officer", "social workers", "the brokerage": a speaker kept under its description."""
    head = mention.head
    if describes_a_share(head) and (group := _share_of_the_same(sieve, mention)) is not None:
        return group
    if mention.kind == "role" or describes_a_share(head) or joined_subject(head) is not None:
        return sieve.own_description(mention)  # "a spokesman for the council", "half of them", "X and Y"
    plural = head.tag_ in ("NNS", "NNPS") or (head.is_sent_start and head.lower_.endswith("s"))
    plural = plural or people_in_a_role(head.text)  # "MPs" tagged singular
    org = body_noun(head) and not plural
    group = plural or group_noun(head)  # "the family"
    return sieve.clusters.anonymous("ORG" if org else "GROUP" if group else "PERSON", clean_name(mention.span.text))


def _share_of_the_same(sieve: Sieve, mention: Mention) -> int | None:
    """ "Only 42% of them say ... Half of them argue ...": shares of the group a pronoun stands
    for, in one paragraph or the next, speak for that one group."""
    pronoun = next((t for t in mention.head.subtree if t.dep_ == "pobj" and t.pos_ == "PRON"), None)
    if pronoun is None:
        return None
    here = sieve.paragraphs.index_of(mention.char)
    for at, _, index in reversed(sieve.history):
        description = (sieve.clusters[index].description or "").lower()
        near = here - 1 <= sieve.paragraphs.index_of(at)
        if at < mention.char and near and description.endswith(f" of {pronoun.lower_}"):
            return index
    return None


def _pronoun(sieve: Sieve, mention: Mention, allowed: Callable[[int, bool, int], bool]) -> int | None:
    """The nearest compatible antecedent that `allowed(char, salient, paragraph)` admits. Gender,
    number and animacy must agree (resources/pronouns.txt); a closer candidate is never skipped."""
    gender, wanted = resources.pronouns().get(mention.head.lower_, ("-", frozenset()))
    return sieve.nearest(mention, gender, wanted, allowed) if wanted else None


def pronoun_salient(sieve: Sieve, mention: Mention) -> int | None:
    """ "He said": the nearest speaker or main-clause subject in this paragraph or the one before."""
    return _pronoun(sieve, mention, lambda c, salient, here: salient and sieve.paragraphs.index_of(c) >= here - 1)


def pronoun_paragraph_person(sieve: Sieve, mention: Mention) -> int | None:
    """ "She said", with no speaker or subject near: a person named in the same paragraph."""
    return _pronoun(sieve, mention, lambda c, salient, here: sieve.paragraphs.index_of(c) == here)


def pronoun_named_near(sieve: Sieve, mention: Mention) -> int | None:
    """ "... questioned the minister, Ruth Kelly. She said ...", "Lopes said Mr Grant had warned her.
    He said ...": "he" or "she" with nobody of that gender speaking or the subject near is the
    nearest person of that gender the article named in this paragraph or the one before, as an
    object or in what someone reported; their gender must be known (a first name, an honorific)."""
    gender = resources.pronouns().get(mention.head.lower_, ("-", frozenset()))[0]
    if gender not in ("m", "f"):
        return None
    here = sieve.paragraphs.index_of(mention.char)
    named = [
        e for e in sieve.names.ents
        if e.label_ == "PERSON" and e.end_char <= mention.char and sieve.paragraphs.index_of(e.start_char) >= here - 1
        and not mention.span.start <= e.start < mention.span.end
    ]  # fmt: skip
    for ent in reversed(named):
        parts = sieve.names.person_parts(ent.start, ent.start, ent.end)
        if parts.gender == gender:
            return sieve.clusters.person(parts)
    return None


def pronoun_earlier(sieve: Sieve, mention: Mention) -> int | None:
    """ "They said", far from any: the nearest earlier speaker or subject that agrees."""
    return _pronoun(sieve, mention, lambda c, salient, here: salient)


@dataclass(frozen=True)
class SpeakerPass:
    """One row of the sieve: its id (the speaker evidence), the mention kinds it takes, and what it
    finds: a cluster index, or None to leave the mention to the rows below."""

    id: str
    kinds: frozenset[str]
    find: Callable[[Sieve, Mention], int | None]


def _row(id_: str, kinds: str, find: Callable[[Sieve, Mention], int | None]) -> SpeakerPass:
    return SpeakerPass(id_, frozenset(kinds.split()), find)


# Most precise first. A mention of kind "nobody" ("no-one", "everyone") matches no row: its words
# are kept with no speaker, and it is never an antecedent.
PASSES: tuple[SpeakerPass, ...] = (
    _row("name_full", "person", name_full),
    _row("name_apposition", "person", name_apposition),
    _row("name_short", "person", name_short),
    _row("acronym", "org", acronym_name),
    _row("name_organisation", "org", name_organisation),
    _row("role_title", "role", role_title),
    _row("content_subject", "org_noun pronoun", content_subject),
    _row("org_head_noun", "role org_noun description", org_head_noun),
    _row("named_next", "role org_noun description", named_next),
    _row("members_of_named_body", "role description", members_of_named_body),
    _row("document_issuer", "document", document_issuer),
    _row("document_earlier", "document", document_earlier),
    _row("document_salient_org", "document", document_salient_org),
    _row("document_own", "document", document_own),
    _row("description_earlier", "role org_noun description", description_earlier),
    _row("people_introduced", "role description", people_introduced),
    _row("role_lead_person", "role", role_lead_person),
    _row("role_epithet", "role", role_epithet),
    _row("role_salient", "role", role_salient),
    _row("org_epithet", "org_noun", org_epithet),
    _row("org_noun_salient", "org_noun", org_noun_salient),
    _row("age_epithet", "epithet", age_epithet),
    _row("epithet_salient", "epithet", epithet_salient),
    _row("description", "role org_noun description epithet", description),
    _row("pronoun_salient", "pronoun", pronoun_salient),
    _row("pronoun_paragraph_person", "pronoun", pronoun_paragraph_person),
    _row("pronoun_named_near", "pronoun", pronoun_named_near),
    _row("pronoun_earlier", "pronoun", pronoun_earlier),
)
# Tried on a role noun subject before it stands as an antecedent ("The mayor, Ana Lopes, said ...
# She added": "She" is Ana Lopes, not a speaker "the mayor" of her own).
ROLE_SUBJECT_FINDERS = (name_full, name_apposition, role_title, role_lead_person, role_salient)
# Tried on a body's or a group's noun subject ("The regulator fined Skyway. It said ...", "Residents
# opposed it. They said ..."): as that noun would be as a speaker, the rows for its kind in order,
# so that "it" finds the body, not the one it fined.
FINDERS_BY_KIND = {kind: tuple(row.find for row in PASSES if kind in row.kinds) for kind in KINDS}
