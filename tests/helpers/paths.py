"""Where the test data lives."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "seed-event"
GOLDEN = ROOT / "tests" / "golden"
# Two invented reports whose title, outlet, URL and body carry script and markup injections.
HOSTILE = ROOT / "tests" / "report" / "fixtures" / "hostile"
