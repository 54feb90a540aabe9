"""What the store remembers about news feeds: each feed's validators for conditional requests, and the items seen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from rashomon.store.corpus import CorpusStore


def feed_validators(store: CorpusStore, url: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified the feed sent when it was last read whole, or (None, None)."""
    row = store.con.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def seen_items(store: CorpusStore, url: str, keys: Iterable[str]) -> set[str]:
    """Which of these item keys of a feed were handled by an earlier poll."""
    keys = list(keys)
    if not keys:
        return set()
    rows = store.con.execute(
        "SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN (SELECT unnest(?))", [url, keys]
    ).fetchall()
    return {row[0] for row in rows}


def remember_poll(store: CorpusStore, url: str, keys: list[str], validators: tuple[str | None, str | None] | None) -> None:
    """Record the items of a feed that were handled and, when every new item was, the feed's validators (one transaction)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if keys:
            con.executemany("INSERT OR IGNORE INTO feed_items VALUES (?, ?, ?)", [[url, key, now] for key in keys])
        if validators is not None:
            con.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?)", [url, *validators, now])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
