"""Speakers given by a description, a role or a pronoun resolve to the named person the article introduced;
each rule has a negative twin where the article ties the words to no one (or to someone else)."""

import pytest

from rashomon.annotate.discourse import PRONOUN_WINDOW_SENTENCES
from rashomon.annotate.quotes import extract_quotes
from rashomon.annotate.speakers import entity_mentions


def direct_speaker(parse, text):
    """The speaker of the last direct quote: its resolved name, else its description, else None."""
    doc = parse(text)
    hits, _ = extract_quotes(doc, entity_mentions(doc))
    speaker = [hit for hit in hits if hit.direct][-1].speaker
    if speaker is None:
        return None
    return speaker.mention.text if speaker.mention is not None else speaker.description


def test_capitalised_rank_after_the_name_resolves_to_the_officer(parse):
    text = (
        "Colonel Martin Okonkwo spoke to reporters in the capital on Monday.\n\n"
        "\u201cThe next week will decide the campaign,\u201d said the former Colonel."
    )
    assert direct_speaker(parse, text) == "Martin Okonkwo"


def test_capitalised_rank_nobody_held_stays_a_description(parse):
    text = (
        "Senator Martin Okonkwo spoke to reporters in the capital on Monday.\n\n"
        "\u201cThe next week will decide the campaign,\u201d said the former Colonel."
    )
    assert direct_speaker(parse, text) == "the former Colonel"


def test_a_rank_implies_the_officer_a_later_description_names(parse):
    text = "Admiral Ruth Kessler has commanded the fleet since 2019.\n\n\u201cOur ships are ready,\u201d said the former naval officer."
    assert direct_speaker(parse, text) == "Ruth Kessler"


def test_a_role_that_is_no_rank_is_not_an_officer(parse):
    text = "Professor Ruth Kessler has studied the fleet since 2019.\n\n\u201cOur ships are ready,\u201d said the former naval officer."
    assert direct_speaker(parse, text) == "the former naval officer"


def test_apposition_with_a_place_ties_the_mayor(parse):
    text = (
        "Lena Brandt, the mayor of Springfield, visited the flooded streets.\n\n"
        "\u201cWe will rebuild every house,\u201d the mayor of Springfield told reporters."
    )
    assert direct_speaker(parse, text) == "Lena Brandt"


def test_the_mayor_of_another_place_is_not_the_mayor_introduced(parse):
    text = (
        "Lena Brandt, the mayor of Springfield, visited the flooded streets.\n\n"
        "\u201cWe will rebuild every house,\u201d the mayor of Shelbyville told reporters."
    )
    assert direct_speaker(parse, text) != "Lena Brandt"


def test_company_role_before_the_name_resolves_the_chief_executive(parse):
    text = (
        "Orbis chief executive Daniel Ferreira announced the merger on Tuesday.\n\n"
        "\u201cThis deal doubles our reach,\u201d said the company's chief executive."
    )
    assert direct_speaker(parse, text) == "Daniel Ferreira"


def test_chief_executive_with_no_one_introduced_stays_a_description(parse):
    text = (
        "Orbis engineer Daniel Ferreira announced the merger on Tuesday.\n\n"
        "\u201cThis deal doubles our reach,\u201d said the company's chief executive."
    )
    assert direct_speaker(parse, text) == "the company's chief executive"


def test_she_skips_the_latest_subject_when_he_is_a_man(parse):
    text = (
        "Mrs Helen Varga chairs the inquiry.\n\n"
        "Mr Peter Lindqvist, the council leader, defended the budget on Friday.\n\n"
        "\u201cThe figures do not add up,\u201d she said."
    )
    assert direct_speaker(parse, text).endswith("Helen Varga")


def test_he_takes_the_latest_subject_of_his_gender(parse):
    text = (
        "Mrs Helen Varga chairs the inquiry.\n\n"
        "Mr Peter Lindqvist, the council leader, defended the budget on Friday.\n\n"
        "\u201cThe figures add up,\u201d he said."
    )
    assert direct_speaker(parse, text).endswith("Peter Lindqvist")


GENDER_SHOWN_BY_PRONOUNS = (
    "Alexis Moreau opened the hearing.\n\n"
    "\u201cWe start with the budget,\u201d she said.\n\n"
    "Robin Hale answered the first question.\n\n"
    "\u201cThe budget is late,\u201d he said.\n\n"
    "\u201cIt was sent back twice,\u201d {pronoun} added."
)


@pytest.mark.parametrize(("pronoun", "expected"), [("she", "Alexis Moreau"), ("he", "Robin Hale")])
def test_gender_an_earlier_pronoun_showed_steers_the_next(parse, pronoun, expected):
    assert direct_speaker(parse, GENDER_SHOWN_BY_PRONOUNS.format(pronoun=pronoun)) == expected


FILLER = "The river kept rising through the night and the roads stayed closed. "


@pytest.mark.parametrize(("filler_sentences", "expected"), [(1, "Tomas Reyes"), (PRONOUN_WINDOW_SENTENCES + 2, None)])
def test_pronoun_resolves_only_within_its_window(parse, filler_sentences, expected):
    text = "Tomas Reyes inspected the dam on Monday.\n\n" + FILLER * filler_sentences + "\n\n\u201cIt will hold,\u201d he said."
    assert direct_speaker(parse, text) == expected


def test_surname_the_tagger_missed_takes_the_full_name(parse):
    # spaCy reads a sentence-initial "Waters" as a plural noun, not a name.
    text = "General Sir Anselm Waters, a former commander, spoke on Monday.\n\nWaters said: \u201cThe line will hold.\u201d"
    assert direct_speaker(parse, text) == "Anselm Waters"


def test_a_plural_noun_no_name_ends_stays_a_description(parse):
    text = "General Sir Anselm Waters, a former commander, spoke on Monday.\n\nOfficials said: \u201cThe line will hold.\u201d"
    assert direct_speaker(parse, text) != "Anselm Waters"


def cue_of(parse, text, name, label):
    """The cue type_cue reads for ``name`` in ``text``, given the label the tagger might have put on it."""
    from spacy.tokens import Span

    from rashomon.annotate.speakers import type_cue

    doc = parse(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name))
    return type_cue(Span(doc, span.start, span.end, label=label))


@pytest.mark.parametrize(
    ("text", "name", "label", "cue"),
    [
        ("Fighting broke out near Harkovo on Sunday.", "Harkovo", "ORG", "GPE"),
        ("The convoy stopped south of Harkovo at dawn.", "Harkovo", "PERSON", "GPE"),
        ("Troops were seen in Harkovo on Sunday.", "Harkovo", "PERSON", "GPE"),
        ("Troops trusted in Harkovo's plan on Sunday.", "Harkovo", "PERSON", None),
        ("Senators met in Congress on Sunday.", "Congress", "ORG", None),
        ("A report of Harkovo appeared on Sunday.", "Harkovo", "PERSON", None),
        ("The minister said on Chirper that the talks had failed.", "Chirper", "PERSON", "ORG"),
        ("The minister landed on Corsica after the talks.", "Corsica", "PERSON", None),
        ("In a Chirper post, the minister said the talks had failed.", "Chirper", "PERSON", "ORG"),
    ],
)
def test_type_cues_and_their_twins(parse, text, name, label, cue):
    assert cue_of(parse, text, name, label) == cue


def with_entities(doc, *spans):
    """The doc with these (text, label) entities set by hand, last occurrence each (the tagger seldom runs two names together)."""
    from spacy.tokens import Span

    entities = []
    for text, label in spans:
        found = doc.char_span(doc.text.rindex(text), doc.text.rindex(text) + len(text))
        entities.append(Span(doc, found.start, found.end, label=label))
    doc.ents = entities
    return doc


def test_names_run_together_with_and_are_cut_when_one_is_named_alone(parse):
    doc = parse("Rebels took Harkovo and Dunmore on Friday. In Dunmore it was calm by Sunday, officials said.")
    doc = with_entities(doc, ("Harkovo and Dunmore", "ORG"), ("Dunmore", "GPE"))
    found = {(m.text, m.label) for m in entity_mentions(doc)}
    assert ("Harkovo", "GPE") in found and ("Dunmore", "GPE") in found
    assert not any(text == "Harkovo and Dunmore" for text, _ in found)


def test_a_name_with_and_that_no_part_of_is_named_alone_stays_whole(parse):
    doc = parse("Workers at Procter and Gamble went on strike on Friday. The plant was calm by Sunday.")
    doc = with_entities(doc, ("Procter and Gamble", "ORG"))
    assert [m.text for m in entity_mentions(doc)] == ["Procter and Gamble"]


@pytest.mark.parametrize(
    ("text", "name", "label", "cue"),
    [
        ("The riots spread to the northern city of Harkovo on Sunday.", "Harkovo", "PERSON", "GPE"),
        ("The riots spread to the northern allies of Harkovo on Sunday.", "Harkovo", "PERSON", None),
        ("Police arrested Tomas Reyes, 23, of Harkovo on Sunday.", "Harkovo", "PERSON", "GPE"),
        ("Police arrested Tomas Reyes, 23, of Harkovo on Sunday.", "Harkovo", "ORG", None),
        ("She lived in a terrace in Dunmore, Texas, with her sister.", "Dunmore", "ORG", "GPE"),
        ("Rick Dunmore, Texas governor, vetoed the bill.", "Rick Dunmore", "PERSON", None),
    ],
)
def test_place_cues_of_residence_and_region_and_their_twins(parse, text, name, label, cue):
    assert cue_of(parse, text, name, label) == cue


def test_an_organisation_described_as_a_giant_is_the_company_named_before(parse):
    text = "Orbisoft released a patch for the flaw on Tuesday.\n\n\u201cCustomers should update now,\u201d the US software giant said."
    assert direct_speaker(parse, text) == "Orbisoft"


def test_a_place_modifying_a_description_is_not_the_speaker(parse):
    text = "Rain flooded the old town on Tuesday.\n\n\u201cCustomers should stay home,\u201d the US software giant said."
    assert direct_speaker(parse, text) != "US"


def test_the_place_of_a_role_before_it_ties_the_description(parse):
    text = (
        "Springfield mayor Lena Brandt visited the flooded streets.\n\n"
        "\u201cWe will rebuild every house,\u201d the Springfield mayor told reporters."
    )
    assert direct_speaker(parse, text) == "Lena Brandt"


def test_an_institution_placed_by_its_city_is_not_a_place(parse):
    assert cue_of(parse, "She studied at Orbis University, Texas, for four years.", "Orbis University", "ORG") is None


# Quote-speaker precision rules (issue 11, eval/quote_speakers): each with its negative twin.

GIVEN_NAMES_ONLY = (
    "Mark Olsen opened the hearing on Monday.\n\nKaren Diaz answered the first question.\n\n\u201cThe budget is late,\u201d {pronoun} said."
)


@pytest.mark.parametrize(("pronoun", "expected"), [("he", "Mark Olsen"), ("she", "Karen Diaz")])
def test_a_given_name_shows_the_gender_the_article_does_not(parse, pronoun, expected):
    assert direct_speaker(parse, GIVEN_NAMES_ONLY.format(pronoun=pronoun)) == expected


def test_a_given_name_borne_by_both_genders_shows_none():
    from rashomon.annotate.discourse import given_name_gender
    from rashomon.annotate.types import Mention

    def gender(name):
        return given_name_gender(Mention(name, "PERSON", 0, len(name), 0, len(name.split())))

    assert (gender("Karen Diaz"), gender("Mr Mark Olsen"), gender("Kelly Diaz"), gender("Olsen")) == ("female", "male", None, None)


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("the man", "Tomas Reyes"),
        ("the masked men", "the masked men"),
        ("the three men", "the three men"),
        ("two of the men", "two of the men"),
        ("the family", "the family"),
    ],
)
def test_a_plural_or_collective_credit_never_becomes_one_person(parse, credit, expected):
    text = (
        f"Tomas Reyes, a local family man, was stopped at the gate on Monday.\n\n\u201cWe were told to wait outside,\u201d {credit} said."
    )
    assert direct_speaker(parse, text) == expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [("the statement", "the statement"), ("a Harlow Bank statement", "Harlow Bank")],
)
def test_a_writing_is_no_person_but_a_body_writes_its_own(parse, credit, expected):
    text = (
        "Harlow Bank named Karen Diaz as its new chair on Monday.\n\n"
        "In a statement about Ms Diaz, the board praised her record.\n\n"
        f"\u201cShe has served the bank for twenty years,\u201d {credit} said."
    )
    assert direct_speaker(parse, text) == expected


@pytest.mark.parametrize(("credit", "expected"), [("Harlow Bank officials", "Harlow Bank officials"), ("Harlow Bank", "Harlow Bank")])
def test_a_name_modifying_a_common_noun_describes_the_speaker(parse, credit, expected):
    text = f"Harlow Bank closed two branches on Monday.\n\n\u201cThe branches were losing money,\u201d {credit} said."
    assert direct_speaker(parse, text) == expected


@pytest.mark.parametrize(("credit", "expected"), [("the teacher", "Tomas Reyes"), ("a teacher", "a teacher")])
def test_an_indefinite_description_brings_in_someone_new(parse, credit, expected):
    text = f"Tomas Reyes, a teacher at the school, visited the site on Monday.\n\n\u201cThe bridge will reopen in May,\u201d {credit} said."
    assert direct_speaker(parse, text) == expected


def test_a_possessive_before_a_name_describes_someone_else(parse):
    text = "The singer's agent, Dan Pike, confirmed the booking on Monday.\n\n\u201cI am ready for the tour,\u201d the singer said."
    assert direct_speaker(parse, text) == "the singer"


def test_a_description_in_apposition_to_the_name_describes_it(parse):
    text = "The singer, Dan Pike, confirmed the booking on Monday.\n\n\u201cI am ready for the tour,\u201d the singer said."
    assert direct_speaker(parse, text) == "Dan Pike"


def any_speaker(parse, text, words):
    """The resolved name (else None) of the quote, direct or reported, whose text starts with ``words``."""
    doc = parse(text)
    hits, _ = extract_quotes(doc, entity_mentions(doc))
    hit = next(hit for hit in hits if hit.text.startswith(words))
    return hit.speaker.mention.text if hit.speaker is not None and hit.speaker.mention is not None else None


@pytest.mark.parametrize(("pronoun", "expected"), [("he", "Mark Olsen"), ("she", "Karen Diaz")])
def test_a_pronoun_in_what_a_named_subject_says_is_that_subject(parse, pronoun, expected):
    text = (
        "Karen Diaz opened the hearing on Monday.\n\n"
        f"Mark Olsen said the plan, which {pronoun} said \u201cwas never costed at all,\u201d would fail."
    )
    assert any_speaker(parse, text, "was never costed") == expected


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        ("The vote was delayed, according to council leader Mark Olsen.", "Mark Olsen"),
        ("The vote was delayed by council leader Mark Olsen.", "Tomas Reyes"),
    ],
)
def test_the_source_of_according_to_is_as_salient_as_a_subject(parse, middle, expected):
    text = f"Tomas Reyes chaired the meeting on Monday.\n\n{middle}\n\n\u201cWe need more time,\u201d he said."
    assert direct_speaker(parse, text) == expected


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        ("A local student said the plan would fail.", None),
        ("The plan would fail, the report said.", "Tomas Reyes"),
    ],
)
def test_an_unnamed_person_as_the_latest_subject_keeps_the_pronoun(parse, middle, expected):
    text = f"Tomas Reyes spoke first on Monday.\n\n{middle}\n\n\u201cNobody asked us,\u201d he said."
    assert direct_speaker(parse, text) == expected


@pytest.mark.parametrize(
    ("middle", "expected"),
    [("Not for David Brennan of Leeds.", "David Brennan"), ("The letter did not name David Brennan of Leeds.", "Mark Olsen")],
)
def test_a_name_in_a_sentence_with_no_verb_is_what_it_is_about(parse, middle, expected):
    text = f"Mark Olsen said the price was fair.\n\n{middle}\n\n\u201cIt is far too expensive,\u201d he said."
    assert direct_speaker(parse, text) == expected
