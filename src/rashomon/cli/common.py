"""What several commands share: the options for fetching and read limits, opening a store, reading a dossier,
writing a file, printing diagnostics and the exit status they set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rashomon.cli.base import err, fail
from rashomon.errors import INTERNAL, PARTIAL
from rashomon.model import Dossier

AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Also fetch URLs on loopback, private and other non-public addresses.")]


IgnoreRobots = Annotated[bool, typer.Option("--ignore-robots", help="Also fetch pages that a site's robots.txt disallows.")]


MaxFileSize = Annotated[
    str | None,
    typer.Option(
        "--max-file-size", metavar="SIZE", help="Refuse a text or HTML file larger than this: 500kB, 20MB, 1GiB... (default 5MB)."
    ),
]


MaxExportSize = Annotated[
    str | None,
    typer.Option(
        "--max-export-size", metavar="SIZE", help="Refuse a JSONL/JSON/CSV export or standard input larger than this (default 2GB)."
    ),
]


MaxRecordSize = Annotated[
    str | None,
    typer.Option(
        "--max-record-size", metavar="SIZE", help="Refuse a record of an export longer than this, in characters (default 5MB: 5 million)."
    ),
]


def read_limits(max_file_size: str | None, max_export_size: str | None, max_record_size: str | None):
    """The read limits the --max-*-size options set (the others left at their defaults), or a one-line error."""
    from dataclasses import replace

    from rashomon.ingest.inputs import DEFAULT_LIMITS, parse_size

    chosen = {}
    for field, option, value in (
        ("document_bytes", "--max-file-size", max_file_size),
        ("export_bytes", "--max-export-size", max_export_size),
        ("record_chars", "--max-record-size", max_record_size),
    ):
        if value is not None:
            try:
                chosen[field] = parse_size(value)
            except ValueError:
                fail(f"{option} takes a size from 1 byte to 1PB such as 500kB, 20MB or 1GiB, not {value!r}")
    return replace(DEFAULT_LIMITS, **chosen)


def web_fetcher(allow_private: bool, ignore_robots: bool):
    """The downloader for URL inputs, under the safety policy the options chose."""
    from rashomon.ingest.web import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy(allow_private=allow_private, respect_robots=not ignore_robots))


def open_store(path: Path, read_only: bool = False):
    """The corpus store at ``path`` (a store that cannot be opened raises a one-line ``StoreError``)."""
    from rashomon.store.corpus import CorpusStore

    if path.is_dir():
        fail(f"{path}: is a folder; give the store's file name, e.g. {path / 'news.duckdb'}")
    return CorpusStore(path, read_only=read_only)


def write_text(path: Path, text: str) -> None:
    """Write a file, or stop with a one-line error naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{path}: cannot write: {error.strerror}")


def read_dossier(path: Path) -> Dossier:
    """A dossier JSON file, or a one-line error naming the file and the problem."""
    from pydantic import ValidationError

    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except IsADirectoryError:
        fail(f"{path}: is a folder, not a dossier JSON file")
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text, so not a dossier JSON file")
    except OSError as error:
        fail(f"{path}: cannot read: {error.strerror}")
    try:
        return Dossier.from_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        fail(f"{path}: not a rashomon dossier ({error.error_count()} problem(s); first at {where}: {first['msg']})")
    raise AssertionError


def exit_by_diagnostics(diagnostics: list) -> None:
    """After the output is written: exit with status 1 (``INTERNAL``) when an extractor failed on some article (a bug,
    each named by its ``internal`` diagnostic), else 3 (``PARTIAL``) when the run left some inputs out, so that scripts
    can tell either from a clean run."""
    if bugs := sum(1 for d in diagnostics if d.stage == "internal"):
        err.print(
            f"rashomon: {bugs} internal error(s) in rashomon's extractors, named above; the output holds the rest (please report it)",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(INTERNAL)
    if any(d.stage == "ingest" for d in diagnostics):
        raise typer.Exit(PARTIAL)
