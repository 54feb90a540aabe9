"""rashomon's spaCy components: the names of a title-case headline are cut to the names the body uses."""

from __future__ import annotations

import pytest

from rashomon.common.nlp import load_pipeline

HEADLINE = "Veltrix Enters Cloud Business With Bold Acquisition"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def headline_names(doc) -> list[str]:
    end = doc.text.index("\n")
    return [ent.text for ent in doc.ents if ent.end_char <= end]


def test_headline_name_is_cut_to_the_name_the_body_uses(nlp):
    doc = nlp(f"{HEADLINE}\n\nAnalysts said Veltrix had paid a high price for the cloud company.")
    assert headline_names(doc) == ["Veltrix"]
    with nlp.select_pipes(disable=["rashomon_headline_entities"]):
        assert headline_names(nlp(doc.text)) == [HEADLINE]


def test_unconfirmed_long_headline_name_is_dropped(nlp):
    doc = nlp("Pemberton Bank Cuts Jobs Across Europe\n\nThe lender will close forty branches.")
    assert headline_names(doc) == []


def test_sentence_case_headline_is_left_alone(nlp):
    doc = nlp("Kestrel Dynamics buys Harbin Robotics in record deal\n\nThe companies confirmed the sale.")
    assert {"Kestrel Dynamics", "Harbin Robotics"} <= set(headline_names(doc))
