"""Findings on real multi-outlet events: dispute precision/recall, corroborated purity/recall, evolving, same origin.

    python scripts/eval_findings.py [--events ecb8plus,fnc_bale] [--json OUT] [--show EVENT]

Each event of ``eval/events/`` (gold written by reading the articles; see ``eval/README.md``) is read from
``../shared/datasets``, annotated and resolved by rashomon (cached in ``build/findings-cache/``, keyed by the
code of the per-article stages and the texts), then run through the findings step, which is never cached.
``--show EVENT`` prints that event's disputed and corroborated findings beside the gold for error analysis.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from rashomon.evaluation.events import assembled_dossier
from rashomon.evaluation.findings import FindingScores, GoldEvent, score_event
from rashomon.model import Dossier

EVENTS = ROOT / "eval" / "events"
CACHE = ROOT / "build" / "findings-cache"


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def show(dossier: Dossier, gold: dict) -> None:
    claims = {c.id: c for c in dossier.claims}
    for finding in dossier.findings:
        if finding.kind in ("disputed", "evolving", "corroborated"):
            print(f"\n[{finding.kind}] {finding.summary}\n   why: {finding.reason}")
            for number, side in enumerate(finding.sides or [None]):
                ids = side.claim_ids if side else finding.claim_ids
                label = side.position if side else "group"
                for claim_id in ids[:12]:
                    print(f"   {number}:{label[:30]:30} {claims[claim_id].article_id:14} {' '.join(claims[claim_id].text.split())[:150]}")
    print("\nGOLD:", json.dumps({k: gold.get(k) for k in ("disputes", "evolving", "non_disputes")}, indent=1)[:6000])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", help="comma-separated event ids (default: all)")
    parser.add_argument("--json", type=Path, help="write the per-event and overall figures here")
    parser.add_argument("--show", help="print this event's findings beside its gold")
    args = parser.parse_args()
    from rashomon.align import find_findings

    paths = sorted(EVENTS.glob("*.json"))
    wanted = set(args.events.split(",")) if args.events else None
    total, rows = FindingScores(), {}
    print(f"{'event':16} {'disp P':>7} {'disp R':>7} {'purity':>7} {'corr R':>7} {'evol R':>7} {'origin':>7}  pred/gold disputes")
    for path in paths:
        gold = json.loads(path.read_text())
        if wanted and gold["event"] not in wanted and path.stem not in wanted:
            continue
        try:
            dossier = find_findings(assembled_dossier(gold, CACHE))
        except (FileNotFoundError, KeyError) as error:
            sys.exit(f"skipped: the shared datasets are missing ({error})")
        scores = score_event(dossier, GoldEvent.from_json(gold))
        total += scores
        figures = scores.figures()
        rows[gold["event"]] = {**figures, "counts": scores.__dict__}
        print(
            f"{gold['event']:16} {fmt(figures['dispute_precision']):>7} {fmt(figures['dispute_recall']):>7}"
            f" {fmt(figures['corroborated_purity']):>7}"
            f" {fmt(figures['corroborated_recall']):>7} {fmt(figures['evolving_recall']):>7} {fmt(figures['same_origin_pair_accuracy']):>7}"
            f"  {scores.right_disputes}/{scores.predicted_disputes} right, {scores.found_disputes}/{scores.gold_disputes} found"
        )
        if args.show in (gold["event"], path.stem):
            show(dossier, gold)
    figures = total.figures()
    print("\noverall (micro, all events added up):")
    for name, value in figures.items():
        print(f"  {name:28} {fmt(value)}")
    print(
        f"  disputes: {total.right_disputes} right of {total.predicted_disputes} predicted;"
        f" {total.found_disputes} of {total.gold_disputes} gold found;"
        f" {total.tempting_flagged} tempting non-disputes flagged"
    )
    print(
        "  gold disputes found by kind: "
        + ", ".join(f"{k} {total.found_by_kind.get(k, 0)}/{v}" for k, v in sorted(total.gold_by_kind.items()))
    )
    print(
        f"  evolving: {total.right_evolving} right of {total.predicted_evolving} predicted; corroborated: {total.corroborated} findings,"
        f" {total.impure_corroborated} impure; copy groups {total.recovered_copy_groups}/{total.copy_groups}"
    )
    if args.json:
        args.json.write_text(json.dumps({"events": rows, "overall": {**figures, "counts": total.__dict__}}, indent=1))


if __name__ == "__main__":
    main()
