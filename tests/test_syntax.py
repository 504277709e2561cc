"""Attribution rules on hand-built parses, so they are tested apart from the model's mistakes."""

from pipeline.text import syntax


def test_syntax_subject_of_participle_cue_inherits_main_subject(hand_doc):
    # "Ana Ruiz resigned, saying it was time."
    doc = hand_doc(
        ["Ana", "Ruiz", "resigned", ",", "saying", "it", "was", "time", "."],
        [1, 2, 2, 2, 2, 6, 4, 6, 2],
        ["compound", "nsubj", "ROOT", "punct", "advcl", "nsubj", "ccomp", "attr", "punct"],
        ["PROPN", "PROPN", "VERB", "PUNCT", "VERB", "PRON", "AUX", "NOUN", "PUNCT"],
        ["Ana", "Ruiz", "resign", ",", "say", "it", "be", "time", "."],
    )
    assert syntax.subject_of(doc[4]).text == "Ruiz"
    assert syntax.is_cue(doc[4]) and syntax.is_indirect_cue(doc[4])


def test_syntax_relative_pronoun_subject_gives_its_noun(hand_doc):
    # "including one who recalled: ..."
    doc = hand_doc(
        ["including", "one", "who", "recalled"],
        [0, 0, 3, 1],
        ["ROOT", "pobj", "nsubj", "relcl"],
        ["VERB", "NUM", "PRON", "VERB"],
        ["include", "one", "who", "recall"],
    )
    assert syntax.subject_of(doc[3]).text == "one"
    assert (
        doc[syntax.mention_bounds(doc[1], set())[0] : syntax.mention_bounds(doc[1], set())[1]].text
        == "one who recalled"
    )


def test_syntax_according_to_names_the_source(hand_doc):
    doc = hand_doc(
        ["according", "to", "the", "ministry"],
        [0, 0, 3, 1],
        ["ROOT", "prep", "det", "pobj"],
        ["VERB", "ADP", "DET", "NOUN"],
    )
    assert syntax.according_to(doc[0]).text == "ministry"


def test_syntax_mention_keeps_titles_and_skips_quoted_tokens(hand_doc):
    doc = hand_doc(
        ["Health", "Minister", "Lia", "Tan", "said"],
        [3, 3, 3, 4, 4],
        ["compound", "compound", "compound", "nsubj", "ROOT"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
    )
    assert syntax.mention_bounds(doc[3], set()) == (0, 4)
    assert syntax.mention_bounds(doc[3], {0}) == (1, 4)


def test_syntax_reporting_participle_on_a_reported_clause_goes_to_its_reporter(hand_doc):
    # Sarah said Blair had spoken warmly , adding   ("adding" hung on the reported clause)
    doc = hand_doc(
        words=["Sarah", "said", "Blair", "had", "spoken", "warmly", ",", "adding"],
        heads=[1, 1, 4, 4, 1, 4, 4, 4],
        deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "advmod", "punct", "advcl"],
        pos=["PROPN", "VERB", "PROPN", "AUX", "VERB", "ADV", "PUNCT", "VERB"],
        lemmas=["Sarah", "say", "Blair", "have", "speak", "warmly", ",", "add"],
    )
    assert syntax.subject_of(doc[7]).text == "Sarah"


def test_syntax_reporting_participle_stays_with_speech_a_how_clause_narrates(hand_doc):
    # report recounts how officer explained staff failed , saying   ("how": the explaining is told as an event)
    doc = hand_doc(
        words=["report", "recounts", "how", "officer", "explained", "staff", "failed", ",", "saying"],
        heads=[1, 1, 4, 4, 1, 6, 4, 4, 4],
        deps=["nsubj", "ROOT", "advmod", "nsubj", "ccomp", "nsubj", "ccomp", "punct", "advcl"],
        pos=["NOUN", "VERB", "ADV", "NOUN", "VERB", "NOUN", "VERB", "PUNCT", "VERB"],
        lemmas=["report", "recount", "how", "officer", "explain", "staff", "fail", ",", "say"],
    )
    assert syntax.subject_of(doc[8]).text == "officer"


def test_syntax_reporting_participle_after_speech_inside_reported_speech_is_the_reporter_s(hand_doc):
    # Lopes said board concluded depot failed , saying   (the board's conclusion reaches us through Lopes)
    doc = hand_doc(
        words=["Lopes", "said", "board", "concluded", "depot", "failed", ",", "saying"],
        heads=[1, 1, 3, 1, 5, 3, 3, 3],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "nsubj", "ccomp", "punct", "advcl"],
        pos=["PROPN", "VERB", "NOUN", "VERB", "NOUN", "VERB", "PUNCT", "VERB"],
        lemmas=["Lopes", "say", "board", "conclude", "depot", "fail", ",", "say"],
    )
    assert syntax.subject_of(doc[7]).text == "Lopes"


def test_syntax_tokens_found_on_arrays_include_words_spacy_has_as_symbols(nlp):
    """ "agent" is also a dependency label, held in the arrays as a symbol's number, not a hash."""
    from pipeline.text.syntax import tokens_with_lower

    doc = nlp.make_doc("The agent and the Agent met a spokesman.")
    found = tokens_with_lower(doc, frozenset({"agent", "spokesman"}))
    assert [t.i for t in found] == [t.i for t in doc if t.lower_ in ("agent", "spokesman")] == [1, 4, 7]
