"""The command line as a user meets it: help, formats named or inferred, one message per problem."""

import json
from pathlib import Path

import pytest

from pipeline.cli import main

from .conftest import ROOT

COMMANDS = ["extract", "eval", "review", "export", "import", "tables", "schema"]


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_cli_help_flags(flag, capsys):
    assert main([flag]) == 0
    out = capsys.readouterr().out
    assert all(command in out for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_shows_words_not_python_types(command, capsys):
    assert main([command, "-h"]) == 0
    out = capsys.readouterr().out
    for raw in ("<list[", "<path>", "<bool>", "<str>", "<int>", "Path]"):
        assert raw not in out, f"{command} --help shows {raw}"


def test_cli_readme_shows_the_top_level_help(capsys):
    """The README's command list is what `python -m pipeline --help` prints."""
    main(["--help"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert lines and [line for line in lines if line not in readme] == []


@pytest.mark.parametrize(("suffix", "expected"), [("json", "label-studio"), ("jsonl", "prodigy")])
def test_cli_export_infers_the_format_from_the_extension(seed_outputs: Path, tmp_path: Path, suffix, expected):
    target = tmp_path / f"tasks.{suffix}"
    assert main(["export", str(seed_outputs), "--to", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    if expected == "prodigy":
        assert all("spans" in json.loads(line) for line in text.splitlines())
    else:
        assert "predictions" in json.loads(text)[0]


def test_cli_export_refuses_an_extension_it_cannot_read(seed_outputs: Path, tmp_path: Path, capsys):
    assert main(["export", str(seed_outputs), "--to", str(tmp_path / "tasks.txt")]) == 2
    err = capsys.readouterr().err
    assert "cannot tell the format from tasks.txt" in err and not (tmp_path / "tasks.txt").exists()


def test_cli_unknown_format_gets_one_message_about_it(seed_outputs: Path, tmp_path: Path, capsys):
    assert main(["export", str(seed_outputs), "--to", str(tmp_path / "t.json"), "--format", "doccano"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: unknown --format 'doccano': use label-studio or prodigy"


def test_cli_missing_folder_gets_its_own_message(tmp_path: Path, capsys):
    assert main(["export", str(tmp_path / "nowhere"), "--to", str(tmp_path / "t.json")]) == 2
    assert capsys.readouterr().err.strip() == f"error: no such folder of outputs: {tmp_path / 'nowhere'}"


def test_cli_eval_scores_the_projects_own_gold(seed_outputs: Path, capsys):
    gold = sorted((ROOT / "corpus" / "gold").glob("*.json"))
    assert gold, "the project's own gold is missing"
    assert main(["eval", *map(str, gold), "--out", str(seed_outputs)]) == 0
    out = capsys.readouterr().out
    assert "quotes, any kind (>30%)      P 1.000  R 1.000" in out and "metadata: title ok" in out
    assert "baseline: textacy direct_quotations" in out


def test_cli_eval_runs_the_article_beside_a_gold_file_without_output(tmp_path: Path, capsys):
    """A gold file with its article beside it and no output yet: the article is run in memory."""
    text = "Council cuts\n\nThe leader said: “We will close 12 libraries.”\n"
    (tmp_path / "cuts.txt").write_text(text, encoding="utf-8")
    gold = {
        "source": "cuts.txt",
        "metadata": {"title": "Council cuts"},
        "speakers": {
            "leader": {"name": None, "type": "PERSON", "description": "The leader", "mentions": ["The leader"]}
        },
        "quotes": [{"kind": "direct", "speaker": "leader", "text": "We will close 12 libraries.", "cue": "said"}],
        "numeric_claims": [{"text": "12 libraries", "value": 12, "kind": "count", "unit": None, "claimant": "leader"}],
    }
    (tmp_path / "cuts.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(tmp_path / "cuts.json"), "--out", str(tmp_path / "no-outputs")]) == 0
    out = capsys.readouterr().out
    assert "(1/1 gold found, 1/1 predictions right)" in out
    assert not (tmp_path / "no-outputs").exists()


def test_cli_ctrl_c_exits_130_with_its_message(tmp_path: Path):
    """A real interrupt, in a real process: the message is printed and finished articles are kept."""
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "in"
    corpus.mkdir()
    seed = (ROOT / "corpus" / "000_9704b5920b1b9317.txt").read_text(encoding="utf-8")
    for n in range(800):
        (corpus / f"a{n:03d}.txt").write_text(seed, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(tmp_path / "out")],
        stderr=subprocess.PIPE, text=True, cwd=ROOT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    time.sleep(6)  # model loaded, some articles written
    process.send_signal(signal.SIGINT)
    err = process.communicate(timeout=120)[1]
    assert process.returncode == 130, err[-500:]
    assert "interrupted: finished articles are kept" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "error: unknown --engine 'spark': use local or dask"),
        (["--n-process", "0"], "error: --n-process and --batch-size are at least 1"),
    ],
)
def test_cli_extract_option_errors_one_message_each(tmp_path: Path, capsys, args, message):
    assert main(["extract", str(ROOT / "corpus"), "--out", str(tmp_path), *args]) == 2
    assert capsys.readouterr().err.strip() == message


def test_cli_progress_counts_articles_not_files(tmp_path):
    """One JSONL corpus of many articles sizes the progress bar by its articles."""
    from pipeline.engines.run import article_count

    corpus = tmp_path / "feed.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{n}", "text": "x"}) + "\n" for n in range(7)) + "\n", "utf-8")
    (tmp_path / "one.txt").write_text("A story.", encoding="utf-8")
    assert article_count([corpus, tmp_path / "one.txt"]) == 8


def test_cli_explain_shows_the_rule_behind_each_finding_and_why_numbers_were_passed_over(tmp_path, capsys):
    from pipeline.cli import main

    article = tmp_path / "story.txt"
    article.write_text(
        "Depot vote\n\nMayor Ines Duarte said: “We will close 12 depots.”\n\n"
        "Ministers triggered Article 50 in the spring.\n",
        encoding="utf-8",
    )
    assert main(["explain", str(article)]) == 0
    shown = capsys.readouterr().out
    assert "rule direct_cue_before (confidence 0.95)" in shown
    assert "speaker s1 Ines Duarte: pass name_full" in shown
    assert "“12 depots” = 12 (count, unit depots)" in shown and "stated by s1 Ines Duarte" in shown
    assert "passed over “50”" in shown and ": label: " in shown
    assert main(["explain", str(tmp_path / "missing.txt")]) == 1
