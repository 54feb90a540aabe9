"""End-to-end: the bundled example against golden files, and the Python API."""

import json
import os

import pytest

import rashomon
from rashomon.align.embed import encoder
from rashomon.annotate import annotate_articles
from rashomon.clustering import lead_of
from rashomon.model import Article, Dossier
from rashomon.report import render
from tests.helpers.golden import check_golden
from tests.helpers.paths import EXAMPLE, ROOT


@pytest.fixture(scope="module")
def analysed_example() -> Dossier:
    """The bundled example analysed now (the report tests' ``example_dossier`` is its pinned golden file instead)."""
    return rashomon.analyze(EXAMPLE)


def comparable(dossier: Dossier) -> dict:
    data = dossier.model_dump(mode="json")
    data.pop("generated_at")
    for diagnostic in data["diagnostics"]:
        diagnostic["source_path"] = os.path.relpath(diagnostic["source_path"], ROOT)
    for article in data["articles"]:
        article["source_path"] = os.path.relpath(article["source_path"], ROOT)
    return data


def test_example_dossier_matches_golden(analysed_example):
    check_golden("example_dossier.json", json.dumps(comparable(analysed_example), indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def test_example_markdown_matches_golden(analysed_example):
    markdown = render(analysed_example, "md").replace(str(ROOT) + "/", "")
    check_golden("example_dossier.md", markdown + "\n")


def test_every_item_points_at_its_evidence(analysed_example):
    texts = {a.id: a.text for a in analysed_example.articles}
    for number in analysed_example.numbers:
        assert texts[number.article_id][number.start_char : number.end_char] == number.text
    for claim in analysed_example.claims:
        assert texts[claim.article_id][claim.start_char : claim.end_char] == claim.text
    for quote in analysed_example.quotes:
        evidence = texts[quote.article_id][quote.start_char : quote.end_char]
        assert all(piece in evidence for piece in quote.text.split("\n"))


def test_dossier_round_trips_through_json(analysed_example):
    assert Dossier.from_json(analysed_example.to_json()) == analysed_example


def test_api_accepts_article_objects():
    article = Article(
        id="t1",
        source_path="memory",
        outlet="Test Wire",
        published="2022-05-02",
        text=(
            "Quake hits coast\n\n"
            "A magnitude 6.1 earthquake struck the coast of Elbonia on Sunday, killing at least 12 people, officials said."
        ),
    )
    dossier = rashomon.analyze([article])
    assert [a.id for a in dossier.articles] == ["t1"]
    assert any(n.value == 12 and n.qualifier == "at least" and n.dimension == "people" for n in dossier.numbers)
    assert any(d.value == "2022-05-01" for d in dossier.dates)
    assert dossier.claims and dossier.claims[0].status == "reported"


def test_example_disagreements_are_disputed_and_shared_facts_corroborated(analysed_example):
    disputed = [f for f in analysed_example.findings if f.kind == "disputed"]
    assert disputed
    for finding in disputed:
        assert len(finding.sides) == 2
        assert {a for side in finding.sides for a in side.article_ids} == {a.id for a in analysed_example.articles}
    corroborated = [f for f in analysed_example.findings if f.kind == "corroborated"]
    assert corroborated and all(f.independent_sources == 2 for f in corroborated)


LEVEE_TEXT = "Levee holds\n\nThe levee on the Marrow river held overnight, the valley water board said on Tuesday, after two days of rain."


def test_story_features_load_no_encoder_when_the_workers_embedded_every_lead(monkeypatch):
    from rashomon import pipeline

    annotated = list(annotate_articles([Article(id="a", source_path="a.txt", title="Levee holds", text=LEVEE_TEXT)]))
    loads = []
    monkeypatch.setattr(pipeline, "encoder", lambda: loads.append(1) or encoder())
    assert pipeline.story_features(annotated)[0].embedding == pytest.approx(list(encoder().encode([lead_of("Levee holds", LEVEE_TEXT)])[0]))
    assert loads == [1]
    annotated[0].lead_embedding = [0.5] * 384
    assert pipeline.story_features(annotated)[0].embedding == [0.5] * 384
    assert loads == [1]
