import pytest

from rashomon.annotate.types import annotations_of


def claims_of(parse, text):
    return annotations_of(parse(text)).claims


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The mayor of Springfield resigned on Monday after the audit.", "asserted"),
        ("The mayor of Springfield has reportedly resigned after the audit.", "reported"),
        ("According to Reuters, the mayor of Springfield resigned after the audit.", "reported"),
        ("Police said the mayor of Springfield resigned after the audit.", "reported"),
        ("The union claimed that Springfield officials hid the audit.", "claimed"),
        ("The mayor of Springfield denied that he had resigned after the audit.", "denied"),
        ("A spokesman for Springfield refused to confirm the resignation.", "denied"),
        ("Auditors have cast doubt over claims that the mayor of Springfield hid the audit.", "denied"),
        ("The mayor of Springfield admitted the audit was late but denied hiding it from the council.", "denied"),
        ("The mayor of Springfield hid the audit from the council and denied it a vote.", "asserted"),
        ("The mayor of Springfield denied any involvement in the audit scandal.", "denied"),
        ("The mayor of Springfield rejected the offer of the auditors.", "asserted"),
        ("Officials accused the mayor of Springfield of hiding the audit, which he denied.", "denied"),
        ("The mayor of Springfield signed the audit report, which the council approved.", "asserted"),
        ("The mayor of Springfield doubted that the auditors had read the accounts.", "denied"),
        ("The mayor of Springfield may resign after the audit.", "hedged"),
        ("It is unclear whether the mayor of Springfield will resign.", "hedged"),
    ],
)
def test_claim_status(parse, sentence, status):
    (claim,) = claims_of(parse, sentence)
    assert claim.status == status


def test_claim_attribution_and_links(parse):
    (claim,) = claims_of(parse, "Fire chief Dana Ortiz said 12 homes were destroyed in Paradise on Friday.")
    assert claim.status == "reported"
    assert claim.attributed.mention.text == "Dana Ortiz"
    assert claim.number_indexes == [0]
    assert {m.text for m in claim.mentions} >= {"Dana Ortiz", "Paradise"}


def test_negation_recorded(parse):
    (claim,) = claims_of(parse, "The president of Freedonia did not leave the capital on Sunday.")
    assert claim.negated
    (claim,) = claims_of(parse, "The president of Freedonia left the capital on Sunday.")
    assert not claim.negated


def test_short_fragments_and_questions_are_not_claims(parse):
    assert claims_of(parse, "Most read in Sport") == []
    assert claims_of(parse, "Will the president of Freedonia leave the capital?") == []
