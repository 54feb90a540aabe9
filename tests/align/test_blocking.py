"""Blocking: which claim pairs are proposed to the relation rules (hand-built claims, no model load)."""

import pytest

from rashomon.align.blocking import frame_pairs
from rashomon.align.relation import ClaimView
from rashomon.model import Claim, NumberClaim


def population(value, about, article, start=10):
    return NumberClaim(
        id=f"{article}:n{start}",
        article_id=article,
        value=value,
        dimension="people",
        measure="population",
        about=about,
        text=f"{value:g}",
        sentence="",
        start_char=start,
        end_char=start + 3,
    )


def claim_view(row, text, number):
    claim = Claim(
        id=f"{number.article_id}:c{row}",
        article_id=number.article_id,
        text=text,
        status="asserted",
        number_ids=[number.id],
        start_char=0,
        end_char=len(text),
    )
    return ClaimView(claim, (number,), f"origin:{number.article_id}", None, None, row)


@pytest.mark.parametrize(
    ("second_bearer", "proposed"),
    [
        ("tamale", True),  # the same place's population, however differently the sentence is built
        ("quintero", False),  # twin: populations of two places are two frames
        ("increment", False),  # twin: a figure added on top of another belongs to no thing
    ],
)
def test_figures_of_one_frame_of_a_named_thing_meet_without_shared_actors(second_bearer, proposed):
    first = claim_view(0, "Tamale's population of 177 million is young.", population(177e6, "tamale", "a"))
    second = claim_view(1, "The region, with some 160 million people, votes soon.", population(160e6, second_bearer, "b"))
    assert ((0, 1) in frame_pairs([first, second])) is proposed


def test_figures_without_a_bearer_are_left_to_the_other_blocks():
    first = claim_view(0, "Some 177 million people voted.", population(177e6, None, "a"))
    second = claim_view(1, "Some 160 million people voted.", population(160e6, None, "b"))
    assert frame_pairs([first, second]) == set()
