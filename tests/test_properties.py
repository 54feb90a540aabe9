"""Property-based tests over the readers and the whole pipeline (hypothesis, derandomized, no example database).

Generated inputs: plain text in several encodings (with and without front matter), HTML pages with declared
charsets, JSONL, JSON arrays and CSV exports of generated records, and raw bytes, each with lone surrogates,
control characters, markup and other scripts mixed in. Properties: no exception escapes; every input is
either analysed or has exactly one diagnostic (one per record for exports); diagnostics name their input on
one line; the dossier validates against the published schema. 1,800 inputs go through the readers and 240
batches of up to three files through the whole pipeline, about 2,400 inputs per run in well under a minute.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import rashomon
from rashomon.ingest.readers import read_bytes, sniff_kind
from rashomon.report import render
from tests.helpers.paths import ROOT

READER_EXAMPLES = 1_800
PIPELINE_EXAMPLES = 240
SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}

WORDS = [
    "the",
    "council",
    "said",
    "on",
    "Monday",
    "that",
    "a",
    "storm",
    "closed",
    "the",
    "port",
    "and",
    "at",
    "least",
    "300",
    "people",
    "were",
    "evacuated",
    "police",
    "reported",
    "officials",
    "denied",
    "claims",
    "mayor",
    "Ann",
    "Okoro",
    "told",
    "reporters",
    "river",
    "flood",
    "bridge",
    "homes",
    "destroyed",
    "according",
    "to",
    "it",
    "is",
    "unclear",
    "whether",
    "rose",
    "fell",
    "million",
    "percent",
    "$4.5m",
    "12km",
    "1,200",
    "2024-03-04",
    "U.N.",
    "Dr.",
]
ODD = [
    "\ud83d",  # a lone surrogate
    "\x00",
    "\x1b]8;;http://x.invalid\x07link\x1b]8;;\x07",
    "[/x]",
    "<script>alert(1)</script>",
    "&amp;",
    "\u202e",
    "“quoted”",
    '"',
    "|",
    "`",
    "\r\n",
    "\n\n",
    "新闻报道",
    "Новости",
    "🙂",
    "\t",
]
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=12))
# Half plain English (so that many inputs reach the extractors), half mixed with hostile pieces.
sentence = st.one_of(st.lists(st.sampled_from(WORDS), min_size=4, max_size=60).map(" ".join), st.lists(word, max_size=60).map(" ".join))
field = st.one_of(
    st.none(), sentence, st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.booleans(), st.lists(st.integers(), max_size=3)
)
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_value = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


@dataclass
class Generated:
    """One generated input: its bytes, its suffix, and how many outcomes it must have (None: at least one)."""

    data: bytes
    suffix: str
    outcomes: int | None


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding == "utf-8" else "replace")


@st.composite
def plain_text(draw) -> Generated:
    body = draw(sentence)
    if draw(st.booleans()):
        meta = draw(
            st.dictionaries(
                st.sampled_from(["title", "outlet", "url", "published", "author", "x"]),
                st.text(max_size=30).map(lambda t: t.replace("\n", " ")),
                max_size=4,
            )
        )
        body = "".join(f"{key}: {value}\n" for key, value in meta.items()) + "\n" + body
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"]))
    return Generated(encoded(body, encoding), draw(st.sampled_from(["", ".txt", ".md"])), 1)


@st.composite
def html_page(draw) -> Generated:
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "windows-1252"]))
    title, paragraphs = draw(sentence), draw(st.lists(sentence, max_size=4))
    page = (
        f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title></head><body>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</body></html>"
    )
    return Generated(encoded(page, charset), draw(st.sampled_from(["", ".html", ".htm"])), 1)


record = st.one_of(
    st.fixed_dictionaries(
        {"text": sentence}, optional={"title": field, "outlet": field, "url": field, "published": field, "id": field, "author": field}
    ),
    st.fixed_dictionaries({"body": sentence, "headline": field}),
    json_value,
)
# A line that is not JSON and cannot be read as the start of a whole-file JSON array.
garbage_line = st.text(min_size=1, max_size=40).map(lambda t: "x" + t.replace("\n", " "))


@st.composite
def jsonl_export(draw) -> Generated:
    # a line holding an array is read as a whole JSON array file when it is the only line, so lines here are not arrays
    line_record = record.map(lambda value: {"items": value} if isinstance(value, list) else value)
    lines = draw(st.lists(st.one_of(line_record.map(json.dumps), garbage_line), min_size=1, max_size=6))
    return Generated("\n".join(lines).encode("utf-8") + b"\n", draw(st.sampled_from([".jsonl", ".ndjson"])), len(lines))


@st.composite
def json_array(draw) -> Generated:
    records = draw(st.lists(record, max_size=5))
    return Generated(json.dumps(records, indent=draw(st.sampled_from([None, 2]))).encode("utf-8"), ".json", max(len(records), 1))


@st.composite
def csv_export(draw) -> Generated:
    columns = draw(
        st.lists(st.sampled_from(["text", "title", "outlet", "url", "id", "published", "notes"]), min_size=1, max_size=5, unique=True)
    )
    rows = draw(st.lists(st.lists(st.one_of(sentence, st.text(max_size=20)), min_size=len(columns), max_size=len(columns)), max_size=5))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=quoting)
    writer.writerow(columns)
    writer.writerows(rows)
    # A one-column row of control characters only is a blank line once they are removed, and CSV skips blank lines.
    countable = quoting == csv.QUOTE_ALL or len(columns) > 1
    return Generated(encoded(buffer.getvalue(), "utf-8"), ".csv", max(len(rows), 1) if countable else None)


raw_bytes = st.builds(
    Generated, st.binary(max_size=2_000), st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".csv", ".tsv"]), st.none()
)
any_input = st.one_of(plain_text(), html_page(), jsonl_export(), json_array(), csv_export(), raw_bytes)


def outcomes_of(name: str, articles: list, diagnostics: list) -> tuple[list, list]:
    """The articles and diagnostics that belong to the input called ``name`` (records carry ``name#key``)."""

    def mine(path: str) -> bool:
        return path == name or path.startswith(name + "#")

    return [a for a in articles if mine(a.source_path)], [d for d in diagnostics if mine(d.source_path)]


def check_outcomes(generated: Generated, name: str, articles: list, diagnostics: list) -> None:
    for diagnostic in diagnostics:
        assert diagnostic.stage == "ingest", diagnostic
        assert diagnostic.message and "\n" not in diagnostic.message, diagnostic
    total = len(articles) + len(diagnostics)
    refused_whole = [d for d in diagnostics if d.source_path == name]
    if sniff_kind(generated.data, generated.suffix) in {"text", "html"}:
        assert total == 1, (articles, diagnostics)
    elif any(d.message.startswith("malformed CSV") for d in refused_whole):
        assert len(refused_whole) == 1, diagnostics  # the rows before the break are kept, each with its own outcome
    elif refused_whole:
        assert (articles, diagnostics) == ([], refused_whole) and len(refused_whole) == 1, "a file refused as a whole has one diagnostic"
    elif generated.outcomes is not None:
        assert total == generated.outcomes, (articles, diagnostics)
    else:
        assert total >= 1, "an input vanished without a diagnostic"


@settings(max_examples=READER_EXAMPLES, **SETTINGS)
@given(any_input)
def test_readers_analyse_each_input_or_give_it_one_diagnostic(generated):
    name = "input" + generated.suffix
    result = read_bytes(generated.data, name, generated.suffix)
    articles, diagnostics = outcomes_of(name, result.articles, result.diagnostics)
    assert len(articles) == len(result.articles) and len(diagnostics) == len(result.diagnostics)
    check_outcomes(generated, name, articles, diagnostics)
    event("read as an article" if result.articles else "refused with a diagnostic")
    for article in result.articles:
        assert article.text.strip() and "\x00" not in article.text and "\x00" not in (article.title or "")


def published_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schema" / "dossier.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


VALIDATOR = published_validator()


@settings(max_examples=PIPELINE_EXAMPLES, **SETTINGS)
@given(st.lists(any_input, min_size=1, max_size=3))
def test_pipeline_never_raises_accounts_for_every_file_and_writes_a_valid_dossier(batch):
    with tempfile.TemporaryDirectory() as folder:
        names = []
        for n, generated in enumerate(batch):
            path = Path(folder) / f"in{n}{generated.suffix}"
            path.write_bytes(generated.data)
            names.append(str(path))
        dossier = rashomon.analyze(names)
    assert all(d.stage in {"ingest", "annotate"} for d in dossier.diagnostics), dossier.diagnostics  # no 'internal' error
    skipped = [d for d in dossier.diagnostics if d.stage == "ingest"]  # annotate-stage notes are about analysed articles
    for generated, name in zip(batch, names):
        articles, diagnostics = outcomes_of(name, dossier.articles, skipped)
        check_outcomes(generated, name, articles, diagnostics)
    event(f"articles analysed: {min(len(dossier.articles), 3)}{'+' if len(dossier.articles) > 3 else ''}")
    VALIDATOR.validate(json.loads(dossier.to_json()))
    assert render(dossier, "md").startswith("# rashomon dossier")
