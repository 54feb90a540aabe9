"""Property-based: no generated input makes ingest + annotate (+ resolve) raise (1,200 examples in all)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.annotate import annotate_articles
from rashomon.ingest.readers import read_bytes
from rashomon.pipeline import assemble

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NEWS_WORDS = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "\u201c",
        "\u201d",
        '"',
        "'",
        "at least",
        "40,000",
        "protesters",
        "on Monday",
        ",",
        ".",
        "\n",
        "\n\n",
        "according to",
        "Ms Rivera",
        "denied",
        "may",
        "<p>",
        "</p>",
        "<script>",
        "\u00a0",
        "\u2022",
        "3million",
        "km",
        ":",
        "he",
        "—",
        "(AP)",
    ]
)


def ingest_and_annotate(data: bytes, suffix: str) -> None:
    result = read_bytes(data, f"generated{suffix}", suffix)
    for diagnostic in result.diagnostics:
        assert diagnostic.message and "\n" not in diagnostic.message
    annotated = list(annotate_articles(result.articles))
    for item in annotated:
        assert isinstance(item.found.problems, list)
    dossier = assemble(result, annotated)
    assert len(dossier.articles) == len(result.articles)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".jsonl", ".csv", ""]))
def test_arbitrary_bytes_never_raise(data, suffix):
    ingest_and_annotate(data, suffix)


@SETTINGS
@given(st.lists(NEWS_WORDS, min_size=0, max_size=200))
def test_newsy_text_with_stray_marks_never_raises(words):
    ingest_and_annotate(" ".join(words).encode("utf-8"), ".txt")


@SETTINGS
@given(st.lists(NEWS_WORDS, max_size=120), st.sampled_from(["<html><body><article>", "<div>", "<p>", "<!doctype html><html>", ""]))
def test_malformed_html_never_raises(words, prefix):
    ingest_and_annotate((prefix + " ".join(words)).encode("utf-8"), ".html")


@SETTINGS
@given(
    st.lists(
        st.one_of(
            st.dictionaries(
                st.sampled_from(["text", "id", "title", "outlet", "url", "published"]),
                st.one_of(st.text(max_size=300), st.integers(), st.none()),
                max_size=6,
            ).map(json.dumps),
            st.text(max_size=80),
        ),
        max_size=8,
    )
)
def test_malformed_records_never_raise(lines):
    ingest_and_annotate("\n".join(lines).encode("utf-8"), ".jsonl")
