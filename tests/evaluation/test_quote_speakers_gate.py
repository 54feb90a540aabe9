"""Quality gate: quote speakers given by a pronoun or a description, on the dev half of eval/quote_speakers, may not
fall below today's figures.

The floors are the figures measured when the gate was set (docs/benchmarks.md, "Quote-speaker gold set
(eval/quote_speakers)"; ``python scripts/eval_quote_speakers.py --split dev`` prints them), less one quote's margin;
raise them when speaker resolution improves. Only the dev half is gated: the test half is for scoring.
"""

from pathlib import Path

import pytest

from rashomon.evaluation.events import ECB_DOCUMENTS, FNC_BODIES
from rashomon.evaluation.speakers import load_gold, score, summary

GOLD = Path(__file__).resolve().parents[2] / "eval" / "quote_speakers" / "gold.jsonl"
# Measured on dev (175 gold quotes, 146 extracted): named right 70, wrong 8, left 16, missed 12; unnamed right 51,
# wrong 1; name precision 70/79 = 0.886 and right share 121/146 = 0.829 (before the precision rules of issue 11:
# 0.750 and 0.753). Annotation is deterministic (pinned spaCy model, CPU), so these move only when code does; the
# margin is one quote: one more wrong name gives 70/80 = 0.875, one fewer right 120/146 = 0.822.
MIN_NAME_PRECISION = 0.87
MIN_RIGHT_SHARE = 0.82
MIN_NAMED_RIGHT = 69

pytestmark = pytest.mark.skipif(not (ECB_DOCUMENTS.exists() and FNC_BODIES.exists()), reason="../shared/datasets not found")


@pytest.fixture(scope="module")
def dev_figures() -> dict[str, float | int]:
    return summary(score(load_gold(GOLD, "dev")))


def test_name_precision_stays_above_its_floor(dev_figures):
    assert dev_figures["name_precision"] >= MIN_NAME_PRECISION


def test_right_share_stays_above_its_floor(dev_figures):
    assert dev_figures["right_share"] >= MIN_RIGHT_SHARE


def test_named_speakers_found_stay_above_their_floor(dev_figures):
    assert dev_figures["named_right"] >= MIN_NAMED_RIGHT
