"""The web UI on a loopback port, for tests that talk to it over HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rashomon.model import Dossier


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


def serving(*args: str, until: str = "serving") -> tuple[subprocess.Popen, list[str]]:
    """Start ``rashomon serve`` and read its stderr up to the line containing ``until``; the caller stops it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "serve", *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if until in line:
            return process, lines
    process.kill()
    raise AssertionError(f"serve did not start: {lines}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)
    process.stderr.close()


def seed_story(client) -> dict:
    """The largest story of a served store (the bundled example's), as its index lists it."""
    return client.get("/api/").json()["stories"][0]
