"""The command line with web addresses: ``fetch``, and URLs given to ``analyze`` and ``ingest`` (a site on 127.0.0.1)."""

from __future__ import annotations

import json

import duckdb
import pytest

from tests.helpers.cli import run
from tests.helpers.local_site import start_site


@pytest.fixture()
def site():
    server, state, base = start_site()
    yield state, base
    server.shutdown()
    server.server_close()


def test_fetch_writes_articles_that_read_back_as_they_were(site, tmp_path):
    _, base = site
    out = tmp_path / "articles"
    done = run("fetch", f"{base}/article.html", f"{base}/photo.png", "notes.txt", "--allow-private", "-o", str(out))
    assert done.exit_code == 3, done.output  # written, with some inputs left out
    assert done.stderr.splitlines() == [
        f"{base}/photo.png: content type image/png is not HTML, XML or text",
        "notes.txt: not an http(s) URL",
        f"wrote 1 article(s) to {out}",
    ]
    [text_file] = out.glob("*.txt")
    [raw_file] = (out / ".raw").glob("*.html")
    assert text_file.name.startswith("127.0.0.1-a") and raw_file.stem == text_file.stem
    assert "Contact us" in raw_file.read_text()
    analysed = run("analyze", str(out))
    assert analysed.exit_code == 0, analysed.output
    [article] = json.loads(analysed.stdout)["articles"]
    assert text_file.stem.endswith(article["id"])  # the same text, so the same id as when fetched
    assert (article["title"], article["url"], article["outlet"], article["author"]) == (
        "Bridge reopens after repairs",
        f"{base}/article.html",
        "Valley Courier",
        "Mara Ellison",
    )
    assert article["fetched_at"].endswith("+00:00")


def test_fetch_refuses_loopback_by_default(site, tmp_path):
    state, base = site
    done = run("fetch", f"{base}/article.html", "-o", str(tmp_path / "out"))
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        f"{base}/article.html: refused: 127.0.0.1 is a loopback address (--allow-private fetches it)",
        "rashomon: no article fetched (see the diagnostics above)",
    ]
    assert state.requests == [] and not (tmp_path / "out").exists()


def test_analyze_and_fetch_into_a_store_take_urls(site, tmp_path):
    _, base = site
    done = run("analyze", f"{base}/article.html", f"{base}/private/page.html", "--allow-private")
    assert done.exit_code == 3, done.output
    assert json.loads(done.stdout)["articles"][0]["title"] == "Bridge reopens after repairs"
    assert f"{base}/private/page.html: disallowed by {base}/robots.txt" in done.stderr
    store = tmp_path / "news.duckdb"
    done = run("fetch", f"{base}/article.html", "--allow-private", "--db", str(store))
    assert done.exit_code == 0, done.output
    con = duckdb.connect(str(store), read_only=True)
    url, fetched_at, raw_html = con.execute("SELECT url, fetched_at, raw_html FROM articles").fetchone()
    assert url == f"{base}/article.html" and fetched_at.endswith("+00:00") and "Contact us" in raw_html


def test_ingest_feed_adds_new_items_and_says_so(site, tmp_path):
    _, base = site
    store = str(tmp_path / "news.duckdb")
    done = run("ingest", "--feed", f"{base}/feed.xml", "--db", store, "--allow-private", "--workers", "1")
    assert done.exit_code == 0, done.output
    assert done.stderr.splitlines()[-1] == "feeds: 2 new item(s); added 2, already stored 0"
    done = run("ingest", "--feed", f"{base}/feed.xml", "--db", store, "--allow-private", "--workers", "1")
    assert done.stderr.splitlines()[-1] == "feeds: 0 new item(s), 1 feed(s) unchanged; added 0, already stored 0"
    for args, message in (
        (["--feed", f"{base}/feed.xml", "--every", "soon"], "rashomon: --every: give a duration such as 30s, 10m or 1h, not 'soon'"),
        (["--every", "10m", "x.txt"], "rashomon: --every polls feeds: give it with --feed URL"),
        (["--feed", f"{base}/feed.xml", "x.txt"], "rashomon: give either PATHS or --feed URL, not both"),
    ):
        done = run("ingest", *args, "--db", store)
        assert (done.exit_code, done.stderr.strip()) == (2, message)
