"""``serve --db`` in headless Chromium: index -> story -> finding -> evidence, again and again, while a real
``rashomon ingest`` adds articles to the same store in another process; no page may be an error page."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from starlette.testclient import TestClient

from rashomon.browse import create_store_app
from tests.helpers.stores import INVENTED, browse_store, invented_report
from tests.helpers.web import free_port, seed_story, serving, stop


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return browse_store(tmp_path_factory.mktemp("browse"))


@pytest.fixture()
def client(store) -> TestClient:
    return TestClient(create_store_app(store), base_url="http://127.0.0.1")


def test_browser_index_story_finding_evidence_while_an_ingest_runs(store, client, tmp_path, browser, artifacts):
    seed_id = seed_story(client)["id"]
    path = tmp_path / "news.duckdb"
    path.write_bytes(store.read_bytes())
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(invented_report(i)) + "\n" for i in range(INVENTED, INVENTED + 30)), encoding="utf-8")
    port = free_port()
    server, _ = serving("--db", str(path), "--port", str(port))
    writer = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "ingest", str(more), "--db", str(path), "--batch", "2", "--workers", "1"],
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    page = browser.new_page()
    rounds = 0
    try:
        while writer.poll() is None or rounds == 0:
            answer = page.goto(base + "/")
            assert answer.status == 200 and page.locator(".error").count() == 0
            page.locator(f'[id="story-{seed_id}"] a.story-title').click()
            page.wait_for_load_state()
            assert "/stories/" in page.url and page.locator(".error").count() == 0
            page.locator("#disputed .card h3 a, #corroborated .card h3 a").first.click()
            page.wait_for_load_state()
            assert "/findings/" in page.url and page.locator(".error").count() == 0
            page.locator("a.evidence-link").first.click()
            page.wait_for_load_state()
            highlighted = page.locator("mark#hl")
            assert "/articles/" in page.url and highlighted.is_visible() and highlighted.inner_text().strip()
            rounds += 1
        page.screenshot(path=str(artifacts / "browse-evidence.png"))
        done = writer.stderr.read()
        assert writer.returncode == 0, done
        assert "lock" not in done.casefold()
        page.goto(base + "/")
        assert f"and {INVENTED + 2 + 30} articles in news.duckdb" in page.inner_text("header")
        page.screenshot(path=str(artifacts / "browse-index.png"))
    finally:
        page.close()
        if writer.poll() is None:
            writer.kill()
        stop(server)
