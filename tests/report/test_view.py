"""The report's view of a dossier: inside a dispute, the words marked are the figures the finding's sides hold."""

from __future__ import annotations

from rashomon.model import Article, Claim, Dossier, Finding, FindingSide, NumberClaim
from rashomon.report.view import DossierView

TEXT = "The fire destroyed 40 homes and 3 barns on Monday, the county said."
OTHER = "The fire destroyed 55 homes, officials said."


def number(number_id: str, article_id: str, text: str, words: str, value: float) -> NumberClaim:
    start = text.index(words)
    return NumberClaim(
        id=number_id,
        article_id=article_id,
        value=value,
        dimension="count",
        counted=words.split()[-1],
        text=words,
        sentence=text,
        start_char=start,
        end_char=start + len(words),
    )


def dispute(held_here: list[str], held_there: list[str]) -> Dossier:
    """Two articles disagreeing on a figure; the first article's claim also holds a figure nobody disputes."""
    numbers = [number("n1", "a1", TEXT, "40 homes", 40), number("n2", "a1", TEXT, "3 barns", 3), number("n3", "a2", OTHER, "55 homes", 55)]
    claims = [
        Claim(id="c1", article_id="a1", text=TEXT, status="asserted", number_ids=["n1", "n2"], start_char=0, end_char=len(TEXT)),
        Claim(id="c2", article_id="a2", text=OTHER, status="asserted", number_ids=["n3"], start_char=0, end_char=len(OTHER)),
    ]
    sides = [
        # Positions worded unlike the numbers' own text: the view must not find the figures by matching strings.
        FindingSide(position="forty", claim_ids=["c1"], article_ids=["a1"], outlets=[None], statuses=["asserted"], number_ids=held_here),
        FindingSide(
            position="fifty-five", claim_ids=["c2"], article_ids=["a2"], outlets=[None], statuses=["asserted"], number_ids=held_there
        ),
    ]
    finding = Finding(
        id="f1",
        kind="disputed",
        summary="figures differ",
        claim_ids=["c1", "c2"],
        independent_sources=2,
        relation="numeric_conflict",
        sides=sides,
    )
    articles = [Article(id="a1", source_path="a1.txt", text=TEXT), Article(id="a2", source_path="a2.txt", text=OTHER)]
    return Dossier(articles=articles, numbers=numbers, claims=claims, findings=[finding])


def marked(dossier: Dossier, claim_id: str) -> list[str]:
    evidence = DossierView(dossier).claim_evidence(claim_id, dossier.findings[0])
    return [segment.text for segment in evidence.segments if segment.marked]


def test_only_the_figures_a_side_holds_are_marked():
    dossier = dispute(["n1"], ["n3"])
    assert marked(dossier, "c1") == ["40 homes"]
    assert marked(dossier, "c2") == ["55 homes"]


def test_a_dossier_whose_sides_carry_no_numbers_marks_all_of_a_claims_figures():
    assert marked(dispute([], []), "c1") == ["40 homes", "3 barns"]


def test_outside_a_dispute_the_whole_claim_is_marked():
    dossier = dispute(["n1"], ["n3"])
    evidence = DossierView(dossier).claim_evidence("c1")
    assert [segment.text for segment in evidence.segments if segment.marked] == [TEXT]
