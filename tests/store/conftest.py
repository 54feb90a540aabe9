"""Store fixtures: a stream of small invented reports about several events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PLACES = ["Kilbride", "Brackley", "Corran", "Dunmore", "Ellery", "Fenwick", "Garston", "Halden", "Ilford", "Jessop"]
PEOPLE = [
    "Nadia Brooks",
    "Piotr Zielinski",
    "Grace Mwangi",
    "Omar Haddad",
    "Lena Fischer",
    "Raj Patel",
    "Ana Costa",
    "Ken Ito",
    "Eva Novak",
    "Sam Olsen",
]


def invented_report(index: int) -> dict:
    """A short, distinct report: a fire in one of ten towns, each told by its own official."""
    place, person = PLACES[index % 10], PEOPLE[index % 10]
    text = (
        f"A fire destroyed {10 + index} homes in {place} on Sunday, officials said.\n\n"
        f'"We have never seen anything like it," said {person}, the mayor of {place}. '
        f"{person} said at least {3 + index % 7} people were taken to hospital and report number {index} was filed.\n\n"
        f"Firefighters from neighbouring districts helped to bring the blaze under control after {2 + index % 5} hours."
    )
    return {"id": f"r{index}", "title": f"Fire in {place} ({index})", "outlet": f"Outlet {index % 4}", "text": text}


@pytest.fixture()
def stream_file(tmp_path) -> Path:
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(invented_report(i)) + "\n" for i in range(60)), encoding="utf-8")
    return path
