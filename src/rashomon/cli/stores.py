"""The commands that read or reshape a corpus store: ``refine``, ``stats``, ``stories`` and ``export``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.base import err, fail, shown
from rashomon.cli.common import open_store
from rashomon.errors import StoreError


def refine(
    db: Annotated[Path, typer.Option("--db", help="The corpus store.")],
    passes: Annotated[int, typer.Option(help="Re-assignment passes over the stored articles (stops early when nothing moves).")] = 2,
) -> None:
    """Re-assign every stored article to the story it now fits best (undoes early wrong merges of the online pass)."""
    if passes < 1:
        fail("--passes must be at least 1")
    if not db.exists():
        raise StoreError(f"{db}: no such store")
    with open_store(db) as store:
        moved, stories = store.refine_stories(passes)
    err.print(f"articles moved between stories: {moved}; stories now: {stories}", highlight=False)


def stats(
    db: Annotated[Path, typer.Option("--db", help="The corpus store.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object, for scripts.")] = False,
) -> None:
    """Summarise a corpus store."""
    with open_store(db, read_only=True) as store:
        counts = store.stats()
    if as_json:
        import json

        sys.stdout.write(json.dumps(counts, ensure_ascii=False) + "\n")
        return
    table = Table(title=shown(db), show_header=False)
    for key, value in counts.items():
        table.add_row(key.replace("_", " "), f"{value:,}" if isinstance(value, int) else str(value or ""))
    Console().print(table)


def stories(
    db: Annotated[Path, typer.Option("--db", help="The corpus store.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story per line.")] = False,
    story: Annotated[str | None, typer.Option("--story", help="Show one story's articles.")] = None,
) -> None:
    """List the stories of a corpus store (largest first), or one story's articles."""
    import json

    with open_store(db, read_only=True) as store:
        found = store.stories()
    if story is not None:
        found = [s for s in found if s["id"] == story]
        if not found:
            fail(f"{db}: no story with id {story!r}")
    if as_json:
        for item in found:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    table = Table(show_header=True)
    for column in ("story", "articles", "outlets", "title"):
        table.add_column(column)
    for item in found:
        outlets = sorted({a["outlet"] for a in item["articles"] if a["outlet"]})[:4]
        if unknown := sum(1 for a in item["articles"] if not a["outlet"]):
            outlets.append(f"unknown outlet ({unknown} article{'s' if unknown > 1 else ''})")
        table.add_row(shown(item["id"]), str(len(item["articles"])), shown(", ".join(outlets)), shown((item["title"] or "")[:90]))
        if story is not None:
            for article in item["articles"]:
                table.add_row("", shown(article["id"]), shown(article["outlet"] or "unknown outlet"), shown(article["source_path"]))
    Console().print(table)


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"


def export(
    db: Annotated[Path, typer.Option("--db", help="The corpus store.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the exported files.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="parquet or csv.")] = ExportFormat.parquet,
) -> None:
    """Export articles, mentions, quotes, numbers, claims, stories, actors and findings as Parquet or CSV."""
    with open_store(db, read_only=True) as store:
        try:
            written = store.export(output, fmt.value)
        except OSError as error:
            fail(f"{output}: cannot write: {error.strerror}")
    err.print(f"wrote {len(written)} files to {shown(output)}", highlight=False, soft_wrap=True)
