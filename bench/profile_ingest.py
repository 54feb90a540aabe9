"""Where ``rashomon ingest`` into the store spends its time, stage by stage, on a sample of ECB+ or FNC-1.

    python bench/profile_ingest.py [--corpus ecbplus|fnc] [--articles 150] [--repeat 3]

Every step of :func:`rashomon.pipeline.ingest_into_store` is run by hand in one process, in the same order and on the
same batches, with a clock around each: reading the stream, each spaCy component and rashomon's extractors, the lead
embedding, what crosses between the worker processes and this one (the article sent as JSON, the result pickled back,
the annotations' JSON written in the worker and parsed here), the clustering features, placing in a story, the item
rows, the batched store writes, and the re-assignment at the end. Each stage is marked by where the engine runs it:
in the workers (on both cores) or in the driver (one process, beside the workers on the same two cores). The median of
``--repeat`` runs is printed (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_throughput import load_texts
from profile_analyze import Clock, annotate_timed

STORE_BATCH = 64


def runs_in(stage: str) -> str:
    """Where the local engine runs a stage: annotation (spaCy, the extractors) and what is marked so run in the workers."""
    return "driver" if stage.startswith("driver") else "worker"


def profile(stream: Path, folder: Path) -> Clock:
    from rashomon.align.embed import encoder
    from rashomon.annotate.types import DocAnnotations
    from rashomon.clustering import lead_of
    from rashomon.engines import BATCH, annotate_serialized_results, rebuild
    from rashomon.model import Article
    from rashomon.pipeline import ingest, story_features
    from rashomon.store import corpus
    from rashomon.store.corpus import CorpusStore

    clock = Clock()
    timed_item_rows = corpus.item_rows

    def item_rows(annotated, rows):
        clock.time("driver: item rows (records of one article)", timed_item_rows, annotated, rows)

    corpus.item_rows = item_rows
    try:
        articles = clock.time("driver: read the stream", ingest, [str(stream)], "drop").articles
        sent = clock.time("driver: article to JSON (to the worker)", lambda: [a.model_dump_json() for a in articles])
        clock.time("worker: article from JSON", lambda: [Article.model_validate_json(t) for t in sent])
        annotated = []
        for start in range(0, len(articles), BATCH):
            batch = annotate_timed(articles[start : start + BATCH], clock)
            leads = clock.time(
                "worker: lead embedding (MiniLM, 1 thread)",
                lambda b=batch: encoder(threads=1).encode([lead_of(a.article.title, a.article.text) for a in b]),
            )
            results = clock.time("worker: result serialisation", annotate_serialized_results, batch, leads, [None] * len(batch))
            wire = clock.time("worker: pickle the results", pickle.dumps, results)
            back = clock.time("driver: unpickle the results", pickle.loads, wire)
            annotated.extend(
                clock.time("driver: rebuild the records", lambda b=back, a=articles[start:]: [rebuild(x, r) for x, r in zip(a, b)])
            )
        clock.time("driver: annotations parsed (from_json, old path)", lambda: [DocAnnotations.from_json(a.found_json) for a in annotated])
        with CorpusStore(folder / "profile.duckdb") as store:
            for start in range(0, len(annotated), STORE_BATCH):
                pending = annotated[start : start + STORE_BATCH]
                features = clock.time("driver: clustering features", story_features, pending)
                placed = clock.time("driver: place in a story", lambda p=pending, f=features: [store.place(i, x) for i, x in zip(p, f)])
                clock.time("driver: store commit (rows, inserts)", store.commit, placed)
                store.release()
            clock.time("driver: re-assignment (refine)", store.refine_stories, 2, 0)
    finally:
        corpus.item_rows = timed_item_rows
    clock.seconds["driver: store commit (rows, inserts)"] -= clock.seconds["driver: item rows (records of one article)"]
    clock.cpu["driver: store commit (rows, inserts)"] -= clock.cpu["driver: item rows (records of one article)"]
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["ecbplus", "fnc"], default="ecbplus")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = load_texts(args.corpus, args.articles)
    from rashomon.align.embed import encoder
    from rashomon.annotate import load_nlp

    load_nlp(), encoder(threads=1)  # models load once, outside the clocks, as in a worker process
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "sample.jsonl"
        stream.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for index in range(args.repeat + 1):
            run_folder = Path(folder) / str(index)
            run_folder.mkdir()
            runs.append(profile(stream, run_folder))
    runs = runs[1:]  # the first run pays for imports and first calls
    stages = list(runs[0].seconds)
    wall = {stage: statistics.median(run.seconds.get(stage, 0.0) for run in runs) for stage in stages}
    cpu = {stage: statistics.median(run.cpu.get(stage, 0.0) for run in runs) for stage in stages}
    words = sum(len(r["text"].split()) for r in records)
    print(f"{args.corpus}: {len(records)} articles, {words:,} words; one process, median of {args.repeat}")
    print("| stage | wall s | CPU s | CPU share | ms per article |\n|---|---:|---:|---:|---:|")
    total = sum(cpu.values())
    for stage in stages:
        name = f"{runs_in(stage)}: {stage.removeprefix('driver: ').removeprefix('worker: ')}"
        share, per_article = cpu[stage] / total, 1000 * cpu[stage] / len(records)
        print(f"| {name} | {wall[stage]:.2f} | {cpu[stage]:.2f} | {share:.1%} | {per_article:.1f} |")
    for where in ("worker", "driver"):
        part = sum(v for k, v in cpu.items() if runs_in(k) == where)
        print(f"| **{where} total** | | **{part:.2f}** | {part / total:.1%} | {1000 * part / len(records):.1f} |")


if __name__ == "__main__":
    main()
