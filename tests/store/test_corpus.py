"""The corpus store: migrations, idempotent ingest, crash safety, stories, analysis and export."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from rashomon.annotate import annotate_articles
from rashomon.annotate.types import DocAnnotations
from rashomon.errors import StoreError
from rashomon.ingest import read_paths
from rashomon.model import Actor, Finding
from rashomon.pipeline import analyze, analyze_story, ingest_into_store
from rashomon.resolve import build_records
from rashomon.store.corpus import CorpusStore
from rashomon.store.items import ITEM_TABLES, NO_ACTORS, read_items
from rashomon.store.migrations import MIGRATIONS, migrate
from tests.helpers.cli import run
from tests.helpers.paths import HOSTILE
from tests.helpers.stores import consistent


def test_migrations_are_ordered_recorded_and_applied_once(tmp_path):
    versions = [version for version, _, _ in MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    assert migrate(con) == versions
    assert migrate(con) == []
    assert [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()] == versions
    con.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', now())")
    with pytest.raises(StoreError, match=r"^the store has schema version 999, newer than this rashomon knows \(\d+\); upgrade rashomon$"):
        migrate(con)


def test_ingesting_twice_changes_nothing(tmp_path, stream_file):
    path = tmp_path / "news.duckdb"
    with CorpusStore(path) as store:
        first = ingest_into_store([stream_file], store, batch_size=16)
        again = ingest_into_store([stream_file, stream_file], store, batch_size=16)
        assert (first.added, again.added, again.already_stored) == (60, 0, 60)
        stories_before = store.stories()
    assert consistent(path) == (60, 0)
    with CorpusStore(path) as store:
        assert store.stories() == stories_before


def children_of(pid: int) -> set[int]:
    """Live child processes of a process, from /proc."""
    children = set()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                children.add(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    return children


def descendants_of(pid: int) -> set[int]:
    """Every live process below a process (workers forked from a forkserver are its grandchildren)."""
    found, frontier = set(), {pid}
    while frontier:
        frontier = set().union(*(children_of(p) for p in frontier)) - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_kill_during_ingest_loses_nothing_committed_and_duplicates_nothing(tmp_path, stream_file):
    path = tmp_path / "news.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli", "ingest", str(stream_file), "--db", str(path), "--batch", "3", "--workers", "2"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    committed = []
    for line in process.stderr:
        if line.startswith("committed"):
            committed.append(line)
            if len(committed) == 3:
                workers = descendants_of(process.pid)
                process.send_signal(signal.SIGKILL)
                break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert len(workers) >= 3, "the forkserver and the two workers were running"
    assert not any(alive(pid) for pid in workers), "worker processes outlived the killed ingest"
    stored, duplicates = consistent(path)
    assert 9 <= stored < 60 and duplicates == 0
    done = run("ingest", str(stream_file), "--db", str(path), "--batch", "3")
    assert done.exit_code == 0, done.output
    assert f"added {60 - stored}, skipped {stored} already stored" in done.stderr
    assert consistent(path) == (60, 0)


def test_stories_separate_events_and_list_as_json(tmp_path, stream_file):
    path = tmp_path / "news.duckdb"
    assert run("ingest", str(stream_file), str(HOSTILE), "--db", str(path)).exit_code == 0
    listed = run("stories", "--db", str(path), "--json")
    assert listed.exit_code == 0, listed.output
    stories = [json.loads(line) for line in listed.stdout.splitlines()]
    members = {a["source_path"]: s["id"] for s in stories for a in s["articles"]}
    assert len(members) == 62 and all({"id", "title", "articles"} <= s.keys() for s in stories)
    hostile = {s for p, s in members.items() if p.startswith(str(HOSTILE))}
    assert len(hostile) == 1
    by_town = {}
    for i in range(60):
        by_town.setdefault(i % 10, set()).add(members[f"{stream_file}#r{i}"])
    assert all(len(ids) == 1 for ids in by_town.values()), "reports of one town's fire were split"
    assert len(set().union(*by_town.values())) == 10, "fires in different towns were merged"
    assert not hostile & set().union(*by_town.values())


def test_a_stored_story_analyses_like_its_files(tmp_path):
    with CorpusStore(tmp_path / "news.duckdb") as store:
        ingest_into_store([HOSTILE], store)
        (story,) = store.stories()
        stored = analyze_story(store, story["id"])
        assert store.stats()["findings"] == len(stored.findings) > 0
    direct = analyze([HOSTILE])
    assert [f.model_dump() for f in stored.findings] == [f.model_dump() for f in direct.findings]
    assert [a.model_dump() for a in stored.actors] == [a.model_dump() for a in direct.actors]


def test_a_saved_analysis_reads_back_as_the_records_it_was_written_from(tmp_path):
    with CorpusStore(tmp_path / "news.duckdb") as store:
        ingest_into_store([HOSTILE], store)
        (story,) = store.stories()
        dossier = analyze_story(store, story["id"])
        actors = store.con.execute("SELECT * EXCLUDE (story_id) FROM actors ORDER BY id").fetchall()
        columns = [d[0] for d in store.con.description]
        findings = store.con.execute("SELECT * EXCLUDE (story_id) FROM findings ORDER BY id").fetchall()
        finding_columns = [d[0] for d in store.con.description]
    assert len(actors) == len(dossier.actors) > 0 and len(findings) == len(dossier.findings) > 0
    assert [Actor.model_validate(dict(zip(columns, row))) for row in actors] == sorted(dossier.actors, key=lambda a: a.id)
    for row, finding in zip(findings, sorted(dossier.findings, key=lambda f: f.id), strict=True):
        values = dict(zip(finding_columns, row))
        assert Finding.model_validate_json(values.pop("data")) == finding
        assert values == finding.model_dump(mode="json", exclude={"sides"})


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table(tmp_path, fmt):
    path = tmp_path / "news.duckdb"
    with CorpusStore(path) as store:
        ingest_into_store([HOSTILE], store)
        analyze_story(store, store.stories()[0]["id"])
    done = run("export", "--db", str(path), "-o", str(tmp_path / "out"), "--format", fmt)
    assert done.exit_code == 0, done.output
    con = duckdb.connect()
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    for table, expected in (("articles", 2), ("findings", None), ("quotes", None)):
        rows = con.execute(f"SELECT count(*) FROM {reader}('{tmp_path / 'out' / (table + '.' + fmt)}')").fetchone()[0]
        assert rows == expected if expected is not None else rows > 0
    with CorpusStore(path) as store:
        stored = {row[0]: row[1] for row in store.con.execute("SELECT id, aliases FROM actors").fetchall()}
    exported = con.execute(f"SELECT id, aliases FROM {reader}('{tmp_path / 'out' / ('actors.' + fmt)}')").fetchall()
    read_back = {key: json.loads(value) if fmt == "csv" else value for key, value in exported}  # CSV: a JSON array, not a Python repr
    assert read_back == stored and any(stored.values())


def test_stats_as_json(tmp_path, stream_file):
    path = tmp_path / "news.duckdb"
    with CorpusStore(path) as store:
        ingest_into_store([str(stream_file)], store, workers=1)
        expected = store.stats()
    done = run("stats", "--db", str(path), "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == expected and expected["articles"] == 60


def test_bad_store_gives_one_line(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("this is not a database\n" * 50)
    for args in (("stats", "--db", str(bogus)), ("analyze", "--db", str(bogus), "--story", "s1")):
        done = run(*args)
        assert done.exit_code == 4, done.output  # 4: the store cannot be used
        assert done.stderr.startswith(f"rashomon: {bogus} is not a readable rashomon store: ") and done.stderr.count("\n") == 1
    missing = run("stats", "--db", str(tmp_path / "missing.duckdb"))
    assert (missing.exit_code, missing.stderr) == (4, f"rashomon: {tmp_path / 'missing.duckdb'}: no such store\n")
    assert bogus.read_text().startswith("this is not a database")


def store_as_version_6_left_it(path: Path, published: list[str | None]) -> None:
    """A store with schema version 6, whose articles keep their publication dates as the text they came with."""
    con = duckdb.connect(str(path))
    assert migrate(con, until=6) == [1, 2, 3, 4, 5, 6]
    for n, text in enumerate(published, start=1):
        con.execute(
            "INSERT INTO articles (id, source_path, published, word_count, text, ingested_at, seq) VALUES (?, ?, ?, 3, 'a b c', now(), ?)",
            [f"a{n}", f"a{n}.txt", text, n],
        )
        con.execute("INSERT INTO annotations VALUES (?, ?)", [f"a{n}", DocAnnotations().to_json()])
        con.execute("INSERT INTO article_features VALUES (?, '{}')", [f"a{n}"])
        con.execute("INSERT INTO story_articles VALUES (?, 's1', 1.0)", [f"a{n}"])
    con.close()


def test_migration_7_reads_stored_publication_text_into_utc_timestamps(tmp_path, caplog):
    path = tmp_path / "old.duckdb"
    store_as_version_6_left_it(path, ["2024-03-05T10:00:00+02:00", "March 5, 2024", "2024-03-06", "not a date", "", None])
    with caplog.at_level("WARNING", logger="rashomon.store"), CorpusStore(path) as store:
        kind = store.con.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'articles' AND column_name = 'published'"
        )
        assert kind.fetchone()[0] == "TIMESTAMP"
        published = dict(store.con.execute("SELECT id, published FROM articles").fetchall())
        stats = store.stats()
    assert published == {
        "a1": datetime(2024, 3, 5, 8, 0),
        "a2": datetime(2024, 3, 5),
        "a3": datetime(2024, 3, 6),
        "a4": None,
        "a5": None,
        "a6": None,
    }
    assert [r.getMessage() for r in caplog.records] == ["2 stored publication dates could not be read as dates and are now empty"]
    assert (stats["schema_version"], stats["first_published"], stats["last_published"]) == (
        MIGRATIONS[-1][0],
        "2024-03-05T00:00:00+00:00",
        "2024-03-06T00:00:00+00:00",
    )


def test_migration_7_of_readable_dates_logs_nothing(tmp_path, caplog):
    path = tmp_path / "old.duckdb"
    store_as_version_6_left_it(path, ["2024-03-05"])
    with caplog.at_level("WARNING", logger="rashomon.store"), CorpusStore(path) as store:
        assert store.con.execute("SELECT published FROM articles").fetchone()[0] == datetime(2024, 3, 5)
    assert caplog.records == []


def test_a_stored_article_reads_back_with_its_publication_moment(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text((HOSTILE / "second.txt").read_text().replace("published: 2024-03-04T15:30:00", "published: 2024-03-05T10:00:00+02:00"))
    with CorpusStore(tmp_path / "news.duckdb") as store:
        ingest_into_store([story], store)
        (listed,) = store.stories()
        (annotated,) = store.story_articles(listed["id"])
    assert annotated.article.published == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    assert listed["articles"][0]["published"] == "2024-03-05T08:00:00+00:00"


def item_records_of(annotated) -> dict[str, list]:
    """The records each item table should hold for one article: the resolve stage's, for the article alone."""
    records = build_records([annotated], NO_ACTORS)
    return {table: getattr(records, table) for table in ITEM_TABLES}


def test_item_tables_have_a_column_per_field_of_their_record(tmp_path):
    with CorpusStore(tmp_path / "news.duckdb") as store:
        for table, record in ITEM_TABLES.items():
            columns = store.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
            )
            assert tuple(row[0] for row in columns.fetchall()) == tuple(record.model_fields), table


def test_item_rows_read_back_as_the_records_they_were_written_from(tmp_path):
    annotated = list(annotate_articles(read_paths([HOSTILE]).articles))
    with CorpusStore(tmp_path / "news.duckdb") as store:
        ingest_into_store([HOSTILE], store)
        for item in annotated:
            expected = item_records_of(item)
            assert expected["claims"] and expected["numbers"] and expected["quotes"] and expected["mentions"]
            assert any(c.number_ids for c in expected["claims"]) and any(q.speaker_name for q in expected["quotes"])
            for table in ITEM_TABLES:
                assert read_items(store.con, table, item.article.id) == expected[table], table
        assert read_items(store.con, "claims", "no such article") == []


def test_migration_8_rebuilds_the_item_rows_of_a_store_from_its_annotations(tmp_path):
    (item,) = annotate_articles(read_paths([HOSTILE / "second.txt"]).articles)
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, until=7)
    con.execute(
        "INSERT INTO articles (id, source_path, word_count, text, ingested_at, seq) VALUES (?, ?, 3, ?, now(), 1)",
        [item.article.id, item.article.source_path, item.article.text],
    )
    con.execute("INSERT INTO annotations VALUES (?, ?)", [item.article.id, item.found.to_json()])
    con.execute("INSERT INTO article_features VALUES (?, '{}')", [item.article.id])
    con.execute("INSERT INTO story_articles VALUES (?, 's1', 1.0)", [item.article.id])
    con.execute("INSERT INTO quotes VALUES (?, 1, 'old words', 'someone', 'said', true, 0, 9)", [item.article.id])
    con.close()
    with CorpusStore(path) as store:
        expected = item_records_of(item)
        for table in ITEM_TABLES:
            assert read_items(store.con, table, item.article.id) == expected[table], table
        assert store.stats()["quotes"] == len(expected["quotes"]) > 0


def test_migration_9_gives_saved_actors_their_merge_reasons_and_keeps_older_ones(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, until=8)
    con.execute("INSERT INTO actors VALUES ('s1', 'person:ann-lee', 'Ann Lee', 'PERSON', ['Ann Lee', 'Lee'], 2, ['a1'])")
    con.close()
    with CorpusStore(path) as store:
        columns = store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'actors' ORDER BY ordinal_position"
        ).fetchall()
        old = store.con.execute("SELECT name, aliases, merges FROM actors").fetchall()
        ingest_into_store([HOSTILE], store)
        (story,) = store.stories()
        dossier = analyze_story(store, story["id"])
        saved = dict(store.con.execute("SELECT id, merges FROM actors WHERE story_id = ?", [story["id"]]).fetchall())
    assert tuple(name for (name,) in columns) == ("story_id", *Actor.model_fields)
    assert old == [("Ann Lee", ["Ann Lee", "Lee"], None)]  # never recorded: analysing the story again fills it
    assert any(actor.merges for actor in dossier.actors)
    assert saved == {actor.id: [merge.model_dump() for merge in actor.merges] for actor in dossier.actors}


def test_a_writer_checks_the_schema_once_and_not_at_each_reopen_between_batches(tmp_path, monkeypatch):
    from rashomon.store import corpus

    checks = []
    monkeypatch.setattr(corpus, "migrate", lambda con: checks.append(con) or migrate(con))
    store = CorpusStore(tmp_path / "news.duckdb")
    assert len(checks) == 1
    for _ in range(3):
        store.release()
        assert store.article_count() == 0
    assert len(checks) == 1
    store.close()
    with CorpusStore(tmp_path / "news.duckdb") as again:
        assert again.article_count() == 0
    assert len(checks) == 2
