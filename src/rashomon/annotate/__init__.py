"""Annotate: one article at a time, entities, quotes, numbers, dates and claims."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rashomon.annotate.components import load_nlp
from rashomon.annotate.types import DocAnnotations, annotations_of
from rashomon.ingest.text import NormalizedText, normalize_text
from rashomon.model import Article

MAX_ANALYSED_CHARS = 400_000


@dataclass
class AnnotatedArticle:
    """An article, the normalised text it was analysed in, and what was found there.

    A worker engine also sends what it already computed for the store (the lead's embedding,
    the annotations as stored JSON) or for the findings step (the claim sentences' embeddings, keyed by
    sentence) so that this process does not compute them again.
    """

    article: Article
    normalized: NormalizedText
    found: DocAnnotations
    lead_embedding: list[float] | None = None
    found_json: str | None = None
    claim_vectors: dict | None = None


def annotate_articles(
    articles: Iterable[Article],
    batch_size: int = 16,
    on_done: Callable[[AnnotatedArticle], None] | None = None,
) -> Iterator[AnnotatedArticle]:
    """Annotate articles in order, streaming through spaCy in batches."""
    nlp = load_nlp()
    pending: deque[tuple[Article, NormalizedText]] = deque()

    def docs() -> Iterator:
        for article in articles:
            normalized = normalize_text(article.text[:MAX_ANALYSED_CHARS])
            pending.append((article, normalized))
            doc = nlp.make_doc(normalized.text)
            doc._.published = article.published.replace(tzinfo=None) if article.published else None  # the local clock: dates resolve by it
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article, normalized = pending.popleft()
        annotated = AnnotatedArticle(article, normalized, annotations_of(doc))
        if on_done is not None:
            on_done(annotated)
        yield annotated


__all__ = ["AnnotatedArticle", "annotate_articles", "load_nlp"]
