"""What the per-article extractors find, in offsets of the normalised text.

These records live on the spaCy ``Doc`` (``doc._.rashomon``) until the resolve
stage turns mentions into actors and the pipeline maps offsets back to the
article text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import TypeAdapter
from spacy.tokens import Doc

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
# The version of the JSON that :meth:`DocAnnotations.to_json` writes and the store keeps; stores hold format 1.
ANNOTATIONS_FORMAT = 1


@dataclass(frozen=True)
class Mention:
    """A named-entity mention: the raw material of actors.

    ``cue`` is the type a grammatical cue beside the name shows, whatever the tagger said: ``GPE`` after a place
    preposition ("near X", "south of X", a name the tagger took for a person after "in"), ``ORG`` for a platform or
    account ("said on X", "@X", "X post"); None when there is none.
    """

    text: str
    label: str
    start: int
    end: int
    token_start: int
    token_end: int
    cue: str | None = None


@dataclass(frozen=True)
class SpeakerRef:
    """Who a statement is attributed to: a mention it resolved to, or a description."""

    surface: str
    start: int
    end: int
    mention: Mention | None = None
    description: str | None = None


@dataclass
class QuoteHit:
    """Quoted or reported words with their cue and speaker."""

    text: str
    start: int
    end: int
    outer_start: int
    outer_end: int
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: SpeakerRef | None = None
    segments: list[tuple[int, int]] = field(default_factory=list)

    def pieces(self) -> list[tuple[int, int]]:
        """The spans of the quoted words: one per paragraph a quote runs over."""
        return self.segments or [(self.start, self.end)]


@dataclass
class NumberHit:
    """A quantity with its normalised value, unit, dimension and what it counts."""

    text: str
    start: int
    end: int
    value: float
    unit: str | None
    dimension: str
    counted: str | None
    qualifier: str | None
    sentence_start: int
    sentence_end: int
    measure: str | None = None
    about: str | None = None


@dataclass
class DateHit:
    """A date or time expression and its resolved ISO value, if any."""

    text: str
    start: int
    end: int
    value: str | None


@dataclass
class ClaimHit:
    """A check-worthy sentence and how it is held."""

    text: str
    start: int
    end: int
    status: str
    attributed: SpeakerRef | None
    mentions: list[Mention]
    number_indexes: list[int]
    date_indexes: list[int]
    negated: bool
    predicate: str | None = None
    predicate_span: tuple[int, int] | None = None
    subject: Mention | None = None


@dataclass
class DocAnnotations:
    """Everything extracted from one document."""

    mentions: list[Mention] = field(default_factory=list)
    quotes: list[QuoteHit] = field(default_factory=list)
    numbers: list[NumberHit] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    claims: list[ClaimHit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """JSON text of everything found in one article, so that a story can be analysed later without re-running spaCy.

        Written and read through one pydantic TypeAdapter over these dataclasses: a field added here is stored and read
        back with no other edit.
        """
        return json.dumps(
            {"format": ANNOTATIONS_FORMAT, **ANNOTATIONS.dump_python(self, mode="json")}, ensure_ascii=False, separators=(",", ":")
        )

    @staticmethod
    def from_json(text: str) -> DocAnnotations:
        """The annotations written by :meth:`to_json`."""
        data = json.loads(text)
        if data.pop("format", None) != ANNOTATIONS_FORMAT:
            raise ValueError("stored annotations have an unknown format version")
        return ANNOTATIONS.validate_python(data)


ANNOTATIONS = TypeAdapter(DocAnnotations)


if not Doc.has_extension("rashomon"):
    Doc.set_extension("rashomon", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


def annotations_of(doc: Doc) -> DocAnnotations:
    """The annotations attached to a doc, created on first use."""
    if doc._.rashomon is None:
        doc._.rashomon = DocAnnotations()
    return doc._.rashomon
