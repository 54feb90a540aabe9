from rashomon.ingest.metadata import detect_language, outlet_from_text, outlet_from_url
from rashomon.ingest.readers import read_bytes

# Two one-sentence English articles of ECB+ (topics 1 and 3) that a word-list heuristic once took for another language.
ONE_SENTENCE_ARTICLES = (
    "French police say armed robbers cleaned out a high-end jewelry store yesterday in Paris , news organizations report .",
    (
        "U.S. president-elect Barack Obama has asked neurosurgeon Sanjay Gupta , CNN 's chief medical correspondent , "
        "to serve as the country 's surgeon general , CNN reported Tuesday ."
    ),
)


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


def test_outlet_from_url_follows_the_public_suffix_list():
    assert outlet_from_url("https://news.example.co.uk/a") == "example.co.uk"
    assert outlet_from_url("https://something.blogspot.com/2024/05/post.html") == "something.blogspot.com"
    assert outlet_from_url("https://another.blogspot.com/") != outlet_from_url("https://something.blogspot.com/")
    assert outlet_from_url("https://m.Example.COM.au/story") == "example.com.au"
    assert outlet_from_url("http://127.0.0.1:8080/page") is None
    assert outlet_from_url("http://localhost/page") is None


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
    assert (
        detect_language("Le ministre a déclaré lundi que le pont rouvrirait au printemps après des réparations importantes.") == "unknown"
    )
    assert detect_language("Too short") is None


def test_one_sentence_english_articles_are_english():
    for text in ONE_SENTENCE_ARTICLES:
        assert detect_language(text) == "en"
        result = read_bytes(text.encode(), "wire.txt")
        assert not result.diagnostics and result.articles[0].language == "en"


def test_one_sentence_articles_in_other_languages_are_not():
    for text in (
        "Der Minister sagte am Montag, die Brücke werde nach den Reparaturen im Frühjahr wieder geöffnet.",
        "El ministro dijo el lunes que el puente volvería a abrir en primavera tras las reparaciones.",
    ):
        assert detect_language(text) == "unknown"
        assert [d.message for d in read_bytes(text.encode(), "wire.txt").diagnostics] == [
            "text is not English; rashomon analyses English news only"
        ]


def test_short_text_is_assumed_english():
    assert detect_language("Obama taps Gupta as surgeon general") is None  # seven words: too few to judge
    assert read_bytes(b"Obama taps Gupta as surgeon general", "wire.txt").articles[0].language == "en"
