"""Word lists of English news language that the extractors share.

These are general properties of English reporting (verbs of saying, hedges,
denials, quantity words), never names or facts of any one event.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "claim",
        "insist",
        "warn",
        "state",
        "declare",
        "announce",
        "explain",
        "note",
        "write",
        "report",
        "reply",
        "respond",
        "answer",
        "ask",
        "argue",
        "assert",
        "allege",
        "acknowledge",
        "admit",
        "confirm",
        "deny",
        "reject",
        "dismiss",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "boast",
        "brag",
        "concede",
        "contend",
        "comment",
        "remark",
        "tweet",
        "post",
        "urge",
        "caution",
        "predict",
        "recall",
        "reveal",
        "describe",
        "call",
        "suggest",
        "maintain",
        "stress",
        "emphasise",
        "emphasize",
        "repeat",
        "reiterate",
        "complain",
        "lament",
        "scream",
        "shout",
        "yell",
        "rage",
        "fume",
        "blast",
        "slam",
        "mock",
        "quip",
        "joke",
        "testify",
        "disclose",
        "inform",
        "conclude",
        "observe",
        "point",
        "counter",
        "retort",
        "rebut",
        "accuse",
        "charge",
        "demand",
        "order",
        "plead",
        "whisper",
        "mutter",
        "announce",
        "proclaim",
        "estimate",
        "brand",
        "dub",
        "label",
        "term",
        "cite",
        "mention",
        "question",
        "criticize",
        "criticise",
        "agree",
    ]
)
INDIRECT_SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "claim",
        "insist",
        "warn",
        "state",
        "declare",
        "announce",
        "explain",
        "note",
        "write",
        "report",
        "reply",
        "respond",
        "argue",
        "assert",
        "allege",
        "acknowledge",
        "admit",
        "confirm",
        "deny",
        "suggest",
        "maintain",
        "stress",
        "emphasise",
        "emphasize",
        "reiterate",
        "complain",
        "testify",
        "disclose",
        "inform",
        "conclude",
        "observe",
        "contend",
        "concede",
        "predict",
        "reveal",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "boast",
        "brag",
        "estimate",
        "believe",
        "think",
        "fear",
        "hope",
        "expect",
        "agree",
        "find",
        "show",
        "indicate",
        "mention",
        "cite",
    ]
)
DENIAL_VERBS = frozenset(
    [
        "deny",
        "reject",
        "dismiss",
        "refute",
        "rebut",
        "disavow",
        "repudiate",
        "contradict",
        "debunk",
        "rebuff",
        "disown",
        "discount",
        "dispute",
        "doubt",
    ]
)
# What one denies having done or had ("denied involvement", "denies any wrongdoing"): as the object of a denial verb
# these nouns deny a statement, unlike "denied access" or "rejected the offer", which turn something down.
DENIED_NOUNS = frozenset(
    ["involvement", "responsibility", "wrongdoing", "role", "link", "links", "knowledge", "participation", "guilt", "part", "complicity"]
)
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
CLAIM_VERBS = frozenset(["claim", "allege", "insist", "assert", "contend", "purport", "boast", "brag", "maintain"])
REPORT_VERBS = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "confirm",
        "state",
        "declare",
        "write",
        "reveal",
        "disclose",
        "add",
        "explain",
        "note",
        "testify",
        "inform",
        "show",
        "indicate",
        "suggest",
    ]
)
REPORT_ADVERBS = frozenset(["reportedly", "allegedly", "purportedly", "apparently", "supposedly"])
HEDGE_WORDS = frozenset(
    [
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "probably",
        "likely",
        "unlikely",
        "unclear",
        "uncertain",
        "unconfirmed",
        "seemingly",
        "appear",
        "appears",
        "appeared",
        "seem",
        "seems",
        "seemed",
        "believed",
        "thought",
        "understood",
        "rumoured",
        "rumored",
        "speculated",
        "suspected",
        "estimated",
    ]
)
HEDGE_PHRASES = (
    "it is thought",
    "it is believed",
    "it is understood",
    "it is unclear",
    "it remains unclear",
    "not clear",
    "is said to",
    "are said to",
)
NEGATIONS = frozenset(["not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor"])

ANONYMOUS_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "person",
        "people",
        "aide",
        "aides",
        "insider",
        "insiders",
        "diplomat",
        "diplomats",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "officer",
        "officers",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observer",
        "observers",
        "member",
        "members",
        "employee",
        "employees",
        "staffer",
        "staffers",
    ]
)
ANONYMITY_MARKERS = (
    "anonymity",
    "anonymously",
    "not authorized",
    "not authorised",
    "familiar with",
    "unnamed",
    "not named",
    "not be named",
    "declined to be named",
    "asked not to be",
)
ORGANISATION_NOUNS = frozenset(
    [
        "giant",
        "carrier",
        "airline",
        "maker",
        "retailer",
        "manufacturer",
        "bank",
        "lender",
        "insurer",
        "team",
        "club",
        "newspaper",
        "paper",
        "daily",
        "outlet",
        "agency",
        "ministry",
        "department",
        "government",
        "company",
        "firm",
        "group",
        "organisation",
        "organization",
        "office",
        "committee",
        "council",
        "party",
        "administration",
        "service",
        "network",
        "channel",
        "broadcaster",
        "publication",
        "magazine",
        "station",
        "union",
        "court",
        "army",
        "military",
        "police",
    ]
)
FIRST_SECOND_PERSON = frozenset(["i", "me", "we", "us", "'s", "you"])
PERSONAL_PRONOUNS = {
    "he": "PERSON",
    "she": "PERSON",
    "him": "PERSON",
    "her": "PERSON",
    "they": "GROUP",
    "it": "ORG",
    "i": "SELF",
    "we": "SELF",
}
# Words before a name that make it a place, whatever the tagger said ("near X", "outside X"); "in" counts only
# for a name the tagger took for a person, since "in X" also takes organisations ("in Congress").
PLACE_PREPOSITIONS = frozenset(["near", "outside", "across", "toward", "towards", "throughout", "nearby"])
# Compass words that make "<word> of X" a place ("south of X", "northeast of X").
COMPASS_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ]
)
# Verbs whose "on X" names a platform or medium ("said on X", "posted on X", "tweeted on X").
POSTING_VERBS = frozenset(
    ["say", "post", "tweet", "write", "share", "announce", "publish", "comment", "reply", "upload", "claim", "appear"]
)
# Nouns a platform's name qualifies ("an X post", "his X account", "the X channel").
PLATFORM_NOUNS = frozenset(["account", "post", "feed", "page", "profile", "channel", "handle", "tweet", "livestream"])
# The gender a pronoun speaker asks of its antecedent ("he said" is not a woman named before).
PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
# Words beside a name that show a person's gender: courtesy titles, family and gendered role nouns
# ("Mrs Lee", "Lee, a mother of three", "the spokeswoman"). Role nouns used for both ("chairman") are left out.
GENDER_WORDS = {
    **dict.fromkeys(
        [
            "mr",
            "sir",
            "lord",
            "king",
            "prince",
            "father",
            "son",
            "husband",
            "brother",
            "uncle",
            "grandfather",
            "man",
            "boy",
            "businessman",
            "congressman",
            "spokesman",
            "actor",
            "widower",
            "boyfriend",
            "fiance",
            "nephew",
            "duke",
        ],
        "male",
    ),
    **dict.fromkeys(
        [
            "mrs",
            "ms",
            "miss",
            "dame",
            "lady",
            "queen",
            "princess",
            "mother",
            "daughter",
            "wife",
            "sister",
            "aunt",
            "grandmother",
            "woman",
            "girl",
            "businesswoman",
            "congresswoman",
            "spokeswoman",
            "actress",
            "widow",
            "girlfriend",
            "fiancee",
            "niece",
            "duchess",
        ],
        "female",
    ),
}
# Capitalised role words that, with no name after them, describe a person named earlier ("said the retired
# Colonel", "the Mayor told reporters"): titles and ranks news put before names.
ROLE_TITLES = frozenset(
    [
        "president",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "congressman",
        "congresswoman",
        "governor",
        "mayor",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "colonel",
        "lieutenant",
        "major",
        "captain",
        "commander",
        "admiral",
        "sergeant",
        "marshal",
        "brigadier",
        "professor",
        "bishop",
        "archbishop",
        "ambassador",
        "chief",
        "sheriff",
        "inspector",
        "detective",
        "superintendent",
        "chairman",
        "chairwoman",
        "director",
        "coach",
        "ceo",
    ]
)
# A title or role implies the noun a later description uses for the same person: a colonel is an army
# officer ("Colonel Lee ... said the former army officer"), a senator a lawmaker, a CEO the chief executive.
ROLE_IMPLIES = {
    **dict.fromkeys(["general", "colonel", "lieutenant", "major", "captain", "commander", "admiral", "brigadier", "marshal"], ("officer",)),
    **dict.fromkeys(["senator", "congressman", "congresswoman", "representative", "mp", "legislator"], ("lawmaker", "legislator")),
    "ceo": ("executive", "boss"),
    "executive": ("ceo", "boss"),
    "chairman": ("boss",),
    "professor": ("academic", "expert"),
}

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
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
    "dozens": 24,
    "score": 20,
    "half": 0.5,
    "couple": 2,
    "pair": 2,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}

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
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "quid": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "¥": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rupee": "INR",
    "rupees": "INR",
    "₹": "INR",
    "hryvnia": "UAH",
    "franc": "CHF",
    "francs": "CHF",
}

PEOPLE_NOUNS = frozenset(
    [
        "people",
        "person",
        "persons",
        "man",
        "men",
        "woman",
        "women",
        "child",
        "children",
        "kid",
        "kids",
        "boy",
        "boys",
        "girl",
        "girls",
        "adult",
        "adults",
        "civilian",
        "civilians",
        "soldier",
        "soldiers",
        "troop",
        "troops",
        "fighter",
        "fighters",
        "militant",
        "militants",
        "rebel",
        "rebels",
        "protester",
        "protesters",
        "protestor",
        "protestors",
        "demonstrator",
        "demonstrators",
        "police",
        "policeman",
        "policemen",
        "officer",
        "officers",
        "official",
        "officials",
        "worker",
        "workers",
        "employee",
        "employees",
        "staff",
        "member",
        "members",
        "resident",
        "residents",
        "citizen",
        "citizens",
        "voter",
        "voters",
        "student",
        "students",
        "patient",
        "patients",
        "passenger",
        "passengers",
        "victim",
        "victims",
        "hostage",
        "hostages",
        "prisoner",
        "prisoners",
        "detainee",
        "detainees",
        "migrant",
        "migrants",
        "refugee",
        "refugees",
        "immigrant",
        "immigrants",
        "casualty",
        "casualties",
        "death",
        "deaths",
        "dead",
        "injured",
        "wounded",
        "survivor",
        "survivors",
        "body",
        "bodies",
        "firefighter",
        "firefighters",
        "doctor",
        "doctors",
        "nurse",
        "nurses",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "guard",
        "guards",
        "personnel",
        "mercenary",
        "mercenaries",
        "recruit",
        "recruits",
        "volunteer",
        "volunteers",
        "supporter",
        "supporters",
        "fan",
        "fans",
        "spectator",
        "spectators",
        "tourist",
        "tourists",
        "inhabitant",
        "inhabitants",
        "family",
        "families",
        "pilgrim",
        "pilgrims",
        "crew",
        "miner",
        "miners",
        "farmer",
        "farmers",
        "teacher",
        "teachers",
        "suspect",
        "suspects",
        "arrest",
        "arrests",
        "user",
        "users",
        "customer",
        "customers",
        "attendee",
        "attendees",
        "participant",
        "participants",
        "delegate",
        "delegates",
    ]
)

# What a count of people measures, keyed by class: nouns, adjectives and verb lemmas that name it
# ("three dead", "killing three", "the death toll", "three people were killed" all measure "dead").
MEASURE_CLASSES = {
    "dead": frozenset(
        [
            "dead",
            "death",
            "deaths",
            "die",
            "died",
            "kill",
            "killed",
            "fatality",
            "fatalities",
            "fatal",
            "toll",
            "life",
            "lives",
            "body",
            "bodies",
            "murder",
            "murdered",
        ]
    ),
    "injured": frozenset(
        [
            "injured",
            "injure",
            "injury",
            "injuries",
            "wounded",
            "wound",
            "hurt",
            "casualty",
            "casualties",
            "hospitalised",
            "hospitalized",
            "hospitalise",
            "hospitalize",
        ]
    ),
    "arrested": frozenset(
        ["arrest", "arrested", "arrests", "detain", "detained", "detainee", "detainees", "detention", "charge", "charged"]
    ),
    "missing": frozenset(["missing", "unaccounted", "disappear", "disappeared"]),
    "displaced": frozenset(["evacuate", "evacuated", "evacuee", "evacuees", "displace", "displaced", "homeless", "flee", "fled"]),
    "rescued": frozenset(["rescue", "rescued", "survivor", "survivors", "survive", "survived"]),
    "kidnapped": frozenset(["kidnap", "kidnapped", "abduct", "abducted", "hostage", "hostages", "captive", "captives"]),
    "population": frozenset(["population", "inhabitant", "inhabitants", "resident", "residents", "home", "populated"]),
}
# Words that mark a name as a news organisation ("Fox News", "the Daily Mail", "TMZ" is caught by the outlet list).
MEDIA_WORDS = frozenset(
    [
        "news",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "gazette",
        "telegraph",
        "guardian",
        "mail",
        "mirror",
        "express",
        "chronicle",
        "observer",
        "independent",
        "daily",
        "weekly",
        "magazine",
        "press",
        "radio",
        "tv",
        "television",
        "broadcasting",
        "network",
        "channel",
        "wire",
        "dispatch",
        "bulletin",
        "courier",
        "inquirer",
        "examiner",
        "standard",
        "sun",
        "star",
        "record",
        "reporter",
        "newspaper",
        "tabloid",
        "agency",
    ]
)
# Words after which a quantity describes where something lies, not how far something moved ("the town, 40 km east of").
DIRECTION_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "away",
        "outside",
        "from",
        "off",
    ]
)
# Adjectives of size that follow a measurement ("12 metres wide"); the measurement describes the noun before it.
SIZE_ADJECTIVES = frozenset(["wide", "long", "deep", "high", "tall", "thick", "across", "broad"])
# Words that make a figure an increment on top of another ("eight more people", "another 20", "a further four").
INCREMENT_AFTER = frozenset(["more", "additional"])
INCREMENT_BEFORE = frozenset(["another", "additional", "further", "extra"])
# Verbs after which "pounds" is a weight, not money.
WEIGHT_VERBS = frozenset(["weigh"])
# Nouns a number after which is a label, not a count ("round three", "gate 5", "article 50").
LABEL_NOUNS = frozenset(
    [
        "round",
        "game",
        "match",
        "race",
        "stage",
        "leg",
        "room",
        "gate",
        "chapter",
        "section",
        "article",
        "page",
        "line",
        "platform",
        "level",
        "grade",
        "phase",
        "floor",
        "terminal",
        "act",
        "part",
        "episode",
        "flight",
    ]
)
# Nouns of places whose size in people is a population ("a city of 1.2 million people", "the island, home to 120,000").
PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "country",
        "nation",
        "island",
        "state",
        "province",
        "region",
        "capital",
        "district",
        "area",
        "county",
        "municipality",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "metropolis",
        "archipelago",
        "territory",
    ]
)
# Nouns for the people a place holds ("Nigeria, with some 160 million people"): their count there is a population.
POPULATION_NOUNS = frozenset(["people", "person", "inhabitant", "resident", "soul"])
# Verbs whose subject counted in people, with a place after "in", is a population ("1.5 million people live in the capital").
RESIDENCE_VERBS = frozenset(["live", "reside", "dwell"])
# Words that name a seismic (or other) scale reading: the number beside them is a magnitude, not a count.
MAGNITUDE_WORDS = frozenset(["magnitude", "richter"])
# Participles that place a thing ("the island, located 40 km south of the capital"): the distance is the thing's.
LOCATION_VERBS = frozenset(["locate", "situate", "lie", "sit", "base", "position"])
# Update cues: a figure revised over time ("rose to", "revised down to", "earlier ... said").
UPDATE_CUES = (
    "rose to",
    "risen to",
    "rise to",
    "climbed to",
    "increased to",
    "jumped to",
    "grown to",
    "up from",
    "down from",
    "now stands at",
    "has reached",
    "latest figure",
    "updated",
    "revised",
    "earlier reports",
    "previously reported",
    "initially reported",
    "had earlier",
    "earlier said",
    "earlier put",
)


def verb_lemma(token, lexicon: frozenset[str]) -> str | None:
    """The token's lemma if it is in ``lexicon``, also where the tagger's lemma is wrong ("raged" -> "rag")."""
    lemma = token.lemma_.lower()
    if lemma in lexicon:
        return lemma
    word = token.lower_
    for suffix, replacement in (
        ("ed", "e"),
        ("ed", ""),
        ("d", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
        ("ied", "y"),
        ("ies", "y"),
    ):
        if word.endswith(suffix) and (candidate := word[: len(word) - len(suffix)] + replacement) in lexicon:
            return candidate
    return None


# Pairs of verb sets (lemmas) that say opposite things of one subject ("fled" / "stayed"): a claim with a verb of one
# set against a claim with a verb of the other, about the same subject, is a contradiction.
OPPOSITE_PREDICATES = [
    ({"flee", "leave", "escape", "depart", "exit", "evacuate", "abandon"}, {"stay", "remain", "work", "return"}),
    ({"die", "kill"}, {"survive", "live", "recover"}),
    ({"win"}, {"lose"}),
    ({"arrest", "detain", "jail"}, {"release", "free", "acquit"}),
    ({"rise", "increase"}, {"fall", "decrease", "drop", "decline"}),
    ({"open", "reopen"}, {"close", "shut"}),
    ({"accept", "approve", "agree"}, {"reject", "refuse", "deny", "veto"}),
    ({"resign", "quit"}, {"stay", "remain"}),
    ({"confirm"}, {"deny"}),
]
# Verbs too general to make two claims about one act ("had", "said"): a shared light verb is no shared predicate.
LIGHT_VERBS = frozenset(["be", "have", "do", "get", "make", "go", "take", "say", "come", "give"])
