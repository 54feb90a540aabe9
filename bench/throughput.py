"""Throughput: the whole rashomon ``analyze`` against a bare spaCy ``nlp.pipe`` with the same model, same texts, same run.

    python bench/throughput.py [--articles 80 300] [--repeat 3]

Each side runs in its own child process so that its peak memory (max RSS) is
its own, and both stream through spaCy in batches of the same size. The sides take turns, ``--repeat`` rounds of
them, and the median of each side counts (the machine is shared, so single runs are noisy). Prints articles/s,
words/s, peak memory and, per size, the ratio of the whole ``analyze`` (read, annotate, resolve, findings) to bare
spaCy's time (the target is <= 1.3), beside the per-article work alone (``annotate``, one process). ``analyze`` runs
its per-article work on one worker process per CPU, so bare spaCy with two processes (``bare2``) is shown too.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
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


def run_bare(texts: list[str], processes: int = 1) -> None:
    import spacy

    from rashomon.common.nlp import MODEL_PACKAGE
    from rashomon.ingest.text import normalize_text

    nlp = spacy.load(MODEL_PACKAGE)
    for _ in nlp.pipe((normalize_text(t).text for t in texts), batch_size=BATCH_SIZE, n_process=processes):
        pass


def run_bare_two(texts: list[str]) -> None:
    """Bare spaCy with two processes, as ``analyze`` runs its per-article work on one worker per CPU."""
    run_bare(texts, processes=2)


def run_annotate(texts: list[str]) -> None:
    from rashomon.model import Article
    from rashomon.pipeline import annotate, assemble, ingest

    ingested = ingest([Article(id=str(i), source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])
    assemble(ingested, annotate(ingested.articles))


def run_analyze(texts: list[str]) -> None:
    from rashomon.model import Article
    from rashomon.pipeline import analyze

    analyze([Article(id=str(i), source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])


RUNS = {"bare": run_bare, "bare2": run_bare_two, "annotate": run_annotate, "analyze": run_analyze}


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


def median_run(runs: list[dict]) -> dict:
    """The run of median time, with the median peak memory."""
    middle = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    return {**middle, "seconds": statistics.median(r["seconds"] for r in runs), "peak_mb": statistics.median(r["peak_mb"] for r in runs)}


def compare(count: int, repeat: int) -> None:
    """Every side ``repeat`` times, taking turns, then the medians and the ratios to bare spaCy."""
    runs: dict[str, list[dict]] = {mode: [] for mode in RUNS}
    for _ in range(repeat):
        for mode in RUNS:
            runs[mode].append(measure(mode, count))
    results = {mode: median_run(r) for mode, r in runs.items()}
    bare = results["bare"]["seconds"]
    for mode, r in results.items():
        print(
            f"{mode:>9}: {r['articles']} articles, {r['words']} words in {r['seconds']:.1f}s = "
            f"{r['articles'] / r['seconds']:.1f} articles/s, "
            f"{r['words'] / r['seconds']:.0f} words/s, peak {r['peak_mb']:.0f} MB, {r['seconds'] / bare:.2f}x bare spaCy "
            f"(runs: {', '.join(format(x['seconds'], '.1f') for x in runs[mode])} s)"
        )
    print(f"{count} articles, median of {repeat}: per-article work (annotate) / bare spaCy {results['annotate']['seconds'] / bare:.2f}")
    print(f"{count} articles, median of {repeat}: WHOLE analyze / bare spaCy {results['analyze']['seconds'] / bare:.2f} (target <= 1.30)")
    two = results["bare2"]["seconds"]
    print(f"{count} articles, median of {repeat}: WHOLE analyze / bare spaCy with 2 processes {results['analyze']['seconds'] / two:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, nargs="+", default=[80, 300])
    parser.add_argument("--child", choices=list(RUNS))
    parser.add_argument("--repeat", type=int, default=3, help="runs per side and size; the median counts")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.articles[0])
        return
    for count in args.articles:
        compare(count, args.repeat)


if __name__ == "__main__":
    main()
