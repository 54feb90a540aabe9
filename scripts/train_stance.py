"""Train the stance model on FNC-1 train and score it on the FNC-1 competition test set.

    python scripts/train_stance.py            # features cached under build/stance-cache
    python scripts/train_stance.py --eval-only

Trains on ``train_*`` only (a tenth of the training bodies is held out for
choosing the epoch), writes ``src/rashomon/align/models/stance.npz`` and prints
the official FNC-1 weighted score on ``competition_test_*`` with per-class F1.
Needs the ``train`` extra (scikit-learn). Runs on 2 CPU cores in about 15 minutes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FNC = ROOT.parent / "shared" / "datasets" / "fnc1"
CACHE = ROOT / "build" / "stance-cache"
VOCABULARY_SIZE = 2000
HIDDEN = 64
EPOCHS = 30
SEED = 7

sys.path.insert(0, str(ROOT / "src"))
from rashomon.align.stance import (
    HASH_BUCKETS,
    LABELS,
    MODEL_PATH,
    STOP,
    StanceModel,
    hashed_terms,
    pair_features,
    prepare,
    sentences,
    words,
)


def read_split(prefix: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    csv.field_size_limit(10_000_000)
    with (FNC / f"{prefix}_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    with (FNC / f"{prefix}_stances.csv").open(encoding="utf-8") as handle:
        stances = list(csv.DictReader(handle))
    return bodies, stances


def build_vocabulary(bodies: dict[str, str], stances: list[dict[str, str]]) -> tuple[list[str], np.ndarray]:
    """The bag-of-words vocabulary and the hashed idf weights, from training texts only."""
    texts = list(bodies.values()) + sorted({s["Headline"] for s in stances})
    documents = [set(words(text)) - STOP for text in texts]
    frequency = Counter(word for doc in documents for word in doc)
    vocabulary = [word for word, _ in frequency.most_common(VOCABULARY_SIZE)]
    bucket_frequency = np.zeros(HASH_BUCKETS, dtype=np.float64)
    for text in texts:
        for bucket in hashed_terms(words(text)):
            bucket_frequency[bucket] += 1
    idf = (np.log((1 + len(texts)) / (1 + bucket_frequency)) + 1).astype(np.float16)
    return vocabulary, idf


def embeddings(name: str, bodies: dict[str, str], stances: list[dict[str, str]]) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Headline vectors and per-body sentence vectors, cached on disk (the slow part)."""
    path = CACHE / f"{name}-embeddings.npz"
    headlines = sorted({s["Headline"] for s in stances})
    flat = [(bid, sent) for bid, text in bodies.items() for sent in sentences(text)]
    if path.exists():
        data = np.load(path)
        headline_matrix, sentence_matrix = data["headlines"], data["sentences"]
    else:
        from rashomon.align.embed import encoder

        started = time.perf_counter()
        headline_matrix = encoder().encode(headlines)
        sentence_matrix = encoder().encode([sent for _, sent in flat])
        print(f"embedded {len(headlines)} headlines and {len(flat)} sentences in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(path, headlines=headline_matrix, sentences=sentence_matrix)
    by_body: dict[str, list[np.ndarray]] = {}
    for (bid, _), vector in zip(flat, sentence_matrix, strict=True):
        by_body.setdefault(bid, []).append(vector)
    return dict(zip(headlines, headline_matrix, strict=True)), {bid: np.stack(v) for bid, v in by_body.items()}


def featurise(name: str, bodies: dict[str, str], stances: list[dict[str, str]], vocabulary: list[str], idf: np.ndarray) -> np.ndarray:
    index = {w: i for i, w in enumerate(vocabulary)}
    headline_vectors, sentence_vectors = embeddings(name, bodies, stances)
    idf = idf.astype(np.float32)
    body_sides = {bid: prepare(text, index) for bid, text in bodies.items()}
    headline_sides = {h: prepare(h, index) for h in headline_vectors}
    body_sentences = {bid: sentences(text) for bid, text in bodies.items()}
    return np.stack(
        [
            pair_features(
                headline_sides[s["Headline"]],
                headline_vectors[s["Headline"]],
                body_sides[s["Body ID"]],
                body_sentences[s["Body ID"]],
                sentence_vectors[s["Body ID"]],
                idf,
            )
            for s in stances
        ]
    )


def fnc_score(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """The official FNC-1 weighted score and its maximum."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.5
        if g != "unrelated" and p != "unrelated":
            score += 0.25
    return score, best


def per_class_f1(gold: list[str], predicted: list[str]) -> dict[str, float]:
    result = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        result[label] = round(200 * tp / (2 * tp + fp + fn), 1) if tp else 0.0
    return result


def topic_split(stances: list[dict[str, str]]) -> np.ndarray:
    """Rows used for fitting (True) vs validation (False): a tenth of the headlines with their bodies held out.

    Holding out whole headlines (and any body seen with them) mirrors the test
    set, whose claims are new; holding out bodies alone lets headlines leak.
    """
    headlines = sorted({s["Headline"] for s in stances})
    held = set(np.random.default_rng(SEED).choice(headlines, size=len(headlines) // 10, replace=False).tolist())
    held_bodies = {s["Body ID"] for s in stances if s["Headline"] in held}
    fit = np.array([s["Headline"] not in held and s["Body ID"] not in held_bodies for s in stances])
    validation = np.array([s["Headline"] in held for s in stances])
    return np.where(fit, 1, np.where(validation, 0, -1))


def train(features: np.ndarray, labels: np.ndarray, split: np.ndarray):
    """Fit the network on the fitting rows, keeping the epoch with the best validation FNC score."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    warnings.simplefilter("ignore", ConvergenceWarning)
    fit_rows, validation_rows = split == 1, split == 0
    mean = features[fit_rows].mean(axis=0)
    scale = features[fit_rows].std(axis=0) + 1e-6
    x = (features - mean) / scale
    model = MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), alpha=1e-3, batch_size=256, learning_rate_init=1e-3, max_iter=1, warm_start=True, random_state=SEED
    )
    best, best_state = -1.0, None
    for epoch in range(EPOCHS):
        model.fit(x[fit_rows], labels[fit_rows])
        predicted = [LABELS[i] for i in model.predict(x[validation_rows])]
        score, top = fnc_score([LABELS[i] for i in labels[validation_rows]], predicted)
        if score / top > best:
            best, best_state = score / top, ([w.copy() for w in model.coefs_], [b.copy() for b in model.intercepts_], epoch)
    return mean, scale, best_state, best


def choose_features(features: np.ndarray, labels: np.ndarray, split: np.ndarray, dense: int) -> bool:
    """Whether bag-of-words columns help on the topic-disjoint validation split (chosen on train data only)."""
    scores = {}
    for use_bags in (False, True):
        columns = slice(None) if use_bags else slice(0, dense)
        scores[use_bags] = train(features[:, columns], labels, split)[3]
        print(f"validation (held-out headlines): bags={use_bags} relative FNC score {100 * scores[use_bags]:.2f}", file=sys.stderr)
    return scores[True] > scores[False]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval-only", action="store_true")
    args = parser.parse_args()
    if not FNC.exists():
        sys.exit(f"FNC-1 not found at {FNC}")
    train_bodies, train_stances = read_split("train")
    test_bodies, test_stances = read_split("competition_test")
    if not args.eval_only:
        vocabulary, idf = build_vocabulary(train_bodies, train_stances)
        features = featurise("train", train_bodies, train_stances, vocabulary, idf)
        labels = np.array([LABELS.index(s["Stance"]) for s in train_stances])
        split = topic_split(train_stances)
        dense = features.shape[1] - 2 * len(vocabulary)
        use_bags = choose_features(features, labels, split, dense)
        columns = slice(None) if use_bags else slice(0, dense)
        mean, scale, (weights, biases, epoch), best = train(features[:, columns], labels, split)
        print(f"chosen: bags={use_bags}, epoch {epoch + 1}, validation relative FNC score {100 * best:.2f}", file=sys.stderr)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            MODEL_PATH,
            vocabulary=np.array(vocabulary if use_bags else []),
            idf=idf,
            mean=mean.astype(np.float32),
            scale=scale.astype(np.float32),
            w1=weights[0].astype(np.float32),
            b1=biases[0].astype(np.float32),
            w2=weights[1].astype(np.float32),
            b2=biases[1].astype(np.float32),
        )
    model = StanceModel()
    vocabulary = sorted(model.vocabulary, key=model.vocabulary.get)
    test_features = featurise("test", test_bodies, test_stances, vocabulary, model.idf)
    predicted = [LABELS[i] for i in model.probabilities(test_features).argmax(axis=1)]
    gold = [s["Stance"] for s in test_stances]
    score, best = fnc_score(gold, predicted)
    print(
        json.dumps(
            {
                "fnc_score": round(score, 2),
                "max": best,
                "relative": round(100 * score / best, 2),
                "per_class_f1": per_class_f1(gold, predicted),
                "model_bytes": MODEL_PATH.stat().st_size,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
