"""The Ray engine runs the same per-article work as the local engine and returns the same result."""

from __future__ import annotations

import pytest

from rashomon.annotate.engines import annotate_with
from rashomon.pipeline import ingest
from rashomon.store import codec
from tests.conftest import EXAMPLE
from tests.report.conftest import HOSTILE


def test_ray_engine_equals_local_engine():
    ray = pytest.importorskip("ray", reason="the Ray extra is not installed (pip install 'rashomon[ray]')")
    articles = ingest([EXAMPLE, HOSTILE]).articles
    local = [(a.article.id, codec.dumps(a.found), a.normalized.text) for a in annotate_with("local", articles)]
    try:
        remote = [(a.article.id, codec.dumps(a.found), a.normalized.text) for a in annotate_with("ray", articles, workers=2)]
    finally:
        ray.shutdown()
    assert len(local) == len(articles) == 4
    assert remote == local


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        annotate_with("spark", [])
