"""The corpus store's schema, in one place, as ordered migrations recorded in the database itself.

A migration is SQL, or a function of the connection where existing rows must be converted by rashomon's own code
(reading a date). Either runs inside the migration's transaction.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

import duckdb
import numpy as np

from rashomon.annotate import MAX_ANALYSED_CHARS, AnnotatedArticle
from rashomon.annotate.types import DocAnnotations
from rashomon.common.dates import parse_published
from rashomon.errors import StoreError
from rashomon.ingest.text import normalize_text
from rashomon.model import Article
from rashomon.store.items import insert_item_rows, item_rows

log = logging.getLogger("rashomon.store")


def utc_naive(moment: datetime | None) -> datetime | None:
    """A moment as the store keeps it: a TIMESTAMP holding UTC (the model reads a time without zone as UTC)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment is not None else None


def published_as_timestamp(con: duckdb.DuckDBPyConnection) -> None:
    """Turn ``articles.published`` from the metadata text as given into a TIMESTAMP in UTC, read by the model's own
    parser; text that is no date becomes NULL, and how many such rows there were is logged (the text is dropped)."""
    rows = con.execute("SELECT id, published FROM articles WHERE published IS NOT NULL").fetchall()
    moments = [(article_id, utc_naive(parse_published(text))) for article_id, text in rows]
    unreadable = sum(1 for _, moment in moments if moment is None)
    if unreadable:
        log.warning("%d stored publication dates could not be read as dates and are now empty", unreadable)
    con.execute("CREATE TEMPORARY TABLE read_dates (id VARCHAR, moment TIMESTAMP)")
    if moments:
        ids = np.array([article_id for article_id, _ in moments], dtype=object)
        isos = np.array([moment.isoformat() if moment else None for _, moment in moments], dtype=object)
        read_rows = {"id": ids, "moment": isos}  # noqa: F841 - read by DuckDB
        con.execute("INSERT INTO read_dates SELECT id, CAST(moment AS TIMESTAMP) FROM read_rows")
    con.execute("ALTER TABLE articles ADD COLUMN published_utc TIMESTAMP")
    con.execute("UPDATE articles SET published_utc = r.moment FROM read_dates r WHERE articles.id = r.id")
    con.execute("ALTER TABLE articles DROP COLUMN published")
    con.execute("ALTER TABLE articles RENAME COLUMN published_utc TO published")
    con.execute("DROP TABLE read_dates")


ITEM_TABLES_AS_RECORDS = """
    DROP TABLE mentions;
    DROP TABLE quotes;
    DROP TABLE numbers;
    DROP TABLE claims;
    CREATE TABLE mentions (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR, label VARCHAR, start_char INTEGER, end_char INTEGER
    );
    CREATE TABLE quotes (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR, speaker_id VARCHAR, speaker_name VARCHAR, cue VARCHAR,
        direct BOOLEAN, start_char INTEGER, end_char INTEGER
    );
    CREATE TABLE numbers (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, value DOUBLE, unit VARCHAR, dimension VARCHAR, counted VARCHAR,
        qualifier VARCHAR, measure VARCHAR, about VARCHAR, text VARCHAR, sentence VARCHAR, start_char INTEGER, end_char INTEGER
    );
    CREATE TABLE dates (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR, value VARCHAR, start_char INTEGER, end_char INTEGER
    );
    CREATE TABLE claims (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR, status VARCHAR, attributed_to VARCHAR, attributed_name VARCHAR,
        actor_ids VARCHAR[], number_ids VARCHAR[], date_ids VARCHAR[], negated BOOLEAN, predicate VARCHAR, predicate_start INTEGER,
        predicate_end INTEGER, subject_id VARCHAR, start_char INTEGER, end_char INTEGER
    );
"""
# How many stored articles migration 8 rebuilds the item rows of at a time (bounds its memory; any size gives the same rows).
REBUILD_BATCH = 500


def item_tables_as_records(con: duckdb.DuckDBPyConnection) -> None:
    """Re-create the item tables with a column per field of their records (``store/items.py``), and fill them again
    from each stored article's annotations, the way ingest now writes them."""
    con.execute(ITEM_TABLES_AS_RECORDS)
    after = 0
    while batch := con.execute(
        "SELECT a.seq, a.id, a.source_path, a.text, n.data FROM articles a JOIN annotations n ON n.article_id = a.id "
        "WHERE a.seq > ? ORDER BY a.seq LIMIT ?",
        [after, REBUILD_BATCH],
    ).fetchall():
        rows: dict[str, list[list]] = defaultdict(list)
        for after, article_id, source_path, text, data in batch:
            article = Article(id=article_id, source_path=source_path, text=text)
            item_rows(AnnotatedArticle(article, normalize_text(text[:MAX_ANALYSED_CHARS]), DocAnnotations.from_json(data)), rows)
        insert_item_rows(con, rows)


MIGRATIONS: list[tuple[int, str, str | Callable[[duckdb.DuckDBPyConnection], None]]] = [
    (
        1,
        "articles, annotations and extracted items",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            source_path VARCHAR NOT NULL,
            outlet VARCHAR,
            title VARCHAR,
            published VARCHAR,
            url VARCHAR,
            author VARCHAR,
            language VARCHAR,
            word_count INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL,
            seq BIGINT NOT NULL
        );
        CREATE TABLE annotations (article_id VARCHAR PRIMARY KEY, data VARCHAR NOT NULL);
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            n INTEGER NOT NULL,
            text VARCHAR,
            label VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            PRIMARY KEY (article_id, n)
        );
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            n INTEGER NOT NULL,
            text VARCHAR,
            speaker VARCHAR,
            cue VARCHAR,
            direct BOOLEAN,
            start_char INTEGER,
            end_char INTEGER,
            PRIMARY KEY (article_id, n)
        );
        CREATE TABLE numbers (
            article_id VARCHAR NOT NULL,
            n INTEGER NOT NULL,
            text VARCHAR,
            value DOUBLE,
            unit VARCHAR,
            dimension VARCHAR,
            counted VARCHAR,
            qualifier VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            PRIMARY KEY (article_id, n)
        );
        CREATE TABLE claims (
            article_id VARCHAR NOT NULL,
            n INTEGER NOT NULL,
            text VARCHAR,
            status VARCHAR,
            attributed VARCHAR,
            negated BOOLEAN,
            predicate VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            PRIMARY KEY (article_id, n)
        );
        """,
    ),
    (
        2,
        "stories: online clustering state and membership",
        """
        CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR, created_seq BIGINT NOT NULL, state VARCHAR NOT NULL);
        CREATE TABLE story_articles (article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, score DOUBLE);
        CREATE TABLE article_features (article_id VARCHAR PRIMARY KEY, data VARCHAR NOT NULL);
        """,
    ),
    (
        3,
        "per-story analysis results: resolved actors and findings",
        """
        CREATE TABLE actors (
            story_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            name VARCHAR,
            type VARCHAR,
            aliases VARCHAR[],
            mentions INTEGER,
            article_ids VARCHAR[],
            PRIMARY KEY (story_id, id)
        );
        CREATE TABLE findings (
            story_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            kind VARCHAR,
            summary VARCHAR,
            relation VARCHAR,
            reason VARCHAR,
            independent_sources INTEGER,
            claim_ids VARCHAR[],
            data VARCHAR,
            PRIMARY KEY (story_id, id)
        );
        """,
    ),
    (
        4,
        "numbers carry their measure frame: what is measured and what it belongs to",
        """
        ALTER TABLE numbers ADD COLUMN measure VARCHAR;
        ALTER TABLE numbers ADD COLUMN about VARCHAR;
        """,
    ),
    (
        5,
        "articles from the web keep their fetch time and raw page; feeds remember their validators and the items seen",
        """
        ALTER TABLE articles ADD COLUMN fetched_at VARCHAR;
        ALTER TABLE articles ADD COLUMN raw_html VARCHAR;
        CREATE TABLE feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, polled_at TIMESTAMP NOT NULL);
        CREATE TABLE feed_items (
            feed_url VARCHAR NOT NULL,
            item_key VARCHAR NOT NULL,
            seen_at TIMESTAMP NOT NULL,
            PRIMARY KEY (feed_url, item_key)
        );
        """,
    ),
    (
        6,
        "work a run began and must finish: a re-assignment of stories still to do",
        """
        CREATE TABLE pending_work (kind VARCHAR PRIMARY KEY, after_seq BIGINT);
        """,
    ),
    (7, "publication dates become timestamps (UTC); text that is no date becomes NULL", published_as_timestamp),
    (8, "item tables hold their records, a column per field, and dates get a table; rebuilt from the annotations", item_tables_as_records),
    (
        9,
        "saved actors keep why each alias joined them; actors saved before keep NULL (never recorded) until analysed again",
        """
        ALTER TABLE actors ADD COLUMN merges STRUCT(alias VARCHAR, joined_to VARCHAR, rule VARCHAR, reason VARCHAR)[];
        """,
    ),
]
# The SQL a migration written as a function runs, where it creates tables (read by :func:`tables_by_version`).
STEP_SQL = {item_tables_as_records: ITEM_TABLES_AS_RECORDS}


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction, if any: a failed COMMIT has already ended it, and its error is the one to report."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


def tables_by_version() -> dict[str, int]:
    """Each table of the schema with the migration that first creates it."""
    tables: dict[str, int] = {}
    for version, _, step in MIGRATIONS:
        for name in re.findall(r"CREATE TABLE (\w+)", step if isinstance(step, str) else STEP_SQL.get(step, "")):
            tables.setdefault(name, version)
    return tables


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'").fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, store_name: str = "the store", until: int | None = None) -> list[int]:
    """Apply the migrations this database lacks, each in its own transaction; returns the versions applied.

    ``store_name`` is how an error names the database (a store's path); ``until`` stops at that version (tests build a
    store as an older rashomon left it).
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    have = current_version(con)
    newest = MIGRATIONS[-1][0]
    if have > newest:
        raise StoreError(f"{store_name} has schema version {have}, newer than this rashomon knows ({newest}); upgrade rashomon")
    applied = []
    for version, name, sql in MIGRATIONS:
        if version <= have or (until is not None and version > until):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            if callable(sql):
                sql(con)
            else:
                con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime.now(UTC).replace(tzinfo=None)])
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        applied.append(version)
    return applied
