"""Readers that turn files, folders and streams into :class:`Article` records.

Bad input never stops a batch: each problem becomes one :class:`Diagnostic`
naming the file, and the other articles go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.ingest.metadata import detect_language, outlet_from_text, outlet_from_url
from rashomon.model import Article, Diagnostic

MAX_DOCUMENT_BYTES = 5_000_000
MAX_EXPORT_BYTES = 2_000_000_000
MIN_WORDS = 5
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
FRONT_MATTER_KEYS = {
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "author": "author",
    "byline": "author",
    "title": "title",
    "headline": "title",
    "id": "id",
}
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


class InputProblem(Exception):
    """A problem with one input that becomes a user-facing diagnostic."""


@dataclass
class IngestResult:
    """Articles read, plus one diagnostic per input that could not be used."""

    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def extend(self, other: "IngestResult") -> None:
        self.articles.extend(other.articles)
        self.diagnostics.extend(other.diagnostics)


def content_id(text: str) -> str:
    """A stable id from the article's text, so the same article always gets the same id."""
    return "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode_bytes(data: bytes) -> str:
    """UTF-8 text from bytes, or an :class:`InputProblem` saying why it is not text."""
    if not data.strip():
        raise InputProblem("empty file")
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputProblem(f"invalid UTF-8 at byte {error.start}") from None


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Leading ``key: value`` lines (optionally between ``---`` fences) and the text after them."""
    lines = text.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    fenced = index < len(lines) and lines[index].strip() == "---"
    if fenced:
        index += 1
    meta: dict[str, str] = {}
    while index < len(lines):
        line = lines[index].strip()
        if fenced and line == "---":
            index += 1
            break
        if not line:
            break
        key, sep, value = line.partition(":")
        canonical = FRONT_MATTER_KEYS.get(key.strip().lower())
        if not sep or canonical is None or not value.strip():
            break
        meta[canonical] = value.strip()
        index += 1
    if not meta or (not fenced and len(meta) < 2 and not {"url", "published"} & meta.keys()):
        return {}, text
    return meta, "\n".join(lines[index:]).lstrip("\n")


def make_article(text: str, source_path: str, meta: dict[str, str | None]) -> Article:
    """An :class:`Article` from its text and whatever metadata came with it; raises on unusable text."""
    text = text.strip("\n\r\t ")
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputProblem(f"no usable text ({words} words)")
    language = detect_language(text)
    if language == "unknown":
        raise InputProblem("text is not English; rashomon analyses English news only")
    title = meta.get("title") or next((line.strip() for line in text.splitlines() if line.strip()), None)
    url = meta.get("url") or None
    outlet = meta.get("outlet") or outlet_from_url(url) or outlet_from_text(text)
    return Article(
        id=content_id(text),
        source_path=source_path,
        outlet=outlet,
        title=(title or "")[:300] or None,
        published=meta.get("published") or None,
        url=url,
        author=meta.get("author") or None,
        language=language or "en",
        word_count=words,
        text=text,
    )


def read_text_document(data: bytes, source_path: str) -> Article:
    """A plain-text article: optional front matter, title on the first non-empty line."""
    text = decode_bytes(data).replace("\r\n", "\n")
    meta, body = parse_front_matter(text)
    return make_article(body, source_path, meta)


def read_html_document(data: bytes, source_path: str, url: str | None = None) -> Article:
    """An HTML page reduced to its main text and metadata by trafilatura."""
    import trafilatura

    html = decode_bytes(data)
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None or len((document.text or "").split()) < MIN_WORDS:
        raise InputProblem("HTML has no main text")
    body = document.text
    if document.title and not body.lstrip().startswith(document.title.strip()):
        body = f"{document.title.strip()}\n\n{body}"
    meta = {
        "title": document.title,
        "author": document.author,
        "published": document.date,
        "url": document.url or url,
        "outlet": document.sitename,
    }
    return make_article(body, source_path, meta)


def first_field(record: dict, names: tuple[str, ...]) -> object | None:
    """The first non-empty value among a field's usual names in news exports (case-insensitive)."""
    lowered = {str(key).lower(): value for key, value in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def record_to_article(record: object, source_path: str, position: int) -> Article:
    """One JSONL/CSV record (a mapping with ``text``) as an article at ``FILE#ID``."""
    if not isinstance(record, dict):
        raise InputProblem("record is not an object")
    text = first_field(record, RECORD_ALIASES["text"])
    if not isinstance(text, str):
        raise InputProblem("record has no 'text' string")
    record_id = first_field(record, RECORD_ALIASES["id"])
    key = str(record_id) if record_id is not None else str(position)
    meta = {name: (str(value) if (value := first_field(record, RECORD_ALIASES[name])) is not None else None) for name in RECORD_FIELDS}
    return make_article(text.replace("\r\n", "\n"), f"{source_path}#{key}", meta)


def iter_json_records(text: str) -> Iterator[tuple[int, object | InputProblem]]:
    """(line number, record or problem) for a JSONL file, or for a JSON array/object file."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as error:
            yield 0, InputProblem(f"invalid JSON: {error.msg} at line {error.lineno}")
            return
        for index, record in enumerate(records, start=1):
            yield index, record
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield number, InputProblem(f"line {number}: invalid JSON ({error.msg})")


def read_records(data: bytes, source_path: str, suffix: str) -> IngestResult:
    """All articles of a JSONL/JSON or CSV/TSV export; a bad record costs only itself."""
    result = IngestResult()
    text = decode_bytes(data)
    if suffix in CSV_SUFFIXES:
        csv.field_size_limit(MAX_DOCUMENT_BYTES)
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        rows: Iterable[tuple[int, object | InputProblem]] = ((n, row) for n, row in enumerate(reader, start=1))
    else:
        rows = iter_json_records(text)
    try:
        for position, record in rows:
            where = f"{source_path}#{position}"
            if isinstance(record, InputProblem):
                result.diagnostics.append(Diagnostic(source_path=where, stage="ingest", message=str(record)))
                continue
            try:
                result.articles.append(record_to_article(record, source_path, position))
            except InputProblem as problem:
                result.diagnostics.append(Diagnostic(source_path=where, stage="ingest", message=str(problem)))
    except csv.Error as error:
        result.diagnostics.append(Diagnostic(source_path=source_path, stage="ingest", message=f"malformed CSV: {error}"))
    return result


def sniff_kind(data: bytes, suffix: str) -> str:
    """Which reader fits: by suffix, else by looking at the first bytes."""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "records"
    if suffix in CSV_SUFFIXES:
        return "csv"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"{", b"[{")):
        return "records"
    return "text"


def read_bytes(data: bytes, source_path: str, suffix: str = "") -> IngestResult:
    """Articles from the bytes of one input, whatever kind it is."""
    result = IngestResult()
    kind = sniff_kind(data, suffix)
    limit = MAX_DOCUMENT_BYTES if kind in {"html", "text"} else MAX_EXPORT_BYTES
    try:
        if len(data) > limit:
            raise InputProblem(f"file is {len(data):,} bytes, over the {limit:,}-byte limit")
        if kind == "html":
            result.articles.append(read_html_document(data, source_path))
        elif kind in {"records", "csv"}:
            result.extend(read_records(data, source_path, suffix if kind == "csv" else ".jsonl"))
        else:
            result.articles.append(read_text_document(data, source_path))
    except InputProblem as problem:
        result.diagnostics.append(Diagnostic(source_path=source_path, stage="ingest", message=str(problem)))
    return result


def iter_files(path: Path) -> Iterator[Path]:
    """The files under a path, recursively and in a stable order, hidden files left out."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield child
    else:
        yield path


def read_paths(paths: Iterable[str | Path]) -> IngestResult:
    """Read every file, folder (recursive) or ``-`` (stdin) given, in order."""
    result = IngestResult()
    for given in paths:
        if str(given) == "-":
            result.extend(read_bytes(sys.stdin.buffer.read(), "-"))
            continue
        path = Path(given)
        if not path.exists():
            result.diagnostics.append(Diagnostic(source_path=str(given), stage="ingest", message="no such file or folder"))
            continue
        for file in iter_files(path):
            try:
                size = file.stat().st_size
                if size > MAX_EXPORT_BYTES:
                    raise InputProblem(f"file is {size:,} bytes, over the {MAX_EXPORT_BYTES:,}-byte limit")
                data = file.read_bytes()
            except InputProblem as problem:
                result.diagnostics.append(Diagnostic(source_path=str(file), stage="ingest", message=str(problem)))
                continue
            except OSError as error:
                result.diagnostics.append(Diagnostic(source_path=str(file), stage="ingest", message=f"cannot read: {error.strerror}"))
                continue
            result.extend(read_bytes(data, str(file), file.suffix.lower()))
    return result


def unique_ids(articles: list[Article]) -> list[Article]:
    """Give repeated content ids a suffix so every article in a run has its own id."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        unique.append(article if count == 0 else article.model_copy(update={"id": f"{article.id}-{count + 1}"}))
    return unique
