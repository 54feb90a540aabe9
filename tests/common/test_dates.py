"""Publication dates and date expressions read against a base date."""

from datetime import datetime

from rashomon.common.dates import parse_published, resolve

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
