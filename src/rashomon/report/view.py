"""What the HTML report and the web UI show, computed once from a dossier.

Templates receive plain values only: every piece of article text reaches them
as :class:`Segment` lists (text plus a highlight flag), never as markup, so
autoescaping covers all untrusted content.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from rashomon.model import Actor, Article, Claim, DateMention, Dossier, Finding, NumberClaim, Quote
from rashomon.report.aliases import also_written
from rashomon.report.outlets import outlet_labels

SAFE_URL_SCHEMES = {"http", "https"}
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+|\n\s*\n")
MAX_CONTEXT_CHARS = 600
MAX_MATRIX_ROWS = 40
MAX_NETWORK_ACTORS = 30
KIND_TITLES = {
    "disputed": "Disputed",
    "corroborated": "Corroborated",
    "evolving": "Changing figures",
    "single_source": "Single source",
}


@dataclass(frozen=True)
class Segment:
    """A run of article text, highlighted or not."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Evidence:
    """One item's sentence in its article, with the item's words (or the contested words) highlighted."""

    id: str
    article_id: str
    outlet: str
    segments: tuple[Segment, ...]
    start_char: int
    end_char: int
    before: str = ""
    """The sentence before the item's sentence ("" at the start of the article)."""
    after: str = ""
    """The sentence after it ("" at the end)."""


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web link; anything else (``javascript:``, ``data:``, relative) is not linked."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.netloc:
        return None
    return url.strip()


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around ``text[start:end]``, at most about MAX_CONTEXT_CHARS long."""
    left = max(0, start - MAX_CONTEXT_CHARS // 2)
    before = [m.end() for m in SENTENCE_END.finditer(text, left, start)]
    sentence_start = before[-1] if before else (left if left else 0)
    after = SENTENCE_END.search(text, max(start, end - 1))
    sentence_end = (
        after.start() + len(after.group().rstrip())
        if after and after.start() - end < MAX_CONTEXT_CHARS // 2
        else min(len(text), end + MAX_CONTEXT_CHARS // 2)
    )
    return sentence_start, max(sentence_end, end)


def sentence_before(text: str, start: int) -> str:
    """The sentence that ends where ``text[start:]`` begins, at most about MAX_CONTEXT_CHARS / 2 long ("…" marks a cut)."""
    left = max(0, start - MAX_CONTEXT_CHARS // 2)
    ends = [m.end() for m in SENTENCE_END.finditer(text, left, start) if m.end() < start]
    begin = ends[-1] if ends else left
    sentence = " ".join(text[begin:start].split())
    return f"\u2026{sentence}" if sentence and begin == left and left > 0 else sentence


def sentence_after(text: str, end: int) -> str:
    """The sentence that begins after ``text[:end]``, at most about MAX_CONTEXT_CHARS / 2 long ("…" marks a cut)."""
    begin = end + len(text[end:]) - len(text[end:].lstrip())
    found = SENTENCE_END.search(text, begin + 1)
    limit = begin + MAX_CONTEXT_CHARS // 2
    stop = found.start() + len(found.group().rstrip()) if found and found.start() < limit else min(len(text), limit)
    sentence = " ".join(text[begin:stop].split())
    return f"{sentence}\u2026" if sentence and stop == limit and stop < len(text) else sentence


def segments(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """``text[start:end]`` cut into plain and highlighted runs; overlapping marks are merged."""
    merged: list[list[int]] = []
    for mark_start, mark_end in sorted((max(start, a), min(end, b)) for a, b in marks if a < end and b > start):
        if merged and mark_start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], mark_end)
        else:
            merged.append([mark_start, mark_end])
    runs, cursor = [], start
    for mark_start, mark_end in merged:
        if mark_start > cursor:
            runs.append(Segment(text[cursor:mark_start]))
        runs.append(Segment(text[mark_start:mark_end], True))
        cursor = mark_end
    if cursor < end:
        runs.append(Segment(text[cursor:end]))
    return tuple(runs)


def wall_time(article: Article) -> datetime | None:
    """When an article was published, as the clock where it was published read (naive, like the resolved dates it is
    shown among)."""
    return article.published.replace(tzinfo=None) if article.published else None


def parse_time(value: str | None) -> datetime | None:
    """A resolved date's ISO value (a :class:`DateMention` keeps it as text), naive, else None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None


@dataclass
class DossierView:
    """Indexes and derived tables over one dossier, shared by the report and the web UI."""

    dossier: Dossier

    @cached_property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.dossier.articles}

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.dossier.actors}

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.dossier.claims}

    @cached_property
    def quotes(self) -> dict[str, Quote]:
        return {q.id: q for q in self.dossier.quotes}

    @cached_property
    def numbers(self) -> dict[str, NumberClaim]:
        return {n.id: n for n in self.dossier.numbers}

    @cached_property
    def dates(self) -> dict[str, DateMention]:
        return {d.id: d for d in self.dossier.dates}

    @cached_property
    def findings(self) -> dict[str, Finding]:
        return {f.id: f for f in self.dossier.findings}

    @cached_property
    def outlet_labels(self) -> dict[str, str]:
        return outlet_labels(self.dossier.articles)

    def outlet(self, article_id: str) -> str:
        """Where an article came from, as every page and chart of this dossier names it (see :func:`outlet_labels`)."""
        return self.outlet_labels[article_id]

    def outlets_of(self, article_ids: list[str]) -> list[str]:
        return list(dict.fromkeys(self.outlet(a) for a in article_ids if a in self.articles))

    @cached_property
    def outlets(self) -> list[str]:
        """Distinct outlet labels in article order."""
        return list(dict.fromkeys(self.outlet(a.id) for a in self.dossier.articles))

    def by_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.dossier.findings if f.kind == kind]

    @cached_property
    def headline(self) -> str | None:
        """What the event is, in the words of its reports: the title of the earliest published article (articles
        without a date come after dated ones, in dossier order); None when no article has a title."""
        titled = [a for a in self.dossier.articles if a.title and a.title.strip()]
        if not titled:
            return None
        order = {a.id: n for n, a in enumerate(titled)}
        dated = [(t, order[a.id], a) for a in titled if (t := wall_time(a)) is not None]
        first = min(dated, key=lambda item: item[:2])[2] if dated else titled[0]
        return " ".join(first.title.split())

    @cached_property
    def event(self) -> dict:
        """The event in a few numbers: articles, outlets, independent origins, time span, top actors."""
        times = sorted(t for a in self.dossier.articles if (t := wall_time(a)))
        kinds = Counter(f.kind for f in self.dossier.findings)
        people = sorted(self.dossier.actors, key=lambda a: (-len(a.article_ids), -a.mentions, a.name))[:5]
        return {
            "articles": len(self.dossier.articles),
            "outlets": len(self.outlets),
            "origins": len({a.origin or a.id for a in self.dossier.articles}),
            "first": times[0] if times else None,
            "last": times[-1] if times else None,
            "words": sum(a.word_count for a in self.dossier.articles),
            "kinds": {kind: kinds.get(kind, 0) for kind in KIND_TITLES},
            "top_actors": people,
        }

    def contested_marks(self, claim: Claim, finding: Finding | None) -> list[tuple[int, int]]:
        """The words a dispute turns on: the figures of a numeric conflict, the verb of a contradiction."""
        if finding is None or finding.kind not in ("disputed", "evolving"):
            return []
        marks = []
        if finding.relation in ("numeric_conflict", "evolving") or finding.kind == "evolving":
            numbers = [n for i in claim.number_ids if (n := self.numbers.get(i))]
            held = {i for side in finding.sides for i in side.number_ids}
            # A dossier written before sides carried their numbers (schema < 1.2) marks all of the claim's figures.
            marks += [(n.start_char, n.end_char) for n in [n for n in numbers if n.id in held] or numbers]
        if not marks and claim.predicate_start is not None and claim.predicate_end is not None:
            marks.append((claim.predicate_start, claim.predicate_end))
        return marks

    def claim_evidence(self, claim_id: str, finding: Finding | None = None) -> Evidence:
        """A claim's sentence; inside a dispute the contested words are highlighted, elsewhere the whole claim."""
        claim = self.claims[claim_id]
        text = self.articles[claim.article_id].text
        marks = self.contested_marks(claim, finding) or [(claim.start_char, claim.end_char)]
        start, end = sentence_bounds(text, claim.start_char, claim.end_char)
        return Evidence(
            claim.id,
            claim.article_id,
            self.outlet(claim.article_id),
            segments(text, start, end, marks),
            claim.start_char,
            claim.end_char,
            sentence_before(text, start),
            sentence_after(text, end),
        )

    def span_evidence(self, item_id: str, article_id: str, start: int, end: int) -> Evidence:
        """Any span (quote, number, date) in its sentence, highlighted."""
        text = self.articles[article_id].text
        left, right = sentence_bounds(text, start, end)
        return Evidence(
            item_id,
            article_id,
            self.outlet(article_id),
            segments(text, left, right, [(start, end)]),
            start,
            end,
            sentence_before(text, left),
            sentence_after(text, right),
        )

    def evidence(self, item_id: str) -> Evidence | None:
        """The evidence of any item with offsets, by id."""
        if item_id in self.claims:
            return self.claim_evidence(item_id)
        item = self.quotes.get(item_id) or self.numbers.get(item_id) or self.dates.get(item_id)
        if item is None:
            return None
        return self.span_evidence(item.id, item.article_id, item.start_char, item.end_char)

    @cached_property
    def evidence_items(self) -> list[Evidence]:
        """Every claim cited by a finding and every quote, once each: what evidence links point to."""
        cited = dict.fromkeys(c for f in self.dossier.findings for c in f.claim_ids)
        items = [self.claim_evidence(c) for c in cited if c in self.claims]
        items += [self.span_evidence(q.id, q.article_id, q.start_char, q.end_char) for q in self.dossier.quotes]
        items += [self.span_evidence(n.id, n.article_id, n.start_char, n.end_char) for n in self.dossier.numbers]
        return items

    def actor_outlets(self, actor: Actor) -> list[str]:
        return self.outlets_of(actor.article_ids)

    also_written = staticmethod(also_written)

    @cached_property
    def quotes_by_speaker(self) -> list[tuple[str, str | None, list[Quote]]]:
        """(speaker name, actor id, quotes) with the most quoted speaker first."""
        groups: dict[tuple[str, str | None], list[Quote]] = defaultdict(list)
        for quote in self.dossier.quotes:
            groups[(quote.speaker_name or "(speaker unknown)", quote.speaker_id)].append(quote)
        return [
            (name, actor_id, quotes) for (name, actor_id), quotes in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0][0]))
        ]

    @cached_property
    def timeline(self) -> list[dict]:
        """Dated statements in time order: each resolved date with the claim (or sentence) it belongs to."""
        claim_of_date = {d: c for c in self.dossier.claims for d in c.date_ids}
        rows = []
        for date in self.dossier.dates:
            when = parse_time(date.value)
            if when is None:
                continue
            claim = claim_of_date.get(date.id)
            evidence = self.span_evidence(date.id, date.article_id, date.start_char, date.end_char)
            rows.append({"when": when, "date": date, "claim": claim, "evidence": evidence, "outlet": self.outlet(date.article_id)})
        for article in self.dossier.articles:
            if when := wall_time(article):
                rows.append(
                    {"when": when, "date": None, "claim": None, "evidence": None, "outlet": self.outlet(article.id), "published": article}
                )
        return sorted(rows, key=lambda row: (row["when"], row["outlet"]))

    @cached_property
    def unresolved_dates(self) -> int:
        return sum(1 for d in self.dossier.dates if parse_time(d.value) is None)

    @cached_property
    def agreement(self) -> tuple[list[Finding], list[str], list[list[str]]]:
        """Findings x outlets: 'supports' (holds the finding, or the first side of a dispute), 'disputes' (another side), 'silent'."""
        rows = [f for kind in ("disputed", "evolving", "corroborated") for f in self.by_kind(kind)][:MAX_MATRIX_ROWS]
        matrix = []
        for finding in rows:
            cells = {outlet: "silent" for outlet in self.outlets}
            if finding.sides:
                for index, side in enumerate(finding.sides):
                    for article_id in side.article_ids:
                        label = self.outlet(article_id)
                        if index == 0 and cells[label] == "silent":
                            cells[label] = "supports"
                        elif index > 0:
                            cells[label] = "disputes" if cells[label] == "silent" else "both"
            else:
                for claim_id in finding.claim_ids:
                    claim = self.claims.get(claim_id)
                    if claim is not None:
                        cells[self.outlet(claim.article_id)] = "disputes" if claim.status == "denied" else "supports"
            matrix.append([cells[outlet] for outlet in self.outlets])
        return rows, self.outlets, matrix

    @cached_property
    def co_mentions(self) -> tuple[list[Actor], Counter]:
        """The most mentioned actors and how often each pair is named in the same claim or quote."""
        top = sorted(self.dossier.actors, key=lambda a: (-a.mentions, a.name))[:MAX_NETWORK_ACTORS]
        keep = {a.id for a in top}
        pairs: Counter = Counter()
        for claim in self.dossier.claims:
            ids = sorted({a for a in [*claim.actor_ids, claim.attributed_to] if a in keep})
            for i, first in enumerate(ids):
                for second in ids[i + 1 :]:
                    pairs[(first, second)] += 1
        return top, pairs

    def finding_articles(self, finding: Finding) -> list[str]:
        return list(dict.fromkeys(self.claims[c].article_id for c in finding.claim_ids if c in self.claims))

    @cached_property
    def search_texts(self) -> dict[str, list[tuple[str, Actor | Quote | Claim]]]:
        """Each searchable item with its text casefolded once, so that a query costs one pass per distinct word."""

        def folded(*texts: str | None) -> str:
            return " ".join(t for t in texts if t).casefold()

        return {
            "actors": [(folded(a.name, *a.aliases), a) for a in self.dossier.actors],
            "quotes": [(folded(q.text, q.speaker_name), q) for q in self.dossier.quotes],
            "claims": [(folded(c.text, c.attributed_name), c) for c in self.dossier.claims],
        }

    def search(self, query: str, limit: int = 50) -> dict[str, list]:
        """Quotes, claims and actors whose text contains every word of the query (case-insensitive), at most ``limit`` each."""
        words = list(dict.fromkeys(query.casefold().split()))
        if not words:
            return {"actors": [], "quotes": [], "claims": []}
        found: dict[str, list] = {}
        for kind, items in self.search_texts.items():
            hits = (item for haystack, item in items if all(w in haystack for w in words))
            found[kind] = list(itertools.islice(hits, limit))
        return found

    def article_segments(self, article_id: str, marks: list[tuple[int, int]]) -> list[tuple[Segment, ...]]:
        """An article's paragraphs, each cut into runs, with the given spans highlighted."""
        text = self.articles[article_id].text
        paragraphs = []
        cursor = 0
        for match in re.finditer(r"\n\s*\n", text):
            paragraphs.append((cursor, match.start()))
            cursor = match.end()
        paragraphs.append((cursor, len(text)))
        return [segments(text, a, b, marks) for a, b in paragraphs if text[a:b].strip()]
