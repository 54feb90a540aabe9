"""Story clustering on ECB+: all documents as one shuffled stream, B-cubed against gold events and topics.

    python scripts/eval_stories.py [--seeds 5] [--tune]

ECB+ has 43 topics, each split into two similar but distinct events (sub-topics).
Features come from rashomon's own annotation (cached in build/stories-cache.json).
``--tune`` searches the joining threshold on topics 1-35 only and prints what it
would pick; the shipped weights are reported on topics 36-45 (held out) and on all 982.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "datasets" / "ecbplus" / "ecbplus_docs_plaintext.jsonl"
CACHE = ROOT / "build" / "stories-cache.json"
TEST_TOPICS = set(range(36, 46))


def load_docs() -> list[dict]:
    if not ECB.exists():
        sys.exit(f"skipped: ECB+ not found at {ECB}")
    return [json.loads(line) for line in ECB.open(encoding="utf-8")]


def features_of(docs: list[dict]) -> dict[str, dict]:
    """Clustering features of every document, computed by rashomon's pipeline once and cached."""
    if CACHE.exists():
        return json.loads(CACHE.read_text())
    from rashomon.align.embed import encoder
    from rashomon.annotate.engines import annotate_with
    from rashomon.model import Article
    from rashomon.store.stories import article_features, lead_of

    articles = []
    for doc in docs:
        text = "\n\n".join(doc["sentences"])
        articles.append(Article(id=doc["doc_id"], source_path=doc["doc_id"], title=doc["sentences"][0][:200], text=text, word_count=len(text.split())))
    annotated = list(annotate_with("local", articles))
    vectors = encoder().encode([lead_of(a.article.title, a.article.text) for a in annotated])
    out = {}
    for item, vector in zip(annotated, vectors):
        out[item.article.id] = article_features(item.article.title, item.article.text, None, item.found.mentions, vector).to_json()
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(out))
    return out


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    from rashomon.evaluation.clusters import b_cubed, clusters_of

    score = b_cubed(clusters_of(gold), clusters_of(predicted))
    return score.precision, score.recall, score.f1


def cluster(docs: list[dict], features: dict[str, dict], seed: int, weights) -> dict[str, str]:
    from rashomon.store.stories import ArticleFeatures, StoryClusterer

    order = list(docs)
    random.Random(seed).shuffle(order)
    clusterer = StoryClusterer(weights)
    return {doc["doc_id"]: clusterer.add(doc["doc_id"], ArticleFeatures.from_json(features[doc["doc_id"]]))[0] for doc in order}


def evaluate(docs, features, seeds, weights) -> dict[str, tuple[float, float, float, float]]:
    """Mean B-cubed P/R/F1 over seeds against events and topics, and the mean number of stories."""
    results = defaultdict(list)
    for seed in range(seeds):
        predicted = cluster(docs, features, seed, weights)
        results["event"].append(bcubed(predicted, {d["doc_id"]: d["subtopic"] for d in docs}))
        results["topic"].append(bcubed(predicted, {d["doc_id"]: str(d["topic"]) for d in docs}))
        results["stories"].append((len(set(predicted.values())), 0, 0))
    return {k: tuple(sum(r[i] for r in v) / len(v) for i in range(3)) for k, v in results.items()}


def main() -> None:
    from rashomon.store.stories import Weights

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    docs = load_docs()
    features = features_of(docs)
    dev = [d for d in docs if d["topic"] not in TEST_TOPICS]
    test = [d for d in docs if d["topic"] in TEST_TOPICS]
    weights = Weights()
    if args.tune:
        for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
            for names in (0.4, 0.5, 0.6):
                candidate = replace(weights, threshold=threshold, names=names, words=0.8 - names)
                scores = evaluate(dev, features, 2, candidate)
                print(f"dev threshold {threshold:.2f} names {names:.1f}: event F1 {scores['event'][2]:.3f}  topic F1 {scores['topic'][2]:.3f}")
        return
    for name, subset in (("topics 36-45 (held out)", test), ("all 982 documents", docs), ("topics 1-35 (tuning)", dev)):
        scores = evaluate(subset, features, args.seeds, weights)
        event, topic = scores["event"], scores["topic"]
        print(f"{name}: {len(subset)} docs, {scores['stories'][0]:.0f} stories (gold events {len({d['subtopic'] for d in subset})})")
        print(f"  event  B3 P {event[0]:.3f} R {event[1]:.3f} F1 {event[2]:.3f}")
        print(f"  topic  B3 P {topic[0]:.3f} R {topic[1]:.3f} F1 {topic[2]:.3f}")


if __name__ == "__main__":
    main()
