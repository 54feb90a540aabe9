"""Publication dates and date expressions read against a base date."""

from datetime import UTC, datetime, timedelta, timezone

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
    assert parse_published("2021-03-10T08:00:00Z") == datetime(2021, 3, 10, 8, 0, tzinfo=UTC)
    assert parse_published("March 10, 2021") == datetime(2021, 3, 10, tzinfo=UTC)
    assert parse_published(None) is None
    assert parse_published("   ") is None
    assert parse_published("not a date at all") is None


def test_published_is_aware_a_time_without_zone_is_utc_and_a_zone_is_kept():
    plus_two = timezone(timedelta(hours=2))
    assert parse_published("2021-03-10T08:00:00").tzinfo is UTC
    assert parse_published(datetime(2021, 3, 10, 8, 0)) == datetime(2021, 3, 10, 8, 0, tzinfo=UTC)
    kept = parse_published("2021-03-10T08:00:00+02:00")
    assert kept.utcoffset() == timedelta(hours=2) and kept == datetime(2021, 3, 10, 6, 0, tzinfo=UTC)
    assert parse_published(datetime(2021, 3, 10, 8, 0, tzinfo=plus_two)).tzinfo is plus_two
