"""Actors: entity mentions from all articles joined into one record per real-world actor.

Names are compared as news spell them: accents and transliteration marks folded (unidecode), hyphens and
Arabic article prefixes ("Al-", "el-") aside, titles and leading descriptions ("comedian", "Insp") stripped.
Joins, each with its evidence:

- full names of one person: surnames equal up to a misspelling (or sounding alike, by a phonetic key) and
  compatible first names (initial, nickname, short form, spelling variant);
- a surname or title+surname mention to the one full name its own article gives with that surname;
- a lone surname or first name to the one full name of the run that fits it;
- organisations: generic suffix dropped ("X Group" = "X"), British/American spelling, initials, an acronym
  the article defines right after the name ("the Federal Security Service (FSB)"), a one-word short form of
  exactly one longer organisation name, and a misspelling of a rare long name.

Kept apart: people who only share a first name, a surname that fits two different full names, people who
only share a role, places with near names. A mention's type is decided by a vote over every mention of the
same name in the run, where a cue beside a name ("near X", "said on X", see ``annotate.speakers.type_cue``)
outweighs one article's tagger labels; a rare mistyped spelling of a person's name is retyped to join it, and a
rare spelling of a place one letter and no sound away from a commoner place ("Tamala"/"Tamale") joins it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from jellyfish import metaphone
from rapidfuzz.distance import DamerauLevenshtein
from unidecode import unidecode

from rashomon.annotate.lexicon import ENGLISH
from rashomon.annotate.speakers import CUE_VOTES
from rashomon.annotate.types import Mention
from rashomon.model import MergeReason, MergeRule

ARTICLE_PREFIXES = ENGLISH.article_prefixes
INITIALS_SKIP = ENGLISH.initials_skip
NAME_FORM_ENDINGS = ENGLISH.name_form_endings
NAME_PARTICLES = ENGLISH.name_particles
NICKNAMES = ENGLISH.nicknames
ORG_SUFFIXES = ENGLISH.org_suffixes
SPELLING_VARIANTS = ENGLISH.spelling_variants
TITLES = ENGLISH.titles
TRAILING_TITLES = ENGLISH.trailing_titles
QUALIFIER_WORDS = ENGLISH.org_qualifier_words
COURTESY_GENDER = ENGLISH.courtesy_gender
GENERIC_PLACE_WORDS = ENGLISH.generic_place_words
INNER_ROLES = ENGLISH.inner_roles
ORG_HEADS_OF = ENGLISH.org_heads_of
TITLE_MODIFIERS = ENGLISH.title_modifiers
TRANSLITERATION_FOLDS = ENGLISH.transliteration_folds
# Words that name a kind of body or place, not one: a name made only of them ("Police Department") is no team's
# nickname after a city.
GENERIC_ORG_WORDS = ORG_SUFFIXES | ORG_HEADS_OF | GENERIC_PLACE_WORDS | ENGLISH.organisation_nouns | INITIALS_SKIP

# A spelling seen at most three times in a run (about one article's worth) can be a slip of a commoner one.
MISSPELLING_MAX_MENTIONS = 3
# An acronym follows the name it abbreviates after " (" at most: two characters between the two mentions.
ACRONYM_MAX_GAP = 2
# Acronyms defined in the text are short: "FSB", "USGS", "NAACP" (two to six capitals).
ACRONYM_LETTERS = (2, 6)
# Organisation and place names differ by one letter too often to join short ones ("Gombe"/"Gombi",
# "Iran"/"Iraq"): only names of eight letters or more join on a one-letter slip.
PLACE_SLIP_MIN_LETTERS = 8
# Places of six or seven letters join on a one-letter slip only when it leaves their sound (Metaphone key)
# unchanged, a vowel slip ("Tamala"/"Tamale"); five letters and under stay apart even then ("Gombe"/"Gombi").
PLACE_SOUND_SLIP_MIN_LETTERS = 6
PLACE_TYPES = frozenset(("GPE", "LOC", "FAC"))
# Organisations and buildings: "X Hotel" / "X Intercontinental Hotel" join; places do not ("South Africa" is not
# "South West Africa").
ORG_TYPES = frozenset(("ORG", "FAC"))
# A name of several words misspelled in one article differs by a letter or two in all ("Hermanos Unido" for
# "Hermanos Unidos"), as ``similar_words`` allows in one long word.
MULTI_WORD_SLIP_MAX_EDITS = 2
# A short form of a given name is a prefix at least three letters long that drops two letters or more
# ("Ray"/"Raymond", "Jim"/"Jimmy"); one dropped letter more often makes another name ("Dan"/"Dana").
SHORT_FORM_MIN_LETTERS = 3
SHORT_FORM_MIN_DROPPED = 2
# Given names that sound alike are spelling variants when at most two letters apart ("Jon"/"John",
# "Mohammed"/"Muhammad"); further apart the Metaphone key is too coarse ("Bob"/"Bubba").
FIRST_NAME_SOUND_MAX_EDITS = 2
# In a given name of up to four letters a changed vowel makes another name ("Jan"/"Jon", "Kim"/"Kam"): short
# sound-alike names join only on an added or dropped letter ("Jon"/"John").
SHORT_NAME_LETTERS = 5
# A surname two letters off another ("Strobach"/"Strobeck") is the same person's only with more evidence than a
# one-letter slip: a compatible given name, a rare spelling (at most MISSPELLING_MAX_MENTIONS mentions in the run,
# one article's worth), six letters or more (shorter names two letters apart are mostly other names: "Jones"/
# "Jonas"... "Hall"/"Hill") and the same first RARE_SLIP_SOUND_PREFIX sounds by the Metaphone key.
RARE_SLIP_MIN_LETTERS = 6
RARE_SLIP_MAX_EDITS = 2
RARE_SLIP_SOUND_PREFIX = 3
# A name cut after a role title inside a longer phrase is a given name and a surname, with at most one more
# word (a middle name or a second surname): a longer tail is more often an organisation's name.
INNER_TITLE_NAME_WORDS = (2, 3)
TYPE_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}
QUOTED_NICKNAME = re.compile(r"\s[\"\u201c\u2018'][^\"\u201d\u2019']+[\"\u201d\u2019']\s")
POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")


def clean_name(text: str) -> str:
    """A name without possessive, leading article, titles, descriptions, quoted nickname or extra spaces
    ("President Smith's" -> "Smith", "comedian Ann Lee" -> "Ann Lee", 'Vincent "Chin" Rossi' -> "Vincent Rossi");
    a title word that names a body's field stays before its head ("Finance Department", "Health Ministry")."""
    text = re.sub(r"\s+", " ", text.strip())
    text = POSSESSIVE.sub("", text)
    text = QUOTED_NICKNAME.sub(" ", text)
    words = after_inner_title(text.split(" "))
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() == "the" or is_description_word(words[0])):
        if len(words) == 2 and words[1].lower() in ORG_HEADS_OF | ORG_SUFFIXES:
            break
        words = words[1:]
    while len(words) > 1 and words[-1].lower().rstrip(",") in TRAILING_TITLES:
        words = words[:-1]
    return " ".join(words).strip(" .,-")


def after_inner_title(words: list[str]) -> list[str]:
    """The name after a role title inside a longer phrase, when two or three capitalised words follow it (titles
    among them left out): "Northshire State Prosecutor Ana Ruiz", "Attorney General Ana Ruiz" -> "Ana Ruiz". Words
    that qualify a role or name a body ("State", "General") never cut, so "Texas State University Police" stays whole."""
    for index in range(len(words) - 3, -1, -1):
        role = words[index].lower()
        if not (role in INNER_ROLES or index > 0 and role in TITLES and role not in TITLE_MODIFIERS):
            continue
        tail = words[index + 1 :]
        while tail and tail[0].lower().strip(".") in TITLES:
            tail = tail[1:]
        if len(tail) in INNER_TITLE_NAME_WORDS and all(word[:1].isupper() and word.isalpha() for word in tail):
            return tail
    return words


def is_description_word(word: str) -> bool:
    """A lower-case word before a name that describes the person ("comedian", "warship"), not a particle ("de")."""
    return word.isalpha() and word.islower() and word not in NAME_PARTICLES


def name_key(text: str) -> str:
    """The comparison key of a name: cleaned, transliteration folded, lower-cased, dots and hyphens dropped,
    single letters run together ("U. S." = "U.S." = "us"), British spellings and Arabic article prefixes folded."""
    key = unidecode(clean_name(text)).lower().replace(".", " ").replace("-", " ")
    words = [SPELLING_VARIANTS.get(word, word) for word in key.split()]
    words = [word for index, word in enumerate(words) if not (word in ARTICLE_PREFIXES and index + 1 < len(words))]
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", " ".join(words))


def similar_words(a: str, b: str) -> bool:
    """Same word up to a small misspelling (a transposition or one or two edits in a long word)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    allowed = 1 if max(len(a), len(b)) < 9 else 2
    return DamerauLevenshtein.distance(a, b) <= allowed


def sound_alike(a: str, b: str) -> bool:
    """One letter apart and the same sound by the Metaphone key ("Rait"/"Raite", "Gray"/"Grey", "Smith"/"Smyth")."""
    return a[:1] == b[:1] and DamerauLevenshtein.distance(a, b) <= 1 and metaphone(a) == metaphone(b)


def compatible_first_names(a: str, b: str) -> bool:
    """First names that can be the same person: equal, an initial, a nickname, a short form or a spelling variant."""
    return first_name_relation(a, b) is not None


def first_name_relation(a: str, b: str) -> str | None:
    """How two given names of one person relate, in words ("a nickname", "a transliteration variant"), or None when
    they cannot be one person's."""
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return "an initial" if a[0] == b[0] else None
    if a == b:
        return "the same"
    if frozenset((a, b)) in NICKNAMES:
        return "a nickname"
    short, long = sorted((a, b), key=len)
    if len(short) >= SHORT_NAME_LETTERS and transliterated(a) == transliterated(b):
        return "a transliteration variant"
    if a[0] != b[0] or (long.startswith(short) and long[len(short) :] in NAME_FORM_ENDINGS):
        return None
    if len(short) >= SHORT_FORM_MIN_LETTERS and long.startswith(short) and len(long) - len(short) >= SHORT_FORM_MIN_DROPPED:
        return "a short form"
    if metaphone(a) == metaphone(b) and DamerauLevenshtein.distance(a, b) <= FIRST_NAME_SOUND_MAX_EDITS:
        return "a spelling variant of the same sound" if len(short) >= SHORT_NAME_LETTERS or len(a) != len(b) else None
    if min(len(a), len(b)) >= 4 and DamerauLevenshtein.normalized_similarity(a, b) >= 0.6:
        return "a near spelling"
    return None


def transliterated(name: str) -> str:
    """A given name with the letter groups transliterations write differently folded to one ("yorgos" and
    "giorgos" -> "iorgos", "konstantinos" and "constantinos" -> "constantinos")."""
    for written, folded in TRANSLITERATION_FOLDS:
        name = name.replace(written, folded)
    return name


def initials(key: str) -> set[str]:
    """The initials a long name can be abbreviated to: one letter a word, or short words spelled out
    ("us geological survey" -> ugs, usgs); a leading two-letter country left out too ("us federal harbour
    and canal authority" -> fhca)."""
    words = [word for word in key.split() if word and word not in INITIALS_SKIP]
    found = {"".join(word[0] for word in words), "".join(word if len(word) <= 2 else word[0] for word in words)}
    if len(words) > 2 and len(words[0]) == 2:
        found.add("".join(word[0] for word in words[1:]))
    return found


@dataclass(frozen=True)
class Join:
    """How a name key joined its actor: the key it was joined to, the rule that joined them (a
    :data:`rashomon.model.MergeRule`) and the evidence in words."""

    other: str
    rule: MergeRule
    reason: str


@dataclass
class ActorGroup:
    """The names, surface forms and mentions that make up one actor, and why each name joined it.

    ``joins`` holds, for each key but the first of its cluster, the join that brought it in (together a tree of the
    keys); ``surface_keys`` the key each surface was counted under, and ``linked`` the surfaces joined inside their
    article to a full name of another key (a surname alone).
    """

    type: str
    keys: set[str] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0
    joins: dict[str, Join] = field(default_factory=dict)
    surface_keys: dict[str, str] = field(default_factory=dict)
    linked: dict[str, Join] = field(default_factory=dict)

    def canonical(self) -> str:
        """The fullest commonly used form: most frequent among those with the most words."""
        cleaned = Counter()
        for surface, count in self.surfaces.items():
            cleaned[clean_name(surface)] += count
        longest = max(len(name.split()) for name in cleaned)
        full = [(count, not name.isupper(), name) for name, count in cleaned.items() if len(name.split()) == longest]
        return max(full)[2]


@dataclass
class ResolvedActors:
    """Actor groups and the lookup from a mention to its actor id.

    ``in_article`` holds the joins made inside one article (a surname to the full name that article gives);
    it is looked up first when the mention's article is known.
    """

    groups: dict[str, ActorGroup]
    by_key: dict[str, str]
    in_article: dict[tuple[str, str], str] = field(default_factory=dict)

    def actor_id(self, mention: Mention | None, article_id: str | None = None) -> str | None:
        """The actor a mention belongs to, found by its name key (in its article, when given)."""
        if mention is None:
            return None
        return self.in_article.get((article_id, link_key(mention.text))) or self.by_key.get(name_key(mention.text))


def courtesy_gender(text: str) -> str | None:
    """The gender a courtesy title before a name shows ("Miss Lee" -> female), None without one."""
    first = text.strip().split(" ", 1)[0].lower().rstrip(".")
    return COURTESY_GENDER.get(first)


def link_key(text: str) -> str:
    """The key a mention is joined by inside its article: its name key, with the gender of a courtesy title on a
    lone surname ("Miss Lee" and "Mr Lee" are told apart where the article names two people Lee)."""
    key = name_key(text)
    gender = courtesy_gender(text)
    return f"{key}#{gender}" if gender and key and " " not in key else key


def article_links(mentions: list[tuple[str, Mention]]) -> dict[tuple[str, str], str]:
    """(article id, link key) -> full-name key: a one-word mention joined to the one person its own article
    names in full with that surname ("Jerry Ortiz ... Ortiz"), whatever the tagger labelled the surname; where the
    article names two people with it, a surname with a courtesy title joins the one of them the run shows of
    that gender (a full name with the title, or the title on the surname in an article naming only them), and
    when the run shows none, keeps its title's gender in its key, so that "Miss Lee" never joins an untitled or
    "Mr" Lee of such an article."""
    full: dict[str, set[str]] = defaultdict(set)
    for article_id, mention in mentions:
        key = name_key(mention.text)
        if mention.label == "PERSON" and len(key.split()) > 1:
            full[article_id].add(key)
    fits_of = {}
    genders: dict[str, set[str]] = defaultdict(set)
    for article_id, mention in mentions:
        key, gender = name_key(mention.text), courtesy_gender(mention.text)
        if key and " " not in key:
            fits = [name for name in full[article_id] if name.split()[-1] == key]
            one = bool(fits) and all(same_person(a.split(), b.split()) for a in fits for b in fits)
            fits_of[(article_id, key)] = fits, one
            if gender and one:
                genders[max(fits)].add(gender)
        elif gender and key:
            genders[key].add(gender)
    links = {}
    for article_id, mention in mentions:
        key, place = name_key(mention.text), (article_id, link_key(mention.text))
        if not key or " " in key or place in links:
            continue
        fits, one = fits_of[(article_id, key)]
        gender = courtesy_gender(mention.text)
        if not one and gender:
            shown = [name for name in fits if genders[name] == {gender}]
            fits, one = (shown, True) if len(shown) == 1 else (fits, False)
        if one:
            links[place] = max(fits, key=lambda name: (len(name), name))
        elif gender and len(fits) > 1:
            links[place] = place[1]
    return links


def defined_acronyms(mentions: list[tuple[str, Mention]]) -> dict[str, tuple[str, str]]:
    """Acronym key -> (long-name key, the two as written), from an acronym mention right after the name it
    abbreviates ("the Federal Security Service (FSB)"), when its first letter is the name's."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for article_id, mention in mentions:
        by_article[article_id].append(mention)
    defined = {}
    for found in by_article.values():
        found.sort(key=lambda m: m.start)
        for name, short in pairwise(found):
            letters = short.text.replace(".", "")
            long_key, short_key = name_key(name.text), name_key(short.text)
            if (
                0 < short.start - name.end <= ACRONYM_MAX_GAP
                and letters.isalpha()
                and letters.isupper()
                and ACRONYM_LETTERS[0] <= len(letters) <= ACRONYM_LETTERS[1]
                and " " in long_key
                and long_key[0] == short_key[0]
            ):
                defined.setdefault(short_key, (long_key, f"{name.text} ({short.text})"))
    return defined


def quoted_nicknames(mentions: list[tuple[str, Mention]]) -> dict[str, tuple[set[str], str]]:
    """Nickname key -> (the full-name keys it is given in, one of them as written), from person mentions with a
    nickname in quotes between given name and surname ('Vincent "The Chin" Rossi' -> "chin")."""
    found: dict[str, tuple[set[str], str]] = {}
    for _, mention in mentions:
        quoted = QUOTED_NICKNAME.search(mention.text) if mention.label == "PERSON" else None
        full = name_key(mention.text)
        if quoted is None or not is_full_name(full):
            continue
        nickname = name_key(quoted.group(0).strip()[1:-1])
        if nickname and " " not in nickname:
            found.setdefault(nickname, (set(), mention.text))[0].add(full)
    return found


def vote_types(keyed: Iterable[tuple[str, str, str | None]]) -> dict[str, str]:
    """The type of each name key by majority over all its (key, label, cue) mentions, a cue counting
    ``CUE_VOTES``; surnames inherit full names' votes, a rare non-person spelling of a person's name (a
    one-word surname or a full name) becomes a person, and a rare one-word person spelling of a commoner place
    (no full name ends with it) takes the place's type."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, label, cue in keyed:
        votes[key][label] += 1
        if cue is not None:
            votes[key][cue] += CUE_VOTES
        words = key.split()
        if label == "PERSON" and len(words) > 1:
            votes[words[-1]]["PERSON"] += 1
    types = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    people = [key.split() for key, kind in types.items() if kind == "PERSON" and len(key.split()) > 1]
    surnames = {words[-1] for words in people}
    places = {key for key, kind in types.items() if kind in PLACE_TYPES and " " not in key}
    for key, counter in votes.items():
        if sum(counter.values()) > MISSPELLING_MAX_MENTIONS:
            continue
        words = key.split()
        if types[key] == "PERSON":
            place = slip_of_commoner(key, places, votes) if len(words) == 1 and key not in surnames else None
            types[key] = types[place] if place else "PERSON"
            continue
        single_slip = len(words) == 1 and any(similar_words(key, surname) for surname in surnames)
        named_after = ends_in_surname(words, surnames) and types.get(words[-1], "PERSON") == "PERSON"
        if single_slip or (len(words) > 1 and (any(same_person(words, other) for other in people) or named_after)):
            types[key] = "PERSON"
    return types


def ends_in_surname(words: list[str], surnames: set[str]) -> bool:
    """A name of two or three words that ends in the surname of a person of the run (a word typed a place or an
    organisation on its own is no surname, checked by the caller) and has no word of an organisation's name ("Boone Halvik",
    "Del Monaco" beside "Cheryl Boone Halvik", "Vera Del Monaco")."""
    return len(words) <= 3 and words[-1] in surnames and not set(words) & (ORG_SUFFIXES | ORG_HEADS_OF | GENERIC_PLACE_WORDS)


def slip_of_commoner(key: str, others: set[str], votes: dict[str, Counter[str]]) -> str | None:
    """The one more often voted name of ``others`` that ``key`` is a misspelling of, if there is exactly one
    ("Schnectady" typed a person beside "Schenectady", a place)."""
    fits = [other for other in others if other != key and votes[other].total() > votes[key].total() and similar_words(key, other)]
    return fits[0] if len(fits) == 1 else None


def join_people(
    keys: list[str], counts: Counter[str] | None = None, nicknames: dict[str, tuple[set[str], str]] | None = None
) -> tuple[list[set[str]], dict[str, Join]]:
    """Cluster PERSON name keys: full names by spelling, a surname of two words onto the one full name it ends,
    then lone names (a surname, "del Rio", or a first name) onto exactly one full name, and a nickname the text gives
    in quotes inside one person's name (``nicknames``: key -> full-name keys, as written) onto that person unless the
    name alone fits someone else; with the join that brought each key but the first of a cluster in.

    Candidates are looked up by the first letter of the surname (a
    misspelling keeps the initial letter), so the cost stays near-linear.
    """
    full = sorted((k for k in keys if is_full_name(k)), key=lambda k: (-len(k), k))
    single = sorted(k for k in keys if not is_full_name(k))
    clusters: list[set[str]] = []
    joins: dict[str, Join] = {}
    index_of: dict[str, int] = {}
    by_surname: dict[str, list[list[str]]] = defaultdict(list)
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for key in full:
        words = key.split()
        candidates = by_surname[words[-1][:1]]
        join = next((full_name_join(words, other) for other in candidates if same_person(words, other)), None)
        if join is None and counts is not None:
            join = one_rare_slip_of(words, candidates, counts, index_of)
        if join is None:
            join = one_tail_of(words, candidates, index_of)
        add_to_cluster(key, join, clusters, joins, index_of)
        by_surname[words[-1][:1]].append(words)
        by_first[words[0][:1]].append(words)
    lone: dict[str, list[str]] = defaultdict(list)
    for key in single:
        join = one_person_nickname(key, lone_name_join(key, by_surname, by_first, index_of), (nicknames or {}).get(key), index_of)
        if join is None:
            join = next(
                (
                    Join(other, "lone_name_slip", "one name alone, the same up to a slip")
                    for other in lone[key[:1]]
                    if similar_words(key, other)
                ),
                None,
            )
            lone[key[:1]].append(key)
        add_to_cluster(key, join, clusters, joins, index_of)
    return clusters, joins


def add_to_cluster(key: str, join: Join | None, clusters: list[set[str]], joins: dict[str, Join], index_of: dict[str, int]) -> None:
    """Put a key in the cluster of the key it joined (keeping the join), or in a new cluster of its own."""
    if join is None:
        index_of[key] = len(clusters)
        clusters.append({key})
        return
    index_of[key] = index_of[join.other]
    clusters[index_of[key]].add(key)
    joins[key] = join


def full_name_join(words: list[str], other: list[str]) -> Join:
    """The join of two full names of one person (``same_person``), its reason saying how surnames and given names differ."""
    surname = (
        "same surname"
        if words[-1] == other[-1]
        else "surname misspelled"
        if similar_words(words[-1], other[-1])
        else "surname spelled another way, same sound"
    )
    given = first_name_relation(words[0], other[0])
    if given == "the same":
        reason = f"same given name, {surname}" if words[-1] != other[-1] else "same given name and surname, other middle names or initials"
    else:
        reason = f"{surname}, given name {given}"
    return Join(" ".join(other), "full_name_variant", reason)


def one_person_nickname(key: str, join: Join | None, nickname: tuple[set[str], str] | None, index_of: dict[str, int]) -> Join | None:
    """The join of a lone name that the text gives in quotes inside full names ('Vincent "Chin" Rossi') to the one
    person those names are, else ``join`` (the name's join by surname or given name); None when the two disagree
    (a nickname that is also another person's surname is no evidence)."""
    if nickname is None:
        return join
    full_keys, written = nickname
    people = {index_of[full] for full in full_keys if full in index_of}
    if len(people) != 1 or (join is not None and index_of[join.other] not in people):
        return None
    return Join(min(full_keys), "quoted_nickname", f"a nickname the text gives in quotes inside the name: '{written}'")


def lone_name_join(key: str, by_surname, by_first, index_of: dict[str, int]) -> Join | None:
    """The join of a lone surname (or a surname with its particle) or a lone given name to the one cluster of full
    names that fits it, None when none or several do."""
    surname = key.split()[-1]
    by_surname_fit = {
        index_of[" ".join(other)]: " ".join(other)
        for other in by_surname[surname[:1]]
        if similar_words(surname, other[-1]) or sound_alike(surname, other[-1])
    }
    if by_surname_fit:
        if len(by_surname_fit) > 1:
            return None
        (other,) = by_surname_fit.values()
        exact = other.split()[-1] == surname
        return Join(
            other,
            "lone_surname",
            "surname alone, and one person of the run has it" if exact else "surname alone, a slip of one person's surname",
        )
    if " " in key or len(key) <= 1:
        return None
    by_first_fit = {index_of[" ".join(other)]: " ".join(other) for other in by_first[key[:1]] if compatible_first_names(key, other[0])}
    if len(by_first_fit) != 1:
        return None
    (other,) = by_first_fit.values()
    return Join(
        other,
        "lone_given_name",
        f"given name alone, and one person of the run fits it (given name {first_name_relation(key, other.split()[0])})",
    )


def is_full_name(key: str) -> bool:
    """A given name and a surname ("ann lee"), not a surname with its particle ("del rio") or one word."""
    words = key.split()
    return len(words) > 1 and words[0] not in NAME_PARTICLES


def one_tail_of(words: list[str], candidates: list[list[str]], index_of: dict[str, int]) -> Join | None:
    """The join to the one longer full name (one cluster) this two-or-more-word name ends ("boone isaacs" in "cheryl boone isaacs")."""
    fits = {index_of[" ".join(other)]: " ".join(other) for other in candidates if len(other) > len(words) and other[-len(words) :] == words}
    if len(fits) != 1:
        return None
    return Join(next(iter(fits.values())), "name_tail", "the last words of one longer name of the run")


def one_rare_slip_of(words: list[str], candidates: list[list[str]], counts: Counter[str], index_of: dict[str, int]) -> Join | None:
    """The cluster of the one full name this full name is two letters of a long surname off, one of the two seen
    rarely, the surname keeping its first sounds and the given names compatible ("Wilmer Strobeck" once,
    "Wilmar Strobach")."""
    if len(words[-1]) < RARE_SLIP_MIN_LETTERS:
        return None
    sound = metaphone(words[-1])[:RARE_SLIP_SOUND_PREFIX]
    fits = {
        index_of[" ".join(other)]: other
        for other in candidates
        if min(counts[" ".join(words)], counts[" ".join(other)]) <= MISSPELLING_MAX_MENTIONS
        and DamerauLevenshtein.distance(words[-1], other[-1]) <= RARE_SLIP_MAX_EDITS
        and metaphone(other[-1])[:RARE_SLIP_SOUND_PREFIX] == sound
        and compatible_first_names(words[0], other[0])
    }
    if len(fits) != 1:
        return None
    (other,) = fits.values()
    given = first_name_relation(words[0], other[0])
    return Join(
        " ".join(other), "rare_surname_slip", f"a rare spelling two letters off a long surname, same first sounds, given name {given}"
    )


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same surname up to a misspelling or a sound-alike spelling, and compatible first names."""
    if not (similar_words(a[-1], b[-1]) or sound_alike(a[-1], b[-1])):
        return False
    return compatible_first_names(a[0], b[0])


@dataclass
class OrganisationLookups:
    """The names an organisation, place or group key can join, by what it may share with them; filled as keys are
    clustered, longest first, each lookup giving the first key (or, by cluster, the keys) seen with that feature."""

    types: dict[str, str]
    leading_the: frozenset[str] | set[str]
    by_core: dict[str, str] = field(default_factory=dict)
    by_initials: dict[tuple[str, str], Join] = field(default_factory=dict)
    by_long: dict[tuple[str, str, str], str] = field(default_factory=dict)
    by_word: dict[str, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))
    by_ends: dict[tuple[str, str], dict[int, str]] = field(default_factory=lambda: defaultdict(dict))
    by_place_tail: dict[str, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, key: str, match: int) -> None:
        """Record a clustered key (in cluster ``match``) under each feature a later, shorter key may share with it."""
        types, words = self.types, key.split()
        self.by_core.setdefault(organisation_core(key), key)
        if len(words) >= 2:
            for letters in initials(key):
                self.by_initials.setdefault((letters, types[key]), Join(key, "initials", "the initials of a longer name of the same type"))
                self.by_long.setdefault((letters, words[-1], types[key]), key)
                if key in self.leading_the:
                    with_the = Join(key, "initials", "the initials of a longer name of the same type with its leading 'The'")
                    self.by_initials.setdefault((f"t{letters}", types[key]), with_the)
            if types[key] == "ORG":
                for word in {words[0], words[-1]} - ORG_SUFFIXES - INITIALS_SKIP:
                    self.by_word[word].setdefault(match, key)
                for cut in range(1, len(words)):
                    tail = words[cut:]
                    if types.get(" ".join(words[:cut])) in PLACE_TYPES and not set(tail) <= GENERIC_ORG_WORDS:
                        self.by_place_tail[" ".join(tail)].setdefault(match, key)
        if len(words) >= 3 and types[key] in ORG_TYPES:
            self.by_ends[(words[0], words[-1])].setdefault(match, key)


def join_organisations(
    keys: list[str],
    types: dict[str, str],
    counts: Counter[str],
    acronyms: dict[str, tuple[str, str]],
    leading_the: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[set[str]], dict[str, Join]]:
    """Cluster organisation, place and group keys (one pool, so a name the tagger typed two ways can join):
    generic suffix dropped ("X Group" = "X"), initials of the long form (same type), an acronym defined in the
    text, the same initials and last word ("us geological survey" = "united states geological survey"), a
    one-word short form of exactly one longer organisation name, a rare misspelling of a long name, and the words
    after a place of the run in exactly one organisation name ("Red Sox" in "Boston Red Sox" beside "Boston"); a
    name some article writes with a leading "The" (``leading_the``) has its initials with the T too ("THR"); with
    the join that brought each key but the first of a cluster in."""
    clusters: list[set[str]] = []
    joins: dict[str, Join] = {}
    index_of: dict[str, int] = {}
    seen = OrganisationLookups(types, leading_the)
    for key in sorted(keys, key=lambda k: (-len(k), k)):
        core = organisation_core(key)
        join = None
        if core in seen.by_core:
            join = Join(seen.by_core[core], "organisation_variant", organisation_variant_reason(key, seen.by_core[core]))
        if join is None and " " in key:
            join = next(
                (
                    Join(seen.by_long[(letters, key.split()[-1], types[key])], "initials_and_last_word", "the same initials and last word")
                    for letters in initials(key)
                    if (letters, key.split()[-1], types[key]) in seen.by_long
                ),
                None,
            )
        if join is None and " " not in key:
            join = one_word_match(key, types, counts, seen.by_initials, seen.by_word, index_of, acronyms)
        if join is None and " " in key:
            join = multi_word_match(key, types, counts, seen.by_ends, index_of)
        if join is None and types[key] == "ORG" and len(seen.by_place_tail.get(key, ())) == 1:
            after_place = next(iter(seen.by_place_tail[key].values()))
            join = Join(after_place, "name_after_place", "the name after a place of the run in exactly one organisation name")
        add_to_cluster(key, join, clusters, joins, index_of)
        seen.add(key, index_of[key])
    return clusters, joins


def organisation_variant_reason(key: str, other: str) -> str:
    """Why two organisation keys with one core (``organisation_core``) are one organisation, in words."""
    words, others = key.split(), other.split()
    extra = sorted(set(words) ^ set(others))
    if extra and set(extra) <= ORG_SUFFIXES:
        return f"the same name with or without the generic word{'s' if len(extra) > 1 else ''} '{' '.join(extra)}'"
    if {words[0], others[0]} & ORG_HEADS_OF and "of" in words + others:
        return "the same name, 'Department of X' written 'X Department'"
    return "the same name with or without a place qualifier after it"


def multi_word_match(key, types, counts, by_ends, index_of) -> Join | None:
    """The join of a two-word organisation name, if any: to the one longer organisation name with the same
    first and last words ("Dorvan Bank" in "Dorvan Investment Bank"), else to the name of as many words it is a rare
    misspelling of ("Hermanos Unido" beside "Hermanos Unidos")."""
    words = key.split()
    ends = by_ends.get((words[0], words[-1]), {})
    if len(words) == 2 and types[key] in ORG_TYPES and len(ends) == 1:
        return Join(next(iter(ends.values())), "first_and_last_word", "the first and last words of exactly one longer organisation name")
    fits = {index: other for other, index in index_of.items() if misspelled_long_name(key, other, counts)}
    if len(fits) != 1:
        return None
    return Join(next(iter(fits.values())), "long_name_slip", "a rare spelling a letter or two off a commoner name of as many words")


def misspelled_long_name(key: str, other: str, counts: Counter[str]) -> bool:
    """Two names of as many words (two or more), each word the same up to a slip (``similar_words``), at most
    ``MULTI_WORD_SLIP_MAX_EDITS`` letters apart in all, the rarer seen at most ``MISSPELLING_MAX_MENTIONS`` times."""
    words, others = key.split(), other.split()
    if len(words) != len(others) or key == other or not all(similar_words(a, b) for a, b in zip(words, others, strict=True)):
        return False
    rare, common = sorted((key, other), key=lambda k: counts[k])
    if counts[rare] > MISSPELLING_MAX_MENTIONS or counts[common] <= counts[rare]:
        return False
    return DamerauLevenshtein.distance(key, other) <= MULTI_WORD_SLIP_MAX_EDITS


def organisation_core(key: str) -> str:
    """An organisation name without generic suffixes or a trailing place qualifier after a two-word head
    ("green party" -> "green", "xavier university of louisiana" -> "xavier university"), a "head of X" name
    written as "X head" ("department of the treasury" -> "treasury department")."""
    words = [w for w in key.split() if w not in ORG_SUFFIXES] or key.split()
    if len(words) >= 3 and words[0] in ORG_HEADS_OF and words[1] == "of":
        words = [*(w for w in words[2:] if w != "the"), words[0]]
    for index, word in enumerate(words):
        if word in QUALIFIER_WORDS and index >= 2:
            return " ".join(words[:index])
    return " ".join(words)


def one_word_match(key, types, counts, by_initials, by_word, index_of, acronyms) -> Join | None:
    """The join of a one-word organisation or place key, if any: to the name an acronym is defined for in the text or
    a long name of the same type it gives the initials of; for organisations to exactly one longer organisation name
    it is the first or last word of; else to the long name it is a rare misspelling of."""
    if key in acronyms and acronyms[key][0] in index_of:
        long_key, written = acronyms[key]
        return Join(long_key, "acronym_defined", f"acronym defined in the text: '{written}'")
    if len(key) >= 2 and (key, types[key]) in by_initials:
        return by_initials[(key, types[key])]
    if types[key] == "ORG" and len(by_word.get(key, ())) == 1:
        return Join(next(iter(by_word[key].values())), "short_form", "the first or last word of exactly one longer organisation name")
    for other in index_of:
        if " " not in other and misspelled_place_or_name(key, other, types, counts):
            return Join(other, "place_or_name_slip", "a rare spelling one letter off a commoner one")
    return None


def misspelled_place_or_name(key: str, other: str, types: dict[str, str], counts: Counter[str]) -> bool:
    """Two one-word names one letter apart, the rarer seen at most ``MISSPELLING_MAX_MENTIONS`` times and the
    other more often: long names on the slip alone, places of six or seven letters when they also sound alike."""
    rare, common = sorted((key, other), key=lambda k: counts[k])
    if counts[rare] > MISSPELLING_MAX_MENTIONS or counts[common] <= counts[rare] or key[0] != other[0]:
        return False
    if DamerauLevenshtein.distance(key, other) > 1:
        return False
    if len(rare) >= PLACE_SLIP_MIN_LETTERS:
        return True
    both_places = types[key] in PLACE_TYPES and types[other] in PLACE_TYPES
    return both_places and len(rare) >= PLACE_SOUND_SLIP_MIN_LETTERS and metaphone(key) == metaphone(other)


def resolve_actors(mentions: list[tuple[str, Mention]]) -> ResolvedActors:
    """Resolve (article id, mention) pairs from a whole run into actors."""
    links = article_links(mentions)
    keyed, cues = [], []
    for article_id, mention in mentions:
        key = name_key(mention.text)
        if key:
            linked = links.get((article_id, link_key(mention.text)))
            keyed.append((article_id, mention, linked or key, "PERSON" if linked else mention.label))
            cues.append(None if linked else mention.cue)
    types = vote_types((key, label, cue) for (_, _, key, label), cue in zip(keyed, cues, strict=True))
    counts = Counter(key for _, _, key, _ in keyed)
    people = sorted({key for _, _, key, _ in keyed if types[key] == "PERSON"})
    others = sorted({key for _, _, key, _ in keyed if types[key] != "PERSON"})
    clusters, joins = join_people(people, counts, quoted_nicknames(mentions))
    leading_the = {name_key(mention.text) for _, mention in mentions if mention.text.strip().startswith("The ")}
    organisations, organisation_joins = join_organisations(others, types, counts, defined_acronyms(mentions), leading_the)
    clusters, joins = clusters + organisations, joins | organisation_joins
    key_to_group: dict[str, ActorGroup] = {}
    for cluster in clusters:
        votes: Counter[str] = Counter()
        for key in cluster:
            votes[types[key]] += counts[key]
        group = ActorGroup(votes.most_common(1)[0][0], set(cluster), joins={key: joins[key] for key in cluster if key in joins})
        for key in cluster:
            key_to_group[key] = group
    for article_id, mention, key, _ in keyed:
        group = key_to_group[key]
        surface = POSSESSIVE.sub("", mention.text.strip())
        group.surfaces[surface] += 1
        group.articles.add(article_id)
        group.mentions += 1
        if name_key(mention.text) == key or "#" in key:
            group.surface_keys.setdefault(surface, key)
        else:
            group.linked.setdefault(surface, Join(key, "surname_in_article", in_article_reason(mention.text)))
    used: Counter[str] = Counter()
    by_key: dict[str, str] = {}
    groups: dict[str, ActorGroup] = {}
    for group in sorted({id(g): g for g in key_to_group.values()}.values(), key=lambda g: (-g.mentions, g.canonical())):
        slug = re.sub(r"[^a-z0-9]+", "-", unidecode(group.canonical()).lower()).strip("-") or "actor"
        base = f"{TYPE_PREFIX.get(group.type, 'actor')}:{slug}"
        used[base] += 1
        actor_id = base if used[base] == 1 else f"{base}-{used[base]}"
        groups[actor_id] = group
        by_key.update(dict.fromkeys(group.keys, actor_id))
    in_article = {place: by_key[key] for place, key in links.items()}
    return ResolvedActors(groups, by_key | unambiguous_links(in_article, by_key), in_article)


def in_article_reason(text: str) -> str:
    """Why a surname alone (with or without a courtesy title) was joined inside its article, in words."""
    if courtesy_gender(text):
        return "a courtesy title and surname, in an article naming one person of that title's gender with this surname"
    return "surname alone, in an article that names one person with it in full"


def merge_reasons(group: ActorGroup) -> list[MergeReason]:
    """Why each surface of an actor but its name joined it, most frequent first: a surname its article ties to a
    full name, the join that brought its key in (the joins re-rooted at the name's key, so each points towards the
    name), or, for one of several surfaces of one key, the same name as that key's commonest surface."""
    name = group.canonical()
    root = name_key(name) if name_key(name) in group.keys else group.surface_keys.get(name, min(group.keys))
    shown = {root: name}
    for surface, _ in group.surfaces.most_common():
        if surface in group.surface_keys:
            shown.setdefault(group.surface_keys[surface], surface)
    towards_name = rooted_joins(root, group.joins)
    reasons = []
    for surface in sorted(group.surfaces, key=lambda s: (-group.surfaces[s], s)):
        if surface == name:
            continue
        key = group.surface_keys.get(surface)
        if key is None:
            join = group.linked[surface]
            reasons.append(MergeReason(alias=surface, joined_to=shown[join.other], rule=join.rule, reason=join.reason))
        elif shown[key] != surface:
            reasons.append(MergeReason(alias=surface, joined_to=shown[key], rule="same_name", reason=folding_reason(surface, shown[key])))
        elif key in towards_name:
            join = towards_name[key]
            reasons.append(MergeReason(alias=surface, joined_to=shown[join.other], rule=join.rule, reason=join.reason))
    return reasons


def rooted_joins(root: str, joins: dict[str, Join]) -> dict[str, Join]:
    """The joins of one actor's keys (a tree) turned to point towards ``root``: key -> its join to the next key on
    the way to the root. The reasons read both ways, so a turned join keeps its rule and reason."""
    neighbours: dict[str, list[tuple[str, Join]]] = defaultdict(list)
    for key, join in joins.items():
        neighbours[key].append((join.other, join))
        neighbours[join.other].append((key, join))
    towards: dict[str, Join] = {}
    seen, queue = {root}, [root]
    while queue:
        key = queue.pop()
        for other, join in neighbours[key]:
            if other not in seen:
                seen.add(other)
                towards[other] = Join(key, join.rule, join.reason)
                queue.append(other)
    return towards


def folding_reason(surface: str, other: str) -> str:
    """Why two surfaces with one name key are one name, in words."""
    if surface.lower() == other.lower():
        return "the same name in other capitals"
    if clean_name(surface).lower() == clean_name(other).lower():
        return "the same name with a title, description, article or nickname around it"
    if unidecode(clean_name(surface)).lower() == unidecode(clean_name(other)).lower():
        return "the same name with accents or transliteration marks folded"
    return "the same name once hyphens, dots, 'Al-' prefixes and British spellings are folded"


def unambiguous_links(in_article: dict[tuple[str, str], str], by_key: dict[str, str]) -> dict[str, str]:
    """Surname keys joined inside articles that every article joined to one actor and that stand for no
    actor of their own: found without knowing the article too."""
    targets: dict[str, set[str]] = defaultdict(set)
    for (_, key), actor_id in in_article.items():
        targets[key].add(actor_id)
    return {key: next(iter(ids)) for key, ids in targets.items() if len(ids) == 1 and key not in by_key and "#" not in key}
