"""Canonical speakers: surnames, pronouns, acronyms, descriptions, anonymous sources."""

from pathlib import Path

import pytest

from pipeline.speakers.names import acronym


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
    from pipeline.quotes import CONFIDENCE

    # Found by the row for quotes nobody is named for, at its measured precision; no speaker at all.
    assert quote.speaker is None and quote.speaker_confidence == 0.0
    assert (quote.evidence, quote.confidence) == ("direct_no_speaker", CONFIDENCE["direct_no_speaker"])


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


def test_speakers_a_father_and_son_of_one_name_are_two_people(run_text):
    """ "Thomas Hale Jr." is not "Thomas Hale": the suffix (resources/name_suffixes.txt) makes another person."""
    text = "Farm\n\nThomas Hale said the farm would be sold.\n\nThomas Hale Jr. said the family had not agreed.\n"
    result = run_text(text)
    assert sorted(s.name for s in result.speakers) == ["Thomas Hale", "Thomas Hale Jr."]


def test_speakers_a_shadow_office_is_part_of_the_title(run_text):
    """ "Shadow home secretary Tom Dunn": his title is not "home secretary", an office he does not hold."""
    text = "Identity cards\n\nShadow home secretary Tom Dunn said the scheme was expensive.\n"
    (speaker,) = run_text(text).speakers
    assert speaker.name == "Tom Dunn" and speaker.title == "Shadow home secretary"


def test_speakers_surname_alone_joins_the_full_name(run_text):
    text = "Court case\n\nJudge Maria Santos said the evidence was weak. Santos added that the case would go on.\n"
    result = run_text(text)
    (speaker,) = result.speakers
    assert speaker.name == "Maria Santos" and speaker.title == "Judge"
    assert len({q.speaker for q in result.quotes}) == 1


def _speaker_of(result, words: str):
    """The speaker of the quote whose text holds `words`."""
    quote = next(q for q in result.quotes if words in q.text)
    return next((s for s in result.speakers if s.id == quote.speaker), None), quote


# Attribution shapes on invented sentences: (text, words of the quote, expected name, expected
# description fragment, evidence family). One row per shape; a regression becomes a row.
SHAPES = [
    pytest.param(
        "Rail fares rise\n\nA spokesman for the Department of Transport rejected the claims. "
        "He said: “The figures are simply wrong.”\n",
        "figures are simply wrong",
        None,
        "spokesman for the Department of Transport",
        "pronoun_salient",
        id="role-noun-subject-then-pronoun",
    ),
    pytest.param(
        "Talks collapse\n\nJane Okafor's spokesman said the talks had failed for good.\n",
        "talks had failed",
        None,
        "Jane Okafor's spokesman",
        "description",
        id="possessor-is-not-the-speaker",
    ),
    pytest.param(
        "Council row\n\nOne of the campaigners, Tom Walker, said the council had ignored them for years.\n",
        "council had ignored them",
        "Tom Walker",
        None,
        "name_apposition",
        id="name-in-apposition",
    ),
    pytest.param(
        "Family relieved\n\nMrs Ann Hart was the neighbour with whom Giorgio planned to stay. "
        "She said the family was relieved at last.\n",
        "family was relieved",
        "Ann Hart",
        None,
        "pronoun_salient",
        id="pronoun-skips-relative-clause-subject",
    ),
    pytest.param(
        "Lists fall\n\nCritics accused Frank Dobbins of a fiddle after he announced that the lists fell by 1,000.\n",
        "lists fell by 1,000",
        "Frank Dobbins",
        None,
        "pronoun_paragraph_person",
        id="pronoun-to-person-named-in-paragraph",
    ),
    pytest.param(
        "Library cuts\n\nLeader of the local Green party Ruth Ellis said: “We will fight these cuts.”\n",
        "fight these cuts",
        "Ruth Ellis",
        None,
        "name_full",
        id="long-title-before-a-name",
    ),
    pytest.param(
        "Budget vote\n\nThe Secretary of State for Finance insisted the cuts were fair to every region.\n",
        "cuts were fair",
        None,
        "Secretary of State for Finance",
        "description",
        id="office-is-a-person",
    ),
    pytest.param(
        "Tax plans\n\nFinance Minister Ana Lopes announced the budget on Monday. "
        "The minister said taxes on fuel would fall next year.\n",
        "taxes on fuel",
        "Ana Lopes",
        None,
        "role_title",
        id="role-noun-joins-the-person-introduced-with-that-title",
    ),
    pytest.param(
        "Housing\n\nFormer Labour minister Frank Dunn has criticised the plans.\n\n"
        "The ex-minister said the changes would hurt tenants.\n",
        "hurt tenants",
        "Frank Dunn",
        None,
        "role_title",
        id="ex-is-former",
    ),
    pytest.param(
        "Festival\n\nBen Cole, the festival's director, opened the gates at noon. "
        "The director said the crowds were the largest yet.\n",
        "crowds were the largest",
        "Ben Cole",
        None,
        "role_title",
        id="role-noun-joins-the-person-given-that-role-in-apposition",
    ),
    pytest.param(
        "Airline row\n\n“The rules are absurd,” said Skyway deputy chief executive Tom Reed.\n",
        "rules are absurd",
        "Tom Reed",
        None,
        "name_full",
        id="organisation-and-title-before-a-name",
    ),
    pytest.param(
        "Budget\n\nThe plan was announced by the firm's chief executive, Tom Reed, on Monday.\n\n"
        "The chief executive said profits would rise.\n",
        "profits would rise",
        "Tom Reed",
        None,
        "role_title",
        id="role-before-the-name-it-introduces",
    ),
    pytest.param(
        "Waiting lists\n\nMatt Hale, the Secretary of State for Health, announced the plan.\n\n"
        "The health secretary said waiting lists would fall.\n",
        "waiting lists would fall",
        "Matt Hale",
        None,
        "role_title",
        id="secretary-of-state-for-x-is-the-x-secretary",
    ),
    pytest.param(
        "Airline\n\nTom Reed, chief executive of Skyway, announced the plan on Monday.\n\n"
        "The Skyway boss said profits would rise.\n",
        "profits would rise",
        "Tom Reed",
        None,
        "role_title",
        id="the-body-s-boss-is-whoever-leads-it",
    ),
    pytest.param(
        "Strike\n\nThe head of the teachers union, Tom Reed, attacked the plan.\n\n"
        "The union chief said teachers would strike.\n",
        "teachers would strike",
        "Tom Reed",
        None,
        "role_title",
        id="the-union-chief-is-its-head",
    ),
    pytest.param(
        "Mayor defends cuts\n\nBy Jo Bloggs | 03/03/2021\n\n"
        "Ana Lopes has defended the cuts to the city's bus routes.\n\n"
        "The mayor said the routes had lost money for years.\n",
        "lost money for years",
        "Ana Lopes",
        None,
        "role_lead_person",
        id="office-of-the-untitled-person-the-story-leads-with",
    ),
    pytest.param(
        "Mayor defends cuts\n\nAna Lopes has defended the cuts to the city's bus routes.\n\n"
        "The mayor visited a depot on Monday. She said the routes had lost money for years.\n",
        "lost money for years",
        "Ana Lopes",
        None,
        "pronoun_salient",
        id="pronoun-after-that-office-as-a-subject",
    ),
]


@pytest.mark.parametrize(("text", "words", "name", "description", "family"), SHAPES)
def test_speakers_attribution_shapes(run_text, text, words, name, description, family):
    speaker, quote = _speaker_of(run_text(text), words)
    assert speaker is not None, quote.speaker_evidence
    assert speaker.type == "PERSON"
    assert speaker.name == name
    if description is not None:
        assert description in (speaker.description or "")
    assert quote.speaker_evidence.startswith(family)
    assert 0 < quote.speaker_confidence <= 1


@pytest.mark.parametrize("nobody", ["No-one", "Everyone", "Nobody", "No one"])
def test_speakers_negative_and_universal_pronouns_are_never_speakers(run_text, nobody):
    result = run_text(f"Markets\n\n{nobody} said the shares would recover this year.\n")
    assert all(s.name != nobody and (s.description or "").lower() != nobody.lower() for s in result.speakers)
    quote = next((q for q in result.quotes if "shares would recover" in q.text), None)
    if nobody == "Everyone":  # said by all, a speaker nobody can name
        assert quote is not None and quote.speaker is None and quote.speaker_evidence == "not_a_speaker"
    else:  # said by no-one: nothing was said (quotes/acts.py, "negated")
        assert quote is None


def test_speakers_confidence_is_the_measured_table(run_text):
    """Named speakers with a cue sit high; anonymous descriptions lower, as measured on the gold."""
    from pipeline.speakers import SPEAKER_CONFIDENCE

    named, _ = _speaker_of(run_text("Strike\n\nUnion leader Mary Quinn said the strike would go ahead.\n"), "strike")
    result = run_text("Strike\n\nSome drivers said the strike would go ahead.\n")
    quote = next(q for q in result.quotes if "strike" in q.text)
    assert quote.speaker_evidence == "description"
    assert quote.speaker_confidence == SPEAKER_CONFIDENCE["description/cue"] < SPEAKER_CONFIDENCE["name_full/cue"]
    assert SPEAKER_CONFIDENCE["pooled"] < SPEAKER_CONFIDENCE["name_full/cue"]
    # Every key is a pass of the sieve (or the pool) and an attribution strength.
    from pipeline.speakers.passes import PASSES

    ids = {p.id for p in PASSES}
    assert all(
        k == "pooled" or (k.split("/")[0] in ids and k.split("/")[1] in ("cue", "weak")) for k in SPEAKER_CONFIDENCE
    )
    assert named is not None and named.name == "Mary Quinn"


def test_speakers_quote_without_speaker_has_zero_speaker_confidence(run_text):
    (quote,) = run_text("Weather\n\n“Bring an umbrella.”\n").quotes
    assert quote.speaker is None and quote.speaker_confidence == 0.0


def test_speakers_acronym_defined_in_brackets_takes_its_definition(run_text):
    """Initials alone cannot expand HMICFRS ("HM" is one word); the article's own definition does."""
    text = (
        "Police report\n\nHM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) inspected the force.\n\n"
        "HMICFRS said: “The force must improve how it records crime.”\n"
    )
    result = run_text(text)
    speaker, _ = _speaker_of(result, "records crime")
    assert speaker is not None and speaker.type == "ORG"
    assert speaker.name == "HM Inspectorate of Constabulary and Fire & Rescue Services"


def test_speakers_long_title_goes_to_title_not_name(run_text):
    result = run_text("Library cuts\n\nLeader of the local Green party Ruth Ellis said: “We will fight these cuts.”\n")
    speaker, _ = _speaker_of(result, "fight these cuts")
    assert speaker is not None and speaker.name == "Ruth Ellis"
    assert speaker.title is not None and speaker.title.startswith("Leader of the local Green party")


def test_speakers_a_report_newly_brought_in_is_a_document_of_its_own(run_text):
    text = (
        "Hospital figures\n\nThe Royal Infirmary said it was hiring more nurses.\n\n"
        "A leaked report showed that waiting times at the hospital had doubled in a year.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "waiting times")
    assert speaker is not None and speaker.type == "DOCUMENT" and speaker.name is None
    assert "leaked report" in (speaker.description or "")


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "Call centres\n\nCustomers are quicker to hang up, a survey suggests.\n\n"
            "“People are impatient,” says Cara Diemont of IT firm Acme Data, which commissioned the survey.\n",
            "Acme Data",
        ),
        (
            "Sleep study\n\nA study found that teenagers sleep too little.\n\n"
            "The study was carried out by Oxford University over two years.\n",
            "Oxford University",
        ),
    ],
    ids=["commissioned-by-relative-clause", "carried-out-by-passive"],
)
def test_speakers_document_speaks_for_the_author_the_article_names(run_text, text, author):
    result = run_text(text)
    quote = next(q for q in result.quotes if q.speaker_evidence == "document_issuer")
    speaker = next(s for s in result.speakers if s.id == quote.speaker)
    assert speaker.name == author and speaker.type == "ORG"


@pytest.mark.parametrize(
    ("text", "words", "reporter"),
    [
        (
            "Apology\n\nSarah Jones said the minister had spoken with great warmth, "
            "adding: “He listened to every family.”\n",
            "listened to every family",
            "Sarah Jones",
        ),
        # Speech inside reported speech is the reporter's, however deep the participle hangs.
        (
            "Depot\n\nMayor Ana Lopes said the board had concluded that the depot was too costly, "
            "saying she regretted it.\n",
            "she regretted it",
            "Ana Lopes",
        ),
        # ... or on a chain of verbs in the reported clause ("will have to choose").
        (
            "Depot\n\nMayor Ana Lopes said Tom Hale will have to choose whose side he is on, "
            "saying, “At some point, he has to come out.”\n",
            "At some point",
            "Ana Lopes",
        ),
        # A reporting verb inside the quote that the parser hung the sentence on reports nothing of it.
        (
            "Depot\n\n“We need answers,” Erin Brockovich said. Tom Weaver didn't seem impressed with the "
            "senator's comments on Tuesday, telling reporters, “A lot of people said the governor should step down.”\n",
            "A lot of people said",
            "Tom Weaver",
        ),
    ],
    ids=["on-a-reported-clause", "after-nested-speech", "on-a-chain-of-verbs", "before-a-verb-of-the-quote"],
)
def test_speakers_reporting_participle_continues_the_outermost_reporter(run_text, text, words, reporter):
    speaker, _ = _speaker_of(run_text(text), words)
    assert speaker is not None and speaker.name == reporter


def test_speakers_reporting_participle_stays_with_a_clause_that_reports_speech(run_text):
    text = (
        "Inquiry\n\nThe review recounts how one former officer explained that staff were never trained, "
        "saying: “Nobody showed us what to look for.”\n"
    )
    speaker, _ = _speaker_of(run_text(text), "Nobody showed us")
    assert speaker is not None and "officer" in (speaker.description or "")


@pytest.mark.parametrize(
    ("text", "first_words", "second_words", "type_"),
    [
        pytest.param(
            "Hospital figures\n\nA leaked report showed that waiting times at the hospital had doubled in a year.\n\n"
            "The data claimed that only half of patients were seen within four hours.\n",
            "waiting times", "only half of patients", "DOCUMENT",
            id="the-data-is-the-document-brought-in-before",
        ),
        pytest.param(
            "Survey\n\nFirms were asked about offshoring. Only 42% of them say that saving money matters most. "
            "Half of them argue that workers abroad offer better skills.\n",
            "saving money", "better skills", "GROUP",
            id="shares-of-one-group-in-a-paragraph-are-that-group",
        ),
    ],
)  # fmt: skip
def test_speakers_two_quotes_of_one_speaker(run_text, text, first_words, second_words, type_):
    result = run_text(text)
    first, _ = _speaker_of(result, first_words)
    second, _ = _speaker_of(result, second_words)
    assert first is not None and first == second and first.type == type_


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Independent Office for Police Conduct (IOPC) said.", {"IOPC": "Independent Office for Police Conduct"}),
        ("Talks on the Trans-Pacific Partnership (TPP) stalled.", {"TPP": "Trans-Pacific Partnership"}),
        ("Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT) apologised.",
         {"BHRUT": "Barking, Havering and Redbridge University Hospitals NHS Trust"}),
        ("Files sat in SMART (State Messaging and Archive Retrieval Toolset) for years.",
         {"SMART": "State Messaging and Archive Retrieval Toolset"}),
        ("WASHINGTON (AP) - The senator said the fund (IMF) would help.", {}),
    ],
)  # fmt: skip
def test_speakers_acronyms_the_article_defines(text, expected):
    from pipeline.text.acronyms import acronym_definitions

    assert acronym_definitions(text) == expected


# Organisations and groups, one row per sieve pass: (text, words of the quote, speaker type, name,
# description fragment, pass id).
ORGANISATION_SHAPES = [
    pytest.param(
        "Depot closure\n\nThe depot will close in May. The Unite union said the closure would cost jobs. "
        "Unite said it would ballot its members.\n",
        "closure would cost jobs", "ORG", "Unite", None, "name_organisation",
        id="a-body-s-noun-built-on-a-proper-noun-is-named-by-it",
    ),
    pytest.param(
        "Hospital review\n\nThe North Vale Hospitals NHS Trust has closed a ward. "
        "The trust said the closure would last a month.\n",
        "closure would last", "ORG", "North Vale Hospitals NHS Trust", None, "org_head_noun",
        id="the-noun-joins-the-organisation-named-with-it",
    ),
    pytest.param(
        "Staff letter\n\nThe group, Riverside Workers Alliance, wrote to the board on Friday. "
        "The group said the pay offer was far too low.\n",
        "pay offer was far too low", "ORG", "Riverside Workers Alliance", None, "org_head_noun",
        id="the-noun-joins-the-group-named-in-apposition",
    ),
    pytest.param(
        "Newspaper cuts\n\nMorton's Daily Ledger said it was cutting 30 reporters' jobs this year.\n",
        "cutting 30 reporters", "ORG", "Daily Ledger", None, "name_organisation",
        id="the-organisation-is-the-one-holding-the-head-not-its-owner",
    ),
    pytest.param(
        "Land ruling\n\nLocal farmers said the new rules would ruin the harvest.\n",
        "new rules would ruin", "GROUP", None, "farmers", "description",
        id="a-nationality-before-a-group-is-no-organisation",
    ),
    pytest.param(
        "Court ruling\n\nThe Acme Corporation lost its appeal. Courts have said the contract was void.\n",
        "contract was void", "GROUP", None, "Courts", "description",
        id="a-plural-organisation-noun-is-a-group-not-the-article-organisation",
    ),
    pytest.param(
        "Survey\n\nFirms were asked about their plans. Half of them said costs were rising fast.\n",
        "costs were rising", "GROUP", None, "Half of them", "description",
        id="a-share-of-a-group-is-described-not-a-pronoun",
    ),
    pytest.param(
        "Markets\n\nA report from Delmar Capital Partners said shares were cheap for the first time in years.\n",
        "shares were cheap", "ORG", "Delmar Capital Partners", None, "document_issuer",
        id="a-report-from-a-named-issuer-speaks-for-it",
    ),
    pytest.param(
        "Jobs to go\n\nThe Harbour Council approved the plan. Velda Motors will cut 2,000 jobs in Europe, it said.\n",
        "cut 2,000 jobs", "ORG", "Velda Motors", None, "content_subject",
        id="it-after-the-clause-it-reports-is-that-clause-s-named-subject",
    ),
    pytest.param(
        "Rates\n\nThe Bank of Harwick held rates at 4.75% on Thursday. The Bank said inflation would stay low.\n",
        "inflation would stay low", "ORG", "Bank of Harwick", None, "org_head_noun",
        id="the-capitalised-noun-of-a-body-named-before-is-that-body",
    ),
    pytest.param(
        "Jobs\n\nSiemens said it would cut 3,000 jobs. The German group said the cuts were needed.\n",
        "cuts were needed", "ORG", "Siemens", None, "org_noun_salient",
        id="a-people-s-adjective-before-a-business-noun-describes-the-company",
    ),
    pytest.param(
        "Rulings\n\nThe Harwick Trade Organisation ruled against the levy. The trade body said it was unlawful.\n",
        "was unlawful", "ORG", "Harwick Trade Organisation", None, "org_noun_salient",
        id="the-trade-body",
    ),
    pytest.param(
        "Arrests\n\nPolice Scotland said two men had been arrested in Perth on Monday.\n",
        "two men had been arrested", "ORG", "Police Scotland", None, "name_organisation",
        id="a-force-named-with-a-body-s-noun-first-is-no-titled-person",
    ),
    pytest.param(
        "Arrests\n\nGreater Harwick Police said two men had been arrested in Perth on Monday.\n",
        "two men had been arrested", "ORG", "Greater Harwick Police", None, "name_organisation",
        id="a-force-named-with-a-group-noun-last-is-an-organisation",
    ),
    pytest.param(
        "Recall\n\nThe Medicines Agency opened an inquiry. "
        "Velda Pharmaceuticals is recalling a drug, the company said.\n",
        "recalling a drug", "ORG", "Velda Pharmaceuticals", None, "content_subject",
        id="the-company-after-the-clause-it-reports-is-that-clause-s-named-subject",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "type_", "name", "description", "rule"), ORGANISATION_SHAPES)
def test_speakers_organisation_shapes(run_text, text, words, type_, name, description, rule):
    speaker, quote = _speaker_of(run_text(text), words)
    assert speaker is not None, quote.speaker_evidence
    assert (speaker.type, speaker.name, quote.speaker_evidence) == (type_, name, rule)
    if description is not None:
        assert description in (speaker.description or "")


def test_speakers_every_pass_has_an_id_and_a_test_row():
    """Each row of the sieve names itself; the shapes above reach every pass that can be reached
    by a named rule (the table's ids are what speaker_evidence reports)."""
    from pipeline.speakers.passes import PASSES

    ids = [p.id for p in PASSES]
    assert len(ids) == len(set(ids))
    source = Path(__file__).read_text(encoding="utf-8")
    assert [i for i in ids if f'"{i}"' not in source] == []


# The pass that resolves a speaker phrase: (text, words of the quote, the speaker's label, pass id).
PASS_ROWS = [
    pytest.param(
        "Court case\n\nJudge Maria Santos said the evidence was weak. Santos added that the case would go on.\n",
        "case would go on", "Maria Santos", "name_short", id="surname",
    ),
    pytest.param(
        "Police watchdog\n\nThe Independent Office for Police Conduct (IOPC) opened an inquiry. "
        "The IOPC said the officers had failed the victims.\n",
        "officers had failed", "Independent Office for Police Conduct", "acronym", id="acronym",
    ),
    pytest.param(
        "Hospital figures\n\nA leaked report showed that waiting times had doubled in a year. "
        "The report said that staff shortages were to blame.\n",
        "staff shortages", "leaked report", "document_earlier", id="the-report-brought-in-before",
    ),
    pytest.param(
        "Hospital figures\n\nThe Royal Infirmary said it was hiring more nurses this winter.\n\n"
        "The report said that waiting times had doubled in a year.\n",
        "waiting times had doubled", "Royal Infirmary", "document_salient_org", id="the-report-of-the-organisation",
    ),
    pytest.param(
        "Hospital figures\n\nA leaked report showed that waiting times at the hospital had doubled in a year.\n",
        "waiting times", "leaked report", "document_own", id="a-report-of-its-own",
    ),
    pytest.param(
        "Profits\n\nOn Monday, Acme Holdings said sales rose in the spring. The company said profits would rise too.\n",
        "profits would rise", "Acme Holdings", "org_noun_salient", id="the-company",
    ),
    pytest.param(
        "Frogs\n\nThe frog was found by a team from Harbury University.\n\nLead researcher Ana Costa said it was "
        "a surprise.\n\nThe researchers said the species was at risk.\n",
        "species was at risk", "team", "people_introduced", id="the-researchers-are-the-team-brought-in",
    ),
    pytest.param(
        "Pay\n\nThe HWU said the cuts would cost 10,000 jobs.\n\nThe drivers' union said ministers had ignored it.\n",
        "ministers had ignored", "HWU", "org_epithet", id="the-union-after-a-body-that-spoke",
    ),
    pytest.param(
        "Flood\n\nCouncil leader Jo Reed said the river was rising fast.\n\nThe weather stayed cold.\n\n"
        "It rained all week.\n\nLater she said the town had been saved.\n",
        "town had been saved", "Jo Reed", "pronoun_earlier", id="pronoun-far-from-its-antecedent",
    ),
    pytest.param(
        "Conference\n\nMr Kendall told the party conference that voters wanted honesty.\n\n"
        "\u201cPeople are tired of spin,\u201d he said.\n\n"
        "The Green leader added that his party would fight every seat.\n",
        "fight every seat", "Kendall", "role_salient", id="an-office-never-given-is-the-person-just-spoken-of",
    ),
    pytest.param(
        "Inquiry\n\nSir Tom Grant, who chairs the committee, questioned the minister, Ruth Kelly.\n\n"
        "She said the department had acted properly.\n",
        "acted properly", "Ruth Kelly", "pronoun_named_near", id="she-with-no-woman-speaking-is-the-woman-named-near",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # An office nobody was introduced with, after a person the article gave no title.
        ("Mr Kendall told the conference that voters wanted honesty.\n\nThe Lib Dem leader said his party "
         "would fight every seat.", "Kendall"),
        ("Mr Letwin said taxes would fall.\n\nThe shadow chancellor said a Tory government would cut spending.",
         "Letwin"),
        ("Mr Blake has defended his record on schools.\n\nThe prime minister said standards had risen.", "Blake"),
        ("Mr Straw said the talks had been useful.\n\nThe foreign secretary said Britain would keep pressing. "
         "\u201cWe are not giving up,\u201d he said.", "Straw"),
        # Past a person with a title of their own to the untitled one before.
        ("Mr Blake faced questions from MPs.\n\nOpposition leader Ann Hill asked him whether he would "
         "apologise.\n\nThe prime minister said he would not.", "Blake"),
        # A party's spokesman, said with the party (resources/lead_offices.txt, `party`).
        ("Mr Dunn said waiting lists were rising.\n\nThe Tory health spokesman said patients deserved better.",
         "Dunn"),
        ("Mr Dunn said waiting lists were rising.\n\nThe spokesman said patients deserved better.", None),
        # Not the person just spoken of: the office was written before for someone else, a body or a
        # country owns it, or the person has a role or an age of their own.
        ("Mr Smith met the Iraqi foreign minister on Monday.\n\nThe minister said the talks had gone well.", None),
        ("Mr Jones said he was angry about the closure.\n\nThe council leader said the plan would go ahead.", None),
        ("Tom Reed, 45, said trade was down.\n\nThe mayor said the town would recover.", None),
        ("Tom Reed, a local shopkeeper, said trade was down.\n\nThe mayor said the town would recover.", None),
        # A seat said after the office ("the MP for", "the senator from"); the model may type the
        # place a person.
        ("Mr Gibbon criticised the plans.\n\nThe MP for Norwich North said the changes would hurt students.",
         "Gibbon"),
        ("Mr Gibbon criticised the plans.\n\nThe MP for Henley said the changes would hurt students.", "Gibbon"),
        # One person holds one such office: the chancellor is not the prime minister taken up before.
        ("Mr Blake and Mr Dunn met on Tuesday.\n\nThe prime minister said talks had gone well.\n\n"
         "The chancellor said the economy was strong.", None),
    ],
)  # fmt: skip
def test_speakers_an_office_never_introduced_is_the_person_just_spoken_of(run_text, text, name):
    result = run_text(f"Politics\n\n{text}\n")
    quote = result.quotes[-1]
    speaker = next((s for s in result.speakers if s.id == quote.speaker), None)
    assert speaker is not None
    assert speaker.name == name if name else speaker.type == "PERSON" and speaker.name is None


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # "he" with no man speaking or the subject near: the man named in what she reported.
        ("Ms Lopes told the inquiry that Mr Grant had warned her about the risks.\n\nHe said the project was "
         "too dangerous.", "too dangerous", "Grant"),
        ("Mr Reed said his wife, Ana, had been treated badly.\n\nShe said staff had ignored her.", "ignored her",
         "Ana"),
        # A person of that gender speaking near is still the one.
        ("Ms Lopes said Mr Grant had warned her.\n\nShe said the project was too dangerous.", "too dangerous",
         "Lopes"),
    ],
)  # fmt: skip
def test_speakers_he_or_she_with_nobody_near_is_the_person_of_that_gender_named_near(run_text, text, words, name):
    speaker, _ = _speaker_of(run_text(f"Inquiry\n\n{text}\n"), words)
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # A first name alone is the one person named in full with it.
        ("Sarah Jones, 34, said she had waited nine hours.\n\n“Nobody even looked at me,” Sarah said.",
         "Nobody even looked", "Sarah Jones"),
        ("Sir Menzies Campbell said the war had been a mistake.\n\nSir Menzies added that troops should "
         "come home.", "troops should come home", "Menzies Campbell"),
        # The end of a longer name is its surname: two words of four.
        ("Andres Manuel Lopez Obrador said the talks had failed.\n\nLopez Obrador told reporters that Mexico "
         "wanted good relations.", "wanted good relations", "Andres Manuel Lopez Obrador"),
        # Not a first name an apposition gives someone new, nor one two people bear.
        ("Tom Reed said the shop would close.\n\nHis son, Tom, said he was sad about it.", "sad about it", "Tom"),
        ("Tom Reed and Tom Hale met on Monday.\n\nTom said the talks had gone well.", "talks had gone", "Tom"),
        # A surname before a suffix that ends the name ("Jr.", "III": resources/name_suffixes.txt).
        ("Browns receiver Odell Bekker Jr. said he was frustrated.\n\nBekker said the team needed to get "
         "better.", "team needed", "Odell Bekker Jr."),
        ("Judge Thomas Hale III said the case would go on.\n\nHale said the jury needed more time.",
         "jury needed", "Thomas Hale III"),
        ("Defence barrister Michael Hayle QC said his client was innocent.\n\nMr Hayle said the jury needed more "
         "time.", "jury needed", "Michael Hayle QC"),
    ],
)  # fmt: skip
def test_speakers_a_first_name_or_a_surname_of_two_words_is_the_person_named_in_full(run_text, text, words, name):
    speaker, _ = _speaker_of(run_text(f"Floods\n\n{text}\n"), words)
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # A name the model cut or mistyped: "Ms Mills" typed ORG, "Howell" typed ORG after "Michael",
        # "Mr Blake" untyped, "British Industry" typed a person inside a body's name.
        ("Ms Mills said sales had grown.", "Mills", "PERSON"),
        ("Michael Howell said sales had grown.", "Michael Howell", "PERSON"),
        # A person's name after a possessor, typed a body or (in a longer article) a work of art.
        ("The Lib Dems' Vince Cable said sales had grown.", "Vince Cable", "PERSON"),
        ("Shadow chancellor Oliver Letwin said the plan was a bribe.\n\nThe Lib Dems' Vince Cable said sales "
         "had grown.", "Vince Cable", "PERSON"),
        # A title written short, which only a person's name follows.
        ("PM Modi said sales had grown.", "Modi", "PERSON"),
        ("Residents are angry.\n\nCoun. Janice Lukes said sales had grown.", "Janice Lukes", "PERSON"),
        # A kin noun's "<noun>-of-<number>" epithet before the name ("mother-of-two", "dad-of-three").
        ("Residents are angry.\n\nMother-of-two Kelly Price said sales had grown.", "Kelly Price", "PERSON"),
        # A party or people the model typed without the proper noun before it ("Democrats" of "The
        # Liberal Democrats"); not a body typed on its own before it ("Senate Republicans").
        ("The Liberal Democrats said sales had grown.", "Liberal Democrats", "ORG"),
        ("Social Democrats in the Bundestag said sales had grown.", "Social Democrats", "ORG"),
        ("Senate Republicans said sales had grown.", "Republicans", "ORG"),
        # An "'s" that owns nothing is the name's; a business's noun before a name with "&" is not.
        ("Ratings agency Moody's said sales had grown.", "Moody's", "ORG"),
        # A police rank written by its initials before a name.
        ("Detective Inspector Gary Holt said the gang was caught.\n\nDI Holt said sales had grown.", "Gary Holt",
         "PERSON"),
        ("The Confederation of British Industry said sales had grown.", "Confederation of British Industry", "ORG"),
        ("The Institute for Public Policy Research said sales had grown.", "Institute for Public Policy Research",
         "ORG"),
        ("Harbury and Stowe District Council said sales had grown.", "Harbury and Stowe District Council", "ORG"),
        # Names the model gave no entity (or typed a person: "British" is also a given name in the
        # name data), taken up as "it" or "the" body's noun: a body.
        ("Ofgem fined Velda Energy £5m on Tuesday.\n\nIt said sales had grown.", "Ofgem", "ORG"),
        ("British Gas was fined by Ofgem on Tuesday.\n\nIt said sales had grown.", "British Gas", "ORG"),
        ("Skyjet reported a rise in profits.\n\nThe budget airline said sales had grown.", "Skyjet", "ORG"),
        # ... or as the owner of the next sentence's subject; "the carrier" is a company's noun.
        ("Skyjet said sales had grown.\n\nThe airline's chief executive, Tom Reed, said talks would resume.",
         "Skyjet", "ORG"),
        ("Skyjet said sales had grown.\n\nIts chief executive, Tom Reed, said talks would resume.", "Skyjet",
         "ORG"),
        ("Skyjet reported a rise in profits.\n\nThe carrier said sales had grown.", "Skyjet", "ORG"),
        ("Norden Aerospace delayed its new jet.\n\nThe planemaker said sales had grown.", "Norden Aerospace", "ORG"),
        ("Norbrook Energy's plans were criticised by Ofgem.\n\nThe company said sales had grown.", "Norbrook Energy",
         "ORG"),
        # A title with "of" and its body in capitals, then the name, read as the object of "of" or
        # typed with the body as one organisation.
        ("Speaker of the House Rep. Paul Ryan (R-WI) said sales had grown.", "Paul Ryan", "PERSON"),
        ("Speaker of the House Nancy Pelosi said sales had grown.", "Nancy Pelosi", "PERSON"),
    ],
)  # fmt: skip
def test_speakers_names_the_model_cut_or_mistyped(run_text, text, name, type_):
    speaker, _ = _speaker_of(run_text(f"Retail\n\n{text}\n"), "sales had grown")
    assert speaker is not None and (speaker.name, speaker.type) == (name, type_)


def test_speakers_a_business_noun_before_a_name_with_an_ampersand_is_no_part_of_it(run_text):
    """ "Retailer Marks & Spencer" typed one body at a sentence's start: the name is "Marks & Spencer"."""
    speaker, _ = _speaker_of(run_text("Retailer Marks & Spencer said sales fell 3%.\n"), "sales fell")
    assert speaker is not None and (speaker.name, speaker.type) == ("Marks & Spencer", "ORG")


def test_speakers_a_body_typed_a_person_taken_up_by_its_noun_is_a_body(run_text):
    """ "Shelter Aid" typed a person by the model, then "The charity's chief executive": a body."""
    text = (
        "Burglaries rise\n\nShelter Aid said the rise was worrying.\n\nThe charity's chief executive, Ann Cole, "
        "said more victims needed help.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "rise was worrying")
    assert speaker is not None and (speaker.name, speaker.type) == ("Shelter Aid", "ORG")


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("The Prime Minister said sales had grown.", "Prime Minister"),  # a title alone names nobody
        ("The Lib Dem foreign affairs spokesman said sales had grown.", "Lib Dem foreign affairs spokesman"),
        # A common noun that opens a sentence has a capital, and may be tagged a proper noun: it is
        # still no body's name, even when "the company" is the next sentence's subject.
        ("Regulators fined the firm last year.\n\nThe company said sales had grown.", "company"),
        ("Investigators questioned the firm last year.\n\nThe company said sales had grown.", "company"),
    ],
)
def test_speakers_a_title_or_a_party_typed_a_person_is_no_name(run_text, text, description):
    speaker, _ = _speaker_of(run_text(f"Retail\n\n{text}\n"), "sales had grown")
    assert speaker is not None and speaker.name is None and speaker.description == description


@pytest.mark.parametrize(("text", "words", "label", "rule"), PASS_ROWS)
def test_speakers_pass_rows(run_text, text, words, label, rule):
    speaker, quote = _speaker_of(run_text(text), words)
    assert speaker is not None, quote.speaker_evidence
    assert quote.speaker_evidence == rule
    assert label in (speaker.name or speaker.description or "")


# ---- shapes of the speakers issue, on invented sentences --------------------------------------------
def test_speakers_a_body_described_then_named_where_the_noun_comes_next_is_one_speaker(run_text):
    """Pass "named_next": "a group of tenants ... The group, Fair Rent Now, ..." names the group."""
    text = (
        "Rents\n\nRents will rise by a fifth, according to a group of tenants. The group, Fair Rent Now, "
        "formed last month and wrote to the council.\n\nThe group said the rise was unfair.\n"
    )
    result = run_text(text)
    first, quote = _speaker_of(result, "Rents will rise")
    later, _ = _speaker_of(result, "the rise was unfair")
    assert first is not None and first == later and first.name == "Fair Rent Now"
    assert quote.speaker_evidence == "named_next"


def test_speakers_a_person_described_then_named_with_the_noun_as_title_is_one_speaker(run_text):
    """ "A federal judge ..., saying ... | U.S. District Judge Maria Santos wrote ...": the lede's
    description is the person the next paragraph names with that noun as a title."""
    text = (
        "Ruling\n\nA federal judge on Tuesday blocked the plan, saying officials had failed to explain it.\n\n"
        "U.S. District Judge Maria Santos wrote in her opinion that the decision was unlawful.\n"
    )
    result = run_text(text)
    first, quote = _speaker_of(result, "officials had failed")
    later, _ = _speaker_of(result, "the decision was unlawful")
    assert first is not None and first == later and first.name == "Maria Santos"
    assert quote.speaker_evidence == "named_next"


def test_speakers_a_new_body_of_the_same_noun_is_not_named_by_the_next(run_text):
    text = (
        "Rents\n\nRents will rise by a fifth, according to a group of tenants. A group of landlords, "
        "Fair Rent Now, disagreed.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "Rents will rise")
    assert speaker is not None and speaker.name is None


def test_speakers_a_place_s_body_is_one_speaker_however_written(run_text):
    text = (
        "Talks\n\nRussia's foreign ministry said the talks had failed.\n\n"
        "The Russian foreign ministry added that it would send no envoy.\n"
    )
    result = run_text(text)
    first, _ = _speaker_of(result, "the talks had failed")
    second, _ = _speaker_of(result, "send no envoy")
    assert first is not None and first == second and first.name == "Russian foreign ministry"


def test_speakers_a_role_subject_that_names_its_person_is_that_person_for_pronouns(run_text):
    text = "Storm\n\nThe mayor, Ana Lopes, said the roads would reopen. She added she was glad nobody was hurt.\n"
    result = run_text(text)
    assert [s.name for s in result.speakers] == ["Ana Lopes"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the first name says who "she" is: not the man named just before
        (
            "Finance Minister Ana Lopes spoke first. Opposition leader Tom Reed disagreed. She said taxes would stay.",
            "Ana Lopes",
        ),
        (
            "Opposition leader Ana Lopes spoke first. Finance Minister Tom Reed disagreed. He said taxes would stay.",
            "Tom Reed",
        ),
    ],
)
def test_speakers_pronouns_agree_with_the_gender_of_a_first_name(run_text, text, name):
    from pipeline.resources import first_names

    if first_names.gender_of("Tom") is None:
        pytest.skip("nomquamgender's name data is not installed")
    speaker, _ = _speaker_of(run_text(f"Budget\n\n{text}\n"), "taxes would stay")
    assert speaker is not None and speaker.name == name


def test_speakers_first_names_shared_by_both_genders_have_none():
    from pipeline.resources import first_names

    if first_names.gender_of("Tom") is None:
        pytest.skip("nomquamgender's name data is not installed")
    assert (first_names.gender_of("Tom"), first_names.gender_of("ana")) == ("m", "f")
    assert first_names.gender_of("Jean") is None and first_names.gender_of("Zzyzx") is None


def test_speakers_they_after_subjects_joined_by_and_is_them_together(run_text):
    text = "Budget\n\nThe union said pay was too low. Mr Reed and Ms Lopes disagreed. They said the offer was fair.\n"
    speaker, _ = _speaker_of(run_text(text), "the offer was fair")
    assert speaker is not None and speaker.type == "GROUP" and speaker.description == "Mr Reed and Ms Lopes"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Market analysts Brightline said shares would fall.", "Brightline", "ORG"),  # a role naming its body
        ("Its chief executive, Sir Tom Grant, said shares would fall.", "Tom Grant", "PERSON"),  # honorific
        ("Accountancy firm Baker & Lowe said shares would fall.", "Baker & Lowe", "ORG"),  # a name the parser split
    ],
)
def test_speakers_a_name_inside_a_description_is_the_speaker(run_text, text, name, type_):
    speaker, _ = _speaker_of(run_text(f"Shares\n\nThe firm met on Monday. {text}\n"), "shares would fall")
    assert speaker is not None and (speaker.name, speaker.type) == (name, type_)


def test_speakers_a_clause_that_reports_them_is_not_their_description(run_text):
    speaker, _ = _speaker_of(run_text("Law\n\nThe mayor, who said the law was unfair, resigned.\n"), "law was unfair")
    assert speaker is not None and speaker.description == "mayor"


def test_speakers_first_names_are_read_without_running_the_package_s_code():
    """The name data is read as a file: nomquamgender's module (which imports unidecode, GPL) never
    loads, so nothing under another licence runs in the extraction."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pipeline.engines.api import extract_texts\n"
        "list(extract_texts(['Budget\\n\\nAna Lopes said taxes would rise. She added that pay would not.\\n']))\n"
        "from pipeline.resources import first_names\n"
        "first_names.gender_of('Ana')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('nomquamgender', 'unidecode')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_speakers_a_document_named_from_its_issuer_speaks_for_the_issuer_not_its_title(run_text):
    text = "Fleet\n\nThe Fleet Facts report from DataWorks said vans were older than ever.\n"
    speaker, quote = _speaker_of(run_text(text), "vans were older")
    assert speaker is not None and speaker.name == "DataWorks" and quote.speaker_evidence == "document_issuer"


def test_speakers_a_kind_of_body_nobody_named_is_not_the_article_s_company(run_text):
    text = "Bonus\n\nAcme Bank released its results on Monday.\n\nThe committee said the bonus pool was fair.\n"
    speaker, _ = _speaker_of(run_text(text), "bonus pool was fair")
    assert speaker is not None and speaker.name is None and speaker.description == "committee"


def test_speakers_an_acronym_within_a_name_gives_all_its_letters(run_text):
    from pipeline.speakers.names import acronym

    assert (acronym("BBC World Service"), acronym("Independent Office for Police Conduct")) == ("BBCWS", "IOPC")
    text = "Jobs\n\nThe BBC World Service said it would cut jobs. BBCWS said the cuts would be deep.\n"
    first, _ = _speaker_of(run_text(text), "cut jobs")
    second, quote = _speaker_of(run_text(text), "cuts would be deep")
    assert first == second and first.name == "BBC World Service" and quote.speaker_evidence == "acronym"


def test_speakers_a_person_the_model_types_as_an_organisation_is_a_person(run_text):
    text = (
        "Fares\n\nSkyway chief executive Sara Holt said fares would rise. "
        "The chief executive added that staff would get a pay rise.\n"
    )
    result = run_text(text)
    first, _ = _speaker_of(result, "fares would rise")
    second, quote = _speaker_of(result, "staff would get")
    assert first is not None and (first.name, first.type) == ("Sara Holt", "PERSON")
    assert second == first and quote.speaker_evidence == "role_title"


def test_speakers_he_is_the_speaker_not_a_person_named_inside_what_he_said(run_text):
    text = "Rail\n\nTom Reed said that Jim Grant had left the company in May. He added that the board was stable.\n"
    speaker, _ = _speaker_of(run_text(text), "the board was stable")
    assert speaker is not None and speaker.name == "Tom Reed"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Swedish Prosecution Authority reopened the case. Prosecutors said the evidence had weakened.",
            "Swedish Prosecution Authority",
        ),
        (
            "The Dallas Police Department made two arrests. Police said the men were known to them.",
            "Dallas Police Department",
        ),
    ],
)
def test_speakers_people_named_by_a_body_s_work_speak_for_the_body_the_article_names(run_text, text, name):
    """Pass "members_of_named_body"."""
    speaker, quote = _speaker_of(run_text(f"Inquiry\n\n{text}\n"), text.split(" said ")[1][:12])
    assert speaker is not None and speaker.name == name and quote.speaker_evidence == "members_of_named_body"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Sen. Ann Byrne voted against the bill. The senator said it would hurt farmers.", "hurt farmers", "Ann Byrne"),
        ("Gov. Ann Byrne signed the bill. The governor said it would help farmers.", "help farmers", "Ann Byrne"),
        ("Rep. Tom Reed signed the letter. The congressman said it was overdue.", "was overdue", "Tom Reed"),
        ("Skyway CEO Tom Reed spoke first. The chief executive said fares would fall.", "fares would", "Tom Reed"),
        ("Skyway chief executive Tom Reed spoke first. The CEO said fares would fall.", "fares would", "Tom Reed"),
        (
            "Prime Minister Ana Lopes visited the border. The premier said the fence would stay.",
            "fence would",
            "Ana Lopes",
        ),
    ],
)
def test_speakers_a_role_written_another_way_joins_the_person_with_that_title(run_text, text, words, name):
    """Pass "role_title", through resources/role_forms.txt: "Sen." is the senator, "CEO" the chief
    executive, the premier the prime minister."""
    speaker, quote = _speaker_of(run_text(f"Politics\n\n{text}\n"), words)
    assert speaker is not None and speaker.name == name and quote.speaker_evidence == "role_title"


def test_speakers_a_role_noun_of_the_other_gender_is_someone_else(run_text):
    text = "Politics\n\nRep. Tom Reed signed the letter. The congresswoman said it was overdue.\n"
    speaker, _ = _speaker_of(run_text(text), "was overdue")
    assert speaker is not None and speaker.name != "Tom Reed"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tom Reed, 28, was convicted of fraud. The 28-year-old said he would appeal.", "Tom Reed"),
        ("Tom Reed (28) was convicted of fraud. The 28-year-old said he would appeal.", "Tom Reed"),
        ("Sam Cole, aged 31, and Tom Reed, 28, were convicted. The 28-year-old said he would appeal.", "Tom Reed"),
        ("28-year-old Tom Reed was convicted. The 28-year-old driver said he would appeal.", "Tom Reed"),
    ],
)
def test_speakers_the_n_year_old_is_the_person_given_that_age(run_text, text, name):
    """Pass "age_epithet": the person the article gave that age, not a speaker "the 28-year-old"."""
    speaker, quote = _speaker_of(run_text(f"Court\n\n{text}\n"), "would appeal")
    assert speaker is not None and speaker.name == name and quote.speaker_evidence == "age_epithet"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pierre Dubois won the race in Lyon. The Frenchman said he had never felt better.", "Pierre Dubois"),
        ("Maria Garcia beat Tom Reed in the final. The Spaniard said she had never felt better.", "Maria Garcia"),
        ("Ann Byrne spoke in Ohio on Tuesday. The Republican said she had never felt better.", "Ann Byrne"),
        ("Maria Garcia beat Pierre Dubois in Paris. The Frenchwoman said she had never felt better.", "Maria Garcia"),
        # The model typed "Northern Irishman" one body.
        ("Martin O'Neill said his side had been unlucky. The Northern Irishman said he had never felt better.",
         "Martin O'Neill"),
        # A politician by their party and place in the House, or by their party and the state they stand for.
        ("Shadow home secretary David Davis spoke on Sunday. The Tory frontbencher said he had never felt better.",
         "David Davis"),
        ("Sen. Ann Byrne spoke in Salem on Tuesday. The Oregon Democrat said she had never felt better.",
         "Ann Byrne"),
    ],
)  # fmt: skip
def test_speakers_the_frenchman_is_the_person_just_named(run_text, text, name):
    """Pass "epithet_salient": a person named again by where they are from or their party
    (resources/person_epithets.txt) is, as "he" or "she" would be, the nearest person subject or
    speaker, of the gender the noun says; never an organisation "Frenchman"."""
    speaker, quote = _speaker_of(
        run_text(f"Cycling results\n\nThe race was run on Sunday.\n\n{text}\n"), "never felt better"
    )
    assert speaker is not None and (speaker.name, speaker.type) == (name, "PERSON")
    assert quote.speaker_evidence == "epithet_salient"


def test_speakers_a_role_of_another_body_is_not_the_person_with_that_role(run_text):
    """ "The TMC leader said" after "Congress leader Adhir Chowdhury said": another body's leader."""
    text = (
        "Farm bills\n\nCongress leader Adhir Chowdhury said the bills would hurt farmers.\n\n"
        "Trinamool Congress MP Derek O'Brien accused the government of rushing. The TMC leader said his party "
        "would take to the streets.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "take to the streets")
    assert speaker is not None and speaker.name != "Adhir Chowdhury"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tanya Blake has promised to keep taxes low.\n\nThe chancellor told the conference that the economy "
         "was strong.", "Tanya Blake"),
        # A shadow office is no office held: "the chancellor" is still the person the story leads with.
        ("Tanya Blake has promised to keep taxes low.\n\nShadow chancellor Tom Dunn said she had raised taxes."
         "\n\nThe chancellor told the conference that the economy was strong.", "Tanya Blake"),
        # One person, one such office: the chancellor is not the prime minister taken up before.
        ("Tanya Blake and Tom Dunn met on Tuesday.\n\nThe prime minister said the talks had gone well.\n\n"
         "The chancellor told the conference that the economy was strong.", None),
    ],
)  # fmt: skip
def test_speakers_an_office_is_the_untitled_person_the_story_leads_with(run_text, text, name):
    speaker, _ = _speaker_of(run_text(f"Budget\n\n{text}\n"), "economy was strong")
    assert speaker is not None and speaker.name == name


def test_speakers_a_seat_said_with_its_place_is_the_person_just_quoted(run_text):
    """ "Ian Gibson said ... “...,” the Norwich North MP said": one MP per seat (`seat` in
    resources/lead_offices.txt)."""
    text = (
        "Schools\n\nMore than 90 Labour MPs signed a motion. One of them, Ian Gibson, said ministers had not "
        "listened. “They are in danger of losing the argument,” the Norwich North MP said.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "in danger of losing")
    assert speaker is not None and speaker.name == "Ian Gibson" and quote.speaker_evidence == "role_salient"


def test_speakers_an_indefinite_role_is_a_new_speaker_not_one_who_spoke(run_text):
    """ "A Downing Street spokesman said" after "Their education spokesman, Ed Davey, said": a new one."""
    text = (
        "Schools\n\nThe Liberal Democrats said the bill was flawed. Their education spokesman, Ed Davey, said "
        "councils would be sidelined.\n\nA Downing Street spokesman said the prime minister would meet rebels.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "would meet rebels")
    assert speaker is not None and speaker.name is None and "spokesman" in (speaker.description or "")


def test_speakers_a_party_the_epithet_says_must_be_the_person_s(run_text):
    """ "Labour MP Bob Marsh said ... The Tory frontbencher added": another party's politician is
    someone else, not the person just named."""
    text = "Votes\n\nLabour MP Bob Marsh spoke on Sunday. The Tory frontbencher said he had never felt better.\n"
    speaker, _ = _speaker_of(run_text(text), "never felt better")
    assert speaker is not None and speaker.name != "Bob Marsh"


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("Pop star Lana Reyes cancelled her tour. The singer said she needed rest.", "Lana Reyes", "role_epithet"),
        ("The actress Jane Moss won on Sunday. The star said she needed rest.", "Jane Moss", "role_epithet"),
        ("Tom Reed scored twice on Sunday. The striker said he needed rest.", "Tom Reed", "role_epithet"),
        # A common noun saying what kind ("veteran", "pop") before the epithet.
        ("Broadcaster Tom Dale left the BBC. The veteran presenter said he needed rest.", "Tom Dale",
         "role_epithet"),
        ("Marta Vidal lost her job in May. The mother-of-three said she needed rest.", "Marta Vidal",
         "epithet_salient"),
        ("Paul Hart lost his job in May. The father of two said he needed rest.", "Paul Hart", "role_epithet"),
        ("Ann Byrne, 71, lost her home. The pensioner said she needed rest.", "Ann Byrne", "epithet_salient"),
    ],
)
def test_speakers_the_singer_is_the_person_just_named(run_text, text, name, rule):
    """A person named again by renown, time of life or family with a count (person_epithets.txt),
    when nobody was introduced with that role, is the person just spoken of."""
    speaker, quote = _speaker_of(run_text(f"Arts\n\nThe news came on Monday.\n\n{text}\n"), "needed rest")
    assert speaker is not None and (speaker.name, speaker.type) == (name, "PERSON")
    assert quote.speaker_evidence == rule


@pytest.mark.parametrize(
    "text",
    [
        # Another role of the person just spoken of: the striker is someone else.
        "Coach Sam Riley praised his team on Sunday. The striker said he needed rest.",
        # "The mother" alone is as often someone else's: a baby's, a victim's.
        "Baby Lily Hart was born early. The mother said she needed rest.",
        "Tom Hart was born early. The father said he needed rest.",
        # Someone of that club's, not the person just named.
        "Tom Reed scored twice on Sunday. The club's striker said he needed rest.",
    ],
)
def test_speakers_an_epithet_never_takes_a_person_it_does_not_fit(run_text, text):
    speaker, _ = _speaker_of(run_text(f"Sport\n\nThe news came on Monday.\n\n{text}\n"), "needed rest")
    assert speaker is None or speaker.name is None


def test_speakers_singer_introduced_with_the_role_is_found_by_the_title_first(run_text):
    text = (
        "Arts\n\nSinger Tom Reed and Ann Byrne met on Monday. Ann Byrne spoke first. "
        "The singer said he needed rest.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "needed rest")
    assert speaker is not None and speaker.name == "Tom Reed" and quote.speaker_evidence == "role_title"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The possessor is the document's issuer: the committee, not the agency it criticised.
        ("The committee's report criticised the Water Agency for delays. It said the agency had failed to act.",
         "committee"),
        ("The Harbour Board published its review on Monday. The review criticised the Water Agency. "
         "It said the agency had failed to act.", "Harbour Board"),
    ],
)  # fmt: skip
def test_speakers_it_after_a_document_subject_is_the_document_s_issuer(run_text, text, name):
    speaker, quote = _speaker_of(run_text(f"Floods\n\n{text}\n"), "failed to act")
    assert speaker is not None and name in (speaker.name or speaker.description or "")
    assert quote.speaker_evidence == "pronoun_salient"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The small model types these names GPE, LOC or ORG; "she", "her" say they are people.
        ('Helen Park met Governor James Whitby on Tuesday. "We agreed on nothing," she said.', "Helen Park"),
        ("Marta Kovac lost her job in May. She said we agreed on nothing.", "Marta Kovac"),
        ("Marta Vidal lost her job in May. The mother of three said we agreed on nothing.", "Marta Vidal"),
    ],
)
def test_speakers_a_person_the_model_typed_a_place_is_a_person(run_text, text, name):
    speaker, _ = _speaker_of(run_text(f"Jobs\n\n{text}\n"), "agreed on nothing")
    assert speaker is not None and (speaker.name, speaker.type) == (name, "PERSON")


def test_speakers_two_people_of_one_surname_are_two_speakers(run_text):
    text = (
        "Farm\n\nTom Hale and his wife Ana Hale run a farm near Perth. "
        '"We lost everything," Mrs Hale said. Mr Hale said the insurers had not paid.\n'
    )
    result = run_text(text)
    assert _speaker_of(result, "lost everything")[0].name == "Ana Hale"
    assert _speaker_of(result, "insurers had not paid")[0].name == "Tom Hale"
    text = (
        "Clinic\n\nTom Hale, whose sister Ruth Hale is a nurse, said the clinic was full. "
        "She said staff were tired.\n"
    )
    result = run_text(text)
    assert _speaker_of(result, "clinic was full")[0].name == "Tom Hale"
    assert _speaker_of(result, "staff were tired")[0].name == "Ruth Hale"


def test_speakers_a_first_name_alone_has_its_gender(run_text):
    """ "her husband, Tom," is a man: "she" is not him."""
    text = "Crash\n\nLisa Ray's husband, Tom, was injured in the crash. She said he was recovering.\n"
    speaker, _ = _speaker_of(run_text(text), "was recovering")
    assert speaker is not None and speaker.name == "Lisa Ray"


def test_speakers_it_after_a_body_s_thing_as_subject_is_that_body(run_text):
    """ "Acme Energy's plans were rejected by the regulator. It said": the company the sentence is
    about, not the body that acted on it (issue shape 1)."""
    text = "Energy\n\nNorthvale Council's budget was cut by the government. It said services would suffer.\n"
    speaker, quote = _speaker_of(run_text(text), "services would suffer")
    assert speaker is not None and speaker.name == "Northvale Council"
    assert quote.speaker_evidence == "pronoun_salient"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # An epithet for a body whose name holds another noun of the same thing
        # (resources/body_epithets.txt): a think tank's name says institute or foundation, a
        # union's federation or congress, a watchdog's commission.
        ("The Harwick Institute for Transport Studies said the fares were too high.\n\n"
         "The think tank said ministers had ignored it.", "Harwick Institute for Transport Studies"),
        ("The Northvale Drivers' Federation said the fares were too high.\n\n"
         "The union said ministers had ignored it.", "Northvale Drivers' Federation"),
        ("The Harwick Fares Foundation said the fares were too high.\n\n"
         "The think-tank said ministers had ignored it.", "Harwick Fares Foundation"),
    ],
)  # fmt: skip
def test_speakers_a_body_s_epithet_stands_for_a_name_of_the_same_kind_of_body(run_text, text, name):
    speaker, quote = _speaker_of(run_text(f"Fares\n\n{text}\n"), "ministers had ignored")
    assert speaker is not None and (speaker.name, quote.speaker_evidence) == (name, "org_epithet")


@pytest.mark.parametrize(
    ("text", "words", "description"),
    [
        # What a body's noun acts on in its own clause is not that body, here or where the same noun
        # was the subject before: a clause's subject and its object are two.
        ("The regulator fined Norbrook Energy £5m on Tuesday.\n\nThe regulator said customers had been misled.",
         "customers had been misled", "regulator"),
        ("The watchdog wrote to Norbrook Energy in May.\n\nThe watchdog said letters had gone unanswered.",
         "letters had gone unanswered", "watchdog"),
        ("The regulator fined Norbrook Energy £5m on Tuesday.\n\nIt said customers had been misled.",
         "customers had been misled", "regulator"),
    ],
)  # fmt: skip
def test_speakers_a_body_s_noun_is_not_the_body_its_own_verb_acts_on(run_text, text, words, description):
    speaker, _ = _speaker_of(run_text(f"Fines\n\n{text}\n"), words)
    assert speaker is not None and (speaker.name, speaker.description) == (None, description)


@pytest.mark.parametrize(
    "text",
    [
        # A body whose name gives another noun: the union is another body.
        "Pay\n\nHarbury City Council said the cuts would cost jobs.\n\nThe union said ministers had ignored it.\n",
        # Another body named since the last speaker.
        "Pay\n\nThe HWU said the cuts would cost jobs after talks with Acme Corp.\n\n"
        "The union said ministers had ignored it.\n",
    ],
)
def test_speakers_a_body_s_epithet_is_not_a_body_of_another_noun_or_before_another_named(run_text, text):
    speaker, quote = _speaker_of(run_text(text), "ministers had ignored")
    assert speaker is not None and quote.speaker_evidence != "org_epithet"


@pytest.mark.parametrize(
    "text",
    [
        # A public body's noun is not a body only of a specific kind ...
        "Schools\n\nThe National Federation of Drivers said the cuts were reckless.\n\n"
        "The government said the cuts were needed.\n",
        # ... nor the public body of another place or people than the one the article spoke of.
        "Schools\n\nOntario's Progressive Conservative government says the cuts were needed.\n\n"
        "The Ministry of Education said details would follow.\n\nThe Ministry of Education said the plan was sound.\n",
    ],
)
def test_speakers_the_government_is_not_a_union_nor_another_country_s_ministry(run_text, text):
    result = run_text(text)
    first, _ = _speaker_of(result, "the plan was sound" if "plan was sound" in text else "cuts were reckless")
    speaker, _ = _speaker_of(result, "cuts were needed")
    assert first is not None and speaker is not None and speaker.id != first.id


def test_speakers_a_campaign_group_is_not_the_company_the_article_is_about(run_text):
    text = "Rivers\n\nVelda Motors met residents on Monday. The campaign group said the firm had misled them.\n"
    speaker, _ = _speaker_of(run_text(text), "misled them")
    assert speaker is not None and speaker.name is None and speaker.description == "campaign group"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ("Health\n\nA man fell ill after changing his bedding, his doctors say. In a new case study out "
         "Monday, they detail how he came down with a rare allergy.\n\nAccording to the study, the man "
         "had suffered months of dizziness.", "months of dizziness", "his doctors"),
        ("Water\n\nIn a report released on Monday, the Harbour Agency said the river was polluted.\n\n"
         "The report said that fish stocks had fallen by half.", "fish stocks", "Harbour Agency"),
        # Whoever the article says issued it: a person, a group, a body's noun.
        ("Farms\n\nSenator Mary Cole issued a statement after the vote.\n\nThe statement said the bill would "
         "hurt farmers.", "hurt farmers", "Mary Cole"),
        ("Crash\n\nThe victim's family released a statement on Monday.\n\n\"He was a loving father,\" the "
         "statement said.", "loving father", "family"),
        ("Roads\n\nThe council published a report on Tuesday.\n\nThe report said the roads were unsafe.",
         "roads were unsafe", "council"),
        # A name the model did not type after "from".
        ("Privacy\n\n“We take these concerns seriously,” according to a statement from Facebook.",
         "We take these", "Facebook"),
        # ... or owns it: a person named, a pronoun.
        ("Depot\n\nMr Tom Reed wrote to the council on Monday.\n\nHis letter said the depot should stay open.",
         "depot should stay", "Tom Reed"),
        ("Farms\n\nSenator Mary Cole's letter said the bill would hurt farmers.", "hurt farmers", "Mary Cole"),
        # ... or as the agent of a verb of issuing it in its own phrase.
        ("Drivers\n\nA study carried out by Harbury University found that most drivers speed.",
         "most drivers speed", "Harbury University"),
        ("Pay\n\nA lawsuit filed by the Harwick Union of Drivers on Monday says the firm broke the law.",
         "broke the law", "Harwick Union of Drivers"),
        # Figures published: released by a body, from a body, or the subject of "show".
        ("Crime\n\nBurglaries rose by 12% last year, according to figures released by Northvale Police.",
         "Burglaries rose", "Northvale Police"),
        ("Prices\n\nThe latest figures from the Office for Fair Prices show that rents rose by 3%.",
         "rents rose", "Office for Fair Prices"),
        ("Arrests\n\nThe Home Office published new figures on Tuesday. The figures show that arrests fell "
         "by 8%.", "arrests fell", "Home Office"),
    ],
)  # fmt: skip
def test_speakers_a_document_speaks_for_who_issued_it_or_spoke_in_it(run_text, text, words, speaker):
    """ "In a report released on Monday, the agency said ...": whoever speaks in a document, or the
    article says released it, issued it."""
    found, quote = _speaker_of(run_text(text + "\n"), words)
    assert found is not None and speaker in (found.name or found.description or "")
    assert quote.speaker_evidence == "document_issuer"


@pytest.mark.parametrize("noun", ["estimates", "forecasts", "projections", "records", "figures", "statistics"])
def test_speakers_figures_the_news_reads_from_speak_as_documents(run_text, noun):
    speaker, _ = _speaker_of(run_text(f"Jobs\n\nOfficial {noun} suggest that 2,000 jobs will go.\n"), "2,000 jobs")
    assert speaker is not None and (speaker.type, speaker.description) == ("DOCUMENT", f"Official {noun}")


def test_speakers_figures_of_a_party_are_people(run_text):
    """ "Senior Labour figures said": people, not numbers published."""
    speaker, _ = _speaker_of(run_text("Plan\n\nSenior Labour figures said the plan was dead.\n"), "plan was dead")
    assert speaker is not None and speaker.type != "DOCUMENT"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PM Narendra Modi said the roads would be built.\n\nThe PM added that farmers would benefit.",
         "Narendra Modi"),
        ("Delhi Chief Minister Arvind Kejriwal said schools would reopen.\n\nThe CM added that farmers would "
         "benefit.", "Arvind Kejriwal"),
    ],
)  # fmt: skip
def test_speakers_an_office_written_short_is_the_person_introduced_with_it(run_text, text, name):
    speaker, quote = _speaker_of(run_text(f"Roads\n\n{text}\n"), "farmers would benefit")
    assert speaker is not None and speaker.name == name and quote.speaker_evidence == "role_title"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "the Iraqi leader" is the leader the introduction gave of that country ...
        ("Iraqi Prime Minister Iyad Allawi said the vote would go ahead.\n\nThe Iraqi leader added that farmers "
         "would benefit.", "Iyad Allawi"),
        ("French President Jacques Chirac said Europe must stand together.\n\nThe French leader added that "
         "farmers would benefit.", "Jacques Chirac"),
        # ... not another country's.
        ("French President Jacques Chirac said Europe must stand together.\n\nThe Iraqi leader added that "
         "farmers would benefit.", None),
    ],
)  # fmt: skip
def test_speakers_a_country_s_leader_is_the_head_of_government_introduced_with_it(run_text, text, name):
    speaker, _ = _speaker_of(run_text(f"Roads\n\n{text}\n"), "farmers would benefit")
    assert speaker is not None and speaker.name == name
    assert name is not None or speaker.description == "Iraqi leader"


def test_speakers_a_body_named_by_a_word_made_with_a_place_keeps_its_noun(run_text):
    """ "The Saudi-led coalition": a place's word made into another is no name of its own; the body is
    the coalition it leads (was a body "Saudi-led")."""
    text = "Yemen\n\nThe Saudi-led coalition said the drone was aimed at civilians.\n"
    speaker, _ = _speaker_of(run_text(text), "aimed at civilians")
    assert speaker is not None and (speaker.name or speaker.description or "").endswith("coalition")


def test_speakers_a_long_chain_of_phrases_pointing_back_is_no_recursion_error(run_text):
    """Each "the researchers at ..." points back at the one before: an article with hundreds of them
    (a live blog, a transcript) resolves them all without running into Python's recursion limit."""
    text = "Frogs\n\n" + "The researchers at Harbury University studied the frogs.\n\n" * 400
    speaker, _ = _speaker_of(run_text(text + "The researchers said the species was at risk.\n"), "species was at risk")
    assert speaker is not None


def test_speakers_researchers_at_large_are_not_a_group_brought_in(run_text):
    """ "Scientists have found ...": scientists at large, no group the researchers are."""
    text = "Frogs\n\nScientists have found a new frog.\n\nThe researchers said the species was at risk.\n"
    speaker, quote = _speaker_of(run_text(text), "species was at risk")
    assert speaker is not None and quote.speaker_evidence != "people_introduced"


def test_speakers_a_relative_clause_set_off_is_no_part_of_a_description(run_text):
    """ "a spokesperson for the company, who asked not to be named": the parser hangs the clause on
    "company"; it is said of the spokesperson, and not what they are called."""
    text = "Pay\n\n“We will fight this decision,” said a spokesperson for the company, who asked not to be named.\n"
    speaker, _ = _speaker_of(run_text(text), "We will fight")
    assert speaker is not None and speaker.description == "spokesperson for the company"


def test_speakers_a_lawsuit_with_no_issuer_named_is_not_the_article_s_company(run_text):
    text = "Pay\n\nAcme Corp said sales fell sharply last year.\n\nThe lawsuit says the company broke the law.\n"
    speaker, quote = _speaker_of(run_text(text), "broke the law")
    assert speaker is not None and (speaker.description, speaker.type) == ("lawsuit", "DOCUMENT")
    assert quote.speaker_evidence == "document_own"


def test_speakers_a_document_by_a_body_s_noun_speaks_for_that_body(run_text):
    text = "Faults\n\nThe report by the committee criticised Velda Motors. It found the firm had hidden faults.\n"
    speaker, _ = _speaker_of(run_text(text), "hidden faults")
    assert speaker is not None and speaker.description == "committee" and speaker.type == "ORG"


def test_speakers_a_place_named_like_a_person_stays_a_place(nlp):
    from pipeline.speakers.entities import article_entities

    doc = nlp("Sierra Leone announced new rules on Monday. She said they were fair.")
    assert [e.text for e in article_entities(doc, ("PERSON",))] == []


def test_speakers_the_french_are_a_people_not_a_person_named_again(run_text):
    text = "Sport\n\nPierre Dubois won the race in Lyon. The French said they were proud of him.\n"
    speaker, quote = _speaker_of(run_text(text), "were proud")
    assert speaker is None or speaker.name != "Pierre Dubois"


def test_speakers_people_of_a_body_s_work_stay_a_group_when_two_bodies_could_be_theirs(run_text):
    text = (
        "Inquiry\n\nThe Swedish Prosecution Authority and the Crown Prosecution Service met. "
        "Prosecutors said the evidence had weakened.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "the evidence had weakened")
    assert speaker is not None and speaker.name is None and speaker.type == "GROUP"


def test_speakers_first_names_read_in_chunks_lose_no_name_at_a_chunk_s_edge(monkeypatch):
    from pipeline.resources import first_names

    whole = dict(first_names._genders())
    if not whole:
        pytest.skip("nomquamgender's name data is not installed")
    first_names._genders.cache_clear()
    monkeypatch.setattr(first_names, "_CHUNK", 4093)  # edges fall inside rows everywhere
    try:
        assert first_names._genders() == whole
    finally:
        first_names._genders.cache_clear()


def _names_with_entities(nlp, text: str, kept: list[str], label: str = "PERSON"):
    """The article's names when the model typed only the entities whose text is in `kept`, the
    last occurrence of each, as `label` ("Tom Reed" always PERSON) (the small model misses names
    by context; this makes the miss certain)."""
    from spacy.tokens import Span as SpacySpan

    from pipeline.speakers.mentions import ArticleNames

    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if not name.startswith("pipeline_"):  # the model's components only
            doc = component(doc)
    ents = []
    for words in kept:
        start = text.rindex(words)
        span = doc.char_span(start, start + len(words))
        assert span is not None
        ents.append(SpacySpan(doc, span.start, span.end, label="PERSON" if words == "Tom Reed" else label))
    doc.ents = ents
    return ArticleNames(doc, set(), text)


@pytest.mark.parametrize(
    ("text", "kept", "name"),
    [
        ("Elena Navarro beat Tom Reed by nine votes.", ["Tom Reed"], "Elena Navarro"),
        ("Lucia Romero beat Tom Reed by nine votes.", ["Romero", "Tom Reed"], "Lucia Romero"),
        ("Eva-Marie Persson beat Tom Reed by nine votes.", ["Persson", "Tom Reed"], "Persson"),
        ("Eva-Marie Persson beat Tom Reed by nine votes.", ["Tom Reed"], None),
        ("The Santander Group beat Tom Reed by nine votes.", ["Tom Reed"], None),
    ],
)
def test_speakers_a_name_the_model_missed_is_a_person_when_it_opens_with_a_given_name(nlp, text, kept, name):
    """Two or three capitalised proper nouns outside every entity, the first a common given name,
    are a person; a given name written just before a person's entity is part of it; not the second
    half of a hyphenated name ("Eva-Marie"), nor a run that opens with no given name."""
    names = _names_with_entities(nlp, text, kept)
    people = [e.text for e in names.ents if e.label_ == "PERSON" and "Reed" not in e.text]
    assert people == ([name] if name else [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The regulator fined Skyway £5m on Monday. It said the airline had misled customers.", "regulator"),
        ("The committee criticised the Food Agency in a report. It said the agency had failed to act.", "committee"),
    ],
)
def test_speakers_it_after_a_body_s_noun_as_subject_is_that_body_not_the_one_it_acted_on(run_text, text, name):
    """A body's noun as a main clause's subject ("the regulator") is an antecedent, found as that
    noun would be as a speaker; the body it fined or criticised is no subject."""
    speaker, quote = _speaker_of(run_text(f"Inquiry report\n\nThe report was published on Monday.\n\n{text}\n"), "had")
    assert speaker is not None and speaker.type == "ORG" and name in (speaker.description or "")
    assert quote.speaker_evidence == "pronoun_salient"


@pytest.mark.parametrize(
    ("body", "noun"),
    [("the National Union of Teachers", "union"), ("the Office for Police Conduct", "office")],
)
def test_speakers_the_noun_a_name_is_built_on_points_back_at_it(run_text, body, noun):
    """Pass "org_head_noun": "the union" is the National Union of Teachers, whose name is built on
    "union" before "of" (not only names that end in the noun)."""
    text = f"Schools\n\nAnn Byrne of {body} said the plan was bad. The {noun} said members would act.\n"
    speaker, quote = _speaker_of(run_text(text), "members would act")
    assert speaker is not None and speaker.name == body.removeprefix("the ")
    assert quote.speaker_evidence == "org_head_noun"


@pytest.mark.parametrize(
    "text",
    [
        "Striker Ann Byrne won the award on Monday. The striker said she was delighted.",
        "Novelist Ann Byrne won the award on Monday. The novelist said she was delighted.",
        "The award went to singer Ann Byrne on Monday. The singer said she was delighted.",
    ],
)
def test_speakers_an_occupation_before_a_name_is_the_title_the_article_names_them_by_again(run_text, text):
    """Pass "role_title" with the occupations of resources/role_nouns.txt, read before a name
    however the parser took them ("to singer" parsed as a verb)."""
    speaker, quote = _speaker_of(run_text(f"Awards\n\nThe show was on Monday.\n\n{text}\n"), "was delighted")
    assert speaker is not None and speaker.name == "Ann Byrne" and quote.speaker_evidence == "role_title"


@pytest.mark.parametrize(
    ("text", "kept", "label", "people"),
    [
        ("The plan is flawed, Reed, 45, said on Monday.", [], "PERSON", ["Reed"]),
        ("The plan is flawed, Reed, 45, said on Monday.", ["Reed"], "ORG", ["Reed"]),
        ("Tom Reed spoke first. The plan is flawed, Reed said.", ["Tom Reed", "Reed"], "ORG", ["Tom Reed", "Reed"]),
        ("Tom Reed spoke first. The plan is flawed, Skyway said.", ["Tom Reed", "Skyway"], "ORG", ["Tom Reed"]),
    ],
)
def test_speakers_a_name_with_an_age_or_a_person_s_surname_is_a_person(nlp, text, kept, label, people):
    """A proper name with an age after it ("Reed, 45,") is a person, typed as nothing or ORG; a
    one-word name the article types as a person's surname elsewhere is that person's."""
    names = _names_with_entities(nlp, text, kept, label)
    assert [e.text for e in names.ents if e.label_ == "PERSON"] == people


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Residents opposed the plan on Monday. They said it would ruin the park.", "Residents"),
        ("Police were called to the house on Monday. They said it would ruin the park.", "Police"),
        ("Tom Reed's family paid tribute on Monday. They said it would ruin the park.", "family"),
    ],
)
def test_speakers_they_after_people_named_by_their_part_as_subject_is_that_group(run_text, text, description):
    """People in a role, plural ("Residents"), or spoken of as one ("police", "the family":
    `GROUP` in resources/descriptors.txt), as a main clause's subject, are a group "they" takes up."""
    speaker, quote = _speaker_of(
        run_text(f"Park plan\n\nThe plan was published on Monday.\n\n{text}\n"), "ruin the park"
    )
    assert speaker is not None and speaker.type == "GROUP" and description in (speaker.description or "")
    assert quote.speaker_evidence == "pronoun_salient"


def test_speakers_a_person_noun_inside_what_someone_said_is_no_antecedent(run_text):
    text = (
        "Flights\n\nEC spokeswoman Ana Lopes spoke on Monday. She said that a passenger would be paid. "
        "She added that airlines would pay.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "airlines would pay")
    assert speaker is not None and speaker.name == "Ana Lopes"


@pytest.mark.parametrize(
    ("text", "words", "description"),
    [
        (
            "A Skyway spokesman said fares would rise. The spokesman added that refunds were due.",
            "refunds",
            "Skyway spokesman",
        ),
        (
            "A man who lives nearby said he heard shots. The man said that he called the police.",
            "called the police",
            "man who lives nearby",
        ),
        (
            "Residents said the plan was unfair. The residents added that they would protest.",
            "would protest",
            "Residents",
        ),
    ],
)
def test_speakers_the_spokesman_is_the_spokesman_described_before(run_text, text, words, description):
    """Pass "description_earlier": a definite phrase joins the nearest unnamed speaker before it
    with the same head noun, one speaker, not two."""
    result = run_text(f"Flights\n\nThe plan was published on Monday.\n\n{text}\n")
    speaker, quote = _speaker_of(result, words)
    assert speaker is not None and speaker.description == description
    assert quote.speaker_evidence == "description_earlier" and len(result.speakers) == 1


def test_speakers_the_skyway_spokesman_is_not_the_union_spokesman(run_text):
    text = (
        "Strike\n\nThe strike began on Monday.\n\nA union spokesman said the strike would go on. "
        "The Skyway spokesman said it was illegal.\n"
    )
    result = run_text(text)
    assert len(result.speakers) == 2


@pytest.mark.parametrize(
    ("text", "words", "name", "evidence"),
    [
        (
            "The Conservatives said the plan was bad. The Tories added that jobs would go.",
            "jobs would go",
            "Conservatives",
            "name_organisation",
        ),
        (
            "Labour said the plan was bad. The party added that jobs would go.",
            "jobs would go",
            "Labour",
            "org_head_noun",
        ),
    ],
)
def test_speakers_an_organisation_named_two_ways_is_one_speaker(run_text, text, words, name, evidence):
    """resources/org_aliases.txt: "the Tories" are the Conservatives, shown under the name the
    article gave first; "the party" after "Labour" is the Labour Party."""
    result = run_text(f"Politics\n\nThe plan was published on Monday.\n\n{text}\n")
    speaker, quote = _speaker_of(result, words)
    assert speaker is not None and speaker.name == name and quote.speaker_evidence == evidence
    assert len(result.speakers) == 1


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "The country's premier hailed the “historic” move.\n\n"
            "Prime Minister Ana Lopes spoke in the capital on Monday.",
            "Ana Lopes",
        ),
        (
            "The country's premier hailed the “historic” move.\n\n"
            "Former Prime Minister Ana Lopes spoke in the capital on Monday.",
            None,
        ),
    ],
)
def test_speakers_a_lede_s_role_is_the_person_named_with_it_just_after(run_text, body, name):
    """Pass "role_title", looking forward when nobody before has the role: the first person
    introduced with it in the two paragraphs after (not a former holder); the possessor's words
    ("the country's") need not stand in the title."""
    speaker, _ = _speaker_of(run_text(f"World\n\nThe vote was held on Monday.\n\n{body}\n"), "historic")
    assert speaker is not None and speaker.name == name


def test_speakers_a_speech_tag_parsed_as_a_participle_of_its_noun_is_that_noun_s(run_text):
    """ '“...,” the patient described in the report.': the parser reads "the patient [who was]
    described"; right after a quote it is the patient's speech tag, and the patient the speaker."""
    text = (
        "Lungs\n\nDoctors published a case report on the man.\n\n"
        "“Climbing the stairs took me half an hour,” the patient described in the report.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "Climbing the stairs")
    assert speaker is not None and speaker.description == "patient" and quote.evidence == "direct_cue_after"


def test_speakers_a_leading_noun_needs_the_body_it_names(run_text):
    """ "The Airtrain boss" is not the chief executive of Skyway (resources/leading_roles.txt)."""
    text = (
        "Airline\n\nTom Reed, chief executive of Skyway, announced the plan on Monday.\n\n"
        "The Airtrain boss said profits would fall.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "profits would fall")
    assert speaker is not None and speaker.name is None and "Airtrain boss" in (speaker.description or "")


@pytest.mark.parametrize(
    ("lede", "name", "evidence"),
    [
        # she has a title of her own: the mayor is someone the article does not name
        ("Ana Lopes, a bus driver, has criticised the cuts to the city's bus routes.", None, "description"),
        # the office is someone's the article names with it
        ("Tom Reed has criticised the cuts, and Mayor Ana Lopes has replied.", "Ana Lopes", "role_title"),
    ],
)
def test_speakers_an_office_is_not_the_lead_person_s_when_the_article_says_otherwise(run_text, lede, name, evidence):
    text = f"Bus cuts\n\n{lede}\n\nThe mayor said the routes had lost money for years.\n"
    speaker, quote = _speaker_of(run_text(text), "lost money for years")
    assert speaker is not None and speaker.name == name and quote.speaker_evidence == evidence


@pytest.mark.parametrize(
    ("text", "words", "not_them"),
    [
        (
            "Row\n\nThe Harbour Council criticised the Medicines Agency. The council must apologise, it said.\n",
            "must apologise", None,  # "it" may still be the council by salience: the point is not this pass
        ),
        ("Row\n\nAna Lopes criticised Tom Reed on Monday. Tom Reed should resign, she said.\n", "resign", "Tom Reed"),
        ("Row\n\nAna Lopes spoke to voters. Tom Reed isn't a conservative, she said.\n", "conservative", "Tom Reed"),
        ("Row\n\nAnalysts were gloomy. Meanwhile, Russia is meddling in the talks, they say.\n", "meddling", "Russia"),
    ],
)  # fmt: skip
def test_speakers_a_clause_about_its_subject_is_not_always_that_subject_s(run_text, text, words, not_them):
    """ "The council must apologise, it said", "Reed isn't a conservative, she said", "Russia is
    meddling, they say": a demand, a view of someone, or what "they" say is another's words."""
    speaker, quote = _speaker_of(run_text(text), words)
    assert quote.speaker_evidence != "content_subject"
    assert not_them is None or speaker is None or speaker.name != not_them


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("Harlow Water Co. cut supplies to 20,000 homes on Monday.", "Harlow Water Co."),  # a business's noun
        ("The Environment Agency warned of floods on Monday.", None),  # a public body is no utility
    ],
)
def test_speakers_the_utility_is_the_business_the_article_is_about(run_text, lede, name):
    result = run_text(f"Cuts\n\n{lede}\n\nThe utility said supplies would be back by Friday.\n")
    speaker, _ = _speaker_of(result, "back by")
    assert speaker.name == name


def test_speakers_a_business_s_noun_never_stands_for_a_public_body(run_text):
    text = (
        "Recall\n\nThe Medicines Agency said it had opened an inquiry into the tablets.\n\n"
        "The agency said patients should keep taking them. The firm said no patient had been harmed.\n"
    )
    result = run_text(text)
    agency, _ = _speaker_of(result, "keep taking them")
    firm, _ = _speaker_of(result, "no patient had been harmed")
    assert agency.name == "Medicines Agency"
    assert firm is None or firm.name != "Medicines Agency"


@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("Carmaker Velda Motors will cut 2,000 jobs in Europe, it announced on Thursday.", "Velda Motors"),
        ("Shares in Northwick Holdings fell on Thursday after a profit warning.", "Northwick Holdings"),
    ],
)
def test_speakers_a_company_named_by_the_first_word_of_its_name_is_one_speaker(run_text, lede, name):
    word = name.split()[0]
    text = f"Carmaker to cut jobs\n\n{lede}\n\n{word} said most of the cuts would come through early retirement.\n"
    result = run_text(text)
    speaker, _ = _speaker_of(result, "early retirement")
    assert speaker.name == name and speaker.type == "ORG"


def test_speakers_two_companies_sharing_a_first_word_stay_two(run_text):
    text = (
        "Merger off\n\nShares in Velda Bank fell after the merger with Velda Motors was called off.\n\n"
        "Velda Bank said the merger was off. Velda Motors said the deal had never been agreed.\n\n"
        "Velda said the talks had been friendly.\n"
    )
    result = run_text(text)
    bank, _ = _speaker_of(result, "merger was off")
    motors, _ = _speaker_of(result, "never been agreed")
    either, _ = _speaker_of(result, "talks had been friendly")
    assert (bank.name, motors.name) == ("Velda Bank", "Velda Motors")
    assert either is None or either.name not in ("Velda Bank", "Velda Motors")  # "Velda" could be either


def test_speakers_a_document_two_bodies_stand_behind_speaks_for_itself(run_text):
    text = (
        "Call centres\n\nCallers hang up sooner than ever, a survey suggests.\n\n"
        "Tom Reed of Kestrel Data, which commissioned the survey, said waits were falling.\n\n"
        "The survey was conducted by Brightline on behalf of Kestrel Data.\n"
    )
    speaker, _ = _speaker_of(run_text(text), "Callers hang up")
    assert speaker.type == "DOCUMENT" and speaker.name is None


def test_speakers_a_headline_s_bare_document_is_not_the_article_s_organisation(run_text):
    """ "Coffee drinkers may live longer, study finds": some study, not the body that speaks later."""
    text = (
        "Coffee drinkers may live longer, study finds\n\nResearchers followed 400,000 adults for 12 years.\n\n"
        "The Harbury Heart Association said in a statement that people should not start drinking coffee.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "Coffee drinkers may live longer")
    assert speaker is not None and speaker.type == "DOCUMENT" and quote.speaker_evidence == "document_own"


def test_speakers_an_acronym_spelt_out_in_lower_case_is_a_term_not_an_organisation(run_text):
    text = (
        "Duvet lung\n\nTests confirmed hypersensitivity pneumonitis, or HP. HP is rare and HP can kill.\n\n"
        "The study said the man had been breathless for months.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "breathless for months")
    assert speaker is None or speaker.name != "HP"
    assert quote.speaker_evidence != "document_salient_org"


def test_speakers_a_party_s_short_name_at_a_sentence_s_start_is_the_party(run_text):
    result = run_text("Budget\n\nLabour hit back, saying the figures were wrong.\n")
    speaker, _ = _speaker_of(result, "figures were wrong")
    assert (speaker.type, speaker.name) == ("ORG", "Labour")


def test_speakers_a_speech_verb_parsed_as_a_participle_of_a_name_is_that_name_s(run_text):
    text = "Vote\n\nAna Lopes, the party's chair, tweeted in response: “This is a disgrace.”\n"
    speaker, _ = _speaker_of(run_text(text), "disgrace")
    assert speaker.name == "Ana Lopes"


def test_speakers_a_relative_clause_set_off_by_commas_is_no_part_of_the_description(run_text):
    result = run_text("Plans\n\nThe minister, who met union leaders last week, said the plan was ready.\n")
    speaker, _ = _speaker_of(result, "plan was ready")
    assert speaker.description == "minister"


def test_speakers_a_role_in_apposition_introduces_the_person_even_when_they_say_nothing_there(run_text):
    """ "Ana Lopes, the governor of Oregon, declared an emergency. The governor said ...": the
    parser makes "Ana" a root of its own; the name is still the one the role was given to."""
    text = "Storm\n\nAna Lopes, the governor of Oregon, declared an emergency. The governor said help was coming.\n"
    speaker, quote = _speaker_of(run_text(text), "help was coming")
    assert (speaker.name, quote.speaker_evidence) == ("Ana Lopes", "role_title")


@pytest.mark.parametrize(
    ("name", "named", "short"),
    [
        ("Carmaker Velda Motors", "Velda Motors", None),  # what the business does, before its name
        ("Utility Warehouse Group", "Utility Warehouse Group", None),  # a noun that begins a name
        ("Velda Motors", "Velda Motors", "Velda"),
        ("Police Scotland", "Police Scotland", None),  # a noun for people, not a name of its own
        ("British Airways", "British Airways", None),  # a place's adjective
        ("Bank of England", "Bank of England", None),
    ],
)
def test_speakers_a_company_s_name_without_its_kind_and_the_word_it_is_shortened_to(name, named, short):
    from pipeline.speakers.names import leading_word, without_kind_noun

    assert without_kind_noun(name) == named
    assert leading_word(name) == short


@pytest.mark.parametrize(
    "text",
    [
        "Velda Motors paid £30m for the site. Mr Reed said the plant would open in May.",
        "Velda Motors paid $2bn for the site. Mr Reed said the plant would open in May.",
        "The line is 40km. Mr Reed said the plant would open in May.",
    ],
)
def test_speakers_a_sentence_ending_in_a_figure_s_unit_ends_there(run_text, nlp, text):
    """ "£30m." is no abbreviation before a capital: the next sentence's speaker is its own."""
    sentences = [s.text for s in nlp(text).sents]
    assert len(sentences) == 2 and sentences[1].startswith("Mr Reed")
    speaker, quote = _speaker_of(run_text(f"Plant\n\nTom Reed runs the plant.\n\n{text}\n"), "open in May")
    assert speaker is not None and speaker.name == "Tom Reed"


def test_speakers_a_unit_inside_a_sentence_does_not_end_it(nlp):
    doc = nlp("The vote was at 5 p.m. Tuesday in Leeds. It cost £3m. in all, said Mr Reed.")
    sentences = [s.text for s in doc.sents]
    assert sentences[0] == "The vote was at 5 p.m. Tuesday in Leeds."
    assert not any(s.startswith("in all") for s in sentences)  # no capital after it: the sentence goes on


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A party the phrase adds may be new ...
        ("Senator Ann Lee spoke first on Monday. The Democratic senator said the plan was wrong.", "Ann Lee"),
        # ... unless the introduction gave another one: then it is someone else.
        ("Republican Senator Ann Lee spoke first on Monday. The Democratic senator said the plan was wrong.", None),
    ],
)
def test_speakers_a_role_with_a_party_the_introduction_did_not_give(run_text, text, name):
    speaker, _ = _speaker_of(run_text(f"Vote\n\n{text}\n"), "plan was wrong")
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize(
    "text",
    [
        # A role given in the sentence the person is the subject of introduces them with it.
        "Ann Lee was named chief executive of Skyway last year. The chief executive said it would cost jobs.",
        "Ann Lee was elected mayor in 2019. The mayor said it would cost jobs.",
        "Ann Lee, who became mayor in 2019, spoke first. The mayor said it would cost jobs.",
        # A party is one party however a role names it (org_aliases.txt).
        "Tory leader Ann Lee attacked the plan. The Conservative leader said it would cost jobs.",
        "Liberal Democrat leader Ann Lee attacked the plan. The Lib Dem leader said it would cost jobs.",
    ],
)
def test_speakers_more_ways_a_role_joins_its_person(run_text, text):
    speaker, quote = _speaker_of(run_text(f"Politics\n\nThe council met on Monday.\n\n{text}\n"), "cost jobs")
    assert speaker is not None and speaker.name == "Ann Lee" and quote.speaker_evidence == "role_title"


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("The plume was seen once in 17 nights, Ana Lopes and her team wrote in the paper.", "Ana Lopes and her team"),
        ("The United Nations and the European Union said the settlements were illegal.",
         "United Nations and the European Union"),
    ],
)  # fmt: skip
def test_speakers_subjects_joined_by_and_speak_as_one_group(run_text, text, description):
    """ "X and Y said": one speaker, the two together (a joint statement), not X alone."""
    words = "17 nights" if "17 nights" in text else "were illegal"
    speaker, quote = _speaker_of(run_text(f"News\n\nThe news came on Monday.\n\n{text}\n"), words)
    assert speaker is not None and (speaker.description, speaker.type) == (description, "GROUP")
    assert quote.speaker_evidence == "description"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Institute for Fiscal Studies (IFS", "Institute for Fiscal Studies"),  # a bracket the model cut
        ("Acme (UK) Ltd", "Acme (UK) Ltd"),
        ("the BBC's", "BBC"),
    ],
)
def test_speakers_a_name_is_kept_without_what_is_not_part_of_it(written, name):
    from pipeline.speakers.names import clean_name

    assert clean_name(written) == name


def test_speakers_people_in_a_role_typed_org_are_a_group(run_text):
    text = "Cuts\n\nThe report said the project was a waste of money. The MPs said ministers had ignored warnings.\n"
    speaker, _ = _speaker_of(run_text(text), "ignored warnings")
    assert speaker is not None and (speaker.type, speaker.name) == ("GROUP", None)


@pytest.mark.parametrize(
    ("text", "words", "name", "description"),
    [
        # A given name alone beside a relation is a person, whom "she" takes up.
        ("Tom Reed's mother, Ana, said he was innocent. She said the police had lied to her.", "police had lied",
         "Ana", None),
        # A relative clause set off by commas says more of the speaker; it is not what they are called.
        ("The company, which employs 3,000 people, said profits rose. It added that it would hire 500 more.",
         "hire 500 more", None, "company"),
    ],
)  # fmt: skip
def test_speakers_what_is_said_beside_a_speaker(run_text, text, words, name, description):
    speaker, _ = _speaker_of(run_text(f"Court\n\nThe trial opened on Monday.\n\n{text}\n"), words)
    assert speaker is not None and (speaker.name, speaker.description) == (name, description)


@pytest.mark.parametrize("headline", ["Rates", "News", "Energy firm fined"])
def test_speakers_a_paragraph_s_first_word_is_not_a_sentence_of_its_own(run_text, nlp, headline):
    """After a one-word headline the parser cut "Ofgem" off its paragraph, and the clause lost its
    subject: "It said" then had nobody to stand for."""
    text = f"{headline}\n\nOfgem fined Velda Energy £5m on Tuesday.\n\nIt said the firm had misled customers.\n"
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "Ofgem fined Velda Energy £5m on Tuesday." in sentences
    doc = nlp("Yes.\n\nNo. He said so.\n")  # a one-word sentence that ends at its full stop still does
    assert [s.text.strip() for s in doc.sents] == ["Yes.", "No.", "He said so."]


def test_speakers_a_shadow_office_s_speaker_is_not_the_office(run_text):
    """ "Shadow chancellor Oliver Letwin" spoke last; "the chancellor" is still Chancellor Ann Reid."""
    text = (
        "Budget\n\nChancellor Ann Reid has promised more money for schools.\n\n"
        "Shadow chancellor Tom Letts said the money would be wasted.\n\n"
        "The chancellor insisted the economy was strong enough to pay for it.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "strong enough")
    assert speaker is not None and speaker.name == "Ann Reid" and quote.speaker_evidence == "role_title"


def test_speakers_the_party_after_a_party_the_model_typed_as_a_people(run_text):
    text = (
        "Migration\n\nThe Conservatives have unveiled their plans for immigration.\n\n"
        "The party says it would set an annual limit on the number of migrants.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "annual limit")
    assert speaker is not None and speaker.name == "Conservatives" and quote.speaker_evidence == "org_head_noun"


def test_speakers_a_body_of_two_places_joined_by_and_is_one_body(run_text):
    text = (
        "Wards\n\nA spokeswoman for University Hospitals of Harbury and Stowe NHS Foundation Trust said demand had "
        "been high.\n\nThe trust said it was recruiting more staff.\n"
    )
    speaker, quote = _speaker_of(run_text(text), "recruiting more staff")
    assert speaker is not None and speaker.name == "University Hospitals of Harbury and Stowe NHS Foundation Trust"
    assert quote.speaker_evidence == "org_head_noun"


@pytest.mark.parametrize(
    ("first", "second", "joined_by"),
    [
        # Nouns the news uses in turn for one group (resources/same_people.txt).
        ("Scientists at Harbury University", "The researchers", "description_earlier"),
        ("Scientists at Harbury University", "The team", "description_earlier"),
        ("Scientists at Harbury University", "The officials", None),  # others: not the scientists
        # A party's spokesman for a brief is its shadow minister for it.
        ("Shadow health secretary David Dunn", "The Tory health spokesman", "role_title"),
        ("Shadow home secretary David Dunn", "The Tory health spokesman", None),  # another brief
        ("Shadow health secretary David Dunn", "The health spokesman", None),  # no party: anyone's
    ],
)
def test_speakers_a_second_phrase_joins_the_first_speaker_or_stands_apart(run_text, first, second, joined_by):
    """The second phrase is the first speaker again (by the pass `joined_by`), or a speaker of its
    own kept under its description."""
    result = run_text(f"Health\n\n{first} said the plans were a mess.\n\n{second} said patients deserved better.\n")
    speaker, _ = _speaker_of(result, "a mess")
    again, quote = _speaker_of(result, "deserved better")
    assert (speaker.id == again.id) == (joined_by is not None)
    assert quote.speaker_evidence == (joined_by or "description")


@pytest.mark.parametrize(("text", "gender"), [("Ms Ana Lopes spoke.", "f"), ("Dr Ana Lopes spoke.", "f")])
def test_speakers_an_honorific_before_a_name_read_alone_gives_its_gender_or_leaves_the_first_name_s(
    nlp, text, gender
):
    """A name read from its own words ("Ana Lopes", the honorific outside it): "Ms" says she is a
    woman; "Dr" says nothing, and the first name still does."""
    from pipeline.resources import first_names
    from pipeline.speakers.mentions import ArticleNames

    if first_names.gender_of("Ana") is None:
        pytest.skip("nomquamgender's name data is not installed")
    doc = nlp(text)
    names = ArticleNames(doc, set(), text)
    start = next(t.i for t in doc if t.text == "Ana")
    assert names.person_parts(start, start, start + 2).gender == gender
