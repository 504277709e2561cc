"""The coreference sieve's passes: each a row (id, the mention kinds it takes, what it finds), most
precise first, as in the Stanford multi-pass sieve. A mention is resolved by the first row that
finds its speaker; that row's id is the quote's `speaker_evidence`, and its measured precision (by
`canonical.SPEAKER_CONFIDENCE`) the quote's `speaker_confidence`. What the passes share while they
run is the `Sieve` (sieve.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .. import resources
from ..text import syntax
from .entities import written_age
from .mentions import KINDS, ORG_LABELS, Introduction, Mention, describes_a_share
from .names import body_noun, clean_name, name_head, role_words
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
    return sieve.clusters.person(parts, sieve.names.appositive(mention.head))


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


# ---- descriptions that point back ------------------------------------------------------------------
def role_title(sieve: Sieve, mention: Mention) -> int | None:
    """ "The minister", "the Wikileaks founder", "the senator" after "Sen. Ann Byrne": the person the
    article introduced, before this phrase, with that title or role (each read through
    resources/role_forms.txt), the nearest first."""
    if mention.head.tag_ in ("NNS", "NNPS"):
        return None
    head = mention.head
    # "the CEO" -> chief executive: the role's last word is what a title must hold, the words
    # before it are what the introduction must have said.
    written = [t.text for t in mention.span if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "punct")]
    words = role_words(" ".join(written))
    if not words:
        return None
    word, own = words[-1], set(words[:-1])
    # "the congresswoman" is not "Rep. Tom Reed": a gender the role noun says must not disagree.
    gender = resources.gendered_nouns().get(head.lower_)

    def agrees(other: str | None) -> bool:
        return gender is None or other is None or other == gender

    # (char, the cluster of a speaker named with the title, or the introduction that gave it)
    titled: list[tuple[int, int | Introduction]] = []
    for at, _, index in sieve.history:
        cluster = sieve.clusters[index]
        if (
            at < mention.char and cluster.type == "PERSON" and word in role_words(cluster.title or "")
            and agrees(cluster.gender)
        ):  # fmt: skip
            titled.append((at, index))
    pointing_back = mention.definite or any(c.dep_ == "poss" for c in head.lefts)
    said = set(role_words(mention.span.text))
    for intro in sieve.names.introductions if pointing_back else []:  # not "a spokesman", a new one
        title = set(role_words(intro.parts.title or ""))
        # "Former Prime Minister John Major" is not "the prime minister", nor "shadow chancellor
        # Ann Lee" "the chancellor": a word that makes it another office must be said again.
        other_office = (title & resources.other_office_words()) - said
        # "The Labour leader" is not "Tory leader Ann Lee": the phrase's own words must fit too.
        fits = own <= intro.words
        if intro.char < mention.char and word in title and not other_office and fits and agrees(intro.parts.gender):
            titled.append((intro.char, intro))
    if not titled:
        return None
    _, found = max(titled, key=lambda pair: pair[0])
    return found if isinstance(found, int) else sieve.clusters.person(found.parts)


def org_head_noun(sieve: Sieve, mention: Mention) -> int | None:
    """ "The trust", "the committee", "the union": the organisation named before whose name is built
    on that noun ("United Lincolnshire Hospitals NHS Trust", "National Union of Teachers"), the
    nearest first."""
    if not mention.definite or mention.head.tag_ not in ("NN", "NNP"):
        return None
    word = mention.head.lemma_.lower()
    # The nearest before it of: a speaker phrase with that head ("a group ... the group"), an
    # organisation whose name ends in it, or one named beside it ("The group, WeWorkers Coalition,").
    # Words of its own ("the French foreign ministry") must stand in the antecedent's name too.
    own = {t.lower_ for t in mention.head.subtree if t.i < mention.head.i and t.dep_ not in ("det", "punct")}

    def same(label: str) -> bool:
        return own <= set(label.lower().split())

    # ... or a speaker before whose name is built on it ("Labour": the Labour Party).
    found = [
        (c, i) for c, lemma, i in sieve.history
        if c < mention.char and (lemma == word or _built_on(sieve.clusters[i].name or "", word))
    ]  # fmt: skip
    found = [(c, i) for c, i in found if sieve.clusters[i].type in ("ORG", "GROUP") and same(sieve.clusters[i].label)]
    for ent in sieve.names.ents:
        if ent.label_ != "ORG" or ent.start_char >= mention.char or any(t.i in sieve.quoted for t in ent):
            continue
        name = clean_name(ent.text)
        ends_in_it = len(name.split()) > 1 and name_head(name) == word
        named_beside_it = ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() == word
        if name and (ends_in_it or named_beside_it) and same(name):
            found.append((ent.start_char, sieve.clusters.org(name)))
    return max(found)[1] if found else None


def _built_on(name: str, word: str) -> bool:
    """Whether an organisation's name, or the name it goes by (resources/org_aliases.txt: "Labour"
    is the Labour Party), is built on `word`."""
    full = resources.org_aliases().get(name.lower(), name)
    return len(full.split()) > 1 and name_head(full) == word


def named_next(sieve: Sieve, mention: Mention) -> int | None:
    """ "..., according to a group of employees. The group, WeWorkers Coalition, said": a body or
    person brought in by description and named where the same noun next stands, as "the" noun
    with a name beside it, within that paragraph or the next."""
    head = mention.head
    if mention.span[0].lower_ not in ("a", "an") or head.tag_ != "NN":
        return None
    here = sieve.paragraphs.index_of(head.idx)
    for token in sieve.doc[head.i + 1 : head.i + 1 + _NEXT_WITHIN]:
        if sieve.paragraphs.index_of(token.idx) > here + 1:
            return None
        if token.lemma_.lower() != head.lemma_.lower() or token.i in sieve.quoted:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None  # "a group" again, another group: the next mention must point back
        named = next((c for c in token.children if c.dep_ == "appos" and sieve.names.label_of(c) in _NAMED), None)
        ent = next((e for e in sieve.names.ents if named is not None and e.start <= named.i < e.end), None)
        if ent is None:
            return None
        if ent.label_ == "PERSON":
            return sieve.clusters.person(sieve.names.person_parts(ent.start, ent.start, ent.end))
        return sieve.clusters.org(clean_name(ent.text))
    return None


# How far on the noun may stand again (tokens): a sentence or two, as news writes it.
_NEXT_WITHIN = 120
_NAMED = ("ORG", "PERSON")


def members_of_named_body(sieve: Sieve, mention: Mention) -> int | None:
    """ "Prosecutors said", "Police said": people named by their institution's work speak for the one
    body of that work the article names ("the Swedish Prosecution Authority", "Dallas Police
    Department"), when it names exactly one."""
    head = mention.head
    if head.tag_ not in ("NNS", "NNPS") or mention.span[0].lower_ in ("a", "an", "some", "two", "three", "many"):
        return None
    stem = head.lemma_.lower()[:_STEM]
    if len(stem) < 5:
        return None
    names = {
        clean_name(e.text) for e in sieve.names.ents
        if e.label_ == "ORG" and not any(t.i in sieve.quoted for t in e)
        and any(w.lower().startswith(stem) for w in e.text.split()[1:])
    }  # fmt: skip
    return sieve.clusters.org(names.pop()) if len(names) == 1 else None


# Words of one root share their first letters: "prosecutors", "Prosecution"; "police", "Police".
_STEM = 7


def org_noun_salient(sieve: Sieve, mention: Mention) -> int | None:
    """ "The watchdog", "the company": the organisation the article is about. Not "a group" (a new
    one) nor "courts" (several): those are described, not pointed back at."""
    if mention.span[0].lower_ in ("a", "an", "another", "one") or mention.head.tag_ in ("NNS", "NNPS"):
        return None
    if mention.head.lemma_.lower() in resources.specific_bodies():
        return None  # "the committee" that no named body is: a speaker of its own, not the company
    return sieve.salient_org()


# ---- documents --------------------------------------------------------------------------------
def document_issuer(sieve: Sieve, mention: Mention) -> int | None:
    """A report speaks for who issued it, where the article says: "a report from Acme", "the
    IOPC's report", "a study carried out by the university", "Acme, which commissioned the survey"."""
    head = mention.head
    for prep in head.rights:  # "a report from Kotak Institutional Equities", "data by Acme"
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            source = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            org = next(iter(sieve.names.ents_in(source.left_edge.i, source.right_edge.i + 1, ORG_LABELS)), None)
            if org is not None and org.root == source:
                return sieve.clusters.org(clean_name(org.text))
    for child in head.lefts:
        if child.dep_ in ("poss", "compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
            author = clean_name(sieve.doc[child.left_edge.i : child.i + 1].text)
            if resources.descriptors().get(author.lower().split()[-1] if author else "") == "ORG":
                return sieve.salient_org()
            # A proper name before the document is its issuer when it names an organisation, not
            # when it is the document's own title ("the Fleet Facts report from DataWorks").
            if child.pos_ == "PROPN" and author and (sieve.names.label_of(child) in ORG_LABELS or child.dep_ == "poss"):
                return sieve.clusters.org(author)
    return _stated_author(sieve, head)


def _stated_author(sieve: Sieve, head: Token) -> int | None:
    """The organisation the article says is behind the document, wherever it says so."""
    for token in sieve.doc:
        if token.lemma_.lower() != head.lemma_.lower() or token.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb = token.head
        if verb.lemma_.lower() not in resources.authoring_verbs():
            continue
        author = syntax.subject_of(verb) if token.dep_ == "dobj" else syntax.agent_of(verb)
        ents = sieve.names.ents_in(author.left_edge.i, author.right_edge.i + 1, ORG_LABELS) if author else []
        if ents:
            return sieve.clusters.org(clean_name(ents[0].text))
    return None


def document_earlier(sieve: Sieve, mention: Mention) -> int | None:
    """ "The report", "the data": the document the article brought in before."""
    if mention.span[0].lower_ not in ("the", "this", "these"):
        return None
    return next(
        (i for c, _, i in reversed(sieve.history) if c < mention.char and sieve.clusters[i].type == "DOCUMENT"), None
    )


def document_salient_org(sieve: Sieve, mention: Mention) -> int | None:
    """ "The report", with no document brought in before: the organisation the article is about."""
    return None if mention.span[0].lower_ in ("a", "an") else sieve.salient_org()


def document_own(sieve: Sieve, mention: Mention) -> int | None:
    """ "A leaked report", newly brought in with no issuer named: a document speaks for itself."""
    return sieve.clusters.anonymous("DOCUMENT", clean_name(mention.span.text))


def description_earlier(sieve: Sieve, mention: Mention) -> int | None:
    """ "A Skyway spokesman said ... The spokesman added", "Residents said ... The residents": a
    definite phrase to the nearest speaker before it described with the same head noun and no
    name, when the phrase's own words stand in that description too ("the Skyway spokesman", not
    "the union spokesman")."""
    head = mention.head
    if not mention.definite:
        return None
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    own = {t.lower_ for t in mention.span if t.i < head.i and t.dep_ not in ("det", "poss", "case", "punct")}
    for at, said, index in reversed(sieve.history):
        cluster = sieve.clusters[index]
        if at >= mention.char or said != lemma or cluster.name is not None or not cluster.description:
            continue
        if (cluster.type == "GROUP") != plural and cluster.type != "ORG":
            continue  # "a spokesman ... the spokesmen" are others
        if own <= set(cluster.description.lower().split()):
            return index
    return None


# ---- a person named again by age, origin or party ----------------------------------------------
def age_epithet(sieve: Sieve, mention: Mention) -> int | None:
    """ "Tom Reed, 28, was convicted. The 28-year-old said ...": the person the article gave that
    age before this phrase, the nearest first."""
    age = written_age(mention.span)
    given = [parts for at, years, parts in sieve.names.ages if years == age and at < mention.char]
    return sieve.clusters.person(given[-1]) if given else None


def epithet_salient(sieve: Sieve, mention: Mention) -> int | None:
    """ "Pierre Dubois won. The Frenchman said ...": as "he" or "she" would, the nearest person
    speaking or the subject of a main clause in this paragraph or the one before, of the gender
    the noun says ("Frenchwoman")."""
    gender = resources.person_epithets().get(mention.head.lower_, "-")
    return sieve.nearest(
        mention, gender, frozenset({"PERSON"}),
        lambda c, salient, here: salient and sieve.paragraphs.index_of(c) >= here - 1,
    )  # fmt: skip


# ---- what is left: descriptions, and pronouns ----------------------------------------------------
def description(sieve: Sieve, mention: Mention) -> int | None:
    """ "A former officer", "social workers", "the brokerage": a speaker kept under its description."""
    head = mention.head
    if mention.kind == "role" or describes_a_share(head):
        return sieve.own_description(mention)  # "a spokesman for the council", "half of them"
    plural = head.tag_ in ("NNS", "NNPS") or (head.is_sent_start and head.lower_.endswith("s"))
    org = body_noun(head) and not plural
    group = plural or resources.descriptors().get(head.lemma_.lower()) == "GROUP"  # "the family"
    return sieve.clusters.anonymous("ORG" if org else "GROUP" if group else "PERSON", clean_name(mention.span.text))


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
    _row("org_head_noun", "role org_noun description", org_head_noun),
    _row("named_next", "role org_noun description", named_next),
    _row("members_of_named_body", "role description", members_of_named_body),
    _row("document_issuer", "document", document_issuer),
    _row("document_earlier", "document", document_earlier),
    _row("document_salient_org", "document", document_salient_org),
    _row("document_own", "document", document_own),
    _row("description_earlier", "role org_noun description", description_earlier),
    _row("org_noun_salient", "org_noun", org_noun_salient),
    _row("age_epithet", "epithet", age_epithet),
    _row("epithet_salient", "epithet", epithet_salient),
    _row("description", "role org_noun description epithet", description),
    _row("pronoun_salient", "pronoun", pronoun_salient),
    _row("pronoun_paragraph_person", "pronoun", pronoun_paragraph_person),
    _row("pronoun_earlier", "pronoun", pronoun_earlier),
)
# Tried on a role noun subject before it stands as an antecedent ("The mayor, Ana Lopes, said ...
# She added": "She" is Ana Lopes, not a speaker "the mayor" of her own).
ROLE_SUBJECT_FINDERS = (name_full, name_apposition, role_title)
# Tried on a body's or a group's noun subject ("The regulator fined Skyway. It said ...", "Residents
# opposed it. They said ..."): as that noun would be as a speaker, the rows for its kind in order,
# so that "it" finds the body, not the one it fined.
FINDERS_BY_KIND = {kind: tuple(row.find for row in PASSES if kind in row.kinds) for kind in KINDS}
