"""Where the per-article work runs: worker processes on this machine, or a Ray cluster.

Every engine runs the same function, :func:`annotate_serialized`, over batches of
articles and returns the same :class:`AnnotatedArticle` records in input order,
so everything downstream is identical whichever engine did the work. The
workers also embed each article's lead when asked, so that the one costly step
the store adds to annotation runs in parallel too.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

import numpy as np

from rashomon.align.embed import encoder, sentence_key
from rashomon.annotate import MAX_ANALYSED_CHARS, AnnotatedArticle, annotate_articles, load_nlp
from rashomon.annotate.types import DocAnnotations
from rashomon.clustering import lead_of
from rashomon.errors import PackageError
from rashomon.ingest.text import NormalizedText
from rashomon.model import Article

ENGINES = ("local", "ray")
BATCH = 16
BATCHES_AHEAD_PER_WORKER = 3


def claim_sentences(item: AnnotatedArticle) -> list[str]:
    """The claim sentences of an article as the findings step embeds them (cut from the original text, like the records)."""
    return [sentence_key(item.article.text[slice(*item.normalized.original_span(h.start, h.end))]) for h in item.found.claims]


def annotate_serialized(article_jsons: list[str], lead_vectors: bool = False, claim_vectors: bool = False) -> list[dict]:
    """The per-article work on a batch: annotations (as stored JSON) and, if asked, the embeddings of the lead and of the
    claim sentences (numpy arrays: pickled as they are, no JSON)."""
    articles = [Article.model_validate_json(text) for text in article_jsons]
    annotated = list(annotate_articles(articles))
    leads: list = [None] * len(annotated)
    if lead_vectors and annotated:
        leads = list(encoder(threads=1).encode([lead_of(a.article.title, a.article.text) for a in annotated]))
    claims: list = [None] * len(annotated)
    if claim_vectors and annotated:
        sentences = [claim_sentences(item) for item in annotated]
        flat = iter(encoder(threads=1).encode([s for article in sentences for s in article]))
        claims = [(article, np.stack([next(flat) for _ in article])) if article else None for article in sentences]
    return annotate_serialized_results(annotated, leads, claims)


def annotate_serialized_results(annotated: list[AnnotatedArticle], leads: list, claims: list) -> list[dict]:
    """What a worker sends back for each article: what :func:`rebuild` needs, in a form that pickles cheaply."""
    return [
        {
            "found": item.found.to_json(),
            "lead": None if lead is None else [float(x) for x in lead],
            "text": item.normalized.text,
            "origin": list(item.normalized.origin),
            "claims": claim,
        }
        for item, lead, claim in zip(annotated, leads, claims)
    ]


def rebuild(article: Article, result: dict) -> AnnotatedArticle:
    """An annotated article from the result a worker sent back."""
    normalized = NormalizedText(result["text"], tuple(result["origin"]), len(article.text[:MAX_ANALYSED_CHARS]))
    sentences, vectors = result.get("claims") or ((), ())
    return AnnotatedArticle(
        article,
        normalized,
        DocAnnotations.from_json(result["found"]),
        lead_embedding=result["lead"],
        found_json=result["found"],
        claim_vectors=dict(zip(sentences, vectors)),
    )


def prepare_worker(lifeline: Connection | None = None) -> None:
    """Load the models once per worker process; given the read end of the pool owner's ``lifeline`` pipe, a worker
    whose owner died (``kill -9`` included) exits instead of lingering."""
    if lifeline is not None:
        threading.Thread(target=exit_when_orphaned, args=(lifeline,), daemon=True).start()
    load_nlp()


def exit_when_orphaned(lifeline: Connection) -> None:
    """Wait for the end of a pipe nobody writes to: it comes when the owner's end closes, i.e. when the owner exits.

    Not the worker's parent process: that is the forkserver, which outlives the owner while any worker holds the
    descriptor it watches (every forked worker gets one), so the two would wait for each other."""
    try:
        lifeline.recv_bytes()
    except EOFError:
        pass
    os._exit(1)


def worker_context() -> BaseContext:
    """How worker processes start: forked from a forkserver that has imported rashomon (spaCy, numpy, ONNX Runtime).

    Importing is most of a worker's start-up (~1.4 s of CPU of ~2 s, measured; docs/benchmarks.md, issue 12), and a
    spawned worker pays it again each time. The forkserver pays it once and forks each worker from a process that holds
    only imported modules: no open store, no ONNX Runtime session, and no threads but OpenBLAS's idle pool, which
    OpenBLAS stops across a fork itself (forking this process instead, with DuckDB's and ONNX Runtime's threads, is not
    safe). The models are still loaded after the fork: preloading the spaCy model in the forkserver too measured no
    faster, and an ONNX Runtime session is not made to be used across a fork."""
    context = get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def annotate_in_processes(
    articles: list[Article], workers: int, lead_vectors: bool = False, claim_vectors: bool = False
) -> Iterator[AnnotatedArticle]:
    """Annotate on a pool of worker processes, a bounded number of batches in flight, results in input order."""
    batches = [articles[start : start + BATCH] for start in range(0, len(articles), BATCH)]
    context = worker_context()
    lifeline, held_end = context.Pipe(duplex=False)
    with (
        lifeline,
        held_end,
        ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=prepare_worker, initargs=(lifeline,)) as pool,
    ):
        in_flight: deque[tuple[list[Article], Future]] = deque()
        upcoming = iter(batches)

        def submit_next() -> None:
            batch = next(upcoming, None)
            if batch is not None:
                in_flight.append(
                    (batch, pool.submit(annotate_serialized, [a.model_dump_json() for a in batch], lead_vectors, claim_vectors))
                )

        for _ in range(workers * BATCHES_AHEAD_PER_WORKER):
            submit_next()
        while in_flight:
            batch, future = in_flight.popleft()
            results = future.result()
            submit_next()
            for article, result in zip(batch, results):
                yield rebuild(article, result)


class RayAnnotator:
    """A Ray Data actor: loads the models once per worker, then annotates batches of articles."""

    def __init__(self, lead_vectors: bool = False) -> None:
        prepare_worker()
        self.lead_vectors = lead_vectors

    def __call__(self, batch: dict) -> dict:
        import json

        results = annotate_serialized(list(batch["article"]), self.lead_vectors)
        return {"article": list(batch["article"]), "result": [json.dumps(r) for r in results]}


def annotate_with_ray(articles: list[Article], workers: int | None = None, lead_vectors: bool = False) -> Iterator[AnnotatedArticle]:
    """Annotate through Ray Data with a pool of actors; joins a running cluster (RAY_ADDRESS) or starts a local one."""
    import json

    try:
        import ray
    except ImportError as error:
        raise PackageError("the Ray engine needs the 'ray' extra: pip install 'rashomon[ray]'") from error
    if not articles:
        return
    if not ray.is_initialized():
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = ray.data.from_items([{"article": a.model_dump_json()} for a in articles])
    annotated = dataset.map_batches(
        RayAnnotator,
        fn_constructor_kwargs={"lead_vectors": lead_vectors},
        batch_size=BATCH,
        compute=ray.data.ActorPoolStrategy(size=size),
        num_cpus=1,
    )
    # Rows come back in order (preserve_order), and the article itself is taken from here, not from the JSON the actors
    # saw: that leaves out what a dossier does not carry (a fetched article's raw page), which the store keeps.
    for article, row in zip(articles, annotated.iter_rows(), strict=True):
        yield rebuild(article, json.loads(row["result"]))


def default_workers() -> int:
    """One worker per CPU this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def annotate_with(
    engine: str, articles: list[Article], workers: int | None = None, lead_vectors: bool = False, claim_vectors: bool = False
) -> Iterable[AnnotatedArticle]:
    """The annotated articles, in input order, from the chosen engine.

    ``local`` runs worker processes (one per CPU unless ``workers`` says otherwise) and stays in
    this process when one worker is asked for or the input is a single batch.
    """
    if engine == "local":
        size = workers or default_workers()
        if size <= 1 or len(articles) <= BATCH:
            return annotate_articles(articles)
        return annotate_in_processes(articles, size, lead_vectors, claim_vectors)
    if engine == "ray":
        return annotate_with_ray(articles, workers, lead_vectors)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
