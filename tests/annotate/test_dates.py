from datetime import datetime

from rashomon.annotate.dates import extract_dates, parse_published, resolve

BASE = datetime(2021, 3, 10, 12, 0)


def test_relative_dates_resolve_against_publication():
    assert resolve("yesterday", BASE)[0].date() == datetime(2021, 3, 9).date()
    assert resolve("last Monday", BASE)[0].date() == datetime(2021, 3, 8).date()
    assert resolve("two years ago", BASE)[0].year == 2019


def test_relative_dates_need_a_base():
    assert resolve("yesterday", None) == (None, None)
    assert resolve("March 3, 2020", None)[0].date() == datetime(2020, 3, 3).date()


def test_published_parsing():
    assert parse_published("2021-03-10T08:00:00Z") == datetime(2021, 3, 10, 8, 0)
    assert parse_published("March 10, 2021").date() == datetime(2021, 3, 10).date()
    assert parse_published(None) is None
    assert parse_published("not a date at all") is None


def test_extract_dates_values_and_durations(parse):
    doc = parse("The ship sank on Tuesday after a storm that lasted 36 hours.")
    hits = extract_dates(doc, BASE)
    assert [h.text for h in hits] == ["Tuesday"]
    assert hits[0].value == "2021-03-09"


def test_weekdays_count_back_for_what_happened_and_forward_for_what_is_to_come(parse):
    wednesday = BASE
    said = extract_dates(parse("The mayor said on Wednesday that the bridge had collapsed on Monday."), wednesday)
    assert [(h.text, h.value) for h in said] == [("Wednesday", "2021-03-10"), ("Monday", "2021-03-08")]
    ahead = extract_dates(parse("The council will meet on Friday, and the mayor said the vote would take place on Monday."), wednesday)
    assert [(h.text, h.value) for h in ahead] == [("Friday", "2021-03-12"), ("Monday", "2021-03-15")]
