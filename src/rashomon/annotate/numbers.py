"""Numeric claims: value, unit, dimension, what is counted and the qualifier.

Candidates come from spaCy's CARDINAL, QUANTITY, MONEY and PERCENT spans plus
number tokens the tagger left unlabelled ("12million", "a dozen"); values and
units are parsed with the lexicon in :mod:`rashomon.annotate.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rashomon.annotate.lexicon import ENGLISH, verb_lemma
from rashomon.annotate.types import NumberHit

CURRENCIES = ENGLISH.currencies
DIRECTION_WORDS = ENGLISH.direction_words
INCREMENT_AFTER = ENGLISH.increment_after
INCREMENT_BEFORE = ENGLISH.increment_before
LABEL_NOUNS = ENGLISH.label_nouns
LOCATION_VERBS = ENGLISH.location_verbs
MAGNITUDE_WORDS = ENGLISH.magnitude_words
MEASURE_CLASSES = ENGLISH.measure_classes
PEOPLE_NOUNS = ENGLISH.people_nouns
PLACE_NOUNS = ENGLISH.place_nouns
POPULATION_NOUNS = ENGLISH.population_nouns
QUALIFIERS = ENGLISH.qualifiers
RESIDENCE_VERBS = ENGLISH.residence_verbs
SCALES = ENGLISH.scales
SIZE_ADJECTIVES = ENGLISH.size_adjectives
SMALL_NUMBERS = ENGLISH.small_numbers
UNITS = ENGLISH.units
WEIGHT_VERBS = ENGLISH.weight_verbs
MULTIPLIERS = ENGLISH.multipliers
SCALE_WORDS = ENGLISH.scale_words
FILLER_WORDS = ENGLISH.filler_words
PEOPLE_VERBS = ENGLISH.people_verbs
AGGREGATE_NOUNS = ENGLISH.aggregate_nouns
TIME_NOUNS = ENGLISH.time_nouns

NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
NUMERIC = re.compile(r"^(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?P<scale>[a-z]+)?$")
ATTACHED_SCALE = re.compile(r"^\d+(?:\.\d+)?(?:million|billion|thousand|trillion|bn|mn|m|k)$", re.IGNORECASE)
# "60m" with no currency: metres, unless a noun follows ("3m people"); with a currency sign ("£88m") a million.
METRE_OR_MILLION = re.compile(r"\d\s?m$", re.IGNORECASE)
ATTACHED_UNIT = re.compile(r"(\d)([a-z]+)\b")
PLUS_SUFFIX = re.compile(r"(?:-plus|\+)$")
NAME_LIKE = re.compile(r"[A-Za-z]+-?\d|\d+[A-Za-z]{2,}\d|^No\.?\d", re.IGNORECASE)
# A scale reading glued to its scale's name ("measuring magnitude-5.9"), which the tokenizer keeps as one word.
MAGNITUDE_TOKEN = re.compile(r"\bmagnitude-(?=\d)", re.IGNORECASE)
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
NUMBER_WORDS = {word: value for word, value in SMALL_NUMBERS.items() if word not in ("a", "an", "single", "dozens", "score", "couple")}
# Entity types that name a place or a thing a quantity can belong to.
BEARER_ENTITIES = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "EVENT", "PRODUCT", "WORK_OF_ART"}
COUNT_DEPS = ("nummod", "quantmod", "amod", "compound", "nmod", "appos")


@dataclass(frozen=True)
class ParsedQuantity:
    """The value, qualifier and unit read from a number phrase."""

    value: float
    qualifier: str | None
    unit: str | None
    dimension: str | None
    unit_words: int


def read_qualifier(words: list[str]) -> tuple[str | None, int]:
    """The qualifier at the start of a phrase and how many words it takes."""
    joined = " ".join(words[:4])
    for phrase, qualifier in sorted(QUALIFIERS, key=lambda item: -len(item[0])):
        if joined == phrase or joined.startswith(phrase + " "):
            return qualifier, len(phrase.split())
    return None, 0


def word_number(words: list[str]) -> tuple[float | None, int]:
    """Value of a number written in words ("thirty-one", "two hundred and five", "half a million")."""
    total, current, used = 0.0, None, 0
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        parts = word.split("-")
        if word in ("a", "an"):
            if current is None and following in (*MULTIPLIERS, *SCALE_WORDS):
                current = 1.0
            elif current != 0.5:
                break
        elif parts and all(part in NUMBER_WORDS for part in parts):
            value = float(sum(NUMBER_WORDS[part] for part in parts))
            if word in MULTIPLIERS:
                current = (current or 1.0) * value
            elif word == "half":
                current = 0.5 if current is None else current + 0.5
            else:
                current = (current or 0.0) + value
        elif word in SCALE_WORDS and current is not None:
            if word == "hundred":
                current *= 100
            else:
                total += current * SCALES[word]
                current = 0.0
        elif word == "and" and current is not None and following in NUMBER_WORDS:
            pass
        else:
            break
        used = index + 1
    if current is None and total == 0:
        return None, 0
    return total + (current or 0.0), used


def digit_number(words: list[str]) -> tuple[float | None, int]:
    """Value of a number in digits, with an attached or following scale ("3million", "1.5 bn")."""
    if not words:
        return None, 0
    match = NUMERIC.match(words[0].replace(",", "") if "," not in words[0][-1:] else words[0])
    if match is None:
        match = NUMERIC.match(words[0].replace(",", ""))
    if match is None:
        return None, 0
    value = float(match.group("num").replace(",", ""))
    used = 1
    scale = match.group("scale")
    if scale:
        if scale not in SCALES:
            return value, 1
        value *= SCALES[scale]
    elif len(words) > 1 and words[1] in SCALES and words[1] not in ("m", "b", "t"):
        value *= SCALES[words[1]]
        used = 2
    return value, used


def parse_quantity(text: str) -> ParsedQuantity | None:
    """Read a number phrase such as "at least 40,000", "some 120 miles", "$3.5bn", "a dozen"."""
    lowered = text.lower().replace("\u2013", "-").strip()
    plus = bool(PLUS_SUFFIX.search(lowered))
    lowered = PLUS_SUFFIX.sub("", lowered)
    currency = None
    for symbol in ("us$", "$", "£", "€", "¥", "₹"):
        if symbol in lowered:
            currency = CURRENCIES[symbol]
            lowered = lowered.replace(symbol, " ")
    lowered = MAGNITUDE_TOKEN.sub("", re.sub(r"(\d)(%)", r"\1 \2", lowered)).replace("-magnitude", " magnitude")
    lowered = ATTACHED_UNIT.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if m.group(2) in UNITS and m.group(2) not in SCALES else m.group(0), lowered
    )
    words = re.sub(r"^an? mere ", "", lowered).split()
    while words and words[0] in FILLER_WORDS:
        words = words[1:]
    qualifier, skip = read_qualifier(words)
    words = words[skip:]
    while words and words[0] in FILLER_WORDS:
        words = words[1:]
    value, used = digit_number(words)
    if value is None:
        value, used = word_number(words)
    if value is None:
        return None
    rest = words[used:]
    unit = dimension = None
    unit_words = 0
    for size in (2, 1):
        phrase = " ".join(rest[:size])
        if len(rest) >= size and phrase in UNITS:
            unit, dimension, _ = UNITS[phrase]
            unit_words = size
            break
        if len(rest) >= size and phrase in CURRENCIES:
            currency, unit_words = CURRENCIES[phrase], size
            break
    if currency:
        unit, dimension = currency, "currency"
    if plus and qualifier is None:
        qualifier = "more than"
    return ParsedQuantity(value, qualifier, unit, dimension, unit_words)


def counted_noun(number_token: Token, span: Span) -> Token | None:
    """The noun a number counts: its head in "40,000 protesters", the object of "of" in "one of the camps"."""
    token = number_token
    while token.dep_ in ("quantmod", "compound", "nummod") and token.head.i != token.i and token.head.like_num:
        token = token.head
    head = token.head
    if (
        token.dep_ in COUNT_DEPS
        and head.pos_ in ("NOUN", "PROPN")
        and head.i != token.i
        and (head.i >= span.end or head.i < span.start or span.label_ in ("CARDINAL", ""))
    ):
        return head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return subject_of_change(token)


def subject_of_change(token: Token) -> Token | None:
    """What a figure measures in "the number of arrests rose to 14" or "the death toll stood at 40"."""
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "at"):
        verb = token.head.head
    elif token.dep_ in ("attr", "dobj"):
        verb = token.head
    else:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    subject = subjects[0]
    if subject.lemma_.lower() in AGGREGATE_NOUNS:
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return subject


def noun_phrase_words(noun: Token) -> str:
    """The counted noun with its compound modifiers and an "of" complement ("barrels of oil")."""
    left = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    words = [*(c.text for c in left), noun.text]
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                words += ["of", objects[0].text]
        break
    return " ".join(words).lower()


def measure_class(words: list[str]) -> str | None:
    """The class of people count that any of these words names ("killed" -> "dead"), if any."""
    for name, members in MEASURE_CLASSES.items():
        if any(word in members for word in words):
            return name
    return None


def measure_of(number_head: Token, noun: Token | None) -> str | None:
    """What a number measures: a class of people count (dead, injured, arrested...) read from the counted noun,
    its modifiers, a relative clause or the verb it is the subject or object of; else the counted noun's lemma.

    "three people were killed", "killing three", "three dead" and "the death toll rose to three" all measure "dead";
    "three people were injured" measures "injured", so the two are never compared.
    """
    anchor = noun if noun is not None else number_head
    words = [anchor.lemma_.lower(), anchor.lower_]
    words += [w for c in anchor.children if c.dep_ in ("amod", "acomp", "relcl", "acl", "compound") for w in (c.lower_, c.lemma_.lower())]
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        verb = anchor.head if anchor.dep_ != "pobj" else anchor.head.head
        words += [verb.lemma_.lower(), verb.lower_]
        words += [c.lower_ for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.i != anchor.i]
    found = measure_class(words)
    if found is not None:
        return found
    return noun.lemma_.lower() if noun is not None else None


def distance_from(span: Span) -> str | None:
    """For a distance, the place it is measured from ("120 miles from the capital", "40 km south of X" -> "distance from
    capital"): distances to different places are different measures."""
    doc = span.doc
    index = span.end
    while index < len(doc) and index < span.end + 6 and (doc[index].text in "()" or doc[index].like_num or doc[index].lower_ in UNITS):
        index += 1
    while index < len(doc) and index < span.end + 6 and doc[index].lower_ in DIRECTION_WORDS | {"of"}:
        if doc[index].lower_ in ("of", "from", "outside"):
            place = next((t for t in doc[index + 1 : index + 5] if t.pos_ in ("PROPN", "NOUN")), None)
            if place is None:
                return None
            entity = next((e for e in doc.ents if e.start <= place.i < e.end), None)
            return f"distance from {(entity.text if entity is not None else place.lemma_).lower()}"
        index += 1
    return None


def bearer_of(number_head: Token, noun: Token | None, span: Span) -> str | None:
    """The thing a quantity is a property of, when it is not the reported event itself.

    Climbs the parse from the number over units, currencies, the counted noun and function words: a noun
    reached first is the bearer ("the city, 400 km east of the capital" -> "city", "a $200 million offer" ->
    "offer", "the island's population of 120,000" -> "population"); a verb reached first means the quantity
    belongs to the event ("the column stopped 120 miles from the capital" -> None). A location phrase set off by a
    comma right after a noun ("the city, 400 km east of") describes that noun, whatever the parser attached it to;
    so does a size after a noun ("a crater 12 metres wide") and a size said of a subject ("the rock was 3 feet wide").
    """
    doc = span.doc
    located = span.end < len(doc) and doc[span.end].lower_ in DIRECTION_WORDS
    if located and span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].pos_ in ("NOUN", "PROPN"):
        return place_name(doc[span.start - 2])
    if span.end < len(doc) and doc[span.end].lower_ in SIZE_ADJECTIVES and span.start >= 1 and doc[span.start - 1].pos_ == "NOUN":
        return place_name(doc[span.start - 1])
    token = number_head
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ == "ADJ" and head.dep_ == "acomp":
            subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            return place_name(subjects[0]) if subjects else None
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in LOCATION_VERBS and head.dep_ in ("acl", "relcl", "advcl") and head.head.pos_ in ("NOUN", "PROPN"):
                return place_name(head.head)
            if head.lemma_.lower() in LOCATION_VERBS:
                placed = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
                return place_name(placed[0]) if placed else None
            return None
        skip = head.like_num or head.lower_ in UNITS or head.lower_ in CURRENCIES or (noun is not None and head.i == noun.i)
        if head.pos_ in ("NOUN", "PROPN") and not skip:
            return place_name(head)
        token = head
    return None


def entity_of(token: Token) -> Span | None:
    """The named entity (of a kind a quantity can belong to) that holds the token, if any."""
    if token.ent_type_ not in BEARER_ENTITIES:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def place_name(token: Token) -> str:
    """The name of the thing a quantity belongs to, so that one place or thing gives one bearer however an article
    names it: "Qeshm Island", "Qeshm island", "Qeshm, a ... island" and "the island of Qeshm" all give "qeshm island"
    or "qeshm" (compared by words in :func:`rashomon.align.relation.same_bearer`). The named entity that holds the
    token, the proper noun it is in apposition with or that follows it after "of", its proper-noun compounds, else
    its lemma."""
    entity = entity_of(token)
    if entity is not None:
        words = entity.text.lower().split()
        return " ".join(words[1:] if words[0] == "the" and len(words) > 1 else words)
    if token.pos_ == "PROPN":
        return token.lower_
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return place_name(token.head)
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return place_name(child)
        if child.dep_ == "prep" and child.lower_ == "of" and token.lemma_.lower() in PLACE_NOUNS:
            named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if named:
                return place_name(named[0])
    compounds = [c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([*compounds, token.lower_]) if compounds else token.lemma_.lower()


def is_place(token: Token) -> bool:
    return token.lemma_.lower() in PLACE_NOUNS or token.ent_type_ in ("GPE", "LOC")


def population_place(anchor: Token) -> Token | None:
    """The place whose population a figure gives, in the phrases news use for it: "a city of 1.2 million people",
    "the island, home to 120,000 people", "Nigeria, with some 160 million people", "1.5 million people live in the
    capital", "Nigeria's population of 177 million", "Qeshm has a population of 100,000". None for other figures."""
    head = anchor.head
    if anchor.dep_ == "pobj":
        owner = head.head
        if head.lower_ == "of" and owner.lemma_.lower() == "population":
            possessors = [c for c in owner.children if c.dep_ == "poss"]
            if possessors:
                return possessors[0]
            if owner.dep_ == "dobj" and owner.head.lemma_.lower() == "have":
                subjects = [c for c in owner.head.children if c.dep_ == "nsubj"]
                return subjects[0] if subjects else None
            return None
        if head.lower_ == "of" and is_place(owner):
            return owner
        if head.lower_ == "with" and anchor.lemma_.lower() in POPULATION_NOUNS and (is_place(owner) or owner.pos_ == "PROPN"):
            return owner
        if head.lower_ == "to" and owner.lower_ == "home" and owner.i >= 2 and anchor.doc[owner.i - 1].text == ",":
            return anchor.doc[owner.i - 2]
    if anchor.dep_ == "nsubj" and head.lemma_.lower() in RESIDENCE_VERBS:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                places = [c for c in prep.children if c.dep_ == "pobj" and is_place(c)]
                if places:
                    return places[0]
    return None


def is_magnitude(span: Span) -> bool:
    """A reading on a scale ("a 6.1-magnitude quake", "magnitude 5.9", "6.1 on the Richter scale", "magnitude-5.9")."""
    doc = span.doc
    near = doc[max(0, span.start - 2) : min(len(doc), span.end + 4)]
    return any(t.lower_ in MAGNITUDE_WORDS or MAGNITUDE_TOKEN.match(t.text) for t in near)


def magnitude_bearer(number_head: Token) -> str | None:
    """What a scale reading is the magnitude of: the noun it describes ("a 6.1-magnitude quake", "an earthquake of
    magnitude 5.9"), or the noun a measuring verb describes ("an earthquake measuring 5.9", "the quake, which
    measured 6.1"); an aftershock's magnitude so stays apart from the main shock's."""
    token = number_head
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
                return place_name(head.head)
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            return place_name(subjects[0]) if subjects else None
        if (
            head.pos_ in ("NOUN", "PROPN")
            and head.lower_ not in MAGNITUDE_WORDS
            and head.lower_ != "scale"
            and not MAGNITUDE_TOKEN.match(head.text)
        ):
            return place_name(head)
        token = head
    return None


def candidate_spans(doc: Doc) -> list[Span]:
    """Entity spans that carry numbers, plus unlabelled number tokens outside dates and names."""
    spans = [ent for ent in doc.ents if ent.label_ in NUMBER_LABELS]
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end) if not is_bare_count(ent)}
    for token in doc:
        if token.i in covered:
            continue
        if (
            ATTACHED_SCALE.match(token.text)
            or MAGNITUDE_TOKEN.match(token.text)
            or (
                token.like_num
                and token.dep_ in ("nummod", "nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos")
                and token.pos_ == "NUM"
            )
        ):
            spans.append(Span(doc, token.i, token.i + 1, label="CARDINAL"))
    return sorted(spans, key=lambda span: span.start)


def is_bare_count(ent: Span) -> bool:
    """A plain small number the tagger took for a date ("was 14", "Forty homes")."""
    if ent.label_ != "DATE" or len(ent) != 1:
        return False
    token = ent[0]
    if token.text.isdigit():
        return int(token.text) < 1000
    return token.like_num and token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() not in TIME_NOUNS


def extend_with_context(span: Span) -> Span:
    """Grow a span left over a qualifier and right over a unit the tagger left out."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].text in ("$", "£", "€", "¥", "₹", "US$"):
        start -= 1
    for size in (3, 2, 1):
        if start - size >= 0:
            words = [t.lower_ for t in doc[start - size : start]]
            qualifier, used = read_qualifier(words)
            if qualifier and used == size:
                start -= size
                break
    if end < len(doc):
        following = doc[end]
        attached = following.idx == doc[end - 1].idx + len(doc[end - 1].text)
        if attached and following.lower_ in SCALES and doc[end - 1].like_num:
            end += 1
        elif following.text == "-" and end + 1 < len(doc) and doc[end + 1].lower_ in UNITS:
            end += 2
        elif (
            following.lower_ in UNITS
            and following.lower_ not in ("in", "m", "t", "c", "f", "l", "g", "min")
            and span.label_ != "MONEY"
            or following.lower_ in ("plus",)
            or following.text == "+"
        ):
            end += 1
    return doc[start:end]


def followed_by_noun(span: Span) -> bool:
    """The number is followed by what it counts ("3m people"), so an "m" on it is a million, not metres."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN") and doc[span.end].lower_ not in UNITS


def in_identifier(span: Span) -> bool:
    """A number glued by a hyphen or slash to letters or digits before it is part of a code ("CVE-2013-3893", "A-380")."""
    text = span.doc.text
    start = span.start_char
    return start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum()


def is_age(span: Span, value: float) -> bool:
    """A bare whole number set off by commas or brackets right after a name ("Klitschko, 36,")."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start >= 1 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in (",", "(") and after in (",", ")", ".") and 1 < value < 120 and value == int(value)


def is_increment(span: Span) -> bool:
    """A figure counted on top of another ("eight more people", "another 20"): a different quantity from a total."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start >= 1 else ""
    return after in INCREMENT_AFTER or before in INCREMENT_BEFORE


def age_hit(span: Span, value: float) -> NumberHit:
    """A bare number set off after a name ("Klitschko, 36,") is that person's age, not a count of people."""
    sentence = span.sent
    return NumberHit(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=value,
        unit="year",
        dimension="age",
        counted=None,
        qualifier=None,
        sentence_start=sentence.start_char,
        sentence_end=sentence.start_char + len(sentence.text.rstrip()),
        measure="age",
    )


def extract_numbers(doc: Doc) -> list[NumberHit]:
    """Every numeric claim of a document."""
    hits: list[NumberHit] = []
    for raw in candidate_spans(doc):
        span = extend_with_context(raw)
        text = span.text
        labelled = raw.start >= 1 and doc[raw.start - 1].lower_ in LABEL_NOUNS
        if (
            NAME_LIKE.search(MAGNITUDE_TOKEN.sub("", raw.text))
            or (YEAR.match(raw.text.strip()) and raw.label_ == "CARDINAL")
            or in_identifier(span)
            or labelled
        ):
            continue
        parsed = parse_quantity(text)
        if parsed is None:
            continue
        number_tokens = [
            t for t in raw if t.like_num or ATTACHED_SCALE.match(t.text) or MAGNITUDE_TOKEN.match(t.text) or t.lower_ in SMALL_NUMBERS
        ]
        if not number_tokens:
            continue
        noun = counted_noun(number_tokens[-1], span)
        if noun is not None and noun.pos_ == "PROPN":
            if not is_age(span, parsed.value):
                continue
            hits.append(age_hit(span, parsed.value))
            continue
        if parsed.unit is None and METRE_OR_MILLION.search(text) and not followed_by_noun(span):
            parsed = ParsedQuantity(parsed.value / SCALES["m"], parsed.qualifier, *UNITS["m"][:2], parsed.unit_words)
        if parsed.unit == "GBP" and "£" not in text and any(verb_lemma(t, WEIGHT_VERBS) for t in span.sent):
            parsed = ParsedQuantity(parsed.value, parsed.qualifier, *UNITS["lb"][:2], parsed.unit_words)
        counted = noun_phrase_words(noun) if noun is not None and noun.lower_ not in UNITS and noun.lower_ not in CURRENCIES else None
        if noun is not None and parsed.unit and span.start <= noun.i < span.end:
            for child in noun.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    counted = objects[0].text.lower() if objects else None
        number_head = number_tokens[-1]
        if noun is None and number_head.dep_ in ("nsubj", "nsubjpass") and number_head.head.lemma_.lower() in PEOPLE_VERBS:
            counted = number_head.head.text.lower()
        if parsed.dimension:
            dimension = parsed.dimension
        elif (
            noun is not None
            and (noun.lemma_.lower() in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS or noun.ent_type_ == "NORP")
            or noun is None
            and counted is not None
        ):
            dimension = "people"
        else:
            dimension = "count"
        if dimension == "count" and counted is None and parsed.value == 1 and raw.text.lower() in ("one", "a", "an"):
            continue
        measure = distance_from(span) if dimension == "length" else measure_of(number_head, noun if counted is not None else None)
        about = "increment" if is_increment(span) else bearer_of(number_head, noun, span)
        place = (population_place(noun) if noun is not None else None) or population_place(number_head)
        if parsed.unit is None and dimension in ("count", "people") and is_magnitude(span):
            dimension, counted, measure, about = "magnitude", None, "magnitude", magnitude_bearer(number_head)
        elif place is not None and dimension in ("count", "people") and about != "increment":
            dimension, measure, about = "people", "population", place_name(place)
        sentence = span.sent
        hits.append(
            NumberHit(
                text=text,
                start=span.start_char,
                end=span.end_char,
                value=parsed.value,
                unit=parsed.unit,
                dimension=dimension,
                counted=counted,
                qualifier=parsed.qualifier,
                sentence_start=sentence.start_char,
                sentence_end=sentence.start_char + len(sentence.text.rstrip()),
                measure=measure,
                about=about,
            )
        )
    return hits
