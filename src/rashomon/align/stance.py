"""Stance of an article towards a claim: agree, disagree, discuss or unrelated.

Built on the alignment machinery: the claim is aligned to the article's
sentences with the same sentence embeddings, and the aligned sentences are read
for the cues the relation rules use (denials, hedges, reporting, negation).
Those features, plus bag-of-words overlap, feed a small two-layer network
trained here on FNC-1 train (``scripts/train_stance.py``); its weights ship as
``models/stance.npz`` and run with numpy alone.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

from rashomon.annotate.lexicon import ENGLISH
from rashomon.errors import PackageError

DENIAL_PHRASES = ENGLISH.denial_phrases
DENIAL_VERBS = ENGLISH.denial_verbs
HEDGE_WORDS = ENGLISH.hedge_words
NEGATIONS = ENGLISH.negations
REPORT_ADVERBS = ENGLISH.report_adverbs
REFUTE_WORDS = ENGLISH.refute_words
DISCUSS_WORDS = ENGLISH.discuss_words
STOP = ENGLISH.stance_stop_words

MODEL_PATH = Path(__file__).parent / "models" / "stance.npz"
LABELS = ("agree", "disagree", "discuss", "unrelated")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SENTENCE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+|\n+")
MAX_SENTENCES = 40
TOP_K = 3
LEAD_CHARS = 255
HASH_BUCKETS = 1 << 18
# A sentence this close to the claim (MiniLM cosine; 0.5 is where FNC-1's related pairs start to dominate, as for the
# learned relation in align/findings.py) and sharing two content words with it is about the same thing; then a
# negation or denial in only one of the two is disagreement (see ``opposite_polarity``).
POLARITY_SIMILARITY = 0.5
POLARITY_SHARED_WORDS = 2


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def sentences(text: str) -> list[str]:
    """The article's sentences (at most ``MAX_SENTENCES``), for aligning the claim to them."""
    parts = [p.strip() for p in SENTENCE.split(text) if p and len(p.split()) >= 3]
    return parts[:MAX_SENTENCES] or [text.strip() or "."]


def cue_counts(tokens: list[str], text: str) -> list[float]:
    """Denial, refutation, hedge/discussion, reporting and negation cues in a piece of text."""
    total = max(len(tokens), 1)
    lowered = text.lower()
    return [
        sum(t in REFUTE_WORDS for t in tokens) / total,
        sum(t in DISCUSS_WORDS or t in HEDGE_WORDS for t in tokens) / total,
        sum(t in REPORT_ADVERBS for t in tokens) / total,
        sum(t in NEGATIONS or t.endswith("n't") for t in tokens) / total,
        float(any(t.startswith(tuple(DENIAL_VERBS)) for t in tokens)),
        float(any(p in lowered for p in DENIAL_PHRASES)),
    ]


def bag(tokens: list[str], vocabulary: dict[str, int]) -> np.ndarray:
    vector = np.zeros(len(vocabulary), dtype=np.float32)
    for token in tokens:
        index = vocabulary.get(token)
        if index is not None:
            vector[index] += 1
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def hashed_terms(tokens: list[str]) -> dict[int, float]:
    """Term counts of unigrams and bigrams in a fixed hashed space (no vocabulary to ship)."""
    counts: dict[int, float] = {}
    grams = [*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))]
    for gram in grams:
        if gram not in STOP:
            bucket = zlib.crc32(gram.encode()) % HASH_BUCKETS
            counts[bucket] = counts.get(bucket, 0.0) + 1.0
    return counts


def tfidf_cosine(a: dict[int, float], b: dict[int, float], idf: np.ndarray) -> float:
    """Cosine similarity of two hashed term-count vectors under idf weighting."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[bucket] * idf[bucket] ** 2 for bucket, count in a.items() if bucket in b)
    norm_a = math.sqrt(sum((count * idf[bucket]) ** 2 for bucket, count in a.items()))
    norm_b = math.sqrt(sum((count * idf[bucket]) ** 2 for bucket, count in b.items()))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


@dataclass
class Side:
    """One text of a pair, prepared once: tokens, content words, hashed terms, bag and cues."""

    text: str
    tokens: list[str]
    content: set[str]
    terms: dict[int, float]
    bag: np.ndarray
    cues: list[float]


def prepare(text: str, vocabulary: dict[str, int]) -> Side:
    tokens = words(text)
    return Side(text, tokens, {t for t in tokens if t not in STOP}, hashed_terms(tokens), bag(tokens, vocabulary), cue_counts(tokens, text))


def pair_features(
    claim: Side, claim_vector: np.ndarray, body: Side, body_sentences: list[str], sentence_vectors: np.ndarray, idf: np.ndarray
) -> np.ndarray:
    """Features of one (claim, article) pair: alignment similarities, cues of aligned sentences, word overlap."""
    similarities = sentence_vectors @ claim_vector
    top = np.argsort(-similarities)[:TOP_K]
    aligned_text = " ".join(body_sentences[i] for i in top)
    aligned_tokens = words(aligned_text)
    lead = set(words(body.text[:LEAD_CHARS]))
    claim_bigrams = {f"{a} {b}" for a, b in zip(claim.tokens, claim.tokens[1:])}
    body_bigrams = {f"{a} {b}" for a, b in zip(body.tokens, body.tokens[1:])}
    dense = [
        float(similarities.max()),
        float(similarities[top].mean()),
        float(similarities[:2].mean()),
        float(similarities.mean()),
        len(claim.content & body.content) / max(len(claim.content), 1),
        len(claim.content & lead) / max(len(claim.content), 1),
        len(claim_bigrams & body_bigrams) / max(len(claim_bigrams), 1),
        tfidf_cosine(claim.terms, body.terms, idf),
        float("?" in claim.text),
        *claim.cues,
        *cue_counts(aligned_tokens, aligned_text),
        *body.cues,
    ]
    return np.concatenate([np.array(dense, dtype=np.float32), claim.bag, body.bag])


class StanceModel:
    """The trained network: vocabulary, idf weights, feature scaling and two dense layers."""

    def __init__(self, path: Path = MODEL_PATH):
        data = np.load(path, allow_pickle=False)
        self.vocabulary = {word: i for i, word in enumerate(data["vocabulary"].tolist())}
        self.idf = data["idf"].astype(np.float32)
        self.mean, self.scale = data["mean"], data["scale"]
        self.layers = [(data["w1"], data["b1"]), (data["w2"], data["b2"])]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        hidden = np.maximum(((features - self.mean) / self.scale) @ self.layers[0][0] + self.layers[0][1], 0)
        logits = hidden @ self.layers[1][0] + self.layers[1][1]
        logits -= logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=1)
def stance_model() -> StanceModel:
    if not MODEL_PATH.exists():
        raise PackageError(f"{MODEL_PATH} is missing from this installation: train it with scripts/train_stance.py")
    return StanceModel()


def stance(claim: str, article_text: str) -> str:
    """Whether the article agrees with, disagrees with, discusses, or is unrelated to the claim."""
    from rashomon.align.embed import encoder

    model = stance_model()
    body_sentences = sentences(article_text)
    vectors = encoder().encode([claim, *body_sentences])
    features = pair_features(
        prepare(claim, model.vocabulary), vectors[0], prepare(article_text, model.vocabulary), body_sentences, vectors[1:], model.idf
    )
    label = LABELS[int(model.probabilities(features[None, :])[0].argmax())]
    best = int(np.argmax(vectors[1:] @ vectors[0]))
    if (
        label != "unrelated"
        and float(vectors[1 + best] @ vectors[0]) >= POLARITY_SIMILARITY
        and opposite_polarity(claim, body_sentences[best])
    ):
        return "disagree"
    return label


def negative(text: str) -> bool:
    """The sentence negates or denies what it states ("did not burst", "denied", "a hoax", "false")."""
    tokens = words(text)
    return any(t in NEGATIONS or t.endswith("n't") or t in REFUTE_WORDS - {"no", "not", "never"} for t in tokens)


def opposite_polarity(claim: str, sentence: str) -> bool:
    """The article's closest sentence says the same thing about the same words with the opposite polarity.

    The learned model hardly ever says ``disagree`` (FNC-1 has few such pairs); a negation or denial in exactly
    one of two closely aligned sentences that share their content words is read as disagreement.
    """
    shared = {t for t in words(claim) if t not in STOP} & {t for t in words(sentence) if t not in STOP}
    return len(shared) >= POLARITY_SHARED_WORDS and negative(claim) != negative(sentence)


def pair_probabilities(claim: str, claim_vector: np.ndarray, other: str, other_vector: np.ndarray) -> dict[str, float]:
    """The learned model's view of two single sentences, for the relation step."""
    model = stance_model()
    features = pair_features(
        prepare(claim, model.vocabulary), claim_vector, prepare(other, model.vocabulary), [other], other_vector[None, :], model.idf
    )
    return dict(zip(LABELS, model.probabilities(features[None, :])[0].tolist(), strict=True))
