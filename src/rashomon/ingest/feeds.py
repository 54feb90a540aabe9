"""News feeds (RSS and Atom, read by feedparser): the items a feed lists, each with a stable key and a link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from rashomon.ingest.readers import InputProblem
from rashomon.ingest.web import XML_TYPES, Fetcher, Page, is_url

FEED_TYPES = XML_TYPES | {"text/html", "text/plain"}  # servers label feeds loosely; feedparser decides what the body is


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: ``key`` identifies it across polls (its id, else its link), ``link`` is the article."""

    key: str
    link: str
    title: str | None = None


@dataclass
class FeedPoll:
    """What one request for a feed returned: its items (none when it had not changed) and its validators."""

    url: str
    items: list[FeedItem]
    etag: str | None = None
    last_modified: str | None = None
    changed: bool = True


def feed_items(body: bytes, feed_url: str) -> list[FeedItem]:
    """The items of an RSS or Atom document that link to a web page, in the feed's order; InputProblem if it is no feed.

    (feedparser takes an Atom entry's id as its link when it has none, so a link is kept only when it is http(s).)"""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        raise InputProblem("not an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        link = urljoin(feed_url, entry.get("link") or "")
        if not entry.get("link") or not is_url(link):
            continue
        items.append(FeedItem(key=entry.get("id") or link, link=link, title=entry.get("title")))
    return items


def poll_feed(fetcher: Fetcher, url: str, etag: str | None = None, last_modified: str | None = None) -> FeedPoll:
    """Ask for a feed, conditionally when validators from the last poll are known (HTTP 304: nothing new)."""
    page: Page | None = fetcher.get(url, etag=etag, last_modified=last_modified, types=FEED_TYPES)
    if page is None:
        return FeedPoll(url, [], etag, last_modified, changed=False)
    return FeedPoll(url, feed_items(page.body, page.final_url), page.etag, page.last_modified)
