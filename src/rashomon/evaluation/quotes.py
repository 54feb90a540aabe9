"""Attribution scoring on PolNeAR: source, cue and content spans of rashomon's quotes against the gold.

PolNeAR (networkdynamics/PolNeAR) annotates attributions in news articles as brat files; it is read from
``../shared/datasets/polnear`` at run time and never copied into the project (its texts are news articles
under their publishers' copyright, and the dataset ships no licence that would allow it).
Gold: when an article has several annotators' files, the first in sorted order is used. Direct-quote content
is scored with its quote marks, as PolNeAR annotates it; indirect content is the reported clause.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rashomon.evaluation.events import SHARED

POLNEAR = SHARED / "polnear" / "data"
KINDS = ("source", "cue", "content")
Spans = dict[str, set[tuple[int, int]]]


@dataclass(frozen=True)
class Document:
    """One PolNeAR article: its name, text and gold spans by kind."""

    name: str
    text: str
    gold: Spans


def read_gold(path: Path) -> Spans:
    """Gold spans by kind from a brat file (discontinuous spans are scored by their extent)."""
    spans: Spans = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, middle, *_ = line.split("\t")
        kind, *offsets = middle.replace(";", " ").split()
        if kind.lower() in KINDS:
            numbers = [int(o) for o in offsets]
            spans[kind.lower()].add((min(numbers), max(numbers)))
    return spans


def documents(split: str) -> list[Document]:
    """Every article of a split that has gold attributions, in name order."""
    folder = POLNEAR / split
    annotations = sorted((folder / "attributions").glob("*.ann"))
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        matches = [a for a in annotations if a.name.rsplit("_", 1)[0] == text_path.stem]
        if matches:
            docs.append(Document(text_path.stem, text_path.read_text(encoding="utf-8"), read_gold(matches[0])))
    return docs


def rashomon_spans(texts: list[str]) -> list[Spans]:
    """Source, cue and content spans predicted by rashomon's quote extractor, in raw-text offsets."""
    from rashomon.annotate import annotate_articles
    from rashomon.model import Article

    articles = [Article(id=str(i), source_path=str(i), text=text) for i, text in enumerate(texts)]
    return [quote_spans(item) for item in annotate_articles(articles)]


def quote_spans(item) -> Spans:
    """One annotated article's quotes as spans; a direct quote inside an indirect one is counted once."""
    span_of = item.normalized.original_span
    found: Spans = defaultdict(set)
    indirect = [(q.outer_start, q.outer_end) for q in item.found.quotes if not q.direct]
    for quote in item.found.quotes:
        if quote.direct and any(s <= quote.outer_start and quote.outer_end <= e for s, e in indirect):
            continue
        found["content"].add(span_of(quote.outer_start, quote.outer_end))
        if quote.cue_start is not None:
            found["cue"].add(span_of(quote.cue_start, quote.cue_end))
        speaker = quote.speaker
        named_outside = speaker is not None and speaker.end > speaker.start and not quote.outer_start <= speaker.start < quote.outer_end
        if named_outside and quote.cue_start is not None:
            found["source"].add(span_of(speaker.start, speaker.end))
    return found


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: list[Spans], predicted: list[Spans]) -> dict[str, dict]:
    """Exact and overlap precision / recall / F1 (in %) per span kind, micro-averaged over documents."""
    result = {}
    for kind in KINDS:
        counts: dict[str, int] = defaultdict(int)
        for gold_doc, pred_doc in zip(gold, predicted, strict=True):
            g, p = gold_doc.get(kind, set()), pred_doc.get(kind, set())
            counts["gold"] += len(g)
            counts["pred"] += len(p)
            counts["exact"] += len(g & p)
            counts["pred_overlap"] += sum(any(ps < ge and gs < pe for gs, ge in g) for ps, pe in p)
            counts["gold_overlap"] += sum(any(ps < ge and gs < pe for ps, pe in p) for gs, ge in g)
        metrics: dict = {}
        for name, precision_hits, recall_hits in (
            ("exact", counts["exact"], counts["exact"]),
            ("overlap", counts["pred_overlap"], counts["gold_overlap"]),
        ):
            precision = precision_hits / counts["pred"] if counts["pred"] else 0.0
            recall = recall_hits / counts["gold"] if counts["gold"] else 0.0
            metrics[name] = {"p": round(100 * precision, 1), "r": round(100 * recall, 1), "f1": round(100 * f1(precision, recall), 1)}
        metrics["gold"], metrics["predicted"] = counts["gold"], counts["pred"]
        result[kind] = metrics
    return result
