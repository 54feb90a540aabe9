"""The store's tables of records: one row per item found in an article, and a story's saved actors and findings.

The item tables (mentions, quotes, numbers, dates, claims) hold the model's records of one article, a column per
field (``model_dump``), and are read back through the same models (``model_validate``): a field added to a record is
a column added by a new numbered migration, and no other edit. The records are those the resolve stage makes of the
article alone: offsets into the stored text, no actor ids (actors are resolved per story, when one is analysed; a
speaker keeps its name).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import duckdb
import numpy as np

from rashomon.annotate import AnnotatedArticle
from rashomon.model import Claim, DateMention, NameMention, NumberClaim, Quote, Record
from rashomon.resolve import ResolvedActors, build_records

# Each item table and the record its rows are; its columns are the record's fields, in order.
ITEM_TABLES: dict[str, type[Record]] = {
    "mentions": NameMention,
    "quotes": Quote,
    "numbers": NumberClaim,
    "dates": DateMention,
    "claims": Claim,
}
# One article on its own resolves no actors across articles.
NO_ACTORS = ResolvedActors(groups={}, by_key={})


def item_columns(table: str) -> tuple[str, ...]:
    return tuple(ITEM_TABLES[table].model_fields)


def object_column(values: Sequence) -> np.ndarray:
    """A column of Python values as a 1-d object array (``np.array`` would make lists of one length a 2-d array)."""
    column = np.empty(len(values), dtype=object)
    for index, value in enumerate(values):
        column[index] = value
    return column


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[list], ignore_repeats: bool = False, columns: tuple[str, ...] = ()
) -> None:
    """Insert many rows at once: DuckDB scans the columns as arrays (row-at-a-time inserts are slow in DuckDB).

    ``columns`` names the table's columns the rows fill, in order (default: all of them, in the table's order).
    """
    if not rows:
        return
    incoming_rows = {f"c{i}": object_column(column) for i, column in enumerate(zip(*rows))}  # noqa: F841 - read by DuckDB
    verb = "INSERT OR IGNORE" if ignore_repeats else "INSERT"
    named = f" ({', '.join(columns)})" if columns else ""
    con.execute(f"{verb} INTO {table}{named} SELECT * FROM incoming_rows")


def item_rows(annotated: AnnotatedArticle, rows: dict[str, list[list]]) -> None:
    """One row per item record of the article, added to ``rows`` by table."""
    records = build_records([annotated], NO_ACTORS)
    for table in ITEM_TABLES:
        columns = item_columns(table)
        rows[table].extend([values[name] for name in columns] for values in (r.model_dump() for r in getattr(records, table)))


def insert_item_rows(con: duckdb.DuckDBPyConnection, rows: dict[str, list[list]]) -> None:
    """Write the item rows gathered by :func:`item_rows`, naming each table's columns."""
    for table in ITEM_TABLES:
        insert_rows(con, table, rows.get(table, []), columns=item_columns(table))


def read_items(con: duckdb.DuckDBPyConnection, table: str, article_id: str) -> list[Record]:
    """An article's stored items of one table, read back as their records, in the order they were found."""
    columns = item_columns(table)
    found = con.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE article_id = ? ORDER BY rowid", [article_id]).fetchall()
    return [ITEM_TABLES[table].model_validate(dict(zip(columns, row))) for row in found]


def drop_analyses(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str]) -> None:
    """Delete the saved analyses (actors, findings) of these stories, inside the caller's transaction."""
    story_ids = sorted(story_ids)
    if story_ids:
        marks = ", ".join("?" * len(story_ids))
        for table in ("actors", "findings"):
            con.execute(f"DELETE FROM {table} WHERE story_id IN ({marks})", story_ids)


def insert_records(
    con: duckdb.DuckDBPyConnection, table: str, story_id: str, records: list[Record], columns: tuple[str, ...], whole_as: str | None = None
) -> None:
    """One row per record of a story: its ``columns`` from ``model_dump``, and the whole record as JSON in ``whole_as`` if named."""
    if not records:
        return
    named = ("story_id", *columns, *([whole_as] if whole_as else []))
    rows = []
    for record in records:
        values = record.model_dump(mode="json")
        rows.append([story_id, *(values[name] for name in columns), *([record.model_dump_json()] if whole_as else [])])
    insert_rows(con, table, rows, columns=named)
