"""Hostile input: each bad file becomes one diagnostic naming it, and the good article beside it is still read."""

import codecs
import json
import os
import socket
from pathlib import Path

import pytest

from rashomon.ingest import read_paths
from rashomon.ingest.inputs import READ_CHUNK_BYTES, ReadLimits, parse_size, read_at_most

GOOD = (
    "Council approves budget\n\n"
    "The city council approved the new budget on Monday after a long debate about roads and schools, officials said.\n"
)


def read_folder(tmp_path, name, content):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    return read_paths([tmp_path])


def messages(result):
    return {os.path.basename(d.source_path.split("#")[0]): d.message for d in result.diagnostics}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nested.json", "[" * 5000 + "]" * 5000, "invalid JSON (nested too deeply)"),
        (
            "big.jsonl",
            '{"text": "x", "id": ' + "9" * 5000 + "}\n",
            "line 1: invalid JSON (exceeds the limit (4300 digits) for integer string conversion)",
        ),
    ],
)
def test_json_that_breaks_the_parser_is_one_diagnostic(tmp_path, name, content, message):
    result = read_folder(tmp_path, name, content)
    assert messages(result) == {name: message}
    assert [a.title for a in result.articles] == ["Council approves budget"]


def test_a_lone_surrogate_escape_is_replaced_not_fatal(tmp_path):
    record = '{"text": "The council met on Monday to discuss the budget \\ud800 of the city and the new road plans."}\n'
    result = read_folder(tmp_path, "surrogate.jsonl", record)
    assert not result.diagnostics
    texts = sorted(a.text for a in result.articles)
    assert len(texts) == 2 and any("\ufffd" in t for t in texts)
    assert all(t.encode("utf-8") for t in texts)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be", "utf-32-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    text = GOOD.replace("budget", "tax")
    data = text.encode("utf-16" if encoding.startswith("utf-16") else "utf-32")
    if encoding.endswith("-be"):
        data = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding] + text.encode(encoding)
    result = read_folder(tmp_path, "utf16.txt", data)
    assert not result.diagnostics
    assert sorted(a.title for a in result.articles) == ["Council approves budget", "Council approves tax"]


def test_utf16_without_its_mark_is_still_binary(tmp_path):
    result = read_folder(tmp_path, "utf16.txt", GOOD.encode("utf-16")[2:])
    assert messages(result) == {"utf16.txt": "binary file (NUL bytes), not text"}


def test_a_pretty_printed_single_object_is_one_article(tmp_path):
    record = {
        "title": "Harbour reopens",
        "text": "The harbour reopened on Tuesday after repairs to the quay were completed, the port authority said.",
    }
    result = read_folder(tmp_path, "pretty.json", json.dumps(record, indent=2))
    assert not result.diagnostics
    assert sorted(a.title for a in result.articles) == ["Council approves budget", "Harbour reopens"]


def test_control_characters_and_long_fields_are_cleaned(tmp_path):
    record = {
        "title": "Click\x1b]8;;http://x.example/\x07here\x00\n\nsecond line",
        "outlet": "O" * 5000,
        "author": "A" * 5000,
        "url": "https://news.example/" + "p" * 5000,
        "text": "The harbour\x00 reopened on Tuesday after repairs, officials said in a statement.",
    }
    result = read_folder(tmp_path, "record.jsonl", json.dumps(record) + "\n")
    harbour = next(a for a in result.articles if a.title != "Council approves budget")
    assert "\x1b" not in harbour.title and "\x07" not in harbour.title and "\x00" not in harbour.text
    assert harbour.title == "Click]8;;http://x.example/here second line"
    assert (len(harbour.outlet), len(harbour.author), len(harbour.url)) == (300, 300, 300)


def test_a_record_id_is_cleaned_and_capped_like_the_other_fields(tmp_path):
    hostile_id = "r\x1b]8;;http://x.example/\x07\n  " + "9" * 5000
    records = [{"id": hostile_id, "text": GOOD}, {"id": "plain-7", "text": GOOD.replace("budget", "plan")}]
    result = read_folder(tmp_path, "export.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    keys = sorted(a.source_path.split("#", 1)[1] for a in result.articles if "#" in a.source_path)
    assert keys == ["plain-7", ("r]8;;http://x.example/ " + "9" * 5000)[:300]]
    assert not result.diagnostics


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = read_paths([tmp_path])
    assert messages(result) == {"pipe.txt": "not a regular file (a device, pipe or socket is never read)"}
    assert len(result.articles) == 1


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused_not_read(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "s.sock"))
        result = read_paths([tmp_path])
    assert messages(result) == {"s.sock": "not a regular file (a device, pipe or socket is never read)"}
    assert [a.title for a in result.articles] == ["Council approves budget"]


def test_broken_links_and_empty_folders_are_reported(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "empty").mkdir()
    result = read_paths([tmp_path, tmp_path / "empty"])
    assert messages(result) == {"gone.txt": "broken symbolic link", "empty": "folder holds no files"}
    assert len(result.articles) == 1


def test_the_terminal_shows_input_as_plain_text():
    from rashomon.cli import shown

    assert shown("[/x] \x1b]8;;http://x.example/\x07title") == "\\[/x] ]8;;http://x.example/title"
    assert shown("plain name.txt") == "plain name.txt"


def test_chinese_text_is_not_english_rather_than_empty(tmp_path):
    result = read_folder(
        tmp_path, "zh.txt", "北京时间今天上午，国务院召开常务会议，讨论了经济形势和下一步工作安排。会议指出，要加大政策支持力度。"
    )
    assert messages(result) == {"zh.txt": "text is not English; rashomon analyses English news only"}
    assert len(result.articles) == 1


def test_an_unclosed_csv_quote_is_reported_and_earlier_rows_kept(tmp_path):
    rows = (
        'id,text\n1,"The council approved the budget on Monday after a long debate, officials said."\n2,"An unclosed quote\n3,A third row\n'
    )
    result = read_folder(tmp_path, "export.csv", rows)
    assert messages(result) == {"export.csv": "malformed CSV after record 1: unexpected end of data (an unclosed quote?)"}
    assert len(result.articles) == 2


def test_html_in_its_declared_latin1_charset_is_read(tmp_path):
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 reopens</title></head><body><article><p>'
        "The caf\xe9 on the main square reopened on Friday after a long renovation, its owner told the town council."
        "</p></article></body></html>"
    )
    result = read_folder(tmp_path, "page.html", page.encode("latin-1"))
    assert not result.diagnostics
    assert any("café" in a.text for a in result.articles)


def test_html_that_is_not_utf8_and_declares_nothing_is_still_refused(tmp_path):
    page = "<html><body><p>The caf\xe9 on the main square reopened on Friday after renovation.</p></body></html>"
    result = read_folder(tmp_path, "page.html", page.encode("latin-1"))
    assert messages(result) == {"page.html": "invalid UTF-8 at byte 22"}


def test_an_oversized_record_is_refused_and_the_rest_of_the_export_read(tmp_path):
    good = json.dumps({"text": "The harbour reopened on Tuesday after repairs to the quay, officials said in a statement."})
    huge = json.dumps({"text": "word " * 1_100_000})
    result = read_folder(tmp_path, "export.jsonl", f"{huge}\n{good}\n")
    assert messages(result) == {"export.jsonl": "line 1: record is 5,500,012 characters, over the 5,000,000-character limit"}
    assert len(result.articles) == 2


@pytest.mark.parametrize(("name", "content"), [("none.json", "[]"), ("header.csv", "title,text\n"), ("nothing.jsonl", "[\n]\n")])
def test_an_export_without_records_is_one_diagnostic(tmp_path, name, content):
    result = read_folder(tmp_path, name, content)
    assert messages(result) == {name: "holds no records"}
    assert [a.title for a in result.articles] == ["Council approves budget"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_character_device_is_refused_not_read():
    result = read_paths(["/dev/zero"])
    assert [(d.source_path, d.message) for d in result.diagnostics] == [
        ("/dev/zero", "not a regular file (a device, pipe or socket is never read)")
    ]


def test_link_loops_are_reported_and_a_folder_loop_is_not_followed(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    result = read_paths([tmp_path])
    assert messages(result) == {
        "one": "broken symbolic link",
        "two": "broken symbolic link",
        "up": "symbolic link to a folder, not followed (give the folder itself to read it)",
    }
    assert [a.title for a in result.articles] == ["Council approves budget"]


def test_a_folder_link_is_named_and_its_folder_read_when_given(tmp_path):
    """The negative twin of the loop: a link to an ordinary folder is not walked into either, but said, and the folder
    it names is read when given itself."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    linked = read_paths([tmp_path / "articles"])
    assert (linked.articles, messages(linked)) == (
        [],
        {"more": "symbolic link to a folder, not followed (give the folder itself to read it)"},
    )
    given = read_paths([tmp_path / "articles" / "more"])
    assert ([a.title for a in given.articles], given.diagnostics) == (["Council approves budget"], [])


def refuse_listing(monkeypatch, folder: Path) -> None:
    """Make listing ``folder`` fail as it does for a user without read permission on it (tests run as root here, where
    chmod 000 does not stop root from listing it)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_one_diagnostic_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "other.txt").write_text(GOOD.replace("budget", "plan"), encoding="utf-8")
    refuse_listing(monkeypatch, tmp_path / "locked")
    result = read_paths([tmp_path])
    assert [a.title for a in result.articles] == ["Council approves budget"]
    assert [(d.source_path, d.message) for d in result.diagnostics] == [(str(tmp_path / "locked"), "cannot read folder: Permission denied")]


def test_an_unreadable_folder_given_is_one_diagnostic_not_an_empty_folder(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    refuse_listing(monkeypatch, tmp_path)
    result = read_paths([tmp_path])
    assert result.articles == []
    assert [(d.source_path, d.message) for d in result.diagnostics] == [(str(tmp_path), "cannot read folder: Permission denied")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root lists a folder whatever its permissions")
def test_a_folder_without_read_permission_is_one_diagnostic(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        result = read_paths([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert [a.title for a in result.articles] == ["Council approves budget"]
    assert messages(result) == {"locked": "cannot read folder: Permission denied"}


def test_the_size_limits_are_settable_and_each_names_its_limit(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "long.txt").write_text(GOOD * 3, encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": GOOD * 3}) + "\n", encoding="utf-8")
    limits = ReadLimits(document_bytes=len(GOOD.encode()) + 1, export_bytes=10_000, record_chars=len(GOOD) + 20)
    result = read_paths([tmp_path], limits=limits)
    assert sorted(a.source_path.rsplit("/", 1)[-1] for a in result.articles) == ["export.jsonl#1", "good.txt"]
    assert messages(result) == {
        "long.txt": f"file is {len(GOOD.encode()) * 3:,} bytes, over the {len(GOOD.encode()) + 1:,}-byte limit",
        "export.jsonl": f"line 2: record is {len(json.dumps({'text': GOOD * 3})):,} characters, "
        f"over the {len(GOOD) + 20:,}-character limit",
    }


def test_the_default_limits_read_what_smaller_limits_refuse(tmp_path):
    (tmp_path / "long.txt").write_text(GOOD * 3, encoding="utf-8")
    assert [a.source_path.rsplit("/", 1)[-1] for a in read_paths([tmp_path]).articles] == ["long.txt"]
    assert read_paths([tmp_path], limits=ReadLimits(document_bytes=100)).articles == []


def test_an_unreadable_file_is_one_diagnostic_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(GOOD.replace("budget", "plan"), encoding="utf-8")
    real_open = Path.open

    def refuse_secret(path, *args, **kwargs):
        # Tests run as root here, where chmod 000 does not stop reading: the refusal the OS gives others is raised.
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse_secret)
    result = read_paths([tmp_path])
    assert [a.source_path.rsplit("/", 1)[-1] for a in result.articles] == ["good.txt"]
    assert messages(result) == {"secret.txt": "cannot read: Permission denied"}


@pytest.mark.parametrize(
    ("text", "size"),
    [("500", 500), ("500kB", 500_000), ("20MB", 20_000_000), ("1.5MiB", 1_572_864), (" 2 gb ", 2_000_000_000), ("1PB", 10**15)],
)
def test_sizes_are_read_in_decimal_and_binary_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["0", "-1", "abc", "10XB", "", "2PB", "0.4"])
def test_what_is_not_a_size_from_one_byte_to_a_petabyte_is_refused(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_a_limit_raised_to_a_petabyte_reads_a_small_file_without_reserving_it(tmp_path):
    """A read of ``limit + 1`` bytes at once would allocate the limit first (a MemoryError at 1 PB); reads are chunked."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({"text": GOOD.replace("budget", "plan")}) + "\n", encoding="utf-8")
    huge = ReadLimits(document_bytes=10**15, export_bytes=10**15, record_chars=10**15)
    result = read_paths([tmp_path], limits=huge)
    assert (sorted(a.title for a in result.articles), result.diagnostics) == (["Council approves budget", "Council approves plan"], [])


def test_a_chunked_bounded_read_stops_just_over_its_limit(tmp_path):
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (3 * READ_CHUNK_BYTES))
    with big.open("rb") as handle:
        assert len(read_at_most(handle, READ_CHUNK_BYTES + 7)) == READ_CHUNK_BYTES + 7
    with big.open("rb") as handle:
        assert read_at_most(handle, 10 * READ_CHUNK_BYTES) == big.read_bytes()
