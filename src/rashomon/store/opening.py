"""Opening the store file: waiting out another process's lock, the writer's own lock, and refusing a file that is not
a whole rashomon store (see :class:`rashomon.store.corpus.CorpusStore`)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb

from rashomon.errors import StoreError
from rashomon.store.migrations import current_version, tables_by_version

# Tables holding exactly one row per stored article (written together in each batch's transaction).
PER_ARTICLE_TABLES = ("articles", "annotations", "article_features", "story_articles")


# How long an open waits for another process to give the file back. Readers wait for one batch commit of an ingest
# (tens of ms here, docs/browsing.md); writers also wait out ``stories``/``stats``, whose full check reads the whole file
# (about a second per GB).
# RASHOMON_LOCK_WAIT (seconds) sets both, for scripts that would rather fail fast or wait longer.
READ_WAIT_S = 10.0
WRITE_WAIT_S = 60.0
# Pause between two tries at a locked file: short against a commit of tens of ms, long enough not to spin.
LOCK_RETRY_S = 0.05


def lock_wait(read_only: bool) -> float:
    """How long an open waits for a busy file: ``RASHOMON_LOCK_WAIT`` seconds when set, else the default for its kind."""
    setting = os.environ.get("RASHOMON_LOCK_WAIT")
    try:
        return max(0.0, float(setting)) if setting else READ_WAIT_S if read_only else WRITE_WAIT_S
    except ValueError:
        raise StoreError(f"RASHOMON_LOCK_WAIT must be a number of seconds, not {setting!r}") from None


def is_lock_error(error: duckdb.Error) -> bool:
    """Whether DuckDB refused the file because another process holds it ("Could not set lock on file")."""
    return "lock" in str(error).casefold()


def connect_waiting(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``, retried while another process holds the file, for up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            if not is_lock_error(error):
                raise unreadable(path, first_line(error)) from error
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{path}: the store is in use by another process (still after waiting {wait:g} s); try again later"
                ) from error
        time.sleep(LOCK_RETRY_S)


def hold_writer_lock(path: Path, wait: float):
    """An exclusive advisory lock on ``STORE.writer``, kept while the returned file is open; waits up to ``wait`` s.

    DuckDB's own lock cannot serve here: a writer gives it back between batches, and a second writer slipping in
    would place articles in stories that the first one's clusterer never sees (two stories could get one id).
    """
    import fcntl

    lock_path = path.with_name(path.name + ".writer")
    try:
        handle = open(lock_path, "a+")  # noqa: SIM115 - held open as the lock itself
    except OSError as error:
        raise StoreError(f"{lock_path}: cannot create the store's writer lock: {error.strerror}") from error
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise StoreError(
                    f"{path}: another rashomon process is writing to this store (still after waiting {wait:g} s); try again later"
                ) from None
        time.sleep(LOCK_RETRY_S)


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def unreadable(path: Path, reason: str) -> StoreError:
    return StoreError(f"{path} is not a readable rashomon store: {reason}")


def verify(con: duckdb.DuckDBPyConnection, path: Path, empty_allowed: bool) -> None:
    """Refuse a file that is not a whole rashomon store: its tables, every value in them, and rows that must agree.

    Reading every column makes DuckDB check each block's checksum (a damaged block can leave the counts intact);
    this is a full read of the file, about a second per GB here.
    """
    try:
        tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if not tables and empty_allowed:
            return
        if "schema_migrations" not in tables:
            raise unreadable(path, "a DuckDB database without rashomon's tables" if tables else "an empty DuckDB database")
        version = current_version(con)
        missing = sorted(name for name, since in tables_by_version().items() if since <= version and name not in tables)
        if missing:
            raise unreadable(path, f"tables missing: {', '.join(missing)}")
        for table in sorted(tables):
            con.execute(f'SELECT sum(hash(COLUMNS(*))) FROM "{table}"').fetchall()
        counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in PER_ARTICLE_TABLES}
    except duckdb.Error as error:
        raise unreadable(path, first_line(error)) from error
    if len(set(counts.values())) > 1:
        raise unreadable(path, "rows that belong together disagree (" + ", ".join(f"{t} {n}" for t, n in counts.items()) + ")")


def writable_or_error(path: Path) -> None:
    """A one-line error when the store (or the folder a new one would go in) cannot be written here."""
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"{path}: the store is read-only here (rashomon stats, stories, export and analyze --story can still read it)")
    if not path.exists() and not os.access(path.parent, os.W_OK):
        raise StoreError(f"{path}: cannot create the store: {path.parent} is not writable")
