"""The command line as a user runs it: real processes, real files."""

import json
import subprocess
import sys

STORY = "Storm hits port\n\nA storm forced the closure of the port on Monday, officials said, and at least 300 people were evacuated.\n"


def rashomon(*args, stdin=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "rashomon.cli", *args], check=False, input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_analyze_file_to_json_and_markdown(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    out = tmp_path / "out" / "dossier.json"
    done = rashomon("analyze", str(tmp_path / "story.txt"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    dossier = json.loads(out.read_text())
    assert dossier["schema_version"] and len(dossier["articles"]) == 1
    assert any(n["value"] == 300 for n in dossier["numbers"])
    md = rashomon("analyze", str(tmp_path / "story.txt"), "--format", "md")
    assert md.returncode == 0 and md.stdout.startswith("# rashomon dossier")


def test_analyze_reads_stdin():
    done = rashomon("analyze", "-", stdin=STORY)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"][0]["source_path"] == "-"


def test_bad_input_gives_one_line_and_no_traceback(tmp_path):
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    done = rashomon("analyze", str(tmp_path / "broken.txt"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "broken.txt: invalid UTF-32 at byte 4" in done.stderr  # a UTF-32 byte-order mark followed by bytes that are not UTF-32


def test_bad_file_beside_good_one_keeps_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    done = rashomon("analyze", str(tmp_path))
    assert done.returncode == 3  # done, with some inputs left out (each named by a diagnostic)
    dossier = json.loads(done.stdout)
    assert len(dossier["articles"]) == 1
    assert dossier["diagnostics"][0]["message"] == "empty file"


def test_demo_writes_dossier_files(tmp_path):
    done = rashomon("demo", "-o", str(tmp_path / "demo"))
    assert done.returncode == 0, done.stderr
    dossier = json.loads((tmp_path / "demo" / "dossier.json").read_text())
    assert len(dossier["articles"]) == 2 and dossier["quotes"]
    assert (tmp_path / "demo" / "dossier.md").read_text().startswith("# rashomon dossier")
    assert "articles" in done.stdout and "quotes" in done.stdout


def test_report_renders_a_saved_dossier_and_rejects_bad_ones(tmp_path):
    from tests.conftest import ROOT

    out = tmp_path / "report.html"
    done = rashomon("report", str(ROOT / "tests" / "golden" / "example_dossier.json"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text().startswith("<!doctype html>")
    (tmp_path / "bad.json").write_text('{"articles": [{"id": 3}]}')
    for path, problem in (
        (tmp_path / "bad.json", "not a rashomon dossier"),
        (tmp_path / "missing.json", "no such file"),
        (tmp_path, "is a folder"),
    ):
        done = rashomon("report", str(path), "-o", str(tmp_path / "x.html"))
        assert done.returncode == 2 and problem in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "x.html").exists()


def test_version_and_short_help():
    from rashomon import __version__

    done = rashomon("--version")
    assert (done.returncode, done.stdout) == (0, f"rashomon {__version__}\n")
    short, long = rashomon("-h"), rashomon("--help")
    assert short.returncode == 0 and short.stdout == long.stdout and "fetch" in short.stdout
    assert rashomon("fetch", "-h").stdout == rashomon("fetch", "--help").stdout
