"""Readers that turn files, folders and streams into :class:`Article` records.

Bad input never stops a batch: each problem becomes one :class:`Diagnostic`
naming the file, and the other articles go on. One document (text, HTML) is read by :mod:`rashomon.ingest.documents`,
an export of many (JSONL, JSON, CSV) by :mod:`rashomon.ingest.records`; the limits and the result they share are in
:mod:`rashomon.ingest.inputs`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from rashomon.ingest.documents import HTML_SUFFIXES, decode_html, make_article, read_html_document, read_text_document
from rashomon.ingest.inputs import DEFAULT_LIMITS, IngestResult, InputProblem, ReadLimits, read_at_most, read_bounded
from rashomon.ingest.records import CSV_SUFFIXES, JSON_SUFFIXES, read_records
from rashomon.model import Article, Diagnostic

# What callers (the web, feed and source readers, the pipeline, evaluation) import from here: the readers with the
# record, limits and problem they share, wherever each is defined.
__all__ = [
    "DEFAULT_LIMITS",
    "IngestResult",
    "InputProblem",
    "ReadLimits",
    "decode_html",
    "iter_files",
    "make_article",
    "read_bytes",
    "read_html_document",
    "read_local",
    "read_text_document",
    "sniff_kind",
    "unique_ids",
]
FOLDER_LINK = "symbolic link to a folder, not followed (give the folder itself to read it)"


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


def unique_ids(articles: list[Article]) -> list[Article]:
    """Give repeated content ids a suffix so every article in a run has its own id."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        unique.append(article if count == 0 else article.model_copy(update={"id": f"{article.id}-{count + 1}"}))
    return unique
