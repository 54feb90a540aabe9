"""Store fixtures: a stream of small invented reports about several events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.stores import invented_report


@pytest.fixture()
def stream_file(tmp_path) -> Path:
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(invented_report(i)) + "\n" for i in range(60)), encoding="utf-8")
    return path
