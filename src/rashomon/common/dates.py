"""Reading dates: an article's publication date, and date expressions resolved against a base date (dateparser)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

EXPLICIT_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|at|by|since|until|from|the|early|late|mid|more than|less than|about|almost|nearly|some|over)\s+)+", re.IGNORECASE
)
LAST_NAMED = re.compile(
    r"^last\s+(jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|\w+day)$", re.IGNORECASE
)


def parse_published(value: str | datetime | None) -> datetime | None:
    """An article's publication moment, timezone-aware, from its metadata string or a datetime; None if it cannot be read.

    The one place a publication date is read (the model's ``Article.published``, old store rows, stored clustering
    features and data-set date lines all come through here). ISO 8601 first, else dateparser's reading of free text
    ("July 08, 2012"). A time without a zone is taken as UTC; one with a zone keeps it.
    """
    if isinstance(value, datetime):
        moment = value
    elif not value or not value.strip():
        return None
    else:
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            moment = resolve(value.strip(), None)[0]
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@lru_cache(maxsize=64)
def date_parser(base: datetime | None):
    """An English date parser anchored at ``base`` (building one is slow, so they are kept)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=20000)
def resolve(text: str, base: datetime | None) -> tuple[datetime | None, str | None]:
    """(date, period) for a date expression; relative expressions need a base date."""
    if base is None and not EXPLICIT_YEAR.search(text):
        return None, None
    cleaned = LEADING_WORDS.sub("", text.strip())
    cleaned = LAST_NAMED.sub(r"\1", cleaned)
    try:
        data = date_parser(base).get_date_data(cleaned)
    except (ValueError, OverflowError, TypeError):
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    return data.date_obj, data.period
