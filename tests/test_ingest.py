from pathlib import Path

import pytest

from pipeline.config import Options
from pipeline.ingest import IngestError, decode, parse_date, read_article, read_front_matter


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("22/06/2022", True, "2022-06-22"),
        ("03/04/2021", True, "2021-04-03"),
        ("03/04/2021", False, "2021-03-04"),
        ("06/22/2022", True, "2022-06-22"),  # only month first is possible
        ("2019-11-05T10:00", True, "2019-11-05"),
        ("Published 5 March 2020", True, "2020-03-05"),
        ("March 5th, 2020", True, "2020-03-05"),
        ("Sept. 14, 2018", True, "2018-09-14"),
        ("no date here", True, None),
        ("31/02/2020", True, None),
    ],
)
def test_ingest_parse_date(text, day_first, expected):
    assert parse_date(text, day_first) == expected


def test_ingest_decode_drops_bom_and_falls_back_to_cp1252():
    assert decode("\ufeffHello “world”".encode("utf-8"))[0] == "Hello “world”"
    text, warnings = decode("Caf\xe9 \x93quoted\x94".encode("latin-1"))
    assert text == "Café “quoted”"
    assert warnings and warnings[0].kind == "encoding"


@pytest.mark.parametrize(
    ("data", "kind"), [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x00\x01\x02binary" * 50, "binary")]
)
def test_ingest_decode_rejects_junk(data, kind):
    with pytest.raises(IngestError) as err:
        decode(data)
    assert err.value.kind == kind


def test_ingest_front_matter_skips_repeated_headline_and_reads_byline():
    text = (
        "Council 'misled' residents over new bridge\n\n"
        'Council "misled" residents over new bridge\n\n'
        "By Priya Natarajan and Tom Hale | 03/11/2021\n\n"
        "The council misled residents, an inquiry found.\n"
    )
    front = read_front_matter(text)
    assert front["title"] == "Council 'misled' residents over new bridge"
    assert front["author"] == "Priya Natarajan and Tom Hale"
    assert front["published"] == "2021-11-03"
    assert text[front["body_start"] :].startswith("The council misled")
    assert len(front["skipped"]) == 2


def test_ingest_front_matter_without_byline_keeps_body():
    text = "A long first paragraph that is the body itself. " * 10 + "\n\nSecond paragraph.\n"
    front = read_front_matter(text)
    assert front["title"] is None and front["body_start"] == 0


def test_ingest_read_article_uses_file_stem_and_refuses_too_long(tmp_path: Path):
    path = tmp_path / "story-17.txt"
    path.write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    article = read_article(path, Options())
    assert article.id == "story-17" and article.title == "Headline"
    with pytest.raises(IngestError) as err:
        read_article(path, Options(max_chars=10))
    assert err.value.kind == "too_long"
