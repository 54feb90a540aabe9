"""Shared fixtures: the spaCy pipeline, loaded once (paths and other helpers are in tests/helpers)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Strict mode: an exception inside an extractor fails the test instead of becoming an internal-error diagnostic.
os.environ["RASHOMON_STRICT"] = "1"


@pytest.fixture(scope="session")
def nlp():
    from rashomon.annotate import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    """Run the full rashomon pipeline on a short text and return the doc."""
    from rashomon.ingest.text import normalize_text

    def run(text: str):
        return nlp(normalize_text(text).text)

    return run
