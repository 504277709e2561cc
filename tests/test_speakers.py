"""Canonical speakers: surnames, pronouns, acronyms, descriptions, anonymous sources."""

from pipeline.speakers import acronym


def test_speakers_surname_and_pronoun_resolve_to_full_name(run_text):
    text = (
        "Chief Inspector Hannah Mwangi said the review was overdue.\n\n"
        "Ms Mwangi said: “We owe families answers.”\n\n"
        "She added that more staff would be hired.\n"
    )
    result = run_text(text)
    assert {q.speaker for q in result.quotes} == {result.speakers[0].id}
    (speaker,) = result.speakers
    assert speaker.name == "Hannah Mwangi"
    assert speaker.title == "Chief Inspector"
    assert speaker.type == "PERSON"
    assert {m.text for m in speaker.mentions} >= {"Ms Mwangi", "She"}


def test_speakers_acronym_joins_its_expansion(run_text):
    text = (
        "The National Audit Office published its review on Monday.\n\n"
        "The NAO said: “Value for money has not been achieved.”\n"
    )
    result = run_text(text)
    (speaker,) = result.speakers
    assert speaker.name == "National Audit Office" and speaker.type == "ORG"


def test_speakers_anonymous_group_is_kept_with_description(run_text):
    result = run_text("Local teachers told the inquiry that classes were too large.\n")
    (speaker,) = result.speakers
    assert speaker.name is None and speaker.type == "GROUP"
    assert "teachers" in speaker.description.lower()


def test_speakers_quote_with_no_speaker_is_kept_with_null(run_text):
    result = run_text("Weather\n\n“Bring an umbrella.”\n")
    (quote,) = result.quotes
    assert quote.speaker is None and quote.confidence <= 0.5


def test_speakers_acronym_rule():
    assert acronym("Independent Office for Police Conduct") == "IOPC"
    assert acronym("South Yorkshire Police") == "SYP"
    assert acronym("Reuters") == ""


def test_speakers_apposition_gives_title_and_organisation(run_text):
    result = run_text("Budget row\n\n“We expect a better year,” said John Okoro, a spokesman for Acme Corp.\n")
    (speaker,) = result.speakers
    assert speaker.name == "John Okoro"
    assert speaker.title == "spokesman" and speaker.organisation == "Acme Corp."


def test_speakers_title_noun_with_name_in_apposition(run_text):
    text = "Waiting lists\n\nThe health secretary, Wes Streeting, told MPs the figures were encouraging.\n"
    (speaker,) = run_text(text).speakers
    assert speaker.name == "Wes Streeting" and speaker.title == "health secretary"


def test_speakers_surname_alone_joins_the_full_name(run_text):
    text = "Court case\n\nJudge Maria Santos said the evidence was weak. Santos added that the case would go on.\n"
    result = run_text(text)
    (speaker,) = result.speakers
    assert speaker.name == "Maria Santos" and speaker.title == "Judge"
    assert len({q.speaker for q in result.quotes}) == 1
