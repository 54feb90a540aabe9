"""Word lists for telling names apart and together: titles, name particles, organisation suffixes, nicknames."""

from __future__ import annotations

# Words before a name that say what a person is, not who ("President Smith", "Insp Gaskin", "GM Theo Epstein").
TITLES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "doctor",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "senator",
        "sen.",
        "sen",
        "rep.",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov.",
        "gov",
        "mayor",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "general",
        "gen.",
        "gen",
        "colonel",
        "col.",
        "col",
        "lieutenant",
        "lt.",
        "lt",
        "major",
        "maj.",
        "captain",
        "capt.",
        "commander",
        "admiral",
        "sergeant",
        "sgt.",
        "sgt",
        "marshal",
        "professor",
        "prof.",
        "prof",
        "reverend",
        "rev.",
        "father",
        "bishop",
        "archbishop",
        "ambassador",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president-elect",
        "former",
        "late",
        "deputy",
        "acting",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "health",
        "state",
        "mp",
        "mep",
        "inspector",
        "insp",
        "insp.",
        "detective",
        "det",
        "det.",
        "officer",
        "constable",
        "superintendent",
        "supt",
        "supt.",
        "sheriff",
        "coroner",
        "coach",
        "gm",
        "ceo",
        "cfo",
        "chairman",
        "chairwoman",
        "director",
        "qb",
        "rb",
        "wr",
        "te",
        "lb",
        "cb",
        "comedian",
        "comedienne",
        "actor",
        "actress",
        "singer",
        "rapper",
        "author",
        "writer",
    ]
)
TRAILING_TITLES = frozenset(["mp", "mep", "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "qc", "kc", "phd"])
# Lower-case words that belong to a name ("Charles de Gaulle", "Ali al-Sistani"): never stripped as a description.
NAME_PARTICLES = frozenset(
    ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al", "el", "bin", "ibn", "abu", "ul", "y"]
)
# Arabic article prefixes that transliterations write joined, hyphenated, spaced or leave out ("Al-Hassan" = "Hassan").
ARTICLE_PREFIXES = frozenset(["al", "el", "ul"])
# Generic words an organisation's name may carry or drop ("the Green Party" = "Green").
ORG_SUFFIXES = frozenset(
    [
        "group",
        "party",
        "company",
        "corporation",
        "corp",
        "corp.",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "plc",
        "organisation",
        "organization",
        "movement",
        "network",
        "agency",
    ]
)
# British and American spellings of words common in organisation and place names, folded to one.
SPELLING_VARIANTS = {
    "centre": "center",
    "organisation": "organization",
    "defence": "defense",
    "theatre": "theater",
    "programme": "program",
    "labour": "labor",
    "mt": "mount",
    "st": "saint",
}
# Given names and their usual short forms that share no prefix with them.
NICKNAMES = {
    frozenset(pair)
    for pair in (
        ("bill", "william"),
        ("billy", "william"),
        ("will", "william"),
        ("bob", "robert"),
        ("bobby", "robert"),
        ("rob", "robert"),
        ("dick", "richard"),
        ("rick", "richard"),
        ("jim", "james"),
        ("jimmy", "james"),
        ("jimmy", "jim"),
        ("mike", "michael"),
        ("peggy", "margaret"),
        ("maggie", "margaret"),
        ("katie", "kathryn"),
        ("kate", "kathryn"),
        ("kathy", "kathryn"),
        ("katie", "katherine"),
        ("kate", "katherine"),
        ("kathy", "katherine"),
        ("liz", "elizabeth"),
        ("beth", "elizabeth"),
        ("betty", "elizabeth"),
        ("tony", "anthony"),
        ("ted", "edward"),
        ("ned", "edward"),
        ("jack", "john"),
        ("hank", "henry"),
        ("chuck", "charles"),
        ("sasha", "alexander"),
        ("misha", "mikhail"),
        ("mo", "maurice"),
    )
}
# Short words left out when spelling an organisation's initials ("World Health Organization" -> WHO).
INITIALS_SKIP = frozenset(["of", "the", "and", "for", "in", "on", "at", "de"])
# Endings that make another given name from a shorter one ("Dan"/"Dana", "Paul"/"Paula", "Louis"/"Louise",
# "Daniel"/"Danielle"): a prefix that differs by one of them is a different person, not a short form.
NAME_FORM_ENDINGS = frozenset(["a", "e", "ia", "na", "ine", "elle", "le", "ette"])
# Letter groups that transliterations of one given name write differently (Greek, Russian, Arabic into English):
# "Konstantinos"/"Constantinos", "Yorgos"/"Giorgos", "Evgenia"/"Ievgenia", "Fyodor"/"Fiodor". Both names are folded with them,
# in this order, before comparing.
TRANSLITERATION_FOLDS = (("ph", "f"), ("kh", "h"), ("ks", "x"), ("yi", "i"), ("gi", "i"), ("y", "i"), ("k", "c"), ("e", "i"))
# Words of TITLES that qualify a role or name a body rather than being the role ("Prime", "State", "General"):
# a name is never cut after one of them inside a longer phrase ("Texas State University Police" keeps its words).
TITLE_MODIFIERS = frozenset(
    ["vice", "prime", "state", "foreign", "defence", "defense", "interior", "finance", "health", "former", "late", "deputy"]
    + ["acting", "chief", "general", "major", "father", "justice", "officer", "director", "lord", "lady", "king", "queen"]
)
# Head nouns of organisation names written both "Department of X" and "X Department" ("Treasury Department").
ORG_HEADS_OF = frozenset(["department", "ministry", "office", "bureau", "institute", "council", "commission"])
# Roles that end a title phrase before a name inside it ("State Prosecutor Ana Ruiz") but begin the names of
# offices when first ("Prosecutor General's Office"), so they are not TITLES stripped from a name's start.
INNER_ROLES = frozenset(["prosecutor", "attorney", "solicitor", "counsel"])
# Words of place, building and institution names that are never part of a person's name ("Halvik Street",
# "Monaco Hall", "Ruiz Foundation").
GENERIC_PLACE_WORDS = frozenset(
    ["street", "road", "avenue", "square", "park", "hall", "bridge", "river", "lake", "island", "county", "city", "hotel"]
    + ["center", "stadium", "arena", "school", "hospital", "church", "station", "airport", "building", "tower", "house"]
    + ["foundation", "fund", "trust", "association", "society", "union", "club", "bank", "college", "university"]
)
# Courtesy titles and the gender they show, to tell two people with one surname apart ("Mr Lee", "Miss Lee").
COURTESY_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
# Heads of speaker phrases that name a body or a group, never one person, whatever word introduced the person a
# quote was credited to ("the police" said, beside "police commissioner X"): such a phrase becomes no alias.
GROUP_DESCRIPTION_HEADS = frozenset(
    ["police", "authorities", "officials", "crews", "investigators", "prosecutors", "family", "military", "army", "navy"]
    + ["officers", "rescuers", "firefighters", "residents", "witnesses", "organizers", "organisers", "staff", "workers"]
)
