"""Story clustering on ECB+: all documents as one shuffled stream, B-cubed against gold events and topics.

    python scripts/eval_stories.py [--seeds 5] [--tune]

ECB+ has 43 topics, each split into two similar but distinct events (sub-topics).
Features come from rashomon's own annotation (cached in build/stories-cache.json).
The source URL that ECB+ keeps as the first sentence of its newer documents is
taken as the article's URL (metadata, unused by clustering), not as text.
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
    from rashomon.engines import annotate_with
    from rashomon.model import Article
    from rashomon.pipeline import story_features

    articles = []
    for doc in docs:
        sentences, url = doc["sentences"], None
        if sentences and sentences[0].startswith("http"):
            url, sentences = sentences[0], sentences[1:]
        text = "\n\n".join(sentences)
        articles.append(
            Article(id=doc["doc_id"], source_path=doc["doc_id"], url=url, title=sentences[0][:200], text=text, word_count=len(text.split()))
        )
    annotated = list(annotate_with("local", articles, lead_vectors=True))
    out = {item.article.id: features.to_json() for item, features in zip(annotated, story_features(annotated))}
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(out))
    return out


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    from rashomon.evaluation.clusters import b_cubed, clusters_of

    score = b_cubed(clusters_of(gold), clusters_of(predicted))
    return score.precision, score.recall, score.f1


def cluster(docs: list[dict], features: dict[str, dict], seed: int, weights, passes: int = 0) -> dict[str, str]:
    """One shuffled online pass, then ``passes`` re-assignment passes (what ``rashomon refine`` does)."""
    from rashomon.clustering import ArticleFeatures, StoryClusterer

    order = list(docs)
    random.Random(seed).shuffle(order)
    clusterer = StoryClusterer(weights)
    items = [(doc["doc_id"], ArticleFeatures.from_json(features[doc["doc_id"]])) for doc in order]
    return clusterer.cluster_stream(items, passes)


def evaluate(docs, features, seeds, weights, passes: int = 0) -> dict[str, tuple[float, float, float, float]]:
    """Mean B-cubed P/R/F1 over seeds against events and topics, and the mean number of stories."""
    results = defaultdict(list)
    for seed in range(seeds):
        predicted = cluster(docs, features, seed, weights, passes)
        results["event"].append(bcubed(predicted, {d["doc_id"]: d["subtopic"] for d in docs}))
        results["topic"].append(bcubed(predicted, {d["doc_id"]: str(d["topic"]) for d in docs}))
        results["stories"].append((len(set(predicted.values())), 0, 0))
    return {k: tuple(sum(r[i] for r in v) / len(v) for i in range(3)) for k, v in results.items()}


def main() -> None:
    from rashomon.clustering import REFINE_PASSES, Weights

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
                print(
                    f"dev threshold {threshold:.2f} names {names:.1f}: event F1 {scores['event'][2]:.3f}  topic F1 {scores['topic'][2]:.3f}"
                )
        return
    for passes in (0, REFINE_PASSES):
        print(f"online pass{f' + {passes} re-assignment passes (rashomon refine)' if passes else ' only'}:")
        for name, subset in (("topics 36-45 (held out)", test), ("all 982 documents", docs), ("topics 1-35 (tuning)", dev)):
            scores = evaluate(subset, features, args.seeds, weights, passes)
            event, topic = scores["event"], scores["topic"]
            print(f"  {name}: {len(subset)} docs, {scores['stories'][0]:.0f} stories (gold events {len({d['subtopic'] for d in subset})})")
            print(f"    event  B3 P {event[0]:.3f} R {event[1]:.3f} F1 {event[2]:.3f}")
            print(f"    topic  B3 P {topic[0]:.3f} R {topic[1]:.3f} F1 {topic[2]:.3f}")


if __name__ == "__main__":
    main()
