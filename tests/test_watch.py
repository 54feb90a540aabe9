"""Feeds into the store: polling twice fetches new items only; conditional requests; the loop and Ctrl-C."""

from __future__ import annotations

import ipaddress

import pytest

from rashomon.ingest.web import Fetcher, FetchPolicy
from rashomon.store.corpus import CorpusStore
from rashomon.watch import parse_duration, poll_feeds_once, watch_feeds
from tests.helpers.local_site import start_site

LOCAL = (ipaddress.ip_network("127.0.0.1/32"),)


@pytest.fixture()
def site():
    server, state, base = start_site()
    yield state, base
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fetcher():
    with Fetcher(FetchPolicy(allowed_networks=LOCAL, host_delay=0)) as fetcher:
        yield fetcher


def stored_titles(store: CorpusStore) -> list[str]:
    return [row[0] for row in store.con.execute("SELECT title FROM articles ORDER BY seq").fetchall()]


def test_a_feed_polled_twice_fetches_new_items_only(site, fetcher, tmp_path):
    state, base = site
    with CorpusStore(tmp_path / "news.duckdb") as store:
        first = poll_feeds_once([f"{base}/feed.xml"], store, fetcher, engine="local", workers=1)
        assert (first.new_items, first.ingest.added) == (2, 2)
        state.feed_items.append(3)
        second = poll_feeds_once([f"{base}/feed.xml"], store, fetcher, engine="local", workers=1)
        assert (second.new_items, second.ingest.added) == (1, 1)
        third = poll_feeds_once([f"{base}/feed.xml"], store, fetcher, engine="local", workers=1)
        assert (third.new_items, third.not_modified, third.ingest.read) == (0, 1, 0)  # answered 304: nothing read
        assert stored_titles(store) == [f"Kelsford roadworks update number {n}" for n in (2, 1, 3)]
        fetched_at = store.con.execute("SELECT count(*) FROM articles WHERE fetched_at IS NOT NULL AND raw_html IS NOT NULL").fetchone()[0]
        assert fetched_at == 3
    assert [state.asked(f"/news/{n}.html") for n in (1, 2, 3)] == [1, 1, 1]
    feed_requests = [headers for path, headers in state.requests if path == "/feed.xml"]
    assert "If-None-Match" not in feed_requests[0] and feed_requests[2]["If-None-Match"] == state.feed_etag()


def test_an_item_refused_for_good_is_not_fetched_again_but_one_failed_for_now_is(site, fetcher, tmp_path):
    state, base = site
    state.feed_items, state.broken = [1, 2, 3], {2: 404, 3: 503}
    with CorpusStore(tmp_path / "news.duckdb") as store:
        first = poll_feeds_once([f"{base}/feed.xml"], store, fetcher, engine="local", workers=1)
        assert [(d.source_path, d.message) for d in first.ingest.diagnostics] == [
            (f"{base}/news/3.html", "HTTP 503"),
            (f"{base}/news/2.html", "HTTP 404"),
        ]
        state.broken = {}
        second = poll_feeds_once([f"{base}/feed.xml"], store, fetcher, engine="local", workers=1)
        assert (second.new_items, second.ingest.added, second.not_modified) == (1, 1, 0)  # no validators kept: asked whole
        assert stored_titles(store) == [f"Kelsford roadworks update number {n}" for n in (1, 3)]
    assert [state.asked(f"/news/{n}.html") for n in (1, 2, 3)] == [1, 1, 2]


def test_the_loop_polls_every_interval_and_stops_cleanly_on_ctrl_c(site, fetcher, tmp_path):
    state, base = site
    sleeps = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 1:
            state.feed_items.append(3)
        else:
            raise KeyboardInterrupt

    with CorpusStore(tmp_path / "news.duckdb") as store:
        rounds = watch_feeds([f"{base}/feed.xml"], store, fetcher, every=600.0, sleep=sleep, engine="local", workers=1)
        assert [r.ingest.added for r in rounds] == [2, 1] and sleeps == [600.0, 600.0]
        assert len(stored_titles(store)) == 3
        bounded = watch_feeds([f"{base}/feed.xml"], store, fetcher, every=600.0, rounds=2, sleep=sleeps.append, engine="local", workers=1)
        assert [r.not_modified for r in bounded] == [1, 1]


def test_an_interrupted_round_commits_the_articles_fetched(site, tmp_path):
    state, base = site
    state.feed_items = [1, 2, 3]
    calls = []

    def sleep(seconds: float) -> None:  # the per-host wait before the third item's page: Ctrl-C arrives there
        calls.append(seconds)
        if len(calls) == 4:
            raise KeyboardInterrupt

    now = [0.0]
    with (
        Fetcher(FetchPolicy(allowed_networks=LOCAL, host_delay=1.0), clock=lambda: now[0], sleep=sleep) as fetcher,
        CorpusStore(tmp_path / "news.duckdb") as store,
    ):
        done = poll_feeds_once([f"{base}/feed.xml"], store, fetcher, engine="local", workers=1)
        assert done.interrupted and done.ingest.added == 2
        assert stored_titles(store) == [f"Kelsford roadworks update number {n}" for n in (3, 2)]
        validators = store.con.execute("SELECT count(*) FROM feeds").fetchone()[0]
        assert validators == 0  # the feed was not read whole: next time it is asked for unconditionally


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600), ("45", 45), ("1.5m", 90)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5m", "ten minutes", "10d"])
def test_bad_durations(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_between_polls_other_processes_can_read_the_store(site, fetcher, tmp_path):
    """A feed poll gives the store back while it waits for the next round, so serve and stories can read it."""
    import subprocess
    import sys

    state, base = site
    path = tmp_path / "news.duckdb"
    probe = f"import duckdb; print(duckdb.connect({str(path)!r}, read_only=True).execute('SELECT count(*) FROM articles').fetchone()[0])"
    seen: list[str] = []

    def read_from_another_process(_seconds: float) -> None:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60)
        seen.append(done.stdout.strip() or done.stderr.strip().splitlines()[-1])
        state.feed_items.append(3)

    with CorpusStore(path) as store:
        watch_feeds([f"{base}/feed.xml"], store, fetcher, every=1, rounds=2, sleep=read_from_another_process, engine="local", workers=1)
    assert seen == ["2"]
