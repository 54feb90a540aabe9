"""Same-origin detection: wire copies and reprints count as one independent source.

Four signals join articles into one origin: near-duplicate text (MinHash over
word shingles, with LSH so the cost stays near-linear), a large share of
near-identical sentences or many of them (an edited wire copy), the same news-agency credit
in a dateline, a "[Source: X]" line or an "X contributed" line, and a rewrite of one outlet's story: an article whose
main source is an outlet ("according to the Gazette", "the Gazette reported", credited early and more than any other)
shares the origin of that outlet's own article or of another rewrite of it, when the two also share a near-identical
sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

from rashomon.annotate.lexicon import ENGLISH
from rashomon.model import Article

MEDIA_WORDS = ENGLISH.media_words
AGENCIES = ENGLISH.news_agencies

# Whole-article near duplicates: MinHash over 5-word shingles (datasketch's usual setting for documents), 128
# permutations (standard error of the Jaccard estimate about 0.04), Jaccard 0.5 and more is one text edited.
SHINGLE_WORDS = 5
PERMUTATIONS = 128
NEAR_DUPLICATE = 0.5
# Copies: two articles share one origin when at least half of the shorter one's sentences (of 8+ words) have a
# near-identical sentence (rapidfuzz ratio >= 85) in the other, and at least two do. Measured on the 37 events of
# eval/events: gold copy pairs reach shares of 0.5-1.0; no pair of independent reports reached 0.45.
COPY_SENTENCE_WORDS = 8
COPY_SENTENCE_RATIO = 85
COPY_SHARE = 0.5
COPY_MIN_SENTENCES = 2
# Long reports copy part of a wire story and add their own: five near-identical sentences (of 8+ words) are one origin
# whatever their share. Measured on the 37 events of eval/events: independent reports share at most 4 such sentences;
# gold copies that reworked most of the text share 5 and 6.
COPY_SENTENCES_ALONE = 5
# Sentence pairs are first found by a cheaper MinHash (32 permutations) at Jaccard 0.4, below what a ratio of 85 needs,
# so that the exact rapidfuzz check sees every near-identical pair.
SENTENCE_CANDIDATE = 0.4
SENTENCE_PERMUTATIONS = 32
AGENCY_NAMES = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
DATELINE_AGENCY = re.compile(rf"^[^\n]{{0,60}}\((?P<agency>{AGENCY_NAMES})\)\s*[-\u2013\u2014:]", re.IGNORECASE | re.MULTILINE)
CONTRIBUTED = re.compile(rf"\b(?P<agency>{AGENCY_NAMES})\b[^\n]{{0,80}}\bcontributed\b", re.IGNORECASE)
SOURCE_CREDIT = re.compile(rf"[\[(]\s*(?:source|sources|via|credit)\s*:\s*(?P<agency>{AGENCY_NAMES})\s*[\])]", re.IGNORECASE)
# Rewrites: an outlet is an article's main source when it is credited in the first half of the article (a report says
# early what it is built on; the rewrites among the 37 eval events credit their source at 0.17-0.36 of their length,
# a third cut one of them) and takes more than half of the article's outlet credits (a roundup that credits several
# outlets is built on none).
MAIN_SOURCE_EARLY = 1 / 2
# Two rewrites of one outlet's story also share its words: one near-identical sentence (the copy test above, from a
# single sentence). On the 37 eval events no two independent reports crediting one outlet share one. A shared quotation
# is not enough: two independent reports quoting one interview the same outlet aired share it too (measured there).
REWRITE_SHARED_SENTENCES = 1
OUTLET_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4}"
CREDIT_BEFORE = re.compile(rf"\b(?i:{'|'.join(map(re.escape, ENGLISH.credit_before))})\s+(?P<name>{OUTLET_NAME})")
CREDIT_AFTER = re.compile(rf"(?P<name>{OUTLET_NAME})\s+(?i:{'|'.join(map(re.escape, ENGLISH.credit_after))})\b")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+")


class UnionFind:
    """Disjoint sets over article ids."""

    def __init__(self, items: list[str]):
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def minhash(text: str) -> MinHash:
    """MinHash of an article's word shingles."""
    words = words_of(text)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    signature = MinHash(num_perm=PERMUTATIONS, seed=7)
    signature.update_batch(s.encode("utf-8") for s in shingles)
    return signature


def agency_credit(text: str) -> str | None:
    """The news agency an article credits: in its dateline ("(AP) -"), a "[Source: Reuters]" line or an "AFP contributed" line."""
    match = DATELINE_AGENCY.search(text[:600]) or CONTRIBUTED.search(text) or SOURCE_CREDIT.search(text)
    return AGENCIES[match.group("agency").lower()] if match else None


def sentences_of(text: str) -> list[str]:
    """An article's sentences long enough to tell a copy from a coincidence, as lower-case words."""
    sentences = (" ".join(words_of(s)) for s in SENTENCE_SPLIT.split(text))
    return [s for s in sentences if s.count(" ") + 1 >= COPY_SENTENCE_WORDS]


def shared_sentence_counts(articles: list[Article]) -> dict[tuple[str, str], int]:
    """For each pair of articles, how many sentences of one have a near-identical sentence (light edits) in the other.

    Candidates come from MinHash LSH over the sentences' word trigrams, so the cost stays near-linear in the
    number of sentences; each candidate is confirmed with rapidfuzz's edit-based ratio.
    """
    index = MinHashLSH(threshold=SENTENCE_CANDIDATE, num_perm=SENTENCE_PERMUTATIONS)
    owners: dict[str, tuple[str, str]] = {}
    matched: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in articles:
        for number, sentence in enumerate(sentences_of(article.text)):
            words = sentence.split()
            signature = MinHash(num_perm=SENTENCE_PERMUTATIONS, seed=11)
            signature.update_batch(" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2))
            key = f"{article.id}\x00{number}"
            for other in index.query(signature):
                other_article, other_sentence = owners[other]
                if other_article != article.id and fuzz.ratio(sentence, other_sentence) >= COPY_SENTENCE_RATIO:
                    matched[(min(other_article, article.id), max(other_article, article.id))].add(key)
            index.insert(key, signature)
            owners[key] = (article.id, sentence)
    return {pair: len(keys) for pair, keys in matched.items()}


def outlet_key(name: str) -> str:
    """A news organisation's name reduced for matching ("The New York Times" / "nytimes.com" stay apart; "the BBC" -> "bbc")."""
    words = words_of(name)
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def cited_outlet(attributed: str | None, outlets: set[str]) -> str | None:
    """The news outlet or agency a claim is credited to ("according to the BBC", "TMZ reported"), if it is one.

    A claim an article takes from another outlet counts for that outlet's origin, not as independent reporting.
    An attribution is an outlet when it names a news agency, an outlet of the articles at hand, or a name that
    says it is a news organisation ("... News", "... Times", "... Post").
    """
    if not attributed:
        return None
    key = outlet_key(attributed)
    if not key:
        return None
    if key in AGENCIES:
        return AGENCIES[key]
    known = {outlet_key(o): o for o in outlets}
    for outlet, name in known.items():
        if key == outlet or key == outlet.split(" ")[0].removesuffix(".com"):
            return name
    if any(word in MEDIA_WORDS for word in key.split()):
        return attributed.removeprefix("the ").removeprefix("The ")
    return None


def outlet_stem(outlet: str | None) -> str | None:
    """An article's outlet as a compact key: its domain's name ("www.thegazette.com" -> "thegazette"), or its name."""
    if not outlet:
        return None
    name = outlet.lower().removeprefix("www.")
    return compact(name.split(".")[0] if "." in name and " " not in name else name)


def compact(name: str) -> str:
    """A name reduced to its letters and digits, without a leading "the" ("The Daily Gazette" -> "dailygazette")."""
    return outlet_key(name).replace(" ", "")


def initials(name: str) -> set[str]:
    """The acronyms a name goes by, with and without its "the" ("The Daily Gazette" -> {"tdg", "dg"})."""
    words = words_of(name)
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w != "the")} - {""}


def credited_names(text: str) -> list[tuple[int, str]]:
    """Every name an article credits with what it reports, with the number of the sentence that credits it."""
    found = []
    for number, sentence in enumerate(SENTENCE_SPLIT.split(text)):
        for pattern in (CREDIT_BEFORE, CREDIT_AFTER):
            found.extend((number, match.group("name")) for match in pattern.finditer(sentence))
    return found


def outlet_resolver(articles: list[Article], credited: dict[str, list[tuple[int, str]]]):
    """A function from a credited name to an outlet key, or None when the name is not a news outlet.

    A name is an outlet when it is a news agency, the outlet of an article at hand ("the Gazette" for
    thegazette.com), a name that says it is a news organisation ("... Times"), or an acronym of such a name
    credited in full in one of the articles ("TDG" after "The Daily Gazette").
    """
    stems = {stem for a in articles if (stem := outlet_stem(a.outlet))}
    acronyms = {
        short: compact(name)
        for names in credited.values()
        for _, name in names
        if len(words_of(name)) > 1
        for short in initials(name)
        if len(short) > 1
    }

    def resolve(name: str) -> str | None:
        key = compact(name)
        agency = agency_named(outlet_key(name))
        if agency:
            return agency.lower()
        if key in stems:
            return key
        if name.isupper() and key in acronyms:
            return acronyms[key]
        if cited_outlet(name, set()):
            return key
        return None

    return resolve


def agency_named(key: str) -> str | None:
    """The news agency a name stands for, also when it names one of its services ("bloomberg television")."""
    return next((AGENCIES[name] for name in AGENCIES if key == name or key.startswith(name + " ")), None)


def main_source(credits: list[tuple[int, str]], sentences: int) -> str | None:
    """The outlet an article is built on: credited in its first half and more than half of its outlet credits."""
    if not credits:
        return None
    counts = Counter(key for _, key in credits)
    top, times = counts.most_common(1)[0]
    if times * 2 <= len(credits):
        return None
    first = min(number for number, key in credits if key == top)
    return top if first < MAIN_SOURCE_EARLY * max(1, sentences) else None


def rewrite_pairs(articles: list[Article], shared: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    """Pairs of articles that rewrite one outlet's story: one's main source is the other's outlet or its main source,
    and they share a near-identical sentence (two reports that both cite one outlet for one fact but write the rest
    themselves share none)."""
    credited = {a.id: credited_names(a.text) for a in articles}
    resolve = outlet_resolver(articles, credited)
    mains = {}
    for article in articles:
        credits = [(n, key) for n, name in credited[article.id] if (key := resolve(name))]
        mains[article.id] = main_source(credits, len(SENTENCE_SPLIT.split(article.text)))
    stems = {a.id: outlet_stem(a.outlet) for a in articles}

    def one_source(a: str, b: str) -> bool:
        return (mains[a] is not None and mains[a] in (mains[b], stems[b])) or (mains[b] is not None and mains[b] == stems[a])

    # only pairs that share sentences can qualify, so the pairs with a shared-sentence count are the candidates
    return sorted((a, b) for (a, b), count in shared.items() if count >= REWRITE_SHARED_SENTENCES and one_source(a, b))


def assign_origins(articles: list[Article]) -> dict[str, str]:
    """Origin id for every article id; articles of one origin share it."""
    ids = [a.id for a in articles]
    groups = UnionFind(ids)
    index = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=PERMUTATIONS)
    signatures = {}
    for article in articles:
        signature = minhash(article.text)
        for other in index.query(signature):
            if signature.jaccard(signatures[other]) >= NEAR_DUPLICATE:
                groups.union(article.id, other)
        index.insert(article.id, signature)
        signatures[article.id] = signature
    counts = {a.id: len(sentences_of(a.text)) for a in articles}
    shared_counts = shared_sentence_counts(articles)
    for (a, b), shared in shared_counts.items():
        if shared >= COPY_SENTENCES_ALONE or (shared >= COPY_MIN_SENTENCES and shared >= COPY_SHARE * min(counts[a], counts[b])):
            groups.union(a, b)
    for a, b in rewrite_pairs(articles, shared_counts):
        groups.union(a, b)
    credits = {a.id: agency_credit(a.text) for a in articles}
    agency_origin: dict[str, str] = {}
    for article_id, agency in credits.items():
        if agency:
            first = agency_origin.setdefault(agency, article_id)
            groups.union(first, article_id)
    origin_names = {groups.find(aid): f"wire:{credits[aid]}" for aid in ids if credits[aid]}
    return {aid: origin_names.get(groups.find(aid), f"origin:{groups.find(aid)}") for aid in ids}
