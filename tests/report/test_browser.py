"""The report and the UI in headless Chromium, used as a person would: look, click, follow evidence.

Screenshots go to build/test-artifacts/. The injection tests load a corpus whose
title, outlet, URL and body carry scripts, event-handler attributes,
``javascript:`` links and a ``</script>`` break-out, and prove that none of them ran.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from rashomon.report import render
from tests.helpers.web import live_server

INJECTED = "() => [window.__xss, document.querySelectorAll('script, iframe, object, embed, [onerror], [onload]').length]"


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def assert_nothing_injected(page) -> None:
    flag, elements = page.evaluate(INJECTED)
    assert flag is None, "an injected script ran"
    assert elements == 0, "injected markup became elements"
    assert page.dialogs == []


def test_report_shows_disputes_and_evidence_on_click(page, example_dossier, tmp_path, artifacts):
    report = tmp_path / "report.html"
    report.write_text(render(example_dossier, "html"), encoding="utf-8")
    page.goto(report.as_uri())
    disputed = page.locator("#disputed .card.disputed")
    assert disputed.count() == sum(f.kind == "disputed" for f in example_dossier.findings)
    assert disputed.first.is_visible()
    assert disputed.first.locator(".side mark").first.is_visible()
    page.screenshot(path=str(artifacts / "report-top.png"))

    link = disputed.first.locator("a.evidence-link").first
    target = link.get_attribute("href")[1:]
    evidence = page.locator(f'[id="{target}"]')
    assert not evidence.is_visible()
    link.click()
    assert evidence.is_visible() and evidence.locator("mark").first.is_visible()
    page.screenshot(path=str(artifacts / "report-evidence.png"))

    page.locator("#actors a").first.click()
    assert page.evaluate("location.hash").startswith("#actor-")
    page.locator("#charts").screenshot(path=str(artifacts / "report-charts.png"))


def test_ui_index_actor_page_and_highlighted_evidence(page, example_dossier, artifacts):
    with live_server(example_dossier) as base:
        page.goto(base + "/")
        assert page.locator("#disputed .card.disputed").first.is_visible()
        page.screenshot(path=str(artifacts / "ui-index.png"))

        page.locator("#actors a").first.click()
        page.wait_for_load_state()
        assert "/actors/" in page.url and page.locator("h2.actor-name").is_visible()
        page.screenshot(path=str(artifacts / "ui-actor.png"))

        page.goto(base + "/")
        page.locator("#disputed a.evidence-link").first.click()
        page.wait_for_load_state()
        highlighted = page.locator("mark#hl")
        assert "/articles/" in page.url and highlighted.is_visible() and highlighted.inner_text().strip()
        page.screenshot(path=str(artifacts / "ui-evidence.png"))

        page.goto(base + "/search?q=" + example_dossier.actors[0].name.split()[-1])
        assert page.locator("main li, main blockquote").count() > 0


def test_injected_markup_never_runs_in_the_report(page, hostile_dossier, tmp_path, artifacts):
    report = tmp_path / "hostile.html"
    report.write_text(render(hostile_dossier, "html"), encoding="utf-8")
    page.goto(report.as_uri())
    assert_nothing_injected(page)
    assert "<script>window.__xss = 1</script>" in page.inner_text("body")
    for index in range(page.locator("a").count()):
        link = page.locator("a").nth(index)
        href = link.get_attribute("href") or ""
        assert not href.lower().lstrip().startswith("javascript")
        if href.startswith("#") and link.is_visible():
            link.click()
            assert_nothing_injected(page)
    page.screenshot(path=str(artifacts / "report-hostile.png"))


def test_injected_markup_never_runs_in_the_ui(page, hostile_dossier, artifacts):
    with live_server(hostile_dossier) as base:
        page.goto(base + "/")
        assert_nothing_injected(page)
        hrefs = {urljoin(base + "/", h) for h in page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")}
        assert not [h for h in hrefs if h.lower().startswith("javascript")]
        internal = sorted(h for h in hrefs if h.startswith(base))[:40]
        assert len(internal) > 5
        for url in internal:
            page.goto(url)
            assert_nothing_injected(page)
        page.goto(base + "/search?q=" + "%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E")
        assert_nothing_injected(page)
        page.goto(base + f"/articles/{hostile_dossier.articles[0].id}")
        assert "<script>window.__xss = 1</script>" in page.inner_text("body")
        page.screenshot(path=str(artifacts / "ui-hostile.png"))
