"""Write the small ECB+ subset the story-clustering quality gate runs on (tests/evaluation/data/).

    python scripts/make_ecbplus_subset.py

The subset: topics 1, 5, 9, ... 33 (every fourth of topics 1-35; topics 36-45 are held out and never read),
and of each of their two sub-topics (two similar but distinct events) the first documents in id order.
Texts are detokenized as the evaluation events are. ECB+ is CC BY 3.0 (see the data folder's README).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rashomon.evaluation.events import ECB_DOCUMENTS, dateline, detokenize

OUT = Path(__file__).resolve().parents[1] / "tests" / "evaluation" / "data" / "ecbplus_stories_subset.jsonl"
TOPICS = range(1, 36, 4)
PER_EVENT = 3
LEADING_TOPIC = re.compile(r'^\{"doc_id": "(\d+)_')


def tuning_documents() -> list[dict]:
    """The documents of topics 1-35, chosen by the id at the start of each line before the line is parsed."""
    docs = []
    with ECB_DOCUMENTS.open(encoding="utf-8") as lines:
        for line in lines:
            topic = LEADING_TOPIC.match(line)
            if topic is not None and int(topic.group(1)) in TOPICS:
                docs.append(json.loads(line))
    return docs


def doc_order(doc: dict) -> tuple[int, str]:
    number = re.match(r"\d+_(\d+)", doc["doc_id"])
    return (int(number.group(1)) if number else 0, doc["doc_id"])


def subset_record(doc: dict) -> dict:
    sentences = [detokenize(s) for s in doc["sentences"]]
    url = doc.get("source_url")
    if sentences and sentences[0].startswith("http"):
        url, sentences = sentences[0], sentences[1:]
    return {
        "doc_id": doc["doc_id"],
        "topic": doc["topic"],
        "subtopic": doc["subtopic"],
        "url": url,
        "published": dateline(sentences),
        "text": "\n\n".join(sentences),
    }


def main() -> None:
    by_event: dict[str, list[dict]] = {}
    for doc in sorted(tuning_documents(), key=doc_order):
        by_event.setdefault(doc["subtopic"], []).append(doc)
    chosen = [subset_record(doc) for event in sorted(by_event) for doc in by_event[event][:PER_EVENT]]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in chosen), encoding="utf-8")
    print(f"wrote {len(chosen)} documents of {len(by_event)} events to {OUT}")


if __name__ == "__main__":
    main()
