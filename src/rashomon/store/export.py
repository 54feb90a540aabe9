"""The store's tables written out as Parquet or CSV files (``rashomon export``)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from rashomon.store.opening import first_line

EXPORT_TABLES = ("articles", "mentions", "quotes", "numbers", "dates", "claims", "stories", "story_articles", "actors", "findings")


def export_tables(con: duckdb.DuckDBPyConnection, folder: Path, fmt: str) -> list[Path]:
    """Each table as a Parquet or CSV file in ``folder``; an OSError names what could not be written."""
    folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        raise PermissionError(13, "the folder is not writable", str(folder))
    written = []
    for table in EXPORT_TABLES:
        target = folder / f"{table}.{fmt}"
        options = "FORMAT PARQUET" if fmt == "parquet" else "FORMAT CSV, HEADER"
        path = str(target).replace("'", "''")
        try:
            con.execute(f"COPY ({export_query(con, table, fmt)}) TO '{path}' ({options})")
        except duckdb.IOException as error:
            raise OSError(0, first_line(error), str(target)) from error
        written.append(target)
    return written


def export_query(con: duckdb.DuckDBPyConnection, table: str, fmt: str) -> str:
    """The query that exports a table: as stored for Parquet; for CSV, list columns as JSON arrays (CSV has no lists,
    and DuckDB would write them as ``[a, b]``, which no reader can split back when an item holds a comma)."""
    if fmt != "csv":
        return f"SELECT * FROM {table}"
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
    ).fetchall()
    return (
        "SELECT "
        + ", ".join(f'to_json("{name}") AS "{name}"' if kind.endswith("[]") else f'"{name}"' for name, kind in columns)
        + f" FROM {table}"
    )
