"""Date and time expressions resolved against the article's publication date."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from spacy.tokens import Doc, Span

from rashomon.annotate.lexicon import ENGLISH
from rashomon.annotate.types import DateHit
from rashomon.common.dates import LEADING_WORDS, resolve

WEEKDAYS = ENGLISH.weekdays
FUTURE_AUXILIARIES = ENGLISH.future_auxiliaries
FUTURE_VERBS = ENGLISH.future_verbs

DATE_LABELS = {"DATE", "TIME"}
ANCHORED = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|"
    r"tonight|ago|last|next|this|(?:1[6-9]|20)\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b",
    re.IGNORECASE,
)
PERIOD_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y", "time": "%Y-%m-%dT%H:%M"}


def format_date(moment: datetime, period: str | None) -> str:
    """ISO text at the precision the expression gave."""
    return moment.strftime(PERIOD_FORMATS.get(period or "day", "%Y-%m-%d"))


def points_ahead(ent: Span) -> bool:
    """Whether the event the date belongs to is still to come ("will meet on Wednesday", "is scheduled for Friday")."""
    verb = ent.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in FUTURE_VERBS:
        return True
    return any(child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES for child in verb.children)


def weekday_date(text: str, base: datetime | None, ahead: bool) -> datetime | None:
    """A bare weekday named in a news story: the latest such day up to publication, or the next one for what is to come."""
    name = LEADING_WORDS.sub("", text.strip()).lower()
    if base is None or name not in WEEKDAYS:
        return None
    wanted = WEEKDAYS.index(name)
    shift = (wanted - base.weekday()) % 7 if ahead else -((base.weekday() - wanted) % 7)
    return (base + timedelta(days=shift)).replace(hour=0, minute=0, second=0, microsecond=0)


def extract_dates(doc: Doc, published: datetime | None) -> list[DateHit]:
    """Dates and times that point at a moment, resolved where possible."""
    hits = []
    for ent in doc.ents:
        if ent.label_ not in DATE_LABELS or not ANCHORED.search(ent.text):
            continue
        weekday = weekday_date(ent.text, published, points_ahead(ent))
        moment, period = (weekday, "day") if weekday is not None else resolve(ent.text, published)
        value = format_date(moment, period) if moment is not None else None
        hits.append(DateHit(ent.text, ent.start_char, ent.end_char, value))
    return hits
