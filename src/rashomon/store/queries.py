"""The store's listings for browsing and the command line: the story index, search and counts, read with one query each."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb


def utc_iso(moment: datetime | None) -> str | None:
    """A stored TIMESTAMP (UTC) as ISO 8601 text with its zone, for JSON listings."""
    return moment.replace(tzinfo=UTC).isoformat() if moment is not None else None


def story_index(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """One row per story, the largest first and, among equals, the newest (latest article stored) first: title,
    article count, outlets (and how many articles have none), first and last publication, the latest article's
    place in the stream, its members' ids, and the counts of disputed and corroborated findings of its saved
    analysis (None when it has none)."""
    rows = con.execute(
        """
        SELECT t.id, t.title, count(*) AS articles, list(DISTINCT a.outlet ORDER BY a.outlet) FILTER (WHERE a.outlet IS NOT NULL),
               count(*) FILTER (WHERE a.outlet IS NULL), min(a.published), max(a.published), max(a.seq), list(a.id ORDER BY a.seq)
        FROM stories t JOIN story_articles s ON s.story_id = t.id JOIN articles a ON a.id = s.article_id
        GROUP BY t.id, t.title ORDER BY articles DESC, max(a.seq) DESC, t.id
        """
    ).fetchall()
    saved = {
        story_id: (disputed, corroborated)
        for story_id, disputed, corroborated in con.execute(
            "SELECT story_id, count(*) FILTER (WHERE kind = 'disputed'), count(*) FILTER (WHERE kind = 'corroborated') "
            "FROM findings GROUP BY story_id"
        ).fetchall()
    }
    return [
        {
            "id": story_id,
            "title": title,
            "articles": count,
            "outlets": outlets or [],
            "unknown_outlets": unknown,
            "first_published": utc_iso(first),
            "last_published": utc_iso(last),
            "newest_seq": newest,
            "article_ids": ids,
            "saved_findings": saved.get(story_id),
        }
        for story_id, title, count, outlets, unknown, first, last, newest, ids in rows
    ]


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 50) -> dict[str, list[dict]]:
    """Stored articles, quotes and claims whose text holds every word of ``query`` (case-insensitive), with their story."""
    words = query.split()
    if not words:
        return {"articles": [], "quotes": [], "claims": []}
    patterns = ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words]

    def matching(columns: str, table: str, text: str) -> list[tuple]:
        where = " AND ".join(f"{text} ILIKE ? ESCAPE '\\'" for _ in patterns)
        return con.execute(
            f"SELECT s.story_id, {columns} FROM {table} JOIN story_articles s ON s.article_id = a.id WHERE {where} ORDER BY a.seq LIMIT ?",
            [*patterns, limit],
        ).fetchall()

    articles = matching("a.id, a.title, a.outlet, a.published", "articles a", "coalesce(a.title, '') || ' ' || a.text")
    quotes = matching("a.id, q.text, q.speaker_name, a.outlet", "quotes q JOIN articles a ON a.id = q.article_id", "q.text")
    claims = matching("a.id, c.text, c.status, a.outlet", "claims c JOIN articles a ON a.id = c.article_id", "c.text")
    return {
        "articles": [{"story_id": s, "article_id": a, "title": t, "outlet": o, "published": utc_iso(p)} for s, a, t, o, p in articles],
        "quotes": [{"story_id": s, "article_id": a, "text": t, "speaker": w, "outlet": o} for s, a, t, w, o in quotes],
        "claims": [{"story_id": s, "article_id": a, "text": t, "status": st, "outlet": o} for s, a, t, st, o in claims],
    }


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, int | str | None]:
    """Counts of everything stored, the schema version and the time span of publication."""
    counts = {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "stories", "mentions", "quotes", "numbers", "claims", "actors", "findings")
    }
    counts["words"] = con.execute("SELECT coalesce(sum(word_count), 0) FROM articles").fetchone()[0]
    counts["outlets"] = con.execute("SELECT count(DISTINCT outlet) FROM articles").fetchone()[0]
    counts["schema_version"] = con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    counts["first_published"], counts["last_published"] = utc_iso(first), utc_iso(last)
    return counts
