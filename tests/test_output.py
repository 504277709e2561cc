"""The output contract: schema validity, determinism, atomic writes, tables, the CLI."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.io.schema import json_schema, validate

from .conftest import ROOT, SEED


def test_output_every_file_validates_against_the_schema(seed_outputs: Path):
    for path in seed_outputs.glob("*.json"):
        validate(json.loads(path.read_text(encoding="utf-8")))


def test_output_file_is_one_line_per_record_and_reads_back_as_the_records(seed_outputs: Path, nlp):
    """Each speaker, quote and claim on a line of its own (a diff of two runs shows records); the
    file reads back as the same document the extraction gives in memory."""
    from pipeline.engines.api import extract_text

    text = (seed_outputs / f"{SEED.stem}.json").read_text(encoding="utf-8")
    document = json.loads(text)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and lines[1].startswith('  "schema_version": ')
    for field in ("speakers", "quotes", "numeric_claims"):
        assert document[field], field
        for record in document[field]:
            assert sum(line.startswith(f'    {{"id": "{record["id"]}", ') for line in lines) == 1
    article = document["article"]
    again = extract_text(SEED.read_text(encoding="utf-8-sig"), nlp, id=article["id"], source=article["source"])
    assert again == document


def test_output_committed_schema_matches_generated_one():
    committed = json.loads((ROOT / "schema" / "output.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()


def test_output_offsets_index_the_article_text(seed_outputs: Path):
    doc = json.loads((seed_outputs / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    text = doc["article"]["text"]
    assert text == SEED.read_text(encoding="utf-8-sig")
    for quote in doc["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for claim in doc["numeric_claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    for speaker in doc["speakers"]:
        for mention in speaker["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_output_is_byte_identical_on_a_second_run(tmp_path: Path, nlp):
    from pipeline.config import Options
    from pipeline.engines.run import extract

    first, second = tmp_path / "first", tmp_path / "second"
    extract([SEED], first, Options(), nlp=nlp)
    extract([SEED], second, Options(batch_size=1), nlp=nlp)
    for name in (f"{SEED.stem}.json", "quotes.csv", "numeric_claims.csv", "speakers.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_output_tables_beside_the_json(seed_outputs: Path):
    import pandas as pd

    quotes = pd.read_csv(seed_outputs / "quotes.csv")
    assert len(quotes) > 0 and {"article", "kind", "speaker_name", "confidence"} <= set(quotes.columns)
    assert len(pd.read_csv(seed_outputs / "numeric_claims.csv")) > 0
    assert len(pd.read_csv(seed_outputs / "speakers.csv")) > 0


def test_output_cli_bad_inputs_are_logged_and_the_batch_goes_on(tmp_path: Path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "good.txt")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 20)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert {Path(e["source"]).name: e["error"] for e in errors} == {"empty.txt": "empty", "junk.txt": "binary"}
    assert (out / "good.json").exists()
    assert "Traceback" not in capsys.readouterr().err


def test_output_cli_usage_error_exits_2(tmp_path: Path, capsys):
    assert main(["extract", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["extract", "eval", "review", "export", "import", "schema"])
def test_output_cli_help_and_readme_list_the_commands(command, capsys):
    assert main([command, "--help"]) == 0
    assert command in capsys.readouterr().out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"python -m pipeline {command}" in readme


def test_output_tables_in_one_call_and_as_parquet(seed_outputs: Path):
    import pandas as pd

    from pipeline.io.tables import COLUMNS, tables

    frames = tables(seed_outputs)
    assert set(frames) == {"quotes", "numeric_claims", "speakers"}
    for name, frame in frames.items():
        assert list(frame.columns) == list(COLUMNS[name])
        from_parquet = pd.read_parquet(seed_outputs / f"{name}.parquet")
        assert len(from_parquet) == len(frame) > 0
    quotes = frames["quotes"]
    assert quotes["speaker_name"].notna().all()


def test_output_readme_documents_every_table_column():
    from pipeline.io.tables import COLUMNS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, columns in COLUMNS.items():
        assert f"`{name}`" in readme
        for column, meaning in columns.items():
            assert f"| `{column}` | {meaning} |" in readme, (name, column)


def test_output_schema_and_tables_take_their_meanings_from_one_dictionary():
    from pipeline.io.tables import COLUMNS
    from pipeline.records import FIELD_DOCS

    schema = json_schema()["properties"]
    items = {"Quote": schema["quotes"]["items"], "NumericClaim": schema["numeric_claims"]["items"],
             "Speaker": schema["speakers"]["items"]}  # fmt: skip
    tables = {"Quote": "quotes", "NumericClaim": "numeric_claims", "Speaker": "speakers"}
    checked = 0
    for record, docs in FIELD_DOCS.items():
        assert set(docs) == set(items[record]["properties"]), record
        for field, doc in docs.items():
            assert items[record]["properties"][field]["description"] == doc
            table_doc = COLUMNS[tables[record]].get(field)
            if table_doc is not None and not (record == "Speaker" and field == "mentions"):
                assert table_doc == doc, (record, field)
            checked += 1
    assert checked > 30


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_output_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path, nlp, start):
    from pipeline.config import Options
    from pipeline.engines.run import extract

    corpus = tmp_path / "in"
    corpus.mkdir()
    words = f"{start}HYPERLINK(1) is what we want"
    (corpus / "a.txt").write_text(f"Council row\n\nThe leader said: “{words}.”\n", encoding="utf-8")
    out = tmp_path / "out"
    extract([corpus], out, Options(), nlp=nlp)
    csv_text = (out / "quotes.csv").read_text(encoding="utf-8")
    assert f"'{start}HYPERLINK" in csv_text
    frames = pd.read_parquet(out / "quotes.parquet")
    assert any(str(t).startswith(start) for t in frames["text"])  # Parquet keeps the raw text


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+1", "'=1+1"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), (-5, -5), (None, None)],
)
def test_output_neutralise_cell(cell, written):
    from pipeline.io.tables import neutralise_cell

    assert neutralise_cell(cell) == written


def test_output_bidi_controls_are_shown_not_obeyed():
    from pipeline.io.tables import neutralise_cell
    from pipeline.tools.review import escape

    assert neutralise_cell("abc\u202edef") == "abc<U+202E>def"
    assert escape("abc\u202edef") == "abc&lt;U+202E&gt;def"
