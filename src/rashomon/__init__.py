"""rashomon: reconstruct one news event from many reports of it.

``rashomon.analyze(paths_or_articles)`` returns a :class:`~rashomon.model.Dossier`.
"""

from importlib.metadata import version

from rashomon.model import SCHEMA_VERSION, Article, Dossier

__version__ = version("rashomon")


def analyze(inputs, **options) -> Dossier:
    """Analyse files, folders, ``-`` or :class:`Article` objects about one event into a dossier."""
    from rashomon.pipeline import analyze as run

    return run(inputs, **options)


def stance(claim: str, article_text: str) -> str:
    """Whether an article agrees with, disagrees with, discusses, or is unrelated to a claim."""
    from rashomon.align.stance import stance as run

    return run(claim, article_text)


__all__ = ["SCHEMA_VERSION", "Article", "Dossier", "__version__", "analyze", "stance"]
