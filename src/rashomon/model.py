"""The typed data model every stage reads and returns.

A :class:`Dossier` is the contract of rashomon's output. Its JSON Schema is
published in ``schema/dossier.schema.json`` and versioned by ``SCHEMA_VERSION``.
Every extracted item keeps ``start_char``/``end_char`` offsets into the
``text`` of its :class:`Article`, so any item can be traced to its evidence.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from rashomon.common.dates import parse_published

SCHEMA_VERSION = "1.5.0"

ClaimStatus = Literal["asserted", "reported", "claimed", "denied", "hedged"]
FindingKind = Literal["corroborated", "disputed", "evolving", "single_source"]
# The rule that joined a spelling to an actor (``resolve.actors`` and ``resolve.records`` name themselves by these).
MergeRule = Literal[
    "same_name",
    "surname_in_article",
    "full_name_variant",
    "rare_surname_slip",
    "name_tail",
    "lone_surname",
    "lone_given_name",
    "lone_name_slip",
    "quoted_nickname",
    "organisation_variant",
    "initials_and_last_word",
    "acronym_defined",
    "initials",
    "short_form",
    "place_or_name_slip",
    "first_and_last_word",
    "long_name_slip",
    "name_after_place",
    "description",
]
# A publication moment: read from a string or a datetime by ``parse_published`` (the one place dates of publication are
# read); a time without a zone is taken as UTC, and text that cannot be read as a date becomes None.
Published = Annotated[AwareDatetime | None, BeforeValidator(parse_published)]


class Record(BaseModel):
    """Base for all records: strict about unknown fields so typos surface early."""

    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One ingested news article, with the text all offsets point into.

    An article fetched from the web keeps its fetch time (UTC, ISO 8601) and the page as downloaded; the raw page
    stays in memory and in the store but is left out of the dossier (it can be megabytes, and nothing points into it).

    ``published`` is a timezone-aware datetime: metadata given as text is read once, here ("2024-03-05T10:00:00+02:00",
    "March 5, 2024"); a time given without a zone is taken as UTC, and text that is no date becomes None. In JSON it is
    an ISO 8601 string.
    """

    id: str
    source_path: str
    outlet: str | None = None
    title: str | None = None
    published: Published = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    word_count: int = 0
    origin: str | None = None
    text: str = ""
    fetched_at: str | None = None
    raw_html: SkipJsonSchema[str | None] = Field(default=None, exclude=True, repr=False)


class MergeReason(Record):
    """Why one spelling of an actor was joined to it: the spelling (an alias), the spelling it was joined to, the
    rule that joined them and the evidence in words ("same surname, given names transliteration variants")."""

    alias: str
    joined_to: str
    rule: MergeRule
    reason: str


class Actor(Record):
    """A person, organisation, place or group, resolved across all articles.

    Every alias but the name itself has a ``merges`` entry saying why it belongs to this actor.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    mentions: int = 0
    article_ids: list[str] = Field(default_factory=list)
    merges: list[MergeReason] = Field(default_factory=list)


class NameMention(Record):
    """A name as one article writes it (a named-entity mention), before actors are resolved across articles.

    Not part of the dossier (its actors are); the store keeps one row per mention for analysts.
    """

    id: str
    article_id: str
    text: str
    label: str
    start_char: int
    end_char: int


class Quote(Record):
    """Words attributed to a speaker, direct (in quote marks) or indirect."""

    id: str
    article_id: str
    text: str
    speaker_id: str | None = None
    speaker_name: str | None = None
    cue: str | None = None
    direct: bool = True
    start_char: int
    end_char: int


class NumberClaim(Record):
    """A quantity stated in an article, normalised for comparison.

    Its measure frame says what it can be compared with: ``measure`` is what is measured (a class of people
    count such as ``dead`` or ``injured``, else the counted noun) and ``about`` the thing the quantity is a
    property of when that is not the reported event ("the city, 400 km east of the capital": ``city``).
    """

    id: str
    article_id: str
    value: float
    unit: str | None = None
    dimension: str
    counted: str | None = None
    qualifier: str | None = None
    measure: str | None = None
    about: str | None = None
    text: str
    sentence: str
    start_char: int
    end_char: int


class DateMention(Record):
    """A date or time expression resolved against the publication date."""

    id: str
    article_id: str
    text: str
    value: str | None = None
    start_char: int
    end_char: int


class Claim(Record):
    """A check-worthy statement and how the article holds it."""

    id: str
    article_id: str
    text: str
    status: ClaimStatus
    attributed_to: str | None = None
    attributed_name: str | None = None
    actor_ids: list[str] = Field(default_factory=list)
    number_ids: list[str] = Field(default_factory=list)
    date_ids: list[str] = Field(default_factory=list)
    negated: bool = False
    predicate: str | None = None
    predicate_start: int | None = None
    predicate_end: int | None = None
    subject_id: str | None = None
    start_char: int
    end_char: int


class FindingSide(Record):
    """One position in a dispute, with the claims and outlets that hold it."""

    position: str
    claim_ids: list[str]
    article_ids: list[str]
    outlets: list[str | None]
    statuses: list[ClaimStatus]
    held_by: list[str | None] = Field(default_factory=list)
    number_ids: list[str] = Field(default_factory=list)


class Finding(Record):
    """A cross-source judgement over a group of aligned claims."""

    id: str
    kind: FindingKind
    summary: str
    claim_ids: list[str]
    independent_sources: int
    relation: str | None = None
    reason: str | None = None
    sides: list[FindingSide] = Field(default_factory=list)


class Diagnostic(Record):
    """A one-line problem with one input; the batch goes on without it."""

    source_path: str
    stage: str
    message: str


class Dossier(Record):
    """Everything rashomon learned about one event from its reports."""

    schema_version: str = SCHEMA_VERSION
    generated_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    articles: list[Article] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    numbers: list[NumberClaim] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise to the published JSON contract."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: str) -> Dossier:
        """Read a dossier written by :meth:`to_json`."""
        return cls.model_validate_json(data)

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        return next(a for a in self.articles if a.id == article_id)
