"""``rashomon serve``: exact one-line messages (in this process), and real server processes on loopback ports."""

from __future__ import annotations

import socket

import httpx
import pytest

from tests.helpers.cli import run
from tests.helpers.paths import ROOT
from tests.helpers.web import free_port, serving, stop

GOLDEN = str(ROOT / "tests" / "golden" / "example_dossier.json")


@pytest.mark.parametrize("value", ["0", "65536", "abc", "-1", "80.5", ""])
def test_invalid_port_is_one_line(value):
    done = run("serve", GOLDEN, "--port", value)
    assert done.exit_code == 2
    assert done.stderr == f"rashomon: --port must be a whole number from 1 to 65535, not {value!r}\n"


def test_busy_port_is_said_before_anything_else(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # the dossier is missing too, but the busy port comes first
        done = run("serve", str(tmp_path / "missing.json"), "--port", str(port))
    assert done.exit_code == 2
    assert done.stderr == f"rashomon: port {port} on 127.0.0.1 is already in use; choose another with --port\n"


def test_bad_allow_host_is_one_line():
    done = run("serve", GOLDEN, "--allow-host", "news.lan:8080", "--port", str(free_port()))
    assert done.exit_code == 2
    assert done.stderr == "rashomon: --allow-host takes a host name or address (or *.domain), without a port: not 'news.lan:8080'\n"


def test_loopback_serve_prints_no_warning_and_checks_the_host_header():
    port = free_port()
    process, lines = serving(GOLDEN, "--port", str(port), "--allow-host", "news.lan")
    try:
        assert lines == [f"rashomon: serving {GOLDEN} at http://127.0.0.1:{port}/ (Ctrl+C stops)"]
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/api/").status_code == 200
        assert httpx.head(f"{base}/").status_code == 200
        assert httpx.get(f"{base}/api/", headers={"host": "news.lan"}).status_code == 200
        assert httpx.get(f"{base}/api/", headers={"host": "attacker.example"}).status_code == 400
    finally:
        stop(process)


def test_non_loopback_host_warns_that_the_network_can_read_it():
    port = free_port()
    process, lines = serving(GOLDEN, "--host", "0.0.0.0", "--port", str(port))
    try:
        assert lines == [
            "rashomon: warning: --host 0.0.0.0 makes the dossier visible to the network: anyone who can reach this machine can read it",
            f"rashomon: serving {GOLDEN} at http://0.0.0.0:{port}/ (Ctrl+C stops)",
        ]
        assert httpx.get(f"http://127.0.0.1:{port}/api/", headers={"host": f"0.0.0.0:{port}"}).status_code == 200
    finally:
        stop(process)
