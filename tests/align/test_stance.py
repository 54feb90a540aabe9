"""rashomon.stance on short texts about invented events (the FNC-1 score itself is in docs/benchmarks.md)."""

import pytest

from rashomon.align.stance import MODEL_PATH, cue_counts, sentences, words

pytestmark = pytest.mark.skipif(not MODEL_PATH.exists(), reason="stance model not trained: run scripts/train_stance.py")

BODY = (
    "A magnitude 6.8 earthquake struck the northern coast of Elbonia on Tuesday, killing at least 40 people, officials said. "
    "Rescue workers searched collapsed buildings in the port city through the night. "
    "The government declared three days of mourning and asked neighbouring countries for help."
)


def test_unrelated_claim():
    from rashomon import stance

    assert stance("Pop star announces new album and world tour", BODY) == "unrelated"


def test_a_claim_the_article_reports_agrees():
    from rashomon import stance

    assert stance("Earthquake kills at least 40 people in Elbonia", BODY) == "agree"


def test_sentence_split_and_cues():
    parts = sentences("First sentence here. Second one is here too.\nThird line of text.")
    assert parts == ["First sentence here.", "Second one is here too.", "Third line of text."]
    refute, hedge, *_ = cue_counts(words("the report is a hoax and fake"), "the report is a hoax and fake")
    assert refute > 0 and hedge == 0


HELD = (
    "Officials in Valdoria said on Tuesday that the dam did not burst, despite reports on social media. "
    "Engineers inspected the structure and found only minor cracks. Residents were told to stay calm."
)
BURST = (
    "The dam burst on Tuesday in northern Valdoria, flooding three villages, officials said. "
    "Engineers inspected the remains of the structure. Residents fled to higher ground."
)


@pytest.mark.parametrize(
    ("claim", "body", "expected"),
    [
        ("Dam bursts in northern Valdoria", HELD, "disagree"),  # the article negates the claim
        ("Dam in Valdoria did not burst", BURST, "disagree"),  # the claim negates the article
        ("Dam in Valdoria did not burst", HELD, "agree"),  # twin: both negate
        ("Dam bursts in northern Valdoria", BURST, "agree"),  # twin: neither negates
    ],
)
def test_stance_reads_negation(claim, body, expected):
    from rashomon import stance

    assert stance(claim, body) == expected


def test_a_denial_disagrees_with_the_claim_it_denies():
    from rashomon import stance

    denial = "The ministry denied that the dam had burst and called the reports false. Engineers were on site all day."
    assert stance("The dam burst on Tuesday", denial) == "disagree"
    assert stance("The dam burst on Tuesday", BURST) != "disagree"
