from rashomon.annotate.quotes import extract_quotes, find_quote_spans, mark_role
from rashomon.annotate.speakers import entity_mentions


def quotes_of(parse, text):
    doc = parse(text)
    hits, problems = extract_quotes(doc, entity_mentions(doc))
    return doc, hits, problems


def test_mark_roles_from_context():
    text = 'He said "yes" and left.'
    assert mark_role(text, text.index('"')) == "open"
    assert mark_role(text, text.rindex('"')) == "close"


def test_trailing_attribution_with_named_speaker(parse):
    _, hits, _ = quotes_of(parse, "\u201cThe water came in so fast,\u201d said Maria Gonzalez, a resident of the town.")
    (hit,) = [h for h in hits if h.direct]
    assert hit.text == "The water came in so fast,"
    assert hit.cue == "said"
    assert hit.speaker.mention.text == "Maria Gonzalez"


def test_pronoun_speaker_resolves_to_latest_person_subject(parse):
    text = "Fire chief Tom Brady inspected the warehouse on Monday.\n\n\u201cThe roof could collapse at any moment,\u201d he said."
    _, hits, _ = quotes_of(parse, text)
    (hit,) = [h for h in hits if h.direct]
    assert hit.speaker.surface == "he"
    assert hit.speaker.mention.text == "Tom Brady"


def test_pronoun_prefers_last_speaker_over_object_mention(parse):
    text = (
        "Senator Alice Moreno criticised the plan.\n\n"
        "\u201cIt is reckless,\u201d Moreno said, pointing at a letter from Governor James Holt.\n\n"
        "\u201cWe will fight it,\u201d she added."
    )
    _, hits, _ = quotes_of(parse, text)
    direct = [h for h in hits if h.direct]
    assert direct[-1].speaker.mention.text.endswith("Moreno")


def test_colon_introduced_quote(parse):
    _, hits, _ = quotes_of(parse, "Mayor Lena Fischer spoke to reporters.\n\nShe warned: \u201cMore rain is coming tonight.\u201d")
    (hit,) = [h for h in hits if h.direct]
    assert hit.cue == "warned"
    assert hit.speaker.mention.text == "Lena Fischer"


def test_verb_first_attribution_with_descriptor(parse):
    text = (
        "Retired admiral Peter Olsen, 67, has advised the navy for years.\n\n\u201cThe fleet is not ready,\u201d said the retired admiral."
    )
    _, hits, _ = quotes_of(parse, text)
    (hit,) = [h for h in hits if h.direct]
    assert hit.speaker.mention is not None and hit.speaker.mention.text == "Peter Olsen"


def test_age_descriptor_resolves_to_person_with_that_age(parse):
    text = "Pilot Karen Doyle, 54, landed the plane safely.\n\n\u201cI just did my job,\u201d the 54-year-old told reporters."
    _, hits, _ = quotes_of(parse, text)
    (hit,) = [h for h in hits if h.direct]
    assert hit.speaker.mention.text == "Karen Doyle"
    assert hit.cue == "told"


def test_anonymous_source_keeps_description(parse):
    text = "\u201cThe talks have stalled,\u201d said an official who spoke on condition of anonymity."
    _, hits, _ = quotes_of(parse, text)
    (hit,) = [h for h in hits if h.direct]
    assert hit.speaker.mention is None
    assert "official" in hit.speaker.description and "anonymity" in hit.speaker.description


def test_quote_continuing_over_paragraphs(parse):
    text = (
        "Coach Sam Reid spoke after the match.\n\n"
        "\u201cWe played without fear today. The young players were brilliant.\n\n"
        "\u201cNow we have to do it again next week,\u201d Reid said."
    )
    _, hits, problems = quotes_of(parse, text)
    (hit,) = [h for h in hits if h.direct]
    assert "without fear" in hit.text and "next week" in hit.text
    assert hit.speaker.mention.text.endswith("Reid")
    assert problems == []


def test_partial_quote_inside_sentence(parse):
    _, hits, _ = quotes_of(parse, "Prime Minister Ana Silva called the strike \u201ctotally unacceptable\u201d on Tuesday.")
    (hit,) = [h for h in hits if h.direct]
    assert hit.text == "totally unacceptable"
    assert hit.speaker.mention.text == "Ana Silva"


def test_pull_quote_credited_by_lone_name_line(parse):
    text = (
        "The port reopened on Friday.\n\n\u201cThis is the best day for our city in years.\u201d\n\n"
        "Rosa Lind\n\nShips queued outside the harbour."
    )
    _, hits, _ = quotes_of(parse, text)
    (hit,) = [h for h in hits if h.direct]
    assert hit.speaker is not None and hit.speaker.mention.text == "Rosa Lind"


def test_told_outlet_speaker_is_subject_not_outlet(parse):
    _, hits, _ = quotes_of(parse, "\u201cWe saw the smoke first,\u201d farmer Jim Cole told the Daily Planet.")
    (hit,) = [h for h in hits if h.direct]
    assert hit.speaker.mention.text == "Jim Cole"


def test_indirect_speech_and_according_to(parse):
    text = (
        "Health minister Omar Haddad said that 12 hospitals had run out of oxygen.\n\n"
        "According to the World Health Organization, the outbreak is slowing."
    )
    _, hits, _ = quotes_of(parse, text)
    indirect = [h for h in hits if not h.direct]
    assert any("12 hospitals had run out of oxygen" in h.text and h.speaker.mention.text == "Omar Haddad" for h in indirect)
    according = [h for h in indirect if h.cue.lower() == "according to"]
    assert according and according[0].text == "the outbreak is slowing"
    assert "World Health Organization" in according[0].speaker.mention.text


def test_scare_quotes_without_speech_have_no_speaker(parse):
    _, hits, _ = quotes_of(parse, "The bridge was closed for \u201cessential works\u201d last month.")
    (hit,) = hits
    assert hit.speaker is None


def test_unbalanced_marks_skip_span_not_document(parse):
    text = "The river rose and \u201cit was terrifying, said resident Ivo Petrov.\n\nLater Petrov added: \u201cWe left at dawn.\u201d"
    _, hits, problems = quotes_of(parse, text)
    assert problems and "unbalanced" in problems[0]
    assert [h.text for h in hits if h.direct] == ["We left at dawn."]


def test_find_quote_spans_on_plain_text_has_none():
    spans, problems = find_quote_spans("No quotes here at all.")
    assert spans == [] and problems == []


def test_interview_transcript_label_of_named_person(parse):
    text = (
        "Host Carla Jensen interviewed Senator Tom Okoro on Sunday.\n\n"
        "OKORO: We will not support this budget in its current form.\n\nUpdate: the vote was delayed."
    )
    _, hits, _ = quotes_of(parse, text)
    transcript = [h for h in hits if h.cue == ":"]
    assert len(transcript) == 1
    assert transcript[0].text == "We will not support this budget in its current form."
    assert transcript[0].speaker.mention.text == "Tom Okoro"


def test_reported_speech_ending_in_a_partial_quote_keeps_the_quote_whole(parse):
    _, hits, _ = quotes_of(parse, "Mayor Ines Duarte says the new tax is \u201cunfair to families.\u201d")
    indirect = [h for h in hits if not h.direct]
    assert indirect and indirect[0].text.endswith('families."') and "the new tax" in indirect[0].text
    assert indirect[0].speaker.mention.text == "Ines Duarte"
