"""Measure how ``serve``-style readers fare while an ``ingest`` fills the same store (docs/browsing.md).

Starts ``rashomon ingest`` of N invented reports in another process and, until it ends, opens the store
read-only again and again as ``serve`` does for each request (one short visit reading the story index),
recording each visit's latency and every failure. Then times the same ingest alone, as the baseline.

    .venv/bin/python scripts/measure_store_locks.py [N] [BATCH]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rashomon.store.corpus import CorpusStore, StoreError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.store.conftest import invented_report  # the tests' own invented stream


def ingest(stream: Path, store: Path, batch: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "rashomon.cli", "ingest", str(stream), "--db", str(store), "--batch", str(batch), "--quiet"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


def main(count: int = 120, batch: int = 8) -> None:
    folder = Path(tempfile.mkdtemp(prefix="rashomon-locks-"))
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
