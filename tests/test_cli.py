"""The command line: what each command writes, its exact one-line errors and its exit status.

Commands run in this process through Typer's runner (the code the installed command runs); one test runs a real
process, for what only a process shows: standard input read through a pipe and the exit status the shell sees.
"""

import json
import sys

import jsonschema
import pytest

from rashomon.errors import InternalError, StoreError
from rashomon.store.corpus import CorpusStore
from tests.helpers.cli import run, run_process
from tests.helpers.paths import GOLDEN, HOSTILE, ROOT
from tests.helpers.web import free_port

STORY = "Storm hits port\n\nA storm forced the closure of the port on Monday, officials said, and at least 300 people were evacuated.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store holding the two hostile-fixture reports as one story (s1)."""
    from rashomon.pipeline import ingest_into_store

    path = tmp_path_factory.mktemp("store") / "news.duckdb"
    with CorpusStore(path) as opened:
        ingest_into_store([HOSTILE], opened, workers=1)
    return path


def test_analyze_file_to_json_and_markdown(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    out = tmp_path / "out" / "dossier.json"
    done = run("analyze", str(tmp_path / "story.txt"), "-o", str(out))
    assert done.exit_code == 0, done.output
    dossier = json.loads(out.read_text())
    jsonschema.validate(dossier, json.loads((ROOT / "schema" / "dossier.schema.json").read_text()))
    assert len(dossier["articles"]) == 1
    assert any(n["value"] == 300 for n in dossier["numbers"])
    md = run("analyze", str(tmp_path / "story.txt"), "--format", "md")
    assert md.exit_code == 0 and md.stdout.startswith("# rashomon dossier")


def test_analyze_reads_stdin_in_a_real_process():
    done = run_process("analyze", "-", stdin=STORY)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"][0]["source_path"] == "-"


def test_bad_input_gives_one_line_per_problem_and_no_traceback(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00\x00garbage")  # a UTF-32 byte-order mark followed by bytes that are not UTF-32
    done = run("analyze", str(broken))
    assert done.exit_code == 2
    assert done.stderr == f"{broken}: invalid UTF-32 at byte 4\nrashomon: no usable article in the input (see the diagnostics above)\n"


def test_bad_file_beside_good_one_keeps_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    done = run("analyze", str(tmp_path))
    assert done.exit_code == 3  # done, with some inputs left out (each named by a diagnostic)
    dossier = json.loads(done.stdout)
    assert len(dossier["articles"]) == 1
    assert dossier["diagnostics"][0]["message"] == "empty file"
    assert done.stderr.startswith(f"{tmp_path / 'empty.txt'}: empty file\n")


def test_demo_writes_dossier_files(tmp_path):
    done = run("demo", "-o", str(tmp_path / "demo"))
    assert done.exit_code == 0, done.output
    dossier = json.loads((tmp_path / "demo" / "dossier.json").read_text())
    assert len(dossier["articles"]) == 2 and dossier["quotes"]
    assert (tmp_path / "demo" / "dossier.md").read_text().startswith("# rashomon dossier")
    assert "articles" in done.stdout and "quotes" in done.stdout


def test_report_renders_a_saved_dossier(tmp_path):
    out = tmp_path / "report.html"
    done = run("report", str(GOLDEN / "example_dossier.json"), "-o", str(out))
    assert (done.exit_code, done.stderr) == (0, f"wrote {out}\n")
    assert out.read_text().startswith("<!doctype html>")


def test_report_rejects_what_is_not_a_dossier_in_one_line(tmp_path):
    (tmp_path / "bad.json").write_text('{"articles": [{"id": 3}]}')
    for path, message in (
        (tmp_path / "bad.json", "not a rashomon dossier (2 problem(s); first at articles.0.id: Input should be a valid string)"),
        (tmp_path / "missing.json", "no such file"),
        (tmp_path, "is a folder, not a dossier JSON file"),
    ):
        done = run("report", str(path), "-o", str(tmp_path / "x.html"))
        assert (done.exit_code, done.stderr) == (2, f"rashomon: {path}: {message}\n")
        assert not (tmp_path / "x.html").exists()


def test_version_and_short_help():
    from rashomon import __version__

    done = run("--version")
    assert (done.exit_code, done.stdout) == (0, f"rashomon {__version__}\n")
    short, long = run("-h"), run("--help")
    assert short.exit_code == 0 and short.stdout == long.stdout and "fetch" in short.stdout
    assert run("fetch", "-h").stdout == run("fetch", "--help").stdout


def test_help_lists_the_exit_statuses():
    text = " ".join(run("--help").stdout.replace("│", " ").split())
    assert (
        "Exit status: 0 success; 1 a bug in rashomon (traceback shown, or an internal diagnostic per article; "
        "please report it); 2 bad arguments" in text
    )
    assert "4 the corpus store cannot be opened, read or written; 5 part of the installation is missing" in text


def test_an_unknown_story_id_is_one_line(store):
    done = run("analyze", "--db", str(store), "--story", "nosuch")
    assert (done.exit_code, done.stderr) == (
        2,
        f"rashomon: {store}: no story with id 'nosuch' (rashomon stories --db {store} lists them)\n",
    )


def test_an_unknown_story_id_to_serve_is_one_line(store):
    done = run("serve", str(store), "--story", "nosuch", "--port", str(free_port()))
    assert (done.exit_code, done.stderr) == (
        2,
        f"rashomon: {store}: no story with id 'nosuch' (rashomon stories --db {store} lists them)\n",
    )


def test_an_unknown_story_id_in_stories_is_one_line(store):
    done = run("stories", "--db", str(store), "--story", "nosuch")
    assert (done.exit_code, done.stderr) == (2, f"rashomon: {store}: no story with id 'nosuch'\n")


def test_a_known_story_id_is_analysed(store):
    """The negative twin of the unknown id."""
    done = run("analyze", "--db", str(store), "--story", "s1")
    assert done.exit_code == 0, done.output
    assert len(json.loads(done.stdout)["articles"]) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["stories"],
        ["export", "-o", "{tmp}/out"],
        ["analyze", "--story", "s1"],
        ["refine"],
    ],
)
def test_a_missing_store_is_one_line_with_status_4(tmp_path, args):
    missing = tmp_path / "missing.duckdb"
    done = run(*(part.format(tmp=tmp_path) for part in args), "--db", str(missing))
    assert (done.exit_code, done.stderr) == (4, f"rashomon: {missing}: no such store\n")
    assert not missing.exists() and not (tmp_path / "out").exists()


def test_a_missing_extra_is_one_line_with_status_5(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the 'web' extra were not installed
    done = run("serve", str(GOLDEN / "example_dossier.json"))
    assert (done.exit_code, done.stderr) == (5, "rashomon: the web UI needs the 'web' extra: pip install 'rashomon[web]'\n")


def test_an_internal_error_keeps_its_traceback(monkeypatch, tmp_path):
    """A bug is never turned into a one-line message that would read like a problem of the input."""

    def broken(*args, **kwargs):
        raise InternalError("rashomon_numbers failed: KeyError: 'x'")

    monkeypatch.setattr("rashomon.pipeline.ingest_into_store", broken)
    (tmp_path / "story.txt").write_text(STORY)
    done = run("ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "news.duckdb"))
    assert done.exit_code == 1 and isinstance(done.exception, InternalError)
    assert "rashomon:" not in done.stderr


def test_an_unexpected_runtime_error_is_not_reported_as_a_user_error(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("an unexpected state")

    monkeypatch.setattr("rashomon.pipeline.ingest_into_store", broken)
    (tmp_path / "story.txt").write_text(STORY)
    done = run("ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "news.duckdb"))
    assert done.exit_code == 1 and isinstance(done.exception, RuntimeError)
    assert "rashomon: an unexpected state" not in done.stderr


def test_a_store_error_from_deep_inside_is_one_line_with_status_4(monkeypatch, tmp_path):
    """The twin: an error the user can act on, raised below the command line, becomes its line and status."""

    def full(*args, **kwargs):
        raise StoreError(f"{tmp_path / 'news.duckdb'}: cannot write to the store (IO Error: No space left on device)")

    monkeypatch.setattr("rashomon.pipeline.ingest_into_store", full)
    (tmp_path / "story.txt").write_text(STORY)
    done = run("ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "news.duckdb"))
    assert (done.exit_code, done.stderr) == (
        4,
        f"rashomon: {tmp_path / 'news.duckdb'}: cannot write to the store (IO Error: No space left on device)\n",
    )


def test_stories_label_an_article_without_outlet_unknown_outlet(tmp_path):
    (tmp_path / "storm.txt").write_text(STORY)
    path = tmp_path / "news.duckdb"
    assert run("ingest", str(tmp_path / "storm.txt"), "--db", str(path), "--quiet").exit_code == 0
    listed = run("stories", "--db", str(path))
    assert listed.exit_code == 0 and "unknown outlet (1 article)" in listed.stdout, listed.output
    (story,) = [json.loads(line) for line in run("stories", "--db", str(path), "--json").stdout.splitlines()]
    members = run("stories", "--db", str(path), "--story", story["id"])
    assert members.stdout.count("unknown outlet") == 2, members.output  # the story's row and the article's


def test_stories_of_known_outlets_name_them(store):
    """The negative twin: every article has an outlet, so none is labelled unknown."""
    listed = run("stories", "--db", str(store), "--story", "s1")
    assert "Northern Ledger" in listed.stdout and "unknown outlet" not in listed.stdout


def test_an_extractor_bug_on_one_article_writes_the_output_and_exits_1(monkeypatch, tmp_path):
    """An extractor that fails is a bug: the dossier is written, the article is named, and the status is not success."""

    def broken_numbers(doc):
        raise KeyError("no such span")

    monkeypatch.delenv("RASHOMON_STRICT", raising=False)
    monkeypatch.setattr("rashomon.annotate.components.extract_numbers", broken_numbers)
    (tmp_path / "story.txt").write_text(STORY)
    done = run("analyze", str(tmp_path / "story.txt"), "-o", str(tmp_path / "dossier.json"))
    assert done.exit_code == 1, done.output
    assert "internal error in numbers: KeyError: 'no such span'" in done.stderr
    assert done.stderr.endswith(
        "rashomon: 1 internal error(s) in rashomon's extractors, named above; the output holds the rest (please report it)\n"
    )
    written = json.loads((tmp_path / "dossier.json").read_text())
    assert len(written["articles"]) == 1 and written["numbers"] == [] and written["claims"] == []


def test_without_an_extractor_bug_analyze_exits_0(monkeypatch, tmp_path):
    """The negative twin: the same story, no bug, status 0 and no internal line."""
    monkeypatch.delenv("RASHOMON_STRICT", raising=False)
    (tmp_path / "story.txt").write_text(STORY)
    done = run("analyze", str(tmp_path / "story.txt"), "-o", str(tmp_path / "dossier.json"))
    assert done.exit_code == 0 and "internal error" not in done.stderr, done.output
    assert json.loads((tmp_path / "dossier.json").read_text())["numbers"], "the numbers the broken extractor missed"
