"""Actors: entity mentions from all articles joined into one record per real-world actor.

Joins full names with surnames, titled and possessive forms, and misspellings
(small edit distance with the same type and a compatible first name). Keeps
apart people who only share a first name, surnames that fit two different
full names, and people who only share a role. A mention's type is decided by
a vote over every mention of the same name in the run.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import DamerauLevenshtein

from rashomon.annotate.types import Mention

TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady president vice prime minister premier chancellor
    secretary senator sen. sen rep. rep representative congressman congresswoman governor gov. gov mayor
    judge justice king queen prince princess pope sheikh general gen. gen colonel col. col lieutenant
    lt. lt major maj. captain capt. commander admiral sergeant sgt. marshal professor prof. prof
    reverend rev. father bishop archbishop ambassador chief spokesman spokeswoman spokesperson
    president-elect former late deputy acting foreign defence defense interior finance health
    state mp mep""".split()
)
TRAILING_TITLES = frozenset("mp mep jr jr. sr sr. qc kc phd".split())
ORG_SUFFIXES = frozenset("group party company corporation corp corp. inc inc. ltd ltd. plc organisation organization movement network agency".split())
MISSPELLING_MAX_MENTIONS = 3
TYPE_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}


def clean_name(text: str) -> str:
    """A name without possessive, leading article, titles or extra spaces ("President Smith's" -> "Smith")."""
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"(?:'s|')$", "", text)
    words = text.split(" ")
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() == "the"):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in TRAILING_TITLES:
        words = words[:-1]
    return " ".join(words).strip(" .,-")


def name_key(text: str) -> str:
    """The comparison key of a name: cleaned, lower-cased, dots dropped ("U.S." -> "us")."""
    return clean_name(text).lower().replace(".", "")


def similar_words(a: str, b: str) -> bool:
    """Same word up to a small misspelling (a transposition or one or two edits in a long word)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    allowed = 1 if max(len(a), len(b)) < 9 else 2
    return DamerauLevenshtein.distance(a, b) <= allowed


def compatible_first_names(a: str, b: str) -> bool:
    """First names that can be the same person: equal, an initial, or a spelling variant."""
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or (a[0] == b[0] and min(len(a), len(b)) >= 4 and DamerauLevenshtein.normalized_similarity(a, b) >= 0.6)


def initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word and word not in {"of", "the", "and", "for"})


@dataclass
class ActorGroup:
    """The names, surface forms and mentions that make up one actor."""

    type: str
    keys: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0

    def canonical(self) -> str:
        """The fullest commonly used form: most frequent among those with the most words."""
        cleaned = Counter()
        for surface, count in self.surfaces.items():
            cleaned[clean_name(surface)] += count
        longest = max(len(name.split()) for name in cleaned)
        full = [(count, not name.isupper(), name) for name, count in cleaned.items() if len(name.split()) == longest]
        return max(full)[2]


@dataclass
class ResolvedActors:
    """Actor groups and the lookup from a mention to its actor id."""

    groups: dict[str, ActorGroup]
    by_key: dict[str, str]

    def actor_id(self, mention: Mention | None) -> str | None:
        """The actor a mention belongs to, found by its name key."""
        return self.by_key.get(name_key(mention.text)) if mention is not None else None


def vote_types(mentions: Iterable[tuple[str, Mention]]) -> dict[str, str]:
    """The type of each name key by majority over all its mentions; surnames inherit full names' votes."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for _, mention in mentions:
        key = name_key(mention.text)
        if not key:
            continue
        votes[key][mention.label] += 1
        words = key.split()
        if mention.label == "PERSON" and len(words) > 1:
            votes[words[-1]]["PERSON"] += 1
    types = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    surnames = {key.split()[-1] for key, kind in types.items() if kind == "PERSON" and len(key.split()) > 1}
    for key, counter in votes.items():
        if types[key] != "PERSON" and " " not in key and sum(counter.values()) <= MISSPELLING_MAX_MENTIONS:
            if any(similar_words(key, surname) for surname in surnames):
                types[key] = "PERSON"
    return types


def join_people(keys: list[str]) -> list[set[str]]:
    """Cluster PERSON name keys: full names by spelling, then lone names onto exactly one full name.

    Candidates are looked up by the first two letters of the surname (a
    misspelling keeps the initial letter), so the cost stays near-linear.
    """
    full = sorted((k for k in keys if len(k.split()) > 1), key=lambda k: (-len(k), k))
    single = sorted(k for k in keys if len(k.split()) == 1)
    clusters: list[set[str]] = []
    by_surname: dict[str, list[tuple[list[str], int]]] = defaultdict(list)
    by_first: dict[str, set[int]] = defaultdict(set)
    for key in full:
        words = key.split()
        match = next((index for other, index in by_surname[words[-1][:2]] if same_person(words, other)), None)
        if match is None:
            match = len(clusters)
            clusters.append(set())
        clusters[match].add(key)
        by_surname[words[-1][:2]].append((words, match))
        by_first[words[0]].add(match)
    lone: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key in single:
        surname_matches = {index for other, index in by_surname[key[:2]] if similar_words(key, other[-1])}
        matches = surname_matches or by_first.get(key, set())
        if len(matches) == 1:
            clusters[next(iter(matches))].add(key)
            continue
        match = next((index for other, index in lone[key[:2]] if similar_words(key, other)), None)
        if match is None:
            match = len(clusters)
            clusters.append(set())
        clusters[match].add(key)
        lone[key[:2]].append((key, match))
    return clusters


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same surname up to a misspelling and compatible first names."""
    if not similar_words(a[-1], b[-1]):
        return False
    return compatible_first_names(a[0], b[0])


def join_organisations(keys: list[str]) -> list[set[str]]:
    """Cluster ORG/GPE keys: exact, generic suffix ("X Group" = "X"), acronym of the long form."""
    clusters: list[set[str]] = []
    by_core: dict[str, int] = {}
    by_initials: dict[str, int] = {}
    for key in sorted(keys, key=lambda k: (-len(k), k)):
        core = " ".join(w for w in key.split() if w not in ORG_SUFFIXES) or key
        match = by_core.get(core)
        if match is None and " " not in key and len(key) >= 2:
            match = by_initials.get(key)
        if match is None:
            match = len(clusters)
            clusters.append(set())
        clusters[match].add(key)
        by_core.setdefault(core, match)
        if len(key.split()) >= 2:
            by_initials.setdefault(initials(key), match)
    return clusters


def resolve_actors(mentions: list[tuple[str, Mention]]) -> ResolvedActors:
    """Resolve (article id, mention) pairs from a whole run into actors."""
    types = vote_types(mentions)
    keys_by_type: dict[str, set[str]] = defaultdict(set)
    for _, mention in mentions:
        key = name_key(mention.text)
        if key:
            keys_by_type[types[key]].add(key)
    clusters: list[tuple[str, set[str]]] = []
    for actor_type, keys in sorted(keys_by_type.items()):
        joined = join_people(sorted(keys)) if actor_type == "PERSON" else join_organisations(sorted(keys))
        clusters.extend((actor_type, cluster) for cluster in joined)
    groups: dict[str, ActorGroup] = {}
    key_to_group: dict[str, ActorGroup] = {}
    for actor_type, cluster in clusters:
        group = ActorGroup(actor_type, set(cluster))
        for key in cluster:
            key_to_group[key] = group
    for article_id, mention in mentions:
        group = key_to_group.get(name_key(mention.text))
        if group is None:
            continue
        group.surfaces[re.sub(r"(?:'s|')$", "", mention.text.strip())] += 1
        group.articles.add(article_id)
        group.mentions += 1
    used: Counter[str] = Counter()
    by_key: dict[str, str] = {}
    for group in sorted({id(g): g for g in key_to_group.values()}.values(), key=lambda g: (-g.mentions, g.canonical())):
        if not group.mentions:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", group.canonical().lower()).strip("-") or "actor"
        base = f"{TYPE_PREFIX.get(group.type, 'actor')}:{slug}"
        used[base] += 1
        actor_id = base if used[base] == 1 else f"{base}-{used[base]}"
        groups[actor_id] = group
        by_key.update(dict.fromkeys(group.keys, actor_id))
    return ResolvedActors(groups, by_key)
