"""Dossier records from per-article annotations, with actor ids and offsets into the article text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rashomon.annotate import AnnotatedArticle
from rashomon.annotate.components import INTERNAL_ERROR
from rashomon.annotate.lexicon import ENGLISH
from rashomon.annotate.types import SpeakerRef
from rashomon.model import Actor, Claim, DateMention, Diagnostic, MergeReason, NameMention, NumberClaim, Quote
from rashomon.resolve.actors import ResolvedActors, merge_reasons, name_key

PRONOUNS = ENGLISH.pronouns
ORGANISATION_NOUNS = ENGLISH.organisation_nouns
GROUP_DESCRIPTION_HEADS = ENGLISH.group_description_heads


@dataclass
class Records:
    """Everything the dossier lists, before cross-source findings, and the name mentions actors were resolved from."""

    actors: list[Actor] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[NumberClaim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def actor_records(resolved: ResolvedActors, described: dict[str, Counter[str]] | None = None) -> list[Actor]:
    """One record per resolved actor, most mentioned first; its aliases are the names it is written with, then the
    descriptions its articles tie to it (``described``, see :func:`description_aliases`), each but the name with
    the reason it joined."""
    described = described or {}
    actors = []
    for actor_id, group in resolved.groups.items():
        name = group.canonical()
        descriptions = [
            d for d, _ in sorted(described.get(actor_id, Counter()).items(), key=lambda x: (-x[1], x[0])) if d not in group.surfaces
        ]
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                type=group.type,
                aliases=[*sorted(group.surfaces, key=lambda s: (-group.surfaces[s], s)), *descriptions],
                mentions=group.mentions,
                article_ids=sorted(group.articles),
                merges=[*merge_reasons(group), *(description_reason(d, name) for d in descriptions)],
            )
        )
    return actors


def description_reason(description: str, name: str) -> MergeReason:
    """Why a description is an alias of the named person its articles tie it to."""
    reason = "a description its article ties to this person (apposition, a title before the name or an age)"
    return MergeReason(alias=description, joined_to=name, rule="description", reason=reason)


def is_description_of(speaker: SpeakerRef) -> bool:
    """A definite speaker phrase that describes the person it resolved to without naming them ("the retired
    colonel", "the 61-year-old"): none of the name's words in it, and its head no body or group ("the company",
    "the police": a person introduced as "police commissioner" is not the police). Organisations are left out: "the company" or
    "police" resolve by salience alone, which is no evidence of identity (on the evaluation events it joined
    police to a borough and a patrol to an attorney's office)."""
    if speaker.mention is None or speaker.mention.label != "PERSON" or speaker.surface.split()[0].lower() != "the":
        return False
    if speaker.surface.split()[-1].lower().rstrip(".,") in ORGANISATION_NOUNS | GROUP_DESCRIPTION_HEADS:
        return False
    name_words = set(name_key(speaker.mention.text).split())
    return bool(name_words) and not name_words & set(name_key(speaker.surface).split()) and speaker.surface[:1].isalpha()


def description_aliases(annotated: list[AnnotatedArticle], resolved: ResolvedActors) -> dict[str, Counter[str]]:
    """Actor id -> descriptions its articles tie to it, with how many times: a speaker phrase the annotate stage
    resolved to the person the article introduced with that description or role (apposition "X, a retired colonel",
    a title "Mayor X", an age "X, 61"; see ``annotate.speakers``).
    Descriptions left unresolved stay the speaker's description, never an alias."""
    described: dict[str, Counter[str]] = {}
    for item in annotated:
        speakers = [hit.speaker for hit in item.found.quotes] + [hit.attributed for hit in item.found.claims]
        for speaker in speakers:
            if speaker is None or not is_description_of(speaker):
                continue
            actor_id = resolved.actor_id(speaker.mention, item.article.id)
            if actor_id is not None:
                described.setdefault(actor_id, Counter())[" ".join(speaker.surface.split())] += 1
    return described


def speaker_identity(
    speaker: SpeakerRef | None, resolved: ResolvedActors, names: dict[str, str], article_id: str
) -> tuple[str | None, str | None]:
    """(actor id, display name) for a speaker: the actor, else the description of an unnamed source."""
    if speaker is None:
        return None, None
    actor_id = resolved.actor_id(speaker.mention, article_id)
    if actor_id is not None:
        return actor_id, names[actor_id]
    if speaker.description:
        return None, speaker.description
    if speaker.surface.lower() in PRONOUNS:
        return None, None
    return None, speaker.surface


def build_records(annotated: list[AnnotatedArticle], resolved: ResolvedActors) -> Records:
    """All quotes, numbers, dates and claims of a run as dossier records."""
    records = Records(actors=actor_records(resolved, description_aliases(annotated, resolved)))
    names = {actor.id: actor.name for actor in records.actors}
    for item in annotated:
        article, span_of, text = item.article, item.normalized.original_span, item.article.text
        found = item.found
        for problem in found.problems:
            stage = "internal" if problem.startswith(INTERNAL_ERROR) else "annotate"
            records.diagnostics.append(
                Diagnostic(
                    source_path=article.source_path,
                    stage=stage,
                    message=f"{problem} (article {article.id})" if stage == "internal" else problem,
                )
            )
        for index, hit in enumerate(found.mentions, start=1):
            start, end = span_of(hit.start, hit.end)
            records.mentions.append(
                NameMention(
                    id=f"{article.id}:m{index}",
                    article_id=article.id,
                    text=text[start:end],
                    label=hit.label,
                    start_char=start,
                    end_char=end,
                )
            )
        for index, hit in enumerate(found.quotes, start=1):
            start, end = span_of(hit.start, hit.end)
            speaker_id, speaker_name = speaker_identity(hit.speaker, resolved, names, article.id)
            words = "\n".join(text[slice(*span_of(*piece))] for piece in hit.pieces())
            records.quotes.append(
                Quote(
                    id=f"{article.id}:q{index}",
                    article_id=article.id,
                    text=words,
                    speaker_id=speaker_id,
                    speaker_name=speaker_name,
                    cue=hit.cue,
                    direct=hit.direct,
                    start_char=start,
                    end_char=end,
                )
            )
        number_ids = []
        for index, hit in enumerate(found.numbers, start=1):
            start, end = span_of(hit.start, hit.end)
            sentence_start, sentence_end = span_of(hit.sentence_start, hit.sentence_end)
            number_ids.append(f"{article.id}:n{index}")
            records.numbers.append(
                NumberClaim(
                    id=number_ids[-1],
                    article_id=article.id,
                    value=hit.value,
                    unit=hit.unit,
                    dimension=hit.dimension,
                    counted=hit.counted,
                    qualifier=hit.qualifier,
                    measure=hit.measure,
                    about=hit.about,
                    text=text[start:end],
                    sentence=text[sentence_start:sentence_end],
                    start_char=start,
                    end_char=end,
                )
            )
        date_ids = []
        for index, hit in enumerate(found.dates, start=1):
            start, end = span_of(hit.start, hit.end)
            date_ids.append(f"{article.id}:d{index}")
            records.dates.append(
                DateMention(id=date_ids[-1], article_id=article.id, text=text[start:end], value=hit.value, start_char=start, end_char=end)
            )
        for index, hit in enumerate(found.claims, start=1):
            start, end = span_of(hit.start, hit.end)
            attributed_id, attributed_name = speaker_identity(hit.attributed, resolved, names, article.id)
            actor_ids = list(dict.fromkeys(a for m in hit.mentions if (a := resolved.actor_id(m, article.id)) is not None))
            predicate_start, predicate_end = span_of(*hit.predicate_span) if hit.predicate_span else (None, None)
            records.claims.append(
                Claim(
                    id=f"{article.id}:c{index}",
                    article_id=article.id,
                    text=text[start:end],
                    status=hit.status,
                    attributed_to=attributed_id,
                    attributed_name=attributed_name,
                    actor_ids=actor_ids,
                    number_ids=[number_ids[i] for i in hit.number_indexes],
                    date_ids=[date_ids[i] for i in hit.date_indexes],
                    negated=hit.negated,
                    predicate=hit.predicate,
                    predicate_start=predicate_start,
                    predicate_end=predicate_end,
                    subject_id=resolved.actor_id(hit.subject, article.id),
                    start_char=start,
                    end_char=end,
                )
            )
    return records
