"""The whole flow of rashomon, one stage after another.

ingest -> annotate -> resolve -> align -> (report renders the result)

For a stream of many stories the first two stages write into the corpus store
instead, which places each article in a story as it arrives; a story is then
taken from the store through resolve and align like any batch of articles:

ingest -> annotate -> store (story clustering) ... store -> resolve -> align

Each stage lives in its own package and reads and returns the typed records of
:mod:`rashomon.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.align import find_findings
from rashomon.align.embed import encoder
from rashomon.annotate import AnnotatedArticle, annotate_articles
from rashomon.clustering import ArticleFeatures, article_features, lead_of
from rashomon.engines import annotate_with
from rashomon.ingest import IngestResult, read_paths, unique_ids
from rashomon.ingest.readers import DEFAULT_LIMITS, ReadLimits
from rashomon.model import Article, Dossier
from rashomon.resolve import build_records, resolve_actors
from rashomon.store.corpus import CorpusStore

Input = str | Path | Article


def ingest(inputs: Iterable[Input], repeats: str = "rename", fetcher=None, limits: ReadLimits = DEFAULT_LIMITS) -> IngestResult:
    """Stage 1: read paths (files, folders, ``-``, http(s) URLs downloaded by ``fetcher``) and take ready-made articles
    as they are.

    An article whose text was already read in this run gets a suffixed id (``repeats="rename"``, so a
    one-off analysis shows every input) or is dropped (``repeats="drop"``, for the store).
    """
    result = IngestResult()
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Article):
            result.articles.append(item)
        else:
            paths.append(item)
    result.extend(read_paths(paths, fetcher, limits))
    if repeats == "drop":
        first: dict[str, Article] = {}
        for article in result.articles:
            first.setdefault(article.id, article)
        result.articles = list(first.values())
    else:
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


@dataclass
class StoreIngestReport:
    """What one ``ingest`` run did to the store."""

    read: int = 0
    already_stored: int = 0
    added: int = 0
    moved: int = 0
    diagnostics: list = field(default_factory=list)
    stories_touched: int = 0
    stories_total: int = 0


@dataclass
class IngestProgress:
    """Callbacks through which an ``ingest`` run reports its steps (each optional)."""

    on_read: Callable[[int], None] | None = None
    """Reading is done: the number of new articles to annotate."""
    on_annotated: Callable[[AnnotatedArticle], None] | None = None
    """One more article annotated."""
    on_batch: Callable[[StoreIngestReport], None] | None = None
    """One more batch committed."""
    on_refine: Callable[[int, int], None] | None = None
    """Re-assignment: articles reconsidered so far, and the total to reconsider."""


def story_features(annotated: list[AnnotatedArticle]) -> list[ArticleFeatures]:
    """Clustering features: names, words and years from the annotations, plus an embedding of each lead.

    Leads the engine's workers already embedded are not embedded again, and the encoder is not even loaded here
    when none is missing (it costs a second or two of CPU and ~100 MB in this process, beside the workers).
    """
    missing = [lead_of(a.article.title, a.article.text) for a in annotated if a.lead_embedding is None]
    fresh = iter(encoder().encode(missing) if missing else ())
    vectors = [a.lead_embedding if a.lead_embedding is not None else next(fresh) for a in annotated]
    return [article_features(a.article.title, a.article.text, a.article.published, a.found.mentions, v) for a, v in zip(annotated, vectors)]


def ingest_into_store(
    inputs: Iterable[Input],
    store: CorpusStore,
    batch_size: int = 32,
    engine: str = "local",
    workers: int | None = None,
    on_batch: Callable[[StoreIngestReport], None] | None = None,
    refine: bool = True,
    fetcher=None,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: IngestProgress | None = None,
) -> StoreIngestReport:
    """Stages 1-2 into the corpus store: new articles only, annotated, placed in stories, committed batch by batch.

    With ``refine``, the stories this run touched are then re-assigned once all its articles are in
    (see :meth:`StoryClusterer.refine`), in one more transaction. That re-assignment is recorded as pending
    before the first batch is written, so a run killed before it finished has it completed by the next run.
    The store's file is given back to other processes between transactions (:meth:`CorpusStore.release`), so
    that ``serve`` and ``stories`` can read it while this runs.
    """
    progress = progress or IngestProgress(on_batch=on_batch)
    ingested = ingest(inputs, repeats="drop", fetcher=fetcher, limits=limits)
    report = StoreIngestReport(read=len(ingested.articles), diagnostics=list(ingested.diagnostics))
    known = store.known_ids(a.id for a in ingested.articles)
    todo = [a for a in ingested.articles if a.id not in known]
    report.already_stored = report.read - len(todo)
    last_seq = store.max_seq()
    unfinished = store.pending_refine()
    refine_after = last_seq if unfinished is None else min(unfinished, last_seq)
    if refine and todo:
        store.mark_refine_pending(refine_after)
    store.release()
    if progress.on_read is not None:
        progress.on_read(len(todo))
    pending: list[AnnotatedArticle] = []

    def flush() -> None:
        placed = [store.place(item, features) for item, features in zip(pending, story_features(pending))]
        report.added += store.commit(placed)
        store.release()
        pending.clear()
        if progress.on_batch is not None:
            progress.on_batch(report)

    for item in annotate_with(engine, todo, workers, lead_vectors=True):
        pending.append(item)
        if progress.on_annotated is not None:
            progress.on_annotated(item)
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    if refine and (report.added or unfinished is not None):
        report.moved = store.refine_stories(after_seq=refine_after, on_step=progress.on_refine)[0]
    report.stories_touched = store.stories_since(last_seq)
    report.stories_total = store.story_count()
    store.release(checkpoint=True)
    return report


def dossier_of(annotated: list[AnnotatedArticle]) -> Dossier:
    """Stages 3-4 for articles already annotated (a stored story): the dossier with findings."""
    return find_findings(assemble(IngestResult(), annotated))


def analyze_story(store: CorpusStore, story_id: str) -> Dossier:
    """Stages 3-4 for one stored story: its dossier with findings, also kept in the store unless it is open read-only."""
    dossier = dossier_of(store.story_articles(story_id))
    if not store.read_only:
        store.save_analysis(story_id, dossier)
    return dossier


def analyze(
    inputs: Input | Iterable[Input],
    on_done: Callable[[AnnotatedArticle], None] | None = None,
    on_ingested: Callable[[IngestResult], None] | None = None,
    fetcher=None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Dossier:
    """Analyse articles about one event into a dossier with cross-source findings.

    The articles are annotated in worker processes (one per CPU; in this process when they fit one batch), which also
    embed the claim sentences, so that the findings step, which needs every claim's vector, only combines."""
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    ingested = ingest(inputs, fetcher=fetcher, limits=limits)
    if on_ingested is not None:
        on_ingested(ingested)
    annotated = []
    for item in annotate_with("local", ingested.articles, claim_vectors=True):
        annotated.append(item)
        if on_done is not None:
            on_done(item)
    dossier = assemble(ingested, annotated)
    with encoder().knowing({k: v for item in annotated for k, v in (item.claim_vectors or {}).items()}):
        return find_findings(dossier)
