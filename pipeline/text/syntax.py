"""Small questions asked of a dependency parse, shared by the quote, speaker and number stages."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import resources

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Left dependents that belong in a speaker's name or description ("the former minister Jo Bloggs").
_MENTION_LEFT = {"det", "compound", "amod", "nmod", "poss", "nummod", "quantmod", "case"}
_MENTION_RIGHT = {"compound", "flat", "case"}


def is_cue(token: Token) -> bool:
    """A reporting verb: "said", "warned", "shot back", "according" (to)."""
    return (token.pos_ in ("VERB", "AUX") or misread_verb(token)) and names_a_cue(token)


def names_a_cue(token: Token) -> bool:
    """The word's lemma is a reporting verb's (resources/cue_verbs.txt), alone or with its particle
    ("hit back", "shot back": a verb that reports only with "back"; "As Ms Lopes put it, “...”")."""
    cues = resources.cue_verbs()
    lemma = token.lemma_.lower()
    if lemma in resources.objectless_cue_verbs():  # "posted photos" is no cue; 'posted: “Shop now”' is
        return not any(c.dep_ == "dobj" and not (_quoted_words(c) or _words_said(c)) for c in token.children)
    if lemma in cues:
        return True
    if lemma.endswith("ing") and misread_verb(token):  # "warning" read as a noun: warn, or note
        return lemma[:-3] in cues or lemma[:-3] + "e" in cues
    if lemma not in _phrasal_cue_verbs():
        return False
    # The parser reads "back" as a particle or as an adverb; "it" of "put it" is an object.
    return any(c.dep_ in ("prt", "advmod", "dobj") and f"{lemma} {c.lower_}" in cues for c in token.children)


def _words_said(token: Token) -> bool:
    """ "posted two words", "posted a statement": an object that is itself something said
    (resources/stance_nouns.txt) or a document (not "an article", whose title in quote marks is no
    one's words)."""
    lemma = token.lemma_.lower()
    return lemma in resources.stance_nouns() or resources.descriptors().get(lemma) == "DOCUMENT"


def _quoted_words(token: Token) -> bool:
    """The phrase opens with a quote mark, or right after one."""
    first = token.left_edge
    return first.is_quote or first.i > 0 and token.doc[first.i - 1].is_quote


@resources.derived
def _phrasal_cue_verbs() -> frozenset[str]:
    """The verbs of the cue rows written with their particle ("hit" of "hit back")."""
    return frozenset(row.split()[0] for row in resources.cue_verbs() if " " in row)


def is_indirect_cue(token: Token) -> bool:
    return (token.pos_ == "VERB" or misread_verb(token)) and token.lemma_.lower() in resources.indirect_cue_verbs()


def misread_verb(token: Token) -> bool:
    """A plural noun with a clause of its own is a verb the tagger misread: "..., a new study
    reports." ("study reports" read as a compound noun that governs the clause before it); so is
    "warning" after a set-off "with" and a name ("..., with Ines Duarte warning of ...", read as
    a warning of Duarte's)."""
    if token.tag_ == "NNS":
        return any(c.dep_ == "ccomp" for c in token.children)
    return (
        token.tag_ == "NN" and token.lower_.endswith("ing") and _with_whom(token)
        and any(c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") for c in token.children)
    )  # fmt: skip


def reports_speech(verb: Token) -> bool:
    """A verb with a clausal complement of its own: what it governs is something said ("explained
    that ...", the relative clause "who said the law was unfair")."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def fronted_report(cue: Token) -> Token | None:
    """The verb of the clause a reporting verb reports, when that clause stands before it
    ("Velda will cut jobs, it said"), however the parser hung the two together; none when the verb
    reports a clause after it ("X ripped Y: he said he had raised ...")."""
    if not is_cue(cue) or any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    before = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    head = cue.head
    if before is None and cue.dep_ in ("ccomp", "parataxis") and head.i < cue.i and head.pos_ in ("VERB", "AUX"):
        before = head
    return before


def narrated_speech(verb: Token) -> bool:
    """A clause that reports speech itself, told as an event in a "how" clause ("recounts how an
    officer explained that ...")."""
    return reports_speech(verb) and any(c.dep_ == "advmod" and c.lower_ == "how" for c in verb.children)


def recounting_verb(cue: Token) -> Token | None:
    """ "She testified about a meeting at which Grant told officials they would need to 'deliver'":
    speech in a relative clause with a subject of its own, on what a reporting verb recounts (its
    object, or its preposition's), is the outer speaker's account: that verb, or None. Not a clause
    whose relative pronoun speaks ("praised the report, which said ..."): that one's own speech."""
    if cue.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in cue.children):
        return None
    noun = cue.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        outer = noun.head.head
    elif noun.dep_ == "dobj":
        outer = noun.head
    else:
        return None
    return outer if is_cue(outer) and subject_of(outer) is not None else None


def subject_of(verb: Token) -> Token | None:
    """The speaker-side subject of a verb, looking through participles and relative pronouns.

    "..., saying" and "..., adding" take the subject of the verb they hang on; "one who recounted"
    gives "one"; "said Smith" (inverted) works because dependents on either side are searched.
    """
    seen = 0
    while seen < 4:
        seen += 1
        # "Wikileaks editor-in-chief Kristinn Hrafnsson said", parsed with two subjects: the nearer.
        subjects = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "compound" and misread_verb(verb))]
        subject = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:  # "it was said by the minister"
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if seen > 1 and verb.lemma_.lower() in resources.hearsay_verbs():
            # "Mr Howard was quoted as saying ...", "Mr Brown is reported to have said that ...": the
            # subject of the passive verb of hearsay the reporting verb completes.
            passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive
        if seen == 1 and verb.dep_ == "acl" and is_cue(verb) and _set_off_name(verb.head):
            # "Ana Lopes, the party chair, tweeted: ...", the cue read as a participle of the name
            # set off before it: the name is who speaks.
            return verb.head
        if seen == 1 and verb.dep_ == "acl" and verb.tag_ == "VBG" and is_cue(verb) and _with_whom(verb.head):
            return verb.head  # "..., with Ana Lopes saying the market was in freefall"
        if seen == 1 and verb.dep_ == "acl" and verb.tag_ == "VBG" and is_cue(verb) and _issued(verb):
            verb = verb.head.head  # "The union issued a statement saying ...": who issued it says it
            continue
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and verb.head.i != verb.i:
            # "She said the minister had spoken warmly, adding: ...": a reporting participle hung on
            # a reported clause continues the one reporting it, not the clause's own subject. Speech
            # inside reported speech is the outermost reporter's ("Pompeo said Washington had
            # concluded that ..., saying" is Pompeo's), unless a "how" clause narrates it ("recounts
            # how X explained that ..., saying" is X's), as quotes/reported.py reads nested speech.
            reported = verb.head
            while reported.dep_ == "xcomp" and reported.head.i != reported.i:
                reported = reported.head  # "said X will have to choose ..., saying": the clause is "have"
            # (The reporter comes before: a cue after the participle is a quote's own verb the parser
            # hung the sentence on: 'X seemed unmoved, telling reporters, “A lot of people said ...”'.)
            outer = reported.head
            nested = reported.dep_ == "ccomp" and is_cue(outer) and outer.i < verb.i
            if is_cue(verb) and nested and not narrated_speech(reported):
                verb = reported.head
                while verb.dep_ == "ccomp" and is_cue(verb.head) and not narrated_speech(verb):
                    verb = verb.head
            else:
                verb = verb.head
            if verb.dep_ == "prep" and verb.pos_ == "ADP":
                verb = verb.head  # "punctuated his list by saying": the verb the preposition hangs on
            continue
        return None
    return None


def _with_whom(token: Token) -> bool:
    """The noun after a "with" set off from its clause that a participle tells of: "..., with Ana
    Lopes saying ..." (not "breaks with resolutions declaring ...": that "with" belongs to its verb)."""
    with_ = token.head
    set_off = with_.i == with_.sent.start or with_.doc[with_.i - 1].text in (",", "—", "–", "-")
    return token.dep_ == "pobj" and with_.lower_ == "with" and set_off


def _issued(participle: Token) -> bool:
    """A participle that reports a clause or a quote ("saying the plan ...", "saying: “...”") after
    the object of a verb of issuing a text ("released a statement", "posted a message", "ran an
    advert"): what it says, the issuer says. ("carries a “black box” warning" reports nothing.)"""
    text = participle.head
    after = participle.doc[participle.i + 1] if participle.i + 1 < len(participle.doc) else None
    reports = any(c.dep_ == "ccomp" for c in participle.children) or (after is not None and after.is_quote)
    reports = reports or (after is not None and after.text == ":")
    return reports and text.dep_ == "dobj" and text.head.lemma_.lower() in resources.authoring_verbs()


def _set_off_name(token: Token) -> bool:
    """A proper name that no verb or preposition governs, with a comma after it."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    free = token.dep_ not in ("pobj", "dobj", "dative", "poss", "compound")
    return token.pos_ == "PROPN" and free and after is not None and after.text == ","


# No sentence of real prose is deeper than this; a hostile page (thousands of quotes in one
# "sentence") parses into chains thousands deep, and every walk up it would cost that much.
MAX_DEPTH = 40


def ancestors(token: Token, limit: int = MAX_DEPTH) -> list[Token]:
    """The token's heads, nearest first, at most `limit` of them."""
    found: list[Token] = []
    while token.head.i != token.i and len(found) < limit:
        token = token.head
        found.append(token)
    return found


def names_nobody(head: Token) -> bool:
    """ "No-one", "everyone", "nobody": a subject that stands where a speaker would but names nobody.

    The tokenizer splits "no-one" into three tokens, any of which the parser may make the head."""
    doc, i = head.doc, head.i
    around = {head.lower_}
    around |= {doc[max(start, 0) : start + 3].text.lower().replace(" ", "") for start in (i - 2, i)}
    return not around.isdisjoint(resources.non_speakers())


def agent_of(verb: Token) -> Token | None:
    """X of a passive "... by X": "the survey was carried out by Acme"."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def according_to(token: Token) -> Token | None:
    """For the "according" of "according to X", X's head token."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        return next((c for c in nxt.children if c.dep_ == "pobj"), None)
    return None


def joined_to(head: Token) -> Token | None:
    """The last of the nouns joined to `head` by "and" ("Paganini and his team", "The United Nations
    and the European Union"): together one speaker, a group. None when nothing is joined."""
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return None
    joined = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return joined[-1] if joined else None


def mention_bounds(head: Token, blocked: set[int]) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `head`, kept out of `blocked` tokens.

    Pronoun-like heads keep a short relative clause ("one who recounted"); names keep their titles.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in _MENTION_LEFT:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _MENTION_RIGHT and child.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ == "relcl" and head.pos_ in ("NUM", "PRON", "DET", "NOUN") and child.right_edge.i - head.i <= 6:
            # Not a clause that reports what they said ("the mayor, who said the law was unfair"):
            # those words are the quote, not the speaker; nor one set off by a comma ("The company,
            # which employs 3,000 people,"): it says more of them, it is not what they are called.
            set_off = head.doc[child.left_edge.i - 1].text == ","
            if not reports_speech(child) and not set_off:
                end = child.right_edge.i + 1
    # "Leader of the local Labour party Gill Mitchell said": a role phrase that ends in a person's
    # name runs to the name, which is who speaks.
    last = head.right_edge
    if head.lower_ in resources.role_nouns() and last.ent_type_ == "PERSON" and last.i >= end:
        if not any(t.is_punct or t.i in blocked for t in head.doc[head.i : last.i + 1]):
            end = last.i + 1
    while start < head.i and (start in blocked or head.doc[start].is_punct):
        start += 1
    while end - 1 > head.i and (end - 1 in blocked or head.doc[end - 1].is_punct):
        end -= 1
    return start, end


@cache
def _hashes(words: frozenset[str]) -> frozenset[int]:
    # The ids the Doc's arrays hold: a hash, or the symbol's own number for the few words spaCy
    # has as symbols ("agent", "case": dependency labels).
    return frozenset(get_string_id(w) for w in words)


def tokens_with_lower(doc: Doc, words: frozenset[str], attr: str = "LOWER") -> list[Token]:
    """The tokens whose lower-case form (or `attr`, say "LEMMA") is one of `words`, in order, found
    on the Doc's arrays: only those tokens become Python objects (building one per token is most of
    a pass over a long article). A set lookup over the array's values, not `numpy.isin`: isin sorts
    both sides on every call, eight times slower on a paragraph-long text and no faster on a long one."""
    wanted = _hashes(words)
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


class TokenIndex:
    """Finds the token at a character offset in O(log n): the token whose text covers it, else the
    next token (the offset is in whitespace between tokens), else the last one."""

    def __init__(self, doc: Doc) -> None:
        starts: Any = doc.to_array("IDX")  # from the arrays: no Python Token per token
        self.starts = starts.tolist()
        self.ends = (starts + doc.to_array("LENGTH")).tolist()

    def at(self, char: int) -> int:
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.ends[i]:
            return i
        return min(i + 1, len(self.starts) - 1)
