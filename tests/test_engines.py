"""Every engine runs the same per-article work as annotating in this process and returns the same result."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.align.embed import encoder, sentence_key
from rashomon.annotate import annotate_articles
from rashomon.clustering import lead_of
from rashomon.engines import BATCH, annotate_with, exit_when_orphaned, worker_context
from rashomon.model import Article
from rashomon.pipeline import assemble, ingest
from tests.helpers.paths import EXAMPLE, HOSTILE
from tests.helpers.stores import invented_report


def outputs(annotated) -> list[tuple]:
    return [(a.article.id, a.found.to_json(), a.normalized.text) for a in annotated]


def test_worker_processes_equal_this_process():
    articles = ingest([EXAMPLE, HOSTILE]).articles + [
        Article(source_path=f"stream.jsonl:{i}", **invented_report(i)) for i in range(2 * BATCH)
    ]
    here = outputs(annotate_articles(articles))
    pooled = list(annotate_with("local", articles, workers=2, lead_vectors=True))
    assert len(here) == len(articles) > 2 * BATCH
    assert outputs(pooled) == here
    leads = encoder().encode([lead_of(a.title, a.text) for a in articles])
    assert np.allclose(np.array([a.lead_embedding for a in pooled]), leads, atol=1e-4)


def test_workers_embed_the_claim_sentences_the_findings_step_embeds():
    articles = [Article(source_path=f"stream.jsonl:{i}", **invented_report(i)) for i in range(2 * BATCH + 1)]
    pooled = list(annotate_with("local", articles, workers=2, claim_vectors=True))
    claims = assemble(ingest(articles), pooled).claims
    assert claims and all(sentence_key(c.text) in pooled_vectors(pooled) for c in claims)
    expected = encoder().encode([sentence_key(c.text) for c in claims])
    assert np.allclose(np.array([pooled_vectors(pooled)[sentence_key(c.text)] for c in claims]), expected, atol=1e-4)


def test_workers_send_no_claim_vectors_unless_asked():
    articles = [Article(source_path=f"stream.jsonl:{i}", **invented_report(i)) for i in range(2 * BATCH + 1)]
    assert pooled_vectors(annotate_with("local", articles, workers=2)) == {}


def test_a_worker_lives_while_its_owner_holds_the_lifeline_and_exits_when_it_closes():
    """An owner killed with ``kill -9`` closes its end of the pipe the same way: the worker must not linger."""
    context = worker_context()
    lifeline, held_end = context.Pipe(duplex=False)
    worker = context.Process(target=exit_when_orphaned, args=(lifeline,))
    worker.start()
    lifeline.close()
    worker.join(timeout=2)
    assert worker.is_alive(), "the worker exited while its owner was alive"
    held_end.close()
    worker.join(timeout=30)
    assert worker.exitcode == 1


def pooled_vectors(annotated) -> dict:
    return {k: v for item in annotated for k, v in (item.claim_vectors or {}).items()}


def test_ray_engine_equals_local_engine():
    ray = pytest.importorskip("ray", reason="the Ray extra is not installed (pip install 'rashomon[ray]')")
    articles = ingest([EXAMPLE, HOSTILE]).articles
    local = outputs(annotate_with("local", articles, workers=1))
    try:
        remote = outputs(annotate_with("ray", articles, workers=2))
    finally:
        ray.shutdown()
    assert len(local) == len(articles) == 4
    assert remote == local


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        annotate_with("spark", [])
