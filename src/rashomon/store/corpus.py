"""The corpus store: many stories' articles and annotations in one DuckDB file.

Articles are keyed by a hash of their text, so ingesting the same article twice
changes nothing. Each batch (articles, their annotations, extracted items,
clustering features and story membership) is written in one transaction: a
process killed at any moment leaves every earlier batch whole and none of its
current one. Work that spans transactions (the re-assignment that ends an
ingest) is recorded as pending before it starts and finished by the next run.

Every open checks the file (its schema, every table read through, whose block
checksums DuckDB verifies, and the per-article rows agreeing in number), so a
damaged file is refused with one line instead of answering with wrong counts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import duckdb

from rashomon.annotate import MAX_ANALYSED_CHARS, AnnotatedArticle
from rashomon.annotate.types import DocAnnotations
from rashomon.clustering import REFINE_PASSES, ArticleFeatures, StoryClusterer
from rashomon.errors import InputError, StoreError
from rashomon.ingest.text import normalize_text
from rashomon.model import Actor, Article, Dossier, Finding
from rashomon.store import queries
from rashomon.store.export import export_tables
from rashomon.store.items import ITEM_TABLES, drop_analyses, insert_records, insert_rows, item_columns, item_rows
from rashomon.store.migrations import migrate, rollback, utc_naive
from rashomon.store.opening import connect_waiting, first_line, hold_writer_lock, lock_wait, verify, writable_or_error
from rashomon.store.queries import utc_iso

# The article's columns are its model's fields, less those computed per analysis (origin: same-origin detection).
ARTICLE_COLUMNS = tuple(name for name in Article.model_fields if name not in {"origin"})
# What an analysis reads back: the fields a dossier carries (the raw page stays in the store).
ANALYSED_COLUMNS = tuple(name for name in ARTICLE_COLUMNS if not Article.model_fields[name].exclude)


# A story's analysis is stored from its records: a column per field of the model (a finding's sides stay in its JSON).
ACTOR_COLUMNS = tuple(Actor.model_fields)
FINDING_COLUMNS = tuple(name for name in Finding.model_fields if name != "sides")


# DuckDB's errors that come from the file or the disk under it (full, read-only, locked, failed commit), not from rashomon's SQL.
WRITE_FAULTS = (duckdb.IOException, duckdb.TransactionException, duckdb.FatalException, duckdb.PermissionException)


def written_columns(table: str) -> tuple[str, ...]:
    """The columns a batch's rows of ``table`` fill, in order (empty: all of the table's, in its order)."""
    if table == "articles":
        return (*ARTICLE_COLUMNS, "ingested_at", "seq")
    return item_columns(table) if table in ITEM_TABLES else ()


def article_row(article: Article) -> list:
    """An article's values for ``ARTICLE_COLUMNS``; its publication moment as a TIMESTAMP in UTC (the store's choice:
    a plain TIMESTAMP reads and exports the same whatever the session's time zone, and the model reads it back as UTC)."""
    return [utc_naive(article.published) if name == "published" else getattr(article, name) for name in ARTICLE_COLUMNS]


@dataclass
class StoredArticle:
    """An article placed in a story, ready to be written."""

    annotated: AnnotatedArticle
    features: ArticleFeatures
    story_id: str
    score: float


class CorpusStore:
    """A DuckDB corpus file, migrated to the current schema on open.

    DuckDB lets one process hold a file for writing, and while it does another process cannot open the file at all
    (not even read-only); a reader's open in turn keeps writers out. So that ``serve``, ``stories`` and the other read
    commands can use a store that an ``ingest`` is filling, every process holds DuckDB's lock only briefly: opens wait
    out a lock for up to ``wait`` seconds, and a writer gives the file back between its batches (:meth:`release`; the
    next use opens it again). One rashomon writer at a time is kept by an advisory lock on ``STORE.writer`` held for
    the writer's whole life, because its in-memory story clusterer must see every write (see docs/browsing.md).
    """

    def __init__(self, path: str | Path, read_only: bool = False, wait: float | None = None, check: bool = True) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = lock_wait(read_only) if wait is None else wait
        self._con: duckdb.DuckDBPyConnection | None = None
        self._writer_lock = None
        self._migrated = False
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        if not read_only:
            writable_or_error(self.path)
            self._writer_lock = hold_writer_lock(self.path, self.wait)
        try:
            self.connect(check)
        except BaseException:
            self.release_writer_lock()
            raise
        self._clusterer: StoryClusterer | None = None

    def connect(self, check: bool = False) -> duckdb.DuckDBPyConnection:
        """Open the file (waiting out another process's lock), checked in full when ``check``, migrated when writable."""
        con = connect_waiting(self.path, self.read_only, self.wait)
        try:
            if check:
                verify(con, self.path, empty_allowed=not self.read_only)
            if not self.read_only and not self._migrated:
                migrate(con)
                # Once is enough for a writer's life: it holds the writer lock throughout, so no other rashomon can
                # change the schema between its batches, and each open after a release skips ~12 ms of checks.
                self._migrated = True
        except duckdb.Error as error:
            con.close()
            raise StoreError(f"{self.path}: cannot write to the store ({first_line(error)})") from error
        except BaseException:
            con.close()
            raise
        self._con = con
        return con

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection; after :meth:`release`, the file opened again."""
        return self._con if self._con is not None else self.connect()

    def release(self, checkpoint: bool = False) -> None:
        """Give DuckDB's lock on the file back to other processes until the next use (the writer lock stays held).

        A writer's committed batches stay in the write-ahead log unless ``checkpoint``: folding them into the file at
        every batch costs a rewrite of the touched blocks each time, while DuckDB folds the log in on its own once it
        passes 16 MB (``wal_autocheckpoint``) and at the final close; a reader opening meanwhile replays the log
        (about 0.1 s for 7 MB here, docs/browsing.md).
        """
        if self._con is None:
            return
        if not self.read_only and not checkpoint:
            self._con.execute("PRAGMA disable_checkpoint_on_shutdown")
        self._con.close()
        self._con = None

    def release_writer_lock(self) -> None:
        if self._writer_lock is not None:
            self._writer_lock.close()
            self._writer_lock = None

    def close(self) -> None:
        """Close for good; a writer first folds its write-ahead log into the file (see :meth:`release`)."""
        try:
            if self._con is None and not self.read_only and self.path.with_name(self.path.name + ".wal").exists():
                self.connect()
            self.release(checkpoint=True)
        finally:
            self.release_writer_lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {row[0] for row in rows}

    def article_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    @property
    def clusterer(self) -> StoryClusterer:
        """The online clusterer, restored from stored features and memberships (no decision is re-made)."""
        if self._clusterer is None:
            clusterer = StoryClusterer()
            rows = self.con.execute(
                "SELECT f.data, s.story_id, t.title FROM article_features f JOIN story_articles s USING (article_id) "
                "JOIN stories t ON t.id = s.story_id JOIN articles a ON a.id = f.article_id ORDER BY a.seq"
            ).fetchall()
            for data, story_id, title in rows:
                clusterer.restore(ArticleFeatures.from_json(json.loads(data)), story_id, title)
            self._clusterer = clusterer
        return self._clusterer

    def place(self, annotated: AnnotatedArticle, features: ArticleFeatures) -> StoredArticle:
        """Decide the article's story (in memory; written by :meth:`commit`)."""
        story_id, score = self.clusterer.add(annotated.article.id, features, annotated.article.title)
        return StoredArticle(annotated, features, story_id, score)

    def commit(self, batch: list[StoredArticle]) -> int:
        """Write a batch in one transaction; returns how many articles were new. A saved analysis of a story that gains an
        article is dropped with it, as :meth:`refine_stories` drops those of stories that change: no analysis in the
        store is ever older than its story."""
        if not batch:
            return 0
        now = datetime.now(UTC).replace(tzinfo=None)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            seq = self.max_seq()
            ids = [item.annotated.article.id for item in batch]
            stored = {row[0] for row in con.execute(f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()}
            rows: dict[str, list[list]] = defaultdict(list)
            for item in batch:
                article = item.annotated.article
                if article.id in stored:
                    continue
                stored.add(article.id)
                seq += 1
                rows["articles"].append(article_row(article) + [now, seq])
                rows["annotations"].append([article.id, item.annotated.found_json or item.annotated.found.to_json()])
                item_rows(item.annotated, rows)
                rows["article_features"].append([article.id, json.dumps(item.features.to_json())])
                rows["stories"].append([item.story_id, article.title, seq, "open"])
                rows["story_articles"].append([article.id, item.story_id, item.score])
            rows["stories"] = list({row[0]: row for row in reversed(rows["stories"])}.values())
            for table, values in rows.items():
                insert_rows(con, table, values, ignore_repeats=table == "stories", columns=written_columns(table))
            drop_analyses(con, {row[1] for row in rows["story_articles"]})
            con.execute("COMMIT")
        except BaseException as error:
            rollback(con)
            self._clusterer = None
            self.raise_write_fault(error)
            raise
        return len(rows["articles"])

    def stories(self) -> list[dict]:
        """Every story with its articles (id and source path as given at ingest), the largest first."""
        rows = self.con.execute(
            "SELECT t.id, t.title, a.id, a.source_path, a.outlet, a.published FROM stories t JOIN story_articles s ON s.story_id = t.id "
            "JOIN articles a ON a.id = s.article_id ORDER BY t.created_seq, a.seq"
        ).fetchall()
        stories: dict[str, dict] = {}
        for story_id, title, article_id, source_path, outlet, published in rows:
            story = stories.setdefault(story_id, {"id": story_id, "title": title, "articles": []})
            story["articles"].append({"id": article_id, "source_path": source_path, "outlet": outlet, "published": utc_iso(published)})
        return sorted(stories.values(), key=lambda s: -len(s["articles"]))

    def story_articles(self, story_id: str) -> list[AnnotatedArticle]:
        """A story's articles with their stored annotations, as the annotate stage would return them."""
        rows = self.con.execute(
            f"SELECT {', '.join('a.' + c for c in ANALYSED_COLUMNS)}, n.data FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "JOIN annotations n ON n.article_id = a.id WHERE s.story_id = ? ORDER BY a.seq",
            [story_id],
        ).fetchall()
        if not rows:
            raise InputError(f"{self.path}: no story with id {story_id!r} (rashomon stories --db {self.path} lists them)")
        annotated = []
        for row in rows:
            article = Article(**dict(zip(ANALYSED_COLUMNS, row[:-1])))
            annotated.append(
                AnnotatedArticle(article, normalize_text(article.text[:MAX_ANALYSED_CHARS]), DocAnnotations.from_json(row[-1]))
            )
        return annotated

    def save_analysis(self, story_id: str, dossier: Dossier) -> None:
        """Keep a story's resolved actors and findings (replacing an earlier analysis of it)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM actors WHERE story_id = ?", [story_id])
            con.execute("DELETE FROM findings WHERE story_id = ?", [story_id])
            insert_records(con, "actors", story_id, dossier.actors, ACTOR_COLUMNS)
            insert_records(con, "findings", story_id, dossier.findings, FINDING_COLUMNS, whole_as="data")
            con.execute("COMMIT")
        except BaseException as error:
            rollback(con)
            self.raise_write_fault(error)
            raise

    def raise_write_fault(self, error: BaseException) -> None:
        """Report a failed write caused by the disk or the file (full, read-only, locked) as one line; anything else is a bug
        and propagates."""
        if isinstance(error, WRITE_FAULTS):
            raise StoreError(
                f"{self.path}: cannot write to the store: {first_line(error)} (batches committed before are kept; re-run to finish)"
            ) from error

    def pending_refine(self) -> int | None:
        """The point after which a re-assignment was begun and not finished (a run killed or failed during it), if any."""
        row = self.con.execute("SELECT after_seq FROM pending_work WHERE kind = 'refine'").fetchone()
        return None if row is None else row[0]

    def mark_refine_pending(self, after_seq: int) -> None:
        """Record, before a run writes its first batch, that the stories of articles after ``after_seq`` must be re-assigned."""
        pending = self.pending_refine()
        after_seq = after_seq if pending is None else min(pending, after_seq)
        try:
            self.con.execute("INSERT OR REPLACE INTO pending_work VALUES ('refine', ?)", [after_seq])
        except BaseException as error:
            self.raise_write_fault(error)
            raise

    def max_seq(self) -> int:
        return self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]

    def refine_stories(
        self, passes: int = REFINE_PASSES, after_seq: int | None = None, on_step: Callable[[int, int], None] | None = None
    ) -> tuple[int, int]:
        """Re-assign stored articles to the stories they now fit best; returns (articles moved, stories left).

        ``after_seq`` limits the work to the stories that articles ingested after that point joined
        (what one ``ingest`` run touched); without it every article is reconsidered. Written in one transaction: stories
        left empty are removed, a story's title becomes that of its earliest article, and a saved analysis of a story that
        changed is dropped (analyse the story again). Its commit also clears a pending re-assignment (see :meth:`mark_refine_pending`).
        """
        clusterer = self.clusterer
        touched_only = (
            "WHERE s.story_id IN (SELECT t.story_id FROM story_articles t JOIN articles n ON n.id = t.article_id WHERE n.seq > ?) "
            if after_seq is not None
            else ""
        )
        rows = self.con.execute(
            "SELECT f.article_id, f.data, s.story_id FROM article_features f JOIN story_articles s USING (article_id) "
            f"JOIN articles a ON a.id = f.article_id {touched_only}ORDER BY a.seq",
            [after_seq] if after_seq is not None else [],
        ).fetchall()
        placements = [(article_id, ArticleFeatures.from_json(json.loads(data)), story_id) for article_id, data, story_id in rows]
        before = {article_id: story_id for article_id, _, story_id in placements}
        self.release()  # the re-assignment itself runs in memory: readers may use the file meanwhile
        moved = clusterer.refine(placements, passes, on_step)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if moved:
                con.execute("CREATE TEMPORARY TABLE moves (article_id VARCHAR, story_id VARCHAR, score DOUBLE)")
                insert_rows(con, "moves", [[article_id, story_id, score] for article_id, (story_id, score) in moved.items()])
                con.execute(
                    "UPDATE story_articles SET story_id = m.story_id, score = m.score "
                    "FROM moves m WHERE story_articles.article_id = m.article_id"
                )
                con.execute("DROP TABLE moves")
                touched = sorted({before[a] for a in moved} | {story_id for story_id, _ in moved.values()})
                marks = ", ".join("?" * len(touched))
                drop_analyses(con, touched)
                con.execute("DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM story_articles)")
                con.execute(
                    f"UPDATE stories SET title = (SELECT a.title FROM story_articles s JOIN articles a ON a.id = s.article_id "
                    f"WHERE s.story_id = stories.id ORDER BY a.seq LIMIT 1) WHERE id IN ({marks})",
                    touched,
                )
            con.execute("DELETE FROM pending_work WHERE kind = 'refine'")
            con.execute("COMMIT")
        except BaseException as error:
            rollback(con)
            self._clusterer = None
            self.raise_write_fault(error)
            raise
        stories = con.execute("SELECT count(*) FROM stories").fetchone()[0]
        return len(moved), stories

    def story_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM stories").fetchone()[0]

    def stories_since(self, after_seq: int) -> int:
        """How many stories hold articles stored after ``after_seq`` (those one ingest run touched)."""
        return self.con.execute(
            "SELECT count(DISTINCT s.story_id) FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE a.seq > ?", [after_seq]
        ).fetchone()[0]

    def story_index(self) -> list[dict]:
        """One row per story, the largest and newest first (see :func:`rashomon.store.queries.story_index`)."""
        return queries.story_index(self.con)

    def story_members(self, story_id: str) -> list[str]:
        """The ids of a story's articles in stream order (empty for an unknown story)."""
        rows = self.con.execute(
            "SELECT s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.seq",
            [story_id],
        ).fetchall()
        return [row[0] for row in rows]

    def search(self, query: str, limit: int = 50) -> dict[str, list[dict]]:
        """Stored articles, quotes and claims holding every word of ``query``, with their story."""
        return queries.search(self.con, query, limit)

    def stats(self) -> dict[str, int | str | None]:
        """Counts of everything stored, the schema version and the time span of publication."""
        return queries.stats(self.con)

    def export(self, folder: Path, fmt: str) -> list[Path]:
        """Each table as a Parquet or CSV file in ``folder``; an OSError names what could not be written."""
        return export_tables(self.con, folder, fmt)
