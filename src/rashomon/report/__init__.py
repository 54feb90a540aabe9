"""Report: the dossier as JSON, its JSON Schema, and Markdown."""

from rashomon.report.markdown import render_markdown
from rashomon.report.schema import dossier_schema

__all__ = ["dossier_schema", "render_markdown"]
