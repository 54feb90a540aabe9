from datetime import datetime

from rashomon.annotate.dates import extract_dates

BASE = datetime(2021, 3, 10, 12, 0)


def test_extract_dates_values_and_durations(parse):
    doc = parse("The ship sank on Tuesday after a storm that lasted 36 hours.")
    hits = extract_dates(doc, BASE)
    assert [h.text for h in hits] == ["Tuesday"]
    assert hits[0].value == "2021-03-09"


def test_weekdays_count_back_for_what_happened_and_forward_for_what_is_to_come(parse):
    wednesday = BASE
    said = extract_dates(parse("The mayor said on Wednesday that the bridge had collapsed on Monday."), wednesday)
    assert [(h.text, h.value) for h in said] == [("Wednesday", "2021-03-10"), ("Monday", "2021-03-08")]
    ahead = extract_dates(parse("The council will meet on Friday, and the mayor said the vote would take place on Monday."), wednesday)
    assert [(h.text, h.value) for h in ahead] == [("Friday", "2021-03-12"), ("Monday", "2021-03-15")]
