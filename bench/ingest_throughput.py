"""Ingest throughput into the corpus store: local engine vs Ray, against bare spaCy on the same texts in the same run.

    python bench/ingest_throughput.py [--corpus ecbplus|fnc] [--limit N] [--workers 2] [--repeat 3] [--sides bare,local,ray]

Each side runs in its own child process; its peak memory is the largest total
resident memory of that process and all its descendants (worker processes, Ray
workers), sampled from /proc four times a second, and its CPU time is that of the
process and the children it waited for (the forkserver that forks the local engine's workers is stopped and waited for
first) (user + system; Ray's workers are not its
children and are left out). The sides take turns, ``--repeat`` rounds of them, and
the median of each counts. Prints articles/s, words/s, peak memory and the ratio of
each side's wall time and CPU time to bare spaCy's (``nlp.pipe`` with
``n_process=2``), with the load average of the machine before and after: the
machine is shared, and under load the CPU-time ratio is the steadier figure.
ECB+ topics 36-45 are held out for evaluation and left out here.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
# ECB+ topics 36-45 are held out for evaluation: no benchmark reads them.
RESERVED_TOPICS = range(36, 46)


def load_texts(corpus: str, limit: int | None) -> list[dict]:
    if corpus == "ecbplus":
        path = SHARED / "ecbplus" / "ecbplus_docs_plaintext.jsonl"
        if not path.exists():
            sys.exit(f"skipped: ECB+ not found at {path}")
        rows = [row for row in map(json.loads, path.open(encoding="utf-8")) if row["topic"] not in RESERVED_TOPICS]
        records = [{"id": r["doc_id"], "title": r["sentences"][0][:200], "text": "\n\n".join(r["sentences"])} for r in rows]
    else:
        path = SHARED / "fnc1" / "train_bodies.csv"
        if not path.exists():
            sys.exit(f"skipped: FNC-1 bodies not found at {path}")
        csv.field_size_limit(10_000_000)
        with path.open(encoding="utf-8") as handle:
            records = [{"id": r["Body ID"], "text": r["articleBody"]} for r in csv.DictReader(handle)]
    return records[:limit] if limit else records


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * resource.getpagesize()
        except (OSError, IndexError, ValueError):
            continue
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in family) / 2**20


class PeakMemory(threading.Thread):
    """Samples the memory of this process tree until stopped; keeps the peak."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.25):
            self.peak = max(self.peak, tree_rss_mb(os.getpid()))


def child(side: str, stream: str, workers: int) -> None:
    with open(stream, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    sampler = PeakMemory()
    sampler.start()
    started = time.perf_counter()
    if side == "bare spaCy (n_process=2)":
        import spacy

        from rashomon.common.nlp import MODEL_PACKAGE

        nlp = spacy.load(MODEL_PACKAGE)
        for _ in nlp.pipe((r["text"] for r in records), batch_size=16, n_process=2):
            pass
    else:
        from rashomon.pipeline import ingest_into_store
        from rashomon.store.corpus import CorpusStore

        with tempfile.TemporaryDirectory() as folder, CorpusStore(Path(folder) / "bench.duckdb") as store:
            report = ingest_into_store([stream], store, batch_size=64, engine="ray" if "ray" in side else "local", workers=workers)
            assert report.added == report.read, report
    elapsed = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    stop_forkserver()
    print(json.dumps({"seconds": elapsed, "cpu_seconds": tree_cpu_seconds(), "peak_mb": sampler.peak}))


def stop_forkserver() -> None:
    """Stop and wait for the forkserver the local engine's workers were forked from, if one runs, so that its CPU time
    and its workers' (which it waited for) count among this process's children; the standard library has no public call
    for this."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()


def tree_cpu_seconds() -> float:
    """User and system CPU time of this process and of the children it has waited for (worker pools are joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_side(side: str, stream: str, workers: int) -> dict:
    """One side in its own child process; its wall seconds, CPU seconds and peak memory."""
    done = subprocess.run(
        [sys.executable, __file__, "--side", side, "--stream", stream, "--workers", str(workers)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"{side} failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["ecbplus", "fnc"], default="ecbplus")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of all sides; the median of each side counts")
    parser.add_argument("--sides", default="bare,local,ray", help="which of bare, local, ray to run (comma-separated)")
    parser.add_argument("--side")
    parser.add_argument("--stream")
    args = parser.parse_args()
    if args.side:
        child(args.side, args.stream, args.workers)
        return
    records = load_texts(args.corpus, args.limit)
    words = sum(len(r["text"].split()) for r in records)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    names = {
        "bare": "bare spaCy (n_process=2)",
        "local": f"rashomon ingest, local ({args.workers} workers)",
        "ray": f"rashomon ingest, ray ({args.workers} workers)",
    }
    wanted = [names[key] for key in ["bare", *[s for s in args.sides.split(",") if s != "bare"]]]
    rounds: list[dict[str, dict]] = []
    before = load_average()
    for _ in range(args.repeat):
        rounds.append({side: run_side(side, handle.name, args.workers) for side in wanted})
    after = load_average()
    Path(handle.name).unlink()
    print(f"{args.corpus}: {len(records)} articles, {words:,} words; median of {args.repeat} rounds")
    print(f"load average (1 / 5 / 15 min) on {os.cpu_count()} CPUs: {before} before, {after} after")
    header = f"{'side':<36} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'CPU s':>7} {'peak MB':>8}"
    print(f"{header} {'wall vs bare':>13} {'CPU vs bare':>12}")
    for side in wanted:
        seconds = statistics.median(r[side]["seconds"] for r in rounds)
        cpu = statistics.median(r[side]["cpu_seconds"] for r in rounds)
        peak = max(r[side]["peak_mb"] for r in rounds)
        wall_ratio = statistics.median(r[side]["seconds"] / r[wanted[0]]["seconds"] for r in rounds)
        cpu_ratio = statistics.median(r[side]["cpu_seconds"] / r[wanted[0]]["cpu_seconds"] for r in rounds)
        print(
            f"{side:<36} {seconds:>8.1f} {len(records) / seconds:>11.1f} {words / seconds:>9.0f} {cpu:>7.1f} {peak:>8.0f} "
            f"{wall_ratio:>12.2f}x {cpu_ratio:>11.2f}x"
        )
    if args.repeat > 1:
        print(
            "per round, wall vs bare: "
            + "; ".join(", ".join(f"{r[s]['seconds'] / r[wanted[0]]['seconds']:.2f}" for s in wanted[1:]) for r in rounds)
        )


if __name__ == "__main__":
    main()
