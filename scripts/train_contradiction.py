"""An experiment, kept to be re-run: a small contradiction model trained on the NLI pool, with its held-out accuracy.

    pip install -e '.[train]'   # scikit-learn, for training only
    python scripts/train_contradiction.py [--pairs 40000] [-o model.npz]

It was tried as the learned signal of the findings step and rejected: on the findings evaluation set it added 32
false disputes and no real one (docs/benchmarks.md, "Findings on real events"), so rashomon ships no such model.

Sentences are embedded with rashomon's own MiniLM encoder (the vectors the alignment already computes); a pair is
featurised as [u, v, |u - v|, u * v] and a one-hidden-layer network (scikit-learn) classifies entailment / neutral /
contradiction. Training pool: every staged NLI set except MNLI (SNLI dev/test, SICK, XNLI-en, counterfactual SNLI,
ConjNLI, CommitmentBank, ANLI dev, Breaking NLI). Held out, never trained on: MNLI dev-matched (9,815 gold pairs).
The decision threshold on p(contradiction) is the lowest one whose contradiction precision reaches 0.8 on a tenth
of the training pool set aside for it. ``-o`` writes the weights (float16) and the threshold.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NLI = ROOT.parent / "shared" / "datasets" / "nli"
CACHE = ROOT / "build" / "nli-embeddings.npz"
TRAINING = ("snli", "sick", "xnli_en", "cad_snli", "conjnli", "cb", "anli", "breaking_nli")
HELD_OUT = ("mnli", "mnli.tsv.gz", "dev_matched")
LABELS = ("entailment", "neutral", "contradiction")
TARGET_PRECISION = 0.8
SPACED_PUNCTUATION = re.compile(r"\s+([.,;:!?'])")


def rows(folder: str, name: str | None = None) -> list[tuple[str, str, str, str]]:
    path = NLI / folder / (name or f"{folder}.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(clean(r["premise"]), clean(r["hypothesis"]), r["label"], r["split"]) for r in reader]


def clean(text: str) -> str:
    """SNLI's text is tokenized ("packages ."): rejoin punctuation so it reads like the claims it will judge."""
    return SPACED_PUNCTUATION.sub(r"\1", text.strip())


def embed(sentences: list[str]) -> dict[str, np.ndarray]:
    from rashomon.align.embed import encoder

    cached: dict[str, np.ndarray] = {}
    if CACHE.exists():
        data = np.load(CACHE, allow_pickle=False)
        cached = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    missing = sorted({s for s in sentences if s not in cached})
    if missing:
        print(f"embedding {len(missing)} sentences", file=sys.stderr)
        cached.update(zip(missing, encoder().encode(missing), strict=True))
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE, texts=np.array(list(cached)), vectors=np.stack(list(cached.values())))
    return cached


def featurise(pairs, vectors) -> np.ndarray:
    """The classic sentence-pair features of InferSent/SBERT classifiers: [u, v, |u - v|, u * v]."""
    return np.stack(
        [np.concatenate([vectors[p], vectors[h], np.abs(vectors[p] - vectors[h]), vectors[p] * vectors[h]]) for p, h, _, _ in pairs]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=40000)
    parser.add_argument("-o", "--output", type=Path, help="write the trained weights and threshold here (.npz)")
    args = parser.parse_args()
    if not NLI.exists():
        sys.exit(f"skipped: NLI data not found at {NLI}")
    from sklearn.neural_network import MLPClassifier

    pool = [r for folder in TRAINING for r in rows(folder)]
    random.Random(0).shuffle(pool)
    pool = pool[: args.pairs]
    held_out = [r for r in rows(HELD_OUT[0], HELD_OUT[1]) if r[3] == HELD_OUT[2]]
    vectors = embed([s for p, h, _, _ in pool + held_out for s in (p, h)])
    cut = len(pool) // 10
    calibration, training = pool[:cut], pool[cut:]
    network = MLPClassifier(hidden_layer_sizes=(256,), early_stopping=True, max_iter=60, random_state=0)
    network.fit(featurise(training, vectors), [LABELS.index(r[2]) for r in training])

    def contradiction_scores(pairs):
        return network.predict_proba(featurise(pairs, vectors))[:, LABELS.index("contradiction")]

    scores = contradiction_scores(calibration)
    truth = np.array([r[2] == "contradiction" for r in calibration])
    threshold = next((t for t in np.arange(0.5, 0.99, 0.01) if (scores >= t).any() and truth[scores >= t].mean() >= TARGET_PRECISION), 0.99)
    held_features = featurise(held_out, vectors)
    predicted = network.predict(held_features)
    gold = np.array([LABELS.index(r[2]) for r in held_out])
    held_scores = network.predict_proba(held_features)[:, LABELS.index("contradiction")]
    flagged = held_scores >= threshold
    is_contradiction = gold == LABELS.index("contradiction")
    report = {
        "training_pairs": len(training),
        "held_out": "MNLI dev-matched",
        "held_out_accuracy": round(float((predicted == gold).mean()), 4),
        "threshold": round(float(threshold), 2),
        "held_out_contradiction_precision_at_threshold": round(float(is_contradiction[flagged].mean()), 4) if flagged.any() else None,
        "held_out_contradiction_recall_at_threshold": round(float((flagged & is_contradiction).sum() / is_contradiction.sum()), 4),
    }
    if args.output:
        np.savez_compressed(
            args.output,
            w1=network.coefs_[0].astype(np.float16),
            b1=network.intercepts_[0].astype(np.float16),
            w2=network.coefs_[1].astype(np.float16),
            b2=network.intercepts_[1].astype(np.float16),
            threshold=np.array(threshold, dtype=np.float32),
        )
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
