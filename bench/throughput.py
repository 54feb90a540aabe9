"""Throughput: rashomon ``analyze`` against a bare spaCy ``nlp.pipe`` with the same model, same texts, same run.

    python bench/throughput.py [--articles 300]

Each side runs in its own child process so that its peak memory (max RSS) is
its own, and both stream through spaCy in batches of the same size. Prints articles/s, words/s, peak memory and the ratio of rashomon's
time to bare spaCy's (the target is <= 1.3).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCH_SIZE = 16
FNC_BODIES = ROOT.parent / "shared" / "datasets" / "fnc1" / "train_bodies.csv"


def load_texts(count: int) -> list[str]:
    """The first ``count`` FNC-1 training bodies."""
    if not FNC_BODIES.exists():
        sys.exit(f"skipped: FNC-1 bodies not found at {FNC_BODIES}")
    csv.field_size_limit(10_000_000)
    with FNC_BODIES.open(encoding="utf-8") as handle:
        rows = [row["articleBody"] for row in csv.DictReader(handle)]
    return rows[:count]


def run_bare(texts: list[str]) -> None:
    import spacy

    from rashomon.common.nlp import MODEL_PACKAGE
    from rashomon.ingest.text import normalize_text

    nlp = spacy.load(MODEL_PACKAGE)
    for _ in nlp.pipe((normalize_text(t).text for t in texts), batch_size=BATCH_SIZE):
        pass


def run_annotate(texts: list[str]) -> None:
    from rashomon.model import Article
    from rashomon.pipeline import annotate, assemble, ingest

    ingested = ingest([Article(id=str(i), source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])
    assemble(ingested, annotate(ingested.articles))


def run_analyze(texts: list[str]) -> None:
    from rashomon.model import Article
    from rashomon.pipeline import analyze

    analyze([Article(id=str(i), source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])


RUNS = {"bare": run_bare, "annotate": run_annotate, "analyze": run_analyze}


def child(mode: str, count: int) -> None:
    texts = load_texts(count)
    started = time.perf_counter()
    RUNS[mode](texts)
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "articles": len(texts), "words": words, "seconds": seconds, "peak_mb": peak_mb}))


def measure(mode: str, count: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--articles", str(count)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--child", choices=list(RUNS))
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest counts")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.articles)
        return
    results = [min((measure(mode, args.articles) for _ in range(args.repeat)), key=lambda r: r["seconds"]) for mode in RUNS]
    bare = results[0]["seconds"]
    for r in results:
        print(
            f"{r['mode']:>9}: {r['articles']} articles, {r['words']} words in {r['seconds']:.1f}s = "
            f"{r['articles'] / r['seconds']:.1f} articles/s, "
            f"{r['words'] / r['seconds']:.0f} words/s, peak {r['peak_mb']:.0f} MB, {r['seconds'] / bare:.2f}x bare spaCy"
        )
    print(f"ratio per-article work (annotate) / bare spaCy: {results[1]['seconds'] / bare:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
