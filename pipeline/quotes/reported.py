"""Reported speech: the clause a reporting verb reports ("She said the depot would close"), a
reporting clause set off inside what it reports ("The road, she said, would close"), what someone
was told to do ("urged voters to reject the plan") and "according to X". Each found is a candidate
quote with the attribution of its cue; `find` reads quote marks and puts them together.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from .. import resources
from ..text import syntax
from .acts import set_phrase, unspoken
from .context import Candidate, QuoteContext
from .rules import ACCORDING, CHARACTERISED, DIRECTIVE, PARENTHETICAL, REPORTED, rule_id


def _indirect_content(ctx: QuoteContext, cue: Token, comp: Token) -> tuple[int, int] | None:
    """Token range of the reported clause of `cue`, or None if it is not reported speech."""
    if comp.i < cue.i:  # post-posed: "The force had improved, Mr Forber said."
        start, end = comp.left_edge.i, comp.right_edge.i + 1
        while end > start and ctx.doc[end - 1].text in resources.title_abbreviations():
            end -= 1  # "..., Const. Rob Carver said": the parser may hang the speaker's title on the clause
    else:
        # Reported speech runs to the end of its sentence, except where another attribution
        # (", saying", ", he added") or a direct quote takes over.
        start = _subject_read_as_object(cue, comp) or comp.left_edge.i
        if start <= cue.i:
            start = cue.i + 1
        sentence = ctx.sentence_tokens(cue)
        end = sentence[-1].i + 1 if sentence else comp.right_edge.i + 1
        # "Residents, who said the law was unfair, marched.", "After saying the plan was dead, Lopes
        # left.": a clause inside the sentence ends where the verb it hangs on takes over. (Not a
        # cue read as the complement of a later verb: that is a list the parser misread.)
        governor = cue.head.head if cue.head.pos_ == "ADP" else cue.head
        subordinate = cue.dep_ in ("advcl", "pcomp") and governor.i > comp.right_edge.i
        if cue.dep_ == "relcl" or subordinate:
            end = min(end, comp.right_edge.i + 1)
        for token in ctx.doc[start:end]:
            quoted = ctx.quoted_token[token.i]
            if token.i > comp.right_edge.i and (
                token.text == ":" or (quoted is not None and ctx.kinds[quoted] == "direct")
            ):
                end = token.i
                break
            if (taken := _taken_over_at(ctx, token)) is not None:
                end = taken
                break
        # Quoted words that open inside the reported speech and run on past its sentence belong to
        # it: 'He said X "can't start a fight. You get what you give."'
        open_quote = ctx.quoted_token[end - 1] if end > start else None
        if open_quote is not None and ctx.kinds[open_quote] == "partial":
            end = max(end, ctx.tokens.at(ctx.quote_ends[open_quote]) + 1)
    # "said that ...", "explained how ...": the conjunction is the narrator's, not the reported words.
    while (
        start < end
        and ctx.doc[start].lower_ in ("that", "how", "whether")
        and ctx.doc[start].dep_ in ("mark", "advmod")
    ):
        start += 1
    return _trimmed(ctx, start, end, min_tokens=3)


def _subject_read_as_object(cue: Token, comp: Token) -> int | None:
    """ "Blair has insisted his plans to give schools more freedom will raise standards", parsed
    with "his plans" the object of "insisted" and "will raise" a clause with no subject: the clause
    starts at that object (not a person the cue addresses: "told him the plan would fail")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in comp.children):
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i), None)
    if obj is None or obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return None
    lemma = obj.lemma_.lower()
    if cue.lemma_.lower() in resources.directive_cue_verbs() or lemma in resources.role_nouns():
        return None  # "told reporters the plan would fail", "assured investors ...": the ones addressed
    if resources.descriptors().get(lemma) == "GROUP":
        return None
    between = cue.doc[obj.right_edge.i + 1 : comp.left_edge.i]
    return obj.left_edge.i if obj.right_edge.i + 1 >= comp.left_edge.i or not between.text.strip(" ,") else None


# The words that join a second speaker's clause to the first's: "X said ..., while Y said ...".
_CLAUSE_JOINERS = {"while", "whereas", "but", "and", ";", "—", "–"}


def _taken_over_at(ctx: QuoteContext, token: Token) -> int | None:
    """Where the reported speech ends, if another attribution starts at `token`, however the parser
    hung it: right after ", saying ...", "and said ...", "but added ...", ", according to ..."; or a
    reporting verb whose own subject opens right after a word joining clauses, another speaker's
    clause ("About three in 10 said ..., while eight in 10 said ...", "Lopes said ..., but the bank
    said ..."), before that word. Not a verb inside a quote, nor one whose subject is a pronoun
    pointing into the same clause ("who said")."""
    if not (syntax.is_cue(token) or token.lower_ == "according") or ctx.in_quote(token):
        return None
    before = token.i - 1
    while before >= 0 and ctx.doc[before].is_quote:  # 'has "grown," claiming that': the comma is inside
        before -= 1
    if before >= 0 and ctx.doc[before].lower_ in (",", "—", "–", "and", "but"):
        return token.i - 1
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    if not syntax.is_cue(token) or subject is None or subject.lower_ in syntax.RELATIVE_PRONOUNS:
        return None
    joiner = subject.left_edge.i - 1
    if joiner < 1 or ctx.doc[joiner].lower_ not in _CLAUSE_JOINERS:
        return None
    return joiner - 1 if ctx.doc[joiner - 1].text == "," else joiner


def _parenthetical_content(ctx: QuoteContext, cue: Token) -> list[tuple[int, int]] | None:
    """ "The road, she said, would close in May.": a reporting clause set off by commas inside the
    clause it reports (parsed as its parataxis) reports the rest of that clause, in one or two pieces."""
    clause = cue.head
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if cue.dep_ != "parataxis" or clause.i == cue.i or subject is None:
        return None
    before, after = subject.left_edge.i - 1, cue.i + 1
    doc = ctx.doc
    if before < 0 or doc[before].text != "," or (after < len(doc) and doc[after].text not in (",", ".")):
        return None  # only "X, she said, Y" and "X, she said."
    sentence = ctx.sentence_tokens(cue)
    if not sentence:
        return None
    first, last = max(clause.left_edge.i, sentence[0].i), min(clause.right_edge.i, sentence[-1].i) + 1
    pieces = [_trimmed(ctx, first, before, min_tokens=1), _trimmed(ctx, after, last, min_tokens=1)]
    found = [p for p in pieces if p is not None]
    return found if sum(end - start for start, end in found) >= 4 else None


def _directive_content(ctx: QuoteContext, cue: Token) -> tuple[int, int] | None:
    """ "She urged voters to reject the plan", "told the man to remove the bedding", "called on the
    government to act": what someone was told to do, the infinitive after the one addressed. Not
    a passive ("he was asked to leave": the asker is not named) nor a verb with a clause of its own."""
    if cue.lemma_.lower() not in resources.directive_cue_verbs() or syntax.reports_speech(cue):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None
    addressed = any(c.dep_ == "dobj" for c in cue.children) or any(
        c.dep_ == "prep" and c.lower_ == "on" and any(p.dep_ == "pobj" for p in c.children) for c in cue.children
    )
    todo = next((c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    if not addressed or todo is None or not any(c.lower_ == "to" and c.dep_ == "aux" for c in todo.children):
        return None
    # Not from a word the parser hung on it from before the cue ("said ... that the council asked her
    # to give evidence", with "that" read as the object of "give").
    start = todo.left_edge.i if todo.left_edge.i > cue.i else min(t.i for t in todo.subtree if t.i > cue.i)
    return _trimmed(ctx, start, todo.right_edge.i + 1, min_tokens=3)


def _characterised(ctx: QuoteContext, cue: Token) -> tuple[int, int] | None:
    """ "called the ruling a landmark judgment", "described the results as modest", "attributed the
    rally to the ruling": what someone called a thing, in the writer's words (in quote marks, the
    words are a partial quote). The thing and what it was called, both, after an active verb."""
    if cue.lemma_.lower() not in resources.characterising_cue_verbs() or syntax.reports_speech(cue):
        return None
    thing = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    # "as" (or "to" after an attributing verb) on the verb, or hung by the parser inside the thing
    # ("the fall in sales to ..."); not "called attention to it", where nothing is called anything.
    preps = ("as", "to") if cue.lemma_.lower() in resources.attributing_cue_verbs() else ("as",)
    called = next(
        (
            t for t in cue.subtree
            if t.i > thing.i and (t.dep_ == "oprd" and t.head == cue or t.dep_ == "prep" and t.lower_ in preps)
            and _within_phrase(t, cue)
        ),
        None,
    )  # fmt: skip
    if called is None or not any(True for _ in called.children):
        return None
    start, end = thing.left_edge.i, called.right_edge.i + 1
    if any(ctx.in_quote(t) for t in ctx.doc[start:end]):
        return None
    return _trimmed(ctx, start, end, min_tokens=3)


def _within_phrase(token: Token, verb: Token) -> bool:
    """Whether `token` hangs on `verb` through nouns and prepositions only, no other verb between."""
    for head in syntax.ancestors(token):
        if head == verb:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


def _according_to_content(ctx: QuoteContext, according: Token) -> tuple[int, int] | None:
    """ "According to X, <content>." and "<content>, according to X." -> the content's token range."""
    source = syntax.according_to(according)
    if source is None:
        return None
    phrase_end = source.right_edge.i + 1
    sentence = ctx.sentence_tokens(according)
    if not sentence:
        return None
    first, last = sentence[0].i, sentence[-1].i + 1
    if all(t.is_punct or t.is_space for t in ctx.doc[first : according.i]):
        start, end = phrase_end, last
    else:
        start, end = first, according.i
    return _trimmed(ctx, start, end)


# Punctuation that bounds a clause; "%", "°" and currency signs belong to the figure beside them
# ("could rise by 30%." ends with "30%").
_EDGE_PUNCTUATION = set(".,;:!?…\"'“”‘’()[]{}-–—/")


def _edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and all(ch in _EDGE_PUNCTUATION for ch in token.text))


def _trimmed(ctx: QuoteContext, start: int, end: int, min_tokens: int = 4) -> tuple[int, int] | None:
    """A token range without edge punctuation, or None if it is too short or holds a direct quote."""
    while start < end and _edge(ctx.doc[start]) and not ctx.in_quote(ctx.doc[start]):
        start += 1
    while end > start and _edge(ctx.doc[end - 1]) and not ctx.in_quote(ctx.doc[end - 1]):
        end -= 1
    if end - start < min_tokens:
        return None
    if any((q := ctx.quoted_token[t.i]) is not None and ctx.kinds[q] == "direct" for t in ctx.doc[start:end]):
        return None  # the clause is a direct quote's own words
    return start, end


@resources.derived
def _cue_lemmas() -> frozenset[str]:
    """Lemmas of the reporting verbs in every case the lemmatizer may write them ("say", "Say", "SAY")."""
    cues = resources.indirect_cue_verbs() | resources.directive_cue_verbs() | resources.characterising_cue_verbs()
    return cues | frozenset(c.capitalize() for c in cues) | frozenset(c.upper() for c in cues)


def find_indirect(ctx: QuoteContext) -> list[Candidate]:
    found = []
    body_start = ctx.paragraphs[0][0] if ctx.paragraphs else 0
    # Only the tokens that can start reported speech: "according" and the reporting verbs.
    according = syntax.tokens_with_lower(ctx.doc, frozenset({"according"}))
    cues = syntax.tokens_with_lower(ctx.doc, _cue_lemmas(), attr="LEMMA")
    for token in sorted(according + cues, key=lambda t: t.i):
        if token.idx < body_start or ctx.in_quote(token):
            continue
        if token.lower_ == "according":
            bounds = _according_to_content(ctx, token)
            attribution = ctx.attribution(token, rule_id("indirect", ACCORDING))
            if bounds is not None and attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
            continue
        if not (token.pos_ == "VERB" or syntax.misread_verb(token)) or unspoken(token):
            continue
        if (bounds := _directive_content(ctx, token)) is not None:
            attribution = ctx.attribution(token, rule_id("indirect", DIRECTIVE))
            if attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
            continue
        if (bounds := _characterised(ctx, token)) is not None:
            attribution = ctx.attribution(token, rule_id("indirect", CHARACTERISED))
            if attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
            continue
        if not syntax.is_indirect_cue(token):
            continue
        comp = next((c for c in token.children if _reported_clause(token, c)), None) or _stance_clause(token)
        if comp is not None and set_phrase(comp):
            continue  # "That being said, ... he added": the writer's phrase is no clause reported
        if comp is None:
            pieces = _parenthetical_content(ctx, token)
            attribution = ctx.attribution(token, rule_id("indirect", PARENTHETICAL)) if pieces else None
            if pieces and attribution is not None:
                found.append(Candidate("indirect", [_char_range(ctx, p) for p in pieces], attribution))
            continue
        attribution = ctx.attribution(token, rule_id("indirect", REPORTED))
        bounds = _indirect_content(ctx, token, comp)
        if attribution is None or bounds is None:
            continue
        found.append(Candidate("indirect", [_char_range(ctx, bounds)], attribution))
    return _outermost(ctx, found)


def _outermost(ctx: QuoteContext, found: list[Candidate]) -> list[Candidate]:
    """Reported speech inside another's is the outer speaker's words: "Lopes said the board had
    concluded the plan was dead" is one quote, Lopes's, not a second one of the board's. A "how"
    clause narrates an event, so the speech inside it is the one reported: "The report recounts how
    an officer explained that ..." is the officer's quote, and the report's narration none. A reporting
    clause set off inside the words ("no different, he said, from ...") reports its two pieces still."""
    # The same words found twice (a reporting verb's clause that is also what someone was told to do,
    # the parser having hung "that" on the inner verb) are the first cue's, the outer one: once.
    firsts: dict[tuple[int, int], Candidate] = {}
    for c in (c for c in found if len(c.pieces) == 1):
        firsts.setdefault((c.start, c.end), c)
    found = [c for c in found if len(c.pieces) > 1 or firsts[c.start, c.end] is c]
    whole = sorted((c for c in found if len(c.pieces) == 1), key=lambda c: c.start)
    starts = [c.start for c in whole]
    dropped: set[int] = set()
    for outer in whole:
        # Only the candidates that start inside it, found by position: a page of thousands of
        # reported clauses costs no more per clause than an ordinary article.
        inner = []
        for k in range(bisect_left(starts, outer.start), len(whole)):
            cand = whole[k]
            if cand.start >= outer.end:
                break
            if cand is not outer and cand.end <= outer.end:
                inner.append(cand)
        if not inner:
            continue
        # The inner speech told as an event ("how an officer explained that"): syntax reads the
        # participle after it the same way (syntax.subject_of).
        narrates = any(
            c.attribution is not None and c.attribution.cue is not None
            and syntax.narrated_speech(ctx.doc[c.attribution.cue])
            for c in inner
        )  # fmt: skip
        dropped.update(id(c) for c in ([outer] if narrates else inner))
    return [c for c in found if id(c) not in dropped]


def _reported_clause(cue: Token, child: Token) -> bool:
    """A clausal complement of the cue that reports: one written before the cue ("The force had
    improved, Mr Forber said") has a subject of its own; "In a new study out Monday, they detail
    how ..." (with "study" parsed as a verb) has none."""
    if child.dep_ != "ccomp":
        return False
    return child.i > cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in child.children)


def _stance_clause(cue: Token) -> Token | None:
    """ "reiterated its position that settlements are illegal": the "that" clause of the stance the
    reporting verb states is what was said; "said in a statement that ...", "wrote in a column
    that ...": the "that" clause the parser hung on where the words were said."""
    nouns = [c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in resources.stance_nouns()]
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "during")):
        nouns += [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in resources.speech_occasions()]
    for noun in nouns:
        for clause in noun.children:
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            if clause.dep_ in ("acl", "ccomp") and that:
                return clause
    return None


def _char_range(ctx: QuoteContext, bounds: tuple[int, int]) -> tuple[int, int]:
    last = ctx.doc[bounds[1] - 1]
    return ctx.doc[bounds[0]].idx, last.idx + len(last.text)
