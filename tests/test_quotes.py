"""Quote finding and attribution on invented news text, through the pinned model."""

import pytest


def speaker_name(extraction, quote):
    speakers = {s.id: s for s in extraction.speakers}
    speaker = speakers.get(quote.speaker)
    return (speaker.name or speaker.description) if speaker else None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Maria Lopez, the mayor, said: “We will rebuild the bridge by spring.”\n",
            "We will rebuild the bridge by spring.",
            "Maria Lopez",
        ),
        (
            "“We will rebuild the bridge by spring,” said Maria Lopez.\n",
            "We will rebuild the bridge by spring,",
            "Maria Lopez",
        ),
        (
            "“The figures do not add up,” Professor Alan Birch told the committee.\n",
            "The figures do not add up,",
            "Alan Birch",
        ),
        ('"Nobody warned us," said a resident who lives nearby.\n', "Nobody warned us,", "resident who lives nearby"),
    ],
)
def test_quotes_direct_attribution_shapes(run_text, text, quote, speaker):
    result = run_text(text)
    direct = [q for q in result.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [quote]
    assert speaker in (speaker_name(result, direct[0]) or "")
    assert direct[0].cue is not None and 0 < direct[0].confidence <= 1


def test_quotes_interrupted_quote_is_one_quote_in_two_pieces(run_text):
    result = run_text("“We will,” the minister said, “act before the winter.”\n")
    (quote,) = [q for q in result.quotes if q.kind == "direct"]
    assert [s.text for s in quote.spans] == ["We will,", "act before the winter."]


def test_quotes_uncued_paragraph_continues_previous_speaker(run_text):
    text = "Dr Amara Osei said: “The ward is full.”\n\n“We have asked for more beds and we are still waiting.”\n"
    result = run_text(text)
    direct = [q for q in result.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert direct[0].speaker == direct[1].speaker is not None
    assert direct[1].confidence < direct[0].confidence
    assert "continues" in direct[1].evidence


def test_quotes_indirect_and_partial_share_the_speaker(run_text):
    text = "The regulator warned that the banks had taken “reckless risks” with savings.\n"
    result = run_text(text)
    kinds = {q.kind: q for q in result.quotes}
    assert set(kinds) == {"indirect", "partial"}
    assert kinds["indirect"].text.startswith("the banks had taken")
    assert kinds["partial"].text == "reckless risks"
    assert kinds["partial"].speaker == kinds["indirect"].speaker is not None


def test_quotes_offsets_point_at_the_quote_text(run_text):
    text = "Headline here\n\nTom Reyes said: “Prices rose again.”\n\n“It hurts,” he added.\n"
    result = run_text(text)
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        for span in quote.spans:
            assert text[span.start : span.end] == span.text


def test_quotes_name_in_quote_marks_is_not_a_quote(run_text):
    result = run_text("She appeared on “Saturday Night Live” last year.\n")
    assert not [q for q in result.quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "title_like"),
    [
        ("Meet the Press.", True),
        ("American Sniper", True),
        ("We will act.", False),
        ("Perception", True),
    ],
)
def test_quotes_title_like_quote_marks(text, title_like):
    from pipeline.quotes.find import is_title_like

    assert is_title_like(text) is title_like


def test_quotes_dash_attribution(run_text):
    result = run_text("Letters\n\n“We will not give up on this town.” — Margaret Holloway, union organiser\n")
    (quote,) = result.quotes
    assert speaker_name(result, quote) == "Margaret Holloway"
    assert "dash" in quote.evidence


@pytest.mark.parametrize("quoted", ["1917", "2-0", "£5"])
def test_quotes_figures_in_quote_marks_are_not_quotes(run_text, quoted):
    result = run_text(f"Awards night\n\nThe war film “{quoted},” took the top prize, its studio said.\n")
    assert not any(q.text.strip(",") == quoted for q in result.quotes)


@pytest.mark.parametrize(
    ("text", "words", "kept"),
    [
        ("Gadgets\n\nThe so-called “smart meters” were fitted in every home last year.\n", "smart meters", False),
        ("Drugs\n\nThe drug now carries a “black box” warning on every pack.\n", "black box", False),
        (
            "Money\n\nMinisters met in London.\n\nThe plan became known as “the big squeeze” by the end.\n",
            "the big squeeze",
            False,
        ),
        # Words that say something keep their quote marks, cue or not.
        ("Police\n\nThe officers did not “spot the signs” of abuse in time.\n", "spot the signs", True),
        # Claimed by a cue of their sentence: a quote, however short.
        ("Budget\n\nThe minister called the plan “a disgrace” on Monday.\n", "a disgrace", True),
        # "so-called" keeps its distance inside reported speech too.
        ("Budget\n\nThe minister said the so-called “experts” were wrong about it.\n", "experts", False),
        # "posted photos" reports nothing: no cue to claim a nickname.
        ("Depot\n\nFriends offered to work for my “campaign” when I posted the story on Facebook.\n", "campaign",
         False),
        # A nickname after one word the model typed nothing: a term, not that word's quote.
        ("Depot\n\nHalecki, who goes by “Vito,” was among the depot's old hands.\n", "Vito", False),
    ],
    ids=[
        "so-called-term", "term-before-a-noun", "nickname", "verb-phrase-kept", "cue-claims-it", "so-called-reported",
        "posted-a-story", "nickname-after-one-word",
    ],
)
def test_quotes_terms_in_quote_marks_are_not_quotes(run_text, text, words, kept):
    """A few words in quote marks that name a thing, with no cue or speaker of their sentence tied to
    them, are a term, a nickname or a slogan, not a partial quote."""
    found = [q for q in run_text(text).quotes if q.text.strip(".,") == words]
    assert bool(found) is kept


@pytest.mark.parametrize(("figure", "unit"), [("30%", "percent"), ("£3m", "GBP"), ("5°", None)])
def test_quotes_reported_speech_keeps_the_sign_of_its_last_figure(run_text, figure, unit):
    """ "... could rise by 30%." ends with "30%": the sign is the figure's, so the claim is the
    speaker's, not the publication's."""
    result = run_text(f"Prices\n\nThe analyst said costs could rise by {figure}.\n")
    (quote,) = result.quotes
    assert quote.text.rstrip(".").endswith(figure)
    claim = next(c for c in result.numeric_claims if c.text.startswith(figure[:1]))
    assert claim.claimant == quote.speaker is not None


# ---- every attribution rule, by its id: the golden table (quotes/rules.py QUOTE_RULES) -------------
RULE_SHAPES = [
    ("direct_cue_before", "Mayor Ines Duarte said: “We will not sell the depot.”", "We will not sell", "Ines Duarte"),
    ("direct_cue_after", "“We will not sell the depot,” said Mayor Ines Duarte.", "We will not sell", "Ines Duarte"),
    (
        "direct_cue_next_sentence",
        "“We will not sell the depot.” Mayor Ines Duarte said it twice on Monday.",
        "We will not sell",
        "Ines Duarte",
    ),
    ("direct_name_after_dash", "“We will not sell the depot.” — Ines Duarte, mayor", "We will not sell", "Ines Duarte"),
    (
        "direct_cue_farther_before",
        "Mayor Ines Duarte said on Monday, after a long and often bitter meeting with the council, "
        "“We will not sell the depot.”",
        "We will not sell",
        "Ines Duarte",
    ),
    (
        "direct_named_before_colon",
        "The sale does not surprise union leader Tom Hale: “They wanted the land all along.”",
        "They wanted the land",
        "Tom Hale",
    ),
    (
        "direct_cue_ends_paragraph_before",
        "Mayor Ines Duarte told reporters on Monday:\n\n“We will not sell the depot.”",
        "We will not sell",
        "Ines Duarte",
    ),
    (
        "direct_introduced_by_paragraph",
        "Mayor Ines Duarte released the following statement:\n\n“We will not sell the depot.”",
        "We will not sell",
        "Ines Duarte",
    ),
    (
        "direct_subject_before_colon",
        "At the rally on Monday, Mayor Ines Duarte went even further: “We will not sell the depot.”",
        "We will not sell",
        "Ines Duarte",
    ),
    (
        "direct_after_speech_tag",
        "Mayor Ines Duarte told the Harwick Courier. “We will not sell the depot.”",
        "We will not sell",
        "Ines Duarte",
    ),
    (
        "direct_after_named_subject",
        "Tom Hale said: “The depot must stay open.”\n\n"
        "Ines Duarte defended her record as mayor on Monday. “We kept every route running through the strike.”",
        "We kept every route",
        "Ines Duarte",
    ),
    (
        "partial_in_reported_speech",
        "Mayor Ines Duarte said the sale was “a betrayal of every worker” in the city.",
        "a betrayal of every worker",
        "Ines Duarte",
    ),
    (
        "partial_cue_in_sentence",
        "In a letter, Mayor Ines Duarte described the sale as “a betrayal of every worker” in the city.",
        "a betrayal of every worker",
        "Ines Duarte",
    ),
    (
        "partial_named_subject",
        "Tom Hale will fight the sale “today, tomorrow and for ever” at the rally.",
        "today, tomorrow",
        "Tom Hale",
    ),
    (
        "indirect_reported_clause",
        "Mayor Ines Duarte said the depot would stay open until next year.",
        "the depot would stay open",
        "Ines Duarte",
    ),
    (
        "indirect_parenthetical_cue",
        "The depot, Mayor Ines Duarte said, would stay open until next year.",
        "The depot",
        "Ines Duarte",
    ),
    (
        "indirect_according_to",
        "The depot will close next year, according to Mayor Ines Duarte.",
        "The depot will close",
        "Ines Duarte",
    ),
    (
        "indirect_directive",
        "Mayor Ines Duarte urged the council to keep the depot open until next year.",
        "to keep the depot open",
        "Ines Duarte",
    ),
    (
        "indirect_characterised",
        "Mayor Ines Duarte called the sale of the depot a serious mistake.",
        "the sale of the depot a serious mistake",
        "Ines Duarte",
    ),
    (
        "direct_continues",
        "Mayor Ines Duarte said: “We will not sell the depot.”\n\n“The workers deserve better than this.”",
        "The workers deserve",
        "Ines Duarte",
    ),
    (
        "partial_continues",
        "Mayor Ines Duarte said: “We will not sell the depot.”\n\n"
        "The plan “will betray every worker in this city” and nothing less.",
        "will betray every worker",
        "Ines Duarte",
    ),
    ("direct_no_speaker", "“We will not sell the depot and we will not give up the fight.”", "We will not sell", None),
    ("partial_no_speaker", "The plan “will betray every worker in this city” and nothing less.", "will betray", None),
]


@pytest.mark.parametrize(("rule", "body", "words", "speaker"), RULE_SHAPES, ids=[r[0] for r in RULE_SHAPES])
def test_quotes_every_attribution_rule_by_its_id(run_text, rule, body, words, speaker):
    from pipeline.quotes import CONFIDENCE

    result = run_text(f"Pay talks\n\n{body}\n")
    quote = next(q for q in result.quotes if q.text.startswith(words))
    names = {s.id: s.name for s in result.speakers}
    assert (quote.evidence, names.get(quote.speaker or "")) == (rule, speaker)
    assert quote.confidence == CONFIDENCE[rule]


@pytest.mark.parametrize(
    "narration",
    [
        "The depot was closed on Monday.",  # no one's act: the quote continues
        "The council voted to close the depot on Monday.",  # a body's act, not a person named
        "Ines Duarte was thanked by the drivers on Monday.",  # a passive: she is acted on
    ],
)
def test_quotes_only_a_person_named_as_the_subject_takes_a_quote_from_the_one_before(run_text, narration):
    body = f"Tom Hale said: “The depot must stay open.”\n\n{narration} “We kept every route running.”"
    result = run_text(f"Pay talks\n\n{body}\n")
    quote = next(q for q in result.quotes if q.text.startswith("We kept"))
    names = {s.id: s.name for s in result.speakers}
    assert (quote.evidence, names.get(quote.speaker or "")) == ("direct_continues", "Tom Hale")


def test_quotes_the_golden_table_covers_every_rule_of_the_table():
    from pipeline.quotes import QUOTE_RULES

    assert [r.id for r in QUOTE_RULES] and {r.id for r in QUOTE_RULES} == {r[0] for r in RULE_SHAPES}
    assert len({r.id for r in QUOTE_RULES}) == len(QUOTE_RULES)


# ---- cues the parser misreads or sets far from the quote (quotes/cues.py) -------------------------
@pytest.mark.parametrize(
    ("body", "words", "kind", "speaker"),
    [
        # A direct quote that is the "that" clause of a cue far before it, with a cue in the next
        # sentence: its own sentence's cue.
        ("Mayor Ines Duarte told reporters that she had met the union twice and that “We will not sell "
         "the depot.” Officials said talks would resume next week.", "We will not sell", "direct", "Ines Duarte"),
        # An inverted cue the parser reads as an adjective of the speaker's noun phrase.
        ("“A long day,” tweeted union spokesman Tom Hale. “But the depot stays open.”", "A long day", "direct",
         "Tom Hale"),
        # ... or as taking the speaker as its object; speech tags of a story told ("remembered",
        # "reflected", "marvelled") and verbs of guessing aloud ("speculated that") are cues.
        ("“It was a different time,” remembered Tom Hale, the union's former leader.", "It was a different",
         "direct", "Tom Hale"),
        ("“I never thought I would see this,” marvelled Ines Duarte, 72.", "I never thought", "direct",
         "Ines Duarte"),
        ("Mayor Ines Duarte speculated that the depot would be sold next year.", "the depot would be sold",
         "indirect", "Ines Duarte"),
        # The parser took the quote's last word for the cue's subject, the speaker for its apposition.
        ("“They were rivals, but also friends,” William M. Daley, the president's former chief of staff, said of "
         "their time together.", "They were rivals", "direct", "William M. Daley"),
        # "put it": a cue with its object.
        ("As Tom Hale put it, “The depot is the heart of this town.”", "The depot is the heart", "direct",
         "Tom Hale"),
        # A quote takes one speech tag: the next tag is another speaker's.
        ("“We are drivers,” Ines Duarte said. “We are not thieves.” Tom Hale said: “The depot must stay open.”",
         "The depot must stay", "direct", "Tom Hale"),
        # The subject of a passive verb of hearsay the reporting verb completes.
        ("Mayor Ines Duarte was quoted as saying the depot would stay open until next year.",
         "the depot would stay open", "indirect", "Ines Duarte"),
        ("Mayor Ines Duarte is reported to have said that the depot would stay open until next year.",
         "the depot would stay open", "indirect", "Ines Duarte"),
        # What a participle after an issued text says, its issuer says.
        ("Mayor Ines Duarte issued a statement saying the depot would stay open until next year.",
         "the depot would stay open", "indirect", "Ines Duarte"),
        ("The Harwick Union of Drivers posted a message saying the strike would go ahead on Monday.",
         "the strike would go ahead", "indirect", "Harwick Union of Drivers"),
        # A cue in a relative clause set off after the quote describes the speaker; theirs is later.
        ("“The drivers are under a lot of pressure,” Tom Hale, who was not authorised to speak publicly, "
         "told Ines Duarte.", "The drivers are under", "direct", "Tom Hale"),
        ("“The drivers are under a lot of pressure,” Tom Hale, who was asked to speak for the drivers, "
         "told reporters.", "The drivers are under", "direct", "Tom Hale"),
        # A participle before a noun is no cue ("a written statement"): the verb before it is.
        ("Tom Hale told the Harwick Courier in a written statement, “The depot must stay open.”",
         "The depot must stay", "direct", "Tom Hale"),
        # A "that" clause the parser hung on where the words were said is the cue's.
        ("Mayor Ines Duarte said in a statement that the depot would stay open until next year.",
         "the depot would stay open", "indirect", "Ines Duarte"),
        ("Tom Hale said in an interview that the depot would stay open until next year.",
         "the depot would stay open", "indirect", "Tom Hale"),
        # A title written short keeps its full stop, which ends no sentence before the name.
        ("Officers were called to a home on Depot Street around 3 a.m., Const. Rob Carver said on Monday.",
         "Officers were called", "indirect", "Rob Carver"),
        # A quote mark with no space before it: the cue is still a word of its own.
        ("Tom Hale said,“The depot must stay open. It is the heart of the town.”", "The depot must stay", "direct",
         "Tom Hale"),
        # The parser made the phrase after the quote the subject of its own apposition's verb.
        ("“If it weren't for the swap, I would have been sitting in a cell for a long time,” Mr. Hale, now 81 "
         "and retired in Harwick, Mass., said by telephone this week.", "If it weren't", "direct", "Hale"),
        # "posted" with an object that is itself something said.
        ("Tom Hale, the union's leader, posted just two words on his page - “So terrible” - with a link to the "
         "report.", "So terrible", "direct", "Tom Hale"),
        # A partial quote's subject: a full name the model typed nothing is a name still.
        ("Ana Lopes, star of the television show “Harbour Lights,” thanked the mayor for “taking these steps "
         "to make us all safer.”", "taking these steps", "partial", "Ana Lopes"),
        # A sentence that only tells who spoke, ending the paragraph before the quote.
        ("The chef Tom Hale praised the mayor's leadership after the floods.\n\n“We need someone who is going "
         "to cut through the nonsense. She is that woman.”", "We need someone", "direct", "Tom Hale"),
        # "posted" as a speech tag; the owner of a reply or an answer before a colon.
        ("“The depot must stay open,” Tom Hale posted on Facebook on Monday.", "The depot must stay", "direct",
         "Tom Hale"),
        ("Ines Duarte met the drivers on Monday. Her answer was short: “The depot must stay open.”",
         "The depot must stay", "direct", "Ines Duarte"),
    ],
)  # fmt: skip
def test_quotes_a_cue_far_before_misread_or_on_an_issued_text_finds_its_speaker(run_text, body, words, kind, speaker):
    result = run_text(f"Depot\n\n{body}\n")
    quote = next(q for q in result.quotes if q.text.startswith(words))
    names = {s.id: s.name for s in result.speakers}
    assert (quote.kind, names.get(quote.speaker or "")) == (kind, speaker)


def test_quotes_a_text_only_read_says_nothing_for_its_reader(run_text):
    result = run_text("Depot\n\nMayor Ines Duarte read a report saying the depot would close next year.\n")
    assert not any(
        q.speaker
        and q.text.startswith("the depot would close")
        and {s.name for s in result.speakers if s.id == q.speaker} == {"Ines Duarte"}
        for q in result.quotes
    )


# ---- reporting clauses set off inside the clause they report --------------------------------------
@pytest.mark.parametrize(
    ("body", "pieces"),
    [
        ("The depot, she said, would stay open until next year.", ["The depot", "would stay open until next year"]),
        ("However, fares also rose sharply, Ms Duarte says, from 5% to 9% last year.", None),
        ("This, she says, is “scary” for the workers.", ["This", "is “scary” for the workers"]),
    ],
)
def test_quotes_a_reporting_clause_inside_what_it_reports_reports_the_rest(run_text, body, pieces):
    result = run_text(f"Depot\n\nMayor Ines Duarte spoke on Monday. {body}\n")
    quote = next(q for q in result.quotes if q.kind == "indirect")
    assert quote.evidence == "indirect_parenthetical_cue"
    texts = [s.text for s in quote.spans]
    assert len(texts) == 2 and not any("says" in t or "said" in t for t in texts)
    if pieces is not None:
        assert texts == pieces
    assert {s.name for s in result.speakers if s.id == quote.speaker} == {"Ines Duarte"}


# ---- terms in quote marks (quotes/terms.py) -------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "The patient was diagnosed with what is called “sofa lung” last spring.",  # passive naming verb
        "The illness has since been dubbed “sofa lung” in the region.",
        "The practice, known as “ghost booking”, is spreading.",
        "It earned the nickname “the iron bridge” years ago.",  # a naming noun
        "Airlines may now resort to “bumping” - when a passenger is moved to a later flight.",  # a gloss
        # used unquoted elsewhere, though a cue of the sentence (not governing it) could claim it
        "Patients with “sofa lung” need rest, and Dr Lee says the clinic is full. Sofa lung is rare.",
        # a word flagged where it modifies the noun after it, no reporting verb acting on that noun
        "Dr Lee claimed the “real” waiting lists were far longer.",
        "The plumes are bigger than “exogenic” processes could explain.",
    ],
)
def test_quotes_words_named_as_a_term_are_not_quotes(run_text, body):
    result = run_text(f"Health\n\n{body}\n")
    assert not [q for q in result.quotes if q.kind == "partial"], [q.text for q in result.quotes]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("The minister called the plan “a disgrace” on Monday.", "a disgrace"),  # active: the minister's words
        ("The plan has been called “a disgrace” by the minister.", "a disgrace"),  # passive with its agent
        ("Dr Lee said the ward was “barely coping” with the cold.", "barely coping"),
        ("Dr Lee said the plan was “reckless”. He added that reckless plans cost lives.", "reckless"),  # one word
        ("The premier cheered on the “historic” move.", "historic"),  # the noun a reporting verb acts on
    ],
)
def test_quotes_words_someone_said_stay_quotes(run_text, body, words):
    result = run_text(f"Health\n\n{body}\n")
    assert [q.text for q in result.quotes if q.kind == "partial"] == [words]


def test_quotes_the_headline_repeating_a_body_quote_is_counted_once(run_text):
    text = (
        "Rescue video: “We got her!”\n\nOfficers found the girl on Monday.\n\n"
        "“We got her, we got her!” officers shouted on their radios.\n"
    )
    quotes = [q for q in run_text(text).quotes if "got her" in q.text]
    assert len(quotes) == 1 and quotes[0].start > text.index("Officers")


def test_quotes_the_headline_marks_around_words_nobody_says_are_not_quotes(run_text):
    result = run_text("Shoppers ‘lose patience’ with queues\n\nQueues at tills grew longer this year.\n")
    assert not result.quotes


def test_quotes_a_first_line_that_reads_as_a_sentence_is_not_a_headline(run_text):
    result = run_text("Dr Amara Osei said: “The ward is full.”\n\nThe hospital opened in 1990.\n")
    assert [q.text for q in result.quotes] == ["The ward is full."]


# ---- reporting verbs that report nothing said (quotes/acts.py) ------------------------------------
@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("The agency did not say whether the bridge would close.", "negated"),
        ("The agency never said that the bridge would close.", "negated"),
        ("No official said that the bridge would close.", "negated"),
        ("The agency declined to say whether the bridge would close.", "withheld"),
        ("Officials could announce that the bridge will close.", "hypothetical"),
        ("If the council says that the bridge is unsafe, it will close.", "hypothetical"),
        ("If the council were to say that the bridge is unsafe, it would close.", "hypothetical"),
        ("The share of drivers who said they had crossed the bridge rose.", "describes_a_group"),
        ("The share who said they had crossed the bridge rose to 20%.", "describes_a_group"),
        ("The majority who said they had crossed the bridge were women.", "describes_a_group"),
        ("That being said, the bridge is the safest in the county.", "set_phrase"),
        ("Having said that, the bridge is the safest in the county.", "set_phrase"),
        ("Needless to say, the bridge is the safest in the county.", "set_phrase"),
    ],
)
def test_quotes_reporting_verbs_that_report_nothing_said_make_no_quote(run_text, nlp, body, reason):
    from pipeline.quotes.acts import unspoken

    result = run_text(f"Bridge\n\n{body}\n")
    assert [q for q in result.quotes if q.kind == "indirect"] == []
    cues = [t for t in nlp(body) if t.lemma_ in ("say", "announce")]
    assert [unspoken(t) for t in cues] == [reason]


def test_quotes_the_writer_s_set_phrase_is_no_clause_a_later_cue_reports(run_text):
    text = "Bridge\n\nTom Reed spoke on Monday. That being said, “the bridge is safe,” he added.\n"
    assert [q.text for q in run_text(text).quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Residents, who said the bridge was unsafe, marched on Monday.",  # an aside, not a restriction
        "The mayor will say in a speech today that the bridge is unsafe.",  # a speech in hand
        "The engineers said that the bridge was unsafe.",
    ],
)
def test_quotes_reporting_verbs_that_report_speech_still_do(run_text, body):
    result = run_text(f"Bridge\n\n{body}\n")
    assert [q.text for q in result.quotes if q.kind == "indirect"] == ["the bridge was unsafe"] or [
        q.text for q in result.quotes if q.kind == "indirect"
    ] == ["the bridge is unsafe"]


def test_quotes_the_that_clause_of_a_stance_a_reporting_verb_states_is_reported_speech(run_text):
    result = run_text("Talks\n\nThe ministry reiterated its position that the border would stay closed.\n")
    assert [q.text for q in result.quotes if q.kind == "indirect"] == ["the border would stay closed"]
    result = run_text("Talks\n\nThe ministry rejected the claim that the border would stay closed.\n")
    assert [q for q in result.quotes if q.kind == "indirect"] == []  # a claim rejected is not said


def test_quotes_a_court_s_ruling_is_reported_speech(run_text):
    result = run_text("Court\n\nThe Supreme Court ruled that the ban was lawful under the constitution.\n")
    assert [q.text for q in result.quotes if q.kind == "indirect"] == ["the ban was lawful under the constitution"]


def test_quotes_quoted_words_running_past_the_reported_sentence_stay_in_it(run_text):
    text = 'Fight\n\nThe coach said Reed "started the fight. You get what you give." The league did not comment.\n'
    (indirect,) = [q for q in run_text(text).quotes if q.kind == "indirect"]
    assert indirect.text == 'Reed "started the fight. You get what you give."'


@pytest.mark.parametrize(
    "body",
    ["The video shows that officers forced the door open.", "Blood tests revealed that the man had antibodies."],
)
def test_quotes_what_a_recording_or_a_test_shows_is_not_said(run_text, nlp, body):
    from pipeline.quotes.acts import unspoken

    assert [q for q in run_text(f"Rescue\n\n{body}\n").quotes if q.kind == "indirect"] == []
    assert [unspoken(t) for t in nlp(body) if t.lemma_ in ("show", "reveal")] == ["shown_not_said"]
    result = run_text("Crime\n\nThe police report shows that burglaries fell by a third last year.\n")
    assert [q.kind for q in result.quotes] == ["indirect"]  # a report speaks


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        (
            "Dr Tom Reed told the man to remove the bedding from his home.",
            "to remove the bedding from his home",
            "Tom Reed",
        ),
        ("Ann Byrne urged voters to reject the new bridge plan.", "to reject the new bridge plan", "Ann Byrne"),
        ("Ann Byrne warned drivers not to use the old bridge.", "not to use the old bridge", "Ann Byrne"),
    ],
)
def test_quotes_what_someone_was_told_to_do_is_reported_speech(run_text, body, words, speaker):
    """Row indirect_directive: a directive cue (resources/cue_verbs.txt) with the one addressed and
    an infinitive reports what they were told to do."""
    result = run_text(f"Bridge\n\nThe bridge was closed on Monday.\n\n{body}\n")
    quote = next(q for q in result.quotes if q.kind == "indirect")
    assert quote.text == words and quote.evidence == "indirect_directive"
    assert next(s for s in result.speakers if s.id == quote.speaker).name == speaker


@pytest.mark.parametrize(
    "body",
    [
        "Tom Reed was asked to leave the meeting early.",  # a passive: who asked is not said
        "Tom Reed asked to speak to the bridge manager.",  # nobody addressed
    ],
)
def test_quotes_a_directive_needs_the_one_addressed_and_an_active_verb(run_text, body):
    result = run_text(f"Bridge\n\nThe bridge was closed on Monday.\n\n{body}\n")
    assert [q.text for q in result.quotes] == []


def test_quotes_a_clause_before_the_cue_with_no_subject_is_not_what_it_reports(run_text):
    """ "In a new case study out Monday, they detail how ...": with "study" parsed as a verb, the
    words before the cue have no subject; the clause after it is what is reported."""
    body = "In a new case study out Monday, doctors detail how the man came down with a rare allergy."
    result = run_text(f"Allergy\n\nThe study was published on Monday.\n\n{body}\n")
    assert [q.text for q in result.quotes] == ["the man came down with a rare allergy"]


def test_quotes_one_word_said_right_after_is_an_utterance_not_a_title(run_text):
    """One capitalised word in quote marks is taken for a title ("the film “Parasite”"), unless a
    comma closes it and a reporting verb follows: “Amazing,” Davis said. “...” is Davis's, whole."""
    text = (
        "Match report\n\nThe match was played on Sunday.\n\n“I am so happy,” James said.\n\n"
        "“Amazing,” Davis said. “To beat every team in the league is something special.”\n"
    )
    result = run_text(text)
    quote = next(q for q in result.quotes if "every team" in q.text)
    assert [p.text for p in quote.spans][0] == "Amazing,"
    assert next(s for s in result.speakers if s.id == quote.speaker).name == "Davis"


def test_quotes_a_title_with_a_comma_and_no_cue_stays_a_title(run_text):
    result = run_text("Film\n\nThe show opened on Friday.\n\nThe film “Parasite,” which won four awards, opened.\n")
    assert list(result.quotes) == []


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        (
            "Mayor Ines Duarte conceded there were delays but said the depot would reopen in May.",
            ["there were delays", "the depot would reopen in May"],
        ),
        (
            "Mayor Ines Duarte said the depot was too costly and added that it would close in May.",
            ["the depot was too costly", "it would close in May"],
        ),
        (
            "Mayor Ines Duarte said the council had agreed the depot would close, saying she regretted it.",
            ["the council had agreed the depot would close", "she regretted it"],
        ),
    ],
)
def test_quotes_a_second_reporting_verb_ends_the_speech_the_first_reports(run_text, body, reported):
    """ "but said", "and added", ", saying": another attribution takes over however the parser hung
    it, so each reporting verb reports its own words and nothing of the next."""
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    assert [q.text for q in result.quotes if q.kind == "indirect"] == reported


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        (
            "About three in 10 drivers said the depot should stay open, while six in 10 said they wanted it closed.",
            [("the depot should stay open", "three in 10 drivers"), ("they wanted it closed", "six in 10")],
        ),
        (
            "Mayor Ines Duarte said the depot would close in May, but the union said the date was not agreed.",
            [("the depot would close in May", "Ines Duarte"), ("the date was not agreed", "union")],
        ),
        (
            "Mayor Ines Duarte said the depot was too costly, and its drivers said they had heard nothing.",
            [("the depot was too costly", "Ines Duarte"), ("they had heard nothing", "drivers")],
        ),
    ],
)
def test_quotes_a_second_speaker_s_clause_ends_the_first_s_reported_speech(run_text, body, reported):
    """ "X said ..., while Y said ...": a reporting verb whose own subject opens after a word that
    joins clauses is another speaker's; each reports their own words, not the other's."""
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quotes = [q for q in result.quotes if q.kind == "indirect"]
    assert [q.text for q in quotes] == [words for words, _ in reported]
    for quote, (_, speaker) in zip(quotes, reported, strict=True):
        assert speaker in (speaker_name(result, quote) or "")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # A passive cue with no agent: the sentence's "according to" says whose account it is.
        ("According to the Harwick Transport Union, drivers were told: “Your depot closes in May.”",
         "Harwick Transport Union"),
        # ... and with none, nobody.
        ("On Monday, drivers were told: “Your depot closes in May.”", None),
    ],
)  # fmt: skip
def test_quotes_a_passive_cue_s_speaker_is_the_source_its_sentence_names(run_text, body, speaker):
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quote = next(q for q in result.quotes if q.text.startswith("Your depot"))
    assert speaker_name(result, quote) == speaker


def test_quotes_the_same_words_found_by_two_cues_stay_once_the_first_cue_s():
    """ "said ... that the council asked her to give evidence", parsed with "that" the object of
    "give": the reported clause and what she was asked to do are the same words. One quote, the
    first cue's (each had dropped the other as reported speech inside it: no quote at all)."""
    from types import SimpleNamespace

    from pipeline.quotes.context import Attribution, Candidate
    from pipeline.quotes.reported import _outermost

    said = Candidate("indirect", [(40, 90)], Attribution(3, 4, "indirect_reported_clause", 0.9))
    asked = Candidate("indirect", [(40, 90)], Attribution(12, 13, "indirect_directive", 0.85))
    within = Candidate("indirect", [(60, 90)], Attribution(15, None, "indirect_reported_clause", 0.9))
    assert _outermost(SimpleNamespace(doc=None), [said, asked, within]) == [said]


def test_quotes_a_relative_clause_s_speaker_does_not_end_the_reported_speech(run_text):
    """ "who said" opens no other speaker's clause: its subject points back into the first one."""
    body = "Mayor Ines Duarte said the drivers, who said they were tired, would strike on Monday."
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    duarte = [q for q in result.quotes if speaker_name(result, q) == "Ines Duarte"]
    assert len(duarte) == 1 and duarte[0].text.endswith("would strike on Monday")


def test_quotes_reported_speech_inside_reported_speech_is_the_outer_speaker_s(run_text):
    """ "Duarte said the board had concluded that ...": one quote, Duarte's; the board's words
    reach the reader only through her."""
    body = "Mayor Ines Duarte said the board had concluded that the depot was too costly to run."
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    assert [q.text for q in result.quotes] == ["the board had concluded that the depot was too costly to run"]
    assert speaker_name(result, result.quotes[0]) == "Ines Duarte"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # Speech in what someone recounts is their account: the witness's, not the one recounted.
        ("Witness Ines Duarte testified about a meeting at which Paul Grant told staff the depot was too costly.",
         "Ines Duarte"),
        ("Mayor Ines Duarte described a meeting where Paul Grant said the depot was too costly.", "Ines Duarte"),
        # A relative pronoun that speaks speaks for itself: the report's words, not the mayor's.
        ("Mayor Ines Duarte praised the audit, which said the depot was too costly.", "audit"),
    ],
)  # fmt: skip
def test_quotes_speech_inside_what_someone_recounts_is_theirs(run_text, body, speaker):
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quote = next(q for q in result.quotes if "too costly" in q.text)
    assert speaker in (speaker_name(result, quote) or "")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Mayor Ines Duarte said “the depot is too costly to run”.", "direct"),
        ("Mayor Ines Duarte said, “the depot is too costly to run.”", "direct"),
        ("Mayor Ines Duarte said the depot was “too costly to run”.", "partial"),  # no clause of its own
        ("Mayor Ines Duarte said “too costly” about the depot.", "partial"),  # the sentence goes on
        # A phrase after a verb of showing, its verb not finite: words picked out of hers.
        ("Mayor Ines Duarte said the accounts showed “a failure to plan”.", "partial"),
    ],
)
def test_quotes_a_clause_quoted_whole_after_its_reporting_verb_is_direct(run_text, body, kind):
    """A quoted clause opening right after "said" and closing the sentence is what was said word
    for word (a direct quote run into the sentence), however it begins."""
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quoted = [q for q in result.quotes if q.kind != "indirect"]
    assert [q.kind for q in quoted] == [kind]
    assert speaker_name(result, quoted[0]) == "Ines Duarte"


def test_quotes_speech_inside_a_narrated_how_clause_is_the_inner_speaker_s(run_text):
    """ "The review recounts how a driver explained that ...": the "how" clause narrates an event, and
    the speech inside it is the driver's quote, not the review's."""
    body = "The review recounts how a former driver explained that the brakes had failed twice that winter."
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    assert [q.text for q in result.quotes] == ["the brakes had failed twice that winter"]
    assert speaker_name(result, result.quotes[0]) == "former driver"


def test_quotes_a_reporting_verb_the_tagger_read_as_a_plural_noun_still_reports(run_text):
    """ "..., a new study reports.": "study reports" read as a compound noun governing the clause."""
    body = "Researchers have now detected one such plume directly for the first time, a new study reports."
    result = run_text(f"Space\n\n{body}\n")
    (quote,) = result.quotes
    assert quote.kind == "indirect" and quote.text.startswith("Researchers have now detected")
    assert "study" in (next(s for s in result.speakers if s.id == quote.speaker).description or "")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("Analyst Ana Lopes described the results as disappointing.", "the results as disappointing"),
        ("Ana Lopes attributed the fall in sales to the warm weather.", "the fall in sales to the warm weather"),
        ("Analyst Ana Lopes called the deal a turning point for the firm.", "the deal a turning point for the firm"),
        ("Analyst Ana Lopes called the police on Monday.", None),  # nothing it was called
        ("Analyst Ana Lopes called attention to the warm weather.", None),  # nor here
        ("The results were described as disappointing.", None),  # passive: nobody named calls it so
        ("Analyst Ana Lopes called the deal “a turning point”.", None),  # in quote marks: a partial quote
    ],
)
def test_quotes_what_someone_called_a_thing_is_reported_speech(run_text, body, words):
    result = run_text(f"Markets\n\n{body}\n")
    found = [q.text for q in result.quotes if q.evidence == "indirect_characterised"]
    assert found == ([words] if words else [])


@pytest.mark.parametrize("verb", ["shot back", "hit back", "fired back", "snapped back"])
def test_quotes_a_reporting_verb_with_its_particle_is_a_cue(run_text, verb):
    """ "“Nonsense,” she hit back": verbs that report only with "back" (resources/cue_verbs.txt)."""
    text = f"Row\n\nTom Reed spoke first on Monday.\n\n“That is nonsense,” Ana Lopes {verb}.\n"
    result = run_text(text)
    quote = next(q for q in result.quotes if "nonsense" in q.text)
    assert speaker_name(result, quote) == "Ana Lopes" and quote.evidence == "direct_cue_after"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Ana Lopes told the Harwick Courier. “We will fight this ruling all the way.”", "Ana Lopes"),
        ("The mayor spoke to reporters after the vote. “We will fight this ruling all the way.”", "mayor"),
        # A tag of its own after the quote wins.
        ("Tom Reed spoke to reporters. “We will fight this ruling,” Ana Lopes said.", "Ana Lopes"),
        # A sentence that tells no speech act names nobody.
        ("The hearing ended on Monday. “We will fight this ruling all the way.”", None),
    ],
)
def test_quotes_a_sentence_telling_only_who_spoke_names_the_quote_after_it(run_text, body, speaker):
    result = run_text(f"Ruling\n\nThe court sat in Harwick.\n\n{body}\n")
    quote = next(q for q in result.quotes if "fight this ruling" in q.text)
    assert speaker_name(result, quote) == speaker


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        ("Ines Duarte closed her speech by saying “We will not sell the depot.”", "We will not sell", "Ines Duarte"),
        ("The union leader retorted: “We will not sell the depot.”", "We will not sell", "union leader"),
        ("Protesters chanted “Save our depot” outside the hall.", "Save our depot", "Protesters"),
        # A clause inside the sentence ends where the verb it hangs on takes over.
        ("After saying the depot was too costly to run, Mayor Ines Duarte left the hall.",
         "the depot was too costly to run", "Ines Duarte"),
    ],
)  # fmt: skip
def test_quotes_more_ways_of_saying(run_text, body, words, speaker):
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quote = next(q for q in result.quotes if q.text.strip(".,").startswith(words))
    assert speaker in (speaker_name(result, quote) or "")


def test_quotes_a_colon_after_a_clause_with_no_speaker_names_nobody(run_text):
    result = run_text("Depot\n\nThe depot was closed on Monday.\n\nThe rules are simple: “No cars after six.”\n")
    assert [speaker_name(result, q) for q in result.quotes] == [None]


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        # "with X saying": X speaks, not the clause's subject.
        ("Shares fell sharply, with Ines Duarte saying the depot was “in freefall” this week.", "in freefall",
         "Ines Duarte"),
        # The nearest reporting verb above the quoted words claims them.
        ("The union criticised the plan, with Mayor Ines Duarte warning of “dangerous consequences”.",
         "dangerous consequences", "Ines Duarte"),
    ],
)  # fmt: skip
def test_quotes_with_someone_saying_is_theirs(run_text, body, words, speaker):
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quote = next(q for q in result.quotes if q.text.strip(".,") == words)
    assert speaker_name(result, quote) == speaker


def test_quotes_a_verb_s_own_with_is_no_one_saying(run_text):
    body = "The plan breaks with council resolutions declaring the depot to be unsafe for the public."
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    assert [q for q in result.quotes if q.kind == "indirect"] == []


def test_quotes_a_long_apposition_between_the_quote_and_its_cue(run_text):
    """The speaker phrase right after the quote is the subject of a cue farther on than the window."""
    body = (
        "“The depot is too costly to run,” study lead author Ines Duarte, a transport economist at the "
        "Harwick Institute for Urban Planning in Leeds, West Yorkshire, and at Leeds Beckett University, "
        "said in a statement."
    )
    result = run_text(f"Depot\n\nThe depot was closed on Monday.\n\n{body}\n")
    quote = next(q for q in result.quotes if "too costly" in q.text)
    assert speaker_name(result, quote) == "Ines Duarte" and quote.evidence == "direct_cue_after"


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # The clause's subject read as the cue's object: the clause starts at it.
        ("Tom Hale has insisted his plans to give drivers more freedom will save the depot.",
         "his plans to give drivers more freedom will save the depot"),
        # ... but not the ones the cue addresses.
        ("Tom Hale told reporters the depot would stay open.", "the depot would stay open"),
        ("Tom Hale assured investors the depot would stay open.", "the depot would stay open"),
        # A clause before its cue ends before the speaker's title written short.
        ("Officers were called to the depot around 3 a.m., Const. Rob Carver said on Monday.",
         "Officers were called to the depot around 3 a.m."),
    ],
)  # fmt: skip
def test_quotes_a_reported_clause_starts_at_its_subject_however_parsed(run_text, body, said):
    result = run_text(f"Depot\n\n{body}\n")
    assert [q.text for q in result.quotes if q.kind == "indirect"] == [said]
