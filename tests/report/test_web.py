"""The web UI through its ASGI interface: pages, JSON twins, search, errors and security headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rashomon.model import Article, Claim, Dossier
from rashomon.report.html import ServeLinks
from rashomon.report.web import MAX_QUERY_CHARS, create_app

LOCAL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def client(example_dossier):
    return TestClient(create_app(example_dossier), base_url=LOCAL, raise_server_exceptions=False)


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
    client = TestClient(app, base_url=LOCAL, raise_server_exceptions=False)
    for path in (f"/actors/{example_dossier.actors[0].id}", f"/api/actors/{example_dossier.actors[0].id}"):
        response = client.get(path)
        assert response.status_code == 500
        assert "ZeroDivisionError" not in response.text and "Traceback" not in response.text
        assert response.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:9999", "localhost", "LOCALHOST:8765", "[::1]", "[::1]:8765"])
def test_loopback_host_names_are_served(client, host):
    assert client.get("/api/", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "localhost.", "[::2]", "", "a b"])
def test_other_host_names_get_400(client, host):
    """DNS rebinding: a page on another site that resolves its name to 127.0.0.1 must not read the dossier."""
    for path in ("/api/", "/", f"/api/articles/{client.get('/api/').json()['articles'][0]['id']}"):
        response = client.get(path, headers={"host": host})
        assert response.status_code == 400, (host, path)
        assert "articles" not in response.text
        assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_names_given_with_host_and_allow_host_are_served(example_dossier):
    app = create_app(example_dossier, allowed_hosts=["192.168.1.20", "news.lan", "::1", "*.home.arpa"])
    client = TestClient(app, base_url=LOCAL)
    for host in ("192.168.1.20:8765", "news.lan", "box.home.arpa", "localhost"):
        assert client.get("/api/", headers={"host": host}).status_code == 200, host
    for host in ("192.168.1.21", "news.lan.evil.example", "home.arpa.evil.example"):
        assert client.get("/api/", headers={"host": host}).status_code == 400, host


def test_head_answers_like_get(client, example_dossier):
    for path in ("/", "/api/", f"/actors/{example_dossier.actors[0].id}", "/static/report.css", "/search?q=said"):
        head, get = client.head(path), client.get(path)
        assert head.status_code == get.status_code == 200, path
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.content == b""
    assert client.head("/actors/nobody").status_code == client.get("/actors/nobody").status_code == 404


@pytest.fixture(scope="module")
def odd_ids_client():
    """A dossier whose article ids hold slashes and reserved URL characters (ids come from file names and records)."""
    ids = ["news/2024/flood.txt", "a?b=c&d#e", "100% sure", "plain"]
    articles = [
        Article(id=i, source_path=f"{n}.txt", title=f"Report {n}", text=f"Report number {n} about the flood.") for n, i in enumerate(ids)
    ]
    return TestClient(create_app(Dossier(articles=articles)), base_url=LOCAL), ids


def test_ids_with_reserved_characters_route_to_their_page(odd_ids_client):
    client, ids = odd_ids_client
    links = ServeLinks()
    for n, article_id in enumerate(ids):
        assert "?" not in links.article(article_id) and "#" not in links.article(article_id)
        page = client.get(links.article(article_id))
        assert page.status_code == 200 and f"Report {n}" in page.text, article_id
        assert client.get("/api" + links.article(article_id)).json()["article"]["id"] == article_id
    index = client.get("/").text
    assert 'href="/articles/news%2F2024%2Fflood.txt"' in index


def test_unknown_ids_near_real_ones_are_404(odd_ids_client):
    client, _ = odd_ids_client
    for path in ("/articles/news/2024", "/articles/news%2F2024", "/api/articles/a%3Fb"):
        assert client.get(path).status_code == 404, path


def test_search_query_is_capped(client):
    at_cap = client.get("/api/search", params={"q": "said " + "x" * (MAX_QUERY_CHARS - 5)})
    assert at_cap.status_code == 200 and at_cap.json()["claims"] == []
    too_long = client.get("/api/search", params={"q": "said " + "x" * 60_000})
    assert too_long.status_code == 400
    assert too_long.json()["error"]["message"] == f"The search query is longer than {MAX_QUERY_CHARS} characters."
    page = client.get("/search", params={"q": "x" * (MAX_QUERY_CHARS + 1)})
    assert page.status_code == 400 and "longer than" in page.text


def test_search_results_are_bounded():
    article = Article(id="a1", source_path="a1.txt", text="x")
    claims = [
        Claim(id=f"a1:c{n}", article_id="a1", text=f"Claim {n} about the dam.", status="asserted", start_char=0, end_char=1)
        for n in range(120)
    ]
    client = TestClient(create_app(Dossier(articles=[article], claims=claims)), base_url=LOCAL)
    assert len(client.get("/api/search", params={"q": "dam"}).json()["claims"]) == 50
    assert [c["id"] for c in client.get("/api/search", params={"q": "DAM claim 11"}).json()["claims"]] == [
        "a1:c11",
        *(f"a1:c11{n}" for n in range(10)),
    ]


def test_actor_page_lists_each_alias_with_why_it_joined(client, example_dossier):
    actor = next(a for a in example_dossier.actors if a.merges)
    page = client.get(f"/actors/{actor.id}").text
    assert f'Also written <span class="count">({len(actor.merges)})</span>' in page
    merge = actor.merges[0]
    assert f'<li>{merge.alias} <span class="meta">— {merge.reason}' in page
    assert client.get(f"/api/actors/{actor.id}").json()["actor"]["merges"][0] == merge.model_dump()
