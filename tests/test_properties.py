"""Property tests: any text, news-like or not, gives consistent offsets and the same output twice."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.text.paragraphs import paragraphs
from pipeline.text.quantities import scan_quantities
from pipeline.text.quotemarks import scan_paragraphs

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_WORDS = st.sampled_from(
    ["the", "minister", "Ana", "Ruiz", "said", "told", "warned", "that", "we", "will", "act", "265", "seven",
     "£3m", "40%", "about", "more than", "from", "1997", "to", "2013", "he", "she", "it", "report", "found",
     ",", ".", ":", "—", "“", "”", '"', "'", "‘", "’", "\n\n", "(", ")", "Mr", "Smith", "one", "who", "added"]
)  # fmt: skip
news_like = st.lists(_WORDS, min_size=1, max_size=60).map(" ".join)
any_text = st.text(min_size=1, max_size=300)


def _check_offsets(text, result):
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        for span in quote.spans:
            assert text[span.start : span.end] == span.text
        for part in (quote.cue, quote.speaker_mention):
            if part is not None:
                assert text[part.start : part.end] == part.text
    for claim in result.numeric_claims:
        assert text[claim.start : claim.end] == claim.text
    for speaker in result.speakers:
        for mention in speaker.mentions:
            assert text[mention.start : mention.end] == mention.text
    ids = {s.id for s in result.speakers}
    assert all(q.speaker is None or q.speaker in ids for q in result.quotes)


@_SETTINGS
@given(text=st.one_of(news_like, any_text))
def test_properties_pipeline_never_fails_and_offsets_hold(run_text, text):
    if not text.strip():
        return
    first = run_text(text)
    _check_offsets(text, first)
    assert run_text(text) == first


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(news_like, any_text))
def test_properties_text_scanners_stay_inside_the_text(text):
    quoted, issues = scan_paragraphs(text, paragraphs(text))
    for q in quoted:
        assert all(0 <= s < e <= len(text) for s, e in q.pieces)
    for issue in issues:
        assert 0 <= issue.start < len(text)
    for q in scan_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
