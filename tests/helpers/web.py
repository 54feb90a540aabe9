"""The web UI on a loopback port, for tests that talk to it over HTTP."""

from __future__ import annotations

import socket
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
