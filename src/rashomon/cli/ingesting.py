"""The commands that fill a corpus store: ``ingest`` (files, URLs or feeds, with its progress bars) and ``fetch``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Self

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from rashomon.cli.base import err, fail, shown
from rashomon.cli.common import (
    AllowPrivate,
    IgnoreRobots,
    MaxExportSize,
    MaxFileSize,
    MaxRecordSize,
    exit_by_diagnostics,
    open_store,
    read_limits,
    web_fetcher,
    write_text,
)


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive), http(s) URLs or - for standard input; JSONL with one article per line."),
    ] = None,
    db: Annotated[Path, typer.Option("--db", help="The corpus store (a DuckDB file, created if missing).")] = ...,
    batch: Annotated[int, typer.Option(help="Articles per committed transaction.")] = 32,
    engine: Annotated[
        Engine, typer.Option(help="local (worker processes on this machine) or ray (Ray Data actor pool; needs rashomon[ray]).")
    ] = Engine.local,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes or Ray actors (default: one per CPU here, or the Ray cluster's CPUs).")
    ] = None,
    refine: Annotated[bool, typer.Option(help="Re-assign the articles of the stories this run touched once all are in.")] = True,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
    feeds: Annotated[
        list[str] | None,
        typer.Option("--feed", metavar="URL", help="An RSS or Atom feed: its items not seen before are fetched and added (repeatable)."),
    ] = None,
    every: Annotated[
        str | None, typer.Option(metavar="DURATION", help="With --feed: poll again every 30s, 10m, 1h... until Ctrl-C.")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="For scripts: no progress bar; only diagnostics and the summary line.")
    ] = False,
    max_file_size: MaxFileSize = None,
    max_export_size: MaxExportSize = None,
    max_record_size: MaxRecordSize = None,
) -> None:
    """Add articles, their annotations and their stories to a corpus store; already stored articles are skipped.

    Other rashomon commands (serve, stories, stats) can read the store while this runs."""
    limits = read_limits(max_file_size, max_export_size, max_record_size)
    check_sizes(batch, workers)
    options = {"batch_size": batch, "engine": engine.value, "workers": workers, "refine": refine}
    if feeds:
        if paths:
            fail("give either PATHS or --feed URL, not both")
        follow_feeds(feeds, db, every, web_fetcher(allow_private, ignore_robots), options)
        return
    if every is not None:
        fail("--every polls feeds: give it with --feed URL")
    if not paths:
        fail("give the articles to add (files, folders, URLs or -), or --feed URL")
    report = ingest_paths(paths, db, (allow_private, ignore_robots), limits, quiet, options)
    for diagnostic in report.diagnostics:
        err.print(f"[yellow]{shown(diagnostic.source_path)}[/]: {shown(diagnostic.message)}", highlight=False, soft_wrap=True)
    err.print(ingest_summary(report), highlight=False, soft_wrap=True)
    exit_by_diagnostics(report.diagnostics)


def check_sizes(batch: int, workers: int | None) -> None:
    """``--batch`` and ``--workers`` are at least 1, or a one-line error."""
    if batch < 1:
        fail("--batch must be at least 1")
    if workers is not None and workers < 1:
        fail("--workers must be at least 1")


def ingest_paths(paths: list[str], db: Path, fetch_policy: tuple[bool, bool], limits, quiet: bool, options: dict):
    """Files, folders, URLs or ``-`` into the store, under the progress bars; the pipeline's ingest report.

    ``fetch_policy`` is (allow_private, ignore_robots); ``options`` the pipeline's batch size, engine, workers and refine.
    """
    from rashomon.pipeline import ingest_into_store

    with open_store(db) as store, web_fetcher(*fetch_policy) as fetcher, IngestBar(quiet) as bar:
        before = store.article_count()
        return ingest_into_store(paths, store, fetcher=fetcher, limits=limits, progress=bar.hooks(before), **options)


def ingest_summary(report) -> str:
    """The one line that ends an ingest: what was read, what was new, what was left out, and the stories."""
    return (
        f"read {report.read}, added {report.added}, skipped {report.already_stored} already stored, "
        f"diagnostics {len(report.diagnostics)}, stories touched {report.stories_touched}, stories total {report.stories_total}"
    )


class IngestBar:
    """``ingest``'s progress on a terminal: one bar per step (reading, annotating, re-assigning) with total, rate and ETA.

    Without a terminal (a log file) each committed batch is one line instead; ``quiet`` shows neither.
    """

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.progress = Progress(
            TextColumn("[bold]{task.description:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=quiet or not err.is_terminal,
        )

    def __enter__(self) -> Self:
        self.progress.__enter__()
        self.reading = self.progress.add_task("reading", total=None, rate="")
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def advance(self, task, completed: int, total: int | None = None, unit: str = "articles") -> None:
        """Move a bar to ``completed`` and show its rate per second."""
        self.progress.update(task, completed=completed, total=total if total is not None else self.progress.tasks[task].total)
        elapsed = self.progress.tasks[task].elapsed or 0
        if elapsed:
            self.progress.update(task, rate=f"{completed / elapsed:.1f} {unit}/s")

    def hooks(self, stored_before: int):
        """The pipeline's progress callbacks, feeding the bars (and the per-batch lines off a terminal)."""
        from rashomon.pipeline import IngestProgress

        tasks: dict[str, object] = {}
        annotated = [0]

        def on_read(count: int) -> None:
            self.progress.update(self.reading, total=count, completed=count)
            tasks["annotate"] = self.progress.add_task("annotating", total=count, rate="")

        def on_annotated(_) -> None:
            annotated[0] += 1
            self.advance(tasks["annotate"], annotated[0])

        def on_batch(report) -> None:
            if not self.quiet and not err.is_terminal:
                err.print(f"committed: {stored_before + report.added} articles in the store", highlight=False)

        def on_refine(done: int, total: int) -> None:
            if "refine" not in tasks:
                tasks["refine"] = self.progress.add_task("re-assigning", total=total, rate="")
            self.advance(tasks["refine"], done, total)

        return IngestProgress(on_read=on_read, on_annotated=on_annotated, on_batch=on_batch, on_refine=on_refine)


def follow_feeds(feeds: list[str], db: Path, every: str | None, fetcher, options: dict) -> None:
    """``ingest --feed``: the feeds' new items into the store, once or every ``every`` until Ctrl-C."""
    from rashomon.watch import parse_duration, watch_feeds

    try:
        interval = parse_duration(every) if every is not None else None
    except ValueError:
        fail(f"--every: give a duration such as 30s, 10m or 1h, not {every!r}")
    diagnostics: list = []

    def on_round(done) -> None:
        report = done.ingest
        for diagnostic in report.diagnostics:
            err.print(f"[yellow]{shown(diagnostic.source_path)}[/]: {shown(diagnostic.message)}", highlight=False, soft_wrap=True)
        diagnostics.extend(report.diagnostics)
        unchanged = f", {done.not_modified} feed(s) unchanged" if done.not_modified else ""
        stopped = " (interrupted: what was fetched is committed)" if done.interrupted else ""
        err.print(
            f"feeds: {done.new_items} new item(s){unchanged}; added {report.added}, already stored {report.already_stored}{stopped}",
            highlight=False,
        )

    with open_store(db) as store, fetcher:
        if interval is not None:
            err.print(f"polling {len(feeds)} feed(s) every {every}; Ctrl+C stops", highlight=False)
        watch_feeds(feeds, store, fetcher, every=interval, on_round=on_round, **options)
    exit_by_diagnostics(diagnostics)


def fetch(
    urls: Annotated[list[str], typer.Argument(metavar="URL", help="http(s) addresses of news articles.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Folder for the articles: one text file each (metadata on top), raw pages in .raw/."),
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Add the articles to this corpus store instead (like rashomon ingest).")] = None,
    allow_private: AllowPrivate = False,
    ignore_robots: IgnoreRobots = False,
) -> None:
    """Download articles from the web: title, author, date, site name and main text (robots.txt honoured, private
    addresses refused)."""
    if (output is None) == (db is None):
        fail("give -o FOLDER or --db STORE")
    if db is not None:
        ingest(urls, db, allow_private=allow_private, ignore_robots=ignore_robots)
        return
    from rashomon.ingest.inputs import IngestResult
    from rashomon.ingest.web import is_url, read_url
    from rashomon.model import Diagnostic

    result = IngestResult()
    with web_fetcher(allow_private, ignore_robots) as fetcher:
        for url in urls:
            if is_url(url):
                result.extend(read_url(url, fetcher))
            else:
                result.diagnostics.append(Diagnostic(source_path=url, stage="ingest", message="not an http(s) URL"))
    for diagnostic in result.diagnostics:
        err.print(f"[yellow]{shown(diagnostic.source_path)}[/]: {shown(diagnostic.message)}", highlight=False, soft_wrap=True)
    if not result.articles:
        fail("no article fetched (see the diagnostics above)")
    for article in result.articles:
        write_fetched(article, output)
    err.print(f"wrote {len(result.articles)} article(s) to {shown(output)}", highlight=False, soft_wrap=True)
    exit_by_diagnostics(result.diagnostics)


def write_fetched(article, folder: Path) -> None:
    """An article as a text file that rashomon reads back as it was (metadata lines on top), and its raw page beside
    it in the hidden .raw/ folder (which reading the folder skips)."""
    from urllib.parse import urlsplit

    name = f"{urlsplit(article.url or article.source_path).hostname or 'web'}-{article.id}"
    meta = {
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "fetched": article.fetched_at,
    }
    head = "".join(f"{key}: {' '.join(value.split())}\n" for key, value in meta.items() if value)
    write_text(folder / f"{name}.txt", f"---\n{head}---\n\n{article.text}\n")
    if article.raw_html is not None:
        write_text(folder / ".raw" / f"{name}.html", article.raw_html)
