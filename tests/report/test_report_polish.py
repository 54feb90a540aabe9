"""The report's polish, on hand-built dossiers: a title that names the event, evidence in its context, "and N more" that
opens, and agreement-matrix labels kept whole."""

from __future__ import annotations

import base64
from urllib.parse import unquote

from rashomon.model import Article, Claim, Dossier, Finding
from rashomon.report.charts import agreement_matrix, wrapped
from rashomon.report.html import render_html
from rashomon.report.view import DossierView, sentence_after, sentence_before

TEXT = "The river rose overnight. Residents left their homes at dawn. Boats carried the last families out. Schools stayed shut."


def article(n: int, title: str | None, published: str | None, text: str = TEXT) -> Article:
    return Article(id=f"a{n}", source_path=f"a{n}.txt", outlet=f"Outlet {n}", title=title, published=published, text=text)


def claim(n: int, article_id: str, sentence: str, text: str = TEXT) -> Claim:
    start = text.index(sentence)
    return Claim(id=f"c{n}", article_id=article_id, text=sentence, status="asserted", start_char=start, end_char=start + len(sentence))


def test_headline_is_the_earliest_published_title():
    dossier = Dossier(
        articles=[
            article(1, "Later report", "2026-03-02T09:00:00"),
            article(2, "  Flood   forces evacuations ", "2026-03-01T08:00:00"),
            article(3, "Undated report", None),
        ]
    )
    assert DossierView(dossier).headline == "Flood forces evacuations"
    html = render_html(dossier)
    assert "<title>Flood forces evacuations — rashomon dossier</title>" in html
    assert '<p class="headline">Flood forces evacuations</p>' in html


def test_headline_without_dates_or_titles():
    assert DossierView(Dossier(articles=[article(1, None, None), article(2, "Second", None)])).headline == "Second"
    untitled = Dossier(articles=[article(1, None, "2026-03-01")])
    assert DossierView(untitled).headline is None
    assert "<title>rashomon dossier</title>" in render_html(untitled)


def test_neighbouring_sentences():
    middle = TEXT.index("Residents")
    end = TEXT.index(" Boats")
    assert sentence_before(TEXT, middle) == "The river rose overnight."
    assert sentence_after(TEXT, end) == "Boats carried the last families out."
    assert sentence_before(TEXT, 0) == ""
    assert sentence_after(TEXT, len(TEXT)) == ""


def test_neighbouring_sentences_are_cut_when_long():
    text = "word " * 200 + "Long one ends. Here it is."
    cut = sentence_before(text, text.index("Here"))
    assert cut.startswith("\u2026word") and cut.endswith("word Long one ends.") and len(cut) <= 301
    after = sentence_after("Start. " + "word " * 200, len("Start."))
    assert after.startswith("word") and after.endswith("\u2026") and len(after) <= 301


def test_evidence_card_shows_the_sentences_before_and_after():
    dossier = Dossier(
        articles=[article(1, "Flood", None)],
        claims=[claim(1, "a1", "Residents left their homes at dawn.")],
        findings=[Finding(id="f1", kind="single_source", summary="Residents left", claim_ids=["c1"], independent_sources=1)],
    )
    evidence = DossierView(dossier).claim_evidence("c1")
    assert (evidence.before, evidence.after) == ("The river rose overnight.", "Boats carried the last families out.")
    html = render_html(dossier)
    card = html[html.index('id="ev-c1"') :]
    card = card[: card.index("whole article")]
    assert '<p class="context before">The river rose overnight.</p>' in card
    assert '<p class="context after">Boats carried the last families out.</p>' in card


def corroborated_by(count: int) -> Dossier:
    articles = [article(n, f"Report {n}", None) for n in range(count)]
    claims = [claim(n, f"a{n}", "Boats carried the last families out.") for n in range(count)]
    finding = Finding(
        id="f1", kind="corroborated", summary="Boats carried families out", claim_ids=[c.id for c in claims], independent_sources=count
    )
    return Dossier(articles=articles, claims=claims, findings=[finding])


def test_and_n_more_opens_to_the_rest():
    html = render_html(corroborated_by(11))
    card = html[html.index('<article class="card corroborated"') :]
    card = card[: card.index("</article>")]
    assert '<details class="more"><summary>and 3 more</summary>' in card
    assert card.count('class="claim"') == 11
    assert "<script" not in html


def test_eight_claims_need_no_more():
    html = render_html(corroborated_by(8))
    assert "more</summary>" not in html


def test_long_labels_wrap_on_two_lines_and_only_then_shorten():
    assert wrapped("Outlet", 16) == "Outlet"
    assert wrapped("The Very Long Regional Morning Herald", 16) == "The Very Long\nRegional Mornin\u2026"
    assert wrapped("costs $5 more", 48) == r"costs \$5 more"


def test_matrix_shows_both_lines_of_a_long_finding():
    dossier = corroborated_by(2)
    dossier.findings[0].summary = "Boats carried the last families out of the flooded quarter before noon"
    svg = base64.b64decode(unquote(agreement_matrix(DossierView(dossier)).split(",", 1)[1])).decode()
    assert "f1 Boats carried the last families out of the" in svg
    assert "flooded quarter before noon" in svg


def test_a_long_headline_is_shortened_in_the_page_title_only():
    long_title = "Flood " + "and more rain " * 20
    html = render_html(Dossier(articles=[article(1, long_title, None)]))
    title = html[html.index("<title>") + len("<title>") : html.index("</title>")]
    assert title.endswith("... — rashomon dossier") and len(title) <= 100 + len(" — rashomon dossier")
    assert f'<p class="headline">{" ".join(long_title.split())}</p>' in html
