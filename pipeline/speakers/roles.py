"""Sieve passes for a person named again by a role: "the minister" after "Finance Minister Ana
Lopes" (an introduction's title), "the prime minister" for the person the article leads with, "the
singer" for the pop star just spoken of, "the Lib Dem leader" for the person just spoken of whom
the article never gave a title. The table of passes is in passes.py.
"""

from __future__ import annotations

from spacy.tokens import Span

from .. import resources
from ..text import syntax
from .anaphora import epithet_salient
from .introductions import Introduction
from .names import SEAT_PREPOSITIONS, body_noun, is_party, role_words
from .phrases import Mention, family_count
from .sieve import Sieve


def role_title(sieve: Sieve, mention: Mention) -> int | None:
    """ "The minister", "the Wikileaks founder", "the senator" after "Sen. Ann Byrne": the person the
    article introduced, before this phrase, with that title or role (each read through
    resources/role_forms.txt), the nearest first; with none before, the first introduced with it
    in the two paragraphs after."""
    if mention.head.tag_ in ("NNS", "NNPS"):
        return None
    head = mention.head
    # "the CEO" -> chief executive: the role's last word is what a title must hold, the words
    # before it are what the introduction must have said.
    # Not the possessor's words: "the Jewish state's premier" is a prime minister, whatever state.
    possessor = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
    written = [
        t.text for t in mention.span
        if t.i <= head.i and t.i not in possessor and t.dep_ not in ("det", "poss", "case", "punct")
    ]  # fmt: skip
    words = role_words(" ".join(written))
    if not words:
        return None
    word, own = words[-1], set(words[:-1])
    # "the Skyway boss": whoever the article introduced leading it, by any leading role.
    stands_for = [tuple(role.split()) for role in resources.leading_roles().get(word, ())] + [(word,)]

    def holds(title: tuple[str, ...]) -> bool:
        return any(title[i : i + len(role)] == role for role in stands_for for i in range(len(title)))

    # "the congresswoman" is not "Rep. Tom Reed": a gender the role noun says must not disagree.
    gender = resources.gendered_nouns().get(head.lower_)

    def agrees(other: str | None) -> bool:
        return gender is None or other is None or other == gender

    said = set(role_words(mention.span.text))

    def another_office(title: tuple[str, ...]) -> bool:
        """ "Former Prime Minister John Major" is not "the prime minister", nor "shadow chancellor
        Ann Lee" "the chancellor": a word that makes it another office must be said again."""
        return bool((set(title) & resources.other_office_words()) - said)

    # "the Democratic governor" after "Governor Ana Lopes": a party or people the phrase adds may be
    # new, unless the introduction gave another ("The Labour leader" is not "Tory leader Ann Lee").
    peoples = {t.lower_ for e in sieve.doc.ents if e.label_ == "NORP" for t in e}
    # not any name the model typed NORP
    affiliations = {w for w in peoples if w in resources.person_epithets() or is_party(w)}
    added = {w for w in own if w in affiliations}

    def clashes(words: set[str]) -> bool:
        """A people or a party the phrase says that is not the one the title and its introduction
        said ("The Iraqi leader" is not "French President Jacques Chirac"; "the Medway MP" may be
        "Labour MP Bob Marsh")."""
        affiliated = {w for w in words | own if w in peoples or is_party(w)}
        return bool(affiliated & own - words) and bool(affiliated & words - own)

    # "a spokesman" is a new one: only a phrase that points back takes a person named with the role.
    pointing_back = mention.definite or any(c.dep_ == "poss" for c in head.lefts)
    # A body the phrase names by its letters ("the TMC leader") must be one said of the person; a
    # single name may be a place the model typed a body, and a place may be new ("the Medway MP").
    bodies_said = {
        t.lower_ for t in mention.span
        if t.i < head.i and t.ent_type_ == "ORG" and t.is_upper and len(t) > 1 and not is_party(t.text)
    }  # fmt: skip
    # (char, the cluster of a speaker named with the title, or the introduction that gave it)
    titled: list[tuple[int, int | Introduction]] = []
    for at, _, index in sieve.history if pointing_back else ():
        cluster = sieve.clusters[index]
        title = role_words(cluster.title or "")
        # The words the introduction wrote before the title count too ("Shadow chancellor Ann Lee").
        introduced = [tuple(i.words) for i in sieve.introductions if i.parts.name == cluster.name]
        other = another_office(title) or any(another_office(words) for words in introduced)
        said_of_them = set(title).union(*introduced, (cluster.organisation or "").lower().split())
        if bodies_said - said_of_them:
            continue  # "the TMC leader" is not "Congress leader Adhir Chowdhury": another body's
        if at < mention.char and cluster.type == "PERSON" and holds(title) and not other and not clashes(said_of_them):
            if agrees(cluster.gender):
                titled.append((at, index))

    # "the Tory health spokesman" after "Shadow health secretary Ann Lee": the opposition's
    # spokesman for a brief is its shadow minister for it (a party said, and the brief's words).
    party_tokens = _party_words_in(mention.span)
    party = set(role_words(" ".join(t.text for t in mention.span if t.i in party_tokens)))
    brief = own - party
    spokesman = bool(party and brief) and word in resources.party_offices() - resources.lead_offices()

    def introduced_so(intro: Introduction) -> bool:
        title = role_words(intro.parts.title or "")
        if spokesman and "shadow" in intro.words and brief <= intro.words:
            return agrees(intro.parts.gender)
        # "The Labour leader" is not "Tory leader Ann Lee": the phrase's own words must fit too.
        other = another_office(title) or another_office(tuple(intro.words))  # "Shadow chancellor Ann Lee"
        fits = own <= intro.words or (own - added <= intro.words and not intro.words & affiliations)
        return holds(title) and not other and fits and not clashes(set(intro.words)) and agrees(intro.parts.gender)

    intros = [intro for intro in sieve.introductions if introduced_so(intro)] if pointing_back else []
    titled += [(intro.char, intro) for intro in intros if intro.char < mention.char]
    if not titled:
        # "The Jewish state's premier hailed the move. ... Israeli Prime Minister Benjamin
        # Netanyahu said": a lede's role named in the two paragraphs after it, none before.
        here = sieve.paragraphs.index_of(mention.char)
        after = [i for i in intros if i.char > mention.char and sieve.paragraphs.index_of(i.char) <= here + 2]
        return sieve.clusters.person(after[0].parts) if after else None
    _, found = max(titled, key=lambda pair: pair[0])
    return found if isinstance(found, int) else sieve.clusters.person(found.parts)


def role_epithet(sieve: Sieve, mention: Mention) -> int | None:
    """ "Pop star Lana Reyes cancelled her tour. The singer said ...": a role the news names a
    person again by (renown: resources/person_epithets.txt) that nobody in the article was
    introduced with is, as "the Frenchman" is, the person just spoken of; not one the article gave
    another role ("Coach Sam Riley praised Tom Reed. The striker said": not the coach)."""
    head = mention.head
    if not mention.definite or head.tag_ != "NN" or head.lower_ not in resources.person_epithets():
        return None
    count = family_count(head)
    if head.lower_ in resources.counted_epithets() and not count:
        return None  # "the father" alone: as often someone else's
    # "the Tory frontbencher": a party the phrase says, which epithet_salient checks is the person's;
    # "the veteran presenter", "the pop star": a common noun that says what kind.
    kind = {t.i for t in mention.span if t.dep_ == "compound" and t.pos_ == "NOUN" and t.head == head}
    if not all(
        t.i == head.i or t.pos_ in ("DET", "ADJ", "ADV") or t.i in count | kind or is_party(t.text)
        for t in mention.span
    ):
        return None  # "the club's striker", "the Chelsea striker": someone of that body's
    found = epithet_salient(sieve, mention)
    if found is None:
        return None
    name = sieve.clusters[found].name
    titles = [role_words(i.parts.title or "") for i in sieve.introductions if i.parts.name == name]
    known_for = all(set(title) & set(resources.person_epithets()) for title in titles if title)
    return found if known_for else None


def role_lead_person(sieve: Sieve, mention: Mention) -> int | None:
    """ "Tony Blair has defended the plans ... The prime minister told ...": an office
    (resources/lead_offices.txt) nobody in the article is introduced with is the person the article
    leads with (the first full name in a sentence of its first paragraphs), when the article gives
    them no title at all and the office's gender does not disagree."""
    head = mention.head
    if not mention.definite or head.tag_ not in ("NN", "NNP") or head.lower_ not in resources.lead_offices():
        return None
    if set(role_words(mention.span.text)) & resources.other_office_words():
        return None
    if any(c.dep_ == "poss" for c in head.lefts):
        return None
    if _office_held(sieve, head.lower_):
        return None  # someone holds an office of that name: role_title's to find, or nobody's
    lead = next(
        (e for e in sieve.names.ents
         if e.label_ == "PERSON" and len(e) >= 2 and not any(t.i in sieve.quoted for t in e)
         and sieve.paragraphs.index_of(e.start_char) <= 2 and e.start_char < mention.char
         and any(t.pos_ == "VERB" for t in e.sent)),  # in a sentence, not a byline
        None,
    )  # fmt: skip
    if lead is None:
        return None
    parts = sieve.names.person_parts(lead.start, lead.start, lead.end)
    if _titled_or_aged(sieve, parts.name):
        return None
    gender = resources.gendered_nouns().get(head.lower_)
    if gender and parts.gender and gender != parts.gender:
        return None
    found = sieve.clusters.person(parts)
    return None if _holds_another_office(sieve, found, head.lemma_.lower()) else found


def role_salient(sieve: Sieve, mention: Mention) -> int | None:
    """ "Mr Kendall told the conference ... The Lib Dem leader added": an office one person holds at
    a time (resources/lead_offices.txt; a party's spokesman, with the party said) that nobody in the
    article is introduced with, and that the article has not written before for anyone else, is the
    person just spoken of (the nearest speaker or main-clause subject in this paragraph or the two
    before), when the article gave that person no title nor age of their own. Not an office of a
    body or a country the phrase names ("the council leader", "the Iraqi foreign minister"):
    someone of theirs. An office held for a place, said with its place, is one person too ("Ian
    Gibson said ... “...,” the Norwich North MP said")."""
    head = mention.head
    office = head.lower_
    seats = resources.seat_offices()
    if not mention.definite or head.tag_ not in ("NN", "NNP") or office not in resources.party_offices() | seats:
        return None
    party = _party_words_in(mention.span)
    # "the Norwich North MP", "the Ohio senator": the place of a seat is the person's own.
    # "the MP for Norwich North", "the senator from Ohio": said after the office, as well.
    held_for = [c for c in head.children if c.dep_ == "prep" and c.lower_ in SEAT_PREPOSITIONS]
    after = {t.i for p in held_for for t in p.subtree}
    place = [t for t in mention.span if (t.i < head.i or t.i in after) and t.pos_ == "PROPN"]
    seat = {t.i for t in place if office in seats} - party
    if office not in resources.lead_offices() and not party and not seat:
        return None  # "the spokesman" alone speaks for someone else; "the Tory health spokesman" not
    for token in mention.span:
        if token.i >= head.i or token.dep_ in ("det", "punct") or token.i in party | seat:
            continue  # "the Lib Dem leader", "the Tory leader": a party is the person's own
        if token.dep_ == "poss" or body_noun(token) or token.ent_type_ in _SOMEONE_ELSES:
            return None
    if _office_held(sieve, head.lower_):
        return None  # someone holds an office of that name: role_title's to find, or nobody's
    gender = resources.gendered_nouns().get(head.lower_)
    # The nearest person speaking or subject within two paragraphs back (roles are taken up before
    # pronouns, so a "he said" paragraph between is not yet the person's), passing over those with
    # a title or an age of their own ("Mr Blair faced MPs. Tory leader Michael Howard asked him ...
    # The prime minister said": not Howard).
    here = sieve.paragraphs.index_of(mention.char)
    found = next(
        (i for c, i, salient in reversed(sieve.candidates_before(mention.head.idx))
         if salient and sieve.paragraphs.index_of(c) >= here - 2 and _untitled_person(sieve, i, gender)),
        None,
    )  # fmt: skip
    if found is None or _holds_another_office(sieve, found, head.lemma_.lower()):
        return None
    # The office written before, other than for this person ("Mr Straw met the foreign minister"):
    # it may be that other holder's.
    theirs = {at for at, lemma, index in sieve.history if index == found and lemma == head.lemma_.lower()}
    for token in syntax.tokens_with_lower(sieve.doc, frozenset({head.lower_})):
        if token.i < head.i and not any(at <= token.idx < at + _PHRASE_CHARS for at in theirs):
            return None
    return found


def _holds_another_office(sieve: Sieve, index: int, office: str) -> bool:
    """Whether a person was taken up before by another office one person holds at a time: "Tony
    Blair and Gordon Brown ... The prime minister said ... The chancellor said": the chancellor is
    not the prime minister."""
    offices = resources.lead_offices()
    return any(i == index and lemma in offices and lemma != office for _, lemma, i in sieve.history)


def _office_held(sieve: Sieve, office: str) -> bool:
    """Whether the article introduced anyone with a title holding the office's noun: not a shadow,
    deputy or former one ("shadow chancellor Oliver Lett" holds no chancellor's office)."""
    others = resources.other_office_words()
    return any(
        office in role_words(intro.parts.title or "") and not others & intro.words for intro in sieve.introductions
    )


def _untitled_person(sieve: Sieve, index: int, gender: str | None) -> bool:
    """A person of no other gender whom the article gave no title, role nor age."""
    cluster = sieve.clusters[index]
    if cluster.type != "PERSON" or cluster.title or (gender and cluster.gender not in (None, gender)):
        return False
    return not _titled_or_aged(sieve, cluster.name)


def _titled_or_aged(sieve: Sieve, name: str | None) -> bool:
    """Whether the article gave a person a title or role of their own (then an office it never
    gave them is someone else's), or their age ("Tom Reed, 45," is one of the public the news asks,
    not the mayor who speaks next)."""
    return any(intro.parts.name == name for intro in sieve.introductions) or any(
        parts.name == name for _, _, parts in sieve.names.ages
    )


def _party_words_in(span: Span) -> set[int]:
    """The tokens of a party's name in a phrase, however written ("Lib Dem", "Tory", "Liberal
    Democrat"), one to three words."""
    found: set[int] = set()
    for start in range(span.start, span.end):
        for end in range(start + 1, min(start + 3, span.end) + 1):
            if is_party(span.doc[start:end].text):
                found.update(range(start, end))
    return found


# Names in a role's phrase that make it another's office: a body's, a country's, a people's.
_SOMEONE_ELSES = ("ORG", "GPE", "NORP", "LOC", "FAC")
# How far into a speaker phrase its office word may stand ("the former Liberal Democrat leader").
_PHRASE_CHARS = 60
