"""The findings evaluation set: ECB+ detokenization and the gold files' consistency with the texts they describe."""

import json
from pathlib import Path

import pytest

from rashomon.evaluation.events import ECB_DOCUMENTS, FNC_BODIES, detokenize, event_articles, gold_source

EVENTS = Path(__file__).resolve().parents[2] / "eval" / "events"
GOLD = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(EVENTS.glob("*.json"))]
needs_data = pytest.mark.skipif(not (ECB_DOCUMENTS.exists() and FNC_BODIES.exists()), reason="../shared/datasets not found")


@pytest.mark.parametrize(
    ("tokens", "prose"),
    [
        ("`` We are safe , '' he said .", '"We are safe," he said.'),
        ("Thieves took $ 2 . 5 million ( about € 2 million ) .", "Thieves took $2.5 million (about €2 million)."),
        ("The hit - and - run driver did n't stop at 05 : 31 .", "The hit-and-run driver didn't stop at 05:31."),
        ("Rescuers found 1,200 bodies in the mayor 's district .", "Rescuers found 1,200 bodies in the mayor's district."),
    ],
)
def test_detokenize(tokens, prose):
    assert detokenize(tokens) == prose


def test_the_set_has_enough_real_events():
    assert len(GOLD) >= 25
    assert all(len(gold["articles"]) >= 5 for gold in GOLD)
    assert not any(gold["dataset"] == "ecbplus" and int(gold["articles"][0].split("_")[0]) > 35 for gold in GOLD)


def sides_of(gold):
    for dispute in gold.get("disputes", []):
        yield dispute["id"], dispute["sides"]
    for figure in gold.get("evolving", []):
        yield figure["id"], figure["values"]
    for item in gold.get("non_disputes", []):
        yield item["id"], item["items"]


@needs_data
@pytest.mark.parametrize("gold", GOLD, ids=[g["event"] for g in GOLD])
def test_every_listed_article_holds_a_term_of_its_side(gold):
    texts = {a.id: a.text.lower() for a in event_articles(gold_source(gold))}
    assert set(texts) == set(gold["articles"])
    missing = [
        (item, article, side["terms"])
        for item, sides in sides_of(gold)
        for side in sides
        for article in side["articles"]
        if not any(term.lower() in texts[article] for term in side["terms"])
    ]
    assert not missing
    for dispute in gold.get("disputes", []):
        assert len({side["position"] for side in dispute["sides"]}) >= 2, dispute["id"]
