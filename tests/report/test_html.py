"""The standalone HTML report: self-contained, ordered as a reader needs it, evidence linked, untrusted text inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from rashomon.report import render
from rashomon.report.view import safe_url, segments


class Collector(HTMLParser):
    """Tags with their attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def test_report_is_self_contained(example_dossier):
    page = parse(render(example_dossier, "html"))
    tags = page.tags
    assert not [t for t, a in tags if t in ("script", "iframe", "object", "embed", "link")]
    for tag, attrs in tags:
        if tag == "img":
            assert attrs["src"].startswith("data:image/svg+xml;base64,")
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_report_order_and_charts(example_dossier):
    html = render(example_dossier, "html")
    order = [
        html.index(f'id="{section}"')
        for section in ("disputed", "corroborated", "single-source", "charts", "actors", "quotes", "numbers", "timeline", "articles")
    ]
    assert order == sorted(order)
    assert html.count('<img src="data:image/svg+xml;base64,') >= 2
    assert "2 articles from 2 outlets" in html


def test_disputed_sides_show_each_outlet_with_contested_words_marked(example_dossier):
    html = render(example_dossier, "html")
    numeric = next(f for f in example_dossier.findings if f.relation == "numeric_conflict")
    card = html[html.index(f'id="finding-{numeric.id}"') :]
    card = card[: card.index("</article>")]
    assert card.count('class="side"') == len(numeric.sides) == 2
    marked = re.findall(r"<mark>(.*?)</mark>", card)
    assert len(marked) == 2 and all(any(ch.isdigit() for ch in m) for m in marked)


def test_every_evidence_link_has_its_target(example_dossier):
    html = render(example_dossier, "html")
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = [href[1:] for href in re.findall(r'href="(#[^"]+)"', html)]
    assert targets and all(t in ids for t in targets)
    cited = {c for f in example_dossier.findings for c in f.claim_ids}
    assert all(f"ev-{c}" in ids for c in cited)


def test_hostile_text_is_shown_as_text_never_as_markup(hostile_dossier):
    html = render(hostile_dossier, "html")
    page = parse(html)
    assert not [t for t, a in page.tags if t == "script" or any(k.startswith("on") for k in a)]
    assert not [a for t, a in page.tags if t == "a" and a.get("href", "").strip().lower().startswith("javascript")]
    assert not [t for t, a in page.tags if t == "img" and not a["src"].startswith("data:image/svg+xml")]
    visible = "".join(page.text)
    assert "<script>window.__xss = 1</script>" in visible
    assert "<img src=x onerror=window.__xss=1>" in visible


def test_safe_url_keeps_only_web_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "/relative", "vbscript:x", "http://", None, ""):
        assert safe_url(url) is None


def test_segments_merge_overlapping_marks():
    runs = segments("abcdefghij", 1, 9, [(2, 4), (3, 6), (8, 20)])
    assert [(r.text, r.marked) for r in runs] == [("b", False), ("cdef", True), ("gh", False), ("i", True)]


def test_example_report_matches_golden(example_dossier):
    from tests.helpers.golden import check_golden

    html = re.sub(r'src="data:image/svg\+xml;base64,[^"]+"', 'src="data:image/svg+xml;base64,CHART"', render(example_dossier, "html"))
    check_golden("example_report.html", html)
