"""Quote speakers given by a pronoun or a description, scored against a gold set written by reading the articles.

Each gold line names an article (an ECB+ document of topics 1–35 or an FNC-1 training body, read from
``../shared/datasets`` at run time), the first words of one quote, the pronoun or description the article credits
it to, and the name the article ties that credit to (``null`` when it ties it to none: anonymous sources, bodies
never named). Each article is analysed alone, as ``rashomon analyze`` would a one-article input.

A quote's outcome:
- ``right``: the gold names a speaker and one of rashomon's names for the quote's speaker (its actor's name or
  aliases) is that name, its surname alone, or a longer form of it; or the gold names none and
  rashomon gives no name either;
- ``wrong``: rashomon gives a name that is not the gold's (or any name where the gold has none);
- ``left``: the gold names a speaker and rashomon keeps the pronoun or description (no name);
- ``missed``: rashomon extracted no quote at the gold's words.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rashomon.evaluation.events import ecb_article, fnc_article
from rashomon.model import Article, Dossier, Quote

OUTCOMES = ("right", "wrong", "left", "missed")
# Capitalised words that open a credit without naming anyone ("He said", "The company said").
NOT_NAME_OPENERS = frozenset({"he", "she", "they", "it", "we", "i", "the", "a", "an", "this", "that", "his", "her", "its"})


@dataclass(frozen=True)
class GoldQuote:
    """One gold line: a quote credited by a pronoun or description, and the name the article ties it to."""

    article: str
    quote: str
    attribution: str
    speaker: str | None
    kind: str


def split_of(article: str) -> str:
    """``dev`` or ``test``: half the articles (by a checksum of their id, so the split never depends on file order) are
    for developing the speaker rules, the other half only for scoring them."""
    return "dev" if zlib.crc32(article.encode()) % 2 == 0 else "test"


@dataclass(frozen=True)
class Scored:
    """A gold quote with rashomon's names for its speaker and the outcome."""

    gold: GoldQuote
    names: tuple[str, ...]
    outcome: str


def load_gold(path: Path, split: str = "all") -> list[GoldQuote]:
    """The gold lines of a JSON-lines file, in file order: all, or those of the ``dev`` or ``test`` articles."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [GoldQuote(g["article"], g["quote"], g["attribution"], g["speaker"], g["kind"]) for g in lines]
    return [item for item in gold if split == "all" or split_of(item.article) == split]


def gold_article(name: str) -> Article:
    """The article a gold line names: ``ecb_<doc id>`` or ``fnc_<body id>``."""
    dataset, _, doc_id = name.partition("_")
    return ecb_article(doc_id) if dataset == "ecb" else fnc_article(doc_id)


def article_dossier(article: Article) -> Dossier:
    """The dossier of one article analysed alone (no findings step: speakers are settled before it)."""
    from rashomon.pipeline import annotate, assemble, ingest

    ingested = ingest([article])
    return assemble(ingested, annotate(ingested.articles))


def words(text: str) -> list[str]:
    """Lower-case words of a name, without possessives and punctuation."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['\u2019]s\b", "", text.lower()))


def is_name(text: str) -> bool:
    """Whether a speaker text names someone: it holds a capitalised word that is not a pronoun or article opening it."""
    tokens = text.split()
    return any(token[:1].isupper() and (i > 0 or token.lower() not in NOT_NAME_OPENERS) for i, token in enumerate(tokens))


def same_name(predicted: str, gold: str) -> bool:
    """Whether a predicted name is the gold name, its surname alone, or a longer form of it."""
    mine, theirs = words(predicted), words(gold)
    if not mine or not theirs:
        return False
    if mine == theirs:
        return True
    shorter, longer = sorted((mine, theirs), key=len)
    return shorter[-1] == longer[-1] and set(shorter) <= set(longer)


def quote_at(dossier: Dossier, snippet: str) -> Quote | None:
    """The extracted quote whose span holds the first words of the gold quote (compared with spaces collapsed)."""
    text = dossier.articles[0].text
    flat = re.sub(r"\s+", " ", snippet).strip()
    pattern = r"\s+".join(re.escape(word) for word in flat.split(" "))
    found = re.search(pattern, text)
    if found is None:
        return None
    start = found.start()
    holding = [q for q in dossier.quotes if q.start_char <= start < q.end_char]
    return min(holding, key=lambda q: q.end_char - q.start_char) if holding else None


def speaker_names(dossier: Dossier, quote: Quote) -> tuple[str, ...]:
    """rashomon's names for a quote's speaker: the name and aliases of the actor it is credited to (a speaker left as
    a pronoun or description has no actor), leaving out aliases that are descriptions."""
    actors = {actor.id: actor for actor in dossier.actors}
    actor = actors.get(quote.speaker_id or "")
    if actor is None:
        return ()
    return tuple(dict.fromkeys(text for text in (actor.name, *actor.aliases) if is_name(text)))


def outcome(gold: GoldQuote, quote: Quote | None, names: tuple[str, ...]) -> str:
    """The outcome of one gold quote (see the module docstring)."""
    if quote is None:
        return "missed"
    if gold.speaker is None:
        return "right" if not names else "wrong"
    if not names:
        return "left"
    return "right" if any(same_name(name, gold.speaker) for name in names) else "wrong"


def score(gold: list[GoldQuote]) -> list[Scored]:
    """Every gold quote scored, each article analysed once."""
    dossiers: dict[str, Dossier] = {}
    scored = []
    for item in gold:
        if item.article not in dossiers:
            dossiers[item.article] = article_dossier(gold_article(item.article))
        dossier = dossiers[item.article]
        quote = quote_at(dossier, item.quote)
        names = speaker_names(dossier, quote) if quote is not None else ()
        scored.append(Scored(item, names, outcome(item, quote, names)))
    return scored


def summary(scored: list[Scored]) -> dict[str, float | int]:
    """Counts by outcome for named and unnamed gold speakers, the share right among quotes rashomon extracted, and
    the precision of the names it gives."""
    named = Counter(s.outcome for s in scored if s.gold.speaker is not None)
    unnamed = Counter(s.outcome for s in scored if s.gold.speaker is None)
    extracted = [s for s in scored if s.outcome != "missed"]
    given = [s for s in extracted if s.names]
    return {
        **{f"named_{k}": named[k] for k in OUTCOMES},
        **{f"unnamed_{k}": unnamed[k] for k in OUTCOMES},
        "right_share": sum(s.outcome == "right" for s in extracted) / len(extracted) if extracted else 0.0,
        "name_precision": sum(s.outcome == "right" for s in given) / len(given) if given else 0.0,
    }
