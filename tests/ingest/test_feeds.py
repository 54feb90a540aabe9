"""Reading RSS and Atom feeds into items."""

from __future__ import annotations

import pytest

from rashomon.ingest.feeds import feed_items
from rashomon.ingest.readers import InputProblem
from tests.helpers.local_site import feed_xml

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>
<entry><id>tag:harbour.example,2024:1</id><title>Ferry resumes</title><link href="/2024/ferry.html"/></entry>
<entry><id>tag:harbour.example,2024:2</id><title>No link here</title></entry>
</feed>"""


def test_rss_items_keep_their_order_guid_and_link():
    items = feed_items(feed_xml("https://news.example", [1, 2]).encode(), "https://news.example/feed.xml")
    assert [(i.key, i.link, i.title) for i in items] == [
        ("https://news.example/news/2.html", "https://news.example/news/2.html", "Item 2"),
        ("https://news.example/news/1.html", "https://news.example/news/1.html", "Item 1"),
    ]


def test_atom_links_are_made_absolute_and_items_without_a_link_left_out():
    items = feed_items(ATOM, "https://harbour.example/atom.xml")
    assert [(i.key, i.link) for i in items] == [("tag:harbour.example,2024:1", "https://harbour.example/2024/ferry.html")]


def test_a_page_that_is_no_feed_is_a_problem():
    with pytest.raises(InputProblem, match="not an RSS or Atom feed"):
        feed_items(b"<html><body><p>Just a page.</p></body></html>", "https://news.example/")
