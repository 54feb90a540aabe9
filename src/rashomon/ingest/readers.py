"""Readers that turn files, folders and streams into :class:`Article` records.

Bad input never stops a batch: each problem becomes one :class:`Diagnostic`
naming the file, and the other articles go on.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rashomon.errors import InputError
from rashomon.ingest.metadata import detect_language, outlet_from_text, outlet_from_url
from rashomon.model import Article, Diagnostic

MIN_WORDS = 5
MAX_FIELD_CHARS = 300
MIN_SCRIPT_LETTERS = 20
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATES = re.compile("[\ud800-\udfff]")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
FOLDER_LINK = "symbolic link to a folder, not followed (give the folder itself to read it)"
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
    "fetched": "fetched_at",
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


class InputProblem(InputError):
    """A problem with one input that becomes a user-facing diagnostic."""


@dataclass(frozen=True)
class ReadLimits:
    """Size limits enforced while reading (never taken from ``stat``), so that one input cannot exhaust memory or time.

    - ``document_bytes``: one HTML or text file; 5 MB holds the longest real article many times over.
    - ``export_bytes``: one JSONL/JSON/CSV export or standard input; 2 GB, far above a day of news, below this
      machine's memory.
    - ``record_chars``: one record of an export is one article, so it is held to the document limit (a 30 MB record
      took 97 s and 1.6 GB before there was a limit).
    """

    document_bytes: int = 5_000_000
    export_bytes: int = 2_000_000_000
    record_chars: int = 5_000_000


DEFAULT_LIMITS = ReadLimits()
# The largest size a limit may be set to: 1 PB, beyond any memory this runs in, and inside the C ``long`` that
# ``csv.field_size_limit`` takes.
MAX_SETTABLE_SIZE = 10**15
# Bytes per read of a bounded read: a read of ``limit + 1`` bytes at once would allocate the whole limit up front
# (BufferedReader does), which a limit raised to terabytes turns into a MemoryError; 1 MiB reads cost nothing more.
READ_CHUNK_BYTES = 1 << 20


def parse_size(text: str) -> int:
    """A size such as ``500kB``, ``20MB``, ``1.5GiB`` or a plain number, as a whole number; ``ValueError`` when it is
    not one, or not from 1 to 1 PB.

    Read by pydantic's ``ByteSize`` (already a dependency): kB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024.
    """
    from pydantic import ByteSize, TypeAdapter, ValidationError

    try:
        size = int(TypeAdapter(ByteSize).validate_python(text.strip()))
    except ValidationError:
        raise ValueError(f"not a size: {text!r}") from None
    if not 1 <= size <= MAX_SETTABLE_SIZE:
        raise ValueError(f"not from 1 byte to 1PB: {text!r}")
    return size


@dataclass
class IngestResult:
    """Articles read, plus one diagnostic per input that could not be used."""

    articles: list[Article] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def extend(self, other: IngestResult) -> None:
        self.articles.extend(other.articles)
        self.diagnostics.extend(other.diagnostics)


def content_id(text: str) -> str:
    """A stable id from the article's text, so the same article always gets the same id."""
    return "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode_bytes(data: bytes) -> str:
    """Text from bytes: UTF-32/UTF-16 when a byte-order mark says so, else UTF-8; or an :class:`InputProblem` saying why
    it is not text."""
    if not data.strip():
        raise InputProblem("empty file")
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return clean_text(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise InputProblem(f"invalid {encoding.upper()} at byte {error.start}") from None
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file (NUL bytes), not text")
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputProblem(f"invalid UTF-8 at byte {error.start}") from None


def clean_text(text: str) -> str:
    """Text without NUL and other control characters (tabs and line breaks kept) and without unpaired surrogates
    (which JSON escapes can carry and which no encoder accepts)."""
    return CONTROL_CHARACTERS.sub("", SURROGATES.sub("\ufffd", text))


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


def clean_field(value: str) -> str:
    """A one-line metadata field (title, outlet, url, author, date, record id): cleaned like text, its line breaks and
    runs of spaces made one space, and cut to ``MAX_FIELD_CHARS``."""
    return " ".join(clean_text(value).split())[:MAX_FIELD_CHARS].strip()


def mostly_other_script(text: str) -> bool:
    """Most letters are outside the Latin alphabet (Chinese, Arabic, Cyrillic...): not English, whatever the word count."""
    letters = [c for c in text[:5000] if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return len(letters) >= MIN_SCRIPT_LETTERS and latin < len(letters) / 2


def make_article(text: str, source_path: str, meta: dict[str, str | None]) -> Article:
    """An :class:`Article` from its text and whatever metadata came with it; raises on unusable text."""
    text = clean_text(text).strip("\n\r\t ")
    if mostly_other_script(text):
        raise InputProblem("text is not English; rashomon analyses English news only")
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputProblem(f"no usable text ({words} words)")
    language = detect_language(text)
    if language == "unknown":
        raise InputProblem("text is not English; rashomon analyses English news only")
    meta = {key: clean_field(value) if isinstance(value, str) else value for key, value in meta.items()}
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
        fetched_at=meta.get("fetched_at") or None,
    )


def read_text_document(data: bytes, source_path: str) -> Article:
    """A plain-text article: optional front matter, title on the first non-empty line."""
    text = decode_bytes(data).replace("\r\n", "\n")
    meta, body = parse_front_matter(text)
    return make_article(body, source_path, meta)


def decode_html(data: bytes) -> str:
    """An HTML page's text: UTF-8 (or a byte-order mark's encoding), else the charset the page declares in its
    ``<meta>`` ("iso-8859-1", "windows-1252"...); a page that is neither is not text."""
    try:
        return decode_bytes(data)
    except InputProblem:
        declared = DECLARED_CHARSET.search(data[:4096])
        if declared is None:
            raise
        try:
            return clean_text(data.decode(codecs.lookup(declared.group(1).decode("ascii")).name))
        except (LookupError, UnicodeDecodeError):
            raise InputProblem(f"not decodable as its declared charset {declared.group(1).decode('ascii', 'replace')}") from None


def read_html_document(data: bytes, source_path: str, url: str | None = None) -> Article:
    """An HTML page reduced to its main text and metadata by trafilatura."""
    import trafilatura

    html = decode_html(data)
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


def read_bytes(data: bytes, source_path: str, suffix: str = "", limits: ReadLimits = DEFAULT_LIMITS) -> IngestResult:
    """Articles from the bytes of one input, whatever kind it is."""
    result = IngestResult()
    kind = sniff_kind(data, suffix)
    limit = limits.document_bytes if kind in {"html", "text"} else limits.export_bytes
    try:
        if len(data) > limit:
            raise InputProblem(f"file is {len(data):,} bytes, over the {limit:,}-byte limit")
        if kind == "html":
            result.articles.append(read_html_document(data, source_path))
        elif kind in {"records", "csv"}:
            result.extend(read_records(data, source_path, suffix if kind == "csv" else ".jsonl", limits))
        else:
            result.articles.append(read_text_document(data, source_path))
    except InputProblem as problem:
        result.diagnostics.append(Diagnostic(source_path=source_path, stage="ingest", message=str(problem)))
    return result


def iter_files(path: Path) -> Iterator[tuple[Path, str | None]]:
    """The entries under a path that are not folders, recursively and in a stable order, hidden ones left out, each with
    the problem already known to stop it being read (None when none is).

    Nothing vanishes without a word (``Path.rglob`` silently skips what it cannot list and links to folders): devices,
    pipes and broken links are yielded for their own diagnostics, a folder that cannot be listed is yielded with its
    error, and a link to a folder with the reason it is not followed (a link loop would otherwise be walked forever).
    """
    if not path.is_dir():
        yield path, None
        return
    entries: list[tuple[Path, str | None]] = []

    def unlisted(error: OSError) -> None:
        entries.append((Path(error.filename), f"cannot read folder: {error.strerror}"))

    for folder, subfolders, names in os.walk(path, onerror=unlisted):
        linked = [name for name in subfolders if os.path.islink(os.path.join(folder, name)) and not name.startswith(".")]
        subfolders[:] = [name for name in subfolders if not name.startswith(".") and name not in linked]
        entries.extend((Path(folder, name), FOLDER_LINK) for name in linked)
        entries.extend((Path(folder, name), None) for name in names if not name.startswith("."))
    yield from sorted(entries, key=lambda entry: entry[0])


def read_local(given: str | Path, result: IngestResult, limits: ReadLimits = DEFAULT_LIMITS) -> None:
    """Read one file, folder (recursive) or ``-`` (stdin) into ``result``."""
    if str(given) == "-":
        data = read_at_most(sys.stdin.buffer, limits.export_bytes + 1)
        if len(data) > limits.export_bytes:
            result.diagnostics.append(
                Diagnostic(source_path="-", stage="ingest", message=f"input is over the {limits.export_bytes:,}-byte limit")
            )
            return
        result.extend(read_bytes(data, "-", limits=limits))
        return
    path = Path(given)
    if not path.exists():
        message = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        result.diagnostics.append(Diagnostic(source_path=str(given), stage="ingest", message=message))
        return
    files = 0
    for file, known_problem in iter_files(path):
        files += 1
        try:
            if known_problem is not None:
                raise InputProblem(known_problem)
            if file.is_symlink() and not file.exists():
                raise InputProblem("broken symbolic link")
            if not file.is_file():
                raise InputProblem("not a regular file (a device, pipe or socket is never read)")
            data = read_bounded(file, max(limits.document_bytes, limits.export_bytes))
        except InputProblem as problem:
            result.diagnostics.append(Diagnostic(source_path=str(file), stage="ingest", message=str(problem)))
            continue
        except OSError as error:
            result.diagnostics.append(Diagnostic(source_path=str(file), stage="ingest", message=f"cannot read: {error.strerror}"))
            continue
        result.extend(read_bytes(data, str(file), file.suffix.lower(), limits))
    if path.is_dir() and not files:
        result.diagnostics.append(Diagnostic(source_path=str(given), stage="ingest", message="folder holds no files"))


def read_bounded(path: Path, limit: int) -> bytes:
    """A file's bytes, refusing it as soon as more than ``limit`` bytes have been read (whatever its size claims)."""
    with path.open("rb") as handle:
        data = read_at_most(handle, limit + 1)
    if len(data) > limit:
        raise InputProblem(f"file is over the {limit:,}-byte limit")
    return data


def read_at_most(handle: BinaryIO, count: int) -> bytes:
    """Up to ``count`` bytes of a stream, read in chunks, so that memory grows with what arrives, not with ``count``."""
    chunks = []
    left = count
    while left > 0:
        chunk = handle.read(min(left, READ_CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def unique_ids(articles: list[Article]) -> list[Article]:
    """Give repeated content ids a suffix so every article in a run has its own id."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        unique.append(article if count == 0 else article.model_copy(update={"id": f"{article.id}-{count + 1}"}))
    return unique
