"""Article metadata that the text itself gives away: outlet, language."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

# Below 8 words a language model guesses: py3langid labels three-word English headlines Catalan or Indonesian (at under
# 10% probability). Shorter texts are assumed to be English.
MIN_LANGUAGE_WORDS = 8
# One-sentence French, German and Spanish news texts score 0.98-0.9995 for their language here, and none of the 772
# English ECB+ documents of topics 1-35 is labelled anything but English; 0.9 keeps a margin on both sides.
NOT_ENGLISH_CONFIDENCE = 0.9
# The language of a news article shows in its first few thousand characters (and classifying costs time per character).
LANGUAGE_SAMPLE_CHARS = 5000

DATELINE_CREDIT = re.compile(r"^\s*(?:[A-Z][A-Za-z .,'-]{0,40}\s)?\((?P<credit>[A-Za-z0-9][A-Za-z0-9 .&'-]{1,60}?)\)\s*[-\u2013\u2014:]")
WEB_NAME = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}$")
COPYRIGHT_LINE = re.compile(
    r"(?:copyright|\u00a9|\(c\))\s*(?:\u00a9\s*)?(?:\d{4}\s*(?:[-\u2013]\s*\d{4})?\s*[,.]?\s*)?"
    r"(?P<owner>[A-Z][A-Za-z0-9&.' -]{1,60}?)\s*(?:[,.]\s*|\s+)?(?:all rights reserved|$)",
    re.IGNORECASE | re.MULTILINE,
)


@lru_cache(maxsize=1)
def public_suffixes():
    """tldextract on the public suffix list snapshot in its wheel: no download (no URLs), no cache written.

    Private suffixes count (blogspot.com, github.io), so each blog on them is its own site.
    """
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def outlet_from_url(url: str | None) -> str | None:
    """The site a URL belongs to: its registered domain under the public suffix list ("https://news.example.co.uk/x" ->
    "example.co.uk", "https://someone.blogspot.com/x" -> "someone.blogspot.com"); None for an address or a local name."""
    if not url:
        return None
    try:
        host = urlparse(url if "//" in url else f"//{url}").hostname
    except ValueError:  # brackets that are not an IPv6 address ("[]", "http://[x]/"): not a usable URL
        return None
    if not host:
        return None
    return public_suffixes()(host).top_domain_under_public_suffix.lower() or None


def outlet_from_text(text: str) -> str | None:
    """An outlet the article names itself: a web-name dateline credit or a copyright line.

    Only a credit written as a web name counts: a news agency's credit ("(AP) -") names the wire, not the
    publishing outlet, and is left to same-origin detection (align/origin.py, from the lexicon's news agencies).
    """
    head = text[:400]
    for line in head.splitlines()[:6]:
        match = DATELINE_CREDIT.match(line)
        if match:
            credit = match.group("credit").strip()
            if WEB_NAME.match(credit):
                return credit
    tail = text[-1500:]
    for match in COPYRIGHT_LINE.finditer(tail):
        owner = match.group("owner").strip(" .,")
        if owner and len(owner.split()) <= 6 and owner.lower() not in {"all rights reserved", "the author"}:
            return owner
    return None


@lru_cache(maxsize=1)
def language_identifier():
    """py3langid's model (shipped in its wheel, 97 languages), with probabilities normalised to sum to one.

    Loaded once per process (about 1.3 s here), and only when a text long enough to judge comes along.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ "en" when the text reads as English, "unknown" when it is confidently another language, None when it is too short
    to tell or the model is unsure (the caller assumes English then: news headlines and one-line wire items are short)."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(re.findall(r"[^\W\d_]+", sample)) < MIN_LANGUAGE_WORDS:
        return None
    language, probability = language_identifier().classify(sample)
    if language == "en":
        return "en"
    return "unknown" if probability >= NOT_ENGLISH_CONFIDENCE else None
