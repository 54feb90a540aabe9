"""The word lists as data keyed by language: read once from the package's TOML file, checked whole."""

from __future__ import annotations

from importlib import resources

import pytest

from rashomon.annotate.lexicon import ENGLISH, lexicon, read_lexicon, read_units
from rashomon.errors import PackageError


def english_text() -> str:
    return (resources.files("rashomon.annotate.lexicon") / "en.toml").read_text(encoding="utf-8")


def test_english_is_read_once_and_every_list_has_words():
    assert lexicon("en") is ENGLISH
    assert ENGLISH.language == "en"
    empty = [name for name, value in vars(ENGLISH).items() if name != "language" and not value]
    assert empty == []


def test_a_language_without_a_file_is_a_package_problem_named_in_one_line():
    with pytest.raises(PackageError, match=r"^rashomon has no word lists for language 'xx' \(no xx.toml in rashomon.annotate.lexicon\)$"):
        lexicon("xx")


def test_a_file_lacking_a_list_names_it():
    text = english_text().replace("light_verbs = ", "heavy_verbs = ")
    with pytest.raises(PackageError, match=r"^rashomon's en.toml lacks the lists light_verbs$"):
        read_lexicon("en", text)


def test_a_file_with_a_list_no_code_reads_names_it():
    text = english_text().replace("[stance]\n", '[stance]\nspare_words = ["spare"]\n')
    with pytest.raises(PackageError, match=r"^rashomon's en.toml has lists no code reads: spare_words$"):
        read_lexicon("en", text)


def test_a_list_given_in_two_tables_is_refused():
    text = english_text().replace("[stance]\n", '[stance]\nmodals = ["may"]\n')
    with pytest.raises(PackageError, match=r"^rashomon's lexicon gives the list 'modals' twice$"):
        read_lexicon("en", text)


def test_the_file_read_again_gives_the_same_lists():
    assert read_lexicon("en", english_text()) == ENGLISH


def test_titles_are_defined_once_the_role_titles_among_them():
    assert ENGLISH.role_titles <= ENGLISH.titles
    assert ENGLISH.name_titles <= ENGLISH.titles
    assert ENGLISH.role_titles.isdisjoint(ENGLISH.name_titles)  # each title is listed once
    assert {"brigadier", "colonel", "mr", "insp"} <= ENGLISH.titles
    assert "mr" not in ENGLISH.role_titles  # a courtesy title describes no one without a name after it


def test_a_unit_word_is_read_as_the_first_unit_that_lists_it_and_the_canonical_name_is_a_word():
    units = read_units([["length", "m", 0.001, ["m", "metre"]], ["mass", "tonne", 1000, ["t", "m"]]])
    assert units == {
        "m": ("m", "length", 0.001),
        "metre": ("m", "length", 0.001),
        "t": ("tonne", "mass", 1000.0),
        "tonne": ("tonne", "mass", 1000.0),
    }


def test_the_structured_lists_keep_their_shapes():
    assert ENGLISH.units["miles"] == ("mile", "length", 1.609344)
    assert ENGLISH.gender_words["mrs"] == "female" and ENGLISH.gender_words["mr"] == "male"
    assert ENGLISH.role_implies["colonel"] == ("officer",)
    assert frozenset({"bill", "william"}) in ENGLISH.nicknames
    assert ENGLISH.qualifiers[0] == ("at least", "at least")
    assert ENGLISH.month_numbers["december"] == 12
    assert ENGLISH.weekdays.index("monday") == 0  # Python's weekday numbers
    assert ENGLISH.news_agencies["associated press"] == "AP"
