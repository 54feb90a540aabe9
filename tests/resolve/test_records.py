import pytest

from rashomon.annotate import AnnotatedArticle
from rashomon.annotate.types import DocAnnotations, Mention, QuoteHit, SpeakerRef
from rashomon.ingest.text import normalize_text
from rashomon.model import Article
from rashomon.resolve.actors import resolve_actors
from rashomon.resolve.records import build_records, is_description_of

NAMED = Mention("Ilse Marwick", "PERSON", 0, 12, 0, 2)


@pytest.mark.parametrize(
    ("surface", "mention", "described"),
    [
        ("the retired colonel", NAMED, True),
        ("the 61-year-old", NAMED, True),
        # negative twins: a pronoun, the name itself, an indefinite phrase, a body or group, an organisation
        ("she", NAMED, False),
        ("Marwick, the retired colonel", NAMED, False),
        ("a retired colonel", NAMED, False),
        ("the police", NAMED, False),
        ("the company", Mention("Dorvan Bank", "ORG", 0, 11, 0, 2), False),
    ],
)
def test_a_definite_description_of_a_named_person_is_one(surface, mention, described):
    assert is_description_of(SpeakerRef(surface, 0, len(surface), mention=mention)) is described


def annotated(article_id, text, quotes):
    article = Article(id=article_id, source_path=f"{article_id}.txt", text=text)
    mentions = [Mention("Ilse Marwick", "PERSON", 0, 12, 0, 2), Mention("Bruno Marwick", "PERSON", 41, 54, 8, 10)]
    return AnnotatedArticle(article, normalize_text(text), DocAnnotations(mentions=mentions, quotes=quotes))


def quote(surface, mention):
    return QuoteHit("We will stay.", 63, 76, 62, 77, True, "said", speaker=SpeakerRef(surface, 78, 78 + len(surface), mention=mention))


def test_description_the_article_ties_to_a_name_becomes_its_alias_and_a_namesake_gets_none():
    text = "Ilse Marwick, a retired colonel, met her Bruno Marwick today. 'We will stay.' the retired colonel said."
    item = annotated("a1", text, [quote("the retired colonel", Mention("Ilse Marwick", "PERSON", 0, 12, 0, 2))])
    resolved = resolve_actors([("a1", mention) for mention in item.found.mentions])
    actors = {actor.name: actor for actor in build_records([item], resolved).actors}
    assert "the retired colonel" in actors["Ilse Marwick"].aliases
    assert "the retired colonel" not in actors["Bruno Marwick"].aliases


def test_a_pronoun_speaker_becomes_no_alias():
    text = "Ilse Marwick, a retired colonel, met her Bruno Marwick today. 'We will stay.' she said."
    item = annotated("a1", text, [quote("she", Mention("Ilse Marwick", "PERSON", 0, 12, 0, 2))])
    resolved = resolve_actors([("a1", mention) for mention in item.found.mentions])
    actors = {actor.name: actor for actor in build_records([item], resolved).actors}
    assert actors["Ilse Marwick"].aliases == ["Ilse Marwick"]


def test_a_description_alias_records_why_it_joined_and_a_pronoun_none():
    text = "Ilse Marwick, a retired colonel, met her Bruno Marwick today. 'We will stay.' the retired colonel said."
    item = annotated("a1", text, [quote("the retired colonel", Mention("Ilse Marwick", "PERSON", 0, 12, 0, 2))])
    resolved = resolve_actors([("a1", mention) for mention in item.found.mentions])
    actors = {actor.name: actor for actor in build_records([item], resolved).actors}
    (merge,) = actors["Ilse Marwick"].merges
    assert (merge.alias, merge.joined_to, merge.rule) == ("the retired colonel", "Ilse Marwick", "description")
    pronoun = annotated(
        "a1", text.replace("the retired colonel said", "she said"), [quote("she", Mention("Ilse Marwick", "PERSON", 0, 12, 0, 2))]
    )
    assert all(actor.merges == [] for actor in build_records([pronoun], resolved).actors)
