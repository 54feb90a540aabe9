"""Report fixtures: the example's golden dossier, a hostile corpus analysed for real, a live UI server, a browser."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from rashomon.model import Dossier
from tests.conftest import ROOT

HERE = Path(__file__).parent
HOSTILE = HERE / "fixtures" / "hostile"
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def live_server(dossier: Dossier) -> Iterator[str]:
    """The web UI on a loopback port in a background thread; yields its base URL."""
    import uvicorn

    from rashomon.report.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(dossier), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the UI server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


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
