from rashomon.annotate.types import Mention
from rashomon.resolve.actors import clean_name, resolve_actors


def mention(text, label="PERSON"):
    return Mention(text, label, 0, len(text), 0, 1)


def run(*items):
    resolved = resolve_actors([(article, mention(text, label)) for article, text, label in items])
    return resolved, {actor_id: group for actor_id, group in resolved.groups.items()}


def actor_of(resolved, text, label="PERSON"):
    return resolved.actor_id(mention(text, label))


def test_clean_name_strips_titles_and_possessives():
    assert clean_name("President Maria Lopez's") == "Maria Lopez"
    assert clean_name("Mr Okafor") == "Okafor"
    assert clean_name("the Red Cross") == "Red Cross"
    assert clean_name("Jane Hill MP") == "Jane Hill"


def test_full_name_surname_title_and_possessive_join():
    resolved, _ = run(("a1", "Maria Lopez", "PERSON"), ("a2", "Lopez", "PERSON"), ("a2", "President Lopez", "PERSON"), ("a1", "Lopez's", "PERSON"))
    assert len({actor_of(resolved, t) for t in ("Maria Lopez", "Lopez", "President Lopez", "Lopez's")}) == 1
    (group,) = resolved.groups.values()
    assert group.canonical() == "Maria Lopez"
    assert group.articles == {"a1", "a2"}


def test_misspelling_with_transposed_letters_joins():
    resolved, _ = run(("a1", "Grigory Antonov", "PERSON"), ("a2", "Grigory Antnoov", "PERSON"), ("a2", "Antnoov", "PERSON"))
    assert actor_of(resolved, "Grigory Antonov") == actor_of(resolved, "Grigory Antnoov") == actor_of(resolved, "Antnoov")


def test_misspelled_surname_mistyped_by_tagger_still_joins():
    resolved, _ = run(("a1", "Grigory Antonov", "PERSON"), ("a1", "Antonov", "PERSON"), ("a2", "Antnoov", "GPE"))
    assert actor_of(resolved, "Antnoov", "GPE") == actor_of(resolved, "Grigory Antonov")


def test_type_decided_by_vote():
    resolved, _ = run(("a1", "Okafor", "PERSON"), ("a1", "Okafor", "PERSON"), ("a2", "Okafor", "ORG"))
    (group,) = resolved.groups.values()
    assert group.type == "PERSON"


def test_different_people_sharing_a_first_name_stay_apart():
    resolved, _ = run(("a1", "John Carter", "PERSON"), ("a1", "John Mills", "PERSON"))
    assert actor_of(resolved, "John Carter") != actor_of(resolved, "John Mills")


def test_surname_matching_two_full_names_stays_apart():
    resolved, _ = run(("a1", "Anna Kim", "PERSON"), ("a1", "Daniel Kim", "PERSON"), ("a2", "Kim", "PERSON"))
    ids = {actor_of(resolved, t) for t in ("Anna Kim", "Daniel Kim", "Kim")}
    assert len(ids) == 3


def test_same_role_different_people_stay_apart():
    resolved, _ = run(("a1", "President Ruth Banda", "PERSON"), ("a2", "President Peter Mwale", "PERSON"))
    assert actor_of(resolved, "President Ruth Banda") != actor_of(resolved, "President Peter Mwale")


def test_first_name_spelling_variant_joins_same_surname():
    resolved, _ = run(("a1", "Dmitriy Volkov", "PERSON"), ("a2", "Dmitri Volkov", "PERSON"))
    assert actor_of(resolved, "Dmitriy Volkov") == actor_of(resolved, "Dmitri Volkov")


def test_organisation_suffix_and_acronym_join():
    resolved, _ = run(("a1", "the Green Party", "ORG"), ("a2", "Green", "ORG"), ("a1", "World Health Organization", "ORG"), ("a2", "WHO", "ORG"))
    assert actor_of(resolved, "the Green Party", "ORG") == actor_of(resolved, "Green", "ORG")
    assert actor_of(resolved, "World Health Organization", "ORG") == actor_of(resolved, "WHO", "ORG")
    assert actor_of(resolved, "WHO", "ORG") != actor_of(resolved, "Green", "ORG")


def test_place_abbreviations_join():
    resolved, _ = run(("a1", "U.S.", "GPE"), ("a2", "US", "GPE"))
    assert actor_of(resolved, "U.S.", "GPE") == actor_of(resolved, "US", "GPE")


def test_names_that_clean_to_nothing_are_ignored():
    resolved, _ = run(("a1", "'s", "PERSON"), ("a1", "The", "ORG"), ("a1", "Ruth Banda", "PERSON"))
    assert actor_of(resolved, "Ruth Banda") is not None
    assert actor_of(resolved, "'s") is None
