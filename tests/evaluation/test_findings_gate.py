"""Quality gate: the findings on a fixed subset of the evaluation set may not fall below today's figures.

The floors are the figures measured when the gate was set (see docs/benchmarks.md, "Findings on real events"),
less a margin for noise; raise them when the findings improve. ``python scripts/eval_findings.py --events ...``
prints the same figures.
"""

from pathlib import Path

import pytest

from rashomon.evaluation.events import ECB_DOCUMENTS, FNC_BODIES, assembled_dossier, load_gold
from rashomon.evaluation.findings import FindingScores, GoldEvent, score_event

SUBSET = ("ecb19plus", "ecb20plus", "ecb23plus", "ecb24plus", "ecb29plus", "ecb8plus", "fnc_massgrave", "fnc_bokoharam")
# Measured: dispute precision 0.818 (9 of 11), 9 of 41 gold disputes found, purity 0.943, corroborated recall 0.673,
# same-origin pair accuracy 0.879 (attribute conflicts: one thing given two values of a single-valued class). Before
# that: 0.80 (8 of 10), 8 found, purity 0.934 (a figure after "one week after" is of another time, so a previous game's carries
# are not set against this game's). Before that: 0.727 (8 of 11) (a bearer's words holding the figure itself are left
# out, so an article's own 5.9 shows its 3.8 is another quake); before that: 0.667 (8 of 12) (same-day counts of
# people are disputes, not updates; figures of one named thing's frame are blocked together); before that: 0.545 (6 of
# 11), 6 found. (When the gate was set: 0.50, 3, 0.953, 0.714, 0.879; comparable magnitudes and the wider actor merges
# cost corroborated recall: paraphrases giving 5.9 and 6.1 for a quake no longer agree.)
FLOORS = {"dispute_precision": 0.75, "corroborated_purity": 0.93, "corroborated_recall": 0.64, "same_origin_pair_accuracy": 0.85}
MIN_DISPUTES_FOUND = 9

pytestmark = pytest.mark.skipif(not (ECB_DOCUMENTS.exists() and FNC_BODIES.exists()), reason="../shared/datasets not found")


@pytest.fixture(scope="module")
def subset_scores() -> FindingScores:
    from rashomon.align import find_findings

    events = Path(__file__).resolve().parents[2] / "eval" / "events"
    total = FindingScores()
    for gold in load_gold(events):
        if gold["event"] in SUBSET:
            total += score_event(find_findings(assembled_dossier(gold)), GoldEvent.from_json(gold))
    return total


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_findings_figure_stays_above_its_floor(subset_scores, figure):
    assert subset_scores.figures()[figure] >= FLOORS[figure]


def test_findings_still_find_real_disputes(subset_scores):
    assert subset_scores.found_disputes >= MIN_DISPUTES_FOUND
    assert subset_scores.gold_disputes > 0
