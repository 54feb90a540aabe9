"""Online story clustering: each new article joins the story it fits best, or starts a new one.

A story is one real-world event. Two events of the same kind (two earthquakes,
two arrests) share topic words, so the score leans on what tells events apart:
the people, organisations and places named (weighted by how rare they are in
the stream so far), the years mentioned, the publication times, and only then
on topic words and the sentence embedding of the lead.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.annotate.types import Mention
from rashomon.common.dates import parse_published

WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
NAME_LABELS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "EVENT": "event", "NORP": "group"}
TOP_WORDS = 80
TOP_STORY_WORDS = 400
LEAD_CHARS = 150
MAX_GAP_DAYS = 10
NAME_CLASH_BELOW = 0.1
MAX_CANDIDATES = 40
MAX_POSTINGS = 64
TELLING_WORDS = 15
MOVE_MARGIN = 0.0
REFINE_PASSES = 2
STALE_IDF_SHARE = 0.05


@dataclass(frozen=True)
class Weights:
    """How the parts of the score add up, and the score an article needs to join a story."""

    names: float = 0.4
    words: float = 0.4
    embedding: float = 0.2
    year_clash: float = 0.15
    name_clash: float = 0.25
    time_gap: float = 0.2
    threshold: float = 0.25


@dataclass
class ArticleFeatures:
    """What clustering needs to know about one article."""

    names: dict[str, int]
    words: dict[str, int]
    years: list[int]
    published: datetime | None
    embedding: list[float]

    def to_json(self) -> dict:
        return {
            "names": self.names,
            "words": self.words,
            "years": self.years,
            "published": self.published.isoformat() if self.published else None,
            "embedding": [round(x, 5) for x in self.embedding],
        }

    @classmethod
    def from_json(cls, data: dict) -> ArticleFeatures:
        """Features written by :meth:`to_json`; features stored before publication dates were datetimes hold the
        metadata string as given, read like any other."""
        return cls(**{**data, "published": parse_published(data.get("published"))})


def name_keys(mentions: list[Mention]) -> Counter:
    """Typed keys of the names in an article; a person also counts by surname, so "Jane Okafor" meets "Okafor"."""
    keys: Counter = Counter()
    for mention in mentions:
        kind = NAME_LABELS.get(mention.label)
        words = [w for w in re.findall(r"[\w'-]+", mention.text.lower()) if w not in STOP_WORDS]
        if kind is None or not words:
            continue
        keys[f"{kind}:{' '.join(words)}"] += 1
        if kind == "person" and len(words) > 1:
            keys[f"person:{words[-1]}"] += 1
    return keys


def content_words(text: str) -> Counter:
    return Counter(w for w in (m.group().lower() for m in WORD.finditer(text)) if w not in STOP_WORDS)


def lead_of(title: str | None, text: str) -> str:
    """Title and opening of an article: what it is about."""
    body = " ".join(text.split())[:LEAD_CHARS]
    return f"{title}. {body}" if title and not body.startswith(title[:40]) else body


def article_features(
    title: str | None, text: str, published: datetime | None, mentions: list[Mention], embedding: np.ndarray
) -> ArticleFeatures:
    words = content_words(text)
    return ArticleFeatures(
        names=dict(name_keys(mentions)),
        words=dict(words.most_common(TOP_WORDS * 3)),
        years=sorted({int(y) for y in YEAR.findall(text)}),
        published=published,
        embedding=[float(x) for x in embedding],
    )


@dataclass
class Story:
    """A growing story: summed features of its articles."""

    id: str
    title: str | None
    names: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    embedding: np.ndarray | None = None
    size: int = 0
    first: datetime | None = None
    last: datetime | None = None
    cached: tuple | None = None

    def absorb(self, features: ArticleFeatures) -> None:
        self.cached = None
        self.names.update(features.names)
        self.words.update(features.words)
        if len(self.words) > TOP_STORY_WORDS * 2:
            self.words = Counter(dict(self.words.most_common(TOP_STORY_WORDS)))
        self.years.update(features.years)
        vector = np.asarray(features.embedding, dtype=np.float32)
        self.embedding = vector if self.embedding is None else self.embedding + vector
        self.size += 1
        when = features.published
        if when is not None:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)

    def remove(self, features: ArticleFeatures) -> None:
        """Take an article's features out again (its publication time still counts for the story's time span)."""
        self.cached = None
        self.names.subtract(features.names)
        self.names = +self.names
        self.words.subtract(features.words)
        self.words = +self.words
        self.years.subtract(features.years)
        self.years = +self.years
        if self.embedding is not None:
            self.embedding = self.embedding - np.asarray(features.embedding, dtype=np.float32)
        self.size -= 1


class StoryClusterer:
    """Single-pass clustering over a stream, with document frequencies learned from the stream itself."""

    def __init__(self, weights: Weights | None = None) -> None:
        self.weights = weights or Weights()
        self.stories: dict[str, Story] = {}
        self.name_df: Counter = Counter()
        self.word_df: Counter = Counter()
        self.seen = 0
        self.by_key: dict[str, dict[str, None]] = {}
        self.idf_seen = -1
        self.name_idf: dict[str, float] = {}
        self.word_idf: dict[str, float] = {}

    def idf(self, df: Counter, key: str) -> float:
        return math.log((self.seen + 1) / (df.get(key, 0) + 1)) + 1.0

    def known_idf(self, df: Counter) -> dict[str, float]:
        """The IDF weights of ``df`` computed since the stream last moved on (document frequencies only change with
        ``seen``): scoring one article reads the same keys for many stories, and a re-assignment, where the stream
        stands still, reads them all again on every pass. The profile of ``ingest`` had the IDF at ~25% of clustering."""
        if self.idf_seen != self.seen:
            self.idf_seen, self.name_idf, self.word_idf = self.seen, {}, {}
        return self.name_idf if df is self.name_df else self.word_idf

    def weighted(self, counts: dict[str, int] | Counter, df: Counter, top: int | None = None) -> dict[str, float]:
        known = self.known_idf(df)
        vector = {}
        for key, count in counts.items():
            if count > 0:
                weight = known.get(key)
                if weight is None:
                    weight = known[key] = self.idf(df, key)
                vector[key] = (1 + math.log(count)) * weight
        if top is not None and len(vector) > top:
            vector = dict(sorted(vector.items(), key=lambda kv: -kv[1])[:top])
        return vector

    @staticmethod
    def norm(vector: dict[str, float]) -> float:
        return math.sqrt(sum(v * v for v in vector.values()))

    @staticmethod
    def cosine(a: dict[str, float], a_norm: float, b: dict[str, float], b_norm: float) -> float:
        if not a_norm or not b_norm:
            return 0.0
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(k, 0.0) for k, v in a.items()) / (a_norm * b_norm)

    def story_vectors(self, story: Story) -> tuple:
        """A story's weighted names and words with their norms, and its centroid; recomputed when it changed or the stream
        moved on by 5%."""
        if story.cached is not None:
            seen, vectors = story.cached
            if self.seen - seen <= STALE_IDF_SHARE * seen:
                return vectors
        names = self.weighted(story.names, self.name_df)
        words = self.weighted(story.words, self.word_df, TOP_STORY_WORDS)
        centroid = story.embedding / (np.linalg.norm(story.embedding) or 1.0)
        vectors = (names, self.norm(names), words, self.norm(words), centroid)
        story.cached = (self.seen, vectors)
        return vectors

    def score(self, features: ArticleFeatures, story: Story, article: tuple) -> float:
        """How well an article fits a story; ``article`` holds its weighted names and words, their norms, and its unit embedding."""
        w = self.weights
        names, names_norm, words, words_norm, vector = article
        story_names, story_names_norm, story_words, story_words_norm, centroid = self.story_vectors(story)
        name_similarity = self.cosine(names, names_norm, story_names, story_names_norm)
        total = (
            w.names * name_similarity
            + w.words * self.cosine(words, words_norm, story_words, story_words_norm)
            + w.embedding * float(centroid @ vector)
        )
        if names and story_names and name_similarity < NAME_CLASH_BELOW:
            total -= w.name_clash
        if features.years and story.years and not set(features.years) & set(story.years):
            total -= w.year_clash
        when = features.published
        if when is not None and story.first is not None and story.last is not None:
            gap = max((story.first - when).days, (when - story.last).days, 0)
            if gap > MAX_GAP_DAYS:
                total -= w.time_gap * min(1.0, gap / (MAX_GAP_DAYS * 6))
        return total

    @staticmethod
    def keys(features: ArticleFeatures, words: dict[str, float]) -> list[str]:
        """What a story is filed under: the article's names and its most telling words."""
        return [f"n:{k}" for k in features.names] + [f"w:{k}" for k, _ in sorted(words.items(), key=lambda kv: -kv[1])[:TELLING_WORDS]]

    def candidates(self, features: ArticleFeatures, words: dict[str, float]) -> set[str]:
        """The stories sharing the most names and telling words with the article: the only ones worth scoring.

        Each key only remembers the stories it most recently fed, so a name every story shares
        (a country, a capital) costs no more than a rare one, and stories the stream has long
        left behind drop out: the cost of placing an article does not grow with the stream.
        """
        hits: Counter = Counter()
        for key in self.keys(features, words):
            hits.update(self.by_key.get(key, {}).keys())
        return {story_id for story_id, _ in hits.most_common(MAX_CANDIDATES)}

    def restore(self, features: ArticleFeatures, story_id: str, title: str | None) -> None:
        """Replay a stored placement: update the stream statistics and the story without deciding anything."""
        self.seen += 1
        self.name_df.update(features.names.keys())
        self.word_df.update(features.words.keys())
        story = self.stories.setdefault(story_id, Story(story_id, title))
        story.absorb(features)
        self.index(story_id, features, self.weighted(features.words, self.word_df, TOP_WORDS))

    def index(self, story_id: str, features: ArticleFeatures, words: dict[str, float]) -> None:
        """File the story under the article's names and telling words; a key keeps only its most recently fed stories."""
        for key in self.keys(features, words):
            postings = self.by_key.setdefault(key, {})
            postings.pop(story_id, None)
            postings[story_id] = None
            if len(postings) > MAX_POSTINGS:
                del postings[next(iter(postings))]

    def new_story_id(self) -> str:
        number = len(self.stories) + 1
        while f"s{number}" in self.stories:
            number += 1
        return f"s{number}"

    def article_vectors(self, features: ArticleFeatures) -> tuple:
        """An article's weighted names and words, their norms, and its unit embedding."""
        names = self.weighted(features.names, self.name_df)
        words = self.weighted(features.words, self.word_df, TOP_WORDS)
        vector = np.asarray(features.embedding, dtype=np.float32)
        vector = vector / (np.linalg.norm(vector) or 1.0)
        return names, self.norm(names), words, self.norm(words), vector

    def add(self, article_id: str, features: ArticleFeatures, title: str | None = None) -> tuple[str, float]:
        """Place one article; returns its story id and the score that put it there (0 for a new story)."""
        self.seen += 1
        self.name_df.update(features.names.keys())
        self.word_df.update(features.words.keys())
        article = self.article_vectors(features)
        words = article[2]
        best_id, best = None, -1.0
        for story_id in self.candidates(features, words):
            value = self.score(features, self.stories[story_id], article)
            if value > best:
                best_id, best = story_id, value
        if best_id is None or best < self.weights.threshold:
            best_id, best = self.new_story_id(), 0.0
            self.stories[best_id] = Story(best_id, title)
        self.stories[best_id].absorb(features)
        self.index(best_id, features, words)
        return best_id, best

    def reassign(self, features: ArticleFeatures, current: str, article: tuple | None = None) -> tuple[str, float]:
        """Take an article out of its story and put it where it now fits best.

        It stays unless another story scores higher by more than ``MOVE_MARGIN`` (0 was best on the
        ECB+ tuning topics, against 0.02 and 0.05); an article alone in its story stays there. ``article`` is its
        :meth:`article_vectors` when the caller already has them.
        """
        story = self.stories[current]
        if story.size <= 1:
            return current, 0.0
        story.remove(features)
        article = article or self.article_vectors(features)
        best_id, best = current, self.score(features, story, article)
        for story_id in self.candidates(features, article[2]):
            other = self.stories[story_id]
            if story_id == current or other.size == 0:
                continue
            value = self.score(features, other, article)
            if value > best + MOVE_MARGIN:
                best_id, best = story_id, value
        self.stories[best_id].absorb(features)
        if best_id != current:
            self.index(best_id, features, article[2])
        return best_id, best

    def refine(
        self,
        placements: list[tuple[str, ArticleFeatures, str]],
        passes: int = REFINE_PASSES,
        on_step: Callable[[int, int], None] | None = None,
    ) -> dict[str, tuple[str, float]]:
        """Re-assign placed articles, in stream order, now that every story is known; the new story of each article that moved.

        A single online pass cannot undo an early wrong merge: the first articles of two similar
        events may found one story before the reports that tell them apart arrive. Each pass
        moves every article to the story it now fits best, as k-means does, until nothing moves.
        ``on_step(done, total)`` hears of each article reconsidered (``total`` counts every pass; a pass that
        moves nothing ends the work early, and then ``done`` jumps to ``total``).
        """
        where = {article_id: story_id for article_id, _, story_id in placements}
        moved: dict[str, tuple[str, float]] = {}
        total, done = passes * len(placements), 0
        # The stream stands still while it is re-assigned, so each article's weighted vectors hold for every pass.
        vectors: dict[str, tuple] = {}
        for _ in range(passes):
            changed = 0
            for article_id, features, _ in placements:
                if article_id not in vectors:
                    vectors[article_id] = self.article_vectors(features)
                story_id, score = self.reassign(features, where[article_id], vectors[article_id])
                if story_id != where[article_id]:
                    where[article_id] = story_id
                    moved[article_id] = (story_id, score)
                    changed += 1
                done += 1
                if on_step is not None:
                    on_step(done, total)
            if not changed:
                break
        if on_step is not None and done < total:
            on_step(total, total)
        first = {article_id: story_id for article_id, _, story_id in placements}
        return {article_id: placed for article_id, placed in moved.items() if placed[0] != first[article_id]}

    def cluster_stream(self, items: list[tuple[str, ArticleFeatures]], passes: int = REFINE_PASSES) -> dict[str, str]:
        """Place a whole stream in order, then re-assign it as ``rashomon ingest`` does; the story of every article."""
        placed = {article_id: self.add(article_id, features)[0] for article_id, features in items}
        moved = self.refine([(article_id, features, placed[article_id]) for article_id, features in items], passes) if passes else {}
        return {article_id: moved[article_id][0] if article_id in moved else story_id for article_id, story_id in placed.items()}
