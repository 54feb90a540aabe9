"""Check-worthy statements and how each is held: asserted, reported, claimed, denied or hedged.

A sentence is check-worthy when it has a verb and carries an event with a
named actor, a number, a date or a quote. Its status comes from cues outside
the quoted words (a denial inside quote marks still counts as a denial).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.annotate.lexicon import ENGLISH, verb_lemma
from rashomon.annotate.speakers import mention_at
from rashomon.annotate.types import ClaimHit, DateHit, Mention, NumberHit, QuoteHit, SpeakerRef

CLAIM_VERBS = ENGLISH.claim_verbs
DENIAL_PHRASES = ENGLISH.denial_phrases
DENIAL_VERBS = ENGLISH.denial_verbs
DENIED_NOUNS = ENGLISH.denied_nouns
HEDGE_PHRASES = ENGLISH.hedge_phrases
HEDGE_WORDS = ENGLISH.hedge_words
NEGATIONS = ENGLISH.negations
REPORT_ADVERBS = ENGLISH.report_adverbs
REPORT_VERBS = ENGLISH.report_verbs
CLAIM_NOUNS = ENGLISH.claim_nouns
MODALS = ENGLISH.modals

MIN_CLAIM_TOKENS = 5


def inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)


def claim_status(sentence: Span, quoted: list[tuple[int, int]], has_quote: bool) -> str:
    """How the article holds a sentence, from the strongest cue it carries."""
    outside = [t for t in sentence if not inside(t.idx, quoted)]
    lowered = sentence.text.lower()
    if any(is_denial(t) for t in outside) or any(p in lowered for p in DENIAL_PHRASES):
        return "denied"
    if any(t.pos_ in ("VERB", "AUX") and verb_lemma(t, CLAIM_VERBS) for t in outside):
        return "claimed"
    outside_text = " ".join(t.lower_ for t in outside)
    reported = (
        has_quote
        or any(t.lower_ in REPORT_ADVERBS for t in outside)
        or "according to" in outside_text
        or any(t.pos_ == "VERB" and verb_lemma(t, REPORT_VERBS) for t in outside)
    )
    if reported:
        return "reported"
    hedged = any(is_hedge(t) for t in outside) or any(p in outside_text for p in HEDGE_PHRASES)
    return "hedged" if hedged else "asserted"


def is_denial(token: Token) -> bool:
    """A verb that denies a statement, not one that turns down an offer.

    Denied are: a clause ("denied that ..."), an act ("denied shooting at ..."), a claim ("rejected the reports"), one's
    part in something ("denied involvement"), or the clause a relative pronoun stands for ("..., which the group denied").
    """
    if token.pos_ not in ("VERB", "AUX") or not verb_lemma(token, DENIAL_VERBS):
        return False
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "pcomp"):
            return True
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in CLAIM_NOUNS | DENIED_NOUNS:
            return True
        if child.dep_ == "dobj" and (child.tag_ == "VBG" or (child.tag_ == "WDT" and token.dep_ == "relcl")):
            return True
    return token.dep_ in ("ROOT", "conj", "parataxis") and not any(c.dep_ in ("dobj", "prep") for c in token.children)


def is_hedge(token: Token) -> bool:
    """A modal, hedging adverb or epistemic verb ("may", "possibly", "appears", "is believed")."""
    word = token.lower_
    if word in MODALS:
        return token.tag_ == "MD" and word != "would"
    return word in HEDGE_WORDS and token.pos_ in ("ADV", "ADJ", "VERB", "AUX")


def is_negated(sentence: Span) -> bool:
    """Whether the main predicate (or the clause reported) is negated."""
    root = sentence.root
    heads = [root, *[c for c in root.children if c.dep_ in ("ccomp", "xcomp", "conj")]]
    return any(
        child.dep_ == "neg" or child.lower_ in NEGATIONS and child.dep_ in ("neg", "det", "advmod", "nsubj", "nsubjpass")
        for head in heads
        for child in head.children
    )


def is_check_worthy(sentence: Span, mentions: list[Mention], numbers: list[NumberHit], has_quote: bool) -> bool:
    """A sentence with a verb that says something about named actors, numbers or quotes."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if len(words) < MIN_CLAIM_TOKENS or sentence.text.rstrip().endswith("?"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return False
    return bool(mentions or numbers or has_quote)


def predicate_token(sentence: Span) -> Token | None:
    """The main event verb, looking through verbs of saying to what was said."""
    root = sentence.root
    if verb_lemma(root, REPORT_VERBS | CLAIM_VERBS | DENIAL_VERBS):
        for child in root.children:
            if child.dep_ == "ccomp":
                return child
    return root if root.pos_ in ("VERB", "AUX") else None


def subject_mention(predicate: Token | None, mentions: list[Mention]) -> Mention | None:
    """The named actor who is the subject of the event verb."""
    if predicate is None:
        return None
    for child in predicate.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return mention_at(child, mentions)
    return None


def extract_claims(
    doc: Doc,
    mentions: list[Mention],
    quotes: list[QuoteHit],
    numbers: list[NumberHit],
    dates: list[DateHit],
) -> list[ClaimHit]:
    """Every check-worthy sentence with its status, attribution and linked items."""
    quoted = [(q.outer_start, q.outer_end) for q in quotes if q.direct]
    text = doc.text
    claims = []
    for sentence in doc.sents:
        start = sentence.start_char
        end = start + len(sentence.text.rstrip())
        in_sentence = [m for m in mentions if start <= m.start < end]
        number_indexes = [i for i, n in enumerate(numbers) if start <= n.start < end]
        date_indexes = [i for i, d in enumerate(dates) if start <= d.start < end]
        cue_quotes = [q for q in quotes if q.cue_start is not None and start <= q.cue_start < end]
        overlapping = [q for q in quotes if q.outer_start < end and start < q.outer_end]
        if not is_check_worthy(sentence, in_sentence, [numbers[i] for i in number_indexes], bool(overlapping)):
            continue
        attributed: SpeakerRef | None = next((q.speaker for q in cue_quotes + overlapping if q.speaker is not None), None)
        predicate = predicate_token(sentence)
        claims.append(
            ClaimHit(
                text=text[start:end],
                start=start,
                end=end,
                status=claim_status(sentence, quoted, bool(cue_quotes) or any(q.speaker is not None for q in overlapping)),
                attributed=attributed,
                mentions=in_sentence,
                number_indexes=number_indexes,
                date_indexes=date_indexes,
                negated=is_negated(sentence),
                predicate=predicate.lemma_.lower() if predicate is not None else None,
                predicate_span=(predicate.idx, predicate.idx + len(predicate.text)) if predicate is not None else None,
                subject=subject_mention(predicate, mentions),
            )
        )
    return claims
