"""Word lists of English news language that the extractors share.

These are general properties of English reporting (verbs of saying, hedges,
denials, quantity words), never names or facts of any one event.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """say tell add claim insist warn state declare announce explain note write report reply respond
    answer ask argue assert allege acknowledge admit confirm deny reject dismiss vow pledge promise
    threaten boast brag concede contend comment remark tweet post urge caution predict recall reveal
    describe call suggest maintain stress emphasise emphasize repeat reiterate complain lament scream
    shout yell rage fume blast slam mock quip joke testify disclose inform conclude observe point
    counter retort rebut accuse charge demand order plead whisper mutter announce proclaim estimate brand
    dub label term cite mention question criticize criticise agree""".split()
)
INDIRECT_SPEECH_VERBS = frozenset(
    """say tell add claim insist warn state declare announce explain note write report reply respond
    argue assert allege acknowledge admit confirm deny suggest maintain stress emphasise emphasize
    reiterate complain testify disclose inform conclude observe contend concede predict reveal vow
    pledge promise threaten boast brag estimate believe think fear hope expect agree find show indicate
    mention cite""".split()
)
DENIAL_VERBS = frozenset("deny reject dismiss refute rebut disavow repudiate contradict debunk rebuff disown discount dispute".split())
DENIAL_PHRASES = (
    "refused to confirm",
    "declined to confirm",
    "refused to comment",
    "declined to comment",
    "no evidence",
    "not true",
    "is false",
    "was false",
    "are false",
    "untrue",
    "baseless",
    "fake news",
    "nonsense",
    "doubt over claims",
    "doubt on claims",
    "doubt over reports",
    "doubt on reports",
    "doubt over the claim",
    "doubt on the claim",
    "skeptical of",
    "sceptical of",
    "no truth",
    "contrary to what has been reported",
    "contrary to reports",
)
CLAIM_VERBS = frozenset("claim allege insist assert contend purport boast brag maintain".split())
REPORT_VERBS = frozenset(
    """say tell report announce confirm state declare write reveal disclose add explain note
    testify inform show indicate suggest""".split()
)
REPORT_ADVERBS = frozenset("reportedly allegedly purportedly apparently supposedly".split())
HEDGE_WORDS = frozenset(
    """may might could possibly perhaps probably likely unlikely unclear uncertain unconfirmed seemingly
    appear appears appeared seem seems seemed believed thought understood rumoured rumored speculated
    suspected estimated""".split()
)
HEDGE_PHRASES = ("it is thought", "it is believed", "it is understood", "it is unclear", "it remains unclear", "not clear", "is said to", "are said to")
NEGATIONS = frozenset("not n't never no nobody nothing none neither nor".split())

ANONYMOUS_HEADS = frozenset(
    """source sources official officials person people aide aides insider insiders diplomat diplomats
    spokesperson spokesman spokeswoman officer officers witness witnesses resident residents analyst
    analysts expert experts observer observers member members employee employees staffer staffers""".split()
)
ANONYMITY_MARKERS = ("anonymity", "anonymously", "not authorized", "not authorised", "familiar with", "unnamed", "not named", "not be named", "declined to be named", "asked not to be")
ORGANISATION_NOUNS = frozenset(
    """newspaper paper daily outlet agency ministry department government company firm group
    organisation organization office committee council party administration service network channel
    broadcaster publication magazine station union court army military police""".split()
)
FIRST_SECOND_PERSON = frozenset("i me we us 's you".split())
PERSONAL_PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "they": "GROUP", "it": "ORG", "i": "SELF", "we": "SELF"}

QUALIFIERS = (
    ("at least", "at least"),
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("a minimum of", "at least"),
    ("more than", "more than"),
    ("over", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("fewer than", "less than"),
    ("less than", "less than"),
    ("under", "less than"),
    ("below", "less than"),
    ("at most", "at most"),
    ("no more than", "at most"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("as much as", "up to"),
    ("almost", "almost"),
    ("nearly", "almost"),
    ("close to", "almost"),
    ("just under", "almost"),
    ("about", "about"),
    ("around", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("circa", "about"),
    ("approx", "about"),
    ("just over", "more than"),
    ("exactly", "exactly"),
    ("precisely", "exactly"),
)

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "single": 1, "dozen": 12,
    "dozens": 24, "score": 20, "half": 0.5, "couple": 2, "pair": 2,
}
SCALES = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000}

UNITS: dict[str, tuple[str, str, float]] = {}


def _units(dimension: str, canonical: str, factor: float, *words: str) -> None:
    for word in (*words, canonical.lower()):
        UNITS.setdefault(word, (canonical, dimension, factor))


_units("length", "km", 1.0, "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_units("length", "mile", 1.609344, "mile", "miles", "mi")
_units("length", "m", 0.001, "m", "metre", "metres", "meter", "meters")
_units("length", "ft", 0.0003048, "ft", "foot", "feet")
_units("length", "yard", 0.0009144, "yard", "yards", "yd", "yds")
_units("length", "cm", 0.00001, "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_units("length", "inch", 0.0000254, "inch", "inches", "in")
_units("length", "nautical mile", 1.852, "nautical")
_units("mass", "kg", 1.0, "kg", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes")
_units("mass", "tonne", 1000.0, "tonne", "tonnes", "ton", "tons", "t")
_units("mass", "g", 0.001, "g", "gram", "grams", "gramme", "grammes")
_units("mass", "lb", 0.45359237, "lb", "lbs", "pound-weight")
_units("mass", "stone", 6.35029, "stone")
_units("duration", "second", 1 / 3600, "second", "seconds", "sec", "secs")
_units("duration", "minute", 1 / 60, "minute", "minutes", "min", "mins")
_units("duration", "hour", 1.0, "hour", "hours", "hr", "hrs")
_units("duration", "day", 24.0, "day", "days")
_units("duration", "week", 168.0, "week", "weeks")
_units("duration", "month", 730.0, "month", "months")
_units("duration", "year", 8766.0, "year", "years")
_units("duration", "decade", 87660.0, "decade", "decades")
_units("area", "km2", 1.0, "km2", "sq km", "square kilometres", "square kilometers")
_units("area", "hectare", 0.01, "hectare", "hectares", "ha")
_units("area", "acre", 0.00404686, "acre", "acres")
_units("area", "sq mile", 2.589988, "square miles", "sq miles")
_units("volume", "litre", 1.0, "litre", "litres", "liter", "liters", "l")
_units("volume", "gallon", 3.78541, "gallon", "gallons")
_units("volume", "barrel", 158.987, "barrel", "barrels", "bbl")
_units("speed", "km/h", 1.0, "kph", "km/h", "kmh")
_units("speed", "mph", 1.609344, "mph")
_units("temperature", "celsius", 1.0, "celsius", "c", "°c")
_units("temperature", "fahrenheit", 5 / 9, "fahrenheit", "f", "°f")
# Units whose zero differs from the base unit's: value in the base unit = (value + offset) * factor.
UNIT_OFFSETS = {"fahrenheit": -32.0}
_units("percentage", "percent", 1.0, "%", "percent", "per cent", "pc", "percentage")
_units("energy", "MW", 1.0, "mw", "megawatt", "megawatts")

CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "rupee": "INR", "rupees": "INR", "₹": "INR", "hryvnia": "UAH", "franc": "CHF", "francs": "CHF",
}

PEOPLE_NOUNS = frozenset(
    """people person persons man men woman women child children kid kids boy boys girl girls adult adults
    civilian civilians soldier soldiers troop troops fighter fighters militant militants rebel rebels
    protester protesters protestor protestors demonstrator demonstrators police policeman policemen officer
    officers official officials worker workers employee employees staff member members resident residents
    citizen citizens voter voters student students patient patients passenger passengers victim victims
    hostage hostages prisoner prisoners detainee detainees migrant migrants refugee refugees immigrant
    immigrants casualty casualties death deaths dead injured wounded survivor survivors body bodies
    firefighter firefighters doctor doctors nurse nurses journalist journalists reporter reporters
    guard guards personnel mercenary mercenaries recruit recruits volunteer volunteers supporter supporters
    fan fans spectator spectators tourist tourists inhabitant inhabitants family families pilgrim pilgrims
    crew miner miners farmer farmers teacher teachers suspect suspects arrest arrests user users customer
    customers attendee attendees participant participants delegate delegates""".split()
)

# What a count of people measures, keyed by class: nouns, adjectives and verb lemmas that name it
# ("three dead", "killing three", "the death toll", "three people were killed" all measure "dead").
MEASURE_CLASSES = {
    "dead": frozenset("dead death deaths die died kill killed fatality fatalities fatal toll life lives body bodies murder murdered".split()),
    "injured": frozenset("injured injure injury injuries wounded wound hurt casualty casualties hospitalised hospitalized hospitalise hospitalize".split()),
    "arrested": frozenset("arrest arrested arrests detain detained detainee detainees detention charge charged".split()),
    "missing": frozenset("missing unaccounted disappear disappeared".split()),
    "displaced": frozenset("evacuate evacuated evacuee evacuees displace displaced homeless flee fled".split()),
    "rescued": frozenset("rescue rescued survivor survivors survive survived".split()),
    "kidnapped": frozenset("kidnap kidnapped abduct abducted hostage hostages captive captives".split()),
    "population": frozenset("population inhabitant inhabitants resident residents home populated".split()),
}
# Words that mark a name as a news organisation ("Fox News", "the Daily Mail", "TMZ" is caught by the outlet list).
MEDIA_WORDS = frozenset(
    """news times post journal herald tribune gazette telegraph guardian mail mirror express chronicle observer
    independent daily weekly magazine press radio tv television broadcasting network channel wire dispatch
    bulletin courier inquirer examiner standard sun star record reporter newspaper tabloid agency""".split()
)
# Words after which a quantity describes where something lies, not how far something moved ("the town, 40 km east of").
DIRECTION_WORDS = frozenset("north south east west northeast northwest southeast southwest northern southern eastern western away outside from off".split())
# Adjectives of size that follow a measurement ("12 metres wide"); the measurement describes the noun before it.
SIZE_ADJECTIVES = frozenset("wide long deep high tall thick across broad".split())
# Words that make a figure an increment on top of another ("eight more people", "another 20", "a further four").
INCREMENT_AFTER = frozenset("more additional".split())
INCREMENT_BEFORE = frozenset("another additional further extra".split())
# Verbs after which "pounds" is a weight, not money.
WEIGHT_VERBS = frozenset("weigh".split())
# Nouns a number after which is a label, not a count ("round three", "gate 5", "article 50").
LABEL_NOUNS = frozenset("round game match race stage leg room gate chapter section article page line platform level grade phase floor terminal act part episode flight".split())
# Nouns of places whose size in people is a population ("a city of 1.2 million people", "the island, home to 120,000").
PLACE_NOUNS = frozenset(
    """city town village country nation island state province region capital district area county municipality suburb
    neighbourhood neighborhood metropolis archipelago territory""".split()
)
# Nouns for the people a place holds ("Nigeria, with some 160 million people"): their count there is a population.
POPULATION_NOUNS = frozenset("people person inhabitant resident soul".split())
# Verbs whose subject counted in people, with a place after "in", is a population ("1.5 million people live in the capital").
RESIDENCE_VERBS = frozenset("live reside dwell".split())
# Words that name a seismic (or other) scale reading: the number beside them is a magnitude, not a count.
MAGNITUDE_WORDS = frozenset("magnitude richter".split())
# Participles that place a thing ("the island, located 40 km south of the capital"): the distance is the thing's.
LOCATION_VERBS = frozenset("locate situate lie sit base position".split())
# Update cues: a figure revised over time ("rose to", "revised down to", "earlier ... said").
UPDATE_CUES = (
    "rose to", "risen to", "rise to", "climbed to", "increased to", "jumped to", "grown to", "up from", "down from",
    "now stands at", "has reached", "latest figure", "updated", "revised", "earlier reports", "previously reported",
    "initially reported", "had earlier", "earlier said", "earlier put",
)


def verb_lemma(token, lexicon: frozenset[str]) -> str | None:
    """The token's lemma if it is in ``lexicon``, also where the tagger's lemma is wrong ("raged" -> "rag")."""
    lemma = token.lemma_.lower()
    if lemma in lexicon:
        return lemma
    word = token.lower_
    for suffix, replacement in (("ed", "e"), ("ed", ""), ("d", ""), ("es", ""), ("s", ""), ("ing", "e"), ("ing", ""), ("ied", "y"), ("ies", "y")):
        if word.endswith(suffix) and (candidate := word[: len(word) - len(suffix)] + replacement) in lexicon:
            return candidate
    return None
