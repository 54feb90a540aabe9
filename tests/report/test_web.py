"""The web UI through its ASGI interface: pages, JSON twins, search, errors and security headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rashomon.report.web import create_app


@pytest.fixture(scope="module")
def client(example_dossier):
    return TestClient(create_app(example_dossier), raise_server_exceptions=False)


def test_every_page_has_a_json_twin(client, example_dossier):
    actor = example_dossier.actors[0]
    article = example_dossier.articles[0]
    finding = example_dossier.findings[0]
    for path in ("/", f"/findings/{finding.id}", f"/actors/{actor.id}", f"/articles/{article.id}", "/search?q=said"):
        page = client.get(path)
        twin = client.get("/api" + path)
        assert page.status_code == twin.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert twin.headers["content-type"].startswith("application/json")
    assert client.get(f"/api/actors/{actor.id}").json()["actor"]["name"] == actor.name
    assert client.get(f"/api/findings/{finding.id}").json()["finding"]["id"] == finding.id


def test_article_page_highlights_the_requested_item(client, example_dossier):
    quote = example_dossier.quotes[0]
    page = client.get(f"/articles/{quote.article_id}", params={"hl": quote.id}).text
    assert 'class="evidence-span" id="hl"' in page
    data = client.get(f"/api/articles/{quote.article_id}", params={"hl": quote.id}).json()
    assert data["highlight"] == [quote.start_char, quote.end_char]
    assert client.get(f"/api/articles/{quote.article_id}", params={"hl": "no-such-item"}).json()["highlight"] is None


def test_search_finds_quotes_claims_and_actors(client, example_dossier):
    actor = max(example_dossier.actors, key=lambda a: a.mentions)
    word = actor.name.split()[-1]
    data = client.get("/api/search", params={"q": word.upper()}).json()
    assert any(a["id"] == actor.id for a in data["actors"])
    assert data["claims"] and all(word.casefold() in (c["text"] + (c["attributed_name"] or "")).casefold() for c in data["claims"])
    assert client.get("/api/search", params={"q": "zzqqxx-not-a-word"}).json()["claims"] == []


def test_errors_are_friendly_with_the_right_status(client):
    missing = client.get("/actors/nobody")
    assert missing.status_code == 404 and "no actor with id" in missing.text and "Traceback" not in missing.text
    assert missing.headers["content-type"].startswith("text/html")
    api_missing = client.get("/api/findings/f999")
    assert api_missing.status_code == 404 and api_missing.json()["error"]["status"] == 404
    assert client.get("/no/such/page").status_code == 404
    assert client.post("/").status_code == 405


def test_security_headers_on_every_response(client):
    for path in ("/", "/api/", "/nope", "/static/report.css"):
        headers = client.get(path).headers
        assert "script-src" not in headers["content-security-policy"]
        assert headers["content-security-policy"].startswith("default-src 'none'")
        assert headers["x-content-type-options"] == "nosniff"


def test_internal_error_shows_no_stack_trace(example_dossier, monkeypatch):
    from rashomon.report import web

    app = web.create_app(example_dossier)
    monkeypatch.setattr(web.Site, "actor_context", lambda self, actor_id: 1 / 0)
    client = TestClient(app, raise_server_exceptions=False)
    for path in (f"/actors/{example_dossier.actors[0].id}", f"/api/actors/{example_dossier.actors[0].id}"):
        response = client.get(path)
        assert response.status_code == 500
        assert "ZeroDivisionError" not in response.text and "Traceback" not in response.text
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
