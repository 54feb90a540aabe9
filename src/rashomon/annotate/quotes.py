"""Quotes and their speakers.

Direct quotes are found from quote marks (whose opening or closing role is read
from the characters around them), including quotes that run over several
paragraphs, partial quotes inside a sentence and pull quotes followed by a
lone name line. Indirect speech comes from the parse: a verb of saying with a
clausal complement, and "according to X". Each quote gets its speaker through
:mod:`rashomon.annotate.speakers`; the quote marks are paired by :mod:`rashomon.annotate.quote_marks`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from rashomon.annotate.discourse import Discourse, mention_key
from rashomon.annotate.lexicon import ENGLISH, verb_lemma
from rashomon.annotate.quote_marks import QuoteSpan, content_span, find_quote_spans, mark_role, segment_text
from rashomon.annotate.speakers import entity_mentions, phrase_span, resolve_subject, subject_of
from rashomon.annotate.types import Mention, QuoteHit, SpeakerRef
from rashomon.ingest.text import paragraphs

FIRST_SECOND_PERSON = ENGLISH.first_second_person
INDIRECT_SPEECH_VERBS = ENGLISH.indirect_speech_verbs
SPEECH_VERBS = ENGLISH.speech_verbs

MAX_NAME_LINE_TOKENS = 6
INHERIT_PARAGRAPHS = 2
MAX_SPEAKER_TOKENS = 8
SPEAKER_LABEL = re.compile(
    r"(?P<label>(?:(?:MR|MRS|MS|DR|Mr|Mrs|Ms|Dr)\.? )?[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,2}):[ \t]+(?P<body>\S)"
)
TITLE_PREFIX = re.compile(r"^(?:MR|MRS|MS|DR|Mr|Mrs|Ms|Dr)\.? ")


def inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)


def cue_candidates(sentences: list[Span], quoted: list[tuple[int, int]]) -> list[Token]:
    """Verbs of saying outside any quote in the given sentences."""
    return [
        token
        for sentence in sentences
        for token in sentence
        if token.pos_ in ("VERB", "AUX") and verb_lemma(token, SPEECH_VERBS) and not inside(token.idx, quoted)
    ]


def choose_cue(candidates: list[Token], start: int, end: int) -> Token | None:
    """The reporting verb nearest the quote, preferring one after it ("..., he said")."""
    after = [t for t in candidates if t.idx >= end]
    before = [t for t in candidates if t.idx < start]
    if after and (not before or after[0].idx - end <= start - before[-1].idx + 20):
        return after[0]
    return before[-1] if before else None


def adjacent_phrase(cue: Token, quote_end: int) -> Span | None:
    """The speaker phrase around a cue whose parse gave it no subject.

    News writes `"...," the 54-year-old told reporters` and `"...," said the
    retired admiral`; the phrase between the quote and the cue, or right after
    the cue, names the speaker.
    """
    doc = cue.doc
    start = cue.i
    while start > 0 and doc[start - 1].idx >= quote_end:
        start -= 1
    between = [t for t in doc[start : cue.i] if not t.is_punct and not t.is_space]
    if 0 < len(between) <= MAX_SPEAKER_TOKENS and not any(t.pos_ in ("VERB", "AUX") for t in between):
        return doc[between[0].i : between[-1].i + 1]
    after = []
    for token in doc[cue.i + 1 :]:
        if token.is_punct or token.is_space or token.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            break
        after.append(token)
    if not between and 0 < len(after) <= MAX_SPEAKER_TOKENS:
        return doc[after[0].i : after[-1].i + 1]
    return None


def according_to(sentence: Span, quoted: list[tuple[int, int]]) -> tuple[Token, Token] | None:
    """("according", source head) when the sentence says "according to X"."""
    for token in sentence:
        if token.lower_ == "according" and not inside(token.idx, quoted):
            for child in token.children:
                if child.lower_ == "to":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return token, objects[0]
    return None


def cue_phrase(cue: Token) -> Span:
    """The cue as written: "according to" keeps its "to"."""
    doc = cue.doc
    end = cue.i + 2 if cue.lower_ == "according" and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "to" else cue.i + 1
    return doc[cue.i : end]


def name_lines(doc: Doc, lines: list[tuple[int, int]], mentions: list[Mention]) -> dict[int, SpeakerRef]:
    """Paragraphs that are only a name (a pull quote's credit), by paragraph index."""
    found = {}
    for index, line in enumerate(lines):
        speaker = name_line_speaker(doc, line, mentions)
        if speaker is not None:
            found[index] = speaker
    return found


def name_line_speaker(doc: Doc, line: tuple[int, int], mentions: list[Mention]) -> SpeakerRef | None:
    """The speaker of a pull quote: a following line that is just a name (optionally after a dash)."""
    span = doc.char_span(line[0], line[1], alignment_mode="expand")
    if span is None or len(span) > MAX_NAME_LINE_TOKENS:
        return None
    names = [m for m in mentions if line[0] <= m.start and m.end <= line[1] and m.label in ("PERSON", "ORG")]
    words = [t for t in span if not t.is_punct and not t.is_space]
    if span.text.rstrip().endswith((".", "?", "!", ":", '"')):
        return None
    if names and sum(len(doc[m.token_start : m.token_end]) for m in names) >= len(words) - 1:
        return SpeakerRef(span.text.strip(" -\u2014\u2013"), names[0].start, names[0].end, mention=names[0])
    return None


def extract_direct_quotes(
    doc: Doc, text: str, lines: list[tuple[int, int]], spans: list[QuoteSpan], discourse: Discourse, credits: dict[int, SpeakerRef]
) -> list[QuoteHit]:
    """Quotes between quote marks, each with its cue and speaker where the text gives them."""
    quoted = [(s.outer_start, s.outer_end) for s in spans]
    hits: list[QuoteHit] = []
    previous: tuple[QuoteHit, int] | None = None
    for span in spans:
        words = segment_text(text, span)
        if not words.strip():
            continue
        start_token = doc.char_span(span.outer_start, span.outer_start + 1, alignment_mode="expand")
        end_token = doc.char_span(span.outer_end - 1, span.outer_end, alignment_mode="expand")
        if start_token is None or end_token is None:
            continue
        sentences = list(dict.fromkeys([start_token.sent, end_token.sent]))
        if end_token.sent.end < len(doc) and doc[end_token.sent.end].idx - span.outer_end <= 2:
            sentences.append(doc[end_token.sent.end].sent)
        if sentences[0].text.strip() == text[span.outer_start : span.outer_end].strip() and sentences[0].start > 0:
            earlier = doc[sentences[0].start - 1].sent
            if earlier.text.rstrip().endswith(":"):
                sentences.insert(0, earlier)
        cue = choose_cue(cue_candidates(sentences, quoted), span.outer_start, span.outer_end)
        speaker: SpeakerRef | None = None
        cue_token: Token | None = cue
        if cue is not None:
            subject = subject_of(cue)
            if subject is not None and not inside(subject.idx, quoted):
                speaker = resolve_subject(subject, discourse, quoted)
            else:
                phrase = adjacent_phrase(cue, span.outer_end)
                if phrase is not None:
                    speaker = resolve_subject(phrase.root, discourse, quoted, phrase)
        if speaker is None:
            source = next((found for s in sentences if (found := according_to(s, quoted))), None)
            if source is not None:
                cue_token = source[0]
                speaker = resolve_subject(source[1], discourse, quoted)
        paragraph_index = next((i for i, (s, e) in enumerate(lines) if s <= span.outer_start < e), -1)
        if speaker is None and cue_token is None:
            whole_line = (
                paragraph_index >= 0
                and text[lines[paragraph_index][0] : lines[paragraph_index][1]].strip() == text[span.outer_start : span.outer_end].strip()
            )
            if whole_line:
                speaker = credits.get(paragraph_index + 1)
            if (
                speaker is None
                and previous is not None
                and previous[0].speaker is not None
                and 0 <= paragraph_index - previous[1] <= INHERIT_PARAGRAPHS
                and (whole_line or start_token.sent.start_char == span.outer_start)
            ):
                speaker = previous[0].speaker
        cue_span = cue_phrase(cue_token) if cue_token is not None else None
        hit = QuoteHit(
            text=words,
            start=span.segments[0][0] + 1,
            end=span.segments[-1][1],
            outer_start=span.outer_start,
            outer_end=span.outer_end,
            direct=True,
            cue=cue_span.text if cue_span is not None else None,
            cue_start=cue_span.start_char if cue_span is not None else None,
            cue_end=cue_span.end_char if cue_span is not None else None,
            speaker=speaker,
            segments=[content_span(text, start, end) for start, end in span.segments],
        )
        if speaker is not None and speaker.mention is not None and credits.get(paragraph_index + 1) is not speaker:
            discourse.note_speaker(span.outer_start, speaker.mention)
        hits.append(hit)
        previous = (hit, paragraph_index)
    return hits


def clause_span(head: Token) -> Span:
    """The words of a complement clause ("that" included, as attribution corpora mark it), without edge punctuation."""
    doc = head.doc
    left, right = head.left_edge.i, head.right_edge.i + 1
    while left < right - 1 and doc[left].is_punct and doc[left].text not in ('"', "'"):
        left += 1
    while right - 1 > left and (doc[right - 1].is_space or doc[right - 1].is_punct and doc[right - 1].text not in ('"', "'")):
        right -= 1
    return doc[left:right]


def balanced(span: Span, quoted: list[tuple[int, int]]) -> bool:
    """Whether every quote touching the span lies wholly inside it (a mixed quote), or none touches it."""
    return all(
        span.start_char <= start and end <= span.end_char or end <= span.start_char or start >= span.end_char for start, end in quoted
    )


def with_whole_quotes(span: Span, quoted: list[tuple[int, int]]) -> Span | None:
    """The span grown to take in whole any quote it cuts ("… was \u201cunhinged, even for him.\u201d")."""
    start, end = span.start_char, span.end_char
    for quote_start, quote_end in quoted:
        if quote_start < end and start < quote_end:
            start, end = min(start, quote_start), max(end, quote_end)
    if (start, end) == (span.start_char, span.end_char):
        return span
    return span.doc.char_span(start, end, alignment_mode="expand")


def parenthetical_content(verb: Token) -> Span | None:
    """The reported clause around a parenthetical "..., X said, ..." or a trailing "..., X said."."""
    doc = verb.doc
    sentence = verb.sent
    tail = range(min(t.i for t in verb.subtree), max(t.i for t in verb.subtree) + 1)
    rest = [t for t in sentence if t.i not in tail and not t.is_space]
    while rest and rest[0].is_punct and rest[0].text not in ('"', "'"):
        rest.pop(0)
    while rest and rest[-1].is_punct and rest[-1].text not in ('"', "'"):
        rest.pop()
    if len(rest) < 3:
        return None
    return doc[rest[0].i : rest[-1].i + 1]


def extract_indirect_quotes(doc: Doc, discourse: Discourse, quoted: list[tuple[int, int]]) -> list[QuoteHit]:
    """Reported speech: "X said (that) ...", "X warned: ...", "according to X, ..."."""
    hits: list[QuoteHit] = []
    for token in doc:
        if inside(token.idx, quoted) or token.pos_ not in ("VERB", "AUX"):
            continue
        if not verb_lemma(token, INDIRECT_SPEECH_VERBS):
            continue
        clauses = [c for c in token.children if c.dep_ in ("ccomp",)]
        colon = next((c for c in token.children if c.text == ":" and c.i == token.i + 1), None)
        content: Span | None = None
        if clauses:
            content = clause_span(clauses[0])
        elif colon is not None and not inside(colon.idx + 2, quoted):
            content = doc[colon.i + 1 : token.sent.end]
            while len(content) > 1 and (content[-1].is_punct or content[-1].is_space):
                content = content[: len(content) - 1]
        elif token.dep_ == "parataxis":
            content = parenthetical_content(token)
        if content is not None:
            content = with_whole_quotes(content, quoted)
        if content is None or len(content) < 3 or not balanced(content, quoted) or content.start <= token.i < content.end:
            continue
        if any(start <= content.start_char and content.end_char <= end for start, end in quoted):
            continue
        subject = subject_of(token)
        if subject is None or content.start <= subject.i < content.end or subject.lower_ in FIRST_SECOND_PERSON:
            continue
        speaker = resolve_subject(subject, discourse, quoted)
        hits.append(reported_speech(content, token.text, token.idx, token.idx + len(token), speaker))
    for sentence in doc.sents:
        found = according_to(sentence, quoted)
        if found is None:
            continue
        cue, source = found
        phrase = doc[cue.i : source.right_edge.i + 1]
        rest = [t for t in sentence if not (phrase.start <= t.i < phrase.end) and not t.is_space]
        while rest and rest[0].is_punct:
            rest.pop(0)
        while rest and rest[-1].is_punct:
            rest.pop()
        if len(rest) < 3 or any(inside(t.idx, quoted) for t in rest):
            continue
        content = doc[rest[0].i : rest[-1].i + 1]
        speaker = resolve_subject(source, discourse, quoted)
        cue_span = cue_phrase(cue)
        hits.append(reported_speech(content, cue_span.text, cue_span.start_char, cue_span.end_char, speaker))
    return drop_nested(hits)


def reported_speech(content: Span, cue: str, cue_start: int, cue_end: int, speaker: SpeakerRef | None) -> QuoteHit:
    """An indirect quote: no quote marks around it, so its reported words are also its outer span."""
    return QuoteHit(
        content.text, content.start_char, content.end_char, content.start_char, content.end_char, False, cue, cue_start, cue_end, speaker
    )


def drop_nested(hits: list[QuoteHit]) -> list[QuoteHit]:
    """Reported speech inside other reported speech belongs to the outer report."""
    return [h for h in hits if not any(o is not h and o.start <= h.cue_start < o.end for o in hits if h.cue_start is not None)]


def extract_pull_quotes(
    text: str, lines: list[tuple[int, int]], credits: dict[int, SpeakerRef], quoted: list[tuple[int, int]]
) -> list[QuoteHit]:
    """A paragraph without quote marks set above a lone name line: a pull quote of that person."""
    hits = []
    for index, speaker in credits.items():
        if index == 0 or index - 1 in credits:
            continue
        start, end = lines[index - 1]
        body = text[start:end]
        if inside(start, quoted) or '"' in body or len(body.split()) < 4:
            continue
        hits.append(QuoteHit(body.strip(), start, end, start, end, True, None, None, None, speaker))
    return hits


def extract_transcript_quotes(
    doc: Doc, text: str, lines: list[tuple[int, int]], mentions: list[Mention], quoted: list[tuple[int, int]]
) -> list[QuoteHit]:
    """Interview transcripts: a paragraph opening with a speaker label ("SMITH: ...") of a person named in the article."""
    people = {}
    for mention in mentions:
        if mention.label == "PERSON":
            words = mention_key(mention.text).split()
            people.setdefault(words[-1], mention)
            people.setdefault(" ".join(words), mention)
    hits = []
    for start, end in lines:
        match = SPEAKER_LABEL.match(text, start, end)
        if match is None or inside(start, quoted):
            continue
        label = mention_key(TITLE_PREFIX.sub("", match.group("label")))
        mention = people.get(label) or people.get(label.split()[-1])
        if mention is None:
            continue
        colon = match.end("label")
        body_start = match.start("body")
        speaker = SpeakerRef(match.group("label"), start, colon, mention=mention)
        hits.append(QuoteHit(text[body_start:end].strip(), body_start, end, body_start, end, True, ":", colon, colon + 1, speaker))
    return hits


def extract_quotes(doc: Doc, mentions: list[Mention] | None = None) -> tuple[list[QuoteHit], list[str]]:
    """All direct and indirect quotes of a document, in text order, plus problems met."""
    mentions = entity_mentions(doc) if mentions is None else mentions
    text = doc.text
    spans, problems = find_quote_spans(text)
    quoted = [(s.outer_start, s.outer_end) for s in spans]
    lines = paragraphs(text)
    credits = name_lines(doc, lines, mentions)
    discourse = Discourse(doc, mentions, quoted, [lines[i] for i in credits])
    direct = extract_direct_quotes(doc, text, lines, spans, discourse, credits)
    pulled = extract_pull_quotes(text, lines, credits, quoted)
    pulled += extract_transcript_quotes(doc, text, lines, mentions, quoted)
    indirect = extract_indirect_quotes(doc, discourse, quoted)
    return sorted(direct + pulled + indirect, key=lambda hit: hit.outer_start), problems


__all__ = ["QuoteSpan", "extract_quotes", "find_quote_spans", "mark_role", "phrase_span"]
