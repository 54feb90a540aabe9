"""Story clustering cost as the stream grows: 1k, 2k, 4k, 8k articles, with the growth ratio per doubling.

    python bench/story_scaling.py [--sizes 1000 2000 4000 8000]

Reuses the ECB+ clustering features cached by ``scripts/eval_stories.py`` (run it
first). To grow past 982 documents, copies get their names renamed per copy, so
each copy is a new set of events that shares the topic words of the original:
the candidate search cannot shortcut it. Prints seconds, articles/s and stories
of the online pass, then the seconds of the re-assignment passes that
``rashomon ingest`` runs afterwards and how many articles they moved.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "stories-cache.json"


def stream(features: dict[str, dict], size: int) -> list[tuple[str, dict]]:
    base = list(features.items())
    out = []
    copy = 0
    while len(out) < size:
        for doc_id, data in base:
            renamed = {**data, "names": {f"{k}#{copy}": v for k, v in data["names"].items()}}
            out.append((f"{doc_id}#{copy}", renamed))
        copy += 1
    out = out[:size]
    random.Random(0).shuffle(out)
    return out


def main() -> None:
    from rashomon.clustering import ArticleFeatures, StoryClusterer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    args = parser.parse_args()
    if not CACHE.exists():
        sys.exit(f"skipped: {CACHE} missing; run python scripts/eval_stories.py first")
    features = json.loads(CACHE.read_text())
    previous = None
    print(f"{'articles':>8} {'seconds':>8} {'articles/s':>11} {'stories':>8} {'growth':>7} {'refine s':>9} {'moved':>6}")
    for size in args.sizes:
        items = [(doc_id, ArticleFeatures.from_json(data)) for doc_id, data in stream(features, size)]
        clusterer = StoryClusterer()
        started = time.perf_counter()
        placed = [(doc_id, item, clusterer.add(doc_id, item)[0]) for doc_id, item in items]
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        moved = clusterer.refine(placed)
        refining = time.perf_counter() - started
        growth = f"{seconds / previous:.2f}x" if previous else ""
        print(f"{size:>8} {seconds:>8.1f} {size / seconds:>11.0f} {len(clusterer.stories):>8} {growth:>7} {refining:>9.1f} {len(moved):>6}")
        previous = seconds


if __name__ == "__main__":
    main()
