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

    from rashomon.annotate.nlp import MODEL_PACKAGE
    from rashomon.ingest.text import normalize_text

    nlp = spacy.load(MODEL_PACKAGE)
    for _ in nlp.pipe((normalize_text(t).text for t in texts), batch_size=BATCH_SIZE):
        pass


def run_rashomon(texts: list[str]) -> None:
    from rashomon.model import Article
    from rashomon.pipeline import analyze

    analyze([Article(id=str(i), source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])


def child(mode: str, count: int) -> None:
    texts = load_texts(count)
    started = time.perf_counter()
    (run_bare if mode == "bare" else run_rashomon)(texts)
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "articles": len(texts), "words": words, "seconds": seconds, "peak_mb": peak_mb}))


def measure(mode: str, count: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", mode, "--articles", str(count)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--child", choices=["bare", "rashomon"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.articles)
        return
    results = [measure("bare", args.articles), measure("rashomon", args.articles)]
    for r in results:
        print(f"{r['mode']:>9}: {r['articles']} articles, {r['words']} words in {r['seconds']:.1f}s = {r['articles'] / r['seconds']:.1f} articles/s, {r['words'] / r['seconds']:.0f} words/s, peak {r['peak_mb']:.0f} MB")
    print(f"ratio rashomon / bare spaCy time: {results[1]['seconds'] / results[0]['seconds']:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main()
