"""Article metadata that the text itself gives away: outlet, language."""

from __future__ import annotations

import re
from urllib.parse import urlparse

SECOND_LEVEL_SUFFIXES = {"co", "com", "org", "net", "gov", "ac", "edu"}

DATELINE_CREDIT = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .,'-]{0,40}\s)?\((?P<credit>[A-Za-z0-9][A-Za-z0-9 .&'-]{1,60}?)\)\s*[-\u2013\u2014:]"
)
WEB_NAME = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}$")
COPYRIGHT_LINE = re.compile(
    r"(?:copyright|\u00a9|\(c\))\s*(?:\u00a9\s*)?(?:\d{4}\s*(?:[-\u2013]\s*\d{4})?\s*[,.]?\s*)?"
    r"(?P<owner>[A-Z][A-Za-z0-9&.' -]{1,60}?)\s*(?:[,.]\s*|\s+)?(?:all rights reserved|$)",
    re.IGNORECASE | re.MULTILINE,
)

ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in that is was he for it with as his on be at by i this had not are but from
    or have an they which one you were her all she there would their we him been has when who will
    more no if out so said what up its about into than them can only other new some could time these
    two may then do first any my now such like our over man me even most made after also did many
    before must through back years where much your way well down should because each just those people
    how too little state good very make world still own see men work long get here between both life
    being under never day same another know while last might us great old year off come since against
    go came right used take three""".split()
)
AGENCY_CREDITS = re.compile(r"^(?:AP|AFP|Reuters|UPI|dpa|PA|ANSA|EFE|Xinhua|Bloomberg|CNN|BBC)$", re.IGNORECASE)


def outlet_from_url(url: str | None) -> str | None:
    """The registered host name of a URL ("https://www.example.co.uk/x" -> "example.co.uk")."""
    if not url:
        return None
    try:
        host = urlparse(url if "//" in url else f"//{url}").hostname
    except ValueError:  # brackets that are not an IPv6 address ("[]", "http://[x]/"): not a usable URL
        return None
    if not host or "." not in host:
        return None
    labels = host.lower().split(".")
    if labels[0] in {"www", "m", "amp", "mobile", "edition", "news"} and len(labels) > 2:
        labels = labels[1:]
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL_SUFFIXES and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def outlet_from_text(text: str) -> str | None:
    """An outlet the article names itself: a web-name dateline credit or a copyright line.

    A parenthesised credit that is a news agency ("(AP) -") names the wire, not the
    publishing outlet, so it is left to same-origin detection.
    """
    head = text[:400]
    for line in head.splitlines()[:6]:
        match = DATELINE_CREDIT.match(line)
        if match:
            credit = match.group("credit").strip()
            if WEB_NAME.match(credit) and not AGENCY_CREDITS.match(credit):
                return credit
    tail = text[-1500:]
    for match in COPYRIGHT_LINE.finditer(tail):
        owner = match.group("owner").strip(" .,")
        if owner and len(owner.split()) <= 6 and owner.lower() not in {"all rights reserved", "the author"}:
            return owner
    return None


def english_share(text: str) -> tuple[float, int]:
    """Share of words that are common English function words, and how many words were seen."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if not words:
        return 0.0, 0
    return sum(word in ENGLISH_FUNCTION_WORDS for word in words) / len(words), len(words)


def detect_language(text: str) -> str | None:
    """"en" when the text reads as English, "unknown" when it clearly does not, None if too short to tell."""
    share, count = english_share(text)
    if count < 12:
        return None
    return "en" if share >= 0.18 else "unknown"
