"""Golden files: output pinned on purpose, rewritten only with RASHOMON_UPDATE_GOLDEN=1 (say why in the commit)."""

from __future__ import annotations

import os

from tests.helpers.paths import GOLDEN

UPDATE = os.environ.get("RASHOMON_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"golden file {path} missing: run with RASHOMON_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; rerun with RASHOMON_UPDATE_GOLDEN=1 if the change is intended"
    )
