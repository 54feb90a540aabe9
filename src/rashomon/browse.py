"""``rashomon serve --db``: a read-only web UI over a whole corpus store, usable while an ingest fills it.

The index lists the stories (largest and newest first) with their outlets, dates and counts of disputed and
corroborated findings; each story is a dossier shown with the report's own pages under ``/stories/ID/``; a
search reads the whole store; every page has a JSON twin under ``/api`` (in the spirit of datasette).

The UI never writes to the store: each request opens it read-only for one short visit (waiting out an
ingest's batch commit, see :class:`rashomon.store.corpus.CorpusStore`). A story's analysis is computed here when the
story is opened, keyed by the story's articles (a story that grows is analysed again), kept in memory for the most
recent stories and in the analyses cache beside the store (:mod:`rashomon.store.analyses`, off where it cannot be
written), so that the index counts the findings of every story opened once, by this server or an earlier one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rashomon.report.html import ServeLinks, environment
from rashomon.report.web import NotFound, Site, add_dossier_routes, get_route, hardened_app, search_query
from rashomon.store.analyses import AnalysisCache, finding_counts, members_key
from rashomon.store.corpus import CorpusStore, StoreError

# Story analyses kept in memory: each holds a dossier, its view and charts (a few MB for a story of a hundred
# articles), and re-analysing an evicted one costs seconds, so the most recently opened few are enough.
CACHED_STORIES = 16
STORY_PREFIX = "/stories/{story_id}"
STORY_API_PREFIX = "/api/stories/{story_id}"


class StoreLinks:
    """Where the store's own pages link: the index, the store-wide search, a story's report and its articles."""

    up = None
    home_name = "the stories"

    def home(self) -> str:
        return "/"

    def search(self) -> str:
        return "/search"

    def story(self, story_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}/"

    def article(self, story_id: str, article_id: str) -> str:
        return f"/stories/{quote(story_id, safe='')}/articles/{quote(article_id, safe='')}"


class StoreSite:
    """The store behind the UI: short read-only visits, and story analyses cached by their articles."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.links = StoreLinks()
        self.analyses: OrderedDict[str, tuple[tuple[str, ...], Site]] = OrderedDict()
        self.analysing = threading.Lock()
        self.cache = AnalysisCache(path)

    def visit(self) -> CorpusStore:
        """The store opened read-only for one request (checked in full once, when ``serve`` started); a store that
        stays locked past the wait, or went away, is a 503 page that says so."""
        try:
            return CorpusStore(self.path, read_only=True, check=False)
        except StoreError as error:
            raise StarletteHTTPException(503, str(error)) from error

    def page(self, template: str, **context: Any) -> str:
        return environment().get_template(template).render(links=self.links, standalone=False, store_name=self.path.name, **context)

    def cached(self, story_id: str, members: Iterable[str]) -> Site | None:
        entry = self.analyses.get(story_id)
        return entry[1] if entry is not None and entry[0] == tuple(members) else None

    def index(self) -> dict:
        """The stories with their finding counts, each story's from the first that is current of: this server's analysis,
        the analyses cache, an analysis saved in the store (``analyze --db --story``; dropped when its story changes).
        A story whose only analysis is out of date shows its counts marked as such; one never analysed shows none."""
        with self.visit() as store:
            stories = store.story_index()
            articles = store.article_count()
        cached = self.cache.counts()
        for story in stories:
            members = story.pop("article_ids")
            saved = story.pop("saved_findings")
            story.pop("newest_seq")
            site = self.cached(story["id"], members)
            entry = cached.get(story["id"])
            if site is not None:
                story.update(findings=finding_counts(site.dossier), analysis="current")
            elif entry is not None and entry.members == members_key(members):
                story.update(findings=entry.findings, analysis="current")
            elif saved is not None:
                story.update(findings={"disputed": saved[0], "corroborated": saved[1]}, analysis="current")
            elif entry is not None:
                story.update(findings=entry.findings, analysis="outdated", analysed_articles=entry.articles)
            else:
                story.update(findings=None, analysis=None)
        return {"articles": articles, "stories": stories}

    def story(self, story_id: str) -> Site:
        """A story's dossier and pages: from memory or the analyses cache when made from the story's articles as they
        are now, else analysed here and kept in both (never written to the store). The store is open only to read the
        story's members and, on a cache miss, its articles: a cache read waits for no ingest and keeps none waiting."""
        from rashomon.pipeline import dossier_of

        with self.analysing:
            with self.visit() as store:
                members = tuple(store.story_members(story_id))
            if not members:
                raise NotFound("story", story_id, "store")
            site = self.cached(story_id, members)
            if site is None:
                dossier = self.cache.dossier(story_id, members_key(members))
                if dossier is None:
                    with self.visit() as store:  # again: the story may have grown since
                        members = tuple(store.story_members(story_id))
                        annotated = store.story_articles(story_id)
                    if not members:
                        raise NotFound("story", story_id, "store")
                    dossier = dossier_of(annotated)
                    self.cache.keep(story_id, members_key(members), len(members), dossier)
                site = Site(dossier, ServeLinks(prefix=f"/stories/{quote(story_id, safe='')}", up="/"))
                self.analyses[story_id] = (members, site)
                while len(self.analyses) > CACHED_STORIES:
                    self.analyses.popitem(last=False)
            self.analyses.move_to_end(story_id)
            return site

    def search(self, query: str) -> dict:
        with self.visit() as store:
            return store.search(search_query(query))


def create_store_app(path: Path, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The ASGI app browsing the store at ``path`` (checked in full here, once), for allowed Host names only."""
    CorpusStore(path, read_only=True).close()
    site = StoreSite(path)

    def error_page(request: Request, status: int, title: str, message: str) -> str:
        return site.page("error.html", layout="store_base.html", status_code=status, title=title, message=message)

    app = hardened_app(allowed_hosts, error_page)

    @get_route(app, "/", response_class=HTMLResponse)
    def index() -> str:
        return site.page("stories.html", **site.index())

    @get_route(app, "/api/")
    def index_data() -> dict:
        return site.index()

    @get_route(app, "/search", response_class=HTMLResponse)
    def search_page(q: str = "") -> str:
        return site.page("store_search.html", query=q, results=site.search(q))

    @get_route(app, "/api/search")
    def search_data(q: str = "") -> dict:
        return {"query": q, **site.search(q)}

    add_dossier_routes(app, lambda request: site.story(request.path_params["story_id"]), STORY_PREFIX, STORY_API_PREFIX)
    return app
