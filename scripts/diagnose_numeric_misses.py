"""Why numeric gold disputes are missed: one line per missed dispute with the first cause that stops it.

    python scripts/diagnose_numeric_misses.py [--events ecb8plus,fnc_bale] [--verbose]

For each numeric gold dispute of ``eval/events/`` that no predicted ``disputed`` finding stands for, the claims
holding each gold side are found (as the scorer finds them) and every cross-side pair of their figures is
checked stage by stage; the cause printed is the furthest stage any pair reached:

- ``no claim``: no claim holds one of the sides (the sentence was not made a claim);
- ``no numbers``: the claims of a side carry no figure;
- ``different scope``: figures exist, but no pair has one measure frame (dimension, measure, bearer);
- ``different time``: a pair has one frame, but the claims are dated apart (or one is background);
- ``different topic``: same frame and time, but the sentences are not close enough for the frame;
- ``compatible``: the pair's values agree within rounding and qualifiers;
- ``stated together``: one article states both values, so they are read as two quantities;
- ``not grouped``: a pair conflicts, but the finding step did not make a dispute of it (positions share an
  article, one origin, or the pair was not proposed by blocking).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from itertools import product
from pathlib import Path

from rashomon.align.findings import claim_views, embed_claims, stated_together_index
from rashomon.align.origin import assign_origins
from rashomon.align.relation import compatible, describe, same_moment, same_scope, same_time, same_topic
from rashomon.evaluation.events import assembled_dossier
from rashomon.evaluation.findings import GoldEvent, side_claims, stands_for

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "eval" / "events"
CACHE = ROOT / "build" / "findings-cache"
STAGES = ("no claim", "no numbers", "different scope", "different time", "different topic", "compatible", "stated together", "not grouped")


def frame(number) -> str:
    return f"{describe(number)}[{number.dimension}|{number.measure}|{number.counted}|{number.about}]"


def diagnose(dossier, conflict, verbose: bool) -> str:
    """The furthest stage any cross-side pair of figures of the conflict reaches."""
    origins = assign_origins(dossier.articles)
    views = claim_views(dossier, origins)
    vectors = embed_claims(dossier.claims)
    together = stated_together_index(views)
    held = [[v for v in views if side.held_by(v.claim)] for side in conflict.sides]
    if any(not rows for rows in held):
        return "no claim"
    if any(not any(v.numbers for v in rows) for rows in held):
        if verbose:
            for side, rows in zip(conflict.sides, held):
                print(f"      side {side.position!r}: {[' '.join(v.claim.text.split())[:120] for v in rows[:2]]}")
        return "no numbers"
    reached = 2
    notes = []
    for i, j in product(range(len(held)), repeat=2):
        if i >= j or conflict.sides[i].position == conflict.sides[j].position:
            continue
        for a, b in product(held[i], held[j]):
            if a.claim.article_id == b.claim.article_id:
                continue
            similarity = float(vectors[a.row] @ vectors[b.row])
            shared = set(a.claim.actor_ids) & set(b.claim.actor_ids)
            for x, y in product(a.numbers, b.numbers):
                stage = 2
                if same_scope(x, y):
                    stage = 3
                    if same_time(a, b) and same_moment(a, b, x, y):
                        stage = 4
                        if same_topic(a, b, x, y, similarity, shared):
                            stage = 5
                            if not compatible(x, y):
                                stage = 6
                                if not together(x, y):
                                    stage = 7
                if stage >= reached:
                    if stage > reached:
                        notes = []
                    reached = stage
                    notes.append(f"{frame(x)} vs {frame(y)} sim {similarity:.2f}")
    if verbose:
        for note in notes[:3]:
            print("      " + note)
    return STAGES[reached]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", help="comma-separated event ids (default: all)")
    parser.add_argument("--verbose", action="store_true", help="print the figures of the furthest pairs")
    args = parser.parse_args()
    from rashomon.align import find_findings

    wanted = set(args.events.split(",")) if args.events else None
    causes: Counter[str] = Counter()
    for path in sorted(EVENTS.glob("*.json")):
        data = json.loads(path.read_text())
        if wanted and data["event"] not in wanted:
            continue
        gold = GoldEvent.from_json(data)
        dossier = find_findings(assembled_dossier(data, CACHE))
        disputes = [side_claims(dossier, f) for f in dossier.findings if f.kind == "disputed"]
        for conflict in gold.disputes:
            if conflict.kind != "numeric" or any(stands_for(sides, conflict) for sides in disputes):
                continue
            print(f"{gold.event:12} {conflict.id:4} {conflict.about[:70]}")
            cause = diagnose(dossier, conflict, args.verbose)
            causes[cause] += 1
            print(f"      -> {cause}")
    print("\nmissed numeric disputes by cause:", ", ".join(f"{c} {causes[c]}" for c in STAGES if causes[c]))


if __name__ == "__main__":
    main()
