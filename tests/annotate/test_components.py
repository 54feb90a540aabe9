"""The per-extractor guard: a bug inside an extractor is an internal error, never hidden as an input problem."""

import pytest
import spacy

from rashomon.annotate.components import INTERNAL_ERROR, guarded
from rashomon.annotate.types import annotations_of
from rashomon.errors import InternalError


def broken(doc):
    raise KeyError("no such span")


def test_strict_mode_raises_the_bug_as_an_internal_error(monkeypatch):
    monkeypatch.setenv("RASHOMON_STRICT", "1")
    with pytest.raises(InternalError, match=r"^rashomon_numbers failed: KeyError: 'no such span'$") as raised:
        guarded("rashomon_numbers", broken)(spacy.blank("en")("Forty homes burned."))
    assert isinstance(raised.value.__cause__, KeyError)  # the bug itself stays in the traceback


def test_without_strict_mode_the_bug_is_recorded_as_an_internal_error(monkeypatch):
    monkeypatch.delenv("RASHOMON_STRICT", raising=False)
    doc = guarded("rashomon_numbers", broken)(spacy.blank("en")("Forty homes burned."))
    assert annotations_of(doc).problems == [f"{INTERNAL_ERROR} in rashomon_numbers: KeyError: 'no such span'"]


def test_a_working_extractor_records_nothing(monkeypatch):
    monkeypatch.delenv("RASHOMON_STRICT", raising=False)
    doc = guarded("rashomon_numbers", lambda doc: None)(spacy.blank("en")("Forty homes burned."))
    assert annotations_of(doc).problems == []
