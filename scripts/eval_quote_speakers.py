"""Quote speakers given by a pronoun or a description, against gold written by reading the articles.

    python scripts/eval_quote_speakers.py [--split dev|test|all] [--show wrong,left,missed] [--json OUT]

The gold (``eval/quote_speakers/gold.jsonl``, see its README) names each quote's article, first words, credit and the
name the article ties the credit to; each article is read from ``../shared/datasets`` and analysed alone
(see ``rashomon.evaluation.speakers`` for the outcomes). Rules are developed on ``--split dev``; ``test`` is for
scoring them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from rashomon.evaluation.speakers import load_gold, score, summary

GOLD = ROOT / "eval" / "quote_speakers" / "gold.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all", help="which half of the articles")
    parser.add_argument("--show", default="", help="comma-separated outcomes to list quote by quote")
    parser.add_argument("--json", type=Path, help="write the summary here")
    args = parser.parse_args()
    shown = set(filter(None, args.show.split(",")))
    try:
        scored = score(load_gold(GOLD, args.split))
    except (FileNotFoundError, KeyError) as error:
        sys.exit(f"skipped: the shared datasets are missing ({error})")
    for item in scored:
        if item.outcome in shown:
            gold = item.gold
            credit = f"{gold.attribution!r:28} gold {gold.speaker!r:26}"
            print(f"{item.outcome:7} {gold.article:16} {credit} got {list(item.names)} | {gold.quote}")
    figures = summary(scored)
    print(f"\n{len(scored)} gold quotes ({sum(1 for s in scored if s.gold.speaker)} with a named speaker)")
    for name, value in figures.items():
        print(f"  {name:16} {value:.3f}" if isinstance(value, float) else f"  {name:16} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
