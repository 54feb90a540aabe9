import pytest

from rashomon.align.origin import (
    agency_credit,
    assign_origins,
    cited_outlet,
    credited_names,
    main_source,
    outlet_resolver,
)
from rashomon.model import Article

BASE = (
    "A fire tore through a textile factory on the outskirts of Port Amira on Thursday, "
    "killing at least 17 workers and injuring dozens more, "
    "the city's fire department said. Witnesses said flames spread quickly through the upper floors, where hundreds of employees were "
    "working the night shift, and many were trapped behind locked exits. The factory owner was detained for questioning on Friday morning."
)
OTHER = (
    "Investigators in Port Amira are examining whether locked doors contributed to the deaths of workers in Thursday's factory blaze. "
    "Labour groups have long warned about safety standards in the district, and the regional minister promised a full inquiry."
)


def article(article_id, text):
    return Article(id=article_id, source_path=article_id, text=text)


def test_lightly_edited_reprint_shares_origin():
    reprint = BASE.replace("on Thursday", "late on Thursday").replace("dozens more", "dozens of others") + " More to follow."
    origins = assign_origins([article("a", BASE), article("b", reprint)])
    assert origins["a"] == origins["b"]


def test_independent_report_has_its_own_origin():
    origins = assign_origins([article("a", BASE), article("b", OTHER)])
    assert origins["a"] != origins["b"]


def test_same_agency_credit_shares_origin():
    one = "PORT AMIRA (Reuters) - " + OTHER
    two = "Port Amira blaze\n\nInvestigators say the exits were locked. Reuters contributed to this report."
    assert agency_credit(one) == agency_credit(two) == "Reuters"
    origins = assign_origins([article("a", one), article("b", two), article("c", BASE)])
    assert origins["a"] == origins["b"] == "wire:Reuters"
    assert origins["c"] != origins["a"]


def test_shared_long_sentences_share_origin():
    first, second, _ = BASE.split(". ", 2)
    borrowed = f"{first}. {second}. The local council met in an emergency session and the mayor cancelled all public events for the week."
    origins = assign_origins([article("a", BASE + " " + OTHER), article("b", borrowed)])
    assert origins["a"] == origins["b"]


def test_no_credit_without_agency():
    assert agency_credit("LONDON - The market fell sharply on Monday.") is None


EDITED_COPY_SOURCE = (
    "Rescue teams in Port Amira worked through the night to reach survivors of the factory fire. "
    "The regional governor said the death toll could rise as more floors are searched. "
    "Relatives gathered outside the city hospital waiting for news of the missing workers. "
    "The factory had passed a safety inspection only three months ago, according to local records."
)


def test_edited_wire_copy_shares_origin():
    edited = (
        "Rescue teams in Port Amira worked through the night to reach the survivors of the factory fire. "
        "The regional governor said the toll could rise as more floors were searched. "
        "Relatives gathered outside the main city hospital waiting for news of missing workers. "
        "Our reporter adds that the street remained closed to traffic on Friday."
    )
    origins = assign_origins([article("a", EDITED_COPY_SOURCE), article("b", edited)])
    assert origins["a"] == origins["b"]


def test_one_shared_sentence_is_not_a_copy():
    independent = (
        "Rescue teams in Port Amira worked through the night to reach survivors of the factory fire. "
        "Union leaders called a strike across the district for Monday and demanded arrests. "
        "Prices of cotton goods rose in the city's markets, traders said, as supply worries spread. "
        "The national football league postponed its weekend matches in the region."
    )
    origins = assign_origins([article("a", EDITED_COPY_SOURCE), article("b", independent)])
    assert origins["a"] != origins["b"]


def test_source_credit_line_names_the_agency():
    assert agency_credit("Factory fire toll rises\n\nMore bodies were found. [Source: Reuters]") == "Reuters"
    assert agency_credit("Factory fire toll rises\n\nMore bodies were found, the source said.") is None


@pytest.mark.parametrize(
    ("attributed", "expected"),
    [
        ("the BBC", "BBC"),
        ("the board", None),
        ("Reuters", "Reuters"),
        ("The Daily Gazette", "Daily Gazette"),
        ("Marta Ilic", None),
        ("Harbour Post", "Harbour Post"),
    ],
)
def test_claims_credited_to_an_outlet_count_for_it(attributed, expected):
    assert cited_outlet(attributed, {"Harbour Post", "BBC"}) == expected


WIRE_SENTENCES = [
    "Rescue teams in Port Amira worked through the night to reach survivors of the factory fire.",
    "The regional governor said the death toll could rise as more floors are searched.",
    "Relatives gathered outside the city hospital waiting for news of the missing workers.",
    "The factory had passed a safety inspection only three months ago, according to local records.",
    "Union leaders called a strike across the district for Monday and demanded arrests.",
]
PLACES = ["harbour", "market", "station", "stadium", "library", "bridge", "museum", "airport", "college", "theatre", "garden", "tower"]


def long_report(template: str, shared: int) -> str:
    """A long report of its own (twelve sentences on other topics) that takes ``shared`` sentences of one wire story."""
    return " ".join(WIRE_SENTENCES[:shared] + [template.format(place) for place in PLACES])


@pytest.mark.parametrize(("shared", "same"), [(5, True), (4, False)])
def test_many_copied_sentences_share_origin_in_long_reports(shared, same):
    """Five near-identical long sentences are one origin even when they are a small share of two long reports; four are not."""
    first = long_report("Our correspondent visited the {} near the old town and spoke to several residents there.", shared)
    second = long_report("Traffic around the {} was diverted for most of the afternoon while engineers checked the wiring.", shared)
    origins = assign_origins([article("a", first), article("b", second)])
    assert (origins["a"] == origins["b"]) is same


# Rewrites of one outlet's story: the main source an article credits, and the evidence that two rewrites share it.
GAZETTE_STORY = (
    "The harbour authority of Port Amira fired its director on Monday. "
    "The board met for six hours before the vote, a member said. "
    "The chairwoman said the board had lost confidence in the way the director handled the dock strike. "
    "The director had led the authority for nine years."
)


OWN_WORDS = {
    "first": (
        "Port Amira's harbour chief is out. {credit} the authority's board dismissed its director after a long meeting. "
        "{borrowed}The vote came after months of complaints from shipping firms about delays at the docks. "
        "Officials did not say who would take over the post. The port handles most of the region's grain exports."
    ),
    "second": (
        "A shake-up at the docks. {credit} the man who ran the harbour for a decade has been shown the door. "
        "{borrowed}Truck drivers queueing at the gates said little had changed in years. "
        "Nobody from the ministry answered calls on Tuesday. Grain traders expect a quieter season."
    ),
}


def rewrite(credit: str, borrowed: str = "", words: str = "first") -> str:
    """A short report in its own words that credits an outlet early and may carry one sentence of another report."""
    return OWN_WORDS[words].format(credit=credit, borrowed=borrowed)


SHARED_SENTENCE = "The chairwoman said the board had lost confidence in the way the director handled the dock strike. "


def test_credited_names_before_and_after_the_name():
    text = "According to the Harbour Gazette, the vote was close. The director resigned. Radio Amira reported a protest."
    assert credited_names(text) == [(0, "the Harbour Gazette"), (2, "Radio Amira")]


def test_no_credit_without_a_credit_phrase():
    assert credited_names("The Harbour Gazette building stands on the quay. The director resigned.") == []


@pytest.mark.parametrize(
    ("credits", "sentences", "expected"),
    [
        ([(1, "gazette")], 10, "gazette"),
        ([(8, "gazette")], 10, None),
        ([(1, "gazette"), (3, "gazette"), (4, "courier")], 10, "gazette"),
        ([(1, "gazette"), (3, "courier")], 10, None),
        ([], 10, None),
    ],
    ids=["early", "late-is-a-passing-mention", "most-credits", "roundup-of-two", "none"],
)
def test_main_source_is_credited_early_and_most(credits, sentences, expected):
    assert main_source(credits, sentences) == expected


def test_outlet_resolver_knows_outlets_acronyms_and_not_people():
    articles = [Article(id="g", source_path="g", text="x", outlet="harbourgazette.com"), article("b", "x")]
    credited = {"b": [(0, "The Harbour Gazette")], "g": []}
    resolve = outlet_resolver(articles, credited)
    assert resolve("the Harbour Gazette") == "harbourgazette"
    assert resolve("THG") == "harbourgazette"
    assert resolve("Reuters") == "reuters"
    assert resolve("police") is None
    assert resolve("Marta Ilic") is None
    assert resolve("XQZ") is None


def test_agency_services_resolve_to_the_agency():
    resolve = outlet_resolver([article("a", "x")], {"a": []})
    assert resolve("Reuters Television") == "reuters"
    assert resolve("Reutersville Times") == "reutersvilletimes"


def test_rewrites_crediting_one_outlet_and_sharing_a_sentence_share_origin():
    one = rewrite("According to the Harbour Gazette,", SHARED_SENTENCE)
    two = rewrite("The Harbour Gazette reported that", SHARED_SENTENCE, "second")
    origins = assign_origins([article("a", one), article("b", two)])
    assert origins["a"] == origins["b"]


def test_rewrites_crediting_one_outlet_without_shared_words_stay_apart():
    """Two reports may both cite one outlet for one fact and write the rest themselves."""
    one = rewrite("According to the Harbour Gazette,", SHARED_SENTENCE)
    two = rewrite("The Harbour Gazette reported that", "", "second")
    origins = assign_origins([article("a", one), article("b", two)])
    assert origins["a"] != origins["b"]


def test_reports_sharing_a_sentence_but_crediting_different_outlets_stay_apart():
    one = rewrite("According to the Harbour Gazette,", SHARED_SENTENCE)
    two = rewrite("The Amira Courier reported that", SHARED_SENTENCE, "second")
    origins = assign_origins([article("a", one), article("b", two)])
    assert origins["a"] != origins["b"]


def test_rewrite_of_an_outlet_at_hand_shares_its_origin():
    own = Article(id="g", source_path="g", text=GAZETTE_STORY, outlet="harbourgazette.com")
    origins = assign_origins([own, article("b", rewrite("According to the Harbour Gazette,", SHARED_SENTENCE))])
    assert origins["g"] == origins["b"]


def test_roundup_of_several_outlets_keeps_its_own_origin():
    """A report that credits two outlets as much is built on neither, even when it repeats one's sentence."""
    own = Article(id="g", source_path="g", text=GAZETTE_STORY, outlet="harbourgazette.com")
    roundup = rewrite("According to the Harbour Gazette,", SHARED_SENTENCE + "The Amira Courier reported a protest at the gates. ")
    origins = assign_origins([own, article("b", roundup)])
    assert origins["g"] != origins["b"]
