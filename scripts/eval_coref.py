"""Cross-document entity and event coreference on ECB+, scored with CoNLL F1, and quote speakers checked against its chains.

    python scripts/eval_coref.py [--split dev|test] [--seed 0] [--gold-stories]

``--split dev`` (the default) is topics 1-35: the Cybulska train and dev files together, rashomon's
development set (it trains nothing on them). ``--split test`` is topics 36-45, reserved: score them only
once a method is fixed on topics 1-35.

Gold mentions (Cybulska setup, as released by Barhom et al. 2019) are the
items; each system puts every gold mention into a cluster:

* ``lemma``: the standard baseline; mentions of one story with the same head lemma corefer.
* ``rashomon``: a mention whose head word lies in a name rashomon found (or
  in a quote speaker it resolved, "he said"), or whose words are a known alias
  of an actor, takes the actor rashomon's cross-article resolution gave that
  name within the story; every other
  mention falls back to the baseline, so the difference between the two rows
  is what rashomon's actor resolution adds.

Stories are rashomon's own clustering of the split's documents (one shuffled
stream, then the re-assignment passes ``rashomon ingest`` runs);
``--gold-stories`` uses the gold sub-topics instead. Events
have no model of their own in rashomon, so only the lemma baseline is scored
for them. Scores are MUC, B-cubed, CEAF-e and their mean (CoNLL F1), by
rashomon.evaluation.clusters.

Quote speakers: a quote whose speaker phrase is a pronoun or a description ("he said", "the 33-year-old
told") and lies on a gold entity mention whose chain names the entity in the same document (a mention
headed by a proper noun) is *right* when rashomon's resolved speaker is a name of that chain (same last
word as one of its named mentions), *wrong* when it is another name, *left* when it is left unresolved.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
ECB = SHARED / "ecbplus" / "ecbplus_docs_plaintext.jsonl"
SETUP = SHARED / "ecbplus_barhom2019" / "data" / "interim" / "cybulska_setup"
GOLD = SHARED / "ecbplus_barhom2019" / "data" / "gold" / "cybulska_gold"
PUBLISHED = {"entity": 82.0, "event": 85.7}
# Possessive and reflexive forms read as the pronoun whose gender they carry.
POSSESSIVE_PRONOUNS = {"his": "he", "himself": "he", "hers": "she", "herself": "she"}


def require(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"skipped: {path} not found (the ECB+ data of ../shared/datasets)")
    return path


# The Cybulska split's files of each split: topics 1-35 are its train and dev files, 36-45 its test files.
PARTS = {"dev": ("Train", "Dev"), "test": ("Test",)}


def load_corpus(split: str) -> tuple[dict[str, dict], dict[tuple[str, int], list[str]]]:
    """The full documents of a split and, per (document, sentence), the gold tokens."""
    tokens: dict[tuple[str, int], list[str]] = defaultdict(list)
    for part in PARTS[split]:
        for line in require(SETUP / f"ECB_{part}_corpus.txt").open(encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                tokens[(parts[0], int(parts[1]))].append(parts[3])
    wanted = {doc for doc, _ in tokens}
    docs = {}
    for line in require(ECB).open(encoding="utf-8"):
        row = json.loads(line)
        if row["doc_id"] in wanted:
            docs[row["doc_id"]] = row
    return docs, tokens


def build_text(doc: dict, tokens: dict) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """The document as rashomon reads it (a sentence a line) and the character span of every gold token.

    ECB+ keeps the source URL as the first sentence of its newer documents; that line is left empty.
    """
    lines, spans, offset = [], {}, 0
    for index, sentence in enumerate(doc["sentences"]):
        words = tokens.get((doc["doc_id"], index)) or ([] if sentence.startswith("http") else sentence.split(" "))
        position = offset
        for number, word in enumerate(words):
            spans[(index, number)] = (position, position + len(word))
            position += len(word) + 1
        lines.append(" ".join(words))
        offset += len(lines[-1]) + 1
    return "\n".join(lines), spans


def key_clusters(mentions: list[dict]) -> list[set[int]]:
    chains: dict[str, set[int]] = defaultdict(set)
    for index, mention in enumerate(mentions):
        chains[mention["coref_chain"]].add(index)
    return list(chains.values())


def check_against_released_key(clusters: list[set[int]], kind: str) -> None:
    """The clusters built from the JSON must have the sizes of the released CoNLL key."""
    sizes: Counter = Counter()
    for line in require(GOLD / f"CD_test_{kind}_mention_based.key_conll").open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            sizes[parts[1]] += 1
    if sorted(sizes.values()) != sorted(len(c) for c in clusters):
        sys.exit(f"the {kind} clusters built from the JSON do not match {kind}'s released key file")


def annotate(docs: dict[str, dict], tokens: dict):
    """rashomon's annotations of every document of the split, with the spaCy doc kept for head lemmas."""
    from rashomon.annotate import load_nlp
    from rashomon.annotate.types import annotations_of
    from rashomon.ingest.text import normalize_text

    nlp = load_nlp()
    texts, spans, normalized = {}, {}, {}
    for doc_id, doc in docs.items():
        texts[doc_id], spans[doc_id] = build_text(doc, tokens)
        normalized[doc_id] = normalize_text(texts[doc_id])
    parsed = dict(zip(docs, nlp.pipe((normalized[d].text for d in docs), batch_size=16)))
    found = {doc_id: annotations_of(doc) for doc_id, doc in parsed.items()}
    return texts, spans, normalized, parsed, found


def stories_of(docs: dict[str, dict], texts, found, seed: int, gold: bool) -> dict[str, str]:
    if gold:
        return {doc_id: doc["subtopic"] for doc_id, doc in docs.items()}
    from rashomon.align.embed import encoder
    from rashomon.clustering import StoryClusterer, article_features, lead_of

    order = list(docs)
    random.Random(seed).shuffle(order)
    vectors = encoder().encode([lead_of(None, texts[d]) for d in order])
    clusterer = StoryClusterer()
    items = [(d, article_features(None, texts[d], None, found[d].mentions, v)) for d, v in zip(order, vectors)]
    return clusterer.cluster_stream(items)


def name_key(text: str) -> str:
    from rashomon.resolve.actors import name_key as key_of

    return key_of(text.replace(" 's", "'s").replace(" - ", "-"))


def head_token(doc, start: int, end: int):
    """The syntactic head of the tokens covering a character span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


class Assigner:
    """Puts gold mentions into clusters, the lemma baseline way or the rashomon way."""

    def __init__(self, docs, spans, normalized, parsed, found, stories):
        from rashomon.resolve import resolve_actors

        self.spans, self.normalized, self.parsed, self.found, self.stories = spans, normalized, parsed, found, stories
        members: dict[str, list[str]] = defaultdict(list)
        for doc_id in docs:
            members[stories[doc_id]].append(doc_id)
        self.actors = {story: resolve_actors([(d, m) for d in doc_ids for m in found[d].mentions]) for story, doc_ids in members.items()}
        self.resolved_by_name = 0
        self.resolved_in_article = 0
        self.discourses: dict[str, object] = {}

    def span_of(self, mention: dict) -> tuple[int, int]:
        spans = self.spans[mention["doc_id"]]
        first, last = min(mention["tokens_number"]), max(mention["tokens_number"])
        return spans[(mention["sent_id"], first)][0], spans[(mention["sent_id"], last)][1]

    def normalized_span(self, doc_id: str, original: tuple[int, int]) -> tuple[int, int]:
        origin = self.normalized[doc_id].origin
        start, end = bisect_left(origin, original[0]), bisect_left(origin, original[1])
        return (start, end) if end > start else (0, 0)

    def lemma_key(self, mention: dict, index: int) -> str:
        doc_id = mention["doc_id"]
        start, end = self.normalized_span(doc_id, self.span_of(mention))
        head = head_token(self.parsed[doc_id], start, end)
        lemma = head.lemma_.lower() if head is not None else mention["tokens_str"].split()[-1].lower()
        return f"{self.stories[doc_id]}|lemma:{lemma}"

    def rashomon_key(self, mention: dict, index: int) -> str:
        doc_id = mention["doc_id"]
        story = self.stories[doc_id]
        start, end = self.normalized_span(doc_id, self.span_of(mention))
        head = head_token(self.parsed[doc_id], start, end)
        actor = None
        if head is not None:
            name = self.name_at(doc_id, head.idx)
            actor = self.actors[story].actor_id(name, doc_id) if name is not None else None
        if actor is None:
            actor = self.actors[story].by_key.get(name_key(mention["tokens_str"]))
        if actor is not None:
            self.resolved_by_name += 1
            return f"{story}|{actor}"
        return self.lemma_key(mention, index)

    def described_key(self, mention: dict, index: int) -> str:
        """As ``rashomon_key``, and a pronoun or description the rest of the names leave takes the person rashomon's
        in-article linking gives it ("she" -> the last compatible named subject, "the actress" -> the person the
        article introduced as one), with the rules quote speakers use."""
        key = self.rashomon_key(mention, index)
        if "|lemma:" not in key:
            return key
        doc_id = mention["doc_id"]
        start, end = self.normalized_span(doc_id, self.span_of(mention))
        span = self.parsed[doc_id].char_span(start, end, alignment_mode="expand")
        named = self.linked_person(doc_id, span) if span is not None and len(span) else None
        actor = self.actors[self.stories[doc_id]].actor_id(named, doc_id) if named is not None else None
        if actor is None:
            return key
        self.resolved_in_article += 1
        return f"{self.stories[doc_id]}|{actor}"

    def linked_person(self, doc_id: str, span):
        """The named person a pronoun or description phrase stands for in its article, if rashomon ties it to one."""
        from rashomon.annotate.discourse import Discourse
        from rashomon.annotate.lexicon import ENGLISH
        from rashomon.annotate.quotes import find_quote_spans
        from rashomon.annotate.speakers import PLACE_OR_BODY

        doc = self.parsed[doc_id]
        if doc_id not in self.discourses:
            quoted = [(q.outer_start, q.outer_end) for q in find_quote_spans(doc.text)[0]]
            discourse = Discourse(doc, self.found[doc_id].mentions, quoted)
            for quote in self.found[doc_id].quotes:
                if quote.speaker is not None and quote.speaker.mention is not None:
                    discourse.note_speaker(quote.outer_start, quote.speaker.mention)
            self.discourses[doc_id] = discourse
        discourse = self.discourses[doc_id]
        head = span.root
        if head.pos_ == "PRON":
            gender = ENGLISH.pronoun_gender.get(POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_))
            return discourse.most_salient(head.idx, ("PERSON",), gender) if gender else None
        if head.pos_ == "NOUN":
            names = [t.lemma_.lower() for t in span if t.ent_type_ in PLACE_OR_BODY and t.i != head.i]
            return discourse.by_description(head, head.idx, span.text, names)
        return None

    def name_at(self, doc_id: str, position: int):
        """The name rashomon found at a character of the text, or the resolved speaker of a quote there ("he said")."""
        found = self.found[doc_id]
        for name in found.mentions:
            if name.start <= position < name.end:
                return name
        for quote in found.quotes:
            speaker = quote.speaker
            if speaker is not None and speaker.mention is not None and speaker.start <= position < speaker.end:
                return speaker.mention
        return None


def gold_mentions(split: str, kind: str) -> list[dict]:
    """The gold mentions of one kind ("Entity", "Event") of a split."""
    return [
        mention for part in PARTS[split] for mention in json.loads(require(SETUP / f"ECB_{part}_{kind}_gold_mentions.json").read_text())
    ]


def score(kind: str, mentions: list[dict], assign, split: str) -> object:
    from rashomon.evaluation.clusters import clusters_of, conll

    key = key_clusters(mentions)
    if split == "test":
        check_against_released_key(key, kind)
    response = clusters_of({index: assign(mention, index) for index, mention in enumerate(mentions)})
    return conll(key, response)


def speaker_check(assigner: Assigner, entities: list[dict], show: bool = False) -> Counter:
    """Quotes credited to a pronoun or a description that lies on a gold mention whose chain is named in
    the document: right (resolved to a name of the chain), wrong (another name) or left (unresolved)."""
    by_doc: dict[str, list[tuple[tuple[int, int], dict]]] = defaultdict(list)
    for mention in entities:
        by_doc[mention["doc_id"]].append((assigner.normalized_span(mention["doc_id"], assigner.span_of(mention)), mention))
    tally: Counter = Counter()
    for doc_id, placed in by_doc.items():
        doc = assigner.parsed[doc_id]
        named: dict[str, set[str]] = defaultdict(set)
        for (start, end), mention in placed:
            head = head_token(doc, start, end)
            if head is not None and head.pos_ == "PROPN":
                named[mention["coref_chain"]].add(head.lower_)
        for quote in assigner.found[doc_id].quotes:
            speaker = quote.speaker
            if speaker is None or speaker.end <= speaker.start:
                continue
            phrase = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
            if phrase is None or phrase.root.pos_ == "PROPN":
                continue
            chains = {m["coref_chain"] for (start, end), m in placed if start <= phrase.root.idx < end and named[m["coref_chain"]]}
            if len(chains) != 1:
                continue
            chain = chains.pop()
            if speaker.mention is None:
                verdict = "left"
            elif name_key(speaker.mention.text).split()[-1:] and name_key(speaker.mention.text).split()[-1] in named[chain]:
                verdict = "right"
            else:
                verdict = "wrong"
            tally[verdict] += 1
            if show:
                got = speaker.mention.text if speaker.mention is not None else None
                print(f"  {verdict:5} {doc_id} {speaker.surface!r} -> {got!r}; chain names {sorted(named[chain])}")
    return tally


def link_check(assigner: Assigner, entities: list[dict], windows: tuple[int, ...]) -> dict[str, Counter]:
    """In-article links of gold pronoun and description mentions whose chain is named in the document, scored
    like quote speakers (right / wrong / left); pronouns once per sentence window tried, descriptions once."""
    from rashomon.annotate import discourse

    default = discourse.PRONOUN_WINDOW_SENTENCES
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    heads = []
    for mention in entities:
        doc_id = mention["doc_id"]
        start, end = assigner.normalized_span(doc_id, assigner.span_of(mention))
        span = assigner.parsed[doc_id].char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        heads.append((doc_id, mention["coref_chain"], span))
        if span.root.pos_ == "PROPN":
            named[(doc_id, mention["coref_chain"])].add(span.root.lower_)
    tallies: dict[str, Counter] = {}
    for label, window in [("description", default), *((f"pronoun, window {w}", w) for w in windows)]:
        discourse.PRONOUN_WINDOW_SENTENCES = window
        assigner.discourses.clear()
        tally: Counter = Counter()
        for doc_id, chain, span in heads:
            wanted = "NOUN" if label == "description" else "PRON"
            if span.root.pos_ != wanted or not named[(doc_id, chain)]:
                continue
            if wanted == "PRON" and span.root.lower_ not in ("he", "she", "him", "her", "his", "himself", "herself"):
                continue
            person = assigner.linked_person(doc_id, span)
            last = name_key(person.text).split()[-1:] if person is not None else []
            tally["left" if person is None else "right" if last and last[0] in named[(doc_id, chain)] else "wrong"] += 1
        tallies[label] = tally
    discourse.PRONOUN_WINDOW_SENTENCES = default
    assigner.discourses.clear()
    return tallies


def show(label: str, result) -> None:
    parts = "  ".join(
        f"{name} R {s.recall:.3f} P {s.precision:.3f} F1 {s.f1:.3f}"
        for name, s in (("MUC", result.muc), ("B3", result.b_cubed), ("CEAF-e", result.ceaf_e))
    )
    print(f"{label:<34} {parts}  CoNLL F1 {100 * result.conll_f1:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=sorted(PARTS), help="dev: topics 1-35 (default); test: 36-45, reserved")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gold-stories", action="store_true")
    parser.add_argument(
        "--topics", help="comma-separated topic numbers of the split to keep (a quick look; figures are for the whole split)"
    )
    parser.add_argument("--show-speakers", action="store_true", help="print each quote speaker checked against the chains")
    args = parser.parse_args()
    docs, tokens = load_corpus(args.split)
    if args.topics:
        wanted = {int(t) for t in args.topics.split(",")}
        docs = {doc_id: doc for doc_id, doc in docs.items() if doc["topic"] in wanted}
    entities, events = ([m for m in gold_mentions(args.split, kind) if m["doc_id"] in docs] for kind in ("Entity", "Event"))
    texts, spans, normalized, parsed, found = annotate(docs, tokens)
    stories = stories_of(docs, texts, found, args.seed, args.gold_stories)
    print(
        f"{len(docs)} {args.split} documents, {len(set(stories.values()))} stories "
        f"({'gold sub-topics' if args.gold_stories else 'rashomon clustering'}), "
        f"{len(entities)} entity and {len(events)} event gold mentions"
    )
    assigner = Assigner(docs, spans, normalized, parsed, found, stories)
    show("entity, lemma baseline", score("entity", entities, assigner.lemma_key, args.split))
    show("entity, rashomon actors", score("entity", entities, assigner.rashomon_key, args.split))
    print(f"  gold entity mentions placed by a rashomon actor: {assigner.resolved_by_name} of {len(entities)}")
    show("entity, + descriptions, pronouns", score("entity", entities, assigner.described_key, args.split))
    print(f"  of the others, placed by in-article description or pronoun links: {assigner.resolved_in_article}")
    for label, tally in link_check(assigner, entities, (1, 2, 4, 8, 1000)).items():
        linked = tally["right"] + tally["wrong"]
        print(
            f"  in-article links of gold {label}: right {tally['right']}, wrong {tally['wrong']}, left {tally['left']}"
            f" (precision {100 * tally['right'] / max(linked, 1):.1f}%)"
        )
    show("event, lemma baseline", score("event", events, assigner.lemma_key, args.split))
    tally = speaker_check(assigner, entities, args.show_speakers)
    checked = sum(tally.values())
    print(
        f"quote speakers given by a pronoun or description on a named gold chain: {checked}; right {tally['right']}"
        f" ({100 * tally['right'] / max(checked, 1):.1f}%), wrong {tally['wrong']}, left unresolved {tally['left']}"
    )
    print(f"published, gold mentions (Held et al. 2021): entity CoNLL F1 {PUBLISHED['entity']}, event {PUBLISHED['event']}")


if __name__ == "__main__":
    main()
