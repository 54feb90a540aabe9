"""``rashomon serve``: a dossier or a whole store in the local web UI, with the host, port and allowed-host checks a
served page needs first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rashomon.cli.base import err, fail, shown
from rashomon.cli.common import open_store, read_dossier
from rashomon.errors import PackageError


def serve_port(text: str) -> int:
    """The --port value as a TCP port number, or a one-line error."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        fail(f"--port must be a whole number from 1 to 65535, not {text!r}")
    return int(text)


def listening_socket(host: str, port: int):
    """A socket bound to ``host:port`` and listening, or a one-line error (a busy port says so).

    Bound here, before the dossier is read, so that a busy port is the first thing said; the web server then
    serves on this very socket, leaving no moment in which another process could take the port.
    """
    import errno
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as error:
        fail(f"cannot listen on {host}:{port}: {getattr(error, 'strerror', None) or error}")
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is already in use; choose another with --port")
        fail(f"cannot listen on {host}:{port}: {error.strerror}")
    return sock


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (a loopback address, or localhost)."""
    import ipaddress

    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_allowed_host(name: str) -> str:
    """An --allow-host value: a host name or address, or a ``*.domain`` pattern; else a one-line error."""
    bare = name.removeprefix("*.")
    if not bare or "*" in bare or any(c in bare for c in "/ @?#") or bare.count(":") == 1:
        fail(f"--allow-host takes a host name or address (or *.domain), without a port: not {name!r}")
    return name


def serve(
    source: Annotated[
        Path | None,
        typer.Argument(metavar="DOSSIER.json", help="A dossier written by rashomon analyze (or give a store with --db)."),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Browse this corpus store: every story, a search, JSON twins; read-only, also while ingest runs."),
    ] = None,
    story: Annotated[str | None, typer.Option("--story", help="With --db: show only this story.")] = None,
    host: Annotated[str, typer.Option(help="Address to bind; the default keeps the UI on this machine.")] = "127.0.0.1",
    port: Annotated[str, typer.Option(help="Port to listen on (1-65535).")] = "8765",
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="HOST",
            help="Another name clients may use for this server in their Host header (repeatable); loopback names and --host always work.",
        ),
    ] = None,
) -> None:
    """Browse a dossier, or a whole corpus store, in a local, read-only web UI."""
    try:
        import uvicorn

        from rashomon.report.web import create_app
    except ImportError as error:
        raise PackageError("the web UI needs the 'web' extra: pip install 'rashomon[web]'") from error
    source, db = served_source(source, db, story)
    number = serve_port(port)
    names = [check_allowed_host(name) for name in allow_host or []]
    sock = listening_socket(host, number)
    if db is not None:
        application = store_app(db, story, [host, *names])
    else:
        application = create_app(read_dossier(source), allowed_hosts=[host, *names])
    announce(db if source is None else source, host, number)
    uvicorn.Server(uvicorn.Config(application, log_level="warning")).run(sockets=[sock])


def served_source(source: Path | None, db: Path | None, story: str | None) -> tuple[Path | None, Path | None]:
    """(dossier, store): exactly one of them, a ``.duckdb`` argument taken as the store; else a one-line error."""
    if source is not None and source.suffix == ".duckdb" and db is None:
        source, db = None, source
    if (source is None) == (db is None):
        fail("give a DOSSIER.json, or --db STORE")
    if story is not None and db is None:
        fail("--story goes with --db STORE")
    return source, db


def announce(served: Path, host: str, port: int) -> None:
    """The line saying what is served where, after a warning when the host lets the network in."""
    if not is_loopback(host):
        err.print(
            f"rashomon: warning: --host {shown(host)} makes the dossier visible to the network: "
            "anyone who can reach this machine can read it",
            highlight=False,
            soft_wrap=True,
        )
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    err.print(f"rashomon: serving {shown(served)} at http://{shown(shown_host)}:{port}/ (Ctrl+C stops)", highlight=False, soft_wrap=True)


def store_app(db: Path, story: str | None, allowed_hosts: list[str]):
    """The UI over a store (read-only): every story, or with ``story`` that one story's dossier; a one-line error for a bad store."""
    from rashomon.store.corpus import StoreError

    if db.is_dir():
        fail(f"{db}: is a folder; give the store's file name, e.g. {db / 'news.duckdb'}")
    if story is None:
        from rashomon.browse import create_store_app

        try:
            return create_store_app(db, allowed_hosts)
        except StoreError as error:
            fail(str(error))
    from rashomon.pipeline import analyze_story
    from rashomon.report.web import create_app

    with open_store(db, read_only=True) as store:
        try:
            dossier = analyze_story(store, story)
        except StoreError as error:
            fail(str(error))
    return create_app(dossier, allowed_hosts=allowed_hosts)
