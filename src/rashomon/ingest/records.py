"""Exports of many articles (JSON Lines, JSON, CSV, TSV) as :class:`Article` records: a field's usual names in news
exports, and a bad record that costs only itself."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from rashomon.ingest.documents import clean_field, decode_bytes, make_article
from rashomon.ingest.inputs import DEFAULT_LIMITS, IngestResult, InputProblem, ReadLimits
from rashomon.model import Article, Diagnostic

JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
RECORD_FIELDS = ("id", "title", "outlet", "url", "published", "author")
RECORD_ALIASES = {
    "text": ("text", "body", "content", "articlebody", "article", "maintext", "full_text", "fulltext", "story"),
    "id": ("id", "doc_id", "article_id", "body id", "uuid", "guid"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "domain", "media"),
    "url": ("url", "link", "source_url", "permalink"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate", "datetime", "timestamp"),
    "author": ("author", "authors", "byline"),
}


def first_field(record: dict, names: tuple[str, ...]) -> object | None:
    """The first non-empty value among a field's usual names in news exports (case-insensitive)."""
    lowered = {str(key).lower(): value for key, value in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def record_to_article(record: object, source_path: str, position: int, max_chars: int = DEFAULT_LIMITS.record_chars) -> Article:
    """One JSONL/CSV record (a mapping with ``text``) as an article at ``FILE#ID``."""
    if not isinstance(record, dict):
        raise InputProblem("record is not an object")
    text = first_field(record, RECORD_ALIASES["text"])
    if not isinstance(text, str):
        raise InputProblem("record has no 'text' string")
    if len(text) > max_chars:
        raise InputProblem(f"record text is {len(text):,} characters, over the {max_chars:,}-character limit")
    record_id = first_field(record, RECORD_ALIASES["id"])
    # the id names the record wherever it is shown, so it is cleaned and capped like the other fields
    key = (clean_field(str(record_id)) if record_id is not None else "") or str(position)
    meta = {name: (str(value) if (value := first_field(record, RECORD_ALIASES[name])) is not None else None) for name in RECORD_FIELDS}
    return make_article(text.replace("\r\n", "\n"), f"{source_path}#{key}", meta)


def load_json(text: str) -> object:
    """One JSON value, with the ways hostile JSON breaks Python's parser turned into input problems."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputProblem(f"invalid JSON ({error.msg} at line {error.lineno})") from None
    except RecursionError:
        raise InputProblem("invalid JSON (nested too deeply)") from None
    except ValueError as error:  # Python's limit on the digits of an integer literal
        raise InputProblem(f"invalid JSON ({str(error).split(':')[0].lower()})") from None


def first_line_is_json(text: str) -> bool:
    """Whether the first line is a JSON value on its own: then the file is JSON Lines, read line by line."""
    try:
        load_json(text.split("\n", 1)[0])
    except InputProblem:
        return False
    return True


def iter_json_records(text: str, max_chars: int = DEFAULT_LIMITS.record_chars) -> Iterator[tuple[int, object | InputProblem]]:
    """(line number, record or problem) for a JSONL file, or for a JSON array or single-object file."""
    stripped = text.lstrip()
    whole = stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped.rstrip() and not stripped.rstrip().endswith("}\n{"))
    if whole:
        try:
            records = load_json(stripped)
        except InputProblem as problem:
            if stripped.startswith("[") and not first_line_is_json(stripped):
                yield 0, problem
                return
        else:
            yield from enumerate(records if isinstance(records, list) else [records], start=1)
            return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line) > max_chars:
            yield number, InputProblem(f"line {number}: record is {len(line):,} characters, over the {max_chars:,}-character limit")
            continue
        try:
            yield number, load_json(line)
        except InputProblem as problem:
            yield number, InputProblem(f"line {number}: {problem}")


def read_records(data: bytes, source_path: str, suffix: str, limits: ReadLimits = DEFAULT_LIMITS) -> IngestResult:
    """All articles of a JSONL/JSON or CSV/TSV export; a bad record costs only itself."""
    result = IngestResult()
    text = decode_bytes(data)
    if suffix in CSV_SUFFIXES:
        csv.field_size_limit(limits.record_chars)
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",", strict=True)
        rows: Iterable[tuple[int, object | InputProblem]] = ((n, row) for n, row in enumerate(reader, start=1))
    else:
        rows = iter_json_records(text, limits.record_chars)
    try:
        for position, record in rows:
            where = f"{source_path}#{position}"
            if isinstance(record, InputProblem):
                result.diagnostics.append(Diagnostic(source_path=where, stage="ingest", message=str(record)))
                continue
            try:
                result.articles.append(record_to_article(record, source_path, position, limits.record_chars))
            except InputProblem as problem:
                result.diagnostics.append(Diagnostic(source_path=where, stage="ingest", message=str(problem)))
    except csv.Error as error:
        where = f" after record {len(result.articles) + len(result.diagnostics)}" if result.articles or result.diagnostics else ""
        result.diagnostics.append(
            Diagnostic(source_path=source_path, stage="ingest", message=f"malformed CSV{where}: {error} (an unclosed quote?)")
        )
    if not result.articles and not result.diagnostics:
        result.diagnostics.append(Diagnostic(source_path=source_path, stage="ingest", message="holds no records"))
    return result
