"""Direct quotes from their quote marks: each mark's role (opening, closing) read from the characters around it, marks
paired into quotes (several segments when a quote runs over paragraphs), unbalanced marks reported."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.ingest.text import paragraphs

OPEN_CONTEXT = " \n([{\u2014\u2013-:/"
CLOSE_CONTEXT = " \n.,;:!?)]}\u2014\u2013-'\""
MAX_QUOTE_CHARS = 6000


@dataclass
class QuoteSpan:
    """A direct quote: one or more segments between quote marks (several when it runs over paragraphs)."""

    segments: list[tuple[int, int]]

    @property
    def outer_start(self) -> int:
        return self.segments[0][0]

    @property
    def outer_end(self) -> int:
        return self.segments[-1][1] + 1


def mark_role(text: str, position: int) -> str:
    """Whether the quote mark at ``position`` opens, closes, or could do either."""
    before = text[position - 1] if position > 0 else "\n"
    after = text[position + 1] if position + 1 < len(text) else "\n"
    opens = before in OPEN_CONTEXT and not after.isspace()
    closes = not before.isspace() and after in CLOSE_CONTEXT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quote_spans(text: str, mark: str = '"') -> tuple[list[QuoteSpan], list[str]]:
    """Pair quote marks into quotes; unbalanced marks are skipped and reported."""
    paragraph_of = {}
    for index, (start, end) in enumerate(paragraphs(text)):
        for position in range(start, end):
            if text[position] == mark:
                paragraph_of[position] = (index, start)
    spans: list[QuoteSpan] = []
    problems: list[str] = []
    segments: list[tuple[int, int]] = []
    open_at: int | None = None
    open_paragraph = -1
    for position, (paragraph, paragraph_start) in sorted(paragraph_of.items()):
        role = mark_role(text, position)
        if open_at is None:
            if role == "close":
                problems.append(f"unbalanced closing quote mark at character {position}")
                continue
            open_at, open_paragraph, segments = position, paragraph, []
            continue
        if paragraph != open_paragraph:
            continues = role != "close" and position == paragraph_start and paragraph == open_paragraph + 1
            if continues:
                segments.append((open_at, paragraph_start - 2 if paragraph_start >= 2 else paragraph_start))
                open_at, open_paragraph = position, paragraph
                continue
            problems.append(f"unbalanced opening quote mark at character {open_at}")
            open_at, open_paragraph, segments = (position, paragraph, []) if role != "close" else (None, -1, [])
            continue
        if role == "open":
            problems.append(f"unbalanced opening quote mark at character {open_at}")
            open_at, segments = position, []
            continue
        segments.append((open_at, position))
        if position - segments[0][0] <= MAX_QUOTE_CHARS:
            spans.append(QuoteSpan(segments))
        open_at, open_paragraph, segments = None, -1, []
    if open_at is not None:
        problems.append(f"unbalanced opening quote mark at character {open_at}")
    return spans, problems


def content_span(text: str, open_mark: int, close_mark: int) -> tuple[int, int]:
    """The span of the words between two quote marks, without surrounding spaces."""
    start, end = open_mark + 1, close_mark
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment_text(text: str, span: QuoteSpan) -> str:
    """The quoted words, paragraphs joined by a line break."""
    return "\n".join(text[slice(*content_span(text, start, end))] for start, end in span.segments)
