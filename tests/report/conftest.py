"""Report fixtures: the example's golden dossier, a hostile corpus analysed for real, a live UI server, a browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rashomon.model import Dossier
from tests.helpers.paths import HOSTILE, ROOT

ARTIFACTS = ROOT / "build" / "test-artifacts"


@pytest.fixture(scope="session")
def example_dossier() -> Dossier:
    """The bundled example's dossier as pinned by the golden file (its pipeline run is tested in test_pipeline)."""
    return Dossier.from_json((ROOT / "tests" / "golden" / "example_dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def hostile_dossier() -> Dossier:
    """Two invented reports whose title, outlet, URL and body carry script and markup injections."""
    import rashomon

    return rashomon.analyze(HOSTILE)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download); skips when it is not installed."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()
