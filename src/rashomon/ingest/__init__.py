"""Ingest: files, folders, streams and exports in; articles and diagnostics out."""

from rashomon.ingest.readers import IngestResult, read_bytes, unique_ids
from rashomon.ingest.sources import read_paths
from rashomon.ingest.text import NormalizedText, normalize_text

__all__ = ["IngestResult", "NormalizedText", "normalize_text", "read_bytes", "read_paths", "unique_ids"]
