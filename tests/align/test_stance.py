"""rashomon.stance on short texts about invented events (the FNC-1 score itself is in docs/benchmarks.md)."""

import pytest

from rashomon.align.stance import LABELS, MODEL_PATH, cue_counts, sentences, words

pytestmark = pytest.mark.skipif(not MODEL_PATH.exists(), reason="stance model not trained: run scripts/train_stance.py")

BODY = (
    "A magnitude 6.8 earthquake struck the northern coast of Elbonia on Tuesday, killing at least 40 people, officials said. "
    "Rescue workers searched collapsed buildings in the port city through the night. "
    "The government declared three days of mourning and asked neighbouring countries for help."
)


def test_unrelated_claim():
    from rashomon import stance

    assert stance("Pop star announces new album and world tour", BODY) == "unrelated"


def test_related_claim_is_not_unrelated():
    from rashomon import stance

    result = stance("Earthquake kills at least 40 people in Elbonia", BODY)
    assert result in LABELS and result != "unrelated"


def test_sentence_split_and_cues():
    parts = sentences("First sentence here. Second one is here too.\nThird line of text.")
    assert parts == ["First sentence here.", "Second one is here too.", "Third line of text."]
    refute, hedge, *_ = cue_counts(words("the report is a hoax and fake"), "the report is a hoax and fake")
    assert refute > 0 and hedge == 0
