from rashomon.ingest.text import normalize_text, paragraphs


def test_normalises_quotes_spaces_and_blank_lines_keeping_offsets():
    raw = "\u201cWe will rebuild,\u201d\u00a0the  mayor said.\r\n\r\n\r\n\r\nThe storm\u2019s toll rose."
    norm = normalize_text(raw)
    assert norm.text == '"We will rebuild," the mayor said.\n\nThe storm\'s toll rose.'
    start = norm.text.index("mayor")
    original = norm.original_span(start, start + len("mayor"))
    assert raw[original[0] : original[1]] == "mayor"
    start = norm.text.index("storm's")
    original = norm.original_span(start, start + len("storm's"))
    assert raw[original[0] : original[1]] == "storm\u2019s"


def test_invisible_characters_are_dropped_and_offsets_skip_them():
    raw = "Fire\u200b crews arrived."
    norm = normalize_text(raw)
    assert norm.text == "Fire crews arrived."
    start = norm.text.index("crews")
    assert raw[slice(*norm.original_span(start, start + 5))] == "crews"


def test_plain_text_is_unchanged():
    raw = "Nothing to normalise here.\n\nSecond paragraph."
    assert normalize_text(raw).text == raw


def test_paragraph_spans_skip_blank_lines():
    text = "One.\n\nTwo two.\nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two two.", "Three."]
