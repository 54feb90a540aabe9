"""Shared fixtures: the spaCy pipeline (loaded once) and paths to shared datasets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# Strict mode: an exception inside an extractor fails the test instead of becoming an internal-error diagnostic.
os.environ["RASHOMON_STRICT"] = "1"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "seed-event"


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


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared dataset missing: {path}")
    return path
