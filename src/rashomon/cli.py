"""The ``rashomon`` command line: analyse articles into a dossier, or run the bundled demo."""

from __future__ import annotations

import os
import re
import sys
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, NoReturn, Self

import typer
from click import Context
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from typer.core import TyperGroup

from rashomon.errors import EXIT_CODES, INTERNAL, PARTIAL, InputError, InternalError, PackageError, RashomonError, StoreError
from rashomon.model import Dossier

os.environ.setdefault("HF_HUB_OFFLINE", "1")
err = Console(stderr=True)


class Commands(TyperGroup):
    """rashomon's commands, with the one place that turns an error a user can act on into its line and exit status."""

    def invoke(self, ctx: Context):
        try:
            return super().invoke(ctx)
        except InternalError:
            raise  # a bug keeps its traceback
        except RashomonError as error:
            err.print(f"[bold red]rashomon:[/] {shown(error)}", highlight=False, soft_wrap=True)
            raise typer.Exit(error.exit_code) from None


class PlainHelp:
    """--help in plain words: on/off flags show no ``<bool>`` type, a list shows its item type as ``<str>...``, and help
    text is taken literally (Typer reads it as Rich markup, which would drop the ``[ray]`` of ``rashomon[ray]``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.help = escape(self.help) if self.help else self.help
        for param in self.params:
            plain_param_help(param)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as error:
            error.message = plain_value_error(error)
            raise


def plain_value_error(error: typer.BadParameter) -> str:
    """An invalid option value said in plain words: Typer passes on Pydantic's wording ("Input should be a valid
    integer, unable to parse string as an integer", "Value error, ...")."""
    from pydantic import ValidationError

    cause = error.__cause__
    if not isinstance(cause, ValidationError) or not cause.errors():
        return error.message
    first = cause.errors()[0]
    value, kind = first.get("input"), first["type"]
    if kind.startswith("int_"):
        return f"{value!r} is not a whole number."
    if kind.startswith("float_"):
        return f"{value!r} is not a number."
    return str(first["msg"]).removeprefix("Value error, ")


def plain_param_help(param) -> None:
    """One parameter's help and type shown as :class:`PlainHelp` says."""
    if getattr(param, "help", None):
        param.help = escape(param.help)
    if param.nargs != 1 and isinstance(param, typer.core.TyperArgument):
        item = (getattr(param.type_descriptor.annotation, "__args__", None) or (str,))[0]
        param.display_type_rich = lambda ctx, label=f"<{item.__name__}>": label
    elif param.metavar is None and getattr(param, "is_flag", False):
        param.metavar = ""


class PlainHelpCommand(PlainHelp, typer.core.TyperCommand):
    pass


class PlainHelpGroup(PlainHelp, Commands):
    pass


class RashomonTyper(typer.Typer):
    """Typer whose commands show their help in plain words (see :class:`PlainHelp`)."""

    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", PlainHelpCommand)
        return super().command(*args, **kwargs)


app = RashomonTyper(
    cls=PlainHelpGroup,
    add_completion=False,
    no_args_is_help=True,
    help="Reconstruct one news event from many reports of it.",
    epilog="Exit status: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + ".",
    context_settings={"help_option_names": ["-h", "--help"]},
)
# C0 and C1 control characters, escape sequences included (ESC, CSI, OSC), as they could reach the terminal from input.
TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


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

    from rashomon.ingest.readers import DEFAULT_LIMITS, parse_size

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


def show_version(asked: bool) -> None:
    """``--version``: the installed version, then stop."""
    if asked:
        from importlib.metadata import version

        sys.stdout.write(f"rashomon {version('rashomon')}\n")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Reconstruct one news event from many reports of it."""


class Format(str, Enum):
    json = "json"
    md = "md"
    html = "html"


def shown(text: object) -> str:
    """Text from input as the terminal should show it: no control or escape sequences, no Rich markup."""
    return escape(TERMINAL_CONTROLS.sub("", str(text)))


def fail(message: str) -> NoReturn:
    """Stop with a one-line error about the arguments or the input (exit status 2)."""
    raise InputError(message)


def example_dir() -> Path:
    """The bundled example corpus: in the installed package, else in the source checkout."""
    packaged = resources.files("rashomon").joinpath("examples", "seed-event")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "examples" / "seed-event"
    if checkout.is_dir():
        return checkout
    raise PackageError("the bundled example corpus is missing from this installation")


def run_analysis(paths: list[str], fetcher=None, limits=None) -> Dossier:
    """Analyse with a progress bar (articles done / total, rate) on the terminal; files are held to ``limits`` (a
    :class:`ReadLimits`; the defaults when None)."""
    from rashomon.ingest.readers import DEFAULT_LIMITS
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


@app.command()
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


def web_fetcher(allow_private: bool, ignore_robots: bool):
    """The downloader for URL inputs, under the safety policy the options chose."""
    from rashomon.ingest.web import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy(allow_private=allow_private, respect_robots=not ignore_robots))


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


def open_store(path: Path, read_only: bool = False):
    """The corpus store at ``path`` (a store that cannot be opened raises a one-line ``StoreError``)."""
    from rashomon.store.corpus import CorpusStore

    if path.is_dir():
        fail(f"{path}: is a folder; give the store's file name, e.g. {path / 'news.duckdb'}")
    return CorpusStore(path, read_only=read_only)


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
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
    from rashomon.pipeline import ingest_into_store

    limits = read_limits(max_file_size, max_export_size, max_record_size)
    if batch < 1:
        fail("--batch must be at least 1")
    if workers is not None and workers < 1:
        fail("--workers must be at least 1")
    if feeds:
        if paths:
            fail("give either PATHS or --feed URL, not both")
        options = {"batch_size": batch, "engine": engine.value, "workers": workers, "refine": refine}
        follow_feeds(feeds, db, every, web_fetcher(allow_private, ignore_robots), options)
        return
    if every is not None:
        fail("--every polls feeds: give it with --feed URL")
    if not paths:
        fail("give the articles to add (files, folders, URLs or -), or --feed URL")
    with open_store(db) as store, web_fetcher(allow_private, ignore_robots) as fetcher, IngestBar(quiet) as bar:
        before = store.article_count()
        report = ingest_into_store(
            paths,
            store,
            batch_size=batch,
            engine=engine.value,
            workers=workers,
            refine=refine,
            fetcher=fetcher,
            limits=limits,
            progress=bar.hooks(before),
        )
    for diagnostic in report.diagnostics:
        err.print(f"[yellow]{shown(diagnostic.source_path)}[/]: {shown(diagnostic.message)}", highlight=False, soft_wrap=True)
    err.print(ingest_summary(report), highlight=False, soft_wrap=True)
    exit_by_diagnostics(report.diagnostics)


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


@app.command()
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
    from rashomon.ingest.readers import IngestResult
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


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
def report(
    dossier_path: Annotated[Path, typer.Argument(metavar="DOSSIER.json", help="A dossier written by rashomon analyze.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
) -> None:
    """Render a dossier as one self-contained HTML file (opens offline, runs no script)."""
    write_text(output, render(read_dossier(dossier_path), Format.html))
    err.print(f"wrote {shown(output)}", highlight=False, soft_wrap=True)


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


@app.command()
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
    if source is not None and source.suffix == ".duckdb" and db is None:
        source, db = None, source
    if (source is None) == (db is None):
        fail("give a DOSSIER.json, or --db STORE")
    if story is not None and db is None:
        fail("--story goes with --db STORE")
    number = serve_port(port)
    names = [check_allowed_host(name) for name in allow_host or []]
    sock = listening_socket(host, number)
    if db is not None:
        application = store_app(db, story, [host, *names])
    else:
        application = create_app(read_dossier(source), allowed_hosts=[host, *names])
    if not is_loopback(host):
        err.print(
            f"rashomon: warning: --host {shown(host)} makes the dossier visible to the network: "
            "anyone who can reach this machine can read it",
            highlight=False,
            soft_wrap=True,
        )
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    served = db if source is None else source
    err.print(f"rashomon: serving {shown(served)} at http://{shown(shown_host)}:{number}/ (Ctrl+C stops)", highlight=False, soft_wrap=True)
    uvicorn.Server(uvicorn.Config(application, log_level="warning")).run(sockets=[sock])


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


@app.command()
def schema(output: Annotated[Path | None, typer.Option("-o", "--output")] = None) -> None:
    """Print (or write) the dossier's JSON Schema."""
    import json

    from rashomon.report.schema import dossier_schema

    text = json.dumps(dossier_schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
