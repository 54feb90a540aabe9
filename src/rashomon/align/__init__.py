"""Align: claims across articles, same-origin detection and cross-source findings."""

from rashomon.align.findings import find_findings

__all__ = ["find_findings"]
