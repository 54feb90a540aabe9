"""Fetching articles from the web, against a site served on 127.0.0.1 (allowed explicitly; nothing else is reached)."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

import pytest

from rashomon.ingest import read_paths
from rashomon.ingest.web import Fetcher, FetchPolicy, FetchProblem, address_problem, fetch_article
from tests.helpers.local_site import start_site

LOCAL = (ipaddress.ip_network("127.0.0.1/32"),)


@pytest.fixture()
def site():
    server, state, base = start_site()
    yield state, base
    server.shutdown()
    server.server_close()


def local_fetcher(**policy) -> Fetcher:
    """A fetcher allowed to reach 127.0.0.1 only, without the per-host delay."""
    return Fetcher(FetchPolicy(allowed_networks=LOCAL, host_delay=0, **policy))


def refusal(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(FetchProblem) as caught:
        fetch_article(fetcher, url)
    return str(caught.value)


def test_a_page_becomes_an_article_with_its_metadata_raw_page_and_fetch_time(site):
    state, base = site
    with local_fetcher() as fetcher:
        article = fetch_article(fetcher, f"{base}/article.html")
    assert article.source_path == f"{base}/article.html"
    assert article.title == "Bridge reopens after repairs"
    assert article.author == "Mara Ellison"
    assert article.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert article.outlet == "Valley Courier"
    assert "replaced 40 steel cables" in article.text and "Contact us" not in article.text
    assert article.raw_html.startswith("<!doctype html>") and "Contact us" in article.raw_html
    assert article.fetched_at and article.fetched_at.endswith("+00:00")
    assert "raw_html" not in article.model_dump()  # the dossier does not carry the raw page
    user_agent = dict(state.requests)["/article.html"]["User-Agent"]
    assert user_agent.startswith("rashomon/")


def test_plain_text_is_read_and_named_by_its_host(site):
    _, base = site
    with local_fetcher() as fetcher:
        article = fetch_article(fetcher, f"{base}/notes.txt")
    assert article.title == "Ferry service resumes" and article.raw_html is None
    assert article.url == f"{base}/notes.txt"


def test_a_redirect_chain_is_followed_up_to_five_hops(site):
    state, base = site
    with local_fetcher() as fetcher:
        article = fetch_article(fetcher, f"{base}/hop/5")
        assert article.title == "Bridge reopens after repairs"
        assert article.url.endswith("/article.html")
        assert refusal(fetcher, f"{base}/hop/6") == "more than 5 redirects"
    assert state.asked("/hop/1") == 2 and state.asked("/article.html") == 1  # the sixth hop is never followed


def test_an_oversized_body_is_cut_off_while_streaming(site):
    _, base = site
    with local_fetcher() as fetcher:
        assert refusal(fetcher, f"{base}/big.html") == "body is over the 10,000,000-byte limit"


def test_a_body_that_stalls_or_trickles_times_out(site):
    _, base = site
    with local_fetcher(read_timeout=0.3) as fetcher:
        assert refusal(fetcher, f"{base}/slow.html") == "timed out reading (no data for 0.3 s)"
    with local_fetcher(max_seconds=0.5) as fetcher:  # each byte comes within the read timeout, the whole does not
        assert refusal(fetcher, f"{base}/trickle.html") == "download took over 0.5 s"


def test_only_html_xml_and_text_bodies_and_only_http_urls(site):
    _, base = site
    with local_fetcher() as fetcher:
        assert refusal(fetcher, f"{base}/photo.png") == "content type image/png is not HTML, XML or text"
        assert refusal(fetcher, f"{base}/ftp") == "only http and https URLs are fetched, not ftp"
        assert refusal(fetcher, "file:///etc/passwd") == "only http and https URLs are fetched, not file"
        assert refusal(fetcher, f"{base}/missing.html") == "HTTP 404"
        assert refusal(fetcher, "http://[::1/") == "malformed URL"
        assert refusal(fetcher, f"{base}/bad-redirect") == "malformed URL http://[oops/"


def test_robots_txt_is_honoured_unless_told_otherwise(site):
    state, base = site
    with local_fetcher() as fetcher:
        assert refusal(fetcher, f"{base}/private/page.html") == f"disallowed by {base}/robots.txt"
        fetch_article(fetcher, f"{base}/article.html")
    assert state.asked("/private/page.html") == 0 and state.asked("/robots.txt") == 1  # read once per site
    with local_fetcher(respect_robots=False) as fetcher:
        assert fetch_article(fetcher, f"{base}/private/page.html").title == "Bridge reopens after repairs"


def test_requests_to_one_host_wait_for_the_per_host_delay(site):
    _, base = site
    now, sleeps = [100.0], []

    def sleep(seconds: float) -> None:
        sleeps.append(round(seconds, 3))
        now[0] += seconds

    with Fetcher(FetchPolicy(allowed_networks=LOCAL, host_delay=2.0), clock=lambda: now[0], sleep=sleep) as fetcher:
        fetch_article(fetcher, f"{base}/article.html")  # robots.txt, then the page: one wait
        fetch_article(fetcher, f"{base}/notes.txt")
    assert sleeps == [2.0, 2.0]


def test_a_conditional_request_is_answered_not_modified(site):
    state, base = site
    with local_fetcher() as fetcher:
        page = fetcher.get(f"{base}/feed.xml")
        assert page.etag == state.feed_etag() and page.content_type == "application/rss+xml"
        assert fetcher.get(f"{base}/feed.xml", etag=page.etag) is None
        state.feed_items.append(3)
        assert fetcher.get(f"{base}/feed.xml", etag=page.etag) is not None
    assert dict(state.requests[-1][1])["If-None-Match"] == page.etag


def test_a_feed_given_as_an_article_says_how_to_read_it(site):
    _, base = site
    with local_fetcher() as fetcher:
        result = read_paths([f"{base}/feed.xml"], fetcher)
    assert [d.message for d in result.diagnostics] == ["is a news feed, not an article; read it with rashomon ingest --feed"]


def test_urls_and_files_mix_and_a_refusal_does_not_stop_the_batch(site, tmp_path):
    _, base = site
    (tmp_path / "story.txt").write_text("Storm closes port\n\nA storm forced the closure of the port on Monday, officials said.\n")
    with local_fetcher() as fetcher:
        result = read_paths([f"{base}/photo.png", f"{base}/article.html", str(tmp_path / "story.txt")], fetcher)
    assert [a.title for a in result.articles] == ["Bridge reopens after repairs", "Storm closes port"]
    assert [(d.source_path, d.message) for d in result.diagnostics] == [
        (f"{base}/photo.png", "content type image/png is not HTML, XML or text")
    ]


def test_the_default_policy_refuses_loopback_before_connecting(site):
    state, base = site
    with Fetcher(FetchPolicy(host_delay=0)) as fetcher:
        assert refusal(fetcher, f"{base}/article.html") == "refused: 127.0.0.1 is a loopback address (--allow-private fetches it)"
        assert (
            refusal(fetcher, "http://localhost:9/") == "refused: localhost (127.0.0.1) is a loopback address (--allow-private fetches it)"
        )
    assert state.requests == []


def test_a_redirect_into_a_private_range_is_refused(site):
    state, base = site
    with local_fetcher() as fetcher:  # 127.0.0.1 is let through, nothing else is
        assert refusal(fetcher, f"{base}/to-private") == "refused: 10.0.0.1 is a private address (--allow-private fetches it)"
    assert state.asked("/to-private") == 1


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("192.168.1.1", "a private address"),
        ("::ffff:192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("239.255.255.250", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("100.64.0.1", "a non-public address"),
        ("93.184.215.14", None),
        ("2a00:1450:4001::1", None),
    ],
)
def test_address_classes(address, problem):
    assert address_problem(ipaddress.ip_address(address)) == problem
