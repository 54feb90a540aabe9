"""Who is speaking: subjects of reporting verbs resolved to named mentions.

A subject can be a name, a pronoun (resolved to the most recent compatible,
preferably subject, mention), a descriptor such as "the former general" or
"the 54-year-old" (resolved to the person it described earlier), or an
anonymous source, which keeps its description.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from rashomon.annotate.lexicon import ANONYMITY_MARKERS, ANONYMOUS_HEADS, ORGANISATION_NOUNS, PERSONAL_PRONOUNS
from rashomon.annotate.types import ACTOR_LABELS, Mention, SpeakerRef

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "parataxis")
AGE_PATTERN = re.compile(r"(\d{1,3})-year-old")


def mention_key(text: str) -> str:
    """A mention's text without possessive ending, case or a leading article, for comparing mentions."""
    text = re.sub(r"(?:'s|')$", "", text.strip()).lower()
    return re.sub(r"^the\s+", "", text)


def entity_mentions(doc: Doc) -> list[Mention]:
    """Named mentions of the kinds that can become actors, each labelled by a vote over the document.

    spaCy often tags one name PERSON in one sentence and ORG or GPE in the next;
    the label a name gets most often in the document wins, and a surname counts
    the votes of the full names it ends.
    """
    ents = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS and any(ch.isalpha() for ch in ent.text)]
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        key = mention_key(ent.text)
        votes.setdefault(key, Counter())[ent.label_] += 1
        words = key.split()
        if ent.label_ == "PERSON" and len(words) > 1:
            votes.setdefault(words[-1], Counter())["PERSON"] += 1
    mentions = []
    for ent in ents:
        counter = votes[mention_key(ent.text)]
        best, count = counter.most_common(1)[0]
        label = best if count > counter[ent.label_] else ent.label_
        mentions.append(Mention(ent.text, label, ent.start_char, ent.end_char, ent.start, ent.end))
    return mentions


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing through control and coordination."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ in CLIMB_DEPS and current.head is not current:
            current = current.head
        else:
            return None
    return None


def phrase_span(token: Token, avoid: Sequence[tuple[int, int]] = ()) -> Span:
    """The noun phrase a token heads, trimmed of edge punctuation and of any part inside ``avoid``."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i + 1
    for start, end in avoid:
        if doc[left].idx < end and start < doc[right - 1].idx + len(doc[right - 1]):
            left, right = min(left, token.i), token.i + 1
            while left > 0 and doc[left - 1].dep_ in ("compound", "flat", "amod", "det") and doc[left - 1].head.i >= token.i:
                left -= 1
            break
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left:right]


def mention_at(token: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The mention a token is part of."""
    for mention in mentions:
        if mention.token_start <= token.i < mention.token_end:
            return mention
    return None


def mention_in(span: Span, mentions: Sequence[Mention], labels: Sequence[str] = ACTOR_LABELS) -> Mention | None:
    """The mention that holds the head of a phrase, else the first of the wanted kinds inside it."""
    head = mention_at(span.root, mentions)
    if head and head.label in labels:
        return head
    for child in span.root.children:
        if child.dep_ in ("appos", "compound", "flat"):
            found = mention_at(child, mentions)
            if found and found.label in labels:
                return found
    return None


def descriptor_words(doc: Doc, mention: Mention) -> set[str]:
    """Nouns, adjectives and ages that describe a mention where it appears."""
    words: set[str] = set()
    head = doc[mention.token_end - 1]
    window = [t for t in doc[max(0, mention.token_start - 4) : mention.token_start] if t.sent == head.sent]
    for token in [*window, *doc[mention.token_start : mention.token_end]]:
        if token.pos_ in ("NOUN", "ADJ", "PROPN"):
            words.add(token.lemma_.lower())
    for child in head.children:
        if child.dep_ in ("appos", "amod", "npadvmod", "nummod", "acl"):
            for token in child.subtree:
                if token.pos_ in ("NOUN", "ADJ", "NUM"):
                    words.add(token.lemma_.lower())
    after = doc[mention.token_end : mention.token_end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].like_num:
        words.add(after[1].text)
    if head.dep_ in SUBJECT_DEPS and head.head.lemma_ == "be":
        for child in head.head.children:
            if child.dep_ == "attr":
                words.update(t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "ADJ"))
    return words


def is_subject(token: Token) -> bool:
    """Whether a name token is (part of) a clause subject."""
    for candidate in (token, token.head):
        if candidate.dep_ in SUBJECT_DEPS:
            return True
        if candidate.dep_ not in ("compound", "flat", "appos", "poss"):
            return False
    return False


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

    def note_speaker(self, position: int, mention: Mention) -> None:
        """Remember a resolved speaker, which makes them salient for later pronouns."""
        self.speakers.append((position, mention))

    def _before(self, position: int, labels: Sequence[str]) -> list[Mention]:
        return [m for m in self.mentions if m.end <= position and m.label in labels]

    def most_salient(self, position: int, labels: Sequence[str]) -> Mention | None:
        """The latest compatible subject or speaker before the sentence at ``position``.

        A name that is only an object or a modifier does not take over from the
        last subject or speaker; it is used only when there is neither.
        """
        doc = self.doc
        around = doc.char_span(position, position + 1, alignment_mode="expand")
        sentence_start = around.sent.start_char if around is not None else position
        candidates = self._before(sentence_start, labels)
        subjects = [m for m in candidates if is_subject(doc[m.token_end - 1])]
        speakers = [(p, m) for p, m in self.speakers if p < sentence_start and m.label in labels]
        best: tuple[int, Mention] | None = None
        if subjects:
            best = (subjects[-1].start, subjects[-1])
        if speakers and (best is None or speakers[-1][0] > best[0]):
            best = speakers[-1]
        if best is not None:
            return best[1]
        return candidates[-1] if candidates else None

    def by_description(self, head: Token, position: int, phrase: str) -> Mention | None:
        """The latest person described earlier with the descriptor's head word or age."""
        wanted = {head.lemma_.lower()}
        age = AGE_PATTERN.search(phrase.replace(" - ", "-").replace(" ", "-"))
        if age:
            wanted = {age.group(1)}
        for mention in reversed(self._before(position, ("PERSON",))):
            if mention not in self._descriptors:
                self._descriptors[mention] = descriptor_words(self.doc, mention)
            if wanted & self._descriptors[mention]:
                return mention
        return None


def is_anonymous(span: Span) -> bool:
    """An unnamed source: "an official", "sources familiar with the talks", "a person who..."."""
    root = span.root
    if root.lemma_.lower() not in ANONYMOUS_HEADS or root.ent_type_:
        return False
    text = span.text.lower()
    if any(marker in text for marker in ANONYMITY_MARKERS):
        return True
    determiners = {child.lower_ for child in root.children if child.dep_ in ("det", "nummod", "amod")}
    return (
        root.tag_ in ("NNS",)
        and not determiners & {"the", "these", "those"}
        or bool(determiners & {"a", "an", "one", "two", "several", "some"})
    )


def known_name(token: Token, discourse: Discourse) -> Mention | None:
    """A mention for a proper noun the tagger missed here but recognised elsewhere in the document."""
    key = token.lower_
    for mention in discourse.mentions:
        words = mention_key(mention.text).split()
        if words and words[-1] == key:
            return Mention(token.text, mention.label, token.idx, token.idx + len(token), token.i, token.i + 1)
    return None


def resolve_subject(subject: Token, discourse: Discourse, quoted: Sequence[tuple[int, int]], span: Span | None = None) -> SpeakerRef:
    """A speaker reference for the subject of a reporting verb (or for a given speaker phrase)."""
    span = phrase_span(subject, quoted) if span is None else span
    surface = span.text
    mention = mention_in(span, discourse.mentions)
    if mention is None and subject.pos_ == "PROPN":
        mention = known_name(subject, discourse)
    if mention is not None and mention.label in ACTOR_LABELS:
        return SpeakerRef(surface, span.start_char, span.end_char, mention=mention)
    lower = subject.lower_
    if subject.pos_ == "PRON":
        kind = PERSONAL_PRONOUNS.get(lower)
        labels = {"PERSON": ("PERSON",), "ORG": ("ORG", "GPE"), "GROUP": ("ORG", "NORP", "GPE")}.get(kind or "", ())
        resolved = discourse.most_salient(subject.idx, labels) if labels else None
        return SpeakerRef(surface, span.start_char, span.end_char, mention=resolved)
    if is_anonymous(span):
        return SpeakerRef(surface, span.start_char, span.end_char, description=" ".join(surface.split()[:16]))
    if subject.pos_ in ("NOUN", "ADJ", "NUM") or AGE_PATTERN.search(surface.replace(" ", "")):
        resolved = discourse.by_description(subject, subject.idx, surface)
        if resolved is None and subject.lemma_.lower() in ORGANISATION_NOUNS:
            resolved = discourse.most_salient(subject.idx, ("ORG",))
        return SpeakerRef(surface, span.start_char, span.end_char, mention=resolved, description=None if resolved else surface)
    return SpeakerRef(surface, span.start_char, span.end_char)
