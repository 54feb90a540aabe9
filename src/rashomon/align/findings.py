"""Cross-source findings: corroborated, disputed, evolving and single-source claims.

The steps, in order:

1. Articles are grouped by origin so that wire copies count once; a claim an article attributes to another
   outlet ("according to the BBC") counts for that outlet, not as the article's own reporting.
2. Claims are paired by blocking and each candidate pair gets a relation with its reason (:mod:`relation`).
   Figures one article states together are never set against each other.
3. Numeric conflicts and updates are gathered per measure frame: the figures of one frame that conflict or
   agree form a component, its figures are split into positions (figures that can hold together), and a
   component with two or more positions from different origins is one ``disputed`` (or ``evolving``) finding
   whose sides are the positions.
4. Denials, negations and opposite accounts make ``disputed`` findings of two sides; a claim serves as a side
   of at most one such finding, so a headline cannot stand against everything.
5. Agreeing claims are grouped without chaining: two groups merge only when every claim of one agrees with
   every claim of the other (complete linkage), so every member agrees with the group's statement and no
   group holds conflicting figures of one frame.
6. Numbers and notable claims that only one origin states are ``single_source``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

import numpy as np

from rashomon.align.blocking import candidate_pairs
from rashomon.align.origin import UnionFind, assign_origins, cited_outlet
from rashomon.align.relation import (
    COUNTED_DIMENSIONS,
    WEEKDAY_PREFIX,
    ClaimView,
    Relation,
    attribute_conflict,
    compatible,
    describe,
    different_subjects,
    figures_clash,
    frame_label,
    relate,
    same_moment,
    same_scope,
    time_shifted,
)
from rashomon.annotate.lexicon import ENGLISH
from rashomon.model import Claim, Dossier, Finding, FindingSide, NumberClaim

MONTHS = ENGLISH.month_numbers
WEEKDAYS = ENGLISH.weekdays

NOTABLE_STATUSES = {"claimed", "denied"}
# The learned stance model only speaks on pairs the rules left open that are close in meaning and share
# an actor (0.5: the similarity above which FNC-1 related pairs dominate), and only when it is confident.
LEARNED_MIN_SIMILARITY = 0.5
# 0.5: the model's own decision boundary (argmax of four classes needs less; asking for half keeps it to confident calls).
LEARNED_DISAGREE = 0.5
# A summary fits one line of the HTML report and of a terminal at 220 characters (the report shows the sentences whole).
MAX_SUMMARY_CHARS = 220
# Cosine similarity of MiniLM sentence vectors above which two sentences are the same words with trivial edits.
RESTATEMENT_SIMILARITY = 0.95
KIND_ORDER = {"disputed": 0, "evolving": 1, "corroborated": 2, "single_source": 3}

Related = list[tuple[int, int, Relation]]


def month_name(text: str) -> str | None:
    """A month a date names when it could not be resolved to a year ("in May" without a publication date): ISO 8601's "--05"."""
    for word in text.lower().split():
        if word in MONTHS:
            return f"--{MONTHS[word]:02d}"
    return None


def weekday_name(text: str) -> str | None:
    """A weekday a date names when it could not be resolved ("on Thursday" without a publication date): "weekday:thursday"."""
    words = text.lower().split()
    return next((f"{WEEKDAY_PREFIX}{word}" for word in words if word in WEEKDAYS), None)


def event_month(dossier: Dossier) -> tuple[int, int | None] | None:
    """When the reported event happened, as (year, month): the latest publication, else the latest year any article
    names (then the month is left unknown: a named date may lie in the future, "the trial opens in March")."""
    published = [a.published for a in dossier.articles if a.published]
    if published:
        latest = max(published)
        return latest.year, latest.month
    named = [int(d.value[:4]) for d in dossier.dates if d.value and d.value[:4].isdigit()]
    return (max(named), None) if named else None


def month_in_event_year(token: str, event: tuple[int, int | None] | None) -> str:
    """A month named without a year in an undated article ("--02"), placed in the last twelve months before the event,
    as a reader of the other reports would place it."""
    if not token.startswith("--") or event is None or event[1] is None:
        return token
    month = int(token[2:4])
    year = event[0] if month <= event[1] else event[0] - 1
    return f"{year}-{month:02d}"


# A claim dated only to months at least this many before the event's month speaks of an earlier event ("a 6.4 quake hit
# the town in February", in November's reports); one month is left out because reports say "last month" of the run-up.
BACKGROUND_MONTHS = 2


def is_background(when: frozenset[str], event: tuple[int, int | None] | None) -> bool:
    """The claim is dated only to times before the reported event: earlier years, or months well before its month."""
    if event is None or not when or not all(t[:4].isdigit() for t in when):
        return False
    year, month = event
    if max(int(t[:4]) for t in when) < year:
        return True
    # a year named alone reaches to its December
    latest = max(int(t[:4]) * 12 + (int(t[5:7]) if t[5:7].isdigit() else 12) for t in when)
    return month is not None and latest <= year * 12 + month - BACKGROUND_MONTHS


def claim_views(dossier: Dossier, origins: dict[str, str]) -> list[ClaimView]:
    """Each claim with its numbers, origin (the cited outlet's for second-hand reports), outlet, publication time and the
    times it names (a claim dated only to times well before the event is background; a figure after "one week after"
    or in a clause with "last season" is of another time)."""
    numbers = {n.id: n for n in dossier.numbers}
    dates = {d.id: token for d in dossier.dates if (token := d.value or month_name(d.text) or weekday_name(d.text))}
    articles = {a.id: a for a in dossier.articles}
    outlets = {a.outlet for a in dossier.articles if a.outlet}
    event = event_month(dossier)
    views = []
    for row, claim in enumerate(dossier.claims):
        cited = cited_outlet(claim.attributed_name, outlets) if claim.status == "reported" else None
        named = tuple(dict.fromkeys(month_in_event_year(dates[i], event) for i in claim.date_ids if i in dates))
        when = frozenset(t[:7] for t in named if not t.startswith(WEEKDAY_PREFIX))
        figures = tuple(numbers[i] for i in claim.number_ids if i in numbers)
        views.append(
            ClaimView(
                claim=claim,
                numbers=figures,
                origin=f"cited:{cited}" if cited else origins[claim.article_id],
                outlet=articles[claim.article_id].outlet,
                published=articles[claim.article_id].published,
                row=row,
                when=when,
                dates=named,
                background=is_background(when, event),
                shifted=time_shifted(claim, figures),
            )
        )
    return views


def embed_claims(claims: list[Claim]) -> np.ndarray:
    """Unit vectors of the claims' sentences."""
    from rashomon.align.embed import encoder, sentence_key

    return encoder().encode([sentence_key(c.text) for c in claims])


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SUMMARY_CHARS else text[: MAX_SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "\u2026"


def side_of(views: list[ClaimView], rows: Iterable[int], position: str, numbers: Iterable[str] = ()) -> FindingSide:
    rows = sorted(set(rows))
    return FindingSide(
        position=position,
        claim_ids=[views[r].claim.id for r in rows],
        article_ids=list(dict.fromkeys(views[r].claim.article_id for r in rows)),
        outlets=list(dict.fromkeys(views[r].outlet for r in rows)),
        statuses=[views[r].claim.status for r in rows],
        held_by=[views[r].claim.attributed_name for r in rows],
        number_ids=list(dict.fromkeys(numbers)),
    )


def earliest(views: list[ClaimView], rows: Iterable[int]) -> datetime:
    return min((views[r].published for r in rows if views[r].published), default=datetime.max)


def origins_of(views: list[ClaimView], rows: Iterable[int]) -> int:
    return len({views[r].origin for r in rows})


def actor_names(dossier: Dossier, actor_ids: set[str]) -> str:
    names = [a.name for a in dossier.actors if a.id in actor_ids]
    return ", ".join(names[:3]) or "the event"


def comparable_dimension(number: NumberClaim) -> str:
    """The dimension numbers must share to be compared (counts of people and of things are compared together)."""
    return "count" if number.dimension in COUNTED_DIMENSIONS else number.dimension


def stated_together_index(views: list[ClaimView]):
    """A test of whether one article states both figures (each by a number that fits it and not the other): then they
    measure different things, not one thing twice."""
    by_dimension: dict[str, dict[str, list[NumberClaim]]] = defaultdict(lambda: defaultdict(list))
    for view in views:
        for number in view.numbers:
            by_dimension[comparable_dimension(number)][view.claim.article_id].append(number)

    def together(x: NumberClaim, y: NumberClaim) -> bool:
        for article_numbers in by_dimension[comparable_dimension(x)].values():
            kin = [n for n in article_numbers if same_scope(n, x) and same_scope(n, y)]
            if any(compatible(n, x) and not compatible(n, y) for n in kin) and any(compatible(n, y) and not compatible(n, x) for n in kin):
                return True
        return False

    return together


def relate_pairs(views: list[ClaimView], vectors: np.ndarray, names: dict[str, str]) -> Related:
    """Relations of every candidate pair: across origins, and denials within one article too."""
    together = stated_together_index(views)
    related = []
    for a, b in candidate_pairs(views, vectors):
        same_origin = views[a].origin == views[b].origin
        if same_origin and views[a].claim.article_id != views[b].claim.article_id:
            continue
        similarity = float(vectors[a] @ vectors[b])
        relation = relate(views[a], views[b], similarity, names, together)
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
    if figures_clash(a, b):
        return None
    forward = pair_probabilities(a.claim.text, vectors[a.row], b.claim.text, vectors[b.row])
    backward = pair_probabilities(b.claim.text, vectors[b.row], a.claim.text, vectors[a.row])
    disagree = min(forward["disagree"], backward["disagree"])
    if disagree >= LEARNED_DISAGREE:
        return Relation("contradiction", f"learned stance model: the claims disagree (p={disagree:.2f})", rule="learned")
    return None


def positions_of(numbers: list[NumberClaim]) -> list[list[NumberClaim]]:
    """Figures split into positions: each position holds the figures compatible with its first (smallest) figure."""
    positions: list[list[NumberClaim]] = []
    for number in sorted(numbers, key=lambda n: (n.value, n.id)):
        for position in positions:
            if all(compatible(number, member) for member in position):
                position.append(number)
                break
        else:
            positions.append([number])
    return positions


def figure_findings(dossier: Dossier, views: list[ClaimView], related: Related) -> list[Finding]:
    """One ``disputed`` or ``evolving`` finding per component of figures of one frame that conflict."""
    rows_of: dict[str, set[int]] = defaultdict(set)
    numbers: dict[str, NumberClaim] = {}
    for view in views:
        for number in view.numbers:
            rows_of[number.id].add(view.row)
            numbers[number.id] = number
    links = UnionFind(list(numbers))
    conflicted: dict[str, Relation] = {}
    for a, b, relation in related:
        if relation.pair is None:
            continue
        x, y = relation.pair
        if relation.kind in ("numeric_conflict", "evolving"):
            links.union(x.id, y.id)
            conflicted[x.id] = conflicted[y.id] = relation
        elif relation.kind == "agree":
            for first in views[a].numbers:
                for second in views[b].numbers:
                    if same_scope(first, second) and same_moment(views[a], views[b], first, second) and compatible(first, second):
                        links.union(first.id, second.id)
    components: dict[str, list[NumberClaim]] = defaultdict(list)
    for number_id, number in numbers.items():
        components[links.find(number_id)].append(number)
    findings = []
    for members in components.values():
        relations = [conflicted[n.id] for n in members if n.id in conflicted]
        if not relations:
            continue
        positions = positions_of(members)
        held = [sorted({r for n in position for r in rows_of[n.id]}) for position in positions]
        articles = [{views[r].claim.article_id for r in rows} for rows in held]
        if len(positions) < 2 or any(a & b for i, a in enumerate(articles) for b in articles[i + 1 :]):
            continue
        if origins_of(views, [r for rows in held for r in rows]) < 2:
            continue
        evolving = any(r.kind == "evolving" for r in relations)
        findings.append(figure_finding(dossier, views, positions, held, relations[0], evolving))
    return findings


def figure_finding(
    dossier: Dossier, views: list[ClaimView], positions: list[list[NumberClaim]], held: list[list[int]], relation: Relation, evolving: bool
) -> Finding:
    labels = [" / ".join(dict.fromkeys(describe(n) for n in position)) for position in positions]
    sides = [side_of(views, rows, label, (n.id for n in position)) for rows, label, position in zip(held, labels, positions)]
    frame = frame_label(positions[0][0])
    actors = set.intersection(*({a for r in rows for a in views[r].claim.actor_ids} for rows in held))
    rows = [r for side_rows in held for r in side_rows]
    if evolving:
        order = sorted(range(len(sides)), key=lambda i: earliest(views, held[i]))
        sides = [sides[i] for i in order]
        summary = f"The figure ({frame}) concerning {actor_names(dossier, actors)} changed between reports: " + " \u2192 ".join(
            s.position for s in sides
        )
        reason = f"{relation.reason}; values in order of publication"
    else:
        summary = f"Sources give different figures ({frame}) concerning {actor_names(dossier, actors)}: " + " vs ".join(labels)
        reason = relation.reason
    return Finding(
        id="",
        kind="evolving" if evolving else "disputed",
        summary=shorten(summary),
        claim_ids=[views[r].claim.id for r in sorted(set(rows))],
        independent_sources=origins_of(views, rows),
        relation="evolving" if evolving else "numeric_conflict",
        reason=reason,
        sides=sides,
    )


def views_by_id(views: list[ClaimView]) -> dict[str, int]:
    return {view.claim.id: view.row for view in views}


def dispute_summary(dossier: Dossier, claim_a: Claim, claim_b: Claim, rule: str | None) -> str:
    """The point in dispute, stated without taking a side."""
    subject = claim_a.subject_id or claim_b.subject_id
    topic = actor_names(dossier, {subject}) if subject else actor_names(dossier, set(claim_a.actor_ids) & set(claim_b.actor_ids))
    if rule == "dated":
        return f"When '{claim_a.predicate}' happened concerning {topic}: accounts give different dates"
    if rule == "attribute" and (conflict := attribute_conflict(claim_a.text, claim_b.text)):
        values = f"'{conflict.value_a}' and '{conflict.value_b}'"
        return f"The {conflict.attribute.replace('_', ' ')} of '{conflict.described}' concerning {topic}: accounts say {values}"
    if "denied" in (claim_a.status, claim_b.status):
        return f"Whether the reported account concerning {topic} is true: one side reports it, the other denies it"
    if claim_a.predicate and claim_b.predicate and claim_a.predicate != claim_b.predicate:
        return f"What {topic} did: accounts say '{claim_a.predicate}' and '{claim_b.predicate}'"
    return f"Whether '{claim_a.predicate or 'it'}' happened concerning {topic}: one account affirms it, the other negates it"


def restatements(vectors: np.ndarray, row: int) -> set[int]:
    """Claims worded almost exactly like this one (copies of one sentence across reports)."""
    return set(np.flatnonzero(vectors @ vectors[row] >= RESTATEMENT_SIMILARITY).tolist()) | {row}


def contradiction_findings(
    dossier: Dossier, views: list[ClaimView], related: Related, taken: set[int], vectors: np.ndarray
) -> list[Finding]:
    """Two-sided disputes from denials, negations and opposite accounts; each claim is a side of one at most.

    Pairs are taken closest first. A side holds the claim, the claims that agree with it directly and hold it the
    same way, and its copies in other reports, so one copied sentence makes one dispute, not one per copy; a later
    claim that repeats a side already set in a dispute (agrees with one of its claims and holds it the same way) joins
    that side instead of opening a second dispute of the same point.
    """
    agreeing: dict[int, set[int]] = defaultdict(set)
    for a, b, relation in related:
        if relation.kind == "agree":
            agreeing[a].add(b)
            agreeing[b].add(a)
    disputes: list[tuple[int, int, Relation, list[set[int]]]] = []
    side_at: dict[int, set[int]] = {}

    def holding_alike(row: int) -> set[int]:
        """The claims that agree with or restate this one and hold it the same way (status)."""
        status = views[row].claim.status
        return {r for r in agreeing[row] | restatements(vectors, row) if views[r].claim.status == status}

    def kin(row: int) -> set[int]:
        return {r for r in holding_alike(row) if r not in taken}

    def join_existing(row: int) -> bool:
        side = next((side_at[r] for r in holding_alike(row) if r in side_at), None)
        if side is None:
            return False
        side.add(row)
        side_at[row] = side
        taken.add(row)
        return True

    def side_rows(row: int, other: int, relation: Relation) -> set[int]:
        """The claims that hold this side: for an attribute conflict, only those that give the side's value to the
        thing described (a paraphrase that names no value, "the quarterback was stopped on fourth down", holds neither side)."""
        rows = kin(row)
        if relation.rule == "attribute":
            rows = {r for r in rows if attribute_conflict(views[r].claim.text, views[other].claim.text)}
        return rows | {row}

    # closest pairs first: a claim that could answer several others is set against the one it repeats most closely
    for a, b, relation in sorted(related, key=lambda item: (-float(vectors[item[0]] @ vectors[item[1]]), item[0], item[1])):
        if relation.kind != "contradiction" or a in taken or b in taken:
            continue
        if join_existing(a) or join_existing(b):
            continue
        rows_a, rows_b = side_rows(a, b, relation), side_rows(b, a, relation)
        if rows_a & rows_b:
            continue
        taken.update(rows_a | rows_b)
        side_at.update({r: rows_a for r in rows_a} | {r: rows_b for r in rows_b})
        disputes.append((a, b, relation, [rows_a, rows_b]))
    findings = []
    for a, b, relation, (rows_a, rows_b) in disputes:
        rows = sorted(rows_a | rows_b)
        findings.append(
            Finding(
                id="",
                kind="disputed",
                summary=shorten(dispute_summary(dossier, views[a].claim, views[b].claim, relation.rule)),
                claim_ids=[views[r].claim.id for r in rows],
                independent_sources=origins_of(views, rows),
                relation="contradiction",
                reason=relation.reason,
                sides=[side_of(views, rows_a, shorten(views[a].claim.text)), side_of(views, rows_b, shorten(views[b].claim.text))],
            )
        )
    return findings


def agreement_groups(views: list[ClaimView], related: Related, vectors: np.ndarray, names: dict[str, str]) -> list[tuple[list[int], str]]:
    """Groups in which every claim agrees with every other (complete linkage over agreeing pairs, closest first)."""
    verdicts: dict[tuple[int, int], Relation] = {(a, b): r for a, b, r in related}

    def agree(a: int, b: int) -> bool:
        key = (min(a, b), max(a, b))
        if key not in verdicts:
            verdicts[key] = relate(views[key[0]], views[key[1]], float(vectors[key[0]] @ vectors[key[1]]), names)
        return verdicts[key].kind == "agree"

    group_of = {view.row: view.row for view in views}
    members: dict[int, list[int]] = {view.row: [view.row] for view in views}
    reason: dict[int, str] = {}
    edges = sorted(
        ((float(vectors[a] @ vectors[b]), a, b, r) for a, b, r in related if r.kind == "agree"), key=lambda e: (-e[0], e[1], e[2])
    )
    for _, a, b, relation in edges:
        first, second = group_of[a], group_of[b]
        if first == second or not all(agree(x, y) for x in members[first] for y in members[second]):
            continue
        keep, gone = min(first, second), max(first, second)
        members[keep] += members.pop(gone)
        for row in members[keep]:
            group_of[row] = keep
        reason.setdefault(keep, reason.pop(gone, relation.reason))
    return [(rows, reason.get(root, "")) for root, rows in members.items() if len(rows) > 1]


def corroborated_findings(views: list[ClaimView], groups: list[tuple[list[int], str]], disputed: set[int]) -> list[Finding]:
    findings = []
    for rows, reason in groups:
        if origins_of(views, rows) < 2 or set(rows) <= disputed:
            continue
        lead = min(rows, key=lambda r: (len(views[r].claim.text), r))
        findings.append(
            Finding(
                id="",
                kind="corroborated",
                summary=shorten(views[lead].claim.text),
                claim_ids=[views[r].claim.id for r in sorted(rows)],
                independent_sources=origins_of(views, rows),
                relation="agree",
                reason=f"every claim agrees with every other; first link: {reason}" if reason else None,
            )
        )
    return findings


def single_source_findings(views: list[ClaimView], used: set[int]) -> list[Finding]:
    findings = []
    for view in views:
        claim = view.claim
        if view.row in used or not (view.numbers or claim.status in NOTABLE_STATUSES):
            continue
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
    return findings


def find_findings(dossier: Dossier) -> Dossier:
    """The dossier with article origins set and cross-source findings filled in."""
    origins = assign_origins(dossier.articles)
    articles = [a.model_copy(update={"origin": origins[a.id]}) for a in dossier.articles]
    dossier = dossier.model_copy(update={"articles": articles})
    views = claim_views(dossier, origins)
    if not views:
        return dossier
    vectors = embed_claims(dossier.claims)
    names = {actor.id: actor.name for actor in dossier.actors}
    related = relate_pairs(views, vectors, names)
    index = views_by_id(views)

    figures = figure_findings(dossier, views, related)
    taken = {index[c] for f in figures for c in f.claim_ids}
    contradictions = contradiction_findings(dossier, views, related, taken, vectors)
    disputed = {index[c] for f in (*figures, *contradictions) for c in f.claim_ids}
    corroborated = corroborated_findings(views, agreement_groups(views, related, vectors, names), disputed)
    used = disputed | {index[c] for f in corroborated for c in f.claim_ids}
    findings = [*figures, *contradictions, *corroborated, *single_source_findings(views, used)]
    findings.sort(key=lambda f: (KIND_ORDER[f.kind], -f.independent_sources, f.claim_ids[0]))
    numbered = [f.model_copy(update={"id": f"f{i}"}) for i, f in enumerate(findings, start=1)]
    return dossier.model_copy(update={"findings": numbered})
