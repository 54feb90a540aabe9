"""Clustering metrics of coreference and story evaluation: MUC, B-cubed, CEAF-e and the CoNLL F1.

A clustering is a list of clusters, each a set of hashable items (mentions,
documents). The key (gold) and the response (system) may hold different items:
a key item the response left out counts against recall, a response item absent
from the key against precision, as in the CoNLL reference scorer (Pradhan et
al. 2014).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clustering = list[frozenset]


@dataclass(frozen=True)
class Score:
    """Recall, precision and their harmonic mean."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


def clusters_of(assignment: Mapping[Hashable, Hashable]) -> Clustering:
    """The clusters of an item -> cluster-id mapping."""
    groups: dict[Hashable, set] = {}
    for item, cluster in assignment.items():
        groups.setdefault(cluster, set()).add(item)
    return [frozenset(group) for group in groups.values()]


def _normalise(clusters: Iterable[Iterable[Hashable]]) -> Clustering:
    return [frozenset(cluster) for cluster in clusters if cluster]


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _muc_side(left: Clustering, right: Clustering) -> float:
    """MUC recall of ``right`` against ``left``: links of ``left`` kept by ``right``'s partition of it."""
    where = {item: index for index, cluster in enumerate(right) for item in cluster}
    kept = total = 0
    for cluster in left:
        parts = {where.get(item, ("alone", item)) for item in cluster}
        kept += len(cluster) - len(parts)
        total += len(cluster) - 1
    return _ratio(kept, total)


def muc(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """Vilain et al. (1995): the share of coreference links recovered; blind to singletons."""
    key, response = _normalise(key), _normalise(response)
    return Score(_muc_side(key, response), _muc_side(response, key))


def _b_cubed_side(left: Clustering, right: Clustering) -> float:
    where = {item: cluster for cluster in right for item in cluster}
    total = sum(len(cluster) for cluster in left)
    correct = sum(len(cluster & where.get(item, frozenset())) / len(cluster) for cluster in left for item in cluster)
    return _ratio(correct, total)


def b_cubed(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """Bagga and Baldwin (1998): per-item overlap of the item's key and response clusters."""
    key, response = _normalise(key), _normalise(response)
    return Score(_b_cubed_side(key, response), _b_cubed_side(response, key))


def ceaf_e(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """Luo (2005), entity-based: the best one-to-one alignment of clusters by phi4 = 2|K & R| / (|K| + |R|)."""
    key, response = _normalise(key), _normalise(response)
    if not key or not response:
        return Score(0.0, 0.0)
    similarity = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    aligned = float(similarity[rows, cols].sum())
    return Score(aligned / len(key), aligned / len(response))


@dataclass(frozen=True)
class CorefScores:
    """The three metrics and their CoNLL average."""

    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def conll(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> CorefScores:
    """MUC, B-cubed and CEAF-e of a response against a key; CoNLL F1 is the mean of their F1."""
    key, response = _normalise(key), _normalise(response)
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))
