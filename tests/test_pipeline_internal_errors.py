"""A bug inside one extractor, end to end: the dossier reports it as an internal error naming the article (never as an
input problem) and keeps what the other extractors found; under the suite's strict mode it is raised instead."""

from __future__ import annotations

import pytest

from rashomon.annotate import components
from rashomon.errors import InternalError
from rashomon.pipeline import analyze

STORY = (
    "Storm hits port\n\n"
    'A storm forced the closure of the port on Monday. "We had no choice," said Maria Quintero, the harbour master. '
    "At least 300 people were evacuated, officials said.\n"
)


def broken_numbers(doc):
    raise KeyError("no such span")


@pytest.fixture()
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_an_extractor_bug_is_an_internal_diagnostic_with_the_article_id(story, monkeypatch):
    monkeypatch.delenv("RASHOMON_STRICT", raising=False)
    monkeypatch.setattr(components, "extract_numbers", broken_numbers)
    dossier = analyze([story])
    (article,) = dossier.articles
    assert [(d.source_path, d.stage, d.message) for d in dossier.diagnostics] == [
        (str(story), "internal", f"internal error in numbers: KeyError: 'no such span' (article {article.id})")
    ]
    assert dossier.numbers == [] and dossier.quotes, "the other extractors' findings are kept"


def test_without_the_bug_there_is_no_diagnostic_and_numbers_are_found(story, monkeypatch):
    monkeypatch.delenv("RASHOMON_STRICT", raising=False)
    dossier = analyze([story])
    assert dossier.diagnostics == [] and dossier.numbers and dossier.quotes


def test_strict_mode_raises_the_extractor_bug(story, monkeypatch):
    monkeypatch.setenv("RASHOMON_STRICT", "1")
    monkeypatch.setattr(components, "extract_numbers", broken_numbers)
    with pytest.raises(InternalError, match=r"^numbers failed: KeyError: 'no such span'$"):
        analyze([story])
