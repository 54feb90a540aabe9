"""A small news site served on 127.0.0.1 for the tests of fetching: pages, a feed, redirects and misbehaving bodies.

The tests that use it allow 127.0.0.1 explicitly; nothing here listens on or points at any other address, except
the redirect into a private range, which a test proves is refused before any connection is made.
"""

from __future__ import annotations

import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!doctype html>
<html><head><title>Bridge reopens after repairs | Valley Courier</title>
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Mara Ellison">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge in Kelsford reopened to traffic on Monday after eight months of repairs, the county council said.</p>
<p>Engineers replaced 40 steel cables and resurfaced the whole deck, according to a statement from the council.</p>
<p>"We are glad to have our bridge back," said Tom Hale, who runs a bakery on the north bank and had lost customers.</p>
</article><footer>Contact us</footer></body></html>
"""
ITEM = """<!doctype html>
<html><head><title>{title}</title><meta property="og:site_name" content="Valley Courier"></head><body><article><h1>{title}</h1>
<p>{body} The council said the work in Kelsford would be finished before the summer, and residents were asked to plan ahead.</p>
<p>A spokesperson for the council said that {count} crews were working on the site during the day and at night.</p>
</article></body></html>
"""
ROBOTS = "User-agent: *\nDisallow: /private/\n"
PLAIN = (
    "Ferry service resumes\n\n"
    "The ferry between the two harbours resumed its service on Tuesday after a week of storms, the operator said.\n"
)


def feed_xml(base: str, items: list[int]) -> str:
    """An RSS 2.0 feed listing the given item numbers, newest first."""
    entries = "".join(
        f"<item><title>Item {n}</title><link>{base}/news/{n}.html</link><guid>{base}/news/{n}.html</guid>"
        f"<pubDate>{formatdate(1_700_000_000 + n * 3600, usegmt=True)}</pubDate></item>"
        for n in reversed(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title><link>{base}/</link>{entries}</channel></rss>'


class Site:
    """What the site serves and what it was asked, shared with the handler threads."""

    def __init__(self) -> None:
        self.feed_items = [1, 2]
        self.broken: dict[int, int] = {}  # item number -> the HTTP error its page answers with
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def asked(self, path: str) -> int:
        with self.lock:
            return sum(1 for asked, _ in self.requests if asked == path)

    def feed_etag(self) -> str:
        return '"feed-' + "-".join(map(str, self.feed_items)) + '"'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    site: Site

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict | None = None,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.requests.append((self.path, dict(self.headers)))
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path == "/robots.txt":
            self.send(200, ROBOTS.encode(), "text/plain")
        elif path == "/article.html":
            self.send(200, ARTICLE.encode())
        elif path.startswith("/news/"):
            n = int(path.removeprefix("/news/").removesuffix(".html"))
            if n in site.broken:
                self.send(site.broken[n], b"error")
                return
            page = ITEM.format(title=f"Kelsford roadworks update number {n}", body=f"This is report {n} on the roadworks.", count=n + 2)
            self.send(200, page.encode())
        elif path == "/feed.xml":
            etag = site.feed_etag()
            if self.headers.get("If-None-Match") == etag:
                self.send(304, headers={"ETag": etag})
            else:
                self.send(200, feed_xml(base, site.feed_items).encode(), "application/rss+xml", {"ETag": etag})
        elif path.startswith("/hop/"):
            left = int(path.removeprefix("/hop/"))
            self.send(302, headers={"Location": f"/hop/{left - 1}" if left > 1 else "/article.html"})
        elif path == "/to-private":
            self.send(302, headers={"Location": "http://10.0.0.1/internal"})
        elif path == "/bad-redirect":
            self.send(302, headers={"Location": "http://[oops/"})
        elif path == "/ftp":
            self.send(302, headers={"Location": "ftp://127.0.0.1/file"})
        elif path == "/big.html":
            self.send_big()
        elif path == "/slow.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>")
            self.wfile.flush()
            time.sleep(3)
        elif path == "/trickle.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>.</p>")
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/photo.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/notes.txt":
            self.send(200, PLAIN.encode(), "text/plain; charset=utf-8")
        elif path == "/private/page.html":
            self.send(200, ARTICLE.encode())
        else:
            self.send(404, b"not found")

    def send_big(self) -> None:
        """11 MB of HTML with no Content-Length, so that only counting while streaming can stop it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        try:
            for _ in range(11_000_000 // len(chunk) + 1):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


def start_site() -> tuple[ThreadingHTTPServer, Site, str]:
    """Serve a fresh site on a free port of 127.0.0.1; returns the server, its state and its base URL."""
    site = Site()
    handler = type("SiteHandler", (Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, site, f"http://127.0.0.1:{server.server_address[1]}"
