"""Normalisation of written quantities, over many forms; none taken from a particular article."""

import pytest

from pipeline.text.quantities import parse_number, scan_quantities


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
    ("text", "value", "kind", "unit", "normalized", "approx"),
    [
        ("a bill of 1,520 items", 1520, "count", None, None, "="),
        ("up 3.5 points", 3.5, "count", None, None, "up"),
        ("it cost £300m in all", 300_000_000, "money", "pound", "GBP", "="),
        ("worth $7.5 million now", 7_500_000, "money", "dollar", "USD", "="),
        ("a €2.5bn loan", 2_500_000_000, "money", "euro", "EUR", "="),
        ("a deficit of £8.1bn", 8_100_000_000, "money", "pound", "GBP", "="),
        ("debts of $US113 trillion", 113_000_000_000_000, "money", "US dollar", "USD", "="),
        ("a fare of C$6 each way", 6, "money", "Canadian dollar", "CAD", "="),
        ("sold for HK $3.7 billion", 3_700_000_000, "money", "Hong Kong dollar", "HKD", "="),
        ("a price of Y28,030 at launch", 28030, "money", "yen", "JPY", "="),
        ("a bonus of PS2.7m", 2_700_000, "money", "pound", "GBP", "="),
        ("shares closed at 164p", 164, "money", "pence", "GBX", "="),
        ("a toll of nine dollars and fifty cents", 9.5, "money", "dollars", "USD", "="),
        ("a ticket at £4 and 20p today", 4.2, "money", "pound", "GBP", "="),
        ("paid 250 euros", 250, "money", "euros", "EUR", "="),
        ("a levy of Rs 10 crore", 100_000_000, "money", "rupee", "INR", "="),
        ("tens of thousands of dollars", (10_000, 100_000), "money", "dollars", "USD", "~"),
        ("thousands marched", (1000, 10_000), "count", None, None, "~"),
        ("some 5k runners", 5000, "count", None, None, "~"),
        ("unemployment hit 40%", 40, "percent", "percent", "percent", "="),
        ("rose 4 per cent", 4, "percent", "percent", "percent", "up"),
        ("inflation of 5pc", 5, "percent", "percent", "percent", "="),
        ("fell by 2 percentage points", 2, "percent", "percentage points", "percentage point", "down"),
        ("driving at 30mph", 30, "measure", "mph", "mile per hour", "="),
        ("a limit of 50 miles per hour", 50, "measure", "miles per hour", "mile per hour", "="),
        ("about 100km/hr at most", 100, "measure", "km/hr", "kilometre per hour", "~"),
        ("storage of 256GB", 256, "measure", "GB", "gigabyte", "="),
        ("a 3.5-litre engine", 3.5, "measure", "litre", "litre", "="),
        ("a flat of 32m2", 32, "measure", "m2", "square metre", "="),
        ("she is 1.8m tall", 1.8, "measure", "m", "metre", "="),
        ("it was 20°C outside", 20, "measure", "°C", "degree Celsius", "="),
        ("a high of 2.14degF", 2.14, "measure", "degF", "degree Fahrenheit", "="),
        ("ran minus-5 yards", -5, "measure", "yards", "yard", "="),
        ("a mile of 10 1/2 miles", 10.5, "measure", "miles", "mile", "="),
        ("a rate of 7 3/4 %", 7.75, "percent", "percent", "percent", "="),
        ("a boy, 12 years old,", 12, "measure", "year-old", "year of age", "="),
        ("when she was three months old", 3, "measure", "month-old", "month of age", "="),
        ("a 40 yo man", 40, "measure", "year-old", "year of age", "="),
        ("£5 a week", 5, "money", "pound", "GBP", "="),
        ("revenue grew sixfold", 6, "count", "fold", "times", "up"),
        ("more than 300 people", 300, "count", None, None, ">"),
        ("at least 12 wells", 12, "count", None, None, ">="),
        ("about forty homes", 40, "count", None, None, "~"),
        ("fewer than 10 cases", 10, "count", None, None, "<"),
        ("between 10 and 20 cars", (10, 20), "count", None, None, "="),
        ("between 40 and 60 mph", (40, 60), "measure", "mph", "mile per hour", "="),
        ("cooled by 1 to 1.5 degrees Celsius", (1, 1.5), "measure", "degrees Celsius", "degree Celsius", "="),
        ("going from 1000 to 2000 hires", (1000, 2000), "count", None, None, "="),
        ("from 1997 to 2013", (1997, 2013), "year_range", None, None, "="),
        ("ages 10-20 only", (10, 20), "count", None, None, "="),
        ("one in five voters", 0.2, "fraction", None, None, "="),
        ("seven in 10 were closed", 0.7, "fraction", None, None, "="),
        ("six out of 20 women", 0.3, "fraction", None, None, "="),
        ("a third of staff", 0.3333, "fraction", None, None, "="),
        ("two-thirds of members", 0.6667, "fraction", None, None, "="),
        ("½ teaspoon of salt", 0.5, "fraction", None, None, "="),
        ("back in 2003", 2003, "year", None, None, "="),
        ("on 22 June 2022", "2022-06-22", "date", None, None, "="),
        ("due on March 29", "--03-29", "date", None, None, "="),
        ("between 1 July 2019 and 30 June 2020", ("2019-07-01", "2020-06-30"), "date", None, None, "="),
        ("the 22nd amendment", 22, "ordinal", None, None, "="),
        ("quoted at USD10m", 10_000_000, "money", "US dollar", "USD", "="),
        ("a fee of RM79", 79, "money", "ringgit", "MYR", "="),
        ("There were 4 hundred million", 400_000_000, "count", None, None, "="),
        ("There were 25 lakh", 2_500_000, "count", None, None, "="),
        ("needs 1/2 pound", 0.5, "fraction", None, None, "="),
        ("about minus 387 in space", -387, "count", None, None, "~"),
        ("rates of 1.38pc", 1.38, "percent", "percent", "percent", "="),
        ("guidance of $89 to $93 billion", (89_000_000_000, 93_000_000_000), "money", "dollar", "USD", "="),
        ("in three or four years", (3, 4), "count", None, None, "="),
        ("a $5 fee", 5, "money", "dollar", "USD", "="),
        ("it took two and a half", 2.5, "count", None, None, "="),
        ("after seven-and-a-half", 7.5, "count", None, None, "="),
        ("booked a year and a half ahead", 1.5, "measure", "year", "year", "="),
        ("ranked No.1 again", 1, "count", None, None, "="),
        ("the attacks of Sept.11, 2001", "2001-09-11", "date", None, None, "="),
        ("posted 2019-11-18T23:30:00Z", "2019-11-18", "date", None, None, "="),  # a feed's timestamp: no 23, no 30
        ("costs of £3-4bn", (3_000_000_000, 4_000_000_000), "money", "pound", "GBP", "="),
        ("a fine of $5 to 10 million", (5_000_000, 10_000_000), "money", "dollar", "USD", "="),
        ("workers earn 163 pesos", 163, "money", "pesos", "MXN", "="),
        ("a fine of 5,000 rand", 5000, "money", "rand", "ZAR", "="),
        ("longer than the 9/11 report by 300 pages", 300, "count", None, None, "="),
        # A share of a scale word is one number, not a fraction beside a million.
        ("employs half a million people", 500_000, "count", None, None, "="),
        ("a quarter of a million dollars", 250_000, "money", "dollars", "USD", "="),
        ("spent three-quarters of a billion", 750_000_000, "count", None, None, "="),
        ("a quarter million marched", 250_000, "count", None, None, "="),
        ("half a dozen came", 6, "count", None, None, "="),
        ("raised two and a half million pounds", 2_500_000, "money", "pounds", "GBP", "="),
        # How many times: "twice", "just once", "once a week".
        ("she scored twice on Sunday", 2, "count", "times", "times", "="),
        ("he scored just once all season", 1, "count", "times", "times", "="),
    ],
)
def test_quantities_normalise_values(text, value, kind, unit, normalized, approx):
    found = scan_quantities(text)
    assert len(found) == 1, [(text[q.start : q.end], q.value) for q in found]
    q = found[0]
    assert (q.value, q.kind, q.unit, q.normalized, q.approx) == (value, kind, unit, normalized, approx)


@pytest.mark.parametrize(
    "text",
    [
        "the Covid-19 crisis",
        "an F-35 jet",
        "at 11 a.m. sharp",
        "call 020 7946 0958 now",
        "meet at 14:30",
        "the S23 phone",
        "open 24/7",
        "a 50/50 chance",
        "Arsenal won 2-1 at home",
        "it was 2-2 at half-time",
        "meets ISO 3888-2",
        "the PS5 console",
        "the Y2K bug",
        "scored with 55 seconds left",  # a countdown tells when, as a clock time does
        "an upset with two minutes remaining",
        "still level with three days to go",
    ],
)
def test_quantities_leave_out_non_claims(text):
    assert scan_quantities(text) == []


def test_quantities_change_is_not_a_range_and_date_ranges_stay_dates():
    found = scan_quantities("Sales rose by 5% to 10% over Sept. 20-24.")
    assert [(q.value, q.kind) for q in found] == [(5, "percent"), (10, "percent"), ("--09-20", "date")]


def test_quantities_a_change_by_one_amount_to_another_is_two_claims():
    found = scan_quantities("The total fell by 600 to 54,643, and shares rose 18 sen to RM23.50.")
    assert [(q.value, q.normalized) for q in found] == [(600, None), (54643, None), (18, "sen"), (23.5, "MYR")]


def test_quantities_a_rate_is_kept_apart_from_its_unit():
    found = scan_quantities("It costs £102.80 a week, up from $6.78 billion a year earlier.")
    assert [(q.unit, q.per) for q in found] == [("pound", "week"), ("dollar", None)]


@pytest.mark.parametrize(
    ("text", "ends", "approx", "unit"),
    [
        ("fell from 4.8 percent to 4.7 percent", (4.8, 4.7), "down", "percent"),
        ("climbed from 10% to 12%", (10, 12), "up", "percent"),
        ("rose from $89 to $93 billion", (89_000_000_000, 93_000_000_000), "up", "dollar"),
        ("fell from 4.8 to 4.7 percent", (4.8, 4.7), "down", "percent"),
    ],
)
def test_quantities_a_change_is_its_two_figures(text, ends, approx, unit):
    """Each figure of a change is a quantity of its own, going the change's way, marked from and to;
    the first takes the unit and scale the second gives."""
    found = scan_quantities(text)
    assert [(q.value, q.approx, q.change, q.unit) for q in found] == [
        (ends[0], approx, "from", unit), (ends[1], approx, "to", unit),
    ]  # fmt: skip


@pytest.mark.parametrize("text", ["between 10 and 20 people", "from 1997 to 2013", "prices from £6 to £10"])
def test_quantities_a_range_stays_one_quantity(text):
    (found,) = scan_quantities(text)
    assert isinstance(found.value, tuple) and found.change is None


@pytest.mark.parametrize("text", ["Once the talks end, the strike stops.", "Prices rose twice as fast as pay."])
def test_quantities_once_as_a_conjunction_and_twice_as_a_ratio_count_no_times(text):
    assert [q for q in scan_quantities(text) if q.unit == "times"] == []


def test_quantities_once_a_week_is_a_rate():
    (q,) = scan_quantities("The group meets once a week.")
    assert (q.value, q.unit, q.per) == (1, "times", "week")
