"""Cross-source findings on short multi-article fixtures about invented events, each with a negative twin."""

import pytest

import rashomon
from rashomon.model import Article

WIRE = (
    "Dam bursts in Valdoria\n\n"
    "VALDORIA (AP) - A dam burst on Tuesday in northern Valdoria, flooding three villages and forcing thousands of residents "
    "to flee their homes, officials said. Rescue teams were searching for survivors along the river banks late into the night, "
    "and the regional governor Marta Ilic declared a state of emergency for the whole province."
)


def article(article_id, outlet, text, published=None):
    return Article(id=article_id, source_path=f"{article_id}.txt", outlet=outlet, published=published, text=text)


def analyze(*articles):
    return rashomon.analyze(list(articles))


def findings(dossier, kind):
    return [f for f in dossier.findings if f.kind == kind]


def test_wire_copies_count_as_one_origin():
    copy = WIRE.replace("late into the night", "late into Tuesday night")
    dossier = analyze(article("w1", "Daily A", WIRE), article("w2", "Daily B", copy))
    assert len({a.origin for a in dossier.articles}) == 1
    assert not findings(dossier, "corroborated")


def test_independent_reports_corroborate_with_two_sources():
    other = (
        "Floods after dam failure\n\n"
        "Thousands of residents fled their homes after a dam collapsed in northern Valdoria on Tuesday and flooded three villages, "
        "according to local officials. Governor Marta Ilic declared a state of emergency in the province."
    )
    dossier = analyze(article("w1", "Daily A", WIRE), article("i1", "Daily C", other))
    assert len({a.origin for a in dossier.articles}) == 2
    corroborated = findings(dossier, "corroborated")
    assert corroborated and max(f.independent_sources for f in corroborated) == 2


NUMBERS_A = "Ferry sinks off Corvia\n\nThe ferry sank 120 miles from the port of Corvia on Sunday, the coastguard said."
NUMBERS_B = "Ferry lost at sea\n\nThe ferry went down 125 miles from the port of Corvia on Sunday, according to the coastguard."
NUMBERS_B_ROUNDED = (
    "Ferry lost at sea\n\nThe ferry went down about 120 miles from the port of Corvia on Sunday, according to the coastguard."
)


def test_numeric_conflict_is_disputed_with_both_sides():
    dossier = analyze(article("n1", "Coast News", NUMBERS_A), article("n2", "Harbour Post", NUMBERS_B))
    (dispute,) = findings(dossier, "disputed")
    assert dispute.relation == "numeric_conflict"
    assert {side.outlets[0] for side in dispute.sides} == {"Coast News", "Harbour Post"}
    assert "120" in dispute.summary and "125" in dispute.summary
    assert dispute.independent_sources == 2


def test_agreement_within_rounding_is_not_disputed():
    dossier = analyze(article("n1", "Coast News", NUMBERS_A), article("n2", "Harbour Post", NUMBERS_B_ROUNDED))
    assert not findings(dossier, "disputed")
    assert any(f.independent_sources == 2 for f in findings(dossier, "corroborated"))


def test_scopes_that_differ_are_not_a_conflict():
    other = "Ferry update\n\nThe ferry carried 125 passengers from the port of Corvia on Sunday, the coastguard said."
    dossier = analyze(article("n1", "Coast News", NUMBERS_A), article("n2", "Harbour Post", other))
    assert not [f for f in findings(dossier, "disputed") if f.relation == "numeric_conflict"]


EARLY = "Protest arrests\n\nPolice in Lumera said 9 protesters were arrested after clashes outside parliament."
LATER = "Arrests rise\n\nThe number of protesters arrested in Lumera rose to 14 after clashes outside parliament, police said."


def test_evolving_figure_is_an_update_not_a_dispute():
    dossier = analyze(article("e1", "Lumera Times", EARLY, "2022-04-01T08:00"), article("e2", "City Wire", LATER, "2022-04-01T18:00"))
    assert not findings(dossier, "disputed")
    (update,) = findings(dossier, "evolving")
    assert update.sides[0].outlets == ["Lumera Times"] and "14" in update.sides[1].position


def test_same_figures_without_update_cue_conflict():
    later = LATER.replace("rose to 14", "was 14").replace("Arrests rise", "Arrests")
    dossier = analyze(article("e1", "Lumera Times", EARLY), article("e2", "City Wire", later))
    assert [f.relation for f in findings(dossier, "disputed")] == ["numeric_conflict"]


FLED = "Minister flees\n\nFinance minister Otto Brandt has reportedly fled the capital of Norvania after the scandal broke."
DENIAL = "Ministry responds\n\nThe ministry denied that finance minister Otto Brandt had fled the capital of Norvania after the scandal."
STAYED = "Minister at work\n\nFinance minister Otto Brandt stayed in the capital of Norvania and was working at his desk on Monday."


@pytest.mark.parametrize("text", [DENIAL, STAYED])
def test_denial_or_opposite_account_is_disputed(text):
    dossier = analyze(article("d1", "Norvania Today", FLED), article("d2", "State Radio", text))
    disputes = [f for f in findings(dossier, "disputed") if f.relation == "contradiction"]
    assert disputes
    statuses = {s for side in disputes[0].sides for s in side.statuses}
    assert "reported" in statuses


def test_unrelated_statements_about_same_actor_are_not_disputed():
    other = "Budget news\n\nFinance minister Otto Brandt presented the Norvania budget to parliament, which approved it on Monday."
    dossier = analyze(article("d1", "Norvania Today", FLED), article("d2", "State Radio", other))
    assert not findings(dossier, "disputed")


def test_single_source_numbers_are_listed():
    dossier = analyze(article("s1", "Coast News", NUMBERS_A))
    single = findings(dossier, "single_source")
    assert single and all(f.independent_sources == 1 for f in single)
