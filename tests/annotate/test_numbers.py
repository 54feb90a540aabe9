import pytest

from rashomon.annotate.numbers import extract_numbers, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("40,000", 40000, None, None),
        ("at least 40,000", 40000, "at least", None),
        ("3million", 3_000_000, None, None),
        ("Thirty-one", 31, None, None),
        ("five kilometres", 5, None, "km"),
        ("a dozen", 12, None, None),
        ("half a million", 500_000, None, None),
        ("two hundred and fifty", 250, None, None),
        ("200-plus", 200, "more than", None),
        ("nearly 1.5 million", 1_500_000, "almost", None),
        ("up to 300 barrels", 300, "up to", "barrel"),
        ("some 80 miles", 80, "about", "mile"),
        ("$3.5bn", 3.5e9, None, "USD"),
        ("12 per cent", 12, None, "percent"),
    ],
)
def test_parse_quantity(text, value, qualifier, unit):
    parsed = parse_quantity(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.qualifier == qualifier
    assert parsed.unit == unit


@pytest.mark.parametrize("text", ["several", "many people", "", "the"])
def test_parse_quantity_rejects_non_numbers(text):
    assert parse_quantity(text) is None


def by_text(hits):
    return {h.text: h for h in hits}


def test_counted_nouns_dimensions_and_qualifiers(parse):
    doc = parse(
        "At least 40,000 protesters marched through the capital. The tanker spilled 300 barrels of oil "
        "about 80 km off the coast. Officials said 14 were arrested."
    )
    hits = by_text(extract_numbers(doc))
    protesters = hits["At least 40,000"]
    assert (protesters.value, protesters.counted, protesters.dimension, protesters.qualifier) == (40000, "protesters", "people", "at least")
    barrels = hits["300 barrels"]
    assert (barrels.unit, barrels.dimension, barrels.counted) == ("barrel", "volume", "oil")
    distance = hits["about 80 km"]
    assert (distance.value, distance.unit, distance.dimension, distance.qualifier) == (80, "km", "length", "about")
    arrests = hits["14"]
    assert arrests.dimension == "people" and arrests.counted == "arrested"


def test_number_in_compound_modifier(parse):
    hits = extract_numbers(parse("A 300-vehicle convoy crossed the border at dawn."))
    (hit,) = hits
    assert hit.value == 300 and hit.counted == "vehicle"


def test_years_dates_and_model_names_are_not_numeric_claims(parse):
    doc = parse("In 2019 the F-16 flew over the city on 4 July, and the No.1 seed won.")
    assert [h.text for h in extract_numbers(doc)] == []


def test_sentence_is_kept(parse):
    doc = parse("The fire burned for hours. Crews saved 12 homes.")
    (hit,) = extract_numbers(doc)
    assert doc.text[hit.sentence_start : hit.sentence_end] == "Crews saved 12 homes."


def test_spelled_count_the_tagger_takes_for_a_date(parse):
    (hit,) = extract_numbers(parse("Forty homes were destroyed when the river burst its banks on Sunday."))
    assert hit.value == 40 and hit.counted == "homes"
    assert extract_numbers(parse("Forty years ago the town was founded by settlers.")) == []


@pytest.mark.parametrize(
    ("sentence", "figure", "measure", "about"),
    [
        ("The blast killed three people in the market.", "three", "dead", None),
        ("Three people were injured in the market.", "Three", "injured", None),  # twin: injured, not dead
        ("The death toll rose to 55 on Tuesday.", "55", "dead", None),
        ("The column stopped 120 miles from Valdora on Saturday.", "120 miles", "distance from valdora", None),
        # twin: the same kind of distance, but it belongs to the town, not to the column's advance
        ("Troops entered the town, 400 km east of Valdora, on Monday.", "400 km", "distance from valdora", "town"),
        ("The island is home to 120,000 people.", "120,000", "population", "home"),
        ("It left a crater 12 meters wide.", "12 meters", None, "crater"),
        # populations belong to the place, however the sentence gives them
        ("The rock fell on Varna, a city of 1.2 million people, on Sunday.", "1.2 million", "population", "varna"),
        ("The quake struck Varna island, home to 120,000 people, on Sunday.", "120,000", "population", "varna island"),
        ("Corvia's population of 177 million is young.", "177 million", "population", "corvia"),
        ("About 1.5 million people live in the capital.", "About 1.5 million", "population", "capital"),
        # twin: people who live somewhere that is not a place are not a population
        ("About 1,000 people live in tents near the camp.", "About 1,000", "people", None),
        # a distance said of a thing a participle places ("X, located ...") is that thing's
        ("Varna, located 1,150 kilometers southeast of Corvia, has a port.", "1,150 kilometers", "distance from corvia", "varna"),
        # scale readings are magnitudes of the noun they describe, in every form news write them
        ("A 6.1-magnitude quake struck the island on Sunday.", "6.1-magnitude", "magnitude", "quake"),
        ("An earthquake measuring at least magnitude-5.9 shook the region.", "at least magnitude-5.9", "magnitude", "earthquake"),
        ("The quake, which measured 6.1 on the Richter scale, struck the island.", "6.1", "magnitude", "quake"),
        ("A 4.5-magnitude aftershock followed on Monday.", "4.5-magnitude", "magnitude", "aftershock"),
    ],
)
def test_numbers_carry_their_measure_frame(parse, sentence, figure, measure, about):
    hit = by_text(extract_numbers(parse(sentence)))[figure]
    assert (hit.measure, hit.about) == (measure, about)


def test_age_after_a_name_is_an_age_not_a_count(parse):
    hits = by_text(extract_numbers(parse("Marek Ostrava, 36, stopped his rival in round three of the fight.")))
    assert hits["36"].dimension == "age"
    assert "three" not in hits  # a round number is a label, not a count of people


def test_attached_scale_and_weights(parse):
    hits = by_text(extract_numbers(parse("A thief stole £88m worth of stones. The suspect is said to weigh 130 pounds.")))
    assert hits["£88m"].value == 88_000_000 and hits["£88m"].unit == "GBP"
    assert hits["130 pounds"].dimension == "mass"  # twin of a sum of money in pounds


def test_increments_and_codes_are_not_totals(parse):
    hits = by_text(extract_numbers(parse("Eight more people were arrested. Attackers used the flaw CVE-2013-3893 in the browser.")))
    assert hits["Eight"].about == "increment"
    assert not any("3893" in text for text in hits)


def test_an_m_without_currency_is_metres_unless_a_noun_follows(parse):
    hits = by_text(extract_numbers(parse("The climber fell about 60m from a ridge. The region has 3m people. A thief took £8m in cash.")))
    assert (hits["about 60m"].unit, hits["about 60m"].value) == ("m", 60)
    assert hits["3m"].value == 3_000_000 and hits["3m"].unit is None
    assert hits["£8m"].value == 8_000_000 and hits["£8m"].unit == "GBP"
