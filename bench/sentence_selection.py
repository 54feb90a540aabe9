"""Experiment: run spaCy's recogniser and parser only on the sentences that need them.

    python bench/sentence_selection.py [--corpus ecbplus|fnc] [--limit 300]

Measures, on the same texts in the same run, the share of tokens in sentences
that need the recogniser / the parser, the time of the full pipeline against
the selective one (both with rashomon's extractors, one process), and how much
the extractors' output changes.


Most of spaCy's time goes to the entity recogniser and the dependency parser.
A sentence with no proper noun, number, time word, quote mark or speech verb
cannot hold a name, figure or date, so the recogniser skips it; a sentence with
no entity, figure, quote mark or speech verb gives rashomon's extractors
nothing to attribute or count, so the parser skips it. Skipped sentences keep
their boundaries (from spaCy's sentence recogniser) and get a flat tree; the
chosen ones are parsed or tagged on their own, with the shared token vectors
already computed for the whole document.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.annotate.lexicon import ENGLISH, verb_lemma

CLAIM_VERBS = ENGLISH.claim_verbs
CURRENCIES = ENGLISH.currencies
DENIAL_VERBS = ENGLISH.denial_verbs
INDIRECT_SPEECH_VERBS = ENGLISH.indirect_speech_verbs
REPORT_ADVERBS = ENGLISH.report_adverbs
REPORT_VERBS = ENGLISH.report_verbs
SCALES = ENGLISH.scales
SMALL_NUMBERS = ENGLISH.small_numbers
SPEECH_VERBS = ENGLISH.speech_verbs

QUOTE_CHARACTERS = frozenset("\"\u201c\u201d\u2018\u2019'")
TIME_WORDS = frozenset(
    [
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "now",
        "ago",
        "last",
        "next",
        "past",
        "earlier",
        "later",
        "recent",
        "recently",
        "current",
        "currently",
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
        "dawn",
        "dusk",
        "week",
        "weekend",
        "month",
        "year",
        "decade",
        "century",
        "hour",
        "minute",
        "second",
        "day",
        "days",
        "daily",
        "weekly",
        "monthly",
        "annual",
        "annually",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "season",
        "quarter",
        "fortnight",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "once",
        "twice",
        "half",
        "percent",
        "per",
        "cent",
    ]
)
CUE_VERBS = SPEECH_VERBS | INDIRECT_SPEECH_VERBS | REPORT_VERBS | CLAIM_VERBS | DENIAL_VERBS
FLAT_DEP = "dep"
SENTENCE_BATCH = 64


def might_name_something(sentence: Span) -> bool:
    """Could the recogniser find an entity here: a proper noun, a number, a currency or a time word?"""
    for token in sentence:
        if token.pos_ == "PROPN" or token.like_num or any(c.isdigit() for c in token.text):
            return True
        lowered = token.lower_
        if lowered in TIME_WORDS or lowered in SMALL_NUMBERS or lowered in SCALES or token.text in CURRENCIES:
            return True
        if token.is_title and token.i > sentence.start:
            return True
    return False


def needs_parse(sentence: Span) -> bool:
    """Will an extractor read this sentence's tree: does it hold an entity, figure, quote or speech cue?"""
    if any(True for _ in sentence.ents):
        return True
    for token in sentence:
        if token.text in QUOTE_CHARACTERS or token.like_num or token.lower_ in REPORT_ADVERBS:
            return True
        if token.pos_ in ("VERB", "AUX") and verb_lemma(token, CUE_VERBS):
            return True
    return False


def run_on_sentences(chosen: Iterable[Span], component) -> list[tuple[int, Doc]]:
    """Each chosen sentence as a document of its own (with its slice of the token vectors) after the component ran on it,
    and where it starts."""
    chosen = list(chosen)
    pieces = component.pipe((sentence.as_doc() for sentence in chosen), batch_size=SENTENCE_BATCH)
    return [(sentence.start, piece) for sentence, piece in zip(chosen, pieces)]


def recognise_entities(doc: Doc, recogniser) -> Doc:
    """Entities of the sentences that might name something, placed back into the document."""
    entities: list[Span] = []
    for offset, piece in run_on_sentences((s for s in doc.sents if might_name_something(s)), recogniser):
        entities.extend(Span(doc, offset + e.start, offset + e.end, label=e.label) for e in piece.ents)
    doc.ents = entities
    return doc


def parse_sentences(doc: Doc, parser) -> Doc:
    """Dependency trees for the sentences that need one, a flat tree (all words on the first) for the rest."""
    sentences = list(doc.sents)
    heads = np.zeros(len(doc), dtype=np.int64)
    deps = np.full(len(doc), doc.vocab.strings.add(FLAT_DEP), dtype=np.uint64)
    for sentence in sentences:
        deps[sentence.start] = doc.vocab.strings.add("ROOT")
        heads[sentence.start + 1 : sentence.end] = sentence.start - np.arange(sentence.start + 1, sentence.end)
    for offset, piece in run_on_sentences((s for s in sentences if needs_parse(s)), parser):
        parsed = piece.to_array([HEAD, DEP])
        heads[offset : offset + len(piece)] = parsed[:, 0].astype(np.int64)
        deps[offset : offset + len(piece)] = parsed[:, 1]
    entities = list(doc.ents)
    doc.from_array([HEAD, DEP], np.stack([heads.astype(np.uint64), deps], axis=1))
    doc.ents = entities
    return doc


@Language.factory("rashomon_selective_ner", requires=["token.pos"], assigns=["doc.ents"])
def make_selective_ner(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    recogniser = nlp.get_pipe("ner")
    return lambda doc: recognise_entities(doc, recogniser)


@Language.factory("rashomon_selective_parser", requires=["doc.ents"], assigns=["token.dep", "token.head"])
def make_selective_parser(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    parser = nlp.get_pipe("parser")
    return lambda doc: parse_sentences(doc, parser)


def load_selective(model: str):
    """rashomon's pipeline with the selective recogniser and parser in place of spaCy's."""
    import spacy

    from rashomon.annotate import nlp as _  # noqa: F401 - registers rashomon's components
    from rashomon.annotate.components import COMPONENTS

    nlp = spacy.load(model)
    nlp.enable_pipe("senter")
    nlp.add_pipe("rashomon_paragraph_boundaries", after="senter")
    nlp.add_pipe("rashomon_selective_ner", after="ner")
    nlp.add_pipe("rashomon_entity_lines", after="rashomon_selective_ner")
    nlp.add_pipe("rashomon_selective_parser", after="rashomon_entity_lines")
    nlp.disable_pipe("parser")
    nlp.disable_pipe("ner")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from ingest_throughput import load_texts

    from rashomon.annotate import load_nlp
    from rashomon.annotate.types import annotations_of
    from rashomon.common.nlp import MODEL_PACKAGE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["ecbplus", "fnc"], default="ecbplus")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    texts = [r["text"] for r in load_texts(args.corpus, args.limit)]
    words = sum(len(t.split()) for t in texts)
    results = {}
    for name, nlp in (("full", load_nlp()), ("selective", load_selective(MODEL_PACKAGE))):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        results[name] = (time.perf_counter() - started, [annotations_of(d).to_json() for d in docs], docs)
    tokens = ner_tokens = parse_tokens = 0
    for doc in results["full"][2]:
        for sentence in doc.sents:
            tokens += len(sentence)
            ner_tokens += len(sentence) if might_name_something(sentence) else 0
            parse_tokens += len(sentence) if needs_parse(sentence) else 0
    print(f"{args.corpus}: {len(texts)} articles, {words:,} words, {tokens:,} tokens")
    print(f"tokens in sentences that need the recogniser: {ner_tokens / tokens:.1%}, the parser: {parse_tokens / tokens:.1%}")
    full = results["full"][0]
    for name, (seconds, _, _) in results.items():
        print(f"{name:<10} {seconds:6.1f} s {words / seconds:7.0f} words/s  {seconds / full:.2f}x full")
    same = sum(a == b for a, b in zip(results["full"][1], results["selective"][1]))
    print(f"articles whose annotations are identical: {same} of {len(texts)}")


if __name__ == "__main__":
    main()
