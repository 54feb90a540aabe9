"""What the command line prints from input and from the names it was given is plain text: a file, folder, id or
outlet holding Rich markup such as ``[/x]`` is printed as it is (it used to end in a MarkupError traceback)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.store.corpus import CorpusStore
from tests.helpers.cli import run
from tests.helpers.paths import GOLDEN
from tests.helpers.stores import invented_report

STORY = "Storm hits port\n\nA storm forced the closure of the port on Monday, officials said, and at least 300 people were evacuated.\n"
WIDE = {"COLUMNS": "250", "TERMINAL_WIDTH": "250"}


@pytest.fixture(scope="module")
def marked_store(tmp_path_factory):
    """A store named with markup, holding one article whose id and outlet are markup."""
    from rashomon.pipeline import ingest_into_store

    folder = tmp_path_factory.mktemp("store")
    export = folder / "reports.jsonl"
    export.write_text(json.dumps(invented_report(0) | {"id": "[/x]", "outlet": "[bold]Wire[/bold]"}) + "\n", encoding="utf-8")
    (folder / "[").mkdir()
    path = folder / "[/x].duckdb"
    with CorpusStore(path) as store:
        ingest_into_store([export], store, workers=1)
    return path


def test_file_names_with_markup_are_named_as_they_are_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "[").mkdir()  # so that a path reads [/x]
    (tmp_path / "[/x].txt").write_text("", encoding="utf-8")
    (tmp_path / "[bold]b.txt").write_bytes(b"\x00\x01binary")
    done = run("analyze", str(tmp_path))
    assert done.exit_code == 3, done.output
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == ["Storm hits port"]
    assert done.stderr.startswith(f"{tmp_path / '[/x].txt'}: empty file\n{tmp_path / '[bold]b.txt'}: binary file (NUL bytes), not text\n")


def test_report_names_an_output_path_with_markup(tmp_path):
    out = tmp_path / "[/x].html"
    done = run("report", str(GOLDEN / "example_dossier.json"), "-o", str(out))
    assert (done.exit_code, done.stderr) == (0, f"wrote {out}\n")
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_export_names_a_folder_with_markup(marked_store, tmp_path):
    out = tmp_path / "[/x]"
    done = run("export", "--db", str(marked_store), "-o", str(out), "--format", "csv")
    written = sorted(out.iterdir())
    assert written
    assert (done.exit_code, done.stderr) == (0, f"wrote {len(written)} files to {out}\n")


def test_stats_and_stories_show_names_ids_and_outlets_as_they_are(marked_store):
    stats = CliRunner().invoke(app, ["stats", "--db", str(marked_store)], env=WIDE)
    assert stats.exit_code == 0, stats.output
    assert str(marked_store) in "".join(stats.stdout.split())  # the title is wrapped to the table's width
    stories = CliRunner().invoke(app, ["stories", "--db", str(marked_store), "--story", "s1"], env=WIDE)
    assert stories.exit_code == 0, stories.output
    assert "[bold]Wire[/bold]" in stories.stdout
    assert "reports.jsonl#[/x] " in stories.stdout  # the record id names the record


def test_demo_names_an_output_folder_with_markup(tmp_path):
    out = tmp_path / "[/x]"
    done = CliRunner().invoke(app, ["demo", "-o", str(out)], env=WIDE)
    assert done.exit_code == 0, done.output
    assert f"wrote {out / 'dossier.json'}, {out / 'dossier.md'} and {out / 'report.html'} (open it in a browser)" in done.stdout
    assert (out / "report.html").is_file()
