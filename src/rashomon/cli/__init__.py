"""The ``rashomon`` command line: analyse articles into a dossier, fill and browse a corpus store, or run the bundled demo.

One module per command group (analysing, ingesting, stores, serving) over :mod:`rashomon.cli.base`, which holds the
Typer app; the commands are registered here, in the order ``rashomon --help`` lists them.
"""

from __future__ import annotations

from rashomon.cli.analyzing import analyze, demo, example_dir, report, schema
from rashomon.cli.base import app, plain_value_error, shown
from rashomon.cli.ingesting import fetch, ingest
from rashomon.cli.serving import serve
from rashomon.cli.stores import export, refine, stats, stories

__all__ = ["app", "example_dir", "main", "plain_value_error", "shown"]

for command in (analyze, ingest, fetch, refine, stats, stories, export, demo, report, serve, schema):
    app.command()(command)


def main() -> None:
    """The ``rashomon`` script's entry point."""
    app()
