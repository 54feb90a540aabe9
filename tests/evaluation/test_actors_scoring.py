from rashomon.evaluation.actors import non_merge_names, score_actors, spelling_key
from rashomon.model import Actor, Dossier

GOLD = {
    "actors": [
        {"name": "Ann Lee", "type": "PERSON", "variants": ["Ann Lee", "Lee", "Dr. Lee", "the surgeon"]},
        {"name": "Lee Clinic", "type": "ORGANIZATION", "variants": ["Lee Clinic", "the clinic"]},
    ],
    "actor_non_merges": [{"names": ["Ann Lee", "Tom Lee (her brother)"], "why": "siblings"}],
}


def dossier(*actors):
    return Dossier(
        actors=[Actor(id=i, name=aliases[0], type=kind, aliases=list(aliases), mentions=len(aliases)) for i, kind, aliases in actors]
    )


def test_spelling_key_ignores_case_possessive_and_article():
    assert spelling_key("The Lee Clinic's") == spelling_key("lee clinic") == "lee clinic"
    assert non_merge_names("Tom Lee (her brother) / T. Lee") == ["tom lee", "t. lee"]


def test_pairs_found_in_one_actor_count_as_merged():
    scores = score_actors(dossier(("p1", "PERSON", ["Ann Lee", "Lee"]), ("o1", "ORG", ["Lee Clinic"])), GOLD)
    assert (scores.merged_pairs, scores.gold_pairs, scores.false_merges, scores.type_errors) == (1, 1, 0, 0)
    assert scores.found_spellings == 3


def test_split_actor_is_a_missed_merge_and_a_wrong_type_is_counted():
    scores = score_actors(dossier(("p1", "PERSON", ["Ann Lee"]), ("p2", "ORG", ["Lee"]), ("o1", "ORG", ["Lee Clinic"])), GOLD)
    assert (scores.merged_pairs, scores.gold_pairs) == (0, 1)
    assert scores.missed == [("ann lee", "lee")]
    assert scores.type_errors == 1


def test_joined_gold_actors_and_non_merges_are_false_merges():
    joined = score_actors(dossier(("p1", "PERSON", ["Ann Lee", "Lee Clinic"])), GOLD)
    assert joined.gold_actors_joined == 1
    siblings = score_actors(dossier(("p1", "PERSON", ["Ann Lee", "Tom Lee"])), GOLD)
    assert (siblings.non_merges_checked, siblings.non_merges_joined) == (1, 1)
    apart = score_actors(dossier(("p1", "PERSON", ["Ann Lee"]), ("p2", "PERSON", ["Tom Lee"])), GOLD)
    assert (apart.non_merges_checked, apart.false_merges) == (1, 0)
