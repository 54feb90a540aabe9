"""The read limits as options of ``analyze`` and ``ingest``: a lowered limit refuses what is over it with one line and
the batch goes on; a bad value is one line with exit status 2."""

from __future__ import annotations

import json

import pytest

from rashomon.store.corpus import CorpusStore
from tests.helpers.cli import run
from tests.helpers.stores import invented_report

SHORT = "Storm hits port\n\nA storm forced the closure of the port on Monday, officials said, and at least 300 people were evacuated.\n"
LONG = "Bridge reopens\n\n" + "The bridge reopened to traffic on Friday after repairs that took two months, the city said. " * 5 + "\n"
SIZE_ERROR = "takes a size from 1 byte to 1PB such as 500kB, 20MB or 1GiB, not"


def articles_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "short.txt").write_text(SHORT, encoding="utf-8")
    (folder / "long.txt").write_text(LONG, encoding="utf-8")
    return folder


def test_a_lowered_file_size_refuses_the_larger_file_and_analyses_the_other(tmp_path):
    folder = articles_folder(tmp_path)
    done = run("analyze", str(folder), "--max-file-size", "200B")
    assert done.exit_code == 3, done.output
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == ["Storm hits port"]
    assert done.stderr.startswith(f"{folder / 'long.txt'}: file is {len(LONG.encode()):,} bytes, over the 200-byte limit\n")


def test_without_the_option_both_files_are_analysed(tmp_path):
    """The negative twin: the default limit reads the file that 200 bytes refused."""
    done = run("analyze", str(articles_folder(tmp_path)))
    assert done.exit_code == 0, done.output
    assert sorted(a["title"] for a in json.loads(done.stdout)["articles"]) == ["Bridge reopens", "Storm hits port"]


def test_a_lowered_record_size_refuses_the_longer_record_of_an_export(tmp_path):
    export = tmp_path / "export.jsonl"
    records = [{"id": "short", "text": SHORT}, {"id": "long", "text": LONG}]
    export.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    line = len(json.dumps(records[1]))
    done = run("analyze", str(export), "--max-record-size", "0.3kB")
    assert done.exit_code == 3, done.output
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == ["Storm hits port"]
    assert done.stderr.startswith(f"{export}#2: line 2: record is {line:,} characters, over the 300-character limit\n")


def test_a_lowered_export_size_refuses_the_export_and_reads_the_text_file(tmp_path):
    folder = articles_folder(tmp_path)
    (folder / "long.txt").unlink()
    export = folder / "export.jsonl"
    export.write_text(json.dumps({"id": "e1", "text": LONG * 3}) + "\n", encoding="utf-8")
    done = run("analyze", str(folder), "--max-export-size", "1KiB")
    assert done.exit_code == 3, done.output
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == ["Storm hits port"]
    assert done.stderr.startswith(f"{export}: file is {export.stat().st_size:,} bytes, over the 1,024-byte limit\n")


def test_ingest_takes_the_same_limits(tmp_path):
    export = tmp_path / "reports.jsonl"
    reports = [invented_report(0), invented_report(1) | {"text": invented_report(1)["text"] * 3}]
    export.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    db = tmp_path / "news.duckdb"
    line = len(json.dumps(reports[1]))
    done = run("ingest", str(export), "--db", str(db), "--quiet", "--max-record-size", "1000")
    assert done.exit_code == 3, done.output
    assert done.stderr.startswith(f"{export}#2: line 2: record is {line:,} characters, over the 1,000-character limit\n")
    with CorpusStore(db, read_only=True) as store:
        assert store.article_count() == 1
    again = run("ingest", str(export), "--db", str(db), "--quiet")
    assert again.exit_code == 0, again.output
    with CorpusStore(db, read_only=True) as store:
        assert store.article_count() == 2


@pytest.mark.parametrize(
    ("command", "option", "value"),
    [
        ("analyze", "--max-file-size", "ten"),
        ("analyze", "--max-export-size", "5XB"),
        ("analyze", "--max-record-size", "0"),
        ("ingest", "--max-file-size", "-1MB"),
        ("ingest", "--max-record-size", "2PB"),
    ],
)
def test_a_bad_size_is_one_line_and_nothing_is_read(tmp_path, command, option, value):
    db = ["--db", str(tmp_path / "news.duckdb")] if command == "ingest" else []
    done = run(command, str(articles_folder(tmp_path)), *db, option, value)
    assert (done.exit_code, done.stdout) == (2, "")
    assert done.stderr == f"rashomon: {option} {SIZE_ERROR} {value!r}\n"
    assert not (tmp_path / "news.duckdb").exists()


def test_standard_input_over_a_lowered_export_size_is_one_line():
    done = run("analyze", "-", "--max-export-size", "100", stdin=SHORT)
    assert (done.exit_code, done.stdout) == (2, "")
    assert done.stderr == "-: input is over the 100-byte limit\nrashomon: no usable article in the input (see the diagnostics above)\n"


def test_a_hostile_record_on_standard_input_costs_only_itself():
    lines = [json.dumps({"title": "Storm hits port", "text": SHORT}), '{"text": ' + "[" * 5000 + "]" * 5000 + "}"]
    done = run("analyze", "-", stdin="\n".join(lines) + "\n")
    assert done.exit_code == 3, done.output
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == ["Storm hits port"]
    assert done.stderr.startswith("-#2: line 2: invalid JSON (nested too deeply)\n")
