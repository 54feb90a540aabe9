"""Running the ``rashomon`` command: in-process through Typer's runner, or as a real process where one matters."""

from __future__ import annotations

import subprocess
import sys

from click.testing import Result
from typer.testing import CliRunner

from rashomon.cli import app


def run(*args: str, stdin: str | None = None) -> Result:
    """The command in this process (the code the installed command runs, without a process start per call)."""
    return CliRunner().invoke(app, list(args), input=stdin)


def run_process(*args: str, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    """The command as its own process: for what only a real process shows (a kill, a server, its real exit)."""
    return subprocess.run(
        [sys.executable, "-m", "rashomon.cli", *args], check=False, input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
    )
