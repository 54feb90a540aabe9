"""The extractors as spaCy pipeline components, registered the spaCy way.

Each component reads and writes ``doc._.rashomon`` (a :class:`DocAnnotations`).
A failure inside one extractor is recorded as an internal error of that document
(not an input problem) and never stops the batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.annotate.claims import extract_claims
from rashomon.annotate.dates import extract_dates
from rashomon.annotate.numbers import extract_numbers
from rashomon.annotate.quotes import extract_quotes
from rashomon.annotate.speakers import entity_mentions
from rashomon.annotate.types import annotations_of
from rashomon.common.nlp import MODEL_PACKAGE, load_pipeline
from rashomon.errors import InternalError

INTERNAL_ERROR = "internal error"
COMPONENTS = ("rashomon_mentions", "rashomon_quotes", "rashomon_numbers", "rashomon_dates", "rashomon_claims")


def guarded(name: str, step: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
    """Run one extractor on a doc, turning an unexpected error into a recorded internal error of that document.

    The error is a bug of rashomon's, not a problem of the input, and is reported as one (``INTERNAL_ERROR``); with
    ``RASHOMON_STRICT=1`` (the test suite sets it) it is raised instead, as an :class:`InternalError` caused by it,
    so that no test passes over a hidden bug.
    """

    def component(doc: Doc) -> Doc:
        try:
            step(doc)
        except Exception as error:  # one document's failure must not stop a batch
            if os.environ.get("RASHOMON_STRICT") == "1":
                raise InternalError(f"{name} failed: {type(error).__name__}: {error}") from error
            annotations_of(doc).problems.append(f"{INTERNAL_ERROR} in {name}: {type(error).__name__}: {error}")
        return doc

    component.__name__ = name
    return component


def _mentions(doc: Doc) -> None:
    annotations_of(doc).mentions = entity_mentions(doc)


def _quotes(doc: Doc) -> None:
    found = annotations_of(doc)
    found.quotes, problems = extract_quotes(doc, found.mentions)
    found.problems.extend(problems)


def _numbers(doc: Doc) -> None:
    annotations_of(doc).numbers = extract_numbers(doc)


def _dates(doc: Doc) -> None:
    annotations_of(doc).dates = extract_dates(doc, doc._.published)


def _claims(doc: Doc) -> None:
    found = annotations_of(doc)
    found.claims = extract_claims(doc, found.mentions, found.quotes, found.numbers, found.dates)


Language.component("rashomon_mentions", func=guarded("mentions", _mentions))
Language.component("rashomon_quotes", func=guarded("quotes", _quotes))
Language.component("rashomon_numbers", func=guarded("numbers", _numbers))
Language.component("rashomon_dates", func=guarded("dates", _dates))
Language.component("rashomon_claims", func=guarded("claims", _claims))


def load_nlp(model: str = MODEL_PACKAGE, extractors: bool = True) -> Language:
    """The English pipeline with rashomon's news components and, unless ``extractors`` is false, its extractors."""
    return load_pipeline(model, COMPONENTS if extractors else ())
