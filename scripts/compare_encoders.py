"""Sentence encoders side by side: the findings evaluation, ECB+ story clustering (topics 1-35) and speed.

    python scripts/compare_encoders.py [--static DIR ...] [--seeds 5] [--skip-stories]

``minilm`` is the shipped int8 ONNX all-MiniLM-L6-v2; each ``--static DIR`` is a model2vec folder written by
``scripts/distill_static.py`` (read with ``model2vec``, installed beside rashomon for this script). For each encoder:

- the findings evaluation of ``scripts/eval_findings.py`` (all events of ``eval/events/``, the same cached per-article
  stages), with the claims embedded by that encoder (the learned stance model always reads MiniLM vectors);
- ECB+ story clustering B-cubed (events and topics, the online pass and the re-assignment passes, mean over
  ``--seeds`` shuffles) on topics 1-35 only, with each article's lead embedded by that encoder; topics 36-45 are held
  out for the final report of ``scripts/eval_stories.py`` and are neither read nor scored here;
- sentences per second on every claim sentence of the evaluation set (median of three).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from eval_findings import CACHE as FINDINGS_CACHE
from eval_findings import EVENTS
from eval_stories import ECB, TEST_TOPICS, evaluate

STORIES_CACHE = ROOT / "build" / "stories-dev-cache.json"


def dev_docs() -> list[dict]:
    """ECB+ documents of topics 1-35; the lines of the held-out topics are skipped unparsed beyond their topic."""
    if not ECB.exists():
        sys.exit(f"skipped: ECB+ not found at {ECB}")
    docs = []
    for line in ECB.open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["topic"] not in TEST_TOPICS:
            docs.append(doc)
    return docs


def article_of(doc: dict):
    """The article ``scripts/eval_stories.py`` builds from an ECB+ document (URL line taken out, first sentence as title)."""
    from rashomon.model import Article

    sentences, url = doc["sentences"], None
    if sentences and sentences[0].startswith("http"):
        url, sentences = sentences[0], sentences[1:]
    text = "\n\n".join(sentences)
    return Article(id=doc["doc_id"], source_path=doc["doc_id"], url=url, title=sentences[0][:200], text=text, word_count=len(text.split()))


def dev_features(docs: list[dict]) -> dict[str, dict]:
    """Clustering features of the topic 1-35 documents (MiniLM leads), computed once and cached."""
    if STORIES_CACHE.exists():
        return json.loads(STORIES_CACHE.read_text())
    from rashomon.engines import annotate_with
    from rashomon.pipeline import story_features

    annotated = list(annotate_with("local", [article_of(d) for d in docs], lead_vectors=True))
    out = {item.article.id: features.to_json() for item, features in zip(annotated, story_features(annotated))}
    STORIES_CACHE.parent.mkdir(parents=True, exist_ok=True)
    STORIES_CACHE.write_text(json.dumps(out))
    return out


def story_scores(docs: list[dict], features: dict[str, dict], encode, seeds: int) -> dict[str, dict]:
    """B-cubed of the story clustering with each lead embedded by ``encode``."""
    from rashomon.clustering import REFINE_PASSES, Weights, lead_of

    articles = [article_of(d) for d in docs]
    vectors = encode([lead_of(a.title, a.text) for a in articles])
    swapped = {a.id: {**features[a.id], "embedding": [float(x) for x in v]} for a, v in zip(articles, vectors)}
    return {f"passes {p}": evaluate(docs, swapped, seeds, Weights(), p) for p in (0, REFINE_PASSES)}


class StaticEncoder:
    """A model2vec folder as an encoder of unit vectors (``pip install model2vec==0.10.0``; not a rashomon dependency)."""

    def __init__(self, folder: Path):
        from model2vec import StaticModel

        self.model = StaticModel.from_pretrained(str(folder))

    def encode(self, texts: list[str]):
        import numpy as np

        vectors = self.model.encode(texts).astype(np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def findings_scores(encode) -> dict:
    """The findings evaluation's overall figures with the claims embedded by ``encode``.

    The learned stance model was trained on MiniLM vectors, so the pairs it reads get MiniLM vectors (of those two
    claims only); the gate before it (similarity >= 0.5) uses ``encode``'s similarity, like every rule."""
    from rashomon.align import embed, find_findings
    from rashomon.align import findings as steps
    from rashomon.evaluation.events import assembled_dossier
    from rashomon.evaluation.findings import FindingScores, GoldEvent, score_event

    minilm, memo = embed.encoder(), {}

    def exact(view):
        text = " ".join(view.claim.text.split())
        if text not in memo:
            memo[text] = minilm.encode([text])[0]
        return memo[text]

    original_embed, original_learned = steps.embed_claims, steps.learned_relation

    def learned(a, b, _vectors, similarity):
        return original_learned(a, b, {a.row: exact(a), b.row: exact(b)}, similarity)

    total = FindingScores()
    steps.embed_claims = lambda claims: encode([" ".join(c.text.split()) for c in claims])
    steps.learned_relation = learned
    try:
        for path in sorted(EVENTS.glob("*.json")):
            gold = json.loads(path.read_text())
            total += score_event(find_findings(assembled_dossier(gold, FINDINGS_CACHE)), GoldEvent.from_json(gold))
    finally:
        steps.embed_claims, steps.learned_relation = original_embed, original_learned
    return total.figures()


def claim_sentences() -> list[str]:
    from rashomon.evaluation.events import assembled_dossier

    return [
        " ".join(c.text.split())
        for p in sorted(EVENTS.glob("*.json"))
        for c in assembled_dossier(json.loads(p.read_text()), FINDINGS_CACHE).claims
    ]


SPEED_SAMPLE = 600


def speed(encode, sentences: list[str]) -> float:
    """Sentences per second on every ``len // SPEED_SAMPLE``-th sentence, median of three runs."""
    sentences = sentences[:: max(1, len(sentences) // SPEED_SAMPLE)]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        encode(sentences)
        times.append(time.perf_counter() - started)
    return len(sentences) / statistics.median(times)


def main() -> None:
    from rashomon.align.embed import encoder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--static", type=Path, nargs="*", default=[], help="model2vec folders from scripts/distill_static.py")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--skip-stories", action="store_true")
    parser.add_argument("--skip-findings", action="store_true")
    parser.add_argument("--skip-minilm", action="store_true", help="MiniLM's findings figures are scripts/eval_findings.py's")
    args = parser.parse_args()
    encoders = {} if args.skip_minilm else {"minilm": encoder().encode}
    encoders.update({f"static {p.name}": StaticEncoder(p).encode for p in args.static})
    sentences = claim_sentences()
    docs = [] if args.skip_stories else dev_docs()
    features = dev_features(docs) if docs else {}
    for name, encode in encoders.items():
        print(f"== {name}: {speed(encode, sentences):,.0f} sentences/s on {len(sentences)} claim sentences")
        if not args.skip_findings:
            figures = findings_scores(encode)
            print("   findings: " + ", ".join(f"{k} {v:.3f}" if v is not None else f"{k} -" for k, v in figures.items()))
        if docs:
            for label, scores in story_scores(docs, features, encode, args.seeds).items():
                event, topic = scores["event"], scores["topic"]
                print(
                    f"   stories topics 1-35, {label}: event B3 P {event[0]:.3f} R {event[1]:.3f} F1 {event[2]:.3f}; "
                    f"topic F1 {topic[2]:.3f}"
                )


if __name__ == "__main__":
    main()
