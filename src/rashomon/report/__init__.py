"""Report: the dossier as JSON, Markdown or one self-contained HTML page, and its JSON Schema."""

from rashomon.model import Dossier
from rashomon.report.html import render_html
from rashomon.report.markdown import render_markdown
from rashomon.report.schema import dossier_schema

FORMATS = ("json", "md", "html")


def render(dossier: Dossier, format: str) -> str:
    """The dossier as text in one of ``FORMATS``: its JSON contract, Markdown for a person to read, or an HTML page."""
    if format == "json":
        return dossier.to_json()
    if format == "md":
        return render_markdown(dossier)
    if format == "html":
        return render_html(dossier)
    raise ValueError(f"unknown report format {format!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "dossier_schema", "render", "render_html", "render_markdown"]
