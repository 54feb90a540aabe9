"""``rashomon ingest`` as a user sees it: a progress bar on a terminal, one summary line at the end, ``--quiet`` for scripts."""

from __future__ import annotations

import io
import json

from rich.console import Console
from typer.testing import CliRunner

from rashomon.cli import app, ingesting
from tests.helpers.cli import run_process as rashomon
from tests.helpers.stores import invented_report


def reports(tmp_path, name: str, count: int):
    path = tmp_path / name
    path.write_text("".join(json.dumps(invented_report(i)) + "\n" for i in range(count)), encoding="utf-8")
    return path


def test_summary_line_then_quiet_rerun_with_a_diagnostic(tmp_path):
    store = str(tmp_path / "news.duckdb")
    first = rashomon("ingest", str(reports(tmp_path, "three.jsonl", 3)), "--db", store)
    assert first.returncode == 0
    assert first.stderr == (
        "committed: 3 articles in the store\nread 3, added 3, skipped 0 already stored, diagnostics 0, stories touched 3, stories total 3\n"
    )
    missing = str(tmp_path / "missing.txt")
    again = rashomon("ingest", str(reports(tmp_path, "four.jsonl", 4)), missing, "--db", store, "--quiet")
    assert again.returncode == 3
    assert again.stderr == (
        f"{missing}: no such file or folder\nread 4, added 1, skipped 3 already stored, diagnostics 1, stories touched 1, stories total 4\n"
    )


def test_nothing_new_touches_no_story(tmp_path):
    store = str(tmp_path / "news.duckdb")
    path = str(reports(tmp_path, "two.jsonl", 2))
    assert rashomon("ingest", path, "--db", store, "-q").returncode == 0
    done = rashomon("ingest", path, "--db", store, "-q")
    assert done.returncode == 0
    assert done.stderr == "read 2, added 0, skipped 2 already stored, diagnostics 0, stories touched 0, stories total 2\n"


def run_on_a_terminal(monkeypatch, *args: str) -> str:
    """Run ingest in this process with its stderr console acting as a terminal; what it drew."""
    screen = io.StringIO()
    monkeypatch.setattr(ingesting, "err", Console(file=screen, force_terminal=True, width=160))
    result = CliRunner().invoke(app, ["ingest", *args])
    assert result.exit_code == 0, result.output
    return screen.getvalue()


def test_terminal_shows_bars_with_total_rate_and_eta(tmp_path, monkeypatch):
    drawn = run_on_a_terminal(monkeypatch, str(reports(tmp_path, "five.jsonl", 5)), "--db", str(tmp_path / "news.duckdb"), "--batch", "2")
    for step in ("reading", "annotating", "re-assigning"):
        assert step in drawn
    assert "5/5" in drawn and "articles/s" in drawn and "eta" in drawn
    assert "committed:" not in drawn, "a terminal gets the bar, not one line per batch"
    assert drawn.rstrip().endswith("read 5, added 5, skipped 0 already stored, diagnostics 0, stories touched 5, stories total 5")


def test_quiet_draws_no_bar_even_on_a_terminal(tmp_path, monkeypatch):
    drawn = run_on_a_terminal(monkeypatch, str(reports(tmp_path, "two.jsonl", 2)), "--db", str(tmp_path / "news.duckdb"), "--quiet")
    assert drawn == "read 2, added 2, skipped 0 already stored, diagnostics 0, stories touched 2, stories total 2\n"
