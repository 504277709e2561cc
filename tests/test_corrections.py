"""Export to Label Studio and Prodigy, import corrections back as gold: a round trip scores perfectly."""

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.measure.scoring import score_gold_file

from .conftest import SEED


@pytest.mark.parametrize(("fmt", "suffix"), [("label-studio", "json"), ("prodigy", "jsonl")])
def test_corrections_round_trip_gives_gold_that_scores_perfectly(seed_outputs: Path, tmp_path: Path, fmt, suffix):
    tasks = tmp_path / f"tasks.{suffix}"
    assert main(["export", str(seed_outputs), "--to", str(tasks), "--format", fmt]) == 0
    if fmt == "label-studio":
        _accept_every_prediction(tasks)
    gold_dir = tmp_path / "gold"
    assert main(["import", str(tasks), "--gold-dir", str(gold_dir), "--format", fmt]) == 0
    gold_path = gold_dir / f"{SEED.stem}.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["metadata"]["author"] == "Michael Upton" and gold["quotes"]
    scores = score_gold_file(gold_path, seed_outputs)
    assert scores.quotes.recall == 1.0
    assert scores.attributed == scores.gold_quotes
    # Numbers come back with every field eval scores, the claimant included.
    assert scores.claims_value == scores.claims_required > 0
    assert scores.claims_unit == scores.claims_predicate == scores.claims_value
    assert scores.claims_claimant == scores.claimant_gold > 0


def _accept_every_prediction(tasks: Path) -> None:
    """What Label Studio exports once a reviewer submits each task unchanged: an annotation whose
    result is the pre-annotation."""
    data = json.loads(tasks.read_text(encoding="utf-8"))
    for task in data:
        task["annotations"] = [{"result": task["predictions"][0]["result"]}]
    tasks.write_text(json.dumps(data), encoding="utf-8")


def test_corrections_only_annotated_label_studio_tasks_become_gold(seed_outputs: Path, tmp_path: Path, capsys):
    """Tasks nobody annotated hold only our predictions: as gold they would score as perfect."""
    tasks = tmp_path / "tasks.json"
    main(["export", str(seed_outputs), "--to", str(tasks)])
    (task,) = json.loads(tasks.read_text(encoding="utf-8"))
    unreviewed = [json.loads(json.dumps(task)) for _ in range(4)]  # exported, never opened
    reviewed = json.loads(json.dumps(task))
    reviewed["annotations"] = [{"result": reviewed["predictions"][0]["result"]}]
    tasks.write_text(json.dumps([reviewed, *unreviewed]), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    assert main(["import", str(tasks), "--gold-dir", str(gold_dir)]) == 0
    assert len(list(gold_dir.glob("*.json"))) == 1
    err = capsys.readouterr().err
    assert "1 gold file(s) written" in err and "4 task(s) or article(s) nobody reviewed" in err


def test_corrections_label_studio_correction_changes_the_gold(seed_outputs: Path, tmp_path: Path):
    tasks = tmp_path / "tasks.json"
    main(["export", str(seed_outputs), "--to", str(tasks)])
    (task,) = json.loads(tasks.read_text(encoding="utf-8"))
    result = task["predictions"][0]["result"]
    # A reviewer relabels the first quote region as indirect and deletes one number.
    first_quote = next(r for r in result if r.get("type") == "labels" and r["value"]["labels"][0] != "SPEAKER")
    first_quote["value"]["labels"] = ["indirect"]
    numbers = [r for r in result if r.get("type") == "labels" and r["value"]["labels"] == ["NUMBER"]]
    result.remove(numbers[0])
    task["annotations"] = [{"result": result}]
    tasks.write_text(json.dumps([task]), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    main(["import", str(tasks), "--gold-dir", str(gold_dir)])
    gold = json.loads((gold_dir / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert gold["quotes"][0]["kind"] == "indirect"
    assert len(gold["numeric_claims"]) == len(numbers) - 1


def test_corrections_bad_tasks_are_named_and_nothing_is_written(seed_outputs: Path, tmp_path: Path, capsys):
    tasks = tmp_path / "tasks.json"
    main(["export", str(seed_outputs), "--to", str(tasks)])
    _accept_every_prediction(tasks)
    (task,) = json.loads(tasks.read_text(encoding="utf-8"))
    broken_offsets = json.loads(json.dumps(task))
    region = next(r for r in broken_offsets["annotations"][0]["result"] if r.get("type") == "labels")
    region["value"]["end"] = len(task["data"]["text"]) + 50
    missing_text = json.loads(json.dumps(task))
    del missing_text["data"]["text"]
    tasks.write_text(json.dumps([task, broken_offsets, missing_text]), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    assert main(["import", str(tasks), "--gold-dir", str(gold_dir)]) == 1
    err = capsys.readouterr().err
    assert "task 2: ValueError: offsets" in err and "task 3: KeyError" in err and "task 1" not in err
    assert not gold_dir.exists() or not list(gold_dir.iterdir())


def _review_file(document: dict, verdicts: dict, fixed: dict | None = None) -> dict:
    """A corrections file as the review site writes it, for one article (invented verdicts)."""
    names = {s["id"]: {"name": s["name"] or s["description"], "type": s["type"],
                       "mentions": [m["text"] for m in s["mentions"]]} for s in document["speakers"]}  # fmt: skip
    quotes = [
        {"start": q["start"], "end": q["end"], "kind": q["kind"], "text": [p["text"] for p in q["spans"]],
         "speaker": names.get(q["speaker"] or ""), "verdict": verdicts.get(q["id"]),
         "corrected_speaker": (fixed or {}).get(q["id"])}
        for q in document["quotes"]
    ]  # fmt: skip
    claims = [
        {**{k: c[k] for k in ("start", "end", "text", "value", "kind", "unit", "predicate")},
         "claimant": names.get(c["claimant"] or ""), "verdict": verdicts.get(c["id"])}
        for c in document["numeric_claims"]
    ]  # fmt: skip
    article = {k: document["article"][k] for k in ("id", "sha256", "source", "title", "author", "published")}
    return {"format": "pipeline-review-corrections", "version": 1, "articles": [{**article, "quotes": quotes,
            "claims": claims}]}  # fmt: skip


def test_corrections_from_the_review_site_become_gold(seed_outputs: Path, tmp_path: Path):
    document = json.loads((seed_outputs / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    direct = [q for q in document["quotes"] if q["kind"] == "direct"]
    wrong, moved = direct[0]["id"], direct[1]["id"]
    source = tmp_path / "corrections.json"
    fixed = {moved: {"name": "Pat Invented", "type": "PERSON"}}
    verdicts = {wrong: "wrong", document["numeric_claims"][0]["id"]: "wrong"}
    source.write_text(json.dumps(_review_file(document, verdicts, fixed)), encoding="utf-8")
    gold_dir = tmp_path / "gold"
    assert main(["import", str(source), "--gold-dir", str(gold_dir), "--format", "review"]) == 0
    gold = json.loads((gold_dir / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert len(gold["quotes"]) == len(document["quotes"]) - 1
    assert len(gold["numeric_claims"]) == len(document["numeric_claims"]) - 1
    assert gold["speakers"]["pat_invented"]["name"] == "Pat Invented"
    scores = score_gold_file(gold_dir / f"{SEED.stem}.json", seed_outputs)
    assert scores.quotes.precision < 1.0 == scores.quotes.recall
    assert scores.attributed == scores.found_quotes - 1  # the quote given to someone else


def test_corrections_from_the_review_site_are_checked_first(seed_outputs: Path, tmp_path: Path, capsys):
    document = json.loads((seed_outputs / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    bad = _review_file(document, {document["quotes"][0]["id"]: "maybe"})
    source = tmp_path / "corrections.json"
    source.write_text(json.dumps(bad), encoding="utf-8")
    assert main(["import", str(source), "--gold-dir", str(tmp_path / "gold"), "--format", "review"]) == 1
    assert "verdict 'maybe'" in capsys.readouterr().err and not (tmp_path / "gold").exists()
    # Given without --format, the .json is taken for Label Studio and the message says what to do.
    # Without --format, the file is known by what it says it is: the same checks, the same errors.
    assert main(["import", str(source), "--gold-dir", str(tmp_path / "gold")]) == 1
    assert "verdict 'maybe'" in capsys.readouterr().err
