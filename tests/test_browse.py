"""``serve --db``: the store's index, each story's report pages, the store-wide search and their JSON twins, over HTTP.

The store holds the bundled example (one story of two reports, with findings) and five invented fire reports (one
story each). The browser test (tests/report/test_store_browser.py, beside the other browser tests and their Chromium)
drives a real ``rashomon serve --db`` while a real ``rashomon ingest`` adds articles.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from rashomon.browse import create_store_app
from rashomon.model import Dossier
from rashomon.store.analyses import AnalysisCache, members_key
from rashomon.store.corpus import CorpusStore
from tests.helpers.cli import run_process as rashomon
from tests.helpers.stores import INVENTED, browse_store, invented_report
from tests.helpers.web import free_port, seed_story, serving, stop


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return browse_store(tmp_path_factory.mktemp("browse"))


@pytest.fixture()
def store(built, tmp_path) -> Path:
    """A copy of the built store for one test: the analyses a test's server caches beside it stay with that test."""
    path = tmp_path / built.name
    shutil.copyfile(built, path)
    return path


@pytest.fixture()
def client(store) -> TestClient:
    return TestClient(create_store_app(store), base_url="http://127.0.0.1")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_index_lists_the_largest_story_first_with_outlets_and_dates(store, client):
    index = client.get("/api/").json()
    assert index["articles"] == INVENTED + 2
    sizes = [story["articles"] for story in index["stories"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] == 2 and len(sizes) == INVENTED + 1
    singles = [story for story in index["stories"] if story["articles"] == 1]
    # among stories of one size, the newest first: the last invented report stored heads them
    assert singles[0]["title"] == invented_report(INVENTED - 1)["title"]
    assert singles[-1]["title"] == invented_report(0)["title"]
    assert singles[0]["outlets"] == [invented_report(INVENTED - 1)["outlet"]]
    with CorpusStore(store, read_only=True) as opened:
        stored = {story["id"]: story for story in opened.stories()}
    seed = seed_story(client)
    articles = stored[seed["id"]]["articles"]
    assert seed["outlets"] == sorted({a["outlet"] for a in articles if a["outlet"]})
    assert (seed["unknown_outlets"], singles[0]["unknown_outlets"]) == (sum(1 for a in articles if not a["outlet"]), 0)
    assert [singles[0]["first_published"][:10], singles[0]["last_published"][:10]] == [f"2026-03-{INVENTED:02d}"] * 2
    page = client.get("/")
    assert page.status_code == 200
    assert page.text.count("unknown outlet (") == sum(story["unknown_outlets"] > 0 for story in index["stories"]) > 0
    for story in index["stories"]:
        assert f'href="/stories/{story["id"]}/"' in page.text


def test_finding_counts_appear_once_a_story_is_analysed(client):
    story = seed_story(client)
    assert (story["findings"], story["analysis"]) == (None, None)
    assert "not analysed yet" in client.get("/").text
    dossier = client.get(f"/api/stories/{story['id']}/").json()
    kinds = [finding["kind"] for finding in dossier["findings"]]
    assert kinds, "the example's story has findings"
    assert seed_story(client)["findings"] == {"disputed": kinds.count("disputed"), "corroborated": kinds.count("corroborated")}
    assert seed_story(client)["analysis"] == "current"


def fresh_client(path: Path) -> TestClient:
    """A new server over the store at ``path``: nothing of an earlier one is in its memory."""
    return TestClient(create_store_app(path), base_url="http://127.0.0.1")


def test_a_story_opened_once_is_counted_by_every_later_server_from_the_cache(store, monkeypatch):
    first = fresh_client(store)
    story_id = seed_story(first)["id"]
    dossier = first.get(f"/api/stories/{story_id}/").json()
    kinds = [finding["kind"] for finding in dossier["findings"]]

    def no_analysis(annotated):
        raise AssertionError("the story was analysed again instead of read from the cache")

    monkeypatch.setattr("rashomon.pipeline.dossier_of", no_analysis)
    later = fresh_client(store)
    listed = later.get("/api/").json()["stories"]
    assert listed[0]["findings"] == {"disputed": kinds.count("disputed"), "corroborated": kinds.count("corroborated")}
    assert listed[0]["analysis"] == "current"
    assert later.get(f"/api/stories/{story_id}/").json() == dossier
    # negative twin: the stories nobody opened are not analysed to draw the index
    assert all((other["findings"], other["analysis"]) == (None, None) for other in listed[1:])
    page = later.get("/").text
    assert page.count("not analysed yet: <a") == len(listed) - 1
    assert AnalysisCache(store).path.is_file()


def test_a_store_whose_folder_takes_no_cache_is_served_without_one(store):
    blocked = AnalysisCache(store).path
    blocked.mkdir()  # a folder where the cache file would go: it cannot be created, as in a read-only folder
    before = digest(store)
    client = fresh_client(store)
    story_id = seed_story(client)["id"]
    page = client.get(f"/stories/{story_id}/")
    assert page.status_code == 200 and 'id="disputed"' in page.text
    assert seed_story(client)["analysis"] == "current", "kept in this server's memory"
    assert list(blocked.iterdir()) == [] and digest(store) == before
    assert seed_story(fresh_client(store))["analysis"] is None, "a new server finds no cache"


def test_an_analysis_made_before_the_story_grew_is_marked_outdated_and_redone_when_opened(store):
    with CorpusStore(store, read_only=True) as opened:
        story_id = opened.story_index()[0]["id"]
        members = opened.story_members(story_id)
    assert len(members) == 2
    # what a server left in the cache when the story held only its first article (no findings yet)
    AnalysisCache(store).keep(story_id, members_key(members[:1]), 1, Dossier())
    client = fresh_client(store)
    story = seed_story(client)
    assert (story["findings"], story["analysis"], story["analysed_articles"]) == ({"disputed": 0, "corroborated": 0}, "outdated", 1)
    assert "(outdated: analysed at 1 article; " in client.get("/").text
    dossier = client.get(f"/api/stories/{story_id}/").json()
    assert len(dossier["articles"]) == 2
    kinds = [finding["kind"] for finding in dossier["findings"]]
    assert seed_story(fresh_client(store))["findings"] == {"disputed": kinds.count("disputed"), "corroborated": kinds.count("corroborated")}
    assert "outdated" not in fresh_client(store).get("/").text


def test_story_pages_are_the_report_pages_under_the_story(client):
    story_id = seed_story(client)["id"]
    page = client.get(f"/stories/{story_id}/")
    assert page.status_code == 200
    assert 'id="disputed"' in page.text and 'href="/"' in page.text
    assert f'action="/stories/{story_id}/search"' in page.text
    dossier = client.get(f"/api/stories/{story_id}/").json()
    finding = next(f for f in dossier["findings"] if f["kind"] != "single_source")
    assert f'href="/stories/{story_id}/findings/{finding["id"]}"' in page.text
    finding_page = client.get(f"/stories/{story_id}/findings/{finding['id']}")
    assert finding_page.status_code == 200 and f"/stories/{story_id}/articles/" in finding_page.text
    twin = client.get(f"/api/stories/{story_id}/findings/{finding['id']}").json()
    assert twin["finding"]["id"] == finding["id"] and {c["id"] for c in twin["claims"]} == set(finding["claim_ids"])
    article = dossier["articles"][0]["id"]
    assert client.get(f"/api/stories/{story_id}/articles/{article}").json()["article"]["id"] == article


def test_unknown_story_is_a_404_page_and_json(client):
    page = client.get("/stories/s999/")
    assert page.status_code == 404 and "no story with id &#39;s999&#39; in this store" in page.text
    assert 'href="/">Back to the stories' in page.text
    data = client.get("/api/stories/s999/findings/f1")
    assert data.status_code == 404
    assert data.json() == {"error": {"status": 404, "message": "no story with id 's999' in this store"}}


def test_search_finds_articles_quotes_and_claims_across_stories(client):
    fire = invented_report(2)
    found = client.get("/api/search", params={"q": "homes " + fire["title"].split()[2]}).json()
    assert [item["title"] for item in found["articles"]] == [fire["title"]]
    assert found["claims"] and all("homes" in item["text"].lower() for item in found["claims"])
    said = client.get("/api/search", params={"q": "never seen"}).json()
    assert all({"never", "seen"} <= set(item["text"].lower().split()) for item in said["quotes"])
    assert sum(item["text"].startswith("We have never seen") for item in said["quotes"]) == INVENTED
    page = client.get("/search", params={"q": "never seen"})
    assert page.status_code == 200 and page.text.count(f'href="/stories/{found["articles"][0]["story_id"]}/articles/') >= 1


def test_search_negative_twins(client):
    assert client.get("/api/search", params={"q": "zeppelinquartz"}).json() == {
        "query": "zeppelinquartz",
        "articles": [],
        "quotes": [],
        "claims": [],
    }
    # LIKE wildcards are plain characters
    assert client.get("/api/search", params={"q": "%"}).json()["articles"] == []
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 400


def test_browsing_never_writes_to_the_store(store, client):
    before = digest(store)
    for path in ("/", "/api/", f"/stories/{seed_story(client)['id']}/", "/search?q=fire", "/stories/s999/"):
        client.get(path)
    assert digest(store) == before
    assert not store.with_name(store.name + ".wal").exists()


def test_a_store_locked_past_the_wait_is_a_503_page(store, client, monkeypatch):
    monkeypatch.setenv("RASHOMON_LOCK_WAIT", "0.3")
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(store)!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        page = client.get("/")
        assert page.status_code == 503
        assert "in use by another process (still after waiting 0.3 s); try again later" in page.text
        assert "Traceback" not in page.text
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    assert client.get("/").status_code == 200


def test_serve_db_prints_where_it_serves_and_the_old_story_mode_still_works(store):
    port = free_port()
    server, lines = serving("--db", str(store), "--port", str(port))
    try:
        assert lines == [f"rashomon: serving {store} at http://127.0.0.1:{port}/ (Ctrl+C stops)"]
    finally:
        stop(server)
    before = digest(store)
    port = free_port()
    server, _ = serving("--db", str(store), "--story", "s1", "--port", str(port), until="serving")
    stop(server)
    assert digest(store) == before, "serve --story reads the store and never writes its analysis into it"


def test_serve_needs_one_source(tmp_path):
    missing = tmp_path / "missing.duckdb"
    done = rashomon("serve", "--db", str(missing), "--port", str(free_port()))
    assert done.returncode == 2 and done.stderr == f"rashomon: {missing}: no such store\n"

    done = rashomon("serve")
    assert done.returncode == 2 and done.stderr == "rashomon: give a DOSSIER.json, or --db STORE\n"
    done = rashomon("serve", "d.json", "--story", "s1")
    assert done.returncode == 2 and done.stderr == "rashomon: --story goes with --db STORE\n"
