"""The dossier as one self-contained HTML file, and the Jinja environment the web UI shares.

The standalone report carries its stylesheet inline (allowed by a hash in its
own Content-Security-Policy), its charts as SVG data URIs and no script at all,
so it opens offline and nothing in an article can run in it.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from rashomon.model import Dossier
from rashomon.report.charts import all_charts
from rashomon.report.view import DossierView, safe_url

MAX_ROWS = 300


class ReportLinks:
    """Where links point inside the standalone file: fragments of the same page."""

    up: str | None = None

    def home(self) -> str:
        return "#"

    def section(self, name: str) -> str:
        return f"#{name}"

    def finding(self, finding_id: str) -> str:
        return f"#finding-{finding_id}"

    def actor(self, actor_id: str) -> str:
        return f"#actor-{actor_id}"

    def article(self, article_id: str) -> str:
        return f"#article-{article_id}"

    def evidence(self, item_id: str, article_id: str) -> str:
        return f"#ev-{item_id}"


class ServeLinks(ReportLinks):
    """Where links point in the web UI: one page per finding, actor and article, under ``prefix`` (a store's story
    lives under ``/stories/ID``); ``up`` is the page above the dossier (the store's index), if any."""

    def __init__(self, prefix: str = "", up: str | None = None) -> None:
        self.prefix = prefix
        self.up = up

    def home(self) -> str:
        return f"{self.prefix}/"

    def section(self, name: str) -> str:
        return f"{self.prefix}/#{name}"

    def search(self) -> str:
        return f"{self.prefix}/search"

    def finding(self, finding_id: str) -> str:
        return f"{self.prefix}/findings/{quote(finding_id, safe='')}"

    def actor(self, actor_id: str) -> str:
        return f"{self.prefix}/actors/{quote(actor_id, safe='')}"

    def article(self, article_id: str) -> str:
        return f"{self.prefix}/articles/{quote(article_id, safe='')}"

    def evidence(self, item_id: str, article_id: str) -> str:
        return f"{self.article(article_id)}?{urlencode({'hl': item_id})}#hl"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates with autoescaping on for every file, and undefined names as errors."""
    env = Environment(
        loader=PackageLoader("rashomon.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["safe_url"] = safe_url
    env.globals["max_rows"] = MAX_ROWS
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """rashomon's own stylesheet (trusted: it ships in the package)."""
    return resources.files("rashomon.report").joinpath("templates", "report.css").read_text(encoding="utf-8")


def style_hash(css: str) -> str:
    """The CSP source expression that allows exactly this inline stylesheet."""
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")


def render_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML page that needs no network and runs no script."""
    view = DossierView(dossier)
    css = stylesheet()
    return (
        environment()
        .get_template("report.html")
        .render(
            view=view,
            links=ReportLinks(),
            charts=all_charts(view),
            standalone=True,
            stylesheet=Markup(css),
            style_hash=style_hash(css),
        )
    )
