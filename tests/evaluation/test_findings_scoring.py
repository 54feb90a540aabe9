"""The findings scorer on hand-built dossiers: what counts as a right dispute, an impure group, a recovered copy group."""

from rashomon.evaluation.findings import GoldEvent, score_event
from rashomon.model import Article, Claim, Dossier, Finding, FindingSide

GOLD = GoldEvent.from_json(
    {
        "event": "e",
        "dataset": "hand",
        "articles": ["a", "b", "c"],
        "disputes": [
            {
                "id": "d1",
                "kind": "numeric",
                "sides": [
                    {"terms": ["killed 3"], "articles": ["a"], "position": "3"},
                    {"terms": ["killed three"], "articles": ["c"], "position": "3"},
                    {"terms": ["killed 5"], "articles": ["b"], "position": "5"},
                ],
            }
        ],
        "corroborated": [{"id": "c1", "terms": [["flood"], ["village"]], "articles": ["a", "b"]}],
        "copy_groups": [["a", "c"]],
    }
)
CLAIMS = [
    Claim(id="a1", article_id="a", text="The blast killed 3 people.", status="asserted", start_char=0, end_char=10),
    Claim(id="b1", article_id="b", text="The blast killed 5 people.", status="asserted", start_char=0, end_char=10),
    Claim(id="c1", article_id="c", text="The blast killed three people.", status="asserted", start_char=0, end_char=10),
    Claim(id="a2", article_id="a", text="A flood hit the village.", status="asserted", start_char=0, end_char=10),
    Claim(id="b2", article_id="b", text="The village was hit by a flood.", status="asserted", start_char=0, end_char=10),
]


def side(*claim_ids):
    return FindingSide(position="p", claim_ids=list(claim_ids), article_ids=[], outlets=[], statuses=[])


def dossier(findings, origins=("o1", "o2", "o1")):
    articles = [Article(id=i, source_path=i, origin=o) for i, o in zip("abc", origins)]
    return Dossier(articles=articles, claims=CLAIMS, findings=findings)


def finding(kind, claim_ids, sides=()):
    return Finding(id="f", kind=kind, summary="", claim_ids=claim_ids, independent_sources=2, sides=list(sides))


def test_a_dispute_between_two_gold_positions_is_right():
    scores = score_event(dossier([finding("disputed", ["a1", "b1"], [side("a1"), side("b1")])]), GOLD)
    assert (scores.right_disputes, scores.predicted_disputes, scores.found_disputes) == (1, 1, 1)


def test_a_dispute_between_wordings_of_one_position_is_wrong():
    scores = score_event(dossier([finding("disputed", ["a1", "c1"], [side("a1"), side("c1")])]), GOLD)
    assert (scores.right_disputes, scores.found_disputes) == (0, 0)


def test_a_group_holding_both_sides_of_a_dispute_is_impure():
    impure = score_event(dossier([finding("corroborated", ["a1", "b1"])]), GOLD)
    pure = score_event(dossier([finding("corroborated", ["a1", "c1"])]), GOLD)
    assert impure.figures()["corroborated_purity"] == 0.0
    assert pure.figures()["corroborated_purity"] == 1.0


def test_a_fact_needs_two_articles_with_every_term_group():
    found = score_event(dossier([finding("corroborated", ["a2", "b2"])]), GOLD)
    single = score_event(dossier([finding("corroborated", ["a2", "a1"])]), GOLD)
    assert (found.found_facts, single.found_facts) == (1, 0)


def test_copy_groups_and_pairs_of_same_origin():
    right = score_event(dossier([], ("o1", "o2", "o1")), GOLD)
    wrong = score_event(dossier([], ("o1", "o1", "o1")), GOLD)
    assert (right.recovered_copy_groups, right.right_pairs, right.article_pairs) == (1, 3, 3)
    assert (wrong.recovered_copy_groups, wrong.right_pairs) == (0, 1)
