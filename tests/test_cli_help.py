"""Every command's ``--help`` in plain words, and invalid option values said without Pydantic's wording."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from rashomon.cli import app

COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)
WIDE = {"COLUMNS": "250", "TERMINAL_WIDTH": "250"}


def help_of(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_checked():
    assert {"analyze", "ingest", "serve", "stories", "stats", "fetch", "export", "refine", "demo", "report", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=lambda c: " ".join(c) or "rashomon")
def test_help_has_no_python_types(command):
    shown = help_of(*command)
    assert "Show this message and exit." in shown
    for noise in ("<bool>", "list[", "<list", "[[", "]]"):
        assert noise not in shown, noise


def test_brackets_in_help_text_survive():
    assert "needs rashomon[ray])" in help_of("ingest")


def test_flags_show_no_type_and_values_keep_theirs():
    shown = help_of("ingest")
    quiet = next(line for line in shown.splitlines() if "--quiet" in line)
    batch = next(line for line in shown.splitlines() if "--batch" in line)
    assert "<" not in quiet and "<int>" in batch


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "x.txt", "--db", "n.duckdb", "--batch", "abc"], "Invalid value for '--batch': 'abc' is not a whole number."),
        (["refine", "--db", "n.duckdb", "--passes", "1.5"], "Invalid value for '--passes': '1.5' is not a whole number."),
        (["ingest", "x.txt", "--db", "n.duckdb", "--engine", "foo"], "Invalid value for '--engine': 'foo' is not one of 'local', 'ray'."),
        (
            ["export", "--db", "n.duckdb", "-o", "out", "--format", "tsv"],
            "Invalid value for '--format': 'tsv' is not one of 'parquet', 'csv'.",
        ),
    ],
)
def test_invalid_values_in_plain_words(args, message):
    result = CliRunner().invoke(app, args, env=WIDE)
    assert result.exit_code == 2
    assert message in result.output
    for pydantic in ("Input should", "Value error", "unable to parse"):
        assert pydantic not in result.output


def test_other_bad_parameters_keep_their_message():
    """The negative twin: an error that did not come from Pydantic is passed on as it was."""
    from rashomon.cli import plain_value_error

    assert plain_value_error(typer.BadParameter("must be at least 1")) == "must be at least 1"
