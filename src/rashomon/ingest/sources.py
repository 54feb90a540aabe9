"""Every kind of input in one call: files, folders, standard input and http(s) URLs, read in the order given."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rashomon.ingest.readers import DEFAULT_LIMITS, IngestResult, ReadLimits, read_local
from rashomon.ingest.web import Fetcher, is_url, read_url


def read_paths(paths: Iterable[str | Path], fetcher=None, limits: ReadLimits = DEFAULT_LIMITS) -> IngestResult:
    """Read every file, folder (recursive), ``-`` (stdin) or http(s) URL given, in order.

    URLs are downloaded by ``fetcher`` (a :class:`rashomon.ingest.web.Fetcher`; one with the default, safe policy
    when none is given); files, exports and standard input are held to ``limits``.
    """
    result = IngestResult()
    own_fetcher = None
    try:
        for given in paths:
            if is_url(given):
                if fetcher is None:
                    fetcher = own_fetcher = Fetcher()
                result.extend(read_url(str(given), fetcher))
                continue
            read_local(given, result, limits)
    finally:
        if own_fetcher is not None:
            own_fetcher.close()
    return result
