"""The regular expressions the scanners read numbers with, built from the vocabularies in
resources/ (computed again when one is extended: `resources.derived`)."""

from __future__ import annotations

import re

from ... import resources
from ..front_matter import ISO_TIME


@resources.derived
def currency_pattern() -> str:
    """Currency marks before a number, from resources/currency_marks.txt. Case matters for the
    one-letter country marks: "a $5 fee" is not Australian dollars, "it's $5" not Singapore's;
    the longer ones ("HK $", "c $" in lower-cased text) are read in any case. Codes count only
    right before digits ("GBP 5", not "GBP rose")."""
    marks = resources.currency_marks()
    before = [m[:-1] for m in marks if m.endswith("$") and len(m) > 1]  # "US$", "C$"
    after = [m[1:] for m in marks if m.startswith("$") and len(m) > 1]  # "$US", "$A"
    symbols = [m for m in marks if not m[0].isalpha() and len(m) == 1]
    codes = [m for m in marks if m[0].isalpha() and not m.endswith("$")]
    strict = [m for m in before if m in ("A", "S")]
    loose = [m for m in before if m not in strict]
    return (
        rf"(?:\b(?:(?-i:{resources.alternation(strict)})|{resources.alternation(loose)})\s?\$"
        rf"|(?-i:\$(?:{resources.alternation(after)})(?=\s?\d))"
        rf"|{resources.alternation(symbols)}"
        rf"|(?-i:\b(?:{resources.alternation(codes)})\s?(?=\d)))"
    )


# The scale word a fraction may be a share of: "half (of) a million", "a quarter million".
A_SCALE_WORD = r"(?:a\s+)?(?:dozen|hundred|thousand|million|billion|trillion)\b"


def money_words() -> list[str]:
    """Currency words written after a number ("250 euros", "80 pence"): the table's words, not its codes."""
    return [w for w, (_, unit) in resources.currencies().items() if w.isalpha() and w == unit.lower()]


@resources.derived
def number_pattern() -> re.Pattern[str]:
    words = sorted(resources.number_words(), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    after_scale = "(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
    word_number = (
        rf"(?:a\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?{word}"
        rf"(?:[\s-]+{word}|{after_scale}\s+and\s+{word})*"
    )
    # "half a million", "a quarter of a billion", "three-quarters of a million": a share of a scale
    # word is one number (the share times the scale), not a fraction beside a million.
    parts = resources.alternation(resources.fraction_words())
    share = (
        rf"(?P<share>(?:(?P<share_count>a|one|two|three)[\s-])?(?P<share_part>{parts}))\s+(?:of\s+)?(?={A_SCALE_WORD})"
    )
    digits = r"\d+\s\d/\d{1,2}(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w.])\.\d+"  # not "Feb.1"
    approx = "|".join(sorted(map(re.escape, resources.approximators()), key=len, reverse=True))
    currency = currency_pattern()
    # Units written apart from the number ("87 mph", "140 km/h", "3.5-litre"); one-letter ones
    # are too ambiguous there ("5 m" may be million), though fine attached ("5m" is a scale).
    spaced = resources.alternation(u for u in resources.units() if len(u) > 1 and u != "in")
    scales = resources.alternation(resources.scale_words())
    abbreviations = resources.alternation(resources.scale_abbreviations())
    periods = resources.alternation(p for p, written in resources.rate_periods().items() if written)
    return re.compile(
        rf"(?:(?P<approx>{approx})\s+)?"
        rf"(?P<currency>{currency})?\s?"
        rf"(?:(?P<digits>(?:(?<![\w.,])[-−]|\bminus[\s-])?(?:{digits}))|\b(?:{share})?(?P<words>{word_number})\b)"
        rf"(?:(?P<scale>(?:\s?(?:{scales})\b)+|(?:{abbreviations})\b))?"
        r"(?P<percent>\s?%|pc\b|\s(?:per\s?cent|percent)\b|\s(?:percentage\s)points?\b)?"
        r"(?P<aged>[\s-](?P<age>year|month|week|day)s?[\s-]old\b|\s(?P<age_of>year|month|week)s?\sof\sage\b"
        r"|\s?y\.?o\b\.?)?"
        r"(?P<attached>(?<=\d)(?:(?:°|deg\.?)\s?[CF]?(?![a-zA-Z])|sq\s?(?:m|ft|km|mi)\b|[a-zA-Z]{1,4}(?:/[a-zA-Z]{1,3})?\d?\b))?"
        rf"(?P<spaced>(?<![a-zA-Z])[\s-](?:{spaced})(?![\w/])(?:\s(?:Celsius|Fahrenheit|C|F)\b)?)?"
        rf"(?P<money>\s(?:{resources.alternation(money_words())})\b)?"
        rf"(?P<rate>[\s-](?:a|an|per)[\s-](?P<per>{periods})\b(?!\s(?:earlier|ago|before|later|previously)\b)"
        rf"|\sper\s(?P<per_noun>(?!cent\b)[a-z]+)\b|\s(?P<adverb>{resources.alternation(resources.rate_adverbs())})\b)?",
        re.IGNORECASE,
    )


@resources.derived
def month_names() -> str:
    return resources.alternation(resources.months())


@resources.derived
def number_word() -> str:
    """A number word that is not a scale ("seven"), or digits."""
    return rf"(?:{resources.alternation(w for w, (_, scale) in resources.number_words().items() if not scale)}|\d+)"


@resources.derived
def fraction_pattern() -> re.Pattern[str]:
    """ "two-thirds", "half of", "one in five", "3/4", "2½"."""
    parts = resources.alternation(resources.fraction_words())
    return re.compile(
        r"\b(?:(?P<count>a|one|two|three|four|five|seven|nine|\d)[\s-]"
        rf"(?P<part>{parts})\b(?P<of>\s+of\b)?"
        r"|(?P<half>half)(?=\s+(?:of|a|the)\b)"
        rf"|(?P<one>{number_word()})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<every>{number_word()})\b"
        r"|(?<![\d/])(?<!\d\s)(?P<num>\d)/(?P<den>[2-9]|10|12|16)(?![\d/])\b"  # not "9/11", "7/11": names
        rf"|(?P<whole>\d+)?(?P<vulgar>[{''.join(resources.vulgar_fractions())}]))",
        re.IGNORECASE,
    )


@resources.derived
def vague_pattern() -> re.Pattern[str]:
    """ "thousands of", "tens of millions of dollars", "dozens"."""
    bases, multipliers = resources.vague_numbers()
    return re.compile(
        rf"\b(?:(?P<multiplier>{'|'.join(multipliers)})\s+of\s+)?(?P<base>{'|'.join(bases)})\b"
        rf"(?:\s+of\s+(?P<money>{resources.alternation(money_words())})\b)?",
        re.IGNORECASE,
    )


@resources.derived
def any_number() -> re.Pattern[str]:
    """Whatever any scanner starts from: a digit, a vulgar fraction, a number or fraction word."""
    words = [
        *resources.number_words(), *resources.fraction_words(), *resources.vague_numbers()[0],
        *resources.times_words(),
    ]  # fmt: skip
    return re.compile(
        rf"[\d{''.join(resources.vulgar_fractions())}]|\b(?:{resources.alternation(words)})\b|fold\b", re.IGNORECASE
    )


@resources.derived
def times_pattern() -> re.Pattern[str]:
    """ "scored twice", "just once", "once a week" (with the period a rate is counted per)."""
    periods = resources.alternation(p for p, written in resources.rate_periods().items() if written)
    return re.compile(
        rf"(?P<limit>\b(?:just|only|exactly|than|least)\s+)?\b(?P<word>{resources.alternation(resources.times_words())})\b"
        rf"(?:\s+(?:a|an|per|every)\s+(?P<per>{periods})\b)?",
        re.IGNORECASE,
    )


@resources.derived
def fold_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<times>{number_word()}|\d+(?:\.\d+)?)-?fold\b", re.IGNORECASE)


@resources.derived
def date_pattern() -> re.Pattern[str]:
    months = month_names()
    return re.compile(
        rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{months})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
        rf"|(?P<m2>{months})(?:\.?\s+|\.)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?[-–]\s?\d{{1,2}}\b)?"
        rf"(?:,?\s+(?P<y2>\d{{4}}))?"
        # An ISO date takes the time a feed's timestamp gives with it ("2019-11-18T23:30:00Z").
        rf"|(?P<numeric>\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:{ISO_TIME})?))",
        re.IGNORECASE,
    )


@resources.derived
def not_claims() -> re.Pattern[str]:
    """Numbers that are not claims: clock times, phone numbers, timestamps, "24/7", "50/50", "9/11" (a
    true fraction such as "1/2" is read before these are left out), model names ("Covid-19", "F-35",
    "S23") but not a currency code or "minus" before digits ("GBP5", "minus-5"), and a countdown,
    which tells when something happened as a clock time does ("with 55 seconds left", "with two
    minutes remaining")."""
    codes = resources.alternation(m for m in resources.currency_marks() if m.isalpha())
    units = resources.alternation(resources.time_units())
    countdown = rf"\bwith\s+(?:just\s+|only\s+)?{number_word()}\s+(?:{units})s?\s+(?:left|remaining|to\s+(?:go|play))\b"
    return re.compile(
        countdown + r"|\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b"
        r"|\+?\d[\d ()-]{8,}\d|\d{4}-\d\d-\d\dT[\d:.]+Z?|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])"
        rf"|(?<!\$)\b(?!(?:{codes})\d)(?!minus-)"
        r"[A-Za-z]+-?\d+[A-Za-z]*\b",
    )


@resources.derived
def hedge_before() -> re.Pattern[str]:
    """An approximator right before a number found by another scanner ("nearly two-thirds")."""
    words = "|".join(sorted(map(re.escape, resources.approximators()), key=len, reverse=True))
    return re.compile(rf"\b({words})\s+$", re.IGNORECASE)
