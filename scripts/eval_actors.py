"""Actor resolution on real multi-outlet events: merge recall, false merges and type errors against the gold actors.

    python scripts/eval_actors.py [--events ecb8plus,fnc_bale] [--json OUT] [--show EVENT]

Each event of ``eval/events/`` is read from ``../shared/datasets`` and annotated by rashomon (cached in
``build/actors-cache/``, keyed by the code of the ingest and annotate stages and the texts); actors are then
resolved afresh and scored (see ``rashomon.evaluation.actors`` for the exact definitions). ``--show EVENT``
prints that event's missed merges, false merges and type errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from rashomon.evaluation.actors import ActorScores, resolved_dossier, score_actors

EVENTS = ROOT / "eval" / "events"
CACHE = ROOT / "build" / "actors-cache"


def fmt(value: float | None) -> str:
    if value is None:
        return "  -  "
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def show(scores: ActorScores) -> None:
    for a, b in scores.missed:
        print(f"   missed merge: {a!r} / {b!r}")
    for a, b in scores.joined:
        print(f"   FALSE MERGE: {a!r} + {b!r}")
    for key, gold_type, got in scores.mistyped:
        print(f"   type: {key!r} gold {gold_type}, got {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", help="comma-separated event ids (default: all)")
    parser.add_argument("--json", type=Path, help="write the per-event and overall figures here")
    parser.add_argument("--show", help="print this event's errors ('all' for every event)")
    args = parser.parse_args()
    wanted = set(args.events.split(",")) if args.events else None
    total, rows = ActorScores(), {}
    print(f"{'event':16} {'merge R':>8} {'pairs':>9} {'found':>9} {'whole':>7} {'false':>6} {'types':>7}")
    for path in sorted(EVENTS.glob("*.json")):
        gold = json.loads(path.read_text())
        if wanted and gold["event"] not in wanted:
            continue
        try:
            scores = score_actors(resolved_dossier(gold, CACHE), gold)
        except (FileNotFoundError, KeyError) as error:
            sys.exit(f"skipped: the shared datasets are missing ({error})")
        total += scores
        figures = scores.figures()
        rows[gold["event"]] = figures
        print(
            f"{gold['event']:16} {fmt(figures['merge_recall']):>8} {scores.merged_pairs:>4}/{scores.gold_pairs:<4}"
            f" {scores.found_spellings:>4}/{scores.gold_spellings:<4} {fmt(figures['whole_actor_share']):>7} {scores.false_merges:>6}"
            f" {scores.type_errors:>3}/{scores.typed_spellings:<3}"
        )
        if args.show in (gold["event"], "all"):
            show(scores)
    figures = total.figures()
    print("\noverall (micro, all events added up):")
    for name, value in figures.items():
        print(f"  {name:20} {fmt(value)}")
    print(
        f"  merged pairs {total.merged_pairs}/{total.gold_pairs}; spellings found {total.found_spellings}/{total.gold_spellings};"
        f" false merges: {total.non_merges_joined} of {total.non_merges_checked} gold non-merges checked,"
        f" {total.gold_actors_joined} gold actor pairs joined;"
        f" type errors {total.type_errors}/{total.typed_spellings}"
    )
    if args.json:
        args.json.write_text(json.dumps({"events": rows, "overall": figures}, indent=1))


if __name__ == "__main__":
    main()
