"""Quality gate: actor resolution on a fixed subset of the evaluation set may not fall below today's figures.

The floors are the figures measured when the gate was set (see docs/benchmarks.md, "Actor resolution on real
events"), less a margin for noise; raise them when resolution improves. ``python scripts/eval_actors.py --events ...``
prints the same figures.
"""

from pathlib import Path

import pytest

from rashomon.evaluation.actors import ActorScores, resolved_dossier, score_actors
from rashomon.evaluation.events import ECB_DOCUMENTS, FNC_BODIES, load_gold

SUBSET = (
    "ecb13plus",
    "ecb19plus",
    "ecb20plus",
    "ecb23plus",
    "ecb24plus",
    "ecb29plus",
    "ecb32plus",
    "ecb8plus",
    "fnc_bokoharam",
    "fnc_massgrave",
)
# Measured: merge recall 0.651 (97 of 149 pairs with the name-after-place, leading-"The" acronym and quoted-nickname
# rules; 0.644, 96 of 149, before them; 0.584 before the transliteration, rare-slip, inner-title,
# organisation-variant and surname-typing rules of issue 11, 0.302 before any name-matching rule), no false merge
# (the one before, two siblings sharing a surname, is kept apart by their courtesy titles), type error rate 0.107
# (18 of 168 spellings; 0.113 before). Annotation and resolution are deterministic (pinned spaCy model, CPU), so the
# figures move only when code does; the margin is two gold pairs (95/149 = 0.638) and three typed spellings
# (21/168 = 0.125), room for an unrelated annotation change that moves one name, not for a lost rule.
MIN_MERGE_RECALL = 0.637
MAX_FALSE_MERGES = 0
MAX_TYPE_ERROR_RATE = 0.126

pytestmark = pytest.mark.skipif(not (ECB_DOCUMENTS.exists() and FNC_BODIES.exists()), reason="../shared/datasets not found")


@pytest.fixture(scope="module")
def subset_scores() -> ActorScores:
    events = Path(__file__).resolve().parents[2] / "eval" / "events"
    total = ActorScores()
    for gold in load_gold(events):
        if gold["event"] in SUBSET:
            total += score_actors(resolved_dossier(gold), gold)
    return total


def test_merge_recall_stays_above_its_floor(subset_scores):
    assert subset_scores.gold_pairs > 100
    assert subset_scores.figures()["merge_recall"] >= MIN_MERGE_RECALL


def test_false_merges_stay_at_most_today(subset_scores):
    assert subset_scores.non_merges_checked > 0
    assert subset_scores.false_merges <= MAX_FALSE_MERGES


def test_type_errors_stay_under_their_ceiling(subset_scores):
    assert subset_scores.figures()["type_error_rate"] <= MAX_TYPE_ERROR_RATE
