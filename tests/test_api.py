"""The Python API for texts in memory: one text, many texts in batches, a pandas column."""

import pandas as pd

from pipeline import extract_text, extract_texts, with_findings

TEXTS = [
    "Budget\n\nMayor Ann Lee said: “We will plant 3,000 trees this year.”\n",
    "",
    "Roads\n\nBo Kim, the council's engineer, said the bridge would cost $5m to repair.\n",
    "x" + '"' * 2000,  # not prose
    "Parks\n\nThe parks department said it had opened 12 new playgrounds.\n",
]


def test_api_extract_texts_gives_each_texts_document_in_order(nlp):
    documents = list(extract_texts(TEXTS, nlp=nlp, batch_size=2))
    assert len(documents) == len(TEXTS)
    assert [d.get("error") for d in documents] == [None, "empty", None, "not_prose", None]
    for n in (0, 2, 4):
        alone = extract_text(TEXTS[n], nlp=nlp, id=f"text{n}", source=f"<text {n}>")
        assert documents[n] == alone


def test_api_with_findings_adds_the_findings_of_a_text_column(nlp):
    frame = pd.DataFrame({"outlet": ["a", "b", "c"], "body": [TEXTS[0], None, TEXTS[2]]})
    found = with_findings(frame, column="body", nlp=nlp)
    assert list(found.columns) == ["outlet", "body", "quotes", "speakers", "numeric_claims", "error"]
    assert [len(q) for q in found["quotes"]] == [1, 0, 1]
    assert found["error"][1] and not found["error"][0]
    assert found["numeric_claims"][2][0]["value"] == 5_000_000
    assert list(frame.columns) == ["outlet", "body"]  # the caller's frame is left as it was
