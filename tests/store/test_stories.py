"""Story clustering: a story can give an article back, and re-assignment undoes a wrong early placement."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import UTC, datetime

import duckdb
import numpy as np

from rashomon.clustering import ArticleFeatures, Story, StoryClusterer
from rashomon.pipeline import analyze_story, ingest_into_store
from rashomon.store.corpus import CorpusStore
from tests.helpers.cli import run
from tests.helpers.stores import consistent, invented_report


def features(names: list[str], words: list[str], direction: int, year: int) -> ArticleFeatures:
    vector = np.zeros(8, dtype=np.float32)
    vector[direction] = 1.0
    return ArticleFeatures(
        names={name: 2 for name in names},
        words={word: 3 for word in words},
        years=[year],
        published=None,
        embedding=[float(x) for x in vector],
    )


FLOOD = ["place:marrow valley", "person:ida krane", "org:valley water board"]
QUAKE = ["place:tesno", "person:omar lind", "org:tesno seismic office"]


def flood(i: int) -> ArticleFeatures:
    return features(FLOOD, ["flood", "river", "rain", "levee", f"detail{i}"], 0, 2031)


def quake(i: int) -> ArticleFeatures:
    return features(QUAKE, ["earthquake", "magnitude", "tremor", "rubble", f"detail{i}"], 1, 2032)


def test_stored_features_read_their_publication_date_whether_written_as_text_or_as_a_moment():
    written_before = {**flood(1).to_json(), "published": "March 5, 2031"}
    assert ArticleFeatures.from_json(written_before).published == datetime(2031, 3, 5, tzinfo=UTC)
    dated = replace(flood(1), published=datetime(2031, 3, 5, 10, 0, tzinfo=UTC))
    assert ArticleFeatures.from_json(dated.to_json()) == dated
    assert ArticleFeatures.from_json({**flood(1).to_json(), "published": "no date"}).published is None


def test_removing_an_article_undoes_absorbing_it():
    story = Story("s1", None)
    story.absorb(flood(1))
    before = (dict(story.names), dict(story.words), dict(story.years), story.embedding.copy(), story.size)
    story.absorb(quake(2))
    story.remove(quake(2))
    assert (dict(story.names), dict(story.words), dict(story.years), story.size) == before[:3] + (before[4],)
    assert np.allclose(story.embedding, before[3])


def test_refine_moves_a_wrongly_placed_article_to_its_event():
    clusterer = StoryClusterer()
    placements = []
    for i in range(4):
        placements.append((f"f{i}", flood(i), "s1"))
        placements.append((f"q{i}", quake(i), "s2"))
    placements.append(("misplaced", quake(9), "s1"))
    for article_id, item, story_id in placements:
        clusterer.restore(item, story_id, None)
    moved = clusterer.refine(placements)
    assert set(moved) == {"misplaced"}
    assert moved["misplaced"][0] == "s2"
    assert clusterer.stories["s1"].size == 4 and clusterer.stories["s2"].size == 5


def test_refine_leaves_good_placements_alone():
    clusterer = StoryClusterer()
    placements = [(f"f{i}", flood(i), "s1") for i in range(3)] + [(f"q{i}", quake(i), "s2") for i in range(3)]
    for _, item, story_id in placements:
        clusterer.restore(item, story_id, None)
    assert clusterer.refine(placements) == {}


def test_refined_store_stays_whole(tmp_path, stream_file):
    path = tmp_path / "news.duckdb"
    with CorpusStore(path) as store:
        report = ingest_into_store([stream_file], store, batch_size=16)
        biggest, other = [s["id"] for s in store.stories()[:2]]
        analyze_story(store, biggest)
    assert report.added == 60
    con = duckdb.connect(str(path))
    assert con.execute("SELECT count(*) FROM actors WHERE story_id = ?", [biggest]).fetchone()[0] > 0
    wrong = con.execute("SELECT article_id FROM story_articles WHERE story_id = ? LIMIT 1", [other]).fetchone()[0]
    con.execute("UPDATE story_articles SET story_id = ? WHERE article_id = ?", [biggest, wrong])
    con.close()
    done = run("refine", "--db", str(path))
    assert done.exit_code == 0, done.output
    assert "articles moved between stories: 1;" in done.stderr
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT story_id FROM story_articles WHERE article_id = ?", [wrong]).fetchone()[0] == other
        assert con.execute("SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 60
        assert con.execute("SELECT count(*) FROM actors WHERE story_id = ?", [biggest]).fetchone()[0] == 0
    finally:
        con.close()
    assert consistent(path) == (60, 0)


def test_refine_of_a_missing_store_is_a_one_line_error(tmp_path):
    done = run("refine", "--db", str(tmp_path / "missing.duckdb"))
    assert (done.exit_code, done.stderr) == (4, f"rashomon: {tmp_path / 'missing.duckdb'}: no such store\n")
    assert not (tmp_path / "missing.duckdb").exists()


def test_a_stream_of_two_events_becomes_two_stories():
    items = [(f"f{i}", flood(i)) for i in range(3)] + [(f"q{i}", quake(i)) for i in range(3)]
    stories = StoryClusterer().cluster_stream(items)
    assert len({stories[f"f{i}"] for i in range(3)}) == len({stories[f"q{i}"] for i in range(3)}) == 1
    assert stories["f0"] != stories["q0"]


def saved_findings(path, story_id: str) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM findings WHERE story_id = ?", [story_id]).fetchone()[0]
    finally:
        con.close()


def test_a_saved_analysis_is_dropped_when_its_story_gains_an_article(tmp_path):
    from rashomon.cli import example_dir

    first, second = sorted(example_dir().glob("*.txt"))
    fire = tmp_path / "fire.jsonl"
    fire.write_text(json.dumps(invented_report(0)) + "\n", encoding="utf-8")
    path = tmp_path / "news.duckdb"
    with CorpusStore(path) as store:
        ingest_into_store([first, fire], store, workers=1)
        grown, kept = [story["id"] for story in sorted(store.stories(), key=lambda s: s["articles"][0]["source_path"] != str(first))]
        analyze_story(store, grown)
        analyze_story(store, kept)
    assert saved_findings(path, grown) > 0 and saved_findings(path, kept) > 0
    with CorpusStore(path) as store:
        ingest_into_store([second], store, workers=1)
        assert len(store.story_members(grown)) == 2, "the example's second report joins the first's story"
        index = {story["id"]: story for story in store.story_index()}
    assert saved_findings(path, grown) == 0 and index[grown]["saved_findings"] is None
    # negative twin: the story that did not change keeps its analysis
    assert saved_findings(path, kept) > 0 and index[kept]["saved_findings"] is not None


def test_weights_are_the_idf_of_the_stream_as_it_stands_now():
    clusterer = StoryClusterer()
    clusterer.add("f1", flood(1))
    first = clusterer.weighted({"flood": 1, "rubble": 2}, clusterer.word_df)
    assert first == {
        "flood": clusterer.idf(clusterer.word_df, "flood"),
        "rubble": (1 + math.log(2)) * clusterer.idf(clusterer.word_df, "rubble"),
    }
    clusterer.add("q1", quake(1))
    later = clusterer.weighted({"flood": 1, "rubble": 2}, clusterer.word_df)
    assert later["flood"] == clusterer.idf(clusterer.word_df, "flood") != first["flood"]
    assert later["rubble"] < first["rubble"]


def test_name_and_word_weights_are_kept_apart():
    clusterer = StoryClusterer()
    clusterer.add("f1", features(["place:levee"], ["levee"] * 1, 0, 2031))
    clusterer.add("f2", features(["person:ida krane"], ["levee"], 0, 2031))
    words = clusterer.weighted({"levee": 1}, clusterer.word_df)
    names = clusterer.weighted({"levee": 1}, clusterer.name_df)
    assert words["levee"] == clusterer.idf(clusterer.word_df, "levee")
    assert names["levee"] == clusterer.idf(clusterer.name_df, "levee") != words["levee"]


def test_refine_reads_each_articles_vectors_once_for_all_passes():
    clusterer = StoryClusterer()
    placements = [(f"f{i}", flood(i), "s1") for i in range(3)] + [("misplaced", quake(9), "s1")]
    placements += [(f"q{i}", quake(i), "s2") for i in range(3)]
    for _, item, story_id in placements:
        clusterer.restore(item, story_id, None)
    computed = []
    article_vectors = clusterer.article_vectors
    clusterer.article_vectors = lambda item: computed.append(item) or article_vectors(item)
    moved = clusterer.refine(placements, passes=2)
    assert set(moved) == {"misplaced"}
    assert len(computed) == len(placements)
