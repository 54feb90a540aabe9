"""Stores for tests: a stream of small invented reports, and a check that a store's rows agree."""

from __future__ import annotations

import json

import duckdb

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


def consistent(path) -> tuple[int, int]:
    """(articles, duplicates) after checking every article has all its rows and its item rows match its annotations."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        for table in ("annotations", "article_features", "story_articles"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == articles, table
        blobs = con.execute("SELECT data FROM annotations").fetchall()
        assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == sum(len(json.loads(b[0])["quotes"]) for b in blobs)
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == sum(len(json.loads(b[0])["claims"]) for b in blobs)
        duplicates = con.execute("SELECT count(*) - count(DISTINCT text) FROM articles").fetchone()[0]
        return articles, duplicates
    finally:
        con.close()


# How many invented reports the browse store holds beside the bundled example (one story each).
INVENTED = 5


def dated_report(index: int) -> dict:
    """An invented fire report published on day ``index + 1`` of a month."""
    return {**invented_report(index), "published": f"2026-03-{index + 1:02d}T10:00:00"}


def browse_store(folder):
    """A store in ``folder`` holding the bundled example (one story of two reports) and ``INVENTED`` dated reports."""
    from rashomon.cli import example_dir
    from rashomon.pipeline import ingest_into_store
    from rashomon.store.corpus import CorpusStore

    stream = folder / "fires.jsonl"
    stream.write_text("".join(json.dumps(dated_report(i)) + "\n" for i in range(INVENTED)), encoding="utf-8")
    path = folder / "news.duckdb"
    with CorpusStore(path) as opened:
        ingest_into_store([example_dir(), stream], opened, workers=1)
    return path
