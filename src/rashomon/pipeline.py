"""The whole flow of rashomon, one stage after another.

ingest -> annotate -> resolve -> align -> (report renders the result)

Each stage lives in its own package and reads and returns the typed records of
:mod:`rashomon.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from rashomon.align import find_findings
from rashomon.annotate import AnnotatedArticle, annotate_articles
from rashomon.ingest import IngestResult, read_paths, unique_ids
from rashomon.model import Article, Dossier
from rashomon.resolve import build_records, resolve_actors

Input = str | Path | Article


def ingest(inputs: Iterable[Input]) -> IngestResult:
    """Stage 1: read paths (files, folders, ``-``) and take ready-made articles as they are."""
    result = IngestResult()
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Article):
            result.articles.append(item)
        else:
            paths.append(item)
    result.extend(read_paths(paths))
    result.articles = unique_ids(result.articles)
    return result


def annotate(articles: Sequence[Article], on_done: Callable[[AnnotatedArticle], None] | None = None) -> list[AnnotatedArticle]:
    """Stage 2: per-article annotation with spaCy and rashomon's extractors."""
    return list(annotate_articles(articles, on_done=on_done))


def assemble(ingested: IngestResult, annotated: list[AnnotatedArticle]) -> Dossier:
    """Stage 3: resolve actors across articles and turn annotations into dossier records."""
    mentions = [(item.article.id, mention) for item in annotated for mention in item.found.mentions]
    resolved = resolve_actors(mentions)
    records = build_records(annotated, resolved)
    return Dossier(
        articles=[item.article for item in annotated],
        actors=records.actors,
        quotes=records.quotes,
        numbers=records.numbers,
        dates=records.dates,
        claims=records.claims,
        diagnostics=[*ingested.diagnostics, *records.diagnostics],
    )


def analyze(
    inputs: Input | Iterable[Input],
    on_done: Callable[[AnnotatedArticle], None] | None = None,
    on_ingested: Callable[[IngestResult], None] | None = None,
) -> Dossier:
    """Analyse articles about one event into a dossier with cross-source findings."""
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    ingested = ingest(inputs)
    if on_ingested is not None:
        on_ingested(ingested)
    annotated = annotate(ingested.articles, on_done=on_done)
    dossier = assemble(ingested, annotated)
    return find_findings(dossier)
