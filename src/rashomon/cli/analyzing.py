"""The commands that make a dossier and render it: ``analyze``, ``demo``, ``report`` and ``schema``."""

from __future__ import annotations

import os
import sys
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rashomon.cli.base import err, fail, shown
from rashomon.cli.common import (
    AllowPrivate,
    IgnoreRobots,
    MaxExportSize,
    MaxFileSize,
    MaxRecordSize,
    exit_by_diagnostics,
    open_store,
    read_dossier,
    read_limits,
    web_fetcher,
    write_text,
)
from rashomon.errors import PackageError
from rashomon.model import Dossier


class Format(str, Enum):
    json = "json"
    md = "md"
    html = "html"


def example_dir() -> Path:
    """The bundled example corpus: in the installed package, else in the source checkout."""
    packaged = resources.files("rashomon").joinpath("examples", "seed-event")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "examples" / "seed-event"
    if checkout.is_dir():
        return checkout
    raise PackageError("the bundled example corpus is missing from this installation")


def run_analysis(paths: list[str], fetcher=None, limits=None) -> Dossier:
    """Analyse with a progress bar (articles done / total, rate) on the terminal; files are held to ``limits`` (a
    :class:`ReadLimits`; the defaults when None)."""
    from rashomon.ingest.inputs import DEFAULT_LIMITS
    from rashomon.pipeline import analyze

    with Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("analyse", total=None, rate="")

        def on_ingested(ingested) -> None:
            progress.update(task, total=len(ingested.articles))

        def on_done(_) -> None:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            if elapsed:
                progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:.1f} articles/s")

        dossier = analyze(paths, on_done=on_done, on_ingested=on_ingested, fetcher=fetcher, limits=limits or DEFAULT_LIMITS)
    for diagnostic in dossier.diagnostics:
        err.print(f"[yellow]{shown(diagnostic.source_path)}[/]: {shown(diagnostic.message)}", highlight=False, soft_wrap=True)
    return dossier


def summary_table(dossier: Dossier) -> Table:
    """The short summary printed after a run."""
    table = Table(title="rashomon dossier", show_header=True)
    for column in ("articles", "actors", "quotes", "numbers", "claims", "findings", "diagnostics"):
        table.add_column(column, justify="right")
    table.add_row(
        *(str(len(getattr(dossier, name))) for name in ("articles", "actors", "quotes", "numbers", "claims", "findings", "diagnostics"))
    )
    return table


def render(dossier: Dossier, fmt: Format) -> str:
    from rashomon.report import render as render_report

    return render_report(dossier, fmt.value)


def analyze(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive), http(s) URLs or - for standard input.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of standard output.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="json, md or html.")] = Format.json,
    db: Annotated[Path | None, typer.Option("--db", help="Analyse a story of this corpus store instead of files.")] = None,
    story: Annotated[str | None, typer.Option("--story", help="The story id (see rashomon stories).")] = None,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    max_file_size: MaxFileSize = None,
    max_export_size: MaxExportSize = None,
    max_record_size: MaxRecordSize = None,
) -> None:
    """Analyse articles about one event (or one stored story) into a dossier."""
    limits = read_limits(max_file_size, max_export_size, max_record_size)
    if db is not None or story is not None:
        if paths or db is None or story is None:
            fail("give either PATHS, or --db STORE with --story ID")
        from rashomon.pipeline import analyze_story

        with open_store(db, read_only=not os.access(db, os.W_OK)) as store:
            dossier = analyze_story(store, story)
    else:
        if not paths:
            fail("give the articles to analyse (files, folders or -), or --db STORE --story ID")
        with web_fetcher(allow_private, ignore_robots) as fetcher:
            dossier = run_analysis(paths, fetcher, limits)
    if not dossier.articles:
        fail("no usable article in the input (see the diagnostics above)")
    text = render(dossier, fmt)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        write_text(output, text + "\n")
    err.print(summary_table(dossier))
    exit_by_diagnostics(dossier.diagnostics)


def demo(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the demo's dossier.")] = Path("rashomon-demo"),
) -> None:
    """Analyse the bundled example and write dossier.json, dossier.md and report.html."""
    dossier = run_analysis([str(example_dir())])
    write_text(output / "dossier.json", render(dossier, Format.json) + "\n")
    write_text(output / "dossier.md", render(dossier, Format.md) + "\n")
    write_text(output / "report.html", render(dossier, Format.html))
    Console().print(summary_table(dossier))
    written = ", ".join(shown(output / name) for name in ("dossier.json", "dossier.md"))
    Console().print(f"wrote {written} and {shown(output / 'report.html')} (open it in a browser)", soft_wrap=True)


def report(
    dossier_path: Annotated[Path, typer.Argument(metavar="DOSSIER.json", help="A dossier written by rashomon analyze.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
) -> None:
    """Render a dossier as one self-contained HTML file (opens offline, runs no script)."""
    write_text(output, render(read_dossier(dossier_path), Format.html))
    err.print(f"wrote {shown(output)}", highlight=False, soft_wrap=True)


def schema(output: Annotated[Path | None, typer.Option("-o", "--output")] = None) -> None:
    """Print (or write) the dossier's JSON Schema."""
    import json

    from rashomon.report.schema import dossier_schema

    text = json.dumps(dossier_schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
