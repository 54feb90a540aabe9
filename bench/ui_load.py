"""Loopback load check of the web UI: bounded request count and duration, latency percentiles per route.

    python bench/ui_load.py [--dossier tests/golden/example_dossier.json] [--requests 2000] [--concurrency 8]

Starts ``rashomon serve`` on 127.0.0.1 in a child process, sends a fixed mix of
page, JSON and search requests with an async client (never to any address but
the loopback), stops after ``--requests`` requests or ``--max-seconds``, and
prints p50 / p90 / p99 latency per route with the static stylesheet as the
baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def routes(dossier: dict) -> dict[str, list[str]]:
    """Paths by route, drawn from the dossier so that every page exists."""
    actors = [a["id"] for a in dossier["actors"][:20]]
    articles = [a["id"] for a in dossier["articles"][:10]]
    findings = [f["id"] for f in dossier["findings"][:20]]
    quotes = [(q["article_id"], q["id"]) for q in dossier["quotes"][:20]]
    words = [a["name"].split()[-1] for a in dossier["actors"][:10]] or ["said"]
    return {
        "static css (baseline)": ["/static/report.css"],
        "index": ["/"],
        "actor page": [f"/actors/{quote(a, safe='')}" for a in actors],
        "article page + highlight": [f"/articles/{quote(a, safe='')}?hl={quote(q, safe='')}" for a, q in quotes]
        or [f"/articles/{quote(a, safe='')}" for a in articles],
        "finding page": [f"/findings/{quote(f, safe='')}" for f in findings],
        "search": [f"/search?q={quote(w)}" for w in words],
        "json: actor": [f"/api/actors/{quote(a, safe='')}" for a in actors],
        "json: search": [f"/api/search?q={quote(w)}" for w in words],
        "missing (404)": ["/actors/no-such-actor"],
    }


async def run_load(base: str, plan: list[tuple[str, str]], concurrency: int, max_seconds: float) -> tuple[dict, int, float]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = 0
    queue: asyncio.Queue = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    deadline = time.monotonic() + max_seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty() and time.monotonic() < deadline:
            route, path = queue.get_nowait()
            started = time.perf_counter()
            response = await client.get(base + path)
            latencies[route].append((time.perf_counter() - started) * 1000)
            expected = 404 if route.startswith("missing") else 200
            errors += response.status_code != expected

    started = time.monotonic()
    async with httpx.AsyncClient(timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossier", type=Path, default=ROOT / "tests" / "golden" / "example_dossier.json")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=120)
    args = parser.parse_args()

    dossier = json.loads(args.dossier.read_text(encoding="utf-8"))
    by_route = routes(dossier)
    plan = []
    while len(plan) < args.requests:
        for route, paths in by_route.items():
            plan.append((route, paths[len(plan) % len(paths)]))
    plan = plan[: args.requests]

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "serve", str(args.dossier), "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/static/report.css", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        httpx.get(base + "/", timeout=30)
        latencies, errors, elapsed = asyncio.run(run_load(base, plan, args.concurrency, args.max_seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)

    total = sum(len(v) for v in latencies.values())
    baseline = statistics.median(latencies["static css (baseline)"])
    print(
        f"dossier: {args.dossier.name} ({len(dossier['articles'])} articles, {len(dossier['actors'])} actors, "
        f"{len(dossier['quotes'])} quotes)"
    )
    print(f"{total} requests in {elapsed:.1f} s ({total / elapsed:.0f} req/s), concurrency {args.concurrency}, errors {errors}")
    print(f"{'route':<26} {'n':>5} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'p50 / baseline':>15}")
    for route, values in latencies.items():
        print(
            f"{route:<26} {len(values):>5} {percentile(values, 0.5):>8.1f} {percentile(values, 0.9):>8.1f} "
            f"{percentile(values, 0.99):>8.1f} {statistics.median(values) / baseline:>14.1f}x"
        )
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
