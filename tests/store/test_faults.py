"""The corpus store under faults: damaged files, read-only places, a full disk, and a run stopped mid-way.

The commands run in-process through Typer's runner (the same code as the installed command, without a
process start per case); the full-disk and read-only cases mount a small tmpfs, which needs root, and are
skipped with a message elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.clustering import StoryClusterer
from rashomon.pipeline import ingest_into_store
from rashomon.store.corpus import CorpusStore, StoreError
from tests.helpers.paths import HOSTILE

# DuckDB's file layout: three 4 KiB headers, then blocks of 256 KiB, each starting with its 8-byte checksum.
HEADER_BYTES = 3 * 4096
BLOCK_BYTES = 256 * 1024
READ_COMMANDS = (["stats"], ["stories"], ["export", "-o", "{tmp}/out"], ["analyze", "--story", "s1"])
WRITE_COMMANDS = (["ingest", str(HOSTILE)], ["refine"])


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def healthy(tmp_path_factory) -> Path:
    """A store holding the two hostile-fixture reports as one story (s1)."""
    path = tmp_path_factory.mktemp("store") / "news.duckdb"
    with CorpusStore(path) as store:
        ingest_into_store([HOSTILE], store, workers=1)
    return path


def copy_of(healthy: Path, tmp_path: Path) -> Path:
    target = tmp_path / "news.duckdb"
    shutil.copy(healthy, target)
    return target


def text_block_offset(path: Path) -> int:
    """Where in the file the block holding the articles' text starts."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        block = con.execute("SELECT block_id FROM pragma_storage_info('articles') WHERE column_name = 'text' AND block_id >= 0").fetchone()[
            0
        ]
    finally:
        con.close()
    return HEADER_BYTES + block * BLOCK_BYTES


def flip_bytes(path: Path, offset: int, count: int = 64) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        data = handle.read(count)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in data))


def damage_text_block(path: Path) -> None:
    flip_bytes(path, text_block_offset(path) + 64)


def truncate(path: Path) -> None:
    os.truncate(path, 4096 + 100)


def not_duckdb(path: Path) -> None:
    path.write_text("these are my notes, not a database\n" * 100)


def other_duckdb(path: Path) -> None:
    path.unlink()
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE people (name VARCHAR)")
    con.close()


def lost_rows(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM annotations WHERE article_id = (SELECT min(article_id) FROM annotations)")
    con.close()


DAMAGES = {
    "checksum": (damage_text_block, "Corrupt database file: computed checksum"),
    "truncated": (truncate, "Could not read enough bytes"),
    "not-duckdb": (not_duckdb, "it is not a valid DuckDB database file"),
    "other-duckdb": (other_duckdb, "a DuckDB database without rashomon's tables"),
    "lost-rows": (lost_rows, "rows that belong together disagree (articles 2, annotations 1, article_features 2, story_articles 2)"),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_store_is_one_line_for_every_command_and_left_as_it_was(healthy, tmp_path, damage):
    path = copy_of(healthy, tmp_path)
    make, problem = DAMAGES[damage]
    make(path)
    before = digest(path)
    for command in (*READ_COMMANDS, *WRITE_COMMANDS):
        args = [part.format(tmp=tmp_path) for part in command]
        result = run(*args, "--db", str(path))
        assert result.exit_code == 4, (args, result.output)  # 4: the store cannot be used
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"rashomon: {path} is not a readable rashomon store: "), (args, line)
        assert problem in line, (args, line)
        assert result.stdout == "", args
    assert digest(path) == before
    assert not (tmp_path / "out").exists()


def test_healthy_store_serves_every_command(healthy, tmp_path):
    """The negative twin: the same commands on the undamaged copy succeed, and stats reports its counts."""
    path = copy_of(healthy, tmp_path)
    stats = run("stats", "--db", str(path))
    assert stats.exit_code == 0 and "│ articles        │ 2 " in stats.stdout
    for command in (*READ_COMMANDS, *WRITE_COMMANDS):
        args = [part.format(tmp=tmp_path) for part in command]
        result = run(*args, "--db", str(path))
        assert result.exit_code == 0, (args, result.output)


def test_damage_in_a_data_block_leaves_the_counts_readable(healthy, tmp_path):
    """Why the check reads everything: with the text block damaged, DuckDB still counts rows without complaint."""
    path = copy_of(healthy, tmp_path)
    damage_text_block(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        with pytest.raises(duckdb.Error, match="checksum"):
            con.execute("SELECT sum(length(text)) FROM articles").fetchone()
    finally:
        con.close()


@pytest.fixture()
def mount_point(tmp_path):
    """A small tmpfs of our own (root only): yields (folder, remount) and unmounts after the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root); not tested here")
    folder = tmp_path / "mnt"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")

    def remount(options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True)

    try:
        yield folder, remount
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_read_only_store_is_read_and_not_written(healthy, tmp_path, mount_point):
    folder, remount = mount_point
    path = folder / "news.duckdb"
    shutil.copy(healthy, path)
    remount("ro")
    stats = run("stats", "--db", str(path))
    assert stats.exit_code == 0 and "│ articles        │ 2 " in stats.stdout
    assert run("stories", "--db", str(path), "--json").exit_code == 0
    analysed = run("analyze", "--db", str(path), "--story", "s1")
    assert analysed.exit_code == 0 and '"findings"' in analysed.stdout
    assert run("export", "--db", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    for command in WRITE_COMMANDS:
        result = run(*command, "--db", str(path))
        assert result.exit_code == 4
        assert (
            result.stderr
            == f"rashomon: {path}: the store is read-only here (rashomon stats, stories, export and analyze --story can still read it)\n"
        )
    created = run("ingest", str(HOSTILE), "--db", str(folder / "new.duckdb"))
    assert (
        created.exit_code == 4
        and created.stderr == f"rashomon: {folder / 'new.duckdb'}: cannot create the store: {folder} is not writable\n"
    )


def test_export_into_an_unwritable_folder_is_one_line(healthy, tmp_path, mount_point):
    folder, remount = mount_point
    remount("ro")
    result = run("export", "--db", str(healthy), "-o", str(folder))
    assert result.exit_code == 2 and result.stderr == f"rashomon: {folder}: cannot write: the folder is not writable\n"
    inside = run("export", "--db", str(healthy), "-o", str(folder / "sub"))
    assert inside.exit_code == 2 and inside.stderr == f"rashomon: {folder / 'sub'}: cannot write: Read-only file system\n"


def test_export_below_a_file_is_one_line(healthy, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    result = run("export", "--db", str(healthy), "-o", str(tmp_path / "notes.txt" / "out"))
    assert result.exit_code == 2 and result.stderr == f"rashomon: {tmp_path / 'notes.txt' / 'out'}: cannot write: Not a directory\n"


def store_rows(path: Path) -> tuple[int, int]:
    with CorpusStore(path, read_only=True) as store:
        counts = store.stats()
    return counts["articles"], counts["claims"]


def test_disk_full_reports_the_first_error_keeps_batches_and_the_rerun_completes(stream_file, mount_point):
    folder, remount = mount_point
    remount("size=160k")
    path = folder / "news.duckdb"
    full = run("ingest", str(stream_file), "--db", str(path), "--batch", "4", "--workers", "1")
    assert full.exit_code == 4, full.output
    error = full.stderr.strip().splitlines()[-1]
    assert error.startswith(f"rashomon: {path}: cannot write to the store: ") and "No space left on device" in error
    assert "no transaction is active" not in full.stderr and "Traceback" not in full.output
    committed = [line for line in full.stderr.splitlines() if line.startswith("committed")]
    assert committed, "the disk filled before the first batch: give the tmpfs more room"
    remount("size=64m")
    kept, _ = store_rows(path)
    assert kept == int(committed[-1].split()[1])
    again = run("ingest", str(stream_file), "--db", str(path), "--batch", "4", "--workers", "1")
    assert again.exit_code == 0, again.output
    assert f"added {60 - kept}, skipped {kept} already stored" in again.stderr
    assert store_rows(path)[0] == 60


class SimulatedKill(BaseException):
    """Stands for the process dying inside the final re-assignment (kill -9 gives no chance to clean up either)."""


def test_an_interrupted_reassignment_is_finished_by_the_next_run(stream_file, tmp_path, monkeypatch):
    whole = tmp_path / "whole.duckdb"
    with CorpusStore(whole) as store:
        uninterrupted = ingest_into_store([stream_file], store, batch_size=16, workers=1)
        expected = store.stories()

    path = tmp_path / "news.duckdb"
    real_refine = StoryClusterer.refine

    def killed(self, placements, passes, on_step=None):
        raise SimulatedKill

    monkeypatch.setattr(StoryClusterer, "refine", killed)
    with CorpusStore(path) as store, pytest.raises(SimulatedKill):
        ingest_into_store([stream_file], store, batch_size=16, workers=1)
    with CorpusStore(path) as store:
        assert store.article_count() == 60
        assert store.pending_refine() == 0

    calls = []

    def spied(self, placements, passes, on_step=None):
        calls.append(len(placements))
        return real_refine(self, placements, passes, on_step)

    monkeypatch.setattr(StoryClusterer, "refine", spied)
    with CorpusStore(path) as store:
        rerun = ingest_into_store([stream_file], store, batch_size=16, workers=1)
        assert (rerun.added, rerun.already_stored) == (0, 60)
        assert calls == [60] and rerun.moved == uninterrupted.moved
        assert store.pending_refine() is None
        assert store.stories() == expected
    with CorpusStore(path) as store:
        ingest_into_store([stream_file], store, batch_size=16, workers=1)
    assert calls == [60], "a finished re-assignment was done again"


# A process that ingests the stream and kills itself with SIGKILL inside the final re-assignment: in its in-memory
# part (after one article was reconsidered), or inside its write transaction (its last statement, which clears the
# pending mark, executed; its COMMIT not). A real kill -9 at a chosen point, where no handler runs.
KILLED_INGEST = """
import os, signal, sys
import rashomon.store.corpus as corpus
from rashomon.pipeline import IngestProgress, ingest_into_store

def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)

class DiesAtTheReassignmentCommit:
    cleared = False

    def __init__(self, con):
        self.wrapped = con
        # DuckDB finds a data frame named in SQL among the caller's variables; this wrapper is the caller now
        self.wrapped.execute("SET python_scan_all_frames = true")

    def execute(self, sql, *args):
        if sql.startswith("DELETE FROM pending_work"):
            DiesAtTheReassignmentCommit.cleared = True
        elif sql == "COMMIT" and DiesAtTheReassignmentCommit.cleared:
            die()
        return self.wrapped.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.wrapped, name)

progress = None
if sys.argv[3] == "in memory":
    progress = IngestProgress(on_refine=lambda done, total: die() if done >= 1 else None)
else:
    real_con = corpus.CorpusStore.con
    corpus.CorpusStore.con = property(lambda store: DiesAtTheReassignmentCommit(real_con.fget(store)))
with corpus.CorpusStore(sys.argv[2]) as store:
    ingest_into_store([sys.argv[1]], store, batch_size=16, workers=1, progress=progress)
"""


@pytest.mark.parametrize("where", ["in memory", "in its transaction"])
def test_kill_9_inside_the_reassignment_is_finished_by_the_next_command(stream_file, tmp_path, where):
    with CorpusStore(tmp_path / "whole.duckdb") as store:
        ingest_into_store([stream_file], store, batch_size=16, workers=1)
        expected = store.stories()
    path = tmp_path / "news.duckdb"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_INGEST, str(stream_file), str(path), where], check=False, capture_output=True, text=True, timeout=300
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with CorpusStore(path) as store:
        assert (store.article_count(), store.pending_refine()) == (60, 0)
    done = run("ingest", str(stream_file), "--db", str(path), "--quiet")
    assert done.exit_code == 0, done.output
    assert "added 0, skipped 60 already stored" in done.stderr
    with CorpusStore(path) as store:
        assert store.pending_refine() is None
        assert store.stories() == expected


def test_refine_off_records_nothing_pending(stream_file, tmp_path):
    with CorpusStore(tmp_path / "news.duckdb") as store:
        ingest_into_store([stream_file], store, batch_size=16, workers=1, refine=False)
        assert store.pending_refine() is None


def test_write_fault_is_a_store_error_but_a_bug_is_not(healthy, tmp_path, monkeypatch):
    """Internal errors stay visible: only the disk's and the file's failures become the one-line store error."""
    path = copy_of(healthy, tmp_path)
    with CorpusStore(path) as store:
        with pytest.raises(StoreError, match="cannot write to the store: IO Error: disk gone"):
            store.raise_write_fault(duckdb.IOException("IO Error: disk gone"))
        store.raise_write_fault(duckdb.BinderException("Binder Error: no column x"))  # returns: the caller re-raises it


def hold_store(path: Path, seconds: float | None = None) -> subprocess.Popen:
    """Another process holding the store open for writing (until its stdin closes, or for ``seconds``)."""
    import sys

    release = f"time.sleep({seconds})" if seconds is not None else "sys.stdin.read()"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); {release}; c.close()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_a_store_held_by_another_process_is_one_line_after_the_wait(healthy, tmp_path, monkeypatch):
    path = copy_of(healthy, tmp_path)
    monkeypatch.setenv("RASHOMON_LOCK_WAIT", "0.5")
    holder = hold_store(path)
    try:
        for command in (["stats"], ["stories"], ["ingest", str(HOSTILE)]):
            result = run(*command, "--db", str(path))
            assert result.exit_code == 4
            assert (
                result.stderr == f"rashomon: {path}: the store is in use by another process (still after waiting 0.5 s); try again later\n"
            )
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    assert run("stats", "--db", str(path)).exit_code == 0


def test_read_commands_wait_out_a_short_lock(healthy, tmp_path):
    """What an ingest's batch commit does to a reader: it waits, then answers (no lock error)."""
    path = copy_of(healthy, tmp_path)
    holder = hold_store(path, seconds=1.0)
    try:
        result = run("stories", "--db", str(path), "--json")
        assert result.exit_code == 0, result.stderr
        assert result.stdout.count("\n") >= 1
    finally:
        holder.wait(timeout=20)


def test_a_second_writer_is_refused_while_the_first_gives_the_file_back(healthy, tmp_path, monkeypatch):
    """Between batches a writer releases DuckDB's lock, but keeps the writer lock: another writer still waits, then stops."""
    path = copy_of(healthy, tmp_path)
    monkeypatch.setenv("RASHOMON_LOCK_WAIT", "0.2")
    with CorpusStore(path) as first:
        first.release()
        with pytest.raises(StoreError, match="another rashomon process is writing to this store"):
            CorpusStore(path)
    with CorpusStore(path) as second:  # the first writer is done: the next one opens at once
        assert second.article_count() > 0
