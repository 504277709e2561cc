"""Numeric claims in context: what is counted, what happened, who claims it."""

import pytest


def claims(result):
    return {c.text: c for c in result.numeric_claims}


def test_numbers_elided_unit_carries_over_and_predicates(run_text):
    text = "The ombudsman reviewed 412 appeals and rejected 97.\n"
    found = claims(run_text(text))
    assert found["412 appeals"].unit == "appeals" and found["412 appeals"].predicate == "reviewed"
    assert found["97"].unit == "appeals" and found["97"].predicate == "rejected"
    assert found["412 appeals"].subject == "The ombudsman"


def test_numbers_inside_quote_are_claimed_by_its_speaker(run_text):
    text = "Mayor Ines Duarte said: “We planted 3,000 trees last year.”\n"
    result = run_text(text)
    (claim,) = result.numeric_claims
    (quote,) = [q for q in result.quotes if q.kind == "direct"]
    assert claim.value == 3000 and claim.unit == "trees"
    assert claim.claimant == quote.speaker is not None and claim.quote == quote.id


def test_numbers_subject_count_takes_verb_and_object(run_text):
    text = "In the end, five managers were given formal warnings.\n"
    (claim,) = run_text(text).numeric_claims
    assert claim.value == 5 and claim.unit == "managers"
    assert claim.predicate == "given formal warnings"


def test_numbers_byline_date_is_metadata_not_a_claim(run_text):
    text = "Flood costs soar\n\nBy Sam Idowu | 14/02/2023\n\nRepairs will cost £40m, the council said.\n"
    result = run_text(text)
    assert result.article.published == "2023-02-14"
    assert [c.text for c in result.numeric_claims] == ["£40m"]


def test_numbers_offsets_and_sentence_are_consistent(run_text):
    text = "Sales rose 12% in May. About 40 stores closed.\n"
    for claim in run_text(text).numeric_claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence[0] <= claim.start < claim.end <= claim.sentence[1]


def test_numbers_rates_and_qualified_units(run_text):
    found = claims(run_text("Staff work 45 hours a week and temperatures hit 40 degrees Celsius.\n"))
    assert (found["45 hours a week"].unit, found["45 hours a week"].unit_normalized) == ("hours", "hour per week")
    assert (found["40 degrees Celsius"].unit, found["40 degrees Celsius"].unit_normalized) == (
        "degrees Celsius",
        "degree Celsius",
    )


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit", "unit_normalized", "approx"),
    [
        ("The charity opened 400 charging stations.", 400, "count", "charging stations", "charging station", "="),
        ("Councils face a £1.2 billion cut.", 1_200_000_000, "money", "pound", "GBP", "="),
        ("The firm paid 528 million francs for the site.", 528_000_000, "money", "francs", "CHF", "="),
        ("He has repaired dozens of vintage cars.", (12, 120), "count", "vintage cars", "car", "~"),
        ("It costs 8.99 Australian dollars per month.", 8.99, "money", "Australian dollars", "AUD per month", "="),
        ("She lost 25 pounds before the race.", 25, "measure", "pounds", "pound-mass", "down"),
        ("Nearly two-thirds of all firms agreed.", 0.6667, "fraction", "firms", "firm", "~"),
        ("Officers recorded 220 crimes a day.", 220, "count", "crimes", "crime per day", "="),
        ("Seven in 10 residents backed the plan.", 0.7, "fraction", "residents", "resident", "="),
        ("The list hit 1,159,368 - the lowest figure in years.", 1_159_368, "count", None, None, "="),
        ("The tunnel is 3.5 miles long.", 3.5, "measure", "miles", "mile", "="),
        ("They drove on a six-mile road.", 6, "measure", "mile", "mile", "="),
        ("The rebels seized thousands of rifles.", (1000, 10_000), "count", "rifles", "rifle", "~"),
        ("The number of pupils was 1,240 last term.", 1240, "count", "pupils", "pupil", "="),
        ("The mill will keep 85 weaver jobs.", 85, "count", "weaver jobs", "weaver job", "="),
        ("Landlords keep nearly half the rent.", 0.5, "fraction", "rent", "rent", "~"),
        # A spelt-out number before a capitalised word counts ("787 Dreamliner" is a model).
        # A name before what is counted describes these ones: the unit is the noun (issue 21).
        ("The carrier took delivery of six Boeing aircraft.", 6, "count", "Boeing aircraft", "aircraft", "="),
        # Adjectives saying how many more or how much they matter are not what is counted.
        ("The clinic saw 60 further patients.", 60, "count", "patients", "patient", "="),
        ("Officials gave three key reasons.", 3, "count", "reasons", "reason", "="),
        # The number as subject of a relative clause counts the noun the clause describes.
        (
            "Most came from burglary cases, where four in 10 were dropped.",
            0.4,
            "fraction",
            "burglary cases",
            "burglary case",
            "=",
        ),
        ("Police examined the burglaries, of which 40 were solved.", 40, "count", "burglaries", "burglary", "="),
        # A total whose figure counts what it does not name (resources/totals_of.txt).
        ("Waiting lists rose by 9,300 in May.", 9300, "count", "people", "people", "up"),
        ("The electorate grew by 12,000.", 12_000, "count", "voters", "voter", "up"),
        # A range's noun after its second number is counted by both ("10" holds it in the parse).
        ("The fire injured between 10 and 20 people.", (10, 20), "count", "people", "people", "="),
        # A singular noun after a number above one describes the next noun by its count or measure.
        ("The agency leaked the 12 page memo.", 12, "count", "page", "page", "="),
        ("The tablet ships with a 5 W charger.", 5, "measure", "W", "watt", "="),
        ("The flight took two and a half hours.", 2.5, "measure", "hours", "hour", "="),
        # A plural written as its singular is counted ("series", "aircraft"), not its modifier.
        ("There are two television series about him.", 2, "count", "television series", "television series", "="),
        # A name's number is no ratio: "Uranium One in three deals".
        ("The Russians bought Uranium One in three deals.", 3, "count", "deals", "deal", "="),
        # A year after a determiner describes what follows; a bare one before a plural counts it.
        ("The 2016 presidential contests began.", 2016, "year", None, None, "="),
        ("Some 2000 people marched.", 2000, "count", "people", "people", "~"),
        ("Files on 2012 Benghazi attacks were sought.", 2012, "year", None, None, "="),
        # Rates written as an adverb or "per" anything.
        ("The tax would raise $220 billion annually.", 220_000_000_000, "money", "dollar", "USD per year", "="),
        ("Debt averaged $25,550 per graduate.", 25_550, "money", "dollar", "USD per graduate", "="),
        # A rate written after what the unit is of.
        ("The mine produces 2 million tonnes of coal a year.", 2_000_000, "measure", "tonnes", "tonne per year", "="),
    ],
)
def test_numbers_forms_in_context(run_text, text, value, kind, unit, unit_normalized, approx):
    (claim,) = run_text(text + "\n").numeric_claims
    value = list(value) if isinstance(value, tuple) else value
    got_value = list(claim.value) if isinstance(claim.value, tuple) else claim.value
    assert (got_value, claim.kind, claim.unit, claim.unit_normalized, claim.approx) == (
        value,
        kind,
        unit,
        unit_normalized,
        approx,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Regulators grounded every 787 Dreamliner.",
        "She bought an iPhone 14 Pro yesterday.",
        "The S&P 500 futures slipped.",
        "They sat in Section 427 Row 21.",
        "Arsenal beat Chelsea 2-0 on Sunday.",
        "The storm became a Category 4 hurricane.",
        "Ministers triggered Article 50.",
        "She was one of the so-called rebels.",
        "He signed a five-year contract.",
    ],
)
def test_numbers_names_labels_scores_and_descriptions_are_not_claims(run_text, text):
    assert [c.text for c in run_text(text + "\n").numeric_claims] == []


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Councils face a £1.2 billion cut next year.", "cut"),
        ("The airline reported a 40% drop in profits.", "drop in profits"),
        ("The regulator imposed a fine of $5m.", "fine"),
        ("The ombudsman reviewed 412 appeals.", "reviewed"),
        ("The flight took two and a half hours.", "took"),  # not the unit, "hours"
    ],
)
def test_numbers_predicate_comes_from_the_numbers_own_clause(run_text, text, predicate):
    (claim,) = run_text(text + "\n").numeric_claims
    assert claim.predicate == predicate


def test_numbers_a_bracketed_conversion_stands_aside_from_the_range_it_interrupts(run_text):
    text = "Tickets cost between 40 dollars (£31) and 90 dollars.\n"
    claims = run_text(text).numeric_claims
    assert [(c.text, c.value, c.unit_normalized) for c in claims] == [
        ("between 40 dollars (£31) and 90 dollars", (40, 90), "USD"),
        ("£31", 31, "GBP"),
    ]


def test_numbers_dateline_under_a_byline_is_metadata(run_text):
    text = (
        "Hospital waits fall\n\nBy Ana Reyes\nWednesday 03 March 1999 00:02 GMT\n\n"
        "Waiting lists fell by 14,200 last month, officials said.\n"
    )
    result = run_text(text)
    assert result.article.published == "1999-03-03"
    assert [c.value for c in result.numeric_claims] == [14200]


def test_numbers_shares_compared_high_to_low_are_two_figures(run_text):
    text = "She leads him 48 percent to 41 percent, and rents rose from 4 percent to 6 percent.\n"
    claims = run_text(text).numeric_claims
    assert [c.value for c in claims] == [48, 41, 4, 6]  # and the change's two figures, from and to
    assert [c.change for c in claims] == [None, None, "from", "to"]


def test_numbers_a_vague_amount_takes_no_earlier_counts_noun(run_text):
    text = "A group of 67 artists warned of wars that left millions dead.\n"
    assert [c.unit for c in run_text(text).numeric_claims] == ["artists", None]


def test_numbers_a_wrong_unit_is_not_carried_to_later_numbers(run_text):
    text = "The list hit 1,159,368 - the lowest figure in years - and only 1,400 short of the target.\n"
    assert [c.unit for c in run_text(text).numeric_claims] == [None, None]


def _claimant_name(result, words):
    claim = next(c for c in result.numeric_claims if words in c.text)
    speaker = next((s for s in result.speakers if s.id == claim.claimant), None)
    return (speaker.name or speaker.description) if speaker else None


@pytest.mark.parametrize(
    ("text", "words", "claimant"),
    [
        # A narrator's figure about what a person did has no claimant, though the person speaks.
        (
            "Sprint final\n\nAna Cole said she felt strong. Cole finished the race in 9.9 seconds.\n",
            "9.9 seconds",
            None,
        ),
        # A body whose report the article gives states the figures of its own work.
        (
            "Watchdog report\n\nThe Police Conduct Office published its annual report on Monday. "
            "The report said complaints had grown. The Police Conduct Office investigated 265 complaints.\n",
            "265 complaints",
            "Police Conduct Office",
        ),
        # A body's deeds, told by the narrator, are the publication's figures.
        (
            "Airline results\n\nNorthsky Airways said demand was weak. Northsky Airways cut 300 jobs.\n",
            "300 jobs",
            None,
        ),
        # Whoever forecasts or estimates a figure states it (resources/forecast_verbs.txt).
        (
            "Airline results\n\nNorthsky Airways said fuel costs had risen. "
            "Northsky Airways expects a 3% rise in revenue this year.\n",
            "3%",
            "Northsky Airways",
        ),
        # Inside a quote, the quote's speaker, as ever.
        ("Budget\n\nMayor Ines Duarte said: “We planted 3,000 trees last year.”\n", "3,000 trees", "Ines Duarte"),
    ],
    ids=["narrators-figure", "body-reports-its-own-work", "a-bodys-deeds", "forecast", "inside-a-quote"],
)
def test_numbers_claimant_is_who_states_the_figure(run_text, text, words, claimant):
    assert _claimant_name(run_text(text), words) == claimant


@pytest.mark.parametrize(
    ("text", "words", "value", "kind", "unit_normalized"),
    [
        ("The Browns ended a four-game winning streak.", "four-game", 4, "count", "game"),
        ("He was handed a one-game suspension.", "one-game", 1, "count", "game"),
        ("United held a two-goal lead at half time.", "two-goal", 2, "count", "goal"),
        ("Police arrested Dana Reyes, 35, on Monday.", "35", 35, "measure", "year of age"),
        ("Adults aged 26 or older may apply.", "26", 26, "measure", "year of age"),
        ("Reyes won six consecutive games.", "six consecutive games", 6, "count", "game"),
        ("The two Arab states signed the deal.", "two Arab states", 2, "count", "state"),
        ("The depot has 40 charging stations.", "40 charging stations", 40, "count", "charging station"),
        ("The firm sold 40m handsets last year.", "40m handsets", 40_000_000, "count", "handset"),
    ],
    ids=["hyphened-count", "hyphened-one", "hyphened-goal", "age-in-apposition", "aged",
         "adjective-left-out", "nationality-left-out", "compound-noun-kept", "scale-letter-then-noun"],
)  # fmt: skip
def test_numbers_spelt_out_compounds_ages_and_what_is_counted(run_text, text, words, value, kind, unit_normalized):
    claim = next(c for c in run_text(text).numeric_claims if c.text == words)
    assert (claim.value, claim.kind, claim.unit_normalized) == (value, kind, unit_normalized)


@pytest.mark.parametrize(
    "text",
    ["She signed a five-year contract last week.", "Shares in Acme, 35, fell.", "In March, 2019, he left."],
    ids=["length-of-time-describes", "no-person-no-age", "a-year-is-no-age"],
)
def test_numbers_what_is_not_a_count_or_an_age(run_text, text):
    claims = run_text(text).numeric_claims
    assert all(c.unit_normalized != "year of age" for c in claims)
    assert all(c.text != "five-year" for c in claims)


def test_numbers_a_headline_figure_the_body_repeats_is_counted_once(run_text):
    text = "Council to cut 300 jobs in £5m plan\n\nBy Jo Reed\n\nThe council will cut 300 jobs, its leader said.\n"
    claims = run_text(text).numeric_claims
    assert [c.text for c in claims] == ["£5m", "300 jobs"]
    assert claims[1].start > text.index("By Jo Reed") and [c.id for c in claims] == ["n1", "n2"]


def test_numbers_a_change_is_two_claims_that_name_each_other(run_text):
    claims = run_text("Jobs\n\nUnemployment fell from 4.8 percent to 4.7 percent in May.\n").numeric_claims
    first, second = claims
    assert (first.value, first.change, first.paired_with) == (4.8, "from", second.id)
    assert (second.value, second.change, second.paired_with) == (4.7, "to", first.id)
    assert first.approx == second.approx == "down" and first.evidence == "percent_change"


# ---- every reason a number is passed over, by its id (claims/filters.py PASSED_OVER) -------------
PASSED_OVER_SHAPES = [
    ("article_one", "One former officer told the panel the depot was unsafe.", "One"),
    ("list_number", "The plan has three parts.\n\n1. Build the depot.\n", "1"),
    ("label", "Ministers triggered Article 50 in the spring.", "50"),
    ("name_number", "The board chose the iPhone 11 for its staff.", "11"),
    ("model_number", "Regulators grounded every 787 Dreamliner in the fleet.", "787"),
    ("time_length", "The coach signed a five-year contract with the club.", "five"),
    ("street_number", "The bakery at 1 Mill Road closed on Monday.", "1"),
    ("number_idiom", "The council paid a one-off grant to the club.", "one"),
]


def test_numbers_every_reason_to_pass_a_number_over_is_named_and_shown(nlp):
    from pipeline.claims import PASSED_OVER, find_claims
    from pipeline.components import article_of, attach_article
    from pipeline.config import Options
    from pipeline.io.ingest import article_from_text

    assert {reason for reason, _, _ in PASSED_OVER_SHAPES} == set(PASSED_OVER)
    for reason, text, number in PASSED_OVER_SHAPES:
        article = article_from_text(text, "t", "<t>", Options())
        doc = nlp(attach_article(nlp.make_doc(article.text), article))
        passed: list = []
        claims = find_claims(doc, article_of(doc), list(doc._.pipeline_quotes), list(doc._.pipeline_speakers), passed)
        assert [(p.reason, p.text.split("-")[0]) for p in passed] == [(reason, number)], text
        assert all(not c.text.startswith(number) for c in claims), text


# ---- where a count's unit comes from, by the rule's id (claims/find.py UNIT_RULES) -----------------
UNIT_RULE_SHAPES = [
    ("noun", "The charity opened 400 charging stations last year.", "400", "charging stations"),
    ("number_of", "The number of people waiting fell by 600 in May.", "600", "people"),
    ("relative_clause", "The firm employs 200 staff, of whom 12 were hurt in the blast.", "12", "staff"),
    ("carried_over", "The ombudsman reviewed 412 appeals and rejected 97.", "97", "appeals"),
    ("total_of", "Waiting lists rose by 11,500 over the winter.", "11,500", "people"),
    ("as_written", "Prices rose sixfold in a decade.", "sixfold", "fold"),
    ("no_unit", "Turnout was 40 in the first round.", "40", None),
]


@pytest.mark.parametrize(("rule", "sentence", "number", "unit"), UNIT_RULE_SHAPES, ids=[r[0] for r in UNIT_RULE_SHAPES])
def test_numbers_every_unit_rule_by_its_id(run_text, rule, sentence, number, unit):
    from pipeline.claims import claim_confidence

    claim = next(c for c in run_text(f"Title\n\n{sentence}\n").numeric_claims if c.text.startswith(number))
    assert (claim.evidence, claim.unit) == (f"count_{rule}_one", unit)
    assert claim.confidence == claim_confidence(claim.evidence)


def test_numbers_the_unit_rule_table_and_its_golden_rows_agree():
    from pipeline.claims.find import UNIT_RULES

    ids = [rule for rule, _ in UNIT_RULES]
    assert ids and len(set(ids)) == len(ids)
    assert set(ids) | {"as_written", "no_unit"} == {r[0] for r in UNIT_RULE_SHAPES}


def test_numbers_a_change_word_a_few_words_before_from_makes_a_change(run_text):
    text = "Fares\n\nIn October the airline increased the surcharge from £6 to £10 on long flights.\n"
    first, second = run_text(text).numeric_claims
    assert (first.value, first.change, second.value, second.change) == (6, "from", 10, "to")
    assert first.approx == second.approx == "up"
    (both,) = run_text("Fares\n\nTickets on the route cost from £6 to £10.\n").numeric_claims
    assert tuple(both.value) == (6, 10) and both.change is None  # a range: no change word before "from"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The man who took the child, Michael Webb, was sentenced. A jury convicted Webb, 51, of kidnapping.", 51),
        ("Dana Reyes, 35, said the bridge was unsafe.", 35),
    ],
)
def test_numbers_an_age_set_off_after_a_person_s_name_or_surname(run_text, text, age):
    claims = [c for c in run_text(f"Court\n\n{text}\n").numeric_claims if c.value == age]
    assert [c.unit_normalized for c in claims] == ["year of age"]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Only one player scored in the second half.", "player"),
        ("It is hard to find the problem in just one area.", "area"),
        ("Police arrested him on one out-of-county warrant.", "warrant"),
    ],
)
def test_numbers_one_before_its_noun_counts_when_limited_or_no_subject(run_text, sentence, unit):
    """ "one" counts when a word limits it or its noun is no subject; "One former officer told ..."
    (article_one, above) brings someone in and "one of the players" is a pronoun."""
    claims = [c for c in run_text(f"Match\n\n{sentence}\n").numeric_claims if c.value == 1]
    assert [c.unit_normalized for c in claims] == [unit]


def test_numbers_one_of_the_players_is_no_count(run_text):
    assert [c.value for c in run_text("Match\n\nOne of the players was hurt.\n").numeric_claims] == []


def test_numbers_won_12_of_13_counts_no_number_as_its_unit(run_text):
    claims = run_text("Match\n\nThe Lakers have won 12 of 13 after a perfect homestand.\n").numeric_claims
    assert [(c.value, c.unit) for c in claims] == [(12, None), (13, None)]


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The club hopes to add a striker or two this month.", [(2, "striker")]),
        ("The range has four-, five- and six-cylinder engines.", [(4, "cylinder"), (5, "cylinder"), (6, "cylinder")]),
    ],
)
def test_numbers_a_count_takes_the_noun_its_list_or_choice_shares(run_text, sentence, counted):
    """ "a striker or two" counts strikers; "four-, five- and six-cylinder" (a suspended hyphen)
    counts cylinders each, with the noun alone as the unit."""
    claims = run_text(f"Cars\n\n{sentence}\n").numeric_claims
    assert [(c.value, c.unit_normalized) for c in claims if c.value in dict(counted)] == counted
    assert all(c.unit == "cylinder" for c in claims if c.unit_normalized == "cylinder")
