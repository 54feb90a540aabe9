"""What every reader shares: the problem one input can have, the result of reading, and the size limits held while
reading (so that one input cannot exhaust memory or time)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rashomon.errors import InputError
from rashomon.model import Article, Diagnostic


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
