"""Where ``rashomon analyze`` spends its time, stage by stage, on the FNC-1 bodies of ``throughput.py`` and on one real event.

    python bench/profile_analyze.py [--articles 80] [--event ecb20plus] [--repeat 3]

The texts are written as files to a temporary folder and read back the way ``rashomon analyze FOLDER`` reads them,
then every stage of :func:`rashomon.pipeline.analyze` is run by hand, in the same order and on the same batches, with a
clock around each: reading, each spaCy component (spaCy's own and rashomon's extractors, which are spaCy components),
the conversion of the annotations, actor resolution, and the findings step split into origins, claim views, embedding,
blocking, relations (with the learned model) and building the findings; then rendering to JSON, Markdown and HTML.
Each measurement is repeated and the median printed (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import BATCH_SIZE, load_texts

SPACY_OWN = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class Clock:
    """Seconds per stage, added up over the run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def time(self, stage: str, step, *args):
        started, cpu = time.perf_counter(), time.process_time()
        result = step(*args)
        self.seconds[stage] += time.perf_counter() - started
        self.cpu[stage] += time.process_time() - cpu
        return result


def event_texts(event: str) -> list[str]:
    """The reports of one evaluation event (``eval/events/EVENT.json``)."""
    import json

    from rashomon.evaluation.events import event_articles, gold_source

    gold = json.loads((Path(__file__).resolve().parents[1] / "eval" / "events" / f"{event}.json").read_text())
    return [a.text for a in event_articles(gold_source(gold))]


def annotate_timed(articles, clock: Clock):
    """``annotate_articles`` unrolled: each pipeline component timed on the same batches ``nlp.pipe`` would use."""
    from rashomon.annotate import MAX_ANALYSED_CHARS, AnnotatedArticle, load_nlp
    from rashomon.annotate.types import annotations_of
    from rashomon.ingest.text import normalize_text

    nlp = load_nlp()

    def normalise(batch):
        return [normalize_text(a.text[:MAX_ANALYSED_CHARS]) for a in batch]

    def run_component(proc, docs):
        return list(proc.pipe(docs, batch_size=BATCH_SIZE)) if hasattr(proc, "pipe") else [proc(d) for d in docs]

    def to_records(batch, normalized, docs):
        return [AnnotatedArticle(a, n, annotations_of(d)) for a, n, d in zip(batch, normalized, docs)]

    annotated = []
    for start in range(0, len(articles), BATCH_SIZE):
        batch = articles[start : start + BATCH_SIZE]
        normalized = clock.time("read: normalise text", normalise, batch)
        docs = clock.time("spaCy: tokenizer", lambda texts: [nlp.make_doc(t) for t in texts], [n.text for n in normalized])
        for article, doc in zip(batch, docs):
            doc._.published = article.published.replace(tzinfo=None) if article.published else None  # as annotate_articles
        for name, proc in nlp.pipeline:
            stage = f"spaCy: {name}" if name in SPACY_OWN else f"rashomon extractor: {name.removeprefix('rashomon_')}"
            docs = clock.time(stage, run_component, proc, docs)
        annotated.extend(clock.time("rashomon extractor: to records", to_records, batch, normalized, docs))
    return annotated


def findings_timed(dossier, clock: Clock):
    """``find_findings`` unrolled, each step timed (blocking separately from relating the pairs)."""
    from rashomon.align import blocking, findings

    origins = clock.time("findings: origins (copies)", findings.assign_origins, dossier.articles)
    articles = [a.model_copy(update={"origin": origins[a.id]}) for a in dossier.articles]
    dossier = dossier.model_copy(update={"articles": articles})
    views = clock.time("findings: claim views", findings.claim_views, dossier, origins)
    vectors = clock.time("findings: embedding", findings.embed_claims, dossier.claims)
    pairs = clock.time("findings: blocking", blocking.candidate_pairs, views, vectors)
    names = {actor.id: actor.name for actor in dossier.actors}
    original = findings.candidate_pairs
    findings.candidate_pairs = lambda *_: pairs
    try:
        related = clock.time("findings: relations (rules + learned)", findings.relate_pairs, views, vectors, names)
    finally:
        findings.candidate_pairs = original

    def build():
        index = findings.views_by_id(views)
        figures = findings.figure_findings(dossier, views, related)
        taken = {index[c] for f in figures for c in f.claim_ids}
        contradictions = findings.contradiction_findings(dossier, views, related, taken, vectors)
        disputed = {index[c] for f in (*figures, *contradictions) for c in f.claim_ids}
        groups = findings.agreement_groups(views, related, vectors, names)
        findings.corroborated_findings(views, groups, disputed)

    clock.time("findings: grouping into findings", build)
    return len(views), len(pairs)


def profile(texts: list[str]) -> tuple[Clock, int, int]:
    from rashomon.pipeline import assemble, ingest

    clock = Clock()
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            (Path(folder) / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        ingested = clock.time("read: files", ingest, [folder])
        annotated = annotate_timed(ingested.articles, clock)
    dossier = clock.time("resolution (actors, records)", assemble, ingested, annotated)
    claims, pairs = findings_timed(dossier, clock)
    from rashomon.align import find_findings
    from rashomon.report import render

    final = find_findings(dossier)
    clock.time("rendering: JSON", render, final, "json")
    clock.time("rendering: Markdown", render, final, "md")
    clock.time("rendering: HTML", render, final, "html")
    return clock, claims, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--event", help="an event of eval/events/ instead of the FNC-1 bodies")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = event_texts(args.event) if args.event else load_texts(args.articles)
    from rashomon.align.embed import encoder
    from rashomon.annotate import load_nlp

    load_nlp(), encoder()  # models load once, outside the clocks, as in a long-running process
    profile(texts[:4])  # and the first call of each stage (imports, template compilation) is left out too
    runs = [profile(texts) for _ in range(args.repeat)]
    stages = list(runs[0][0].seconds)
    wall = {stage: statistics.median(run[0].seconds.get(stage, 0.0) for run in runs) for stage in stages}
    cpu = {stage: statistics.median(run[0].cpu.get(stage, 0.0) for run in runs) for stage in stages}
    what = args.event or f"{len(texts)} FNC-1 bodies"
    print(f"{what}: {sum(len(t.split()) for t in texts)} words, {runs[0][1]} claims, {runs[0][2]} candidate pairs; median of {args.repeat}")
    print("| stage | wall s | CPU s | CPU share |\n|---|---:|---:|---:|")
    for stage in stages:
        print(f"| {stage} | {wall[stage]:.2f} | {cpu[stage]:.2f} | {cpu[stage] / sum(cpu.values()):.0%} |")
    print(f"| **total** | **{sum(wall.values()):.2f}** | **{sum(cpu.values()):.2f}** | |")


if __name__ == "__main__":
    main()
