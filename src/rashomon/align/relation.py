"""The relation between two aligned claims, decided by explainable rules.

Rules work on the structured claims: quantities with their qualifiers and
rounding, what is counted and about whom, negation, denial and hedge status,
and opposite predicates. Every decision carries a one-line reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from rashomon.annotate.lexicon import SCALES, UNITS
from rashomon.model import Claim, NumberClaim

WRITTEN_NUMBER = re.compile(r"\d+(?:\.(?P<decimals>\d+))?\s*(?P<scale>million|billion|trillion|thousand|bn|mn|m|k)?\b", re.IGNORECASE)
ABOUT_SPREAD = 0.1
AGREE_SIMILARITY = 0.75
DENIAL_SIMILARITY = 0.6
NEGATION_SIMILARITY = 0.7
COUNT_SCOPE_SIMILARITY = {"people": 0.55, "count": 0.7, "percentage": 0.7}
LIGHT_VERBS = frozenset("be have do get make go take say come give".split())
SAME_FACT_SIMILARITY = 0.85
AGREE_WITH_ACTORS_SIMILARITY = 0.67
SCOPE_SIMILARITY = 0.6
CONTRADICTION_SIMILARITY = 0.45
MIN_TOPIC_SIMILARITY = 0.3
UPDATE_CUES = ("rose to", "risen to", "rise to", "climbed to", "increased to", "jumped to", "grown to", "up from", "now stands at", "has reached", "latest figure", "updated", "revised")
COUNTED_CLASSES = [
    {"death", "dead", "killed", "fatality", "fatalities", "died", "deaths", "life", "lives", "body", "bodies", "toll"},
    {"injured", "wounded", "hurt", "injury", "injuries", "casualty", "casualties"},
    {"arrest", "arrested", "detained", "detainee", "detention"},
    {"evacuated", "evacuee", "displaced"},
]
OPPOSITE_PREDICATES = [
    ({"flee", "leave", "escape", "depart", "exit", "evacuate", "abandon"}, {"stay", "remain", "work", "return"}),
    ({"die", "kill"}, {"survive", "live", "recover"}),
    ({"win"}, {"lose"}),
    ({"arrest", "detain", "jail"}, {"release", "free", "acquit"}),
    ({"rise", "increase"}, {"fall", "decrease", "drop", "decline"}),
    ({"open", "reopen"}, {"close", "shut"}),
    ({"accept", "approve", "agree"}, {"reject", "refuse", "deny", "veto"}),
    ({"resign", "quit"}, {"stay", "remain"}),
    ({"confirm"}, {"deny"}),
]


@dataclass(frozen=True)
class ClaimView:
    """A claim with what the relation rules need: its numbers, origin and time."""

    claim: Claim
    numbers: tuple[NumberClaim, ...]
    origin: str
    outlet: str | None
    published: datetime | None
    row: int


@dataclass(frozen=True)
class Relation:
    """How two claims relate, and why."""

    kind: str
    reason: str
    pair: tuple[NumberClaim, NumberClaim] | None = None


def granularity(number: NumberClaim) -> float:
    """The rounding step of a number as written: its last written digit, scaled ("1.5 million" -> 100,000).

    Digits are taken at face value ("120" admits 119.5 to 120.5); only a
    qualifier such as "about" widens the range.
    """
    match = WRITTEN_NUMBER.search(number.text.replace(",", ""))
    if match is None:
        return 1.0
    decimals = len(match.group("decimals") or "")
    scale_word = (match.group("scale") or "").lower()
    scale = SCALES.get(scale_word, 1)
    return (10.0**-decimals) * scale


def interval(number: NumberClaim) -> tuple[float, float]:
    """The values a number with its qualifier admits, in its dimension's base unit."""
    factor = UNITS.get(number.unit.lower(), (None, None, 1.0))[2] if number.unit else 1.0
    value = number.value * factor
    half = granularity(number) * factor / 2
    qualifier = number.qualifier
    if qualifier in ("at least",):
        return value, math.inf
    if qualifier == "more than":
        return value + half * 0.01, math.inf
    if qualifier in ("up to", "at most"):
        return 0.0, value
    if qualifier == "less than":
        return 0.0, value - half * 0.01
    if qualifier == "almost":
        return value * 0.85, value
    if qualifier == "about":
        spread = max(half, abs(value) * ABOUT_SPREAD)
        return value - spread, value + spread
    return value - half, value + half


def counted_key(number: NumberClaim) -> str | None:
    """What a number counts, reduced to a comparable key ("deaths" and "killed" share one)."""
    words = (number.counted or "").split(" of ")[0].split()
    if not words:
        return None
    head = words[-1].lower()
    for index, members in enumerate(COUNTED_CLASSES):
        if head in members:
            return f"class{index}"
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def same_scope(a: NumberClaim, b: NumberClaim) -> bool:
    """Whether two numbers measure the same kind of thing (same dimension and counted noun)."""
    if a.dimension != b.dimension or (a.dimension == "currency" and a.unit != b.unit):
        return False
    key_a, key_b = counted_key(a), counted_key(b)
    if key_a is None and key_b is None:
        return a.dimension not in ("count",)
    if key_a != key_b:
        return False
    modifiers_a, modifiers_b = counted_modifiers(a), counted_modifiers(b)
    return not (modifiers_a and modifiers_b and not modifiers_a & modifiers_b)


def counted_modifiers(number: NumberClaim) -> set[str]:
    """The words before the counted head ("machine" in "machine guns"): different modifiers, different things."""
    words = (number.counted or "").split(" of ")[0].split()
    return {w.lower() for w in words[:-1]}


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def describe(number: NumberClaim) -> str:
    return " ".join(part for part in (number.qualifier, f"{number.value:g}", number.unit, number.counted) if part)


def has_update_cue(claim: Claim) -> bool:
    text = claim.text.lower()
    return any(cue in text for cue in UPDATE_CUES)


def numeric_relation(a: ClaimView, b: ClaimView, similarity: float, shared_actors: set[str], names: dict[str, str]) -> Relation | None:
    """Agreement, conflict or update between the numbers of two claims about the same thing."""
    if not (shared_actors or similarity >= SCOPE_SIMILARITY) or similarity < MIN_TOPIC_SIMILARITY:
        return None
    pairs = [
        (number_a, number_b)
        for number_a in a.numbers
        for number_b in b.numbers
        if same_scope(number_a, number_b)
        and (number_a.dimension not in COUNT_SCOPE_SIMILARITY or (shared_actors and similarity >= COUNT_SCOPE_SIMILARITY[number_a.dimension]))
    ]
    if not pairs:
        return None
    agreeing = [(x, y) for x, y in pairs if overlaps(interval(x), interval(y)) or (x.value == y.value and x.unit != y.unit)]
    matched = {id(x) for pair in agreeing for x in pair}
    conflicting = [(x, y) for x, y in pairs if (x, y) not in agreeing and id(x) not in matched and id(y) not in matched]
    if not conflicting:
        x, y = agreeing[0]
        return Relation("agree", f"{describe(x)} and {describe(y)} agree within rounding and qualifiers", (x, y))
    number_a, number_b = conflicting[0]
    if has_update_cue(a.claim) or has_update_cue(b.claim) or (a.published and b.published and a.published != b.published and number_a.dimension == "people"):
        return Relation("evolving", f"the figure changes from one report to the next: {describe(number_a)} vs {describe(number_b)}", (number_a, number_b))
    about = ", ".join(sorted(names.get(actor, actor) for actor in shared_actors)) or "the same event"
    return Relation(
        "numeric_conflict",
        f"{describe(number_a)} vs {describe(number_b)}: same measure ({number_a.dimension}"
        f"{', ' + number_a.counted if number_a.counted else ''}) about {about}, and the values cannot both hold given their qualifiers and rounding",
        (number_a, number_b),
    )


def opposite(pred_a: str | None, pred_b: str | None) -> bool:
    if not pred_a or not pred_b:
        return False
    return any((pred_a in left and pred_b in right) or (pred_b in left and pred_a in right) for left, right in OPPOSITE_PREDICATES)


def polarity_relation(a: ClaimView, b: ClaimView, similarity: float, shared_actors: set[str]) -> Relation | None:
    """Contradiction: a denial, a negation of the same predicate, or opposite predicates about the same actor.

    Within one article only a denial counts: an article that reports a claim
    and its denial sets the two against each other itself.
    """
    if not shared_actors or similarity < CONTRADICTION_SIMILARITY:
        return None
    claim_a, claim_b = a.claim, b.claim
    if (claim_a.status == "denied") != (claim_b.status == "denied") and similarity >= DENIAL_SIMILARITY:
        denier = claim_a if claim_a.status == "denied" else claim_b
        return Relation("contradiction", f"one report carries a denial ({denier.attributed_name or 'unattributed'}) of what the other reports")
    if a.origin == b.origin:
        return None
    same_subject = claim_a.subject_id is not None and claim_a.subject_id == claim_b.subject_id
    light = claim_a.predicate in LIGHT_VERBS and similarity < SAME_FACT_SIMILARITY
    if claim_a.predicate and claim_a.predicate == claim_b.predicate and claim_a.negated != claim_b.negated and not light:
        if same_subject or similarity >= NEGATION_SIMILARITY:
            return Relation("contradiction", f"one report says '{claim_a.predicate}' happened, the other negates it")
    if opposite(claim_a.predicate, claim_b.predicate) and (same_subject or similarity >= SCOPE_SIMILARITY):
        return Relation("contradiction", f"opposite accounts: '{claim_a.predicate}' vs '{claim_b.predicate}'")
    return None


def different_subjects(a: Claim, b: Claim) -> bool:
    """Both claims name who acts, and it is not the same actor."""
    return a.subject_id is not None and b.subject_id is not None and a.subject_id != b.subject_id


def relate(a: ClaimView, b: ClaimView, similarity: float, names: dict[str, str] | None = None) -> Relation:
    """The relation between two claims: agree, numeric_conflict, evolving, contradiction or unrelated.

    Claims about what different actors did neither agree nor contradict
    unless their numbers measure the same thing.
    """
    shared_actors = set(a.claim.actor_ids) & set(b.claim.actor_ids)
    numeric = numeric_relation(a, b, similarity, shared_actors, names or {})
    if numeric is not None and numeric.kind != "agree":
        return numeric
    if different_subjects(a.claim, b.claim) and similarity < SAME_FACT_SIMILARITY:
        return Relation("unrelated", "different actors")
    contradiction = polarity_relation(a, b, similarity, shared_actors)
    if contradiction is not None:
        return contradiction
    if numeric is not None and similarity >= MIN_TOPIC_SIMILARITY + 0.2:
        return numeric
    if similarity >= AGREE_SIMILARITY or (similarity >= AGREE_WITH_ACTORS_SIMILARITY and len(shared_actors) >= 2):
        return Relation("agree", f"paraphrases (similarity {similarity:.2f}{', shared actors' if shared_actors else ''})")
    return Relation("unrelated", f"similarity {similarity:.2f}")
