"""A small read-only web UI over one dossier: the report's templates, a page per item, a JSON twin for each page.

Every HTML page at ``/P`` has its data at ``/api/P``. Responses carry a
Content-Security-Policy that allows no script at all, errors are friendly pages
(or JSON under ``/api``) with the right status code, and no stack trace ever
reaches the client. Requests must name this server in their Host header (the
loopback names, or those the caller allows), so that a web page on another
site cannot read the dossier through DNS rebinding. Every page answers HEAD as
it answers GET; ids travel URL-encoded and may hold any character.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from rashomon.model import Dossier
from rashomon.report.charts import all_charts
from rashomon.report.html import ServeLinks, environment, stylesheet
from rashomon.report.view import DossierView

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# The names a browser on this machine uses for a loopback server; any port goes with them.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# Longest search query served: a sentence or a name is far shorter, and each extra word costs a pass over the
# dossier's texts (a 60 KB query took 2-3 s before this cap).
MAX_QUERY_CHARS = 200
STATUS_TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    422: "Bad request",
    500: "Something went wrong",
    503: "Busy",
}
log = logging.getLogger("rashomon.web")


class NotFound(Exception):
    """An id that is not in the dossier."""

    def __init__(self, kind: str, item_id: str, where: str = "dossier") -> None:
        super().__init__(f"no {kind} with id {item_id!r} in this {where}")


class Site:
    """The dossier behind the UI, with its view and charts computed once; ``links`` place its pages (see ServeLinks)."""

    def __init__(self, dossier: Dossier, links: ServeLinks | None = None) -> None:
        self.dossier = dossier
        self.view = DossierView(dossier)
        self.links = links or ServeLinks()

    @cached_property
    def charts(self) -> dict[str, str | None]:
        return all_charts(self.view)

    def page(self, template: str, **context: Any) -> str:
        return environment().get_template(template).render(view=self.view, links=self.links, standalone=False, **context)

    def finding(self, finding_id: str):
        if finding_id not in self.view.findings:
            raise NotFound("finding", finding_id)
        return self.view.findings[finding_id]

    def actor(self, actor_id: str):
        if actor_id not in self.view.actors:
            raise NotFound("actor", actor_id)
        return self.view.actors[actor_id]

    def article(self, article_id: str):
        if article_id not in self.view.articles:
            raise NotFound("article", article_id)
        return self.view.articles[article_id]

    def actor_context(self, actor_id: str) -> dict:
        actor = self.actor(actor_id)
        claims = [c for c in self.dossier.claims if actor_id in c.actor_ids or c.attributed_to == actor_id]
        claim_ids = {c.id for c in claims}
        return {
            "actor": actor,
            "quotes": [q for q in self.dossier.quotes if q.speaker_id == actor_id],
            "claims": claims,
            "findings": [f for f in self.dossier.findings if f.kind != "single_source" and claim_ids.intersection(f.claim_ids)],
        }

    def article_context(self, article_id: str, highlight: str | None) -> dict:
        article = self.article(article_id)
        evidence = self.view.evidence(highlight) if highlight else None
        if evidence is not None and evidence.article_id != article_id:
            evidence = None
        marks = [(evidence.start_char, evidence.end_char)] if evidence else []
        return {
            "article": article,
            "paragraphs": self.view.article_segments(article_id, marks),
            "highlighted": highlight if evidence else None,
            "highlight_span": [evidence.start_char, evidence.end_char] if evidence else None,
            "quotes": [q for q in self.dossier.quotes if q.article_id == article_id],
        }


def dump(items: list) -> list[dict]:
    return [item.model_dump(mode="json") for item in items]


def host_pattern(host: str) -> str:
    """A host name or address as a Host header writes it (IPv6 addresses in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def search_query(q: str) -> str:
    """The query, or a 400 when it is longer than ``MAX_QUERY_CHARS``."""
    if len(q) > MAX_QUERY_CHARS:
        raise StarletteHTTPException(400, f"The search query is longer than {MAX_QUERY_CHARS} characters.")
    return q


def hardened_app(allowed_hosts: Iterable[str], error_page: Callable[[Request, int, str, str], str]) -> FastAPI:
    """A FastAPI app that answers only requests naming an allowed host, adds the security headers to every response,
    and turns every error into ``error_page(request, status, title, message)`` (JSON under ``/api``), never a trace."""
    app = FastAPI(title="rashomon", docs_url=None, redoc_url=None, openapi_url=None)
    # Added before the headers middleware, so that its 400 answer carries the security headers too.
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=[*LOOPBACK_HOSTS, *(host_pattern(h) for h in allowed_hosts)], www_redirect=False
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable) -> Response:
        try:
            response = await call_next(request)
        except Exception:
            log.exception("request failed: %s", request.url.path)
            response = error_response(request, 500, "The server could not show this page.")
        response.headers.update(SECURITY_HEADERS)
        return response

    def error_response(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
        return HTMLResponse(error_page(request, status, STATUS_TITLES.get(status, "Error"), message), status_code=status)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        return error_response(request, 404, str(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = "There is no page at this address." if error.status_code == 404 else str(error.detail)
        return error_response(request, error.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 400, "The request's parameters are not valid.")

    @get_route(app, "/static/report.css")
    def css() -> Response:
        return Response(stylesheet(), media_type="text/css; charset=utf-8")

    return app


def get_route(app: FastAPI, path: str, **options: Any) -> Callable:
    """A route answering GET and HEAD alike (FastAPI's own ``get`` refuses HEAD with 405)."""
    return app.api_route(path, methods=["GET", "HEAD"], **options)


def add_dossier_routes(app: FastAPI, site_of: Callable[[Request], Site], prefix: str = "", api_prefix: str = "/api") -> None:
    """One dossier's pages under ``prefix`` and their JSON twins under ``api_prefix``; ``site_of(request)`` is the
    dossier a request is about (a store's story, chosen by a path parameter of the prefixes)."""

    def get(path: str, **options: Any) -> Callable:
        return get_route(app, path, **options)

    @get(f"{prefix}/", response_class=HTMLResponse)
    def index(request: Request) -> str:
        site = site_of(request)
        return site.page("report.html", charts=site.charts)

    @get(f"{api_prefix}/")
    def index_data(request: Request) -> dict:
        return site_of(request).dossier.model_dump(mode="json")

    @get(f"{prefix}/findings/{{finding_id:path}}", response_class=HTMLResponse)
    def finding_page(request: Request, finding_id: str) -> str:
        site = site_of(request)
        return site.page("finding.html", finding=site.finding(finding_id))

    @get(f"{api_prefix}/findings/{{finding_id:path}}")
    def finding_data(request: Request, finding_id: str) -> dict:
        site = site_of(request)
        finding = site.finding(finding_id)
        return {
            "finding": finding.model_dump(mode="json"),
            "claims": dump([site.view.claims[c] for c in finding.claim_ids if c in site.view.claims]),
        }

    @get(f"{prefix}/actors/{{actor_id:path}}", response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str) -> str:
        site = site_of(request)
        return site.page("actor.html", **site.actor_context(actor_id))

    @get(f"{api_prefix}/actors/{{actor_id:path}}")
    def actor_data(request: Request, actor_id: str) -> dict:
        context = site_of(request).actor_context(actor_id)
        return {"actor": context["actor"].model_dump(mode="json"), **{k: dump(context[k]) for k in ("quotes", "claims", "findings")}}

    @get(f"{prefix}/articles/{{article_id:path}}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str, hl: str | None = None) -> str:
        site = site_of(request)
        return site.page("article.html", **site.article_context(article_id, hl))

    @get(f"{api_prefix}/articles/{{article_id:path}}")
    def article_data(request: Request, article_id: str, hl: str | None = None) -> dict:
        context = site_of(request).article_context(article_id, hl)
        return {
            "article": context["article"].model_dump(mode="json"),
            "highlight": context["highlight_span"],
            "quotes": dump(context["quotes"]),
        }

    @get(f"{prefix}/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "") -> str:
        site = site_of(request)
        return site.page("search.html", query=q, results=site.view.search(search_query(q)))

    @get(f"{api_prefix}/search")
    def search_data(request: Request, q: str = "") -> dict:
        return {"query": q, **{kind: dump(items) for kind, items in site_of(request).view.search(search_query(q)).items()}}


def create_app(dossier: Dossier, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The ASGI app serving one dossier to requests whose Host is a loopback name or one of ``allowed_hosts``."""
    site = Site(dossier)

    def error_page(request: Request, status: int, title: str, message: str) -> str:
        return site.page("error.html", status_code=status, title=title, message=message)

    app = hardened_app(allowed_hosts, error_page)
    add_dossier_routes(app, lambda request: site)
    return app
