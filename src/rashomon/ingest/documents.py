"""One text or HTML document as an :class:`Article`: decoded, cleaned, its front matter read, its id from its text."""

from __future__ import annotations

import codecs
import hashlib
import re

from rashomon.ingest.inputs import InputProblem
from rashomon.ingest.metadata import detect_language, outlet_from_text, outlet_from_url
from rashomon.model import Article

MIN_WORDS = 5
MAX_FIELD_CHARS = 300
MIN_SCRIPT_LETTERS = 20
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATES = re.compile("[\ud800-\udfff]")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FRONT_MATTER_KEYS = {
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "author": "author",
    "byline": "author",
    "title": "title",
    "headline": "title",
    "id": "id",
    "fetched": "fetched_at",
}


def content_id(text: str) -> str:
    """A stable id from the article's text, so the same article always gets the same id."""
    return "a" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode_bytes(data: bytes) -> str:
    """Text from bytes: UTF-32/UTF-16 when a byte-order mark says so, else UTF-8; or an :class:`InputProblem` saying why
    it is not text."""
    if not data.strip():
        raise InputProblem("empty file")
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return clean_text(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise InputProblem(f"invalid {encoding.upper()} at byte {error.start}") from None
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file (NUL bytes), not text")
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputProblem(f"invalid UTF-8 at byte {error.start}") from None


def clean_text(text: str) -> str:
    """Text without NUL and other control characters (tabs and line breaks kept) and without unpaired surrogates
    (which JSON escapes can carry and which no encoder accepts)."""
    return CONTROL_CHARACTERS.sub("", SURROGATES.sub("\ufffd", text))


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Leading ``key: value`` lines (optionally between ``---`` fences) and the text after them."""
    lines = text.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    fenced = index < len(lines) and lines[index].strip() == "---"
    if fenced:
        index += 1
    meta: dict[str, str] = {}
    while index < len(lines):
        line = lines[index].strip()
        if fenced and line == "---":
            index += 1
            break
        if not line:
            break
        key, sep, value = line.partition(":")
        canonical = FRONT_MATTER_KEYS.get(key.strip().lower())
        if not sep or canonical is None or not value.strip():
            break
        meta[canonical] = value.strip()
        index += 1
    if not meta or (not fenced and len(meta) < 2 and not {"url", "published"} & meta.keys()):
        return {}, text
    return meta, "\n".join(lines[index:]).lstrip("\n")


def clean_field(value: str) -> str:
    """A one-line metadata field (title, outlet, url, author, date, record id): cleaned like text, its line breaks and
    runs of spaces made one space, and cut to ``MAX_FIELD_CHARS``."""
    return " ".join(clean_text(value).split())[:MAX_FIELD_CHARS].strip()


def mostly_other_script(text: str) -> bool:
    """Most letters are outside the Latin alphabet (Chinese, Arabic, Cyrillic...): not English, whatever the word count."""
    letters = [c for c in text[:5000] if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    return len(letters) >= MIN_SCRIPT_LETTERS and latin < len(letters) / 2


def make_article(text: str, source_path: str, meta: dict[str, str | None]) -> Article:
    """An :class:`Article` from its text and whatever metadata came with it; raises on unusable text."""
    text = clean_text(text).strip("\n\r\t ")
    if mostly_other_script(text):
        raise InputProblem("text is not English; rashomon analyses English news only")
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputProblem(f"no usable text ({words} words)")
    language = detect_language(text)
    if language == "unknown":
        raise InputProblem("text is not English; rashomon analyses English news only")
    meta = {key: clean_field(value) if isinstance(value, str) else value for key, value in meta.items()}
    title = meta.get("title") or next((line.strip() for line in text.splitlines() if line.strip()), None)
    url = meta.get("url") or None
    outlet = meta.get("outlet") or outlet_from_url(url) or outlet_from_text(text)
    return Article(
        id=content_id(text),
        source_path=source_path,
        outlet=outlet,
        title=(title or "")[:300] or None,
        published=meta.get("published") or None,
        url=url,
        author=meta.get("author") or None,
        language=language or "en",
        word_count=words,
        text=text,
        fetched_at=meta.get("fetched_at") or None,
    )


def read_text_document(data: bytes, source_path: str) -> Article:
    """A plain-text article: optional front matter, title on the first non-empty line."""
    text = decode_bytes(data).replace("\r\n", "\n")
    meta, body = parse_front_matter(text)
    return make_article(body, source_path, meta)


def decode_html(data: bytes) -> str:
    """An HTML page's text: UTF-8 (or a byte-order mark's encoding), else the charset the page declares in its
    ``<meta>`` ("iso-8859-1", "windows-1252"...); a page that is neither is not text."""
    try:
        return decode_bytes(data)
    except InputProblem:
        declared = DECLARED_CHARSET.search(data[:4096])
        if declared is None:
            raise
        try:
            return clean_text(data.decode(codecs.lookup(declared.group(1).decode("ascii")).name))
        except (LookupError, UnicodeDecodeError):
            raise InputProblem(f"not decodable as its declared charset {declared.group(1).decode('ascii', 'replace')}") from None


def read_html_document(data: bytes, source_path: str, url: str | None = None) -> Article:
    """An HTML page reduced to its main text and metadata by trafilatura."""
    import trafilatura

    html = decode_html(data)
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None or len((document.text or "").split()) < MIN_WORDS:
        raise InputProblem("HTML has no main text")
    body = document.text
    if document.title and not body.lstrip().startswith(document.title.strip()):
        body = f"{document.title.strip()}\n\n{body}"
    meta = {
        "title": document.title,
        "author": document.author,
        "published": document.date,
        "url": document.url or url,
        "outlet": document.sitename,
    }
    return make_article(body, source_path, meta)
