"""Real multi-outlet events for evaluation, read from the shared datasets as rashomon's articles.

This package sits above the pipeline (like the command line): it runs rashomon over evaluation events.

An evaluation event names its reports by dataset ids (ECB+ document ids, FNC-1 body ids); the texts are
read from ``../shared/datasets`` at run time and never copied into the project. ECB+ keeps its text as
tokens ("`` quoted '' , 2 . 5 million"), so it is detokenized back into ordinary prose first: the gold
terms of the evaluation set are written against that prose.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from rashomon.ingest.readers import make_article
from rashomon.model import Article, Dossier

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "datasets"
ECB_DOCUMENTS = SHARED / "ecbplus" / "ecbplus_docs_plaintext.jsonl"
FNC_BODIES = SHARED / "fnc1" / "train_bodies.csv"

# Token joins of the Penn-Treebank-style tokenization ECB+ uses, applied in order.
DETOKENIZE_RULES = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$£€])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m|')(?=\s|$)", re.IGNORECASE), r"\1"),
    (re.compile(r"(?<=\d)\s*([.,:])\s*(?=\d)"), r"\1"),
    (re.compile(r"(?<=\w)\s+-\s+(?=\w)"), "-"),
    (re.compile(r"\s{2,}"), " "),
]
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATELINE_WORDS = 8
QUOTE_SPACING = re.compile(r'"\s*([^"]*?)\s*"')


def detokenize(tokens: str) -> str:
    """Ordinary prose from a space-separated token sequence ("`` Hi , '' he said ." -> '"Hi," he said.')."""
    text = tokens
    for pattern, replacement in DETOKENIZE_RULES:
        text = pattern.sub(replacement, text)
    return QUOTE_SPACING.sub(lambda m: f'"{m.group(1)}"', text).strip()


@dataclass(frozen=True)
class EventSource:
    """Where an evaluation event's reports come from: a dataset and its document ids."""

    dataset: str
    ids: tuple[str, ...]


@cache
def ecb_documents() -> dict[str, dict]:
    """ECB+ documents by id (raises FileNotFoundError when the shared data is absent)."""
    with ECB_DOCUMENTS.open(encoding="utf-8") as lines:
        return {doc["doc_id"]: doc for doc in map(json.loads, lines)}


@cache
def fnc_bodies() -> dict[str, str]:
    """FNC-1 training bodies by body id."""
    with FNC_BODIES.open(encoding="utf-8", newline="") as handle:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}


def dateline(sentences: list[str]) -> datetime | None:
    """The publication date an ECB+ page shows on a line of its own near the top ("July 08,2012", "Updated 5/5/2010 1:41 PM")."""
    from rashomon.common.dates import parse_published

    for line in sentences[1:4]:
        if len(line.split()) <= DATELINE_WORDS and YEAR.search(line):
            published = parse_published(line.removeprefix("Updated").removeprefix("Posted:").strip())
            if published is not None:
                return published
    return None


def ecb_article(doc_id: str) -> Article:
    """One ECB+ document as an article: the source URL and a date line as metadata, the first sentence as title."""
    doc = ecb_documents()[doc_id]
    sentences = [detokenize(s) for s in doc["sentences"]]
    url = doc.get("source_url")
    if sentences and sentences[0].startswith("http"):
        url, sentences = sentences[0], sentences[1:]
    article = make_article("\n\n".join(sentences), f"ecbplus:{doc_id}", {"url": url})
    return article.model_copy(update={"id": doc_id, "published": dateline(sentences)})


def fnc_article(body_id: str) -> Article:
    """One FNC-1 body as an article (FNC-1 keeps no outlet or title)."""
    article = make_article(fnc_bodies()[body_id], f"fnc1:{body_id}", {})
    return article.model_copy(update={"id": f"fnc{body_id}", "title": None})


def event_articles(source: EventSource) -> list[Article]:
    """The reports of one evaluation event, in the order the event lists them."""
    build = {"ecbplus": ecb_article, "fnc1": fnc_article}[source.dataset]
    return [build(doc_id) for doc_id in source.ids]


def gold_source(gold: dict) -> EventSource:
    """The reports a gold event file names."""
    prefix = "fnc" if gold["dataset"] == "fnc1" else ""
    return EventSource(gold["dataset"], tuple(a.removeprefix(prefix) for a in gold["articles"]))


def assembled_dossier(gold: dict, cache: Path | None = None) -> Dossier:
    """An evaluation event's dossier before the findings step (ingest, annotate, resolve), cached under ``cache``
    by the code of those stages and the articles, so that the findings step can be re-run alone."""
    from rashomon.pipeline import annotate, assemble, ingest

    articles = event_articles(gold_source(gold))
    cached = None
    if cache is not None:
        digest = hashlib.sha1(per_article_code_key().encode())
        for article in articles:
            digest.update(article.model_dump_json().encode())
        cached = cache / f"{gold['event']}-{digest.hexdigest()[:16]}.json"
        if cached.exists():
            return Dossier.from_json(cached.read_text())
    ingested = ingest(articles)
    dossier = assemble(ingested, annotate(ingested.articles))
    if cached is not None:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(dossier.to_json(indent=None))
    return dossier


def per_article_code_key() -> str:
    """A digest of the code and data (the lexicon's TOML files) of the stages before findings: a cached dossier is stale
    when it changes."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for stage in ("ingest", "annotate", "resolve"):
        for path in sorted(path for path in (package / stage).rglob("*") if path.suffix in (".py", ".toml")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_gold(directory: Path) -> list[dict]:
    """The gold files of an evaluation set, in name order."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.json"))]
