"""Per-article annotations to JSON and back, so that a story can be analysed later without re-running spaCy."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass

from rashomon.annotate.types import ClaimHit, DateHit, DocAnnotations, Mention, NumberHit, QuoteHit, SpeakerRef

FORMAT_VERSION = 1


def mention(data: dict | None) -> Mention | None:
    return Mention(**data) if data else None


def speaker(data: dict | None) -> SpeakerRef | None:
    if not data:
        return None
    return SpeakerRef(**{**data, "mention": mention(data.get("mention"))})


def quote(data: dict) -> QuoteHit:
    return QuoteHit(**{**data, "speaker": speaker(data.get("speaker")), "segments": [tuple(s) for s in data.get("segments", [])]})


def claim(data: dict) -> ClaimHit:
    span = data.get("predicate_span")
    return ClaimHit(
        **{
            **data,
            "attributed": speaker(data.get("attributed")),
            "mentions": [Mention(**m) for m in data["mentions"]],
            "subject": mention(data.get("subject")),
            "predicate_span": tuple(span) if span else None,
        }
    )


def plain(value):
    """Dataclasses as dicts and tuples as lists, all the way down (what ``asdict`` does, without its deep copies)."""
    if is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def dumps(found: DocAnnotations) -> str:
    """JSON text of everything found in one article."""
    return json.dumps({"format": FORMAT_VERSION, **plain(found)}, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> DocAnnotations:
    """The annotations written by :func:`dumps`."""
    data = json.loads(text)
    if data.pop("format", None) != FORMAT_VERSION:
        raise ValueError("stored annotations have an unknown format version")
    return DocAnnotations(
        mentions=[Mention(**m) for m in data["mentions"]],
        quotes=[quote(q) for q in data["quotes"]],
        numbers=[NumberHit(**n) for n in data["numbers"]],
        dates=[DateHit(**d) for d in data["dates"]],
        claims=[claim(c) for c in data["claims"]],
        problems=list(data["problems"]),
    )
