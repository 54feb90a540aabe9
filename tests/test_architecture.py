"""The layers of docs/architecture.md hold: import-linter checks the contract in pyproject.toml over the whole package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers.paths import ROOT

PACKAGE = ROOT / "src" / "rashomon"


def lint_imports(source_root: Path, cwd: Path) -> subprocess.CompletedProcess:
    """import-linter with the project's contract over the package found under ``source_root``, in a fresh process
    (the package under test must be the one imported, not the one this process already holds)."""
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]
    options = ["--config", str(ROOT / "pyproject.toml"), "--no-cache"]
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(command + options, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_the_package_keeps_its_layers(tmp_path):
    done = lint_imports(ROOT / "src", tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 1 kept, 0 broken." in done.stdout


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path):
    copy = tmp_path / "src" / "rashomon"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.npz", "*.gz"))
    model = copy / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom rashomon.report import render  # noqa: E402\n", encoding="utf-8")
    done = lint_imports(tmp_path / "src", tmp_path)
    assert done.returncode == 1
    assert "Contracts: 0 kept, 1 broken." in done.stdout
    assert "rashomon.model -> rashomon.report" in done.stdout
