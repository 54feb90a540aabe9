from rashomon.align.origin import agency_credit, assign_origins
from rashomon.model import Article

BASE = (
    "A fire tore through a textile factory on the outskirts of Port Amira on Thursday, killing at least 17 workers and injuring dozens more, "
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
