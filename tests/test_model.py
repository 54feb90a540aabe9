"""The typed model: an article's publication moment is read once, kept timezone-aware, and written as ISO 8601."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from rashomon.model import Article, Dossier


def article(published) -> Article:
    return Article(id="a1", source_path="a1.txt", published=published)


def test_published_text_becomes_an_aware_datetime_and_a_naive_time_is_utc():
    assert article("2024-03-05T10:00:00").published == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert article("March 5, 2024").published == datetime(2024, 3, 5, tzinfo=UTC)
    assert article(datetime(2024, 3, 5, 10, 0)).published.tzinfo is UTC
    with_zone = article("2024-03-05T10:00:00+02:00").published
    assert with_zone.utcoffset() == timedelta(hours=2) and with_zone == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)


def test_published_text_that_is_no_date_is_none():
    assert article("sometime last spring").published is None
    assert article("").published is None


def test_published_is_iso_8601_in_json_and_reads_back_the_same():
    dossier = Dossier(articles=[article("2024-03-05T10:00:00+02:00"), article("2024-03-05T10:00:00")])
    written = [a["published"] for a in json.loads(dossier.to_json())["articles"]]
    assert written == ["2024-03-05T10:00:00+02:00", "2024-03-05T10:00:00Z"]
    assert Dossier.from_json(dossier.to_json()) == dossier
