"""Cross-source findings: corroborated, disputed, evolving and single-source claims.

Articles are first grouped by origin so that wire copies count once. Claims
are paired by blocking, each candidate pair gets a relation with its reason,
agreeing claims are grouped, and every group or conflict becomes a finding
whose ``independent_sources`` counts distinct origins.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import numpy as np

from rashomon.align.blocking import candidate_pairs
from rashomon.align.origin import UnionFind, assign_origins
from rashomon.align.relation import ClaimView, Relation, describe, different_subjects, interval, overlaps, relate, same_scope
from rashomon.annotate.dates import parse_published
from rashomon.model import Claim, Dossier, Finding, FindingSide

NOTABLE_STATUSES = {"claimed", "denied"}
LEARNED_MIN_SIMILARITY = 0.5
LEARNED_DISAGREE = 0.5
MAX_SUMMARY_CHARS = 220


def claim_views(dossier: Dossier, origins: dict[str, str]) -> list[ClaimView]:
    """Each claim with its numbers, origin, outlet and publication time."""
    numbers = {n.id: n for n in dossier.numbers}
    articles = {a.id: a for a in dossier.articles}
    return [
        ClaimView(
            claim=claim,
            numbers=tuple(numbers[i] for i in claim.number_ids if i in numbers),
            origin=origins[claim.article_id],
            outlet=articles[claim.article_id].outlet,
            published=parse_published(articles[claim.article_id].published),
            row=row,
        )
        for row, claim in enumerate(dossier.claims)
    ]


def embed_claims(claims: list[Claim]) -> np.ndarray:
    """Unit vectors of the claims' sentences."""
    from rashomon.align.embed import encoder

    return encoder().encode([" ".join(c.text.split()) for c in claims])


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SUMMARY_CHARS else text[: MAX_SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "\u2026"


def side_of(views: list[ClaimView], rows: list[int], position: str) -> FindingSide:
    return FindingSide(
        position=position,
        claim_ids=[views[r].claim.id for r in rows],
        article_ids=list(dict.fromkeys(views[r].claim.article_id for r in rows)),
        outlets=list(dict.fromkeys(views[r].outlet for r in rows)),
        statuses=[views[r].claim.status for r in rows],
        held_by=[views[r].claim.attributed_name for r in rows],
    )


def holding_side(views: list[ClaimView], row: int, neighbours: dict[int, list[int]], relation: Relation, index: int) -> list[int]:
    """The claim on one side of a dispute plus the claims that directly agree with it and hold the same position.

    For a numeric dispute, an agreeing claim joins only if it states a number
    compatible with this side's figure.
    """
    rows = [row]
    for other in neighbours.get(row, []):
        if relation.pair is None:
            if views[other].claim.status == views[row].claim.status or "denied" not in (views[other].claim.status, views[row].claim.status):
                rows.append(other)
            continue
        figure = relation.pair[index]
        if any(same_scope(figure, n) and overlaps(interval(figure), interval(n)) for n in views[other].numbers):
            rows.append(other)
    return sorted(set(rows))


def dispute_summary(dossier: Dossier, claim_a: Claim, claim_b: Claim, relation: Relation, positions: tuple[str, str], shared: set[str]) -> str:
    """The point in dispute, stated without taking a side."""
    if relation.kind == "numeric_conflict":
        return f"Sources give different figures concerning {actor_names(dossier, shared)}: {positions[0]} vs {positions[1]}"
    subject = claim_a.subject_id or claim_b.subject_id
    topic = actor_names(dossier, {subject}) if subject else actor_names(dossier, shared)
    if "denied" in (claim_a.status, claim_b.status):
        return f"Whether the reported account concerning {topic} is true: one side reports it, the other denies it"
    if claim_a.predicate and claim_b.predicate and claim_a.predicate != claim_b.predicate:
        return f"What {topic} did: accounts say '{claim_a.predicate}' and '{claim_b.predicate}'"
    return f"Whether '{claim_a.predicate or 'it'}' happened concerning {topic}: one account affirms it, the other negates it"


def earliest(views: list[ClaimView], rows: list[int]) -> datetime:
    return min((views[r].published for r in rows if views[r].published), default=datetime.max)


def origins_of(views: list[ClaimView], rows: list[int]) -> int:
    return len({views[r].origin for r in rows})


def actor_names(dossier: Dossier, actor_ids: set[str]) -> str:
    names = [a.name for a in dossier.actors if a.id in actor_ids]
    return ", ".join(names[:3]) or "the event"


def relate_pairs(views: list[ClaimView], vectors: np.ndarray, names: dict[str, str]) -> list[tuple[int, int, Relation]]:
    """Relations of every candidate pair: across origins, and denials within one article too."""
    related = []
    for a, b in candidate_pairs(views, vectors):
        same_origin = views[a].origin == views[b].origin
        if same_origin and views[a].claim.article_id != views[b].claim.article_id:
            continue
        similarity = float(vectors[a] @ vectors[b])
        relation = relate(views[a], views[b], similarity, names)
        if relation.kind == "unrelated" and not same_origin:
            relation = learned_relation(views[a], views[b], vectors, similarity) or relation
        if relation.kind == "unrelated" or (same_origin and relation.kind != "contradiction"):
            continue
        related.append((a, b, relation))
    return related


def learned_relation(a: ClaimView, b: ClaimView, vectors: np.ndarray, similarity: float) -> Relation | None:
    """The small learned model's verdict on a pair the rules left open: a confident disagreement between claims about the same actors."""
    from rashomon.align.stance import pair_probabilities

    if similarity < LEARNED_MIN_SIMILARITY or not set(a.claim.actor_ids) & set(b.claim.actor_ids) or different_subjects(a.claim, b.claim):
        return None
    forward = pair_probabilities(a.claim.text, vectors[a.row], b.claim.text, vectors[b.row])
    backward = pair_probabilities(b.claim.text, vectors[b.row], a.claim.text, vectors[a.row])
    disagree = min(forward["disagree"], backward["disagree"])
    if disagree >= LEARNED_DISAGREE:
        return Relation("contradiction", f"learned stance model: the claims disagree (p={disagree:.2f})")
    return None


def find_findings(dossier: Dossier) -> Dossier:
    """The dossier with article origins set and cross-source findings filled in."""
    origins = assign_origins(dossier.articles)
    articles = [a.model_copy(update={"origin": origins[a.id]}) for a in dossier.articles]
    dossier = dossier.model_copy(update={"articles": articles})
    views = claim_views(dossier, origins)
    if not views:
        return dossier
    vectors = embed_claims(dossier.claims)
    related = relate_pairs(views, vectors, {actor.id: actor.name for actor in dossier.actors})

    groups = UnionFind([str(v.row) for v in views])
    for a, b, relation in related:
        if relation.kind == "agree":
            groups.union(str(a), str(b))
    members: dict[str, list[int]] = defaultdict(list)
    for view in views:
        members[groups.find(str(view.row))].append(view.row)

    findings: list[Finding] = []
    used: set[int] = set()
    reasons: dict[str, list[str]] = defaultdict(list)
    for a, b, relation in related:
        if relation.kind == "agree":
            reasons[groups.find(str(a))].append(relation.reason)

    disputes: dict[tuple[str, str], tuple[int, int, Relation]] = {}
    seen_rows: set[int] = set()
    for a, b, relation in related:
        if relation.kind in ("numeric_conflict", "contradiction", "evolving"):
            key = tuple(sorted((groups.find(str(a)), groups.find(str(b)))))
            if key[0] != key[1] and key not in disputes and not {a, b} <= seen_rows:
                disputes[key] = (a, b, relation)
                seen_rows.update((a, b))
    neighbours: dict[int, list[int]] = defaultdict(list)
    for a, b, relation in related:
        if relation.kind == "agree":
            neighbours[a].append(b)
            neighbours[b].append(a)
    for a, b, relation in disputes.values():
        rows_a = holding_side(views, a, neighbours, relation, 0)
        rows_b = holding_side(views, b, neighbours, relation, 1)
        if relation.pair is not None:
            positions = (describe(relation.pair[0]), describe(relation.pair[1]))
        else:
            positions = (shorten(views[a].claim.text), shorten(views[b].claim.text))
        shared = set(views[a].claim.actor_ids) & set(views[b].claim.actor_ids)
        if relation.kind == "evolving":
            ordered = sorted([(rows_a, positions[0]), (rows_b, positions[1])], key=lambda side: earliest(views, side[0]))
            kind = "evolving"
            summary = f"The figure concerning {actor_names(dossier, shared)} was updated between reports: {ordered[0][1]} \u2192 {ordered[1][1]}"
            sides = [side_of(views, rows, position) for rows, position in ordered]
        else:
            kind = "disputed"
            summary = dispute_summary(dossier, views[a].claim, views[b].claim, relation, positions, shared)
            sides = [side_of(views, rows_a, positions[0]), side_of(views, rows_b, positions[1])]
        rows = rows_a + rows_b
        used.update(rows)
        findings.append(
            Finding(
                id="",
                kind=kind,
                summary=shorten(summary),
                claim_ids=[views[r].claim.id for r in rows],
                independent_sources=origins_of(views, rows),
                relation=relation.kind,
                reason=relation.reason,
                sides=sides,
            )
        )

    for root, rows in members.items():
        if len(rows) < 2 or origins_of(views, rows) < 2 or set(rows) <= used:
            continue
        lead = min(rows, key=lambda r: (len(views[r].claim.text), r))
        used.update(rows)
        findings.append(
            Finding(
                id="",
                kind="corroborated",
                summary=shorten(views[lead].claim.text),
                claim_ids=[views[r].claim.id for r in rows],
                independent_sources=origins_of(views, rows),
                relation="agree",
                reason=reasons[root][0] if reasons[root] else None,
            )
        )

    for view in views:
        if view.row in used:
            continue
        claim = view.claim
        if view.numbers or claim.status in NOTABLE_STATUSES:
            findings.append(
                Finding(
                    id="",
                    kind="single_source",
                    summary=shorten(claim.text),
                    claim_ids=[claim.id],
                    independent_sources=1,
                    relation=None,
                    reason="numbers" if view.numbers else f"{claim.status} claim",
                )
            )

    order = {"disputed": 0, "evolving": 1, "corroborated": 2, "single_source": 3}
    findings.sort(key=lambda f: (order[f.kind], -f.independent_sources, f.claim_ids[0]))
    numbered = [f.model_copy(update={"id": f"f{i}"}) for i, f in enumerate(findings, start=1)]
    return dossier.model_copy(update={"findings": numbered})
