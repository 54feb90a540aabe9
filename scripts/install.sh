#!/usr/bin/env bash
# Create .venv and install rashomon with its pinned dependencies (CPU only, no model downloads at run time).
# Everything rashomon needs at run time is a declared dependency or package data, so this is `pip install .` with the
# project's pins and its test, web and Ray extras.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -c constraints.txt -e ".[test,web,ray]"
