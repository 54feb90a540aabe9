"""An article without outlet reads "unknown outlet" wherever the report names a source, never its title; several such
articles are told apart by a short id (matrix columns, sides of a dispute); an article with an outlet shows it."""

from __future__ import annotations

import base64
from urllib.parse import unquote

from rashomon.model import Article, Claim, Dossier, Finding, FindingSide, NumberClaim, Quote
from rashomon.report.charts import agreement_matrix
from rashomon.report.html import render_html
from rashomon.report.markdown import render_markdown
from rashomon.report.outlets import outlet_labels
from rashomon.report.view import DossierView

TEXTS = {
    "a3f9c21b7d0e1": "Officials said 40 homes were lost. The river kept rising.",
    "a7c04e9d2b6f3": "Officials said 55 homes were lost. Roads stayed closed.",
    "a1d2e3f4a5b6c": "Officials said 40 homes were lost. Schools stayed shut.",
}
TITLES = {"a3f9c21b7d0e1": "Mayor warns of more rain", "a7c04e9d2b6f3": "Bridge reopens after flood", "a1d2e3f4a5b6c": "Valley floods"}
SENTENCE = "Officials said {} homes were lost."


def flood(outlets: dict[str, str | None]) -> Dossier:
    """Three reports of one flood: two hold 40 homes lost and one 55, with a quote and a figure from each."""
    articles = [Article(id=i, source_path=f"{i}.txt", outlet=outlets.get(i), title=TITLES[i], text=t) for i, t in TEXTS.items()]
    claims, numbers, quotes = [], [], []
    for n, (article_id, text) in enumerate(TEXTS.items(), 1):
        sentence = text.split(". ")[0] + "."
        figure = sentence.split()[2]
        start = text.index(figure)
        numbers.append(
            NumberClaim(
                id=f"n{n}",
                article_id=article_id,
                value=float(figure),
                dimension="count",
                counted="homes",
                text=f"{figure} homes",
                sentence=sentence,
                start_char=start,
                end_char=start + len(figure) + 6,
            )
        )
        claims.append(
            Claim(
                id=f"c{n}",
                article_id=article_id,
                text=sentence,
                status="asserted",
                number_ids=[f"n{n}"],
                start_char=0,
                end_char=len(sentence),
            )
        )
        quotes.append(Quote(id=f"q{n}", article_id=article_id, text=sentence, direct=False, start_char=0, end_char=len(sentence)))
    holding = {"40": ["a3f9c21b7d0e1", "a1d2e3f4a5b6c"], "55": ["a7c04e9d2b6f3"]}
    sides = [
        FindingSide(
            position=f"{figure} homes",
            claim_ids=[c.id for c in claims if c.article_id in ids],
            article_ids=ids,
            outlets=[outlets.get(i) for i in ids],
            statuses=["asserted"] * len(ids),
        )
        for figure, ids in holding.items()
    ]
    finding = Finding(
        id="f1",
        kind="disputed",
        summary="homes lost",
        claim_ids=[c.id for c in claims],
        independent_sources=3,
        relation="numeric_conflict",
        sides=sides,
    )
    return Dossier(articles=articles, claims=claims, numbers=numbers, quotes=quotes, findings=[finding])


TWO_UNKNOWN = {"a1d2e3f4a5b6c": "Valley Courier"}


def matrix_svg(dossier: Dossier) -> str:
    return base64.b64decode(unquote(agreement_matrix(DossierView(dossier)).split(",", 1)[1])).decode()


def test_articles_without_outlet_are_unknown_outlets_told_apart_by_a_short_id():
    assert outlet_labels(flood(TWO_UNKNOWN).articles) == {
        "a3f9c21b7d0e1": "unknown outlet (a3f9c21)",
        "a7c04e9d2b6f3": "unknown outlet (a7c04e9)",
        "a1d2e3f4a5b6c": "Valley Courier",
    }


def test_one_article_without_outlet_is_just_unknown_outlet():
    labels = outlet_labels(flood({"a3f9c21b7d0e1": "Hill Times", "a1d2e3f4a5b6c": "Valley Courier"}).articles)
    assert labels == {"a3f9c21b7d0e1": "Hill Times", "a7c04e9d2b6f3": "unknown outlet", "a1d2e3f4a5b6c": "Valley Courier"}


def test_ids_that_share_their_start_are_shown_whole():
    articles = [Article(id=f"a1234567{n}", source_path=f"{n}.txt", text="x") for n in (0, 1)]
    assert outlet_labels(articles) == {"a12345670": "unknown outlet (a12345670)", "a12345671": "unknown outlet (a12345671)"}


def test_the_html_report_never_names_a_source_by_its_title():
    view = DossierView(flood(TWO_UNKNOWN))
    _, outlets, matrix = view.agreement
    assert outlets == ["unknown outlet (a3f9c21)", "unknown outlet (a7c04e9)", "Valley Courier"]
    assert matrix == [["supports", "disputes", "supports"]]
    assert [e.outlet for e in view.evidence_items[:3]] == outlets
    assert {row["outlet"] for row in view.timeline} <= set(outlets)
    html = render_html(flood(TWO_UNKNOWN))
    for title in TITLES.values():
        assert f"\u201c{title}" not in html  # the old label: the title in quotes, standing for the outlet
    assert html.count("unknown outlet (a7c04e9)") >= 3  # the side of the dispute, its evidence card, the quote, the figure
    assert "Valley Courier" in html


def test_the_matrix_columns_are_unknown_outlets_with_ids_not_titles():
    svg = matrix_svg(flood(TWO_UNKNOWN))
    assert svg.count("unknown outlet") == 2 and "(a3f9c21)" in svg and "(a7c04e9)" in svg and "Valley Courier" in svg
    assert not any(word in svg for word in ("Mayor", "Bridge"))


def test_the_markdown_report_names_unknown_outlets_and_keeps_titles_in_the_title_column():
    markdown = render_markdown(flood(TWO_UNKNOWN))
    assert "side **55 homes** — unknown outlet (a7c04e9)" in markdown
    assert "side **40 homes** — unknown outlet (a3f9c21), Valley Courier" in markdown
    assert "| a7c04e9d2b6f3 | unknown outlet (a7c04e9) | Bridge reopens after flood |" in markdown
    for title in TITLES.values():
        assert markdown.count(title) == 1, title  # in the articles table's title column only


def test_with_every_outlet_known_the_outlets_are_shown_and_no_unknown_outlet_appears():
    named = {"a3f9c21b7d0e1": "Hill Times", "a7c04e9d2b6f3": "River Post", "a1d2e3f4a5b6c": "Valley Courier"}
    markdown = render_markdown(flood(named))
    html = render_html(flood(named))
    assert "unknown outlet" not in markdown and "unknown outlet" not in html
    assert "side **55 homes** — River Post" in markdown
    assert DossierView(flood(named)).agreement[1] == ["Hill Times", "River Post", "Valley Courier"]
