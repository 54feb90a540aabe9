"""Who is speaking: subjects of reporting verbs resolved to named mentions.

A subject can be

- a name, or a surname the tagger missed that the article gave in full earlier (resolved to that full name);
- a pronoun ("he said", "she told reporters"): the named subject of a clause that holds it in its own sentence
  ("X said the plan, which he said ..."), else the last named subject, "according to" source or speaker of a
  compatible kind (a person for he/she, an organisation for "it") within ``discourse.PRONOUN_WINDOW_SENTENCES``
  sentences, and of the pronoun's gender when the article or the given-name list shows the person's (a title, a
  gendered noun beside the name, an earlier he/she resolved to them, a given name); kept as the pronoun when the
  latest subject describes an unnamed person ("a student said ...");
- a description or role ("the 61-year-old", "the former naval officer", "the former Colonel", "the mayor",
  "the company's chief executive"): the latest person the article introduced with that word, by apposition
  ("X, a retired colonel"), a title before the name ("Mayor X"), an age ("X, 61") or a role the title implies
  (a colonel is an officer); proper nouns in the description must be in the introduction too ("the mayor of
  Y" is not "Mayor X of Z");
- an anonymous source ("an official who spoke on condition of anonymity"), a description no named person was
  introduced with, a plural or collective credit ("prosecutors", "the family"), a writing ("the statement"), or an
  indefinite description ("a teacher"): these keep their description.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from rashomon.annotate.discourse import AGE_PATTERN, SUBJECT_DEPS, Discourse, known_name, mention_key
from rashomon.annotate.lexicon import ENGLISH
from rashomon.annotate.types import ACTOR_LABELS, Mention, SpeakerRef

ANONYMITY_MARKERS = ENGLISH.anonymity_markers
ANONYMOUS_HEADS = ENGLISH.anonymous_heads
COLLECTIVE_NOUNS = ENGLISH.collective_nouns
COMPASS_WORDS = ENGLISH.compass_words
DOCUMENT_NOUNS = ENGLISH.document_nouns
ORGANISATION_NOUNS = ENGLISH.organisation_nouns
PERSONAL_PRONOUNS = ENGLISH.personal_pronouns
PLACE_NOUNS = ENGLISH.place_nouns
PLACE_PREPOSITIONS = ENGLISH.place_prepositions
PLATFORM_NOUNS = ENGLISH.platform_nouns
POSTING_VERBS = ENGLISH.posting_verbs
PRONOUN_GENDER = ENGLISH.pronoun_gender
ROLE_TITLES = ENGLISH.role_titles
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "parataxis")
# Names in a description that tie it to one introduction: the place or body of a role ("the mayor of Y",
# "the Y chief executive"); nationalities ("the British officer") are descriptions, not ties.
PLACE_OR_BODY = ("GPE", "LOC", "FAC", "ORG")
# A cue beside a name ("near X", "said on X") is read grammar, the tagger's label a guess: a cue counts as many
# votes as a name has mentions in a typical article (about three, as MISSPELLING_MAX_MENTIONS in resolve), so it
# outweighs one article's mistaken labels but not a name typed the same way across many articles.
CUE_VOTES = 3


def entity_mentions(doc: Doc) -> list[Mention]:
    """Named mentions of the kinds that can become actors, each labelled by a vote over the document.

    spaCy often tags one name PERSON in one sentence and ORG or GPE in the next;
    the label a name gets most often in the document wins, a surname counts
    the votes of the full names it ends, and a cue beside a name (a place
    preposition, a platform) counts ``CUE_VOTES``.
    """
    ents = [ent for ent in split_coordinated(doc) if ent.label_ in ACTOR_LABELS and any(ch.isalpha() for ch in ent.text)]
    cues = [type_cue(ent) for ent in ents]
    votes: dict[str, Counter[str]] = {}
    for ent, cue in zip(ents, cues, strict=True):
        key = mention_key(ent.text)
        votes.setdefault(key, Counter())[ent.label_] += 1
        if cue is not None:
            votes[key][cue] += CUE_VOTES
        words = key.split()
        if ent.label_ == "PERSON" and len(words) > 1:
            votes.setdefault(words[-1], Counter())["PERSON"] += 1
    mentions = []
    for ent, cue in zip(ents, cues, strict=True):
        counter = votes[mention_key(ent.text)]
        best, count = counter.most_common(1)[0]
        label = best if count > counter[ent.label_] else ent.label_
        mentions.append(Mention(ent.text, label, ent.start_char, ent.end_char, ent.start, ent.end, cue))
    return mentions


def split_coordinated(doc: Doc) -> list[Span]:
    """The document's entities, with a span the tagger ran over "A and B" cut in two when the document names A or B
    on its own: both parts take the label of the one named alone (coordinated names are of one kind)."""
    alone = {mention_key(ent.text): ent.label_ for ent in doc.ents}
    spans = []
    for ent in doc.ents:
        conjunction = next((t for t in ent[1:-1] if t.lower_ == "and"), None)
        if conjunction is None:
            spans.append(ent)
            continue
        parts = [doc[ent.start : conjunction.i], doc[conjunction.i + 1 : ent.end]]
        known = [alone[key] for part in parts if (key := mention_key(part.text)) in alone and key != mention_key(ent.text)]
        if not known:
            spans.append(ent)
            continue
        spans.extend(Span(doc, part.start, part.end, label=known[0]) for part in parts)
    return spans


def type_cue(ent: Span) -> str | None:
    """The type the words around a name show: a place after "near"/"outside"/"south of"/"the city of", before
    ", <place>" ("X, Texas."), or after "in" and a person's "of" ("Lee, 23, of X") when the tagger took it for a
    person; a platform or account in "said on X", "@X" and "X account"."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "\u2019s", "'"):
        return None
    if ent.text.startswith("@") or (before is not None and before.text == "@"):
        return "ORG"
    if after is not None and after.lemma_.lower() in PLATFORM_NOUNS and ent.root.head.i == after.i:
        return "ORG"
    if before is None:
        return None
    if before.lower_ == "on" and before.head.pos_ in ("VERB", "AUX") and before.head.lemma_.lower() in POSTING_VERBS:
        return "ORG"
    if before.lower_ in PLACE_PREPOSITIONS or (before.lower_ == "in" and ent.label_ == "PERSON"):
        return "GPE"
    if before.lower_ == "of" and ent.start > 1 and doc[ent.start - 2].lemma_.lower() in COMPASS_WORDS | PLACE_NOUNS:
        return "GPE"
    if before.lower_ == "of" and ent.label_ == "PERSON" and (before.head.ent_type_ == "PERSON" or before.head.like_num):
        return "GPE"
    return "GPE" if in_place_before_its_region(ent) else None


def in_place_before_its_region(ent: Span) -> bool:
    """A one-word name followed by a comma and a place that ends the phrase ("Millom, Cumbria, ...", "in X,
    Texas."); longer names are often institutions placed the same way ("X University, New Orleans")."""
    doc = ent.doc
    if (
        len(ent) > 1
        or ent.end + 2 >= len(doc)
        or doc[ent.end].text != ","
        or doc[ent.end + 1].ent_iob_ != "B"
        or doc[ent.end + 1].ent_type_ != "GPE"
    ):
        return False
    region_end = ent.end + 2
    while region_end < len(doc) and doc[region_end].ent_iob_ == "I":
        region_end += 1
    return region_end >= len(doc) or doc[region_end].is_punct


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
            if found and found.label in labels and not describes_common_noun(span.root, child, found):
                return found
    return None


def describes_common_noun(root: Token, child: Token, found: Mention) -> bool:
    """A name modifying a common noun says where or what the speaker is from, not who it is ("the US software
    giant", "the Lisbon mayor", "agency officials", "the <show> star"): the phrase is a description, not that name.
    A body's writing is its own ("a ministry statement"): an organisation on a document noun is the speaker."""
    authored = root.lemma_.lower() in DOCUMENT_NOUNS and found.label == "ORG"
    return root.pos_ == "NOUN" and child.dep_ == "compound" and not authored


def is_plural(head: Token, span: Span) -> bool:
    """A credit that stands for several people or a body of them ("prosecutors", "the three people", "two of our
    members", "her family"): it never becomes one named person."""
    if head.tag_ in ("NNS", "NNPS") or "Plur" in head.morph.get("Number") or head.lemma_.lower() in COLLECTIVE_NOUNS:
        return True
    if head.pos_ == "NUM" and not AGE_PATTERN.search(span.text.replace(" ", "")):
        return True
    return any(child.dep_ == "nummod" and child.lower_ not in ("one", "1") for child in head.children)


def is_indefinite(head: Token) -> bool:
    """A description that brings in someone new ("a spokesman", "an official", "a local man"): not someone the article
    introduced earlier with that word."""
    return any(child.dep_ == "det" and child.lower_ in ("a", "an", "another") for child in head.children)


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


def resolve_subject(subject: Token, discourse: Discourse, quoted: Sequence[tuple[int, int]], span: Span | None = None) -> SpeakerRef:
    """A speaker reference for the subject of a reporting verb (or for a given speaker phrase)."""
    span = phrase_span(subject, quoted) if span is None else span
    surface = span.text
    mention = mention_in(span, discourse.mentions)
    if mention is None and (subject.pos_ == "PROPN" or subject.is_title):
        mention = known_name(subject, discourse)
    if mention is not None and mention.label in ACTOR_LABELS:
        return SpeakerRef(surface, span.start_char, span.end_char, mention=mention)
    lower = subject.lower_
    if subject.pos_ == "PRON":
        kind = PERSONAL_PRONOUNS.get(lower)
        labels = {"PERSON": ("PERSON",), "ORG": ("ORG", "GPE"), "GROUP": ("ORG", "NORP", "GPE")}.get(kind or "", ())
        gender = PRONOUN_GENDER.get(lower)
        resolved = (
            (discourse.governing_subject(subject, labels, gender) or discourse.most_salient(subject.idx, labels, gender))
            if labels
            else None
        )
        if resolved is not None and gender is not None:
            discourse.note_gender(subject.idx, resolved, gender)
        return SpeakerRef(surface, span.start_char, span.end_char, mention=resolved)
    if is_anonymous(span):
        return SpeakerRef(surface, span.start_char, span.end_char, description=" ".join(surface.split()[:16]))
    if subject.lemma_.lower() in DOCUMENT_NOUNS or is_plural(subject, span) or is_indefinite(subject):
        return SpeakerRef(surface, span.start_char, span.end_char, description=surface)
    role_title = subject.pos_ == "PROPN" and subject.lower_ in ROLE_TITLES
    if subject.pos_ in ("NOUN", "ADJ", "NUM") or role_title or AGE_PATTERN.search(surface.replace(" ", "")):
        names = [t.lemma_.lower() for t in span if t.ent_type_ in PLACE_OR_BODY and t.i != subject.i]
        resolved = discourse.by_description(subject, subject.idx, surface, names)
        if resolved is None and subject.lemma_.lower() in ORGANISATION_NOUNS:
            resolved = discourse.most_salient(subject.idx, ("ORG",))
        return SpeakerRef(surface, span.start_char, span.end_char, mention=resolved, description=None if resolved else surface)
    return SpeakerRef(surface, span.start_char, span.end_char)
