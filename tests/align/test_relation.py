"""The relation rules on hand-built claims (no model is loaded): each rule with a negative twin."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from rashomon.align.relation import (
    ClaimView,
    attribute_conflict,
    compatible,
    denied_words,
    figures_clash,
    relate,
    same_scope,
    same_time,
    time_shifted,
)
from rashomon.model import Claim, NumberClaim


def number(value, unit=None, dimension="count", measure=None, about=None, qualifier=None, text=None, start=10, article="a"):
    written = text or f"{value:g}{' ' + unit if unit else ''}"
    return NumberClaim(
        id=f"{article}:n{start}",
        article_id=article,
        value=value,
        unit=unit,
        dimension=dimension,
        measure=measure,
        about=about,
        qualifier=qualifier,
        text=written,
        sentence="",
        start_char=start,
        end_char=start + len(written),
    )


def view(
    text,
    numbers=(),
    article="a",
    subject=None,
    actors=("person:x",),
    status="asserted",
    predicate=None,
    negated=False,
    when=(),
    origin=None,
    row=0,
):
    predicate_start = text.find(predicate) if predicate and predicate in text else None
    claim = Claim(
        id=f"{article}:c{row}",
        article_id=article,
        text=text,
        status=status,
        actor_ids=list(actors),
        number_ids=[n.id for n in numbers],
        subject_id=subject,
        predicate=predicate,
        predicate_start=predicate_start,
        predicate_end=predicate_start + len(predicate) if predicate_start is not None else None,
        negated=negated,
        start_char=0,
        end_char=len(text),
    )
    return ClaimView(claim, tuple(numbers), origin or f"origin:{article}", None, None, row, frozenset(when))


DEAD_3 = number(3, dimension="people", measure="dead", article="a")
DEAD_5 = number(5, dimension="people", measure="dead", article="b")
RIOT_INJURED_12 = number(12, dimension="people", measure="injured", article="a")
RIOT_INJURED_18 = number(18, dimension="people", measure="injured", article="b")
INJURED_12 = number(12, dimension="people", measure="injured", article="b")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (DEAD_3, DEAD_5, True),  # the same class of count
        (DEAD_3, INJURED_12, False),  # twin: dead and injured are different measures
        (number(120, "mile", "length", "distance from capital"), number(125, "mile", "length", "distance from capital", article="b"), True),
        # twin: a city's distance from the capital is not how far a convoy got
        (
            number(120, "mile", "length", "distance from capital"),
            number(125, "mile", "length", "distance from capital", "city", article="b"),
            False,
        ),
        (number(2e9, "USD", "currency"), number(2e9, "USD", "currency", article="b"), True),
        (number(2e9, "USD", "currency"), number(5e9, "GBP", "currency", article="b"), False),  # twin: no currency conversion
        (number(12, dimension="count"), number(14, dimension="count", article="b"), False),  # bare counts say nothing
        # one place named two ways has one population; two named places have two
        (
            number(1.2e5, dimension="people", measure="population", about="varna island"),
            number(2e5, dimension="people", measure="population", about="varna", article="b"),
            True,
        ),
        (
            number(1.2e5, dimension="people", measure="population", about="varna island"),
            number(2e6, dimension="people", measure="population", about="corvia", article="b"),
            False,
        ),
        # a quake's magnitude, whichever noun names it; an aftershock's is another figure
        (
            number(6.1, dimension="magnitude", measure="magnitude", about="quake"),
            number(5.9, dimension="magnitude", measure="magnitude", about="earthquake", article="b"),
            True,
        ),
        (
            number(6.1, dimension="magnitude", measure="magnitude", about="quake"),
            number(4.5, dimension="magnitude", measure="magnitude", about="aftershock", article="b"),
            False,
        ),
        # the figure written into the bearer ("a magnitude-5.9 earthquake") does not make another thing
        (
            number(6.1, dimension="magnitude", measure="magnitude", about="quake"),
            number(5.9, dimension="magnitude", measure="magnitude", about="magnitude-5.9 earthquake", article="b"),
            True,
        ),
        (
            number(6.1, dimension="magnitude", measure="magnitude", about="quake"),
            number(4.5, dimension="magnitude", measure="magnitude", about="magnitude-4.5 aftershock", article="b"),
            False,
        ),
    ],
)
def test_same_scope_needs_one_measure_frame(first, second, expected):
    assert same_scope(first, second) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (number(100, dimension="people", qualifier="more than"), number(120, dimension="people"), True),
        (number(3, dimension="people", qualifier="at least"), number(10, dimension="people"), False),  # twin: far above the bound
        (number(120, "mile", "length"), number(193, "km", "length"), True),  # units convert
        (number(120, "mile", "length"), number(120, "km", "length"), False),  # twin: equal digits, different units
        (number(600, dimension="people"), number(612, dimension="people"), True),  # a round figure is approximate
        (number(600, dimension="people"), number(650, dimension="people"), False),  # twin: beyond its 5 % reach
        (number(610, dimension="people"), number(612, dimension="people"), False),  # twin: not round, taken exactly
        (number(276, dimension="people"), number(300, dimension="people"), False),  # twin: a real gap to a round figure
    ],
)
def test_compatible_figures_follow_qualifiers_and_units(first, second, expected):
    assert compatible(first, second) is expected


def test_conflicting_figures_of_one_frame_are_a_numeric_conflict():
    a = view("The blast killed 3 people in the port, police said.", [DEAD_3], "a", subject="person:x")
    b = view("The blast killed 5 people in the port, officials said.", [DEAD_5], "b", subject="person:x", row=1)
    relation = relate(a, b, 0.8)
    assert relation.kind == "numeric_conflict"
    assert "people dead" in relation.reason and "similarity 0.80" in relation.reason


def test_figures_one_report_states_together_do_not_conflict():
    a = view("The blast killed 3 people in the port, police said.", [DEAD_3], "a", subject="person:x")
    b = view("The blast killed 5 people in the port, officials said.", [DEAD_5], "b", subject="person:x", row=1)
    assert relate(a, b, 0.8, together=lambda x, y: True).kind != "numeric_conflict"


@pytest.mark.parametrize(("hours_apart", "expected"), [(6, "numeric_conflict"), (30, "evolving")])
def test_a_count_of_people_evolves_only_between_reports_a_day_apart(hours_apart, expected):
    morning = datetime(2010, 5, 5, 9, tzinfo=UTC)
    a = replace(view("The riot left 12 people injured, police said.", [RIOT_INJURED_12], "a", subject="person:x"), published=morning)
    b = replace(
        view("The riot left 18 people injured, police said.", [RIOT_INJURED_18], "b", subject="person:x", row=1),
        published=morning + timedelta(hours=hours_apart),
    )
    assert relate(a, b, 0.8).kind == expected


def test_figures_of_different_times_are_not_compared():
    a = view("In May thieves stole jewels worth 2 million dollars.", [number(2e6, "USD", "currency", "worth")], "a", when=("--05",))
    b = view(
        "In July a thief stole jewels worth 8 million dollars.",
        [number(8e6, "USD", "currency", "worth", article="b")],
        "b",
        when=("--07",),
        row=1,
    )
    assert not same_time(a, b)
    assert relate(a, b, 0.8).kind != "numeric_conflict"
    twin = view(
        "In May a thief stole jewels worth 8 million dollars.",
        [number(8e6, "USD", "currency", "worth", article="b")],
        "b",
        when=("--05",),
        row=1,
    )
    assert relate(a, twin, 0.8).kind == "numeric_conflict"


def test_a_conversion_in_brackets_is_one_measurement():
    text = "The convoy got within 60 miles (96.5km) of the city."
    miles = number(60, "mile", "length", "distance from city", start=text.index("60"), text="60 miles")
    km = number(96.5, "km", "length", "distance from city", start=text.index("96.5"), text="96.5km")
    a = view(text, [miles, km], "a", subject="group:convoy")
    b = view(
        "The convoy stopped 60 miles from the city.",
        [number(60, "mile", "length", "distance from city", article="b")],
        "b",
        subject="group:convoy",
        row=1,
    )
    c = view(
        "The convoy stopped 97 km from the city.",
        [number(97, "km", "length", "distance from city", article="c")],
        "c",
        subject="group:convoy",
        row=2,
    )
    assert relate(a, b, 0.8).kind == "agree"
    assert relate(a, c, 0.8).kind == "agree"
    far = view(
        "The convoy stopped 150 km from the city.",
        [number(150, "km", "length", "distance from city", article="c")],
        "c",
        subject="group:convoy",
        row=2,
    )
    assert relate(a, far, 0.8).kind == "numeric_conflict"


def test_paraphrases_with_different_figures_do_not_agree():
    a = view("A 6.1-magnitude quake hit the island.", [number(6.1, measure="magnitude", about="quake")], "a")
    b = view("A 5.9-magnitude quake hit the island.", [number(5.9, measure="magnitude", about="quake", article="b")], "b", row=1)
    assert figures_clash(a, b)
    same = view("A 6.1-magnitude quake hit the island.", [number(6.1, measure="magnitude", about="quake", article="b")], "b", row=1)
    assert not figures_clash(a, same)
    assert relate(a, same, 0.95).kind == "agree"


DENIAL = view(
    "The rebels denied agreeing to any ceasefire with the ministry.",
    article="b",
    subject="group:rebels",
    actors=("org:ministry", "group:rebels"),
    status="denied",
    predicate="agreed",
    row=1,
)


def test_a_denial_contradicts_the_claim_it_answers():
    claim = view(
        "The ministry agreed to a ceasefire with the rebels.",
        subject="org:ministry",
        predicate="agreed",
        actors=("org:ministry", "group:rebels"),
    )
    assert relate(claim, DENIAL, 0.7).kind == "contradiction"


def test_a_denial_answers_a_claim_whose_content_it_repeats():
    """The denier is neither the other claim's subject nor named in it, but the denied words are the claim's."""
    denial = view(
        "Doctors cast doubt over claims that a spider burrowed into the tourist's skin.",
        article="b",
        subject="group:doctors",
        actors=("person:tourist", "group:doctors"),
        status="denied",
        predicate="cast",
    )
    claim = view(
        "A spider burrowed into the tourist's skin during his holiday.", subject=None, predicate="burrowed", actors=("person:tourist",)
    )
    assert relate(claim, denial, 0.7).kind == "contradiction"
    # twin: a denial of something else about the same person
    other = view("The tourist flew home to his family on Sunday.", subject="person:tourist", predicate="flew", actors=("person:tourist",))
    assert relate(other, denial, 0.7).kind != "contradiction"


def test_a_denial_denies_only_the_clause_of_its_cue():
    """ "Denying X, he would do Y": X is denied, not Y, though Y follows the claim's verb."""
    denial = view(
        "Denying he ran a criminal gang, the boss would wander the streets of the old quarter, muttering.",
        article="b",
        subject="person:boss",
        actors=("person:boss",),
        status="denied",
        predicate="wander",
    )
    wandering = view("Neighbours often saw him wander the streets of the old quarter, muttering.", predicate="saw", actors=("person:boss",))
    assert relate(wandering, denial, 0.7).kind != "contradiction"
    # twin: the claim that states what the cue's clause denies
    gang = view("For decades he ran a criminal gang from a social club.", predicate="ran", actors=("person:boss",))
    assert relate(gang, denial, 0.7).kind == "contradiction"


def test_a_denial_sharing_only_names_does_not_answer_a_claim():
    denial = view(
        "Analysts doubt whether the Northland government really negotiated a truce with the Red Brigade.",
        article="b",
        subject="group:analysts",
        actors=("gpe:northland", "group:brigade"),
        status="denied",
        predicate="doubt",
    )
    names_only = view(
        "The leader of the Red Brigade often justifies attacks on the Northland army.", predicate="justifies", actors=("group:brigade",)
    )
    assert relate(names_only, denial, 0.7).kind != "contradiction"
    # twin: the claim repeats the denied words, not only the names
    truce = view("The Northland government negotiated a truce with the Red Brigade.", predicate="negotiated", actors=("group:brigade",))
    assert relate(truce, denial, 0.7).kind == "contradiction"


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("He denied that he was the source, and left.", " that he was the source"),
        ("Scientists cast doubt over claims that a spider burrowed into his skin.", " over claims that a spider burrowed into his skin."),
        ("Officials, disputing the figure, said more were hurt.", " the figure"),
        # twin: no denial cue, so the words after the verb
        ("The dense crowd marched on, chanting.", " on, chanting."),
    ],
)
def test_denied_words_run_from_the_cue_to_the_end_of_its_clause(text, denied):
    claim = view(text, predicate="marched" if "marched" in text else None).claim
    assert denied_words(claim) == denied


def test_a_denial_does_not_contradict_a_claim_on_its_own_side():
    negated = view(
        "The rebels said they had not agreed to a ceasefire.",
        subject="group:rebels",
        predicate="agreed",
        actors=("org:ministry", "group:rebels"),
    )
    assert relate(negated, DENIAL, 0.7).kind != "contradiction"


def test_a_negated_event_verb_contradicts_the_same_event():
    burst = view("The dam burst on Tuesday, officials said.", subject="fac:dam", predicate="burst", actors=("fac:dam",))
    held = view(
        "The dam did not burst on Tuesday, engineers said.",
        article="b",
        subject="fac:dam",
        predicate="burst",
        negated=True,
        actors=("fac:dam",),
        row=1,
    )
    assert relate(burst, held, 0.8).kind == "contradiction"


def test_a_negation_elsewhere_in_the_sentence_is_not_a_contradiction():
    demanded = view("The group had demanded the release of prisoners.", subject="group:g", predicate="demanded", actors=("group:g",))
    other = view(
        "The group had demanded the release of prisoners, but the president would not swap them.",
        article="b",
        subject="group:g",
        predicate="demanded",
        negated=True,
        actors=("group:g",),
        row=1,
    )
    assert relate(demanded, other, 0.9).kind != "contradiction"


def test_opposite_verbs_contradict_only_for_the_same_subject():
    arrested = view("Police arrested the driver on Sunday.", subject="person:driver", predicate="arrest", actors=("person:driver",))
    released = view(
        "The driver was released on Sunday.", article="b", subject="person:driver", predicate="release", actors=("person:driver",), row=1
    )
    assert relate(arrested, released, 0.6).kind == "contradiction"
    results = view(
        "The test results were released on Sunday.",
        article="b",
        subject="thing:results",
        predicate="release",
        actors=("person:driver",),
        row=1,
    )
    assert relate(arrested, results, 0.6).kind != "contradiction"


def test_one_event_dated_twice_is_a_contradiction():
    first = view("The mayor resigned on Thursday after the vote.", subject="person:mayor", predicate="resign", actors=("person:mayor",))
    first = ClaimView(first.claim, (), first.origin, None, None, 0, dates=("weekday:thursday",))
    second = view(
        "The mayor resigned on Friday after the vote.",
        article="b",
        subject="person:mayor",
        predicate="resign",
        actors=("person:mayor",),
        row=1,
    )
    second = ClaimView(second.claim, (), second.origin, None, None, 1, dates=("weekday:friday",))
    relation = relate(first, second, 0.9)
    assert relation.kind == "contradiction" and "thursday vs friday" in relation.reason
    same_day = ClaimView(second.claim, (), second.origin, None, None, 1, dates=("weekday:thursday",))
    assert relate(first, same_day, 0.9).kind != "contradiction"


def test_a_different_date_and_a_different_amount_are_two_events():
    may = view("In May thieves stole jewels worth 2 million dollars.", [number(2e6, "USD", "currency", "worth")], "a", predicate="steal")
    july = view(
        "In July thieves stole jewels worth 8 million dollars.",
        [number(8e6, "USD", "currency", "worth", article="b")],
        "b",
        predicate="steal",
        row=1,
    )
    may = ClaimView(may.claim, may.numbers, may.origin, None, None, 0, frozenset({"--05"}), dates=("--05",))
    july = ClaimView(july.claim, july.numbers, july.origin, None, None, 1, frozenset({"--07"}), dates=("--07",))
    assert relate(may, july, 0.8).kind == "unrelated"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (number(212, "fahrenheit", "temperature"), number(100, "celsius", "temperature"), True),  # boiling point both ways
        (number(100, "fahrenheit", "temperature"), number(100, "celsius", "temperature"), False),  # twin: same digits
        (number(2, "decade", "duration"), number(20, "year", "duration"), True),
        (number(2, "decade", "duration"), number(2, "year", "duration"), False),  # twin: a decade is not a year
    ],
)
def test_units_convert_with_their_offsets_and_sizes(first, second, expected):
    assert compatible(first, second) is expected


@pytest.mark.parametrize(
    ("first", "second", "attribute"),
    [
        (
            "Witnesses said she was hit by a silver Toyota sedan on Main Street.",
            "She was struck by a gray Toyota sedan on Main Street.",
            "colour",
        ),
        (
            "The wounded guard was taken to hospital in critical condition.",
            "The wounded guard was taken to hospital in stable condition.",
            "condition",
        ),
        (
            "The owner, CEO Jane Roe and the manager flew to Austin.",
            "The owner, COO Jane Roe and the manager flew to Austin.",
            "chief_officer",
        ),
        (
            "The winner of Friday's second semifinal between Northfield and Eastvale.",
            "The winner of Friday's second quarterfinal between Northfield and Eastvale.",
            "round",
        ),
        ("The forward was stopped early in the fourth quarter.", "The forward was stopped late in the fourth quarter.", "phase"),
    ],
)
def test_two_values_of_one_attribute_for_one_thing_are_a_contradiction(first, second, attribute):
    relation = relate(view(first, article="a"), view(second, article="b"), similarity=0.7)
    assert (relation.kind, relation.rule) == ("contradiction", "attribute")
    assert attribute.replace("_", " ") in relation.reason


@pytest.mark.parametrize(
    ("first", "second", "similarity", "actors"),
    [
        # the same value in other spellings ("grey" / "gray") is one value
        ("She was hit by a grey Toyota sedan.", "She was struck by a gray Toyota sedan.", 0.7, ("person:x",)),
        # the values describe different things ("a silver Toyota" / "a grey van")
        ("She was hit by a silver Toyota sedan.", "A grey van stood by the road.", 0.7, ("person:x",)),
        # a report naming both values is not single-valued ("black and white")
        ("He drove a black and white Toyota sedan.", "He drove a white Toyota sedan.", 0.7, ("person:x",)),
        # a capitalised value is part of a name ("Red Sox" / "White Sox")
        ("The Red Sox made an offer to the pitcher.", "The White Sox made an offer to the pitcher.", 0.7, ("person:x",)),
        # unrelated sentences
        ("She was hit by a silver Toyota sedan.", "He was seen in a gray Toyota sedan last year.", 0.5, ("person:x",)),
        # no shared actor
        ("She was hit by a silver Toyota sedan.", "She was struck by a gray Toyota sedan.", 0.7, ()),
    ],
)
def test_attribute_values_that_can_both_hold_are_no_contradiction(first, second, similarity, actors):
    relation = relate(view(first, article="a", actors=actors), view(second, article="b", actors=actors), similarity=similarity)
    assert relation.rule != "attribute"


def test_one_report_giving_two_attribute_values_does_not_contradict_itself():
    first = view("The guard was in critical condition.", article="a")
    second = view("The guard was in stable condition.", article="a", row=1)
    assert relate(first, second, similarity=0.9).rule != "attribute"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # the other value given to another word does not make a text two-valued for this one
        (
            "They play the winner of Friday's second semifinal between Northfield and Eastvale.",
            "They head into Saturday's semifinals against the winner of Friday's second quarterfinal between Northfield and Eastvale.",
            ("round", "semifinal", "quarterfinal", "northfield"),
        ),
        # both values given to the same word: the text is not single-valued
        ("He drove a black and white Toyota sedan.", "He drove a white Toyota sedan.", None),
    ],
)
def test_an_attribute_conflict_needs_one_value_per_text_for_the_word_described(first, second, expected):
    conflict = attribute_conflict(first, second)
    assert (conflict and (conflict.attribute, conflict.value_a, conflict.value_b, conflict.described)) == expected


def figures_in(text, *written, article="a", **frame):
    """Numbers at the places where ``written`` stand in ``text`` (each the first occurrence)."""
    return [number(float(w) if w[0].isdigit() else 9.0, text=w, start=text.find(w), article=article, **frame) for w in written]


@pytest.mark.parametrize(
    ("text", "written", "shifted"),
    [
        (
            "It was his second 200-yard game, and came one week after he managed 10 yards on nine carries.",
            ("200", "10", "nine"),
            {"10", "nine"},
        ),
        ("He ran for 226 yards one week after his debut.", ("226",), set()),
        ("He had nine carries a week earlier.", ("nine",), {"nine"}),
        ("He had nine carries in last week's game.", ("nine",), {"nine"}),
        ("He had nine carries in the season opener, and 22 on Sunday.", ("nine", "22"), {"nine"}),
        ("He had nine carries last weekend.", ("nine",), set()),
        ("He had nine carries on Sunday.", ("nine",), set()),
        ("Two days after the quake, 40 bodies were found.", ("40",), set()),
    ],
)
def test_time_shift_phrases_put_the_figures_of_their_clause_at_another_time(text, written, shifted):
    numbers = figures_in(text, *written)
    claim = view(text, numbers).claim
    assert {n.text for n in numbers if n.id in time_shifted(claim, tuple(numbers))} == shifted


def test_a_figure_of_a_previous_game_is_not_set_against_the_reported_game():
    text_a = "He came one week after he managed 10 yards on 9 carries."
    text_b = "He had 226 yards on 22 carries."
    carries = {"dimension": "count", "measure": "carry"}
    numbers_a = figures_in(text_a, "9", **carries)
    numbers_b = figures_in(text_b, "22", article="b", **carries)
    a = replace(view(text_a, numbers_a, "a", subject="person:x"), shifted=frozenset({numbers_a[0].id}))
    b = view(text_b, numbers_b, "b", subject="person:x", row=1)
    assert relate(a, b, 0.8).kind != "numeric_conflict"
    assert relate(replace(a, shifted=frozenset()), b, 0.8).kind == "numeric_conflict"
