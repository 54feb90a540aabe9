"""Actor resolution scored against the gold actors of the evaluation events.

Each gold event lists its main actors with every spelling the articles use for them (``actors``) and pairs of
different actors a tool might join (``actor_non_merges``); see ``eval/GUIDELINES.md``. A gold spelling is
*found* when some rashomon actor has it among its aliases (compared case-insensitively, without a possessive
ending or a leading "the"); descriptions such as "the nominee" are only found once resolution makes them aliases.

- **merge recall**: of the pairs of found spellings of one gold actor, the share that end in one rashomon actor;
- **false merges**: gold non-merge pairs, or two different gold actors, whose spellings end in one rashomon actor
  (a non-merge is not judged when one gold actor lists spellings of both its sides, as "Ellen" for a host and
  her show: spellings cannot tell them apart);
- **type errors**: found spellings whose rashomon actor has a type the gold type rules out (PERSON, organisation,
  place; other gold types are not scored).

The scorer reads only the dossier's actors, never the resolver's own keys, so a change to resolution cannot
change what it is measured against.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from rashomon.model import Dossier

# Gold types (annotators used several spellings) mapped to the rashomon types they allow.
ALLOWED_TYPES = {
    "PERSON": {"PERSON"},
    "ORG": {"ORG"},
    "ORGANIZATION": {"ORG"},
    "LOC": {"GPE", "LOC", "FAC"},
    "LOCATION": {"GPE", "LOC", "FAC"},
    "PLACE": {"GPE", "LOC", "FAC"},
    "FACILITY": {"GPE", "LOC", "FAC", "ORG"},
}
NOTE = re.compile(r"\([^)]*\)")


def spelling_key(text: str) -> str:
    """A spelling as compared here: case, possessive, a leading "the", quotes and spacing aside."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().strip("\"'").strip()
    text = re.sub(r"(?:'s|')$", "", text).strip(" .,;:")
    return re.sub(r"^the ", "", text.casefold())


def non_merge_names(name: str) -> list[str]:
    """The spellings a non-merge entry names: notes in brackets dropped, "A / B" alternatives split."""
    return [part for part in (spelling_key(p) for p in NOTE.sub("", name).split("/")) if part]


@dataclass
class ActorScores:
    """Counts behind the actor-resolution figures; they add up over events."""

    gold_actors: int = 0
    gold_spellings: int = 0
    found_spellings: int = 0
    gold_pairs: int = 0
    merged_pairs: int = 0
    whole_actors: int = 0
    scored_actors: int = 0
    non_merges_checked: int = 0
    non_merges_joined: int = 0
    gold_actors_joined: int = 0
    typed_spellings: int = 0
    type_errors: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    joined: list[tuple[str, str]] = field(default_factory=list)
    mistyped: list[tuple[str, str, str]] = field(default_factory=list)

    def __add__(self, other: ActorScores) -> ActorScores:
        return ActorScores(**{name: getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__})

    @property
    def false_merges(self) -> int:
        return self.non_merges_joined + self.gold_actors_joined

    def figures(self) -> dict[str, float | int | None]:
        """Merge recall, spelling coverage, whole actors, false merges and type errors."""

        def share(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        return {
            "merge_recall": share(self.merged_pairs, self.gold_pairs),
            "spelling_coverage": share(self.found_spellings, self.gold_spellings),
            "whole_actor_share": share(self.whole_actors, self.scored_actors),
            "false_merges": self.false_merges,
            "type_error_rate": share(self.type_errors, self.typed_spellings),
        }


def actor_by_spelling(dossier: Dossier) -> tuple[dict[str, str], dict[str, str]]:
    """Each alias spelling's rashomon actor (the most mentioned one that has it), and each actor's type."""
    owner: dict[str, str] = {}
    for actor in sorted(dossier.actors, key=lambda a: a.mentions):
        for alias in [actor.name, *actor.aliases]:
            owner[spelling_key(alias)] = actor.id
    return owner, {actor.id: actor.type for actor in dossier.actors}


def gold_spellings(actor: dict) -> set[str]:
    """The distinct spellings of one gold actor (its name and variants)."""
    return {key for key in map(spelling_key, [actor["name"], *actor["variants"]]) if key}


def score_actors(dossier: Dossier, gold: dict) -> ActorScores:
    """Merge recall, false merges and type errors of one event's actors against its gold."""
    owner, types = actor_by_spelling(dossier)
    scores = ActorScores()
    spellings = [gold_spellings(actor) for actor in gold["actors"]]
    shared = {key for a, b in combinations(spellings, 2) for key in a & b}
    for actor, keys in zip(gold["actors"], spellings, strict=True):
        scores.gold_actors += 1
        scores.gold_spellings += len(keys)
        found = sorted(key for key in keys if key in owner)
        scores.found_spellings += len(found)
        for a, b in combinations(found, 2):
            scores.gold_pairs += 1
            if owner[a] == owner[b]:
                scores.merged_pairs += 1
            else:
                scores.missed.append((a, b))
        if len(found) >= 2:
            scores.scored_actors += 1
            scores.whole_actors += len({owner[key] for key in found}) == 1
        allowed = ALLOWED_TYPES.get(actor["type"].upper())
        for key in found if allowed else ():
            scores.typed_spellings += 1
            if types[owner[key]] not in allowed:
                scores.type_errors += 1
                scores.mistyped.append((key, actor["type"], types[owner[key]]))
    actors_of = [{owner[key] for key in keys - shared if key in owner} for keys in spellings]
    for (i, a), (j, b) in combinations(enumerate(actors_of), 2):
        if a & b:
            scores.gold_actors_joined += 1
            scores.joined.append((gold["actors"][i]["name"], gold["actors"][j]["name"]))
    for pair in gold.get("actor_non_merges", []):
        names = [set(non_merge_names(name)) for name in pair["names"][:2]]
        if any(names[0] & keys and names[1] & keys for keys in spellings):
            continue
        first, second = ({owner[key] for key in keys if key in owner} for keys in names)
        if first and second:
            scores.non_merges_checked += 1
            if first & second:
                scores.non_merges_joined += 1
                scores.joined.append(tuple(pair["names"][:2]))
    return scores


def annotated_event(gold: dict, cache: Path | None = None) -> tuple:
    """An evaluation event ingested and annotated (not resolved), pickled under ``cache`` by the code of the
    ingest and annotate stages and the articles, so that resolution can be re-run and scored alone."""
    from rashomon.evaluation.events import event_articles, gold_source
    from rashomon.pipeline import annotate, ingest

    articles = event_articles(gold_source(gold))
    cached = None
    if cache is not None:
        digest = hashlib.sha1(stage_code_key(("ingest", "annotate")).encode())
        for article in articles:
            digest.update(article.model_dump_json().encode())
        cached = cache / f"{gold['event']}-{digest.hexdigest()[:16]}.pickle"
        if cached.exists():
            return pickle.loads(cached.read_bytes())
    ingested = ingest(articles)
    annotated = (ingested, annotate(ingested.articles))
    if cached is not None:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(annotated))
    return annotated


def stage_code_key(stages: tuple[str, ...]) -> str:
    """A digest of the code and the data (the lexicon's TOML files) of the named stages."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for stage in stages:
        for path in sorted(path for path in (package / stage).rglob("*") if path.suffix in (".py", ".toml")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def resolved_dossier(gold: dict, cache: Path | None = None) -> Dossier:
    """An evaluation event's dossier before findings, with resolution always run afresh."""
    from rashomon.pipeline import assemble

    return assemble(*annotated_event(gold, cache))
