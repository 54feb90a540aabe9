"""Alignment cost as a story grows: 50, 100, 200, 400 articles, printed as growth per doubling.

    python bench/alignment_scaling.py [--sizes 50 100 200 400]

Articles are FNC-1 bodies that the gold labels relate to the most frequent
headlines (so they share a topic, as a story does). Annotation runs once and
is not timed; the timed step is ``find_findings`` (origins, embeddings,
blocking, relations, findings). Near-linear growth is a ratio near 2.0 per
doubling; all-pairs comparison would approach 4.0.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FNC = ROOT.parent / "shared" / "datasets" / "fnc1"


def story_bodies(count: int) -> list[str]:
    """Bodies related to the most frequent headlines, up to ``count`` distinct ones."""
    if not (FNC / "train_stances.csv").exists():
        sys.exit(f"skipped: FNC-1 not found at {FNC}")
    csv.field_size_limit(10_000_000)
    with (FNC / "train_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    with (FNC / "train_stances.csv").open(encoding="utf-8") as handle:
        stances = [row for row in csv.DictReader(handle) if row["Stance"] != "unrelated"]
    ranking = Counter(row["Headline"] for row in stances)
    chosen: list[str] = []
    for headline, _ in ranking.most_common():
        for row in stances:
            if row["Headline"] == headline and row["Body ID"] not in chosen:
                chosen.append(row["Body ID"])
        if len(chosen) >= count:
            break
    return [bodies[i] for i in chosen[:count]]


def subset(dossier, size: int):
    keep = {a.id for a in dossier.articles[:size]}
    return dossier.model_copy(
        update={
            "articles": dossier.articles[:size],
            "claims": [c for c in dossier.claims if c.article_id in keep],
            "numbers": [n for n in dossier.numbers if n.article_id in keep],
            "findings": [],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400])
    args = parser.parse_args()
    from rashomon.align.embed import encoder
    from rashomon.align.findings import find_findings
    from rashomon.model import Article
    from rashomon.pipeline import annotate, assemble, ingest

    texts = story_bodies(max(args.sizes))
    ingested = ingest([Article(id=f"b{i}", source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])
    dossier = assemble(ingested, annotate(ingested.articles))
    encoder()
    previous = None
    print(f"{'articles':>8} {'claims':>7} {'seconds':>8} {'growth':>7}")
    for size in sorted(args.sizes):
        part = subset(dossier, size)
        started = time.perf_counter()
        result = find_findings(part)
        seconds = time.perf_counter() - started
        growth = f"{seconds / previous:.2f}x" if previous else "-"
        print(f"{size:>8} {len(part.claims):>7} {seconds:>8.2f} {growth:>7}   findings: {len(result.findings)}")
        previous = seconds


if __name__ == "__main__":
    main()
