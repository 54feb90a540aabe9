"""Why gold denial/contradiction disputes and copy groups are missed: the claims behind each side and their parse.

    python scripts/diagnose_disputes.py [--kinds denial,contradiction] [--events ecb8plus] [--origins]

For every gold dispute of the chosen kinds, prints whether a predicted dispute stands for it and, per side, the
claims that hold the side's terms (article, origin, status, predicate, subject, negation), with the best MiniLM
similarity to the other side; with ``--origins``, every gold copy group with the origins rashomon assigned, the agency
credits found and the near-identical sentence counts. Uses the cache of ``scripts/eval_findings.py``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rashomon.align import find_findings
from rashomon.align.findings import embed_claims
from rashomon.align.origin import agency_credit, assign_origins, sentences_of, shared_sentence_counts
from rashomon.evaluation.events import assembled_dossier
from rashomon.evaluation.findings import GoldEvent, side_claims, stands_for

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "eval" / "events"
CACHE = ROOT / "build" / "findings-cache"


def describe_claim(claim, origin: str) -> str:
    text = " ".join(claim.text.split())[:170]
    return (
        f"      {claim.article_id:14} {origin[-14:]:14} {claim.status:9} pred={claim.predicate} subj={claim.subject_id}"
        f" neg={claim.negated} by={claim.attributed_name}\n        {text}"
    )


def diagnose_disputes(dossier, gold: GoldEvent, kinds: set[str]) -> None:
    origins = {a.id: a.origin or a.id for a in dossier.articles}
    predicted = [side_claims(dossier, f) for f in dossier.findings if f.kind == "disputed"]
    vectors = embed_claims(dossier.claims)
    row = {c.id: i for i, c in enumerate(dossier.claims)}
    for conflict in gold.disputes:
        if conflict.kind not in kinds:
            continue
        found = any(stands_for(sides, conflict) for sides in predicted)
        print(f"\n  [{conflict.kind} {conflict.id} {'FOUND' if found else 'missed'}] {conflict.about}")
        held = [
            [c for c in dossier.claims if side.held_by(c) and (not side.articles or c.article_id in side.articles)]
            for side in conflict.sides
        ]
        for number, (side, claims) in enumerate(zip(conflict.sides, held)):
            others = [c for j, group in enumerate(held) if j != number for c in group]
            print(f"    side {number} ({side.position}) terms={list(side.terms)[:3]} articles={list(side.articles)}")
            if not claims:
                print("      (no claim holds this side: sentence not check-worthy or terms not found)")
            for claim in claims[:6]:
                best = max((float(vectors[row[claim.id]] @ vectors[row[o.id]]) for o in others), default=0.0)
                print(describe_claim(claim, origins[claim.article_id]) + f"\n        best similarity to other side {best:.2f}")


def diagnose_origins(dossier, gold: GoldEvent) -> None:
    origins = assign_origins(dossier.articles)
    counts = shared_sentence_counts(dossier.articles)
    sizes = {a.id: len(sentences_of(a.text)) for a in dossier.articles}
    for article in dossier.articles:
        credit = agency_credit(article.text)
        print(f"    {article.id:14} origin={origins[article.id]:24} credit={credit} sentences={sizes[article.id]} outlet={article.outlet}")
    print(f"    gold copy groups: {[sorted(g) for g in gold.copy_groups]}")
    for (a, b), shared in sorted(counts.items()):
        print(f"    shared {a} ~ {b}: {shared} (share {shared / max(1, min(sizes[a], sizes[b])):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="denial,contradiction")
    parser.add_argument("--events")
    parser.add_argument("--origins", action="store_true")
    args = parser.parse_args()
    wanted = set(args.events.split(",")) if args.events else None
    for path in sorted(EVENTS.glob("*.json")):
        data = json.loads(path.read_text())
        if wanted and data["event"] not in wanted:
            continue
        gold = GoldEvent.from_json(data)
        print(f"\n=== {gold.event}")
        if args.origins:
            diagnose_origins(assembled_dossier(data, CACHE), gold)
        else:
            diagnose_disputes(find_findings(assembled_dossier(data, CACHE)), gold, set(args.kinds.split(",")))


if __name__ == "__main__":
    main()
