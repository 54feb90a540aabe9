"""The MiniLM sentence encoder: unit vectors, and repeated sentences encoded once with the same result."""

import numpy as np

from rashomon.align.embed import DIMENSIONS, encoder

FLOOD = "Floodwater cut off three villages in the valley on Sunday, the regional governor said."
MATCH = "The striker scored twice as the home side won the cup final four goals to one."


def test_vectors_are_unit_length_rows_in_input_order():
    vectors = encoder().encode([FLOOD, MATCH])
    assert vectors.shape == (2, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.allclose(vectors[0], encoder().encode([FLOOD])[0], atol=1e-5)
    assert np.allclose(vectors[1], encoder().encode([MATCH])[0], atol=1e-5)


def test_repeated_sentence_gets_its_vector_in_every_row_it_holds():
    vectors = encoder().encode([FLOOD, MATCH, FLOOD])
    assert np.array_equal(vectors[0], vectors[2])
    assert np.allclose(vectors[1], encoder().encode([MATCH])[0], atol=1e-5)


def test_different_sentences_get_different_vectors():
    flood, match = encoder().encode([FLOOD, MATCH])
    assert float(flood @ match) < 0.5


def test_nothing_to_encode_is_an_empty_matrix():
    assert encoder().encode([]).shape == (0, DIMENSIONS)


def test_known_vectors_are_taken_instead_of_encoding_within_the_block_only():
    given = np.zeros(DIMENSIONS, dtype=np.float32)
    given[0] = 1.0
    with encoder().knowing({FLOOD: given}):
        inside = encoder().encode([FLOOD, MATCH])
    assert np.array_equal(inside[0], given)
    assert np.allclose(inside[1], encoder().encode([MATCH])[0], atol=1e-5)
    assert not np.array_equal(encoder().encode([FLOOD])[0], given)
