"""Long articles are parsed in pieces and joined back: same text, same offsets, same findings."""

import pytest

from pipeline.components import extraction_of
from pipeline.config import Options
from pipeline.engines import core
from pipeline.engines.core import pieces_of, process
from pipeline.io.ingest import article_from_text
from pipeline.io.schema import to_dict


def test_long_articles_pieces_join_back_exactly_and_cut_where_lines_start():
    text = "".join(f"Paragraph {n} has a few words in it.\n" for n in range(200))
    pieces = pieces_of(text, 500)
    assert "".join(pieces) == text and all(len(p) <= 500 for p in pieces) and len(pieces) > 10
    assert all(p.endswith("\n") for p in pieces[:-1])
    one_line = "word " * 300
    assert "".join(pieces_of(one_line, 100)) == one_line
    assert all(p.endswith(" ") for p in pieces_of(one_line, 100)[:-1])
    unbroken = "x" * 250
    assert pieces_of(unbroken, 100) == ["x" * 100, "x" * 100, "x" * 50]


def _invented_article() -> str:
    """Many invented paragraphs: attributed quotes, a quote running over three paragraphs, numbers."""
    paragraphs = []
    for n in range(60):
        paragraphs.append(f"Councillor Mara Quint{n} said the depot had cost £{n + 2}.5m and served {n + 40} streets.")
        paragraphs.append(f"“We will reopen the library in spring,” said Ivo Brandt{n}, the trust's chair.")
        paragraphs.append(f"“The first thing is money for {n + 3} staff.")
        paragraphs.append("“The second is a lease we can afford.")
        paragraphs.append(f"“And the third is time,” added Brandt{n}.")
        paragraphs.append(f"About {n + 10}% of residents backed the plan, officials said.")
    return "Library plan backed\n\n" + "\n\n".join(paragraphs) + "\n"


def _extract(nlp, text: str) -> dict:
    article = article_from_text(text, "long", "long.txt", Options())
    for _, doc in process(nlp, [article], batch_size=1, free_strings=True):
        return to_dict(extraction_of(doc), {})
    raise AssertionError("nothing processed")


def test_long_articles_in_pieces_give_the_findings_of_the_whole(nlp, monkeypatch):
    text = _invented_article()
    monkeypatch.setattr(core, "LONG_ARTICLE_CHARS", 10**9)
    whole = _extract(nlp, text)
    monkeypatch.setattr(core, "LONG_ARTICLE_CHARS", 5_000)
    monkeypatch.setattr(core, "PIECE_CHARS", 1_500)
    assert len(pieces_of(text, 1_500)) > 10
    pieced = _extract(nlp, text)
    assert pieced["article"]["text"] == text
    for key in ("quotes", "numeric_claims", "speakers"):
        assert pieced[key] == whole[key], key
    spanning = [q for q in pieced["quotes"] if len(q["spans"]) >= 3]
    assert spanning, "the three-paragraph quotes were not found"
    # Some of them run across a cut between pieces, and are found as one quote all the same.
    cuts, at = set(), 0
    for piece in pieces_of(text, 1_500)[:-1]:
        at += len(piece)
        cuts.add(at)
    assert any(q["start"] < cut < q["end"] for q in spanning for cut in cuts)


@pytest.mark.parametrize("free_strings", [False, True])
def test_long_articles_strings_of_a_finished_batch_are_freed(nlp, free_strings):
    """In a memory zone the vocabulary does not keep the words of articles already written."""
    before = len(nlp.vocab.strings)
    texts = [f"Zorblax{n} Quintavelle{n} said profits rose {n}%.\n" for n in range(20)]
    articles = [article_from_text(t, f"a{n}", f"a{n}.txt", Options()) for n, t in enumerate(texts)]
    for _, doc in process(nlp, articles, batch_size=4, free_strings=free_strings):
        assert extraction_of(doc).quotes is not None
    grew = len(nlp.vocab.strings) - before
    assert (grew == 0) if free_strings else (grew >= 20)
