"""Quality gate: quote attribution on a fixed PolNeAR dev subset may not fall below today's figures.

The subset: the 24 shortest dev articles that have gold attributions (216 sources, 246 cues, 246 contents),
short so that the gate runs in CI time. PolNeAR cannot be copied into the repository (news texts with no licence
that allows it), so the gate reads ../shared/datasets/polnear and is skipped where it is absent.
``python scripts/eval_polnear.py --split dev`` prints the same figures for the whole split.

Measured when the gate was set (F1 in %): overlap source 68.0, cue 66.7, content 70.9; exact source 63.4, cue 56.7.
The output is deterministic; noise was judged by a bootstrap over the 24 articles (500 resamples), whose standard
deviation is about 4 points for every figure: the floors are the figures less 2 points (half of it), so a change
smaller than what another choice of articles would show by chance passes, and a real loss does not.
"""

from __future__ import annotations

import pytest

from rashomon.evaluation.quotes import POLNEAR, documents, rashomon_spans, score

SUBSET_SIZE = 24
FLOORS = {
    ("source", "overlap"): 66.0,
    ("cue", "overlap"): 64.5,
    ("content", "overlap"): 68.5,
    ("source", "exact"): 61.0,
    ("cue", "exact"): 54.5,
}

pytestmark = pytest.mark.skipif(not (POLNEAR / "dev").exists(), reason="../shared/datasets/polnear not found")


@pytest.fixture(scope="module")
def scores() -> dict:
    subset = sorted(documents("dev"), key=lambda doc: (len(doc.text), doc.name))[:SUBSET_SIZE]
    return score([doc.gold for doc in subset], rashomon_spans([doc.text for doc in subset]))


@pytest.mark.parametrize(("kind", "match"), sorted(FLOORS))
def test_attribution_f1_stays_above_its_floor(scores, kind, match):
    assert scores[kind][match]["f1"] >= FLOORS[kind, match]


def test_the_subset_is_the_one_measured(scores):
    assert (scores["source"]["gold"], scores["cue"]["gold"], scores["content"]["gold"]) == (216, 246, 246)
