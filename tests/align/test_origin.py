import pytest

from rashomon.align.origin import agency_credit, assign_origins, cited_outlet
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
