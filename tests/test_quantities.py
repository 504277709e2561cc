"""Normalisation of written quantities, over many forms; none taken from a particular article."""

import pytest

from pipeline.text.quantities import parse_number, scan_quantities


def only(text):
    found = scan_quantities(text)
    assert len(found) == 1, [(text[q.start : q.end], q.value) for q in found]
    q = found[0]
    return text[q.start : q.end], q.value, q.kind, q.unit, q.approx


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("seven", 7), ("twenty-one", 21), ("twenty one", 21), ("a dozen", 12), ("two hundred and fifty", 250),
        ("three thousand", 3000), ("a million", 1_000_000), ("nineteen", 19), ("ninety-nine", 99),
    ],
)  # fmt: skip
def test_quantities_parse_number_words(words, value):
    parsed = parse_number(words.replace("-", " ").split())
    assert parsed is not None and parsed[0] == value


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit", "approx"),
    [
        ("a bill of 1,520 items", 1520, "count", None, "="),
        ("up 3.5 points", 3.5, "count", None, "up"),
        ("it cost £300m in all", 300_000_000, "money", "pound", "="),
        ("worth $7.5 million now", 7_500_000, "money", "dollar", "="),
        ("a €2.5bn loan", 2_500_000_000, "money", "euro", "="),
        ("some 5k runners", 5000, "count", None, "~"),
        ("unemployment hit 40%", 40, "percent", "percent", "="),
        ("rose 4 per cent", 4, "percent", "percent", "up"),
        ("fell by 2 percentage points", 2, "percent", "percentage points", "down"),
        ("driving at 30mph", 30, "measure", "mph", "="),
        ("storage of 256GB", 256, "measure", "GB", "="),
        ("more than 300 people", 300, "count", None, ">"),
        ("at least 12 wells", 12, "count", None, ">="),
        ("about forty homes", 40, "count", None, "~"),
        ("fewer than 10 cases", 10, "count", None, "<"),
        ("between 10 and 20 cars", (10, 20), "count", None, "="),
        ("from 1997 to 2013", (1997, 2013), "year_range", None, "="),
        ("ages 10-20 only", (10, 20), "count", None, "="),
        ("one in five voters", 0.2, "fraction", None, "="),
        ("a third of staff", 0.3333, "fraction", None, "="),
        ("two-thirds of members", 0.6667, "fraction", None, "="),
        ("back in 2003", 2003, "year", None, "="),
        ("on 22 June 2022", "2022-06-22", "date", None, "="),
        ("due on March 29", "--03-29", "date", None, "="),
        ("the 22nd amendment", 22, "ordinal", None, "="),
        ("quoted at USD10m", 10_000_000, "money", "us dollar", "="),
        ("a fee of RM79", 79, "money", "ringgit", "="),
        ("There were 4 hundred million", 400_000_000, "count", None, "="),
        ("needs 1/2 pound", 0.5, "fraction", None, "="),
        ("about minus 387 in space", -387, "count", None, "~"),
        ("rates of 1.38pc", 1.38, "percent", "percent", "="),
        ("guidance of $89 to $93 billion", (89_000_000_000, 93_000_000_000), "money", "dollar", "="),
        ("in three or four years", (3, 4), "count", None, "="),
        ("a $5 fee", 5, "money", "dollar", "="),
    ],
)
def test_quantities_normalise_values(text, value, kind, unit, approx):
    _, got_value, got_kind, got_unit, got_approx = only(text)
    assert (got_value, got_kind, got_unit, got_approx) == (value, kind, unit, approx)


@pytest.mark.parametrize(
    "text",
    [
        "the Covid-19 crisis",
        "an F-35 jet",
        "at 11 a.m. sharp",
        "call 020 7946 0958 now",
        "meet at 14:30",
        "the S23 phone",
    ],
)
def test_quantities_leave_out_non_claims(text):
    assert scan_quantities(text) == []


def test_quantities_change_is_not_a_range_and_date_ranges_stay_dates():
    found = scan_quantities("Sales rose by 5% to 10% over Sept. 20-24.")
    assert [(q.value, q.kind) for q in found] == [(5, "percent"), (10, "percent"), ("--09-20", "date")]
    assert scan_quantities("open 24/7")[0].value == 24
