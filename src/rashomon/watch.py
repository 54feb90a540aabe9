"""Feeds into the corpus store: poll each feed, fetch the items not seen before, ingest them; again every so often.

A round commits what it fetched even when interrupted (Ctrl-C): the articles already downloaded are ingested, the
items handled are remembered, and the loop stops.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from rashomon.ingest.feeds import poll_feed
from rashomon.ingest.readers import InputProblem
from rashomon.ingest.web import Fetcher, FetchProblem, fetch_article
from rashomon.model import Article, Diagnostic
from rashomon.pipeline import StoreIngestReport, ingest_into_store
from rashomon.store.corpus import CorpusStore
from rashomon.store.feeds import feed_validators, remember_poll, seen_items

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$", re.IGNORECASE)
SECONDS_PER_UNIT = {"s": 1, "m": 60, "h": 3600}


def parse_duration(text: str) -> float:
    """Seconds in "30s", "10m", "1h" or a plain number of seconds; ValueError otherwise."""
    match = DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(text)
    return float(match.group(1)) * SECONDS_PER_UNIT[(match.group(2) or "s").lower()]


@dataclass
class FeedRound:
    """What one poll of the feeds did: items new to the store's memory, and the ingest of the articles fetched."""

    new_items: int = 0
    not_modified: int = 0
    ingest: StoreIngestReport = field(default_factory=StoreIngestReport)
    interrupted: bool = False


@dataclass
class FeedWork:
    """One feed's part of a round, collected before anything is written."""

    url: str
    handled: list[str] = field(default_factory=list)
    validators: tuple[str | None, str | None] | None = None


def fetch_new_items(
    fetcher: Fetcher, store: CorpusStore, url: str, work: FeedWork, articles: list[Article], diagnostics: list[Diagnostic], done: FeedRound
) -> None:
    """Poll one feed and download the items it lists that no earlier poll handled.

    An item counts as handled when its article was fetched or refused for good; one that failed in a way that may pass
    (a timeout, HTTP 5xx) is tried again next round, and so the feed's validators are kept only when none did.
    """
    poll = poll_feed(fetcher, url, *feed_validators(store, url))
    if not poll.changed:
        done.not_modified += 1
        work.validators = (poll.etag, poll.last_modified)
        return
    seen = seen_items(store, url, (item.key for item in poll.items))
    store.release()  # downloading the items takes a while: readers (serve, stories) may use the store meanwhile
    fresh = [item for item in {item.key: item for item in poll.items}.values() if item.key not in seen]
    done.new_items += len(fresh)
    retry_later = False
    for item in fresh:
        try:
            articles.append(fetch_article(fetcher, item.link))
        except FetchProblem as problem:
            diagnostics.append(Diagnostic(source_path=item.link, stage="ingest", message=str(problem)))
            if problem.transient:
                retry_later = True
                continue
        except InputProblem as problem:
            diagnostics.append(Diagnostic(source_path=item.link, stage="ingest", message=str(problem)))
        work.handled.append(item.key)
    if not retry_later:
        work.validators = (poll.etag, poll.last_modified)


def poll_feeds_once(feeds: list[str], store: CorpusStore, fetcher: Fetcher, **ingest_options) -> FeedRound:
    """One round over the feeds: new items fetched, their articles ingested, the items and validators remembered."""
    done, articles, diagnostics, works = FeedRound(), [], [], []
    try:
        for url in feeds:
            work = FeedWork(url)
            works.append(work)
            try:
                fetch_new_items(fetcher, store, url, work, articles, diagnostics, done)
            except InputProblem as problem:
                diagnostics.append(Diagnostic(source_path=url, stage="ingest", message=str(problem)))
    except KeyboardInterrupt:
        done.interrupted = True
    if articles:
        try:
            done.ingest = ingest_into_store(articles, store, **ingest_options)
        except KeyboardInterrupt:  # the batches committed stay; the items are fetched again next time, then skipped as stored
            done.interrupted = True
            return done
    done.ingest.diagnostics = diagnostics + done.ingest.diagnostics
    for work in works:
        remember_poll(store, work.url, work.handled, work.validators)
    store.release(checkpoint=True)  # until the next round, the store is the readers'
    return done


def watch_feeds(
    feeds: list[str],
    store: CorpusStore,
    fetcher: Fetcher,
    every: float | None = None,
    rounds: int | None = None,
    on_round: Callable[[FeedRound], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    **ingest_options,
) -> list[FeedRound]:
    """Poll the feeds once, or every ``every`` seconds until Ctrl-C (or ``rounds`` rounds, for tests and scripts)."""
    done: list[FeedRound] = []
    while True:
        result = poll_feeds_once(feeds, store, fetcher, **ingest_options)
        done.append(result)
        if on_round is not None:
            on_round(result)
        if result.interrupted or every is None or (rounds is not None and len(done) >= rounds):
            return done
        try:
            sleep(every)
        except KeyboardInterrupt:
            return done
