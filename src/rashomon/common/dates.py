"""Reading dates: an article's publication date, and date expressions resolved against a base date (dateparser)."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

EXPLICIT_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|at|by|since|until|from|the|early|late|mid|more than|less than|about|almost|nearly|some|over)\s+)+", re.IGNORECASE
)
LAST_NAMED = re.compile(
    r"^last\s+(jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|\w+day)$", re.IGNORECASE
)


def parse_published(value: str | None) -> datetime | None:
    """The publication date of an article from its metadata string, if it can be read."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return resolve(value, None)[0]


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
