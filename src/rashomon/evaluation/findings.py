"""Scoring a dossier's findings against the gold findings of one real event.

The gold (``eval/events/*.json``, written by reading the articles) names each side of a dispute, each
value of an evolving figure and each corroborated fact by *terms*: phrases copied from the articles.
A claim of the dossier stands for a gold side when its sentence contains one of the side's terms
(case aside), and for a gold fact when it contains a phrase of every term group of the fact.

- A predicted ``disputed`` finding is right when two of its sides stand, through distinct claims, for
  two different sides of one gold dispute (gold sides that share a ``position`` label are one side, worded
  differently by different articles). Dispute precision is the share of predicted disputes that
  are right; recall the share of gold disputes some predicted dispute stands for.
- A predicted ``evolving`` finding is right when two of its sides stand for two values of one gold
  evolving figure; evolving recall counts the gold figures found.
- A ``corroborated`` finding is impure when it holds claims standing for two different sides of one
  gold dispute or two values of one evolving figure; purity is the share of corroborated findings that
  are not. A gold fact is recalled when one corroborated finding holds claims from two articles that
  state it.
- Same origin: every pair of the event's articles is judged same-origin or not, by the gold copy groups
  and by the dossier's article origins; a copy group is recovered when its articles, and no other, share
  one origin.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from itertools import combinations
from typing import Self

from rashomon.model import Claim, Dossier, Finding


@dataclass(frozen=True)
class GoldSide:
    """One side of a gold dispute, one value of an evolving figure, or one item of a non-dispute."""

    terms: tuple[str, ...]
    articles: tuple[str, ...]
    position: str

    def held_by(self, claim: Claim) -> bool:
        text = claim.text.lower()
        return any(term.lower() in text for term in self.terms)


@dataclass(frozen=True)
class GoldConflict:
    """A gold dispute (kind numeric, denial or contradiction), evolving figure or tempting non-dispute."""

    id: str
    kind: str
    about: str
    sides: tuple[GoldSide, ...]


@dataclass(frozen=True)
class GoldFact:
    """A central fact that two or more articles state; every term group must occur in a supporting sentence."""

    id: str
    fact: str
    term_groups: tuple[tuple[str, ...], ...]
    articles: tuple[str, ...]

    def stated_by(self, claim: Claim) -> bool:
        text = claim.text.lower()
        return all(any(term.lower() in text for term in group) for group in self.term_groups)


@dataclass(frozen=True)
class GoldEvent:
    """The gold findings of one event."""

    event: str
    dataset: str
    articles: tuple[str, ...]
    disputes: tuple[GoldConflict, ...]
    evolving: tuple[GoldConflict, ...]
    non_disputes: tuple[GoldConflict, ...]
    facts: tuple[GoldFact, ...]
    copy_groups: tuple[frozenset[str], ...]

    @classmethod
    def from_json(cls, data: dict) -> GoldEvent:
        def sides(items: Iterable[dict]) -> tuple[GoldSide, ...]:
            return tuple(
                GoldSide(tuple(i["terms"]), tuple(i.get("articles", ())), str(i.get("position") or i.get("value") or n))
                for n, i in enumerate(items)
            )

        return cls(
            event=data["event"],
            dataset=data["dataset"],
            articles=tuple(data["articles"]),
            disputes=tuple(GoldConflict(d["id"], d["kind"], d.get("about", ""), sides(d["sides"])) for d in data.get("disputes", [])),
            evolving=tuple(GoldConflict(e["id"], "evolving", e.get("about", ""), sides(e["values"])) for e in data.get("evolving", [])),
            non_disputes=tuple(
                GoldConflict(n["id"], "non_dispute", n.get("about", ""), sides(n["items"])) for n in data.get("non_disputes", [])
            ),
            facts=tuple(
                GoldFact(c["id"], c.get("fact", ""), tuple(tuple(g) for g in c["terms"]), tuple(c["articles"]))
                for c in data.get("corroborated", [])
            ),
            copy_groups=tuple(frozenset(g) for g in data.get("copy_groups", []) if len(g) >= 2),
        )


@dataclass
class FindingScores:
    """Counts behind the figures of one event (or of many, added up)."""

    predicted_disputes: int = 0
    right_disputes: int = 0
    gold_disputes: int = 0
    found_disputes: int = 0
    tempting_flagged: int = 0
    predicted_evolving: int = 0
    right_evolving: int = 0
    gold_evolving: int = 0
    found_evolving: int = 0
    corroborated: int = 0
    impure_corroborated: int = 0
    gold_facts: int = 0
    found_facts: int = 0
    article_pairs: int = 0
    right_pairs: int = 0
    copy_groups: int = 0
    recovered_copy_groups: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    found_by_kind: dict[str, int] = field(default_factory=dict)

    def __iadd__(self, other: FindingScores) -> Self:
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            if isinstance(mine, dict):
                for key, value in theirs.items():
                    mine[key] = mine.get(key, 0) + value
            else:
                setattr(self, item.name, mine + theirs)
        return self

    @staticmethod
    def ratio(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    def figures(self) -> dict[str, float | None]:
        """The headline figures: dispute precision and recall, purity, evolving and fact recall, same-origin accuracy."""
        return {
            "dispute_precision": self.ratio(self.right_disputes, self.predicted_disputes),
            "dispute_recall": self.ratio(self.found_disputes, self.gold_disputes),
            "corroborated_purity": self.ratio(self.corroborated - self.impure_corroborated, self.corroborated),
            "corroborated_recall": self.ratio(self.found_facts, self.gold_facts),
            "evolving_precision": self.ratio(self.right_evolving, self.predicted_evolving),
            "evolving_recall": self.ratio(self.found_evolving, self.gold_evolving),
            "same_origin_pair_accuracy": self.ratio(self.right_pairs, self.article_pairs),
            "copy_groups_recovered": self.ratio(self.recovered_copy_groups, self.copy_groups),
        }


def side_claims(dossier: Dossier, finding: Finding) -> list[list[Claim]]:
    """The claims of each side of a finding (a finding without sides is one side)."""
    claims = {c.id: c for c in dossier.claims}
    if not finding.sides:
        return [[claims[i] for i in finding.claim_ids if i in claims]]
    return [[claims[i] for i in side.claim_ids if i in claims] for side in finding.sides]


def stands_for(sides: list[list[Claim]], conflict: GoldConflict) -> bool:
    """Whether two different predicted sides hold, through distinct claims, two different gold sides."""
    for (i, claims_i), (j, claims_j) in combinations(enumerate(sides), 2):
        for a, gold_a in enumerate(conflict.sides):
            for b, gold_b in enumerate(conflict.sides):
                if gold_a.position == gold_b.position:
                    continue
                held_a = {c.id for c in claims_i if gold_a.held_by(c)}
                held_b = {c.id for c in claims_j if gold_b.held_by(c)}
                if held_a and held_b and (held_a | held_b) != (held_a & held_b):
                    return True
    return False


def mixes(claims: list[Claim], conflict: GoldConflict) -> bool:
    """Whether one group of claims holds two different gold sides through distinct claims."""
    held = [({c.id for c in claims if side.held_by(c)}, side.position) for side in conflict.sides]
    return any(a and b and pa != pb and (a | b) != (a & b) for (a, pa), (b, pb) in combinations(held, 2))


def states(claims: list[Claim], fact: GoldFact) -> bool:
    """Whether claims from two different articles state the fact."""
    return len({c.article_id for c in claims if fact.stated_by(c)}) >= 2


def score_origins(dossier: Dossier, gold: GoldEvent, scores: FindingScores) -> None:
    origin = {a.id: a.origin or a.id for a in dossier.articles}
    group_of = {article: group for group in gold.copy_groups for article in group}
    present = [a for a in gold.articles if a in origin]
    for a, b in combinations(present, 2):
        gold_same = a in group_of and group_of[a] == group_of.get(b)
        scores.article_pairs += 1
        scores.right_pairs += gold_same == (origin[a] == origin[b])
    for group in gold.copy_groups:
        scores.copy_groups += 1
        origins = {origin.get(a) for a in group}
        sharing = {a for a in present if origin[a] in origins}
        scores.recovered_copy_groups += len(origins) == 1 and sharing == set(group)


def score_event(dossier: Dossier, gold: GoldEvent) -> FindingScores:
    """The counts of one event's dossier against its gold."""
    scores = FindingScores(gold_disputes=len(gold.disputes), gold_evolving=len(gold.evolving), gold_facts=len(gold.facts))
    by_kind = {f.kind: [] for f in dossier.findings}
    for finding in dossier.findings:
        by_kind[finding.kind].append(side_claims(dossier, finding))
    disputes, evolving, corroborated = by_kind.get("disputed", []), by_kind.get("evolving", []), by_kind.get("corroborated", [])

    scores.predicted_disputes = len(disputes)
    scores.right_disputes = sum(any(stands_for(sides, g) for g in gold.disputes) for sides in disputes)
    scores.tempting_flagged = sum(any(stands_for(sides, n) for n in gold.non_disputes) for sides in disputes)
    for conflict in gold.disputes:
        found = any(stands_for(sides, conflict) for sides in disputes)
        scores.found_disputes += found
        scores.gold_by_kind[conflict.kind] = scores.gold_by_kind.get(conflict.kind, 0) + 1
        scores.found_by_kind[conflict.kind] = scores.found_by_kind.get(conflict.kind, 0) + found

    scores.predicted_evolving = len(evolving)
    scores.right_evolving = sum(any(stands_for(sides, g) for g in gold.evolving) for sides in evolving)
    scores.found_evolving = sum(any(stands_for(sides, g) for sides in evolving) for g in gold.evolving)

    groups = [[c for side in sides for c in side] for sides in corroborated]
    scores.corroborated = len(groups)
    scores.impure_corroborated = sum(any(mixes(claims, g) for g in (*gold.disputes, *gold.evolving)) for claims in groups)
    scores.found_facts = sum(any(states(claims, fact) for claims in groups) for fact in gold.facts)
    score_origins(dossier, gold, scores)
    return scores
