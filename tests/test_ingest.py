from pathlib import Path

import pytest

from pipeline.config import Options
from pipeline.io.ingest import IngestError, decode, read_article
from pipeline.text.front_matter import parse_date, read_front_matter


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


def _articles(path, options=None):
    from pipeline.io.ingest import read_articles

    return list(read_articles(path, options or Options()))


def test_ingest_html_page_gives_main_text_and_metadata(tmp_path: Path):
    page = (
        "<html><head><title>Mayor vows action</title><meta name='author' content='Jo Reed'>"
        "<meta property='article:published_time' content='2023-05-02'></head><body><nav>Home | News</nav>"
        "<article><h1>Mayor vows action</h1><p>The mayor said: “We will act before the winter.”</p>"
        "<p>Council figures show 40 homes flooded last week in the town centre, officials said.</p></article>"
        "<script>document.title = 'pwned'</script></body></html>"
    )
    path = tmp_path / "mayor.html"
    path.write_text(page, encoding="utf-8")
    (article,) = _articles(path)
    assert article.id == "mayor" and article.title == "Mayor vows action"
    assert article.author == "Jo Reed" and article.published == "2023-05-02"
    assert "We will act before the winter." in article.text and "pwned" not in article.text


def test_ingest_jsonl_corpus_one_article_per_line_bad_lines_reported(tmp_path: Path):
    from pipeline.io.ingest import Failure

    lines = [
        '{"id": "a/1", "text": "Officials said 12 roads were closed.", "title": "Roads shut", '
        '"published": "2024-01-05"}',
        "not json",
        '{"id": "b2", "title": "no text"}',
        '{"id": "c3", "text": "The union said talks had failed.", "url": "https://example.org/c3"}',
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = _articles(path)
    assert [type(x).__name__ for x in found] == ["Article", "Failure", "Failure", "Article"]
    first, bad_json, no_text, last = found
    assert first.id == "a_1" and first.title == "Roads shut" and first.published == "2024-01-05"
    assert isinstance(bad_json, Failure) and bad_json.kind == "bad_json" and bad_json.source.endswith(":2")
    assert no_text.kind == "bad_record"
    assert last.source == "https://example.org/c3"


def _piped(monkeypatch, data: bytes) -> list:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    return _articles(Path("-"))


def test_ingest_stdin_ids_come_from_the_text(monkeypatch):
    (first,) = _piped(monkeypatch, b"Headline\n\nBody said so.\n")
    (second,) = _piped(monkeypatch, b"Other headline\n\nThe body said something else.\n")
    (again,) = _piped(monkeypatch, b"Headline\n\nBody said so.\n")
    assert first.title == "Headline" and first.id.startswith("stdin-")
    assert first.id != second.id and first.id == again.id


def test_ingest_stdin_jsonl_is_read_as_a_corpus(monkeypatch):
    lines = b'{"id": "a1", "text": "Officials said 12 roads were closed."}\n{"id": "b2", "text": "Police said so."}\n'
    found = _piped(monkeypatch, lines)
    assert [a.id for a in found] == ["a1", "b2"]


@pytest.mark.parametrize(
    ("front", "author", "published"),
    [
        ("By Jane Smith | 22/06/2022", "Jane Smith", "2022-06-22"),  # UK local
        ("Sarah Jones\nWednesday 03 March 1999 00:02 GMT", "Sarah Jones", "1999-03-03"),  # name above a dateline
        ("TOM BRADY | 19 January 2020", "TOM BRADY", "2020-01-19"),  # wire style, no "By"
        ("By Ann Lee\nLast modified on Wed 3 Mar 2021 16.10 GMT", "Ann Lee", "2021-03-03"),
        ("Updated: March 3, 2021 at 10:05 a.m. ET", None, "2021-03-03"),  # US, no author
        ("Jo Bloggs and Ed Stone\nMarch 3, 2021", "Jo Bloggs and Ed Stone", "2021-03-03"),
        ("Party Conference Special", None, None),  # a bare title-case line with no date is not a byline
        ("Talks end 3 March 2020.", None, None),  # a sentence with a date is body text
        ("By Ann Lee - Staff Writer\n2021-03-03T16:10:00Z", "Ann Lee", "2021-03-03"),  # a feed's ISO timestamp
        ("By Ann Lee\n2021-03-03T16:10+01:00", "Ann Lee", "2021-03-03"),
    ],
)
def test_ingest_bylines_and_datelines(front, author, published):
    text = f"Council votes on budget\n{front}\nThe council said 12 libraries would close.\n"
    found = read_front_matter(text)
    assert (found["author"], found["published"]) == (author, published)


def test_ingest_dateline_is_metadata_not_a_claim(run_text):
    extraction = run_text(
        "Waiting lists fall\n\nSarah Jones\nWednesday 03 March 1999 00:02 GMT\n\n"
        "The minister said waiting lists fell by 14,200 in January.\n"
    )
    assert extraction.article.published == "1999-03-03"
    assert [c.value for c in extraction.numeric_claims if c.kind != "date"] == [14200]
    assert all(c.start > extraction.article.text.index("GMT") for c in extraction.numeric_claims)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_ingest_decode_unicode_with_a_byte_order_mark(encoding):
    text = "Headline\n\nThe minister said: “We will act.”\n"
    data = text.encode(encoding)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # utf-16-be has no BOM of its own
        data = b"\xfe\xff" + data
    decoded, warnings = decode(data)
    assert decoded == text and warnings == []


def test_ingest_decode_mixed_encodings_line_by_line():
    data = "Prices “rose”\n".encode() + "The minister said: “We will act.”\n".encode("cp1252")
    text, warnings = decode(data)
    assert text == "Prices “rose”\nThe minister said: “We will act.”\n"
    assert warnings and "line(s) 2" in warnings[0].message


def test_ingest_decode_old_mac_line_ends_become_newlines():
    text, _ = decode(b"Headline\r\rThe council said: \xe2\x80\x9cNo.\xe2\x80\x9d\r")
    assert text == "Headline\n\nThe council said: “No.”\n"


@pytest.mark.parametrize(
    "obstacle",
    [
        "<img src='data:image/png;base64," + "A" * 11_000_000 + "'>",  # past libxml2's 10 MB text limit
        "<div>" * 300 + "<p>Deep inside, the council said it would appeal against the ruling.</p>" + "</div>" * 300,
    ],
    ids=["huge-inline-image", "deep-nesting"],
)
def test_ingest_html_keeps_the_text_after_a_huge_node_or_deep_nesting(tmp_path, obstacle):
    from pipeline.io.ingest import read_articles

    page = (
        "<html><head><title>Library cuts</title></head><body><article>"
        "<p>The council said on Monday that twelve libraries across the city would close next year.</p>"
        f"{obstacle}"
        "<p>Campaigners said they would take the council to court over the closures this spring.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = list(read_articles(path, Options()))
    assert "Campaigners said they would take the council to court" in article.text
