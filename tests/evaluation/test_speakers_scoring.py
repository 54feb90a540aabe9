import pytest

from rashomon.evaluation.speakers import (
    GoldQuote,
    Scored,
    is_name,
    load_gold,
    outcome,
    quote_at,
    same_name,
    speaker_names,
    split_of,
    summary,
)
from rashomon.model import Actor, Article, Dossier, Quote

TEXT = 'Ann Lee, a spokeswoman for the clinic, spoke first. "We are not closing," she said. "Nothing changes," a friend said.'


def dossier(speaker_id=None, speaker_name=None):
    start = TEXT.index('"We')
    quotes = [
        Quote(
            id="q1",
            article_id="a1",
            text="We are not closing,",
            speaker_id=speaker_id,
            speaker_name=speaker_name,
            start_char=start,
            end_char=start + 21,
        ),
    ]
    actors = [Actor(id="p1", name="Ann Lee", type="PERSON", aliases=["Ann Lee", "the spokeswoman"])]
    return Dossier(articles=[Article(id="a1", source_path="a1.txt", text=TEXT)], actors=actors, quotes=quotes)


def gold(speaker):
    return GoldQuote("ecb_1_1ecb", "We are not closing", "she", speaker, "pronoun")


@pytest.mark.parametrize(
    ("predicted", "expected", "same"),
    [
        ("Ann Lee", "Ann Lee", True),
        ("Lee", "Ann Lee", True),
        ("Dr. Ann Lee", "Ann Lee", True),
        ("Ann Lee's", "Ann Lee", True),
        ("Tom Lee", "Ann Lee", False),
        ("Ann", "Ann Lee", False),
        ("Lee Clinic", "Ann Lee", False),
    ],
)
def test_a_name_matches_the_gold_as_itself_its_surname_or_a_longer_form(predicted, expected, same):
    assert same_name(predicted, expected) is same


@pytest.mark.parametrize(
    ("text", "name"), [("Ann Lee", True), ("the spokeswoman", False), ("He", False), ("The Times", True), ("police", False)]
)
def test_pronouns_and_descriptions_are_not_names(text, name):
    assert is_name(text) is name


def test_the_quote_is_found_by_its_first_words_with_spaces_collapsed():
    assert quote_at(dossier(), "We  are not").id == "q1"
    assert quote_at(dossier(), "Nothing changes") is None


def test_a_speaker_resolved_to_the_actor_is_right_and_a_kept_pronoun_is_left():
    resolved = dossier(speaker_id="p1", speaker_name="she")
    quote = resolved.quotes[0]
    assert speaker_names(resolved, quote) == ("Ann Lee",)
    assert outcome(gold("Ann Lee"), quote, speaker_names(resolved, quote)) == "right"
    kept = dossier(speaker_name="Some critics")
    assert speaker_names(kept, kept.quotes[0]) == ()
    assert outcome(gold("Ann Lee"), kept.quotes[0], ()) == "left"


def test_a_name_where_the_gold_has_another_or_none_is_wrong():
    quote = dossier().quotes[0]
    assert outcome(gold("Ann Lee"), quote, ("Tom Lee",)) == "wrong"
    assert outcome(gold(None), quote, ("Ann Lee",)) == "wrong"
    assert outcome(gold(None), quote, ()) == "right"
    assert outcome(gold("Ann Lee"), None, ()) == "missed"


def test_summary_counts_named_and_unnamed_outcomes():
    scored = [
        Scored(gold("Ann Lee"), ("Ann Lee",), "right"),
        Scored(gold("Ann Lee"), ("Tom Lee",), "wrong"),
        Scored(gold("Ann Lee"), (), "left"),
        Scored(gold(None), (), "right"),
        Scored(gold("Ann Lee"), (), "missed"),
    ]
    figures = summary(scored)
    assert (figures["named_right"], figures["named_wrong"], figures["named_left"], figures["named_missed"]) == (1, 1, 1, 1)
    assert figures["unnamed_right"] == 1
    assert figures["right_share"] == 2 / 4
    assert figures["name_precision"] == 1 / 2


def test_the_split_is_fixed_by_the_article_id_and_keeps_every_line_of_an_article_together(tmp_path):
    lines = [
        '{"article": "ecb_1_1ecb", "quote": "a", "attribution": "he", "speaker": "Ann Lee", "kind": "pronoun"}',
        '{"article": "ecb_1_1ecb", "quote": "b", "attribution": "the rep", "speaker": null, "kind": "description"}',
        '{"article": "fnc_7", "quote": "c", "attribution": "she", "speaker": "Tom Lee", "kind": "pronoun"}',
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n")
    dev, test = load_gold(path, "dev"), load_gold(path, "test")
    assert len(dev) + len(test) == len(load_gold(path)) == 3
    assert {g.article for g in dev}.isdisjoint({g.article for g in test})
    assert {split_of("ecb_1_1ecb"), split_of("fnc_7")} <= {"dev", "test"}
