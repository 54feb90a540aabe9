"""Measure a static pre-filter in front of MiniLM (issue 12) on development data: FNC-1 training bodies.

    pip install model2vec==0.10.0   # beside rashomon, for this script only (as scripts/compare_encoders.py)
    python scripts/calibrate_prefilter.py --static /tmp/w12/static128-int8 [--skip 300] [--bodies 200]

The design measured: every claim gets a static vector (a model2vec model distilled from MiniLM by
scripts/distill_static.py) for blocking, and MiniLM embeds only the claims in at least one candidate pair whose
static similarity cannot rule out a MiniLM similarity at a rule's threshold, or that a rule relates whatever the
similarity (related at a similarity below every threshold).

The bodies (by default the 200 after the first 300, which bench/throughput.py times) are annotated and treated as
one story; every claim is embedded by MiniLM and by the static model, and the candidate pairs of both blockings (LSH
on either vector, actor and measure blocks) are pooled. The script prints, per static bar, the pairs below it, those
of them at MiniLM similarity 0.3 or more (the lowest threshold a rule reads), the highest MiniLM similarity below it
and the share of claims MiniLM would still embed; per rule threshold, the conservative static bar (the lowest static
similarity of a pair reaching the threshold in MiniLM), the claims MiniLM would embed with it, and the claims a
perfect filter would still send to MiniLM (those with a candidate partner at the threshold in MiniLM itself); and how
many pairs MiniLM calls close (>= 0.5) that blocking on static vectors would not propose. Development data only;
the evaluation set is scripts/eval_findings.py's.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]
FNC_BODIES = ROOT.parent / "shared" / "datasets" / "fnc1" / "train_bodies.csv"
BARS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
LOWEST_RULE_THRESHOLD = 0.3
# Similarity thresholds of relation.py's rules and the learned model's, lowest first (the date rule's 0.7 left out).
THRESHOLDS = (0.3, 0.45, 0.5, 0.6, 0.67, 0.75, 0.85)
CLOSE = 0.5
# A similarity below every threshold a rule reads: a pair related at it is related whatever its similarity.
BELOW_EVERY_THRESHOLD = 0.0


def load_bodies(skip: int, count: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with FNC_BODIES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row["articleBody"] for row in rows[skip : skip + count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--static", type=Path, required=True, help="a model2vec folder from scripts/distill_static.py")
    parser.add_argument("--skip", type=int, default=300)
    parser.add_argument("--bodies", type=int, default=200)
    args = parser.parse_args()

    from compare_encoders import StaticEncoder

    from rashomon.align.blocking import frame_pairs, key_pairs, lsh_pairs
    from rashomon.align.embed import encoder, sentence_key
    from rashomon.align.findings import claim_views, stated_together_index
    from rashomon.align.origin import assign_origins
    from rashomon.align.relation import relate
    from rashomon.model import Article
    from rashomon.pipeline import annotate, assemble, ingest

    texts = load_bodies(args.skip, args.bodies)
    ingested = ingest([Article(id=str(i), source_path=f"fnc1#{i}", text=t) for i, t in enumerate(texts)])
    dossier = assemble(ingested, annotate(ingested.articles))
    views = claim_views(dossier, assign_origins(dossier.articles))
    keys = [sentence_key(v.claim.text) for v in views]
    minilm, static = encoder().encode(keys), StaticEncoder(args.static).encode(keys)
    blocks = key_pairs(views) | frame_pairs(views)
    by_minilm = {(min(a, b), max(a, b)) for a, b in lsh_pairs(minilm) | blocks if a != b}
    by_static = {(min(a, b), max(a, b)) for a, b in lsh_pairs(static) | blocks if a != b}
    # the pairs the findings relate: across origins, and within one article (denials), as findings.relate_pairs
    pairs = np.array(
        [
            (a, b)
            for a, b in sorted(by_minilm | by_static)
            if views[a].origin != views[b].origin or views[a].claim.article_id == views[b].claim.article_id
        ]
    )
    s = np.einsum("ij,ij->i", static[pairs[:, 0]], static[pairs[:, 1]])
    m = np.einsum("ij,ij->i", minilm[pairs[:, 0]], minilm[pairs[:, 1]])
    names = {actor.id: actor.name for actor in dossier.actors}
    together = stated_together_index(views)
    regardless = np.array([relate(views[a], views[b], BELOW_EVERY_THRESHOLD, names, together).kind != "unrelated" for a, b in pairs])
    static_pairs = np.array([tuple(p) in by_static for p in pairs])
    print(f"median similarity of a candidate pair: static {np.median(s):.3f}, MiniLM {np.median(m):.3f}")
    print(f"{len(texts)} bodies, {len(views)} claims, {len(pairs)} candidate pairs ({static_pairs.sum()} from static blocking)")
    print(f"pairs related whatever the similarity: {regardless.sum()}")
    print("| static bar | pairs below | of them MiniLM >= 0.3 | highest MiniLM below | claims MiniLM embeds |")
    print("|---:|---:|---:|---:|---:|")
    for bar in BARS:
        below = s < bar
        kept = static_pairs & (~below | regardless)
        needed = np.zeros(len(views), dtype=bool)
        needed[pairs[kept].ravel()] = True
        print(
            f"| {bar:.2f} | {below.sum()} | {(below & (m >= LOWEST_RULE_THRESHOLD)).sum()} | {m[below].max(initial=-1):.3f} | "
            f"{needed.sum()} ({needed.mean():.1%}) |"
        )
    print("| MiniLM threshold | conservative static bar | pairs below | claims MiniLM embeds | a perfect filter |")
    print("|---:|---:|---:|---:|---:|")
    for threshold in THRESHOLDS:
        bar = s[m >= threshold].min(initial=1.0)
        needed = np.zeros(len(views), dtype=bool)
        needed[pairs[static_pairs & ((s >= bar) | regardless)].ravel()] = True
        perfect = np.zeros(len(views), dtype=bool)
        perfect[pairs[(m >= threshold) | regardless].ravel()] = True
        print(
            f"| {threshold:.2f} | {bar:.3f} | {(s < bar).sum()} | {needed.sum()} ({needed.mean():.1%}) | "
            f"{perfect.sum()} ({perfect.mean():.1%}) |"
        )
    missed = (~static_pairs) & (m >= CLOSE)
    print(f"pairs at MiniLM >= {CLOSE} proposed by MiniLM blocking only: {missed.sum()} of {(m >= CLOSE).sum()}")


if __name__ == "__main__":
    main()
