"""Text normalisation that remembers where every character came from.

Analysis runs on normalised text (one kind of quote mark, plain spaces, at most
one blank line between paragraphs) while the dossier keeps the article text as
ingested. :class:`NormalizedText` maps spans back so offsets stay true.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02\u275d\u275e\u301d\u301e"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\uff07"
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BULLETS = "\u2022\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2219"

CHAR_MAP = {
    **{c: '"' for c in DOUBLE_QUOTES},
    **{c: "'" for c in SINGLE_QUOTES},
    **{c: " " for c in SPACES},
    **{c: "-" for c in BULLETS},
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u2026": ".",
}


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus, for each of its characters, the index in the original."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original it came from."""
        if end <= start:
            position = self.origin[start] if start < len(self.origin) else self.original_length
            return position, position
        return self.origin[start], self.origin[end - 1] + 1


def normalize_text(raw: str) -> NormalizedText:
    """Normalise quote marks, spaces, bullets and blank-line runs, keeping an offset map."""
    chars: list[str] = []
    origin: list[int] = []
    newline_run = 0
    for index, char in enumerate(raw):
        if char in INVISIBLE:
            continue
        if char == "\r" and raw[index + 1 : index + 2] == "\n":
            continue
        char = CHAR_MAP.get(char, char)
        if unicodedata.category(char) == "Cc" and char != "\n":
            char = " "
        if char == "\n":
            while chars and chars[-1] == " ":
                chars.pop()
                origin.pop()
            newline_run += 1
            if newline_run > 2:
                continue
        elif char == " ":
            if not chars or chars[-1] in " \n":
                continue
        else:
            newline_run = 0
        chars.append(char)
        origin.append(index)
    while chars and chars[-1] in " \n":
        chars.pop()
        origin.pop()
    return NormalizedText("".join(chars), tuple(origin), len(raw))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text`` (news text puts a paragraph on a line)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans
