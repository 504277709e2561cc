"""Scoring against gold: values, units, dates, and what is printed when there is nothing to score."""

import pytest

from pipeline.measure.scoring import PRF, same_value, score_gold


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        (1 / 6, 0.1667, True),  # a sixth, rounded to 4 decimals
        (2 / 3, 0.6667, True),
        (1_200_000_000, 1_200_000_000.0, True),
        (265, 266, False),
        ("2004-12-31", "2004-12-31", True),  # dates compare as ISO strings
        ("--02-09", "--02-09", True),
        ("2004-12-31", 2004, False),
        ([3, 3.5], [3, 3.5], True),  # ranges end by end
        (["2020-01-01", "2020-01-31"], ["2020-01-01", "2020-01-31"], True),
        ([3, 3.5], [3, 4], False),
    ],
)
def test_scoring_same_value(gold, predicted, same):
    assert same_value(gold, predicted) is same


def test_scoring_nothing_to_score_prints_na():
    assert "n/a" in PRF().line("partial")
    assert "n/a" not in PRF(1, 2, 1, 1).line("partial")


def _output(claims):
    text = "The council cut 12 posts on 31 December 2004."
    return {
        "article": {"text": text, "title": None, "author": None, "published": None},
        "speakers": [],
        "quotes": [],
        "numeric_claims": claims,
    }


def test_scoring_null_unit_and_date_claims():
    gold = {
        "speakers": {},
        "quotes": [],
        "metadata": {},
        "numeric_claims": [
            {"text": "12 posts", "value": 12, "kind": "count", "unit": None},
            {"text": "31 December 2004", "value": "2004-12-31", "kind": "date"},
        ],
    }
    claims = [
        {"value": 12, "unit": None, "predicate": "cut", "claimant": None},
        {"value": "2004-12-31", "unit": None, "predicate": None, "claimant": None},
    ]
    scores = score_gold(gold, _output(claims))
    assert scores.claims_value == 2 and scores.claims_unit == 2


def test_scoring_claims_of_the_same_value_are_paired_by_their_words():
    """Gold has no offsets: two claims of value 6 pair with the predicted claims written in the same
    words, whatever their order, so a right claimant is not scored against the wrong claim."""
    gold = {
        "speakers": {"ann": {"name": "Ann Lee", "mentions": ["Ann Lee"]}},
        "quotes": [],
        "metadata": {},
        "numeric_claims": [
            {"text": "£6", "value": 6, "kind": "money", "unit": "pound", "claimant": None},
            {"text": "six aircraft", "value": 6, "kind": "count", "unit": "aircraft", "claimant": None},
        ],
    }
    claims = [
        {"text": "six aircraft", "value": 6, "unit": "aircraft", "predicate": None, "claimant": None},
        {"text": "£6", "value": 6, "unit": "pound", "unit_normalized": "GBP", "predicate": None, "claimant": None},
    ]
    scores = score_gold(gold, _output(claims))
    assert (scores.claims_value, scores.claims_unit) == (2, 2)
    # Paired by value alone, each would take the other's unit.
    unpaired = [{**c, "text": "~"} for c in claims]
    assert score_gold(gold, _output(unpaired)).claims_unit == 0


def _quote_output(speakers, quotes):
    text = "Finance Minister Ana Lopes said the plan works. The minister added that taxes would fall."
    for q in quotes:
        q["start"] = text.index(q["text"])
        q["end"] = q["start"] + len(q["text"])
        q["spans"] = [{"start": q["start"], "end": q["end"], "text": q["text"]}]
        q.setdefault("kind", "indirect")
        q.setdefault("confidence", 0.9)
    return {
        "article": {"text": text, "title": None, "author": None, "published": None},
        "speakers": speakers,
        "quotes": quotes,
        "numeric_claims": [],
    }


_LOPES_GOLD = {
    "speakers": {
        "lopes": {"name": "Ana Lopes", "type": "PERSON", "mentions": ["Finance Minister Ana Lopes", "The minister"]}
    },
    "quotes": [
        {"kind": "indirect", "speaker": "lopes", "text": "the plan works"},
        {"kind": "indirect", "speaker": "lopes", "text": "taxes would fall"},
    ],
    "numeric_claims": [],
    "metadata": {},
}


def test_scoring_a_speaker_split_in_two_is_half_right_entity_by_entity():
    """ "The minister" kept beside "Ana Lopes" is two speakers to a user: one of them is Ana Lopes,
    the other's quotes are wrong. The lenient figure, printed beside, counts both right."""
    speakers = [
        {"id": "s1", "name": "Ana Lopes", "description": None,
         "mentions": [{"text": "Finance Minister Ana Lopes"}]},
        {"id": "s2", "name": None, "description": "minister", "mentions": [{"text": "The minister"}]},
    ]  # fmt: skip
    quotes = [{"text": "the plan works", "speaker": "s1"}, {"text": "taxes would fall", "speaker": "s2"}]
    scores = score_gold(_LOPES_GOLD, _quote_output(speakers, quotes))
    assert (scores.found_quotes, scores.attributed, scores.attributed_lenient) == (2, 1, 2)
    assert scores.speaker_types == {"PERSON": [1, 2]}


def test_scoring_an_unnamed_speaker_is_not_the_named_person():
    """Alone, "the minister" aligns with Ana Lopes, but the user is never told it is her."""
    speakers = [{"id": "s1", "name": None, "description": "minister", "mentions": [{"text": "The minister"}]}]
    quotes = [{"text": "taxes would fall", "speaker": "s1"}]
    scores = score_gold(_LOPES_GOLD, _quote_output(speakers, quotes))
    assert (scores.attributed, scores.attributed_lenient) == (0, 1)


def test_scoring_one_speaker_joined_rightly_is_right_both_ways():
    speakers = [
        {"id": "s1", "name": "Ana Lopes", "description": None,
         "mentions": [{"text": "Finance Minister Ana Lopes"}, {"text": "The minister"}]},
    ]  # fmt: skip
    quotes = [{"text": "the plan works", "speaker": "s1"}, {"text": "taxes would fall", "speaker": "s1"}]
    scores = score_gold(_LOPES_GOLD, _quote_output(speakers, quotes))
    assert (scores.attributed, scores.attributed_lenient) == (2, 2)


def test_scoring_folds_are_stable_and_both_used():
    from pipeline.measure.scoring import fold_of

    names = [f"article_{n}" for n in range(40)]
    folds = [fold_of(name) for name in names]
    assert folds == [fold_of(name) for name in names]  # the same every run, in every process
    assert 10 < folds.count("A") < 30


def test_scoring_eval_names_a_json_file_that_is_not_gold(tmp_path):
    from pipeline.measure.devsets import detect_format

    (tmp_path / "sources.json").write_text('{"article_1": {"url": "https://example.org"}}', encoding="utf-8")
    (tmp_path / "gold.json").write_text('{"source": "a.txt", "quotes": []}', encoding="utf-8")
    (tmp_path / "set.json").write_text('[{"text": "x", "quantities": []}]', encoding="utf-8")
    kinds = [detect_format(tmp_path / n) for n in ("sources.json", "gold.json", "set.json")]
    assert kinds == ["other", "gold", "newsquant"]


def test_scoring_speaker_confidence_is_fitted_on_one_half_and_reported_on_the_other():
    """A row's confidence is its precision at the lower end of its Wilson interval, rounded down
    (rows under five quotes pooled); the bands a table gives are counted on rows it was not fitted on."""
    from pipeline.measure.calibrate import bands, fit

    fitted_on = {"name_full/cue": [19, 20], "pronoun_salient/cue": [7, 10], "acronym/cue": [2, 3], "x/weak": [1, 1]}
    table = fit(fitted_on)
    # 19/20 = 0.95 -> 0.847; 7/10 = 0.7 -> 0.492; pooled 3/4 -> 0.449 (z = 1.28)
    assert table == {"name_full/cue": 0.8, "pronoun_salient/cue": 0.45, "pooled": 0.4}
    held_out = {"name_full/cue": [8, 10], "pronoun_salient/cue": [5, 5], "no speaker": [0, 2]}
    assert bands(table, held_out) == {(0.7, 0.9): [8, 10], (0.0, 0.5): [5, 7]}


def test_scoring_rows_too_small_to_measure_never_reach_the_top_band_together():
    """Forty rows of one quote each, all right, pool to 40/40 (0.95 alone): a mix of rows, none of
    which earned the top band on its own quotes."""
    from pipeline.measure.calibrate import POOLED_CAP, fit

    table = fit({f"pass_{i}/cue": [1, 1] for i in range(40)} | {"name_full/cue": [40, 40]})
    assert table["name_full/cue"] == 0.95 and table["pooled"] == POOLED_CAP < 0.9


def test_scoring_a_row_s_confidence_grows_with_the_quotes_it_rests_on():
    from pipeline.measure.calibrate import fit, lower_bound

    assert 0.80 < lower_bound(7, 7) < 0.82 and lower_bound(200, 200) > 0.99
    assert lower_bound(9, 10) < lower_bound(90, 100) < lower_bound(900, 1000) < 0.9
    assert fit({"a/cue": [7, 7]})["a/cue"] == 0.8 and fit({"a/cue": [70, 70]})["a/cue"] == 0.95
    assert lower_bound(0, 0) == 0.0


def test_scoring_gold_claims_with_offsets_pair_with_the_claim_at_those_offsets():
    """A reviewer's gold carries offsets: with two claims of one value, the one marked is scored."""
    claims = [
        {"text": "six", "value": 6, "unit": "aircraft", "start": 10, "end": 13, "predicate": None, "claimant": None},
        {"text": "six", "value": 6, "unit": "routes", "start": 40, "end": 43, "predicate": None, "claimant": None},
    ]
    gold = {
        "speakers": {},
        "quotes": [],
        "metadata": {},
        "numeric_claims": [{"text": "six", "value": 6, "unit": "routes", "start": 40, "end": 43, "claimant": None}],
    }
    assert score_gold(gold, _output(claims)).claims_unit == 1
    unplaced = {
        **gold,
        "numeric_claims": [{k: v for k, v in gold["numeric_claims"][0].items() if k not in ("start", "end")}],
    }
    assert score_gold(unplaced, _output(claims)).claims_unit == 0  # by words and value alone, the first


def test_scoring_newsquant_reads_a_change_as_the_range_it_writes():
    from pipeline.measure.devsets import _changes_as_ranges
    from pipeline.records import NumericClaim

    def claim(cid, value, change, pair):
        return NumericClaim(cid, str(value), 0, 1, value, "money", (0, 1), change=change, paired_with=pair)

    merged = _changes_as_ranges(
        [claim("n1", 160, "from", "n2"), claim("n2", 180, "to", "n1"), claim("n3", 5, None, None)]
    )
    assert [c.value for c in merged] == [(160, 180), 5]
