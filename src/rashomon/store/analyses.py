"""Story analyses kept beside a store, for a reader that must never write to the store itself (``serve --db``).

Analysing a story takes seconds, and the web UI opens the store read-only, so it keeps what it computed in a cache
file next to the DuckDB file (``news.duckdb`` -> ``news.duckdb.analyses.sqlite``). The cache is SQLite, from Python's
standard library, because it gives atomic writes and many readers and writers across processes (two servers on one
store), which a folder of JSON files would have to build by hand. Each entry is a story's dossier with its finding
counts, keyed by the story's id and a hash of its articles' ids, and marked with the rashomon version and dossier
schema that made it: an entry whose articles differ is out of date (the index says so), one made by another version is
not used. Where the file cannot be created or written (a read-only folder) the cache is off: nothing is kept and no
error reaches the user, who only waits for the analysis again.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import zlib
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from pydantic import ValidationError

from rashomon.model import SCHEMA_VERSION, Dossier

CACHE_SUFFIX = ".analyses.sqlite"
# Seconds a cache read or write waits for another process's write to finish: a write holds one compressed dossier
# (well under a second), and a cache that stays busy longer is skipped, not waited for.
CACHE_WAIT = 2.0
TABLE = """
CREATE TABLE IF NOT EXISTS analyses (
    story_id TEXT PRIMARY KEY, members TEXT NOT NULL, articles INTEGER NOT NULL, made_by TEXT NOT NULL,
    disputed INTEGER NOT NULL, corroborated INTEGER NOT NULL, dossier BLOB NOT NULL
)
"""
log = logging.getLogger("rashomon.store.analyses")


def members_key(article_ids: Iterable[str]) -> str:
    """A story's articles as one short key: the same articles, in the same order, give the same key."""
    return hashlib.sha256("\n".join(article_ids).encode("utf-8")).hexdigest()


def made_by() -> str:
    """What made an analysis: rashomon's version and the dossier schema (an entry from another is not used)."""
    return f"{version('rashomon')}/{SCHEMA_VERSION}"


def finding_counts(dossier: Dossier) -> dict[str, int]:
    """How many findings of a dossier are disputed and how many corroborated (what the store's index shows)."""
    kinds = [finding.kind for finding in dossier.findings]
    return {"disputed": kinds.count("disputed"), "corroborated": kinds.count("corroborated")}


@dataclass(frozen=True)
class CachedCounts:
    """A cached analysis's finding counts, with the articles it was made from (its key and how many)."""

    members: str
    articles: int
    findings: dict[str, int]


class AnalysisCache:
    """The analyses cache of the store at ``store_path``; every failure to read or write it is logged and ignored."""

    def __init__(self, store_path: Path) -> None:
        self.path = store_path.with_name(store_path.name + CACHE_SUFFIX)

    def reading(self) -> sqlite3.Connection | None:
        """The cache opened read-only, or None when there is none (or it cannot be read)."""
        if not self.path.is_file():
            return None
        try:
            return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=CACHE_WAIT)
        except sqlite3.Error as error:
            log.warning("analyses cache %s not read: %s", self.path, error)
            return None

    def counts(self) -> dict[str, CachedCounts]:
        """Every story's cached finding counts (made by this rashomon), by story id."""
        con = self.reading()
        if con is None:
            return {}
        with closing(con):
            try:
                rows = con.execute(
                    "SELECT story_id, members, articles, disputed, corroborated FROM analyses WHERE made_by = ?", [made_by()]
                ).fetchall()
            except sqlite3.Error as error:
                log.warning("analyses cache %s not read: %s", self.path, error)
                return {}
        return {row[0]: CachedCounts(row[1], row[2], {"disputed": row[3], "corroborated": row[4]}) for row in rows}

    def dossier(self, story_id: str, members: str) -> Dossier | None:
        """The cached dossier of a story made from exactly the articles ``members`` names, else None."""
        con = self.reading()
        if con is None:
            return None
        with closing(con):
            try:
                row = con.execute(
                    "SELECT dossier FROM analyses WHERE story_id = ? AND members = ? AND made_by = ?", [story_id, members, made_by()]
                ).fetchone()
            except sqlite3.Error as error:
                log.warning("analyses cache %s not read: %s", self.path, error)
                return None
        if row is None:
            return None
        try:
            return Dossier.model_validate_json(zlib.decompress(row[0]))
        except (zlib.error, ValidationError) as error:
            log.warning("analyses cache %s: story %s not read: %s", self.path, story_id, error)
            return None

    def keep(self, story_id: str, members: str, articles: int, dossier: Dossier) -> bool:
        """Keep a story's analysis (replacing the story's earlier one); False when the cache cannot be written."""
        counts = finding_counts(dossier)
        blob = zlib.compress(dossier.model_dump_json().encode("utf-8"))
        try:
            with closing(sqlite3.connect(self.path, timeout=CACHE_WAIT)) as con, con:
                con.execute(TABLE)
                con.execute(
                    "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [story_id, members, articles, made_by(), counts["disputed"], counts["corroborated"], blob],
                )
        except (sqlite3.Error, OSError) as error:
            log.info("analyses cache %s not written: %s", self.path, error)
            return False
        return True
