from rashomon.ingest.metadata import detect_language, outlet_from_text, outlet_from_url


def test_outlet_from_url_host():
    assert outlet_from_url("https://www.example-news.co.uk/world/2021/story") == "example-news.co.uk"
    assert outlet_from_url("http://edition.globaldaily.com/a") == "globaldaily.com"
    assert outlet_from_url(None) is None


def test_outlet_from_a_url_with_stray_brackets_is_none():
    """urlparse raises on brackets that are not an IPv6 address; a record's url field can hold anything."""
    for url in ("[]", "http://[x]/story", "https://[::1/a"):
        assert outlet_from_url(url) is None, url
    assert outlet_from_url("https://news.example.org/[draft]/story") == "example.org"
    assert outlet_from_url("not a url") is None


def test_outlet_from_dateline_web_credit():
    text = "(HarbourTimes.com) - The ferry service resumed on Monday after a week of strikes."
    assert outlet_from_text(text) == "HarbourTimes.com"


def test_agency_dateline_is_not_taken_as_outlet():
    text = "LIMA (Reuters) - Peru's congress voted on Thursday to remove the president."
    assert outlet_from_text(text) is None


def test_outlet_from_copyright_line():
    text = "The council approved the budget on Tuesday.\n\nCopyright 2022 Valley Courier. All rights reserved."
    assert outlet_from_text(text) == "Valley Courier"


def test_no_outlet_when_text_names_none():
    assert outlet_from_text("The council approved the budget on Tuesday after a long debate.") is None


def test_language_detection():
    assert detect_language("The minister said on Monday that the bridge would reopen in the spring after repairs.") == "en"
    assert detect_language("Le ministre a déclaré lundi que le pont rouvrirait au printemps après des réparations importantes.") == "unknown"
    assert detect_language("Too short") is None
