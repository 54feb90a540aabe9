"""Where the per-article work runs: in this process (spaCy's own batching), or on a Ray cluster.

Both engines run the same function over each article and return the same
:class:`AnnotatedArticle` records in input order, so everything downstream is
identical whichever engine did the work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rashomon.annotate import MAX_ANALYSED_CHARS, AnnotatedArticle, annotate_articles
from rashomon.ingest.text import normalize_text
from rashomon.model import Article

ENGINES = ("local", "ray")
RAY_BATCH = 8


class RayAnnotator:
    """A Ray Data actor: loads the spaCy pipeline once per worker, then annotates batches of articles."""

    def __init__(self) -> None:
        from rashomon.annotate.nlp import load_nlp

        load_nlp()

    def __call__(self, batch: dict) -> dict:
        from rashomon.store import codec

        articles = [Article.model_validate_json(text) for text in batch["article"]]
        return {"article": list(batch["article"]), "found": [codec.dumps(item.found) for item in annotate_articles(articles)]}


def annotate_with_ray(articles: list[Article], workers: int | None = None) -> Iterator[AnnotatedArticle]:
    """Annotate through Ray Data with a pool of actors; joins a running cluster (RAY_ADDRESS) or starts a local one."""
    try:
        import ray
    except ImportError as error:
        raise RuntimeError("the Ray engine needs the 'ray' extra: pip install 'rashomon[ray]'") from error
    from rashomon.store import codec

    if not articles:
        return
    if not ray.is_initialized():
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = ray.data.from_items([{"article": a.model_dump_json()} for a in articles])
    annotated = dataset.map_batches(RayAnnotator, batch_size=RAY_BATCH, compute=ray.data.ActorPoolStrategy(size=size), num_cpus=1)
    for row in annotated.iter_rows():
        article = Article.model_validate_json(row["article"])
        yield AnnotatedArticle(article, normalize_text(article.text[:MAX_ANALYSED_CHARS]), codec.loads(row["found"]))


def annotate_with(engine: str, articles: list[Article], workers: int | None = None) -> Iterable[AnnotatedArticle]:
    """The annotated articles, in input order, from the chosen engine."""
    if engine == "local":
        return annotate_articles(articles)
    if engine == "ray":
        return annotate_with_ray(articles, workers)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
