"""Candidate claim pairs without comparing all pairs.

Four blocks propose pairs: claims whose embeddings fall in the same bucket of
a random-hyperplane LSH (several tables, so near neighbours meet at least
once), claims sharing a rare actor, claims with numbers of the same
dimension and counted noun about a shared actor, and claims with figures of
one measure frame that belongs to a named thing (one place's population). Bucket sizes are capped, so
the cost grows near-linearly with the number of claims.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import numpy as np

from rashomon.align.relation import INCREMENT, ClaimView, counted_key

# 12 tables of 8 bits (SimHash: a bit agrees with probability 1 - angle/pi): two claims at MiniLM cosine 0.9 share a
# bucket in at least one table with probability 0.98, at the agreement level 0.75 with 0.79 (the actor and measure
# blocks propose most of the rest), while one bucket holds about 1/256 of the claims.
TABLES = 12
BITS = 8
# Bucket caps bound the pairs to O(n) (the first version's values, not tuned): a larger bucket pairs each member with
# its 15 neighbours only; an actor named in more than 40 claims is the story's topic, not a key that sets claims apart.
MAX_BUCKET = 60
MAX_ACTOR_BLOCK = 40


def capped_pairs(members: list[int], cap: int) -> list[tuple[int, int]]:
    """All pairs in a small block; in a large block, each member with its ``cap`` nearest by position."""
    if len(members) <= cap:
        return list(combinations(members, 2))
    return [(members[i], members[j]) for i in range(len(members)) for j in range(i + 1, min(len(members), i + 1 + cap // 4))]


def lsh_pairs(vectors: np.ndarray, seed: int = 13) -> set[tuple[int, int]]:
    """Pairs that share a SimHash bucket in at least one table."""
    pairs: set[tuple[int, int]] = set()
    if len(vectors) < 2:
        return pairs
    generator = np.random.default_rng(seed)
    planes = generator.standard_normal((TABLES, vectors.shape[1], BITS)).astype(np.float32)
    weights = 1 << np.arange(BITS)
    for table in range(TABLES):
        codes = ((vectors @ planes[table]) > 0).astype(np.int64) @ weights
        buckets: dict[int, list[int]] = defaultdict(list)
        for row, code in enumerate(codes.tolist()):
            buckets[code].append(row)
        for members in buckets.values():
            pairs.update(capped_pairs(members, MAX_BUCKET))
    return pairs


def key_pairs(views: list[ClaimView]) -> set[tuple[int, int]]:
    """Pairs of claims that share an actor, or a measured quantity about a shared actor."""
    by_actor: dict[str, list[int]] = defaultdict(list)
    by_measure: dict[tuple[str, str, str | None], list[int]] = defaultdict(list)
    for view in views:
        for actor in view.claim.actor_ids:
            by_actor[actor].append(view.row)
            for number in view.numbers:
                by_measure[(actor, number.dimension, counted_key(number))].append(view.row)
    pairs: set[tuple[int, int]] = set()
    for members in by_measure.values():
        pairs.update(capped_pairs(members, MAX_BUCKET))
    for members in by_actor.values():
        if len(members) <= MAX_ACTOR_BLOCK:
            pairs.update(combinations(members, 2))
    return pairs


def frame_pairs(views: list[ClaimView]) -> set[tuple[int, int]]:
    """Pairs of claims with figures of one measure frame that belongs to a named thing (the population of a place,
    the distance of a town from the capital, the value of an offer): such figures are about one thing however
    differently the sentences are built, so they meet even when neither their wording nor their actors do."""
    by_frame: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    for view in views:
        for number in view.numbers:
            if number.about and number.about != INCREMENT:
                by_frame[(number.dimension, counted_key(number), number.about)].append(view.row)
    pairs: set[tuple[int, int]] = set()
    for members in by_frame.values():
        pairs.update(capped_pairs(sorted(set(members)), MAX_BUCKET))
    return pairs


def candidate_pairs(views: list[ClaimView], vectors: np.ndarray) -> list[tuple[int, int]]:
    """Candidate pairs of claim rows, each pair once, in a stable order."""
    pairs = lsh_pairs(vectors) | key_pairs(views) | frame_pairs(views)
    return sorted((min(a, b), max(a, b)) for a, b in pairs if a != b)
