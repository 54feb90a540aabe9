"""How a report names where an article came from: its outlet, else "unknown outlet", never its title."""

from __future__ import annotations

from collections.abc import Iterable

from rashomon.model import Article

UNKNOWN_OUTLET = "unknown outlet"
# Characters of an article id shown after "unknown outlet" to tell such articles apart: ids are "a" plus a hash
# (ingest.readers.content_id), so six hex digits collide about once in 16 million pairs; on a collision the
# whole id is shown.
SHORT_ID_CHARS = 7


def source_label(article: Article) -> str:
    """The outlet, else "unknown outlet": never the title, which would read as the name of a source."""
    return article.outlet or UNKNOWN_OUTLET


def outlet_labels(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's source label by id, told apart where it must be: when several articles have no outlet, each
    reads "unknown outlet (ID)" with a short id, so that a matrix column or a side of a dispute is one article."""
    articles = list(articles)
    unknown = [a.id for a in articles if not a.outlet]
    short = {article_id: article_id[:SHORT_ID_CHARS] for article_id in unknown}
    if len(set(short.values())) < len(short):
        short = {article_id: article_id for article_id in unknown}
    return {a.id: source_label(a) if a.outlet or len(unknown) == 1 else f"{UNKNOWN_OUTLET} ({short[a.id]})" for a in articles}
