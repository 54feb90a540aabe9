import json
from datetime import UTC, datetime

from rashomon.ingest import read_paths
from rashomon.ingest.documents import parse_front_matter
from rashomon.ingest.readers import read_bytes, unique_ids

STORY = "Flooding closed the main road on Sunday, police said, and at least 40 homes were evacuated.\n"


def test_text_file_with_front_matter(tmp_path):
    path = tmp_path / "flood.txt"
    path.write_text(
        "outlet: River Gazette\nurl: https://rivergazette.example/flood\npublished: 2021-07-04\n\nRoad closed by flood\n\n" + STORY
    )
    result = read_paths([path])
    (article,) = result.articles
    assert article.outlet == "River Gazette"
    assert article.url == "https://rivergazette.example/flood"
    assert article.published == datetime(2021, 7, 4, tzinfo=UTC)
    assert article.title == "Road closed by flood"
    assert article.source_path == str(path)
    assert article.text.startswith("Road closed by flood")
    assert not result.diagnostics


def test_headline_with_colon_is_not_front_matter():
    meta, body = parse_front_matter("Source: the river burst its banks\n\n" + STORY)
    assert meta == {}
    assert body.startswith("Source:")


def test_outlet_from_url_when_not_given(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": STORY, "url": "https://www.metro-daily.com/a"}) + "\n")
    (article,) = read_paths([path]).articles
    assert article.outlet == "metro-daily.com"
    assert article.source_path == f"{path}#x1"


def test_outlet_never_guessed_from_file_name(tmp_path):
    path = tmp_path / "bbc_story.txt"
    path.write_text("Road closed\n\n" + STORY)
    (article,) = read_paths([path]).articles
    assert article.outlet is None


def test_jsonl_records_bad_line_costs_only_itself(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": STORY, "title": "One"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": STORY + " More."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = read_paths([path])
    assert [a.source_path for a in result.articles] == [f"{path}#1", f"{path}#4"]
    assert len(result.diagnostics) == 2
    assert all(d.source_path.startswith(str(path)) for d in result.diagnostics)


def test_csv_records(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,title,outlet,text\n7,Flood,Gazette,"' + STORY.strip() + '"\n')
    (article,) = read_paths([path]).articles
    assert article.source_path == f"{path}#7"
    assert article.outlet == "Gazette"


def test_html_boilerplate_removed(tmp_path):
    body = "".join(f"<p>{STORY} Sentence {i} about the evacuation of the riverside homes.</p>" for i in range(4))
    html = (
        "<html><head><title>Flood closes road</title><meta property='og:site_name' content='River Gazette'>"
        "<meta name='author' content='Ann Lee'></head><body><nav>Home | Sport | Weather</nav>"
        f"<article><h1>Flood closes road</h1>{body}</article><footer>Subscribe to our newsletter</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    (article,) = read_paths([path]).articles
    assert article.title == "Flood closes road"
    assert article.outlet == "River Gazette"
    assert "evacuated" in article.text
    assert "Subscribe" not in article.text and "Sport | Weather" not in article.text


def test_bad_inputs_give_one_line_diagnostics(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 data")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 society".encode("latin-1"))
    (tmp_path / "french.txt").write_text(
        "Le ministre a déclaré lundi que le pont rouvrirait au printemps après des réparations importantes et coûteuses."
    )
    (tmp_path / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "good.txt").write_text("Road closed\n\n" + STORY)
    result = read_paths([tmp_path, tmp_path / "missing.txt"])
    assert [a.source_path.rsplit("/", 1)[-1] for a in result.articles] == ["good.txt"]
    messages = {d.source_path.rsplit("/", 1)[-1]: d.message for d in result.diagnostics}
    assert messages["empty.txt"] == "empty file"
    assert "binary" in messages["binary.txt"]
    assert "invalid UTF-8" in messages["latin.txt"]
    assert "not English" in messages["french.txt"]
    assert "no main text" in messages["nothing.html"]
    assert messages["missing.txt"] == "no such file or folder"
    assert all("\n" not in m for m in messages.values())


def test_oversized_document_is_refused():
    result = read_bytes(b"word " * 1_100_000, "big.txt", ".txt")
    assert not result.articles
    assert "over the" in result.diagnostics[0].message


def test_unique_ids_for_identical_texts(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Road closed\n\n" + STORY)
    articles = unique_ids(read_paths([tmp_path]).articles)
    assert len({a.id for a in articles}) == 2
    assert articles[1].id.startswith(articles[0].id)


def test_common_export_column_names(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'Body ID,headline,source,link,pubDate,articleBody\n42,Flood,River Gazette,https://x.example/a,2021-07-04,"' + STORY.strip() + '"\n'
    )
    (article,) = read_paths([path]).articles
    assert article.source_path == f"{path}#42"
    assert (article.title, article.outlet, article.url, article.published) == (
        "Flood",
        "River Gazette",
        "https://x.example/a",
        datetime(2021, 7, 4, tzinfo=UTC),
    )
