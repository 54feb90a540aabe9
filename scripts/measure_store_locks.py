"""Measure how ``serve``-style readers fare while an ``ingest`` fills the same store (docs/browsing.md).

First, DuckDB's own rule: what another process may open while a writer, or a reader, holds a file, and what an
open costs. Then starts ``rashomon ingest`` of N invented reports in another process and, until it ends, opens the
store read-only again and again as ``serve`` does for each request (one short visit reading the story index),
recording each visit's latency and every failure. Then times the same ingest alone, as the baseline.

    .venv/bin/python scripts/measure_store_locks.py [N] [BATCH]
"""

from __future__ import annotations

import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from rashomon.store.corpus import CorpusStore, StoreError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.helpers.stores import invented_report  # the tests' own invented stream


def hold(path: str, read_only: bool, ready, done) -> None:
    """Hold the file open (read-only or for writing) until told to stop."""
    connection = duckdb.connect(path, read_only=read_only)
    ready.set()
    done.wait()
    connection.close()


def try_open(path: str, read_only: bool) -> str:
    try:
        duckdb.connect(path, read_only=read_only).close()
        return "ok"
    except duckdb.Error as error:
        return "fails (" + str(error).splitlines()[0][:60] + "...)"


def lock_matrix(folder: Path) -> None:
    """Print what another process can open while a writer or a reader holds a file, and the cost of an open."""
    path = str(folder / "probe.duckdb")
    connection = duckdb.connect(path)
    connection.execute("CREATE TABLE t AS SELECT range AS i, repeat('x', 200) AS s FROM range(200000)")
    connection.close()
    for read_only, holder in ((False, "a writer"), (True, "a reader")):
        ready, done = multiprocessing.Event(), multiprocessing.Event()
        process = multiprocessing.Process(target=hold, args=(path, read_only, ready, done))
        process.start()
        ready.wait()
        print(f"while {holder} holds the file: read-only open {try_open(path, True)}; write open {try_open(path, False)}")
        done.set()
        process.join()
    started = time.perf_counter()
    for _ in range(20):
        duckdb.connect(path, read_only=True).close()
    print(f"read-only open + close: {(time.perf_counter() - started) / 20 * 1000:.0f} ms")


def ingest(stream: Path, store: Path, batch: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "rashomon.cli", "ingest", str(stream), "--db", str(store), "--batch", str(batch), "--quiet"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


def main(count: int = 120, batch: int = 8) -> None:
    folder = Path(tempfile.mkdtemp(prefix="rashomon-locks-"))
    lock_matrix(folder)
    stream = folder / "stream.jsonl"
    stream.write_text("".join(json.dumps(invented_report(i)) + "\n" for i in range(count)), encoding="utf-8")
    store = folder / "news.duckdb"
    started = time.perf_counter()
    writer = ingest(stream, store, batch)
    visits, failures, seen = [], [], set()
    while writer.poll() is None:
        if not store.exists():
            time.sleep(0.05)
            continue
        begun = time.perf_counter()
        try:
            with CorpusStore(store, read_only=True, check=False) as reader:
                seen.add(reader.article_count())
                reader.story_index()
            visits.append(time.perf_counter() - begun)
        except StoreError as error:
            failures.append(str(error))
        time.sleep(0.02)
    with_readers = time.perf_counter() - started
    summary = writer.stderr.read().strip().splitlines()[-1]
    alone_store = folder / "alone.duckdb"
    started = time.perf_counter()
    alone = ingest(stream, alone_store, batch)
    alone.wait()
    alone_s = time.perf_counter() - started
    visits.sort()
    print(f"ingest of {count} articles, batches of {batch}: {summary}")
    print(f"reader visits during the ingest: {len(visits)}, failed: {len(failures)}, distinct article counts seen: {len(seen)}")
    if visits:
        p95 = visits[int(0.95 * (len(visits) - 1))]
        print(f"visit latency ms: median {statistics.median(visits) * 1000:.0f}, p95 {p95 * 1000:.0f}, max {visits[-1] * 1000:.0f}")
    print(f"ingest wall time with readers {with_readers:.1f} s, alone {alone_s:.1f} s (ratio {with_readers / alone_s:.2f})")
    for failure in failures[:3]:
        print("failure:", failure)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
