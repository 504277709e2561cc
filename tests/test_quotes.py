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
    ],
    ids=["so-called-term", "term-before-a-noun", "nickname", "verb-phrase-kept", "cue-claims-it"],
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
        "indirect_according_to",
        "The depot will close next year, according to Mayor Ines Duarte.",
        "The depot will close",
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


def test_quotes_the_golden_table_covers_every_rule_of_the_table():
    from pipeline.quotes import QUOTE_RULES

    assert [r.id for r in QUOTE_RULES] and {r.id for r in QUOTE_RULES} == {r[0] for r in RULE_SHAPES}
    assert len({r.id for r in QUOTE_RULES}) == len(QUOTE_RULES)
