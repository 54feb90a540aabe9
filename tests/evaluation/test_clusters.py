"""The clustering metrics reproduce the reference scorer's documented test cases and the example of Pradhan et al. (2014)."""

from __future__ import annotations

import pytest

from rashomon.evaluation.clusters import b_cubed, ceaf_e, clusters_of, conll, muc

KEY = [{"a"}, {"b", "c"}, {"d", "e", "f"}]


def close(score, recall, precision):
    return score.recall == pytest.approx(recall, abs=1e-9) and score.precision == pytest.approx(precision, abs=1e-9)


def test_perfect_response_scores_one_everywhere():
    scores = conll(KEY, [{"d", "e", "f"}, {"a"}, {"c", "b"}])
    assert (scores.muc.f1, scores.b_cubed.f1, scores.ceaf_e.f1, scores.conll_f1) == (1.0, 1.0, 1.0, 1.0)


def test_response_with_missing_mentions():
    response = [{"a"}, {"d", "e"}]
    assert close(muc(KEY, response), 1 / 3, 1.0)
    assert close(b_cubed(KEY, response), 7 / 18, 1.0)
    assert close(ceaf_e(KEY, response), 1.8 / 3, 1.8 / 2)


def test_response_with_false_alarm_mentions():
    response = [{"a"}, {"b", "c", "x"}, {"d", "e", "f", "y"}, {"z"}]
    common = 1 + 4 / 5 + 6 / 7
    assert close(ceaf_e(KEY, response), common / 3, common / 4)
    assert close(muc(KEY, response), 1.0, 3 / 5)


def test_response_with_missing_and_false_alarm_mentions():
    response = [{"a"}, {"b", "c", "x"}, {"d", "y"}, {"z"}]
    common = 1 + 4 / 5 + 2 / 5
    assert close(ceaf_e(KEY, response), common / 3, common / 4)


def test_example_of_the_reference_implementation_paper():
    key = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
    response = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]
    assert close(muc(key, response), 2 / 5, 2 / 5)
    assert close(b_cubed(key, response), 35 / 84, 4 / 8)
    assert close(ceaf_e(key, response), 1.3 / 2, 1.3 / 3)


def test_all_singletons_against_one_cluster():
    items = [{"a"}, {"b"}, {"c"}, {"d"}]
    merged = [{"a", "b", "c", "d"}]
    assert close(muc(merged, items), 0.0, 0.0)
    assert close(b_cubed(merged, items), 1 / 4, 1.0)
    assert close(b_cubed(items, merged), 1.0, 1 / 4)


def test_clusters_of_an_assignment():
    assert sorted(map(sorted, clusters_of({"a": 1, "b": 1, "c": 2}))) == [["a", "b"], ["c"]]
