"""Sieve passes for phrases that point back at someone the article named or described before:
a body's noun ("the union", "the company"), people named by their work ("Prosecutors said"), a
description said again ("the spokesman"), and a person named again by age, origin or party ("the
28-year-old", "the Frenchman"). Roles ("the minister") are in roles.py; the table of passes is in
passes.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import resources
from ..text import syntax
from .clusters import Cluster
from .name_words import written_age
from .names import clean_name, group_noun, is_party, name_head, role_words
from .phrases import Mention
from .sieve import Sieve


# ---- descriptions that point back ------------------------------------------------------------------
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
        if ent.label_ not in ("ORG", "NORP") or ent.start_char >= mention.char or any(t.i in sieve.quoted for t in ent):
            continue
        name = clean_name(ent.text)
        if ent.label_ == "NORP" and not _built_on(name, word):
            continue  # "The Conservatives ... the party": a party the model typed as a people
        words = name.lower().split()
        ends_in_it = (len(words) > 1 and word in (name_head(name), words[-1])) or _built_on(name, word)
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
        titled = _titled_person(sieve, token)
        if titled is not None:  # "A federal judge blocked ... U.S. District Judge Maria Santos wrote"
            return titled
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


def _titled_person(sieve: Sieve, token: Token) -> int | None:
    """The person whose name `token` opens as a title ("Judge" of "District Judge Maria Santos")."""
    ent = next((e for e in sieve.names.ents if e.label_ == "PERSON" and e.start <= token.i + 1 < e.end), None)
    if ent is None or token.dep_ != "compound" or not ent.start <= token.head.i < ent.end:
        return None
    return sieve.clusters.person(sieve.names.person_parts(ent.start, ent.start, ent.end))


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


def _nouns_said(head: Token) -> set[str]:
    """A body's noun with the nouns written before it ("the campaign group": group, campaign)."""
    return {head.lemma_.lower()} | {c.lemma_.lower() for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}


def org_epithet(sieve: Sieve, mention: Mention) -> int | None:
    """ "The TUC said ... The union body said", "The BMA said ... The doctors' union said": a body's
    noun of a kind the article's main organisation seldom is ("union", "union body", "think tank"),
    definite, with a body the last speaker, in this paragraph or the one before and no other body
    named since, is that body's epithet, when its name gives no other noun ("TUC", not "Harbury
    Council": "the union" after the council is another body) and the kinds agree."""
    word = mention.head.lemma_.lower()
    if not mention.definite or not _nouns_said(mention.head) & resources.specific_bodies() or not sieve.history:
        return None
    at, _, index = max((h for h in sieve.history if h[0] < mention.char), default=(-1, "", -1))
    cluster = sieve.clusters[index] if index >= 0 else None
    if cluster is None or cluster.type != "ORG" or not cluster.name or kinds_clash(word, cluster.name):
        return None
    if sieve.paragraphs.index_of(at) < sieve.paragraphs.index_of(mention.char) - 1:
        return None
    own = name_head(cluster.name).rstrip(".").lower()
    if own != word and resources.descriptors().get(own) == "ORG" and own not in resources.body_epithets().get(word, ()):
        return None  # "the union" after "Harbury Council"; not "the think tank" after "... Institute"
    bodies = [  # named since, outside the body's own mentions ("Northvale" of "the Northvale Drivers' Federation")
        e for e in sieve.names.ents if e.label_ in ("ORG", "GPE", "NORP") and at < e.start_char < mention.char
        and not any(start <= e.start_char < end for start, end in cluster.mentions)
    ]  # fmt: skip
    return None if any(clean_name(e.text) != cluster.name for e in bodies) else index


def org_noun_salient(sieve: Sieve, mention: Mention) -> int | None:
    """ "The watchdog", "the company": the organisation the article is about. Not "a group" (a new
    one) nor "courts" (several): those are described, not pointed back at."""
    if mention.span[0].lower_ in ("a", "an", "another", "one") or mention.head.tag_ in ("NNS", "NNPS"):
        return None
    word = mention.head.lemma_.lower()
    # "the committee" that no named body is, or "the campaign group": a speaker of its own, not the company
    if _nouns_said(mention.head) & resources.specific_bodies():
        return None
    # "Ontario's government", "the French government": a public body of the place or people it names
    # (or of the name that owns it), which the organisation's name must name too. ("The German
    # engineering group", "the Calgary-based carrier": a business described by where it is from.)
    public = resources.body_kinds().get(word) == "public"
    places = {
        t.lower_ for t in mention.span if t.i != mention.head.i and public
        and (sieve.names.label_of(t) in ("GPE", "NORP") or t.dep_ == "poss" and t.pos_ == "PROPN")
    }  # fmt: skip

    acted_on = _bodies_acted_on(sieve, mention.head)

    def fits(cluster: Cluster) -> bool:
        name = cluster.name or ""
        return not kinds_clash(word, name) and places <= set(name.lower().split()) and name not in acted_on

    return sieve.salient_org(fits)


# The links from a verb down to what it acts on within its own clause (not a clause it reports).
_ARGUMENT_DEPS = {"dobj", "pobj", "prep", "agent", "dative", "compound", "conj", "cc", "appos", "poss"}


def _bodies_acted_on(sieve: Sieve, noun: Token) -> set[str]:
    """ "The regulator fined Velda Energy. The regulator said ...", "the watchdog wrote to Acme": the
    bodies named as what the noun's own verb acts on, here or where the same noun was a subject
    before, are not what the noun stands for (a clause's subject and object are two)."""
    same = syntax.tokens_with_lower(sieve.doc, frozenset({noun.lemma_}), attr="LEMMA")
    verbs = {t.head.i for t in same if t.i <= noun.i and t.dep_ in ("nsubj", "nsubjpass")}
    found = set()
    for ent in sieve.names.ents if verbs else ():
        token = ent.root
        while token.dep_ in _ARGUMENT_DEPS and token.head.i != token.i and token.head.i not in verbs:
            token = token.head
        if ent.label_ == "ORG" and token.head.i in verbs and token.dep_ in _ARGUMENT_DEPS:
            found.add(clean_name(ent.text))
    return found


def kinds_clash(noun: str, name: str) -> bool:
    """ "The company" is not the Medicines Agency, nor "the agency" Northfield Water Company: the noun
    of a business and that of a public body (resources/descriptors.txt) never stand for each other;
    nor either of them a body only of a specific kind ("the government" is not the Teachers'
    Federation, "the company" not the National Union of Miners)."""
    kinds, specific = resources.body_kinds(), resources.specific_bodies()
    own = name_head(name).rstrip(".") if name else ""
    if {kinds.get(noun), kinds.get(own)} == {"business", "public"}:
        return True
    return any(kinds.get(a) and b in specific and not kinds.get(b) for a, b in ((noun, own), (own, noun)))


def content_subject(sieve: Sieve, mention: Mention) -> int | None:
    """ "Velda Motors will cut 2,000 jobs, it said", "Northfield is recalling a drug, the company
    said": "it", "he", "she" or a body's noun speaking after the clause it reports stands for that
    clause's named subject, when the two agree (a person's known gender, a body's kind). Not when
    the clause asks something of its subject ("The council must apologise, it said" is another's
    demand) or says what its subject is ("Trump isn't a conservative, he said" is another's view),
    nor "they" ("Russia is meddling, they say": analysts, not Russia)."""
    head = mention.head
    if mention.kind == "pronoun" and head.lower_ not in ("it", "he", "she"):
        return None
    clause = syntax.fronted_report(head.head) if head.dep_ == "nsubj" else None
    if clause is None or any(c.dep_ == "aux" and c.lower_ in resources.demand_modals() for c in clause.children):
        return None
    if clause.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i not in sieve.quoted), None)
    if subject is None:
        return None
    # Read as that subject would be as a speaker ("Carmaker Velda Motors" is Velda Motors).
    named = sieve.mention_at(subject)
    if named.kind not in ("person", "org"):
        return None
    found = sieve.resolve(named)
    cluster = sieve.clusters[found] if found is not None else None
    gender, wanted = resources.pronouns().get(head.lower_, ("-", frozenset({"ORG"})))
    if cluster is None or cluster.type not in wanted:
        return None
    if cluster.type == "PERSON":
        return found if cluster.gender == gender else None
    return None if kinds_clash(head.lemma_.lower(), cluster.name or "") else found


def description_earlier(sieve: Sieve, mention: Mention) -> int | None:
    """ "A Skyway spokesman said ... The spokesman added", "Residents said ... The residents": a
    definite phrase to the nearest speaker before it described with the same head noun and no
    name, when the phrase's own words stand in that description too ("the Skyway spokesman", not
    "the union spokesman")."""
    head = mention.head
    if not mention.definite:
        return None
    lemma = head.lemma_.lower()
    same = {lemma} | resources.same_people().get(lemma, frozenset())  # "scientists ... the researchers"
    plural = head.tag_ in ("NNS", "NNPS") or group_noun(head)  # "the team"
    own = {t.lower_ for t in mention.span if t.i < head.i and t.dep_ not in ("det", "poss", "case", "punct")}
    for at, said, index in reversed(sieve.history):
        cluster = sieve.clusters[index]
        if at >= mention.char or said not in same or cluster.name is not None or not cluster.description:
            continue
        if (cluster.type == "GROUP") != plural and cluster.type != "ORG":
            continue  # "a spokesman ... the spokesmen" are others
        if own <= set(cluster.description.lower().split()):
            return index
    return None


def people_introduced(sieve: Sieve, mention: Mention) -> int | None:
    """ "The frog was found by a team from the University of Sao Paulo. ... The researchers said":
    a definite phrase of the nouns the news uses in turn for one group of researchers
    (resources/same_people.txt) is the nearest such group the article brought in before, speaking
    or not, with a word of its own ("a team from ...", "scientists at ..."): not a bare
    "Scientists have found", which is scientists at large."""
    head = mention.head
    lemma = head.lemma_.lower()
    if not mention.definite or lemma not in resources.same_people():
        return None
    same = {lemma} | resources.same_people()[lemma]
    before = [
        t for t in syntax.tokens_with_lower(sieve.doc, frozenset(same), attr="LEMMA")
        if t.i < mention.span.start and t.i not in sieve.quoted and t.pos_ == "NOUN"
        and (t.tag_ == "NNS" or group_noun(t))  # a group, not "lead researcher Maria Costa"
        and any(c.dep_ in ("prep", "amod", "compound", "acl") for c in t.children)
    ]  # fmt: skip
    return sieve.resolve(sieve.mention_at(before[-1])) if before else None


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
    word = mention.head.lower_
    gender = resources.person_epithets().get(word, "-")
    if gender == "-":
        gender = resources.gendered_nouns().get(word, "-")
    found = sieve.nearest(
        mention, gender, frozenset({"PERSON"}),
        lambda c, salient, here: salient and sieve.paragraphs.index_of(c) >= here - 1,
    )  # fmt: skip
    # "Republican Senator Ana Lopes said ... The Democrat said": a party the phrase says that is not
    # the one the person was introduced with is someone else's.
    said = {w for w in role_words(mention.span.text) if is_party(w)}
    cluster = sieve.clusters[found] if found is not None else None
    if not said or cluster is None:
        return found
    titles = [" ".join(i.words) for i in sieve.introductions if i.parts.name == cluster.name]
    titles += [cluster.title or "", cluster.organisation or ""]
    # "Labour MP Bob Marsh": the words of its mentions and those written right before them
    titles += [_words_before(sieve, start) + " " + sieve.doc.text[start:end] for start, end in cluster.mentions]
    theirs = {w for title in titles for w in role_words(title) if is_party(w)}
    return None if theirs and not said & theirs else found


def _words_before(sieve: Sieve, char: int) -> str:
    """The few words written right before a mention in its sentence, up to a punctuation mark."""
    span = sieve.doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return ""
    words: list[str] = []
    for token in reversed(sieve.doc[max(span.start - 4, span.sent.start) : span.start]):
        if token.is_punct:
            break
        words.insert(0, token.text)
    return " ".join(words)
