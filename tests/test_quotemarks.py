import pytest

from pipeline.text.paragraphs import paragraphs
from pipeline.text.quotemarks import scan_paragraphs


def contents(text: str) -> list[str]:
    found, _ = scan_paragraphs(text, paragraphs(text))
    return [" | ".join(text[s:e] for s, e in q.pieces) for q in found if q.depth == 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said: “We will go.”", ["We will go."]),
        ('He called it "a farce" and left.', ["a farce"]),
        ("The mayor's 'real plan' isn't ready.", ["real plan"]),
        ("Survivors’ groups said the ‘cover-up’ was real.", ["cover-up"]),
        ("“We will,” she said, “act.”", ["We will,", "act."]),
        ("In the ’90s it was “different”.", ["different"]),
        ("“He told me ‘never again’ twice,” she said.", ["He told me ‘never again’ twice,"]),
    ],
)
def test_quotemarks_pairs_by_shape_and_tells_apostrophes_apart(text, expected):
    assert contents(text) == expected


def test_quotemarks_multi_paragraph_quote_reopens_each_paragraph():
    text = "The chair said: “First point.\n\n“Second point.\n\n“Last point.”\n\nAfterwards, nothing.\n"
    found, issues = scan_paragraphs(text, paragraphs(text))
    assert not issues
    (quote,) = [q for q in found if q.depth == 0]
    assert [text[s:e] for s, e in quote.pieces] == ["First point.", "Second point.", "Last point."]


def test_quotemarks_unclosed_mark_costs_only_its_quote():
    text = "He said “this never ends.\n\nShe replied: “Fine.”\n"
    found, issues = scan_paragraphs(text, paragraphs(text))
    assert [text[q.start : q.end] for q in found] == ["Fine."]
    assert [i.kind for i in issues] == ["unclosed_quote"]
    assert text[issues[0].start] == "“"


def test_quotemarks_thousands_of_stray_marks_do_not_fail():
    text = "“" * 3000 + " words " + "”" * 10 + "\n"
    found, issues = scan_paragraphs(text, paragraphs(text))
    assert issues  # reported, not raised


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two paragraphs run together, the first left open: one quote in two pieces.
        (
            'She said: "We have doubled it already. "We will go further next year." Then she left.',
            ["We have doubled it already. | We will go further next year."],
        ),
        ("He said: “It is over. “We start again tomorrow.” And he went.", ["It is over. | We start again tomorrow."]),
        # A quote inside a quote that does not follow a finished sentence stays nested.
        ("“He told me “never again” twice,” she said.", ["He told me “never again” twice,"]),
    ],
)
def test_quotemarks_joined_paragraphs_reopen_the_open_quote(text, expected):
    assert contents(text) == expected
