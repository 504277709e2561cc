"""Numeric claims in context: what is counted, what happened, who claims it."""


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
    assert found["45 hours a week"].unit == "hours per week"
    assert found["40 degrees Celsius"].unit == "degrees Celsius"
