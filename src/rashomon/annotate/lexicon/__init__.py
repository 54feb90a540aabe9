"""The word lists of news language that every stage reads, as data keyed by language (in the manner of textacy's
constants and spaCy's ``lang/<code>`` folders).

Each language's lists are one TOML file beside this module (``en.toml``), each list documented there; ``lexicon(code)``
reads a file once and gives a frozen :class:`Lexicon`. Adding a language is adding its file with the same keys, no code.
rashomon analyses English only today (ingest refuses other languages), so the extractors read :data:`ENGLISH`; the
language is :attr:`rashomon.model.Article.language` (and ``Doc.lang_``) when a second one comes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

from rashomon.errors import PackageError

Unit = tuple[str, str, float]  # (canonical name, dimension, factor to the dimension's base unit)
Opposites = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class Lexicon:
    """One language's word lists; each field is the list of the same key in ``<code>.toml``, where it is documented."""

    language: str
    # speech
    speech_verbs: frozenset[str]
    indirect_speech_verbs: frozenset[str]
    first_second_person: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymity_markers: tuple[str, ...]
    posting_verbs: frozenset[str]
    platform_nouns: frozenset[str]
    lemma_suffixes: tuple[tuple[str, str], ...]
    # claims
    denial_verbs: frozenset[str]
    denied_nouns: frozenset[str]
    denial_phrases: tuple[str, ...]
    claim_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    modals: frozenset[str]
    report_verbs: frozenset[str]
    report_adverbs: frozenset[str]
    hedge_words: frozenset[str]
    hedge_phrases: tuple[str, ...]
    negations: frozenset[str]
    opposite_predicates: tuple[Opposites, ...]
    attribute_values: dict[str, tuple[str, str]]  # a word -> (its attribute class, its value)
    light_verbs: frozenset[str]
    update_cues: tuple[str, ...]
    # stance
    refute_words: frozenset[str]
    discuss_words: frozenset[str]
    stance_stop_words: frozenset[str]
    # actors
    organisation_nouns: frozenset[str]
    pronouns: frozenset[str]
    place_prepositions: frozenset[str]
    compass_words: frozenset[str]
    role_titles: frozenset[str]
    role_implies: dict[str, tuple[str, ...]]
    name_titles: frozenset[str]
    trailing_titles: frozenset[str]
    name_particles: frozenset[str]
    article_prefixes: frozenset[str]
    org_suffixes: frozenset[str]
    org_qualifier_words: frozenset[str]
    initials_skip: frozenset[str]
    name_form_endings: frozenset[str]
    transliteration_folds: tuple[tuple[str, str], ...]
    title_modifiers: frozenset[str]
    org_heads_of: frozenset[str]
    inner_roles: frozenset[str]
    generic_place_words: frozenset[str]
    group_description_heads: frozenset[str]
    collective_nouns: frozenset[str]
    document_nouns: frozenset[str]
    courtesy_gender: dict[str, str]
    nicknames: frozenset[frozenset[str]]
    personal_pronouns: dict[str, str]
    pronoun_gender: dict[str, str]
    gender_words: dict[str, str]
    spelling_variants: dict[str, str]
    # sources
    media_words: frozenset[str]
    news_agencies: dict[str, str]
    credit_before: tuple[str, ...]
    credit_after: tuple[str, ...]
    # numbers
    qualifiers: tuple[tuple[str, str], ...]
    multipliers: tuple[str, ...]
    scale_words: tuple[str, ...]
    filler_words: frozenset[str]
    people_nouns: frozenset[str]
    people_verbs: frozenset[str]
    aggregate_nouns: frozenset[str]
    time_nouns: frozenset[str]
    direction_words: frozenset[str]
    size_adjectives: frozenset[str]
    increment_after: frozenset[str]
    increment_before: frozenset[str]
    weight_verbs: frozenset[str]
    label_nouns: frozenset[str]
    place_nouns: frozenset[str]
    population_nouns: frozenset[str]
    residence_verbs: frozenset[str]
    magnitude_words: frozenset[str]
    location_verbs: frozenset[str]
    units: dict[str, Unit]
    small_numbers: dict[str, float]
    scales: dict[str, int]
    unit_offsets: dict[str, float]
    currencies: dict[str, str]
    measure_classes: dict[str, frozenset[str]]
    # dates
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_verbs: frozenset[str]
    time_shift_leading: tuple[str, ...]
    time_shift_clause: tuple[str, ...]

    @property
    def titles(self) -> frozenset[str]:
        """Every word before a name that says what a person is, not who: the role titles and the other name titles."""
        return self.role_titles | self.name_titles

    @property
    def month_numbers(self) -> dict[str, int]:
        """Each month's name and its number (January is 1)."""
        return {name: number for number, name in enumerate(self.months, 1)}


def read_units(rows: list[list]) -> dict[str, Unit]:
    """Each word of a unit and the unit it writes; a word listed by two units is the first one's."""
    units: dict[str, Unit] = {}
    for dimension, canonical, factor, words in rows:
        for word in (*words, canonical.lower()):
            units.setdefault(word, (canonical, dimension, float(factor)))
    return units


def read_role_implies(groups: list[dict]) -> dict[str, tuple[str, ...]]:
    """Each role and the nouns it implies, from groups of roles that imply the same nouns."""
    return {role: tuple(group["implies"]) for group in groups for role in group["roles"]}


def read_gender_words(genders: dict[str, list[str]]) -> dict[str, str]:
    """Each gendered word and its gender, from a list of words per gender."""
    return {word: gender for gender, words in genders.items() for word in words}


# Lists whose file shape is not the field's: how each is read. The others follow their field's type (a TOML array
# becomes a frozenset or a tuple, a table a dict).
READERS = {
    "units": read_units,
    "role_implies": read_role_implies,
    "gender_words": read_gender_words,
    "lemma_suffixes": lambda pairs: tuple(tuple(pair) for pair in pairs),
    "qualifiers": lambda pairs: tuple(tuple(pair) for pair in pairs),
    "transliteration_folds": lambda pairs: tuple(tuple(pair) for pair in pairs),
    "nicknames": lambda pairs: frozenset(frozenset(pair) for pair in pairs),
    "opposite_predicates": lambda pairs: tuple((frozenset(one), frozenset(other)) for one, other in pairs),
    "attribute_values": lambda classes: {word: (name, group[0]) for name, groups in classes.items() for group in groups for word in group},
    "measure_classes": lambda classes: {name: frozenset(words) for name, words in classes.items()},
}


def read_list(name: str, kind: str, value):
    """One list of the file as its field holds it."""
    if name in READERS:
        return READERS[name](value)
    if kind.startswith("frozenset"):
        return frozenset(value)
    if kind.startswith("tuple"):
        return tuple(value)
    return dict(value)


def flatten(sections: dict[str, dict]) -> dict:
    """The lists of every table of the file in one mapping (the tables only group them for reading)."""
    lists: dict = {}
    for section in sections.values():
        for name, value in section.items():
            if name in lists:
                raise PackageError(f"rashomon's lexicon gives the list {name!r} twice")
            lists[name] = value
    return lists


@cache
def lexicon(language: str) -> Lexicon:
    """The word lists of ``language`` (an ISO 639-1 code such as "en"), read once per process."""
    source = resources.files(__package__) / f"{language}.toml"
    if not source.is_file():
        raise PackageError(f"rashomon has no word lists for language {language!r} (no {source.name} in rashomon.annotate.lexicon)")
    return read_lexicon(language, source.read_text(encoding="utf-8"))


@cache
def given_name_genders(language: str) -> dict[str, str]:
    """Given names (lower case) and the gender they are borne by, from ``<language>_given_names.tsv`` (its header
    says where the list comes from); empty for a language without one."""
    source = resources.files(__package__) / f"{language}_given_names.tsv"
    if not source.is_file():
        return {}
    rows = (line.split("\t") for line in source.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in rows}


def read_lexicon(language: str, text: str) -> Lexicon:
    """A :class:`Lexicon` from the text of a language's TOML file; a list missing, unknown or given twice is a broken
    package (an unknown list is most often a misspelt one)."""
    lists = flatten(tomllib.loads(text))
    wanted = {field.name: field.type for field in fields(Lexicon) if field.name != "language"}
    if missing := sorted(set(wanted) - set(lists)):
        raise PackageError(f"rashomon's {language}.toml lacks the lists {', '.join(missing)}")
    if unknown := sorted(set(lists) - set(wanted)):
        raise PackageError(f"rashomon's {language}.toml has lists no code reads: {', '.join(unknown)}")
    return Lexicon(language=language, **{name: read_list(name, kind, lists[name]) for name, kind in wanted.items()})


ENGLISH = lexicon("en")


def verb_lemma(token, words: frozenset[str]) -> str | None:
    """The token's lemma if it is in ``words``, also where the tagger's lemma is wrong ("raged" -> "rag")."""
    lemma = token.lemma_.lower()
    return lemma if lemma in words else word_lemma(token.lower_, words)


def word_lemma(word: str, words: frozenset[str]) -> str | None:
    """The lemma in ``words`` of an inflected lower-case word form, by the lexicon's inflection endings ("denied" ->
    "deny", "disputing" -> "dispute"), else None; also for text read without a spaCy parse."""
    for suffix, replacement in ENGLISH.lemma_suffixes:
        if word.endswith(suffix) and (candidate := word[: len(word) - len(suffix)] + replacement) in words:
            return candidate
    return None
