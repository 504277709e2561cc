"""The vocabularies: one format, every file declared and checked, a bad row named by file and line,
rows added at run time used by the rules that read them."""

from importlib import resources as files

import pytest

from pipeline import resources


def test_resources_every_file_is_a_declared_vocabulary_and_reads_cleanly():
    on_disk = {
        p.name.removesuffix(".txt") for p in files.files("pipeline.resources").iterdir() if p.name.endswith(".txt")
    }
    assert on_disk and on_disk == set(resources.VOCABULARIES)
    resources.check_all()


@pytest.mark.parametrize(
    ("name", "line", "why"),
    [
        ("cue_verbs", "add | indirct", "'indirct' not one of indirect"),
        ("months", "smarch | thirteen", "'thirteen' is not a whole number"),
        ("units", "furlong", "1 cells, expected: unit as written | canonical name"),
        ("honorifics", "sir | m | extra", "3 cells"),
        ("pronouns", "it | - | ORG,THING", "'THING' not one of"),
        ("fraction_words", "third | 0.33", "not a fraction"),
    ],
)
def test_resources_a_row_that_does_not_fit_is_an_error_naming_file_and_line(name, line, why):
    with pytest.raises(resources.VocabularyError, match=why) as raised:
        resources.vocabulary._row(name, line, f"pipeline/resources/{name}.txt, line 7")
    assert f"pipeline/resources/{name}.txt, line 7" in str(raised.value)
    with pytest.raises(resources.VocabularyError, match=f"{name}, added row 1"):
        resources.extend(name, [line])
    assert name not in resources.additions()


def test_resources_an_unknown_vocabulary_is_named():
    with pytest.raises(resources.VocabularyError, match="no vocabulary 'cue_verb'.*cue_verbs"):
        resources.extend("cue_verb", ["opine"])


def test_resources_rows_added_at_run_time_reach_the_rules(run_text):
    """A newsroom's cue verb and unit: the quote rules and the number scanner use them at once."""
    resources.forget_additions()
    text = "Ms Reed averred that the course was 3 leagues long.\n"
    before = run_text(text)
    assert not before.quotes and [c.kind for c in before.numeric_claims] == ["count"]
    resources.extend("cue_verbs", ["aver | indirect"])
    resources.extend("units", ["leagues | league", "league | league"])
    try:
        after = run_text(text)
        assert [q.cue.text for q in after.quotes if q.cue] == ["averred"]
        assert [(c.value, c.kind, c.unit_normalized) for c in after.numeric_claims] == [(3, "measure", "league")]
        assert resources.additions() == {
            "cue_verbs": ["aver | indirect"],
            "units": ["leagues | league", "league | league"],
        }
    finally:
        resources.forget_additions()
    assert not run_text(text).quotes


def test_resources_a_bad_row_in_a_file_stops_the_pipeline_being_built(monkeypatch):
    """Not each article failing in turn: building the components reads every vocabulary first."""
    from pipeline import build_nlp

    strict = resources.vocabulary.Columns((resources.vocabulary._text,), about="lemma")
    monkeypatch.setitem(resources.VOCABULARIES, "cue_verbs", strict)  # as if a row had a stray cell
    resources.vocabulary._packaged.cache_clear()
    try:
        with pytest.raises(resources.VocabularyError, match=r"pipeline/resources/cue_verbs.txt, line \d+: 2 cells"):
            build_nlp()
    finally:
        monkeypatch.undo()
        resources.vocabulary._packaged.cache_clear()
    resources.check_all()
