"""One document's memory of who it has named and how it described them, against which a pronoun ("she said") or a
description ("the 61-year-old") is resolved to an earlier mention (see :mod:`rashomon.annotate.speakers`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from rashomon.annotate.lexicon import ENGLISH, given_name_genders
from rashomon.annotate.types import Mention

GENDER_WORDS = ENGLISH.gender_words
# Heads of a subject phrase that describe one person ("the student", "an Islamic fighter", "the actress").
PERSON_DESCRIPTION_HEADS = (
    ENGLISH.people_nouns | ENGLISH.anonymous_heads | ENGLISH.role_titles | frozenset(ENGLISH.gender_words) | frozenset(ENGLISH.role_implies)
)
GIVEN_NAME_GENDERS = given_name_genders(ENGLISH.language)
TITLES = ENGLISH.titles
ROLE_IMPLIES = ENGLISH.role_implies
SUBJECT_DEPS = ("nsubj", "nsubjpass")
AGE_PATTERN = re.compile(r"(\d{1,3})-year-old")
# A pronoun speaker refers to someone named or quoted at most this many sentences before its own: on ECB+
# topics 1-35 (scripts/eval_coref.py, docs/benchmarks.md) the rule linked gold pronouns 62.5 % right with 4
# sentences, against 61.0 % with 1 and 61.1 % with 8 or no limit (from 4 to 8 sentences: 3 more right, 5 more wrong).
PRONOUN_WINDOW_SENTENCES = 4


def mention_key(text: str) -> str:
    """A mention's text without possessive ending, case or a leading article, for comparing mentions."""
    text = re.sub(r"(?:'s|')$", "", text.strip()).lower()
    return re.sub(r"^the\s+", "", text)


def descriptor_words(doc: Doc, mention: Mention) -> set[str]:
    """Nouns, adjectives and ages that describe a mention where it appears."""
    words: set[str] = set()
    head = doc[mention.token_end - 1]
    window = [t for t in doc[max(0, mention.token_start - 4) : mention.token_start] if t.sent == head.sent and not is_possessor(t)]
    for token in [*window, *doc[mention.token_start : mention.token_end]]:
        if token.pos_ in ("NOUN", "ADJ", "PROPN"):
            words.add(token.lemma_.lower().rstrip("."))
    for child in head.children:
        if child.dep_ in ("appos", "amod", "npadvmod", "nummod", "acl"):
            for token in child.subtree:
                if token.pos_ in ("NOUN", "ADJ", "NUM", "PROPN"):
                    words.add(token.lemma_.lower())
    after = doc[mention.token_end : mention.token_end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].like_num:
        words.add(after[1].text)
    if head.dep_ in SUBJECT_DEPS and head.head.lemma_ == "be":
        for child in head.head.children:
            if child.dep_ == "attr":
                words.update(t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "ADJ"))
    return words | {implied for word in words for implied in ROLE_IMPLIES.get(word, ())}


def is_possessor(token: Token) -> bool:
    """Whether a word belongs to a possessive before a name, which describes someone else ("the star's rep X": X is
    a rep, not the star; "the former star's rep X")."""
    owner = token.head if token.dep_ in ("amod", "compound", "det") else token
    return token.tag_ == "POS" or owner.dep_ == "poss"


def gender_shown(words: set[str]) -> str | None:
    """The gender a name's descriptor words show ("mrs", "spokeswoman"), or None when none or both."""
    shown = {GENDER_WORDS[word] for word in words if word in GENDER_WORDS}
    return shown.pop() if len(shown) == 1 else None


def given_name_gender(mention: Mention) -> str | None:
    """The gender a person's given name is borne by ("Karen Diaz" is a woman), from the given-name list; None for
    a surname alone, a name the list lacks or one borne by both."""
    words = [w for w in mention_key(mention.text).split() if w not in TITLES and w.rstrip(".") not in TITLES]
    return GIVEN_NAME_GENDERS.get(words[0]) if len(words) > 1 else None


def person_key(mention: Mention) -> str:
    """The surname a person mention is known by in its article, to gather what the article shows of them."""
    words = mention_key(mention.text).split()
    return words[-1] if words else ""


def is_subject(token: Token) -> bool:
    """Whether a name token is (part of) a clause subject, the source of "according to X", who is as much the
    one speaking as a subject of "said", or a name in a sentence with no verb ("Not for Lee of Leeds."), which is
    what that sentence is about (a headline or dateline, with no full stop, is not such a sentence)."""
    if token.sent.text.rstrip().endswith(".") and not any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return True
    for candidate in (token, token.head):
        if candidate.dep_ in SUBJECT_DEPS or is_credited_source(candidate):
            return True
        if candidate.dep_ not in ("compound", "flat", "appos", "poss"):
            return False
    return False


def is_person_description(token: Token) -> bool:
    """The main-clause subject that describes one person without naming them ("the student said", "an aide said"):
    the latest such subject is what a following he/she refers to, unless its description leads back to a name."""
    return (
        token.dep_ in SUBJECT_DEPS
        and token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and not token.ent_type_
        and token.lemma_.lower() in PERSON_DESCRIPTION_HEADS
        and token.head.dep_ == "ROOT"
        and not any(child.dep_ in ("compound", "appos", "poss") and child.ent_type_ for child in token.children)
        and not beside_name(token)
    )


def beside_name(token: Token) -> bool:
    """Whether a description phrase stands in apposition right after a name ("Lee, a local expert, said")."""
    start = token.left_edge.i
    return start >= 2 and token.doc[start - 1].text == "," and token.doc[start - 2].ent_type_ == "PERSON"


def is_credited_source(token: Token) -> bool:
    """Whether a token is the object of "according to" ("according to chief executive X")."""
    to = token.head
    return token.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


class Discourse:
    """Resolves pronouns and descriptors in one document against its earlier mentions."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]], out_of_flow: Sequence[tuple[int, int]] = ()
    ):
        self.doc = doc
        skip = [*quoted, *out_of_flow]
        self.mentions = [m for m in mentions if not any(s <= m.start < e for s, e in skip)]
        covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
        missed = [
            found
            for token in doc
            if token.pos_ == "PROPN" and token.i not in covered and is_subject(token) and not any(s <= token.idx < e for s, e in skip)
            if (found := known_name(token, self)) is not None
        ]
        self.mentions = sorted(self.mentions + missed, key=lambda m: m.start)
        self.speakers: list[tuple[int, Mention]] = []
        self._descriptors: dict[Mention, set[str]] = {}
        self._sentence_starts = [sentence.start_char for sentence in doc.sents]
        self._pronoun_genders: list[tuple[int, str, str]] = []
        self.described_subjects = [
            (token.idx, self.by_description(token, token.idx, token.text))
            for token in doc
            if is_person_description(token) and not any(s <= token.idx < e for s, e in skip)
        ]

    def note_speaker(self, position: int, mention: Mention) -> None:
        """Remember a resolved speaker, which makes them salient for later pronouns."""
        self.speakers.append((position, mention))

    def note_gender(self, position: int, mention: Mention, gender: str) -> None:
        """Remember that a he/she at ``position`` was resolved to this person: later pronouns see their gender."""
        self._pronoun_genders.append((position, person_key(mention), gender))

    def _before(self, position: int, labels: Sequence[str]) -> list[Mention]:
        return [m for m in self.mentions if m.end <= position and m.label in labels]

    def _descriptors_of(self, mention: Mention) -> set[str]:
        if mention not in self._descriptors:
            self._descriptors[mention] = descriptor_words(self.doc, mention)
        return self._descriptors[mention]

    def sentence_index(self, position: int) -> int:
        """The index of the sentence a character position falls in."""
        return max(0, bisect_right(self._sentence_starts, position) - 1)

    def gender_of(self, mention: Mention, position: int) -> str | None:
        """The person's gender as the article shows it before ``position``: titles and gendered nouns beside any
        mention of the same surname, the given name of any of them, and he/she already resolved to them; None when
        unknown or contradictory."""
        key = person_key(mention)
        same = [m for m in self.mentions if m.end <= position and person_key(m) == key]
        words = set().union(*(self._descriptors_of(m) for m in same))
        shown = {gender_shown(words), *(given_name_gender(m) for m in [*same, mention] if m.label == "PERSON")} - {None}
        shown |= {gender for at, person, gender in self._pronoun_genders if at < position and person == key}
        return shown.pop() if len(shown) == 1 else None

    def most_salient(self, position: int, labels: Sequence[str], gender: str | None = None) -> Mention | None:
        """The latest compatible subject or speaker before the sentence at ``position``, at most
        ``PRONOUN_WINDOW_SENTENCES`` sentences back, and of ``gender`` unless the article shows none for them.

        A name that is only an object or a modifier does not take over from the
        last subject or speaker; it is used only when there is neither.
        """
        doc = self.doc
        current = self.sentence_index(position)
        sentence_start = self._sentence_starts[current] if self._sentence_starts else position
        earliest = self._sentence_starts[max(0, current - PRONOUN_WINDOW_SENTENCES)] if self._sentence_starts else 0

        def fits(at: int, mention: Mention) -> bool:
            return earliest <= at < sentence_start and (gender is None or self.gender_of(mention, position) in (None, gender))

        candidates = [m for m in self._before(sentence_start, labels) if fits(m.start, m)]
        subjects = [(m.start, m) for m in candidates if is_subject(doc[m.token_end - 1])]
        speakers = [(p, m) for p, m in self.speakers if m.label in labels and fits(p, m)]
        described = [(p, m) for p, m in self.described_subjects if "PERSON" in labels and earliest <= p < sentence_start]
        best = max([*subjects, *speakers, *described], key=lambda pair: pair[0], default=None)
        if best is not None:
            return best[1] if best[1] is None or fits(best[0], best[1]) else None
        return candidates[-1] if candidates else None

    def governing_subject(self, pronoun: Token, labels: Sequence[str], gender: str | None = None) -> Mention | None:
        """The named subject of a clause that holds the pronoun's own clause, before it in the same sentence ("Lee
        said the plan, which he said was new, ..."), or of an adverbial clause before it ("While Lee told us ..., he
        said"): a pronoun in what a person says or does refers to that person before anyone named in earlier
        sentences. The pronoun's gender must fit."""
        for ancestor in pronoun.ancestors:
            clauses = [ancestor, *(c for c in ancestor.children if c.dep_ == "advcl" and c.i < pronoun.i)]
            for child in (child for clause in clauses for child in clause.children):
                if child.dep_ not in SUBJECT_DEPS or child.i >= pronoun.i:
                    continue
                found = next((m for m in self.mentions if m.token_start <= child.i < m.token_end), None)
                if found is not None and found.label in labels and (gender is None or self.gender_of(found, pronoun.idx) in (None, gender)):
                    return found
        return None

    def by_description(self, head: Token, position: int, phrase: str, names: Sequence[str] = ()) -> Mention | None:
        """The latest person described earlier with the descriptor's head word or age, and with every proper
        noun the description names ("the mayor of Y" needs a mayor introduced with Y)."""
        wanted = {head.lemma_.lower()}
        age = AGE_PATTERN.search(phrase.replace(" - ", "-").replace(" ", "-"))
        if age:
            wanted = {age.group(1)}
        for mention in reversed(self._before(position, ("PERSON",))):
            described = self._descriptors_of(mention)
            if wanted & described and all(name in described for name in names):
                return mention
        return None


def known_name(token: Token, discourse: Discourse) -> Mention | None:
    """A mention for a proper noun the tagger missed here but recognised elsewhere in the document: the
    token's place, with the text of the fullest name it ends ("Quintero" said -> "Mara Quintero")."""
    key = token.lower_
    fits = [mention for mention in discourse.mentions if mention_key(mention.text).split()[-1:] == [key]]
    if not fits:
        return None
    named = max(fits, key=lambda m: len(m.text.split()))
    return Mention(named.text, named.label, token.idx, token.idx + len(token), token.i, token.i + 1)
