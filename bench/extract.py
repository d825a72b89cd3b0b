"""Extraction throughput on the seeds ×200 (quantity scan alone, and full extraction with segmentation)."""
from __future__ import annotations

import time
from pathlib import Path

from factlint.document import Document
from factlint.extract import extract
from factlint.numbers import scan
from factlint.segment import segment
from factlint import words

ROOT = Path(__file__).resolve().parent.parent
texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * 200
chars = sum(len(t) for t in texts)

t = time.perf_counter()
words.cut("预热")
print(f"segmenter ({words.backend_name()}) load: {time.perf_counter() - t:.2f} s")

t = time.perf_counter()
for text in texts:
    for p in segment(Document("x", text)).paragraphs:
        scan(p.text)
dt = time.perf_counter() - t
print(f"segment + scan: {chars / dt / 1e6:.2f} M chars/s ({chars} chars in {dt:.1f} s)")

t = time.perf_counter()
for text in texts:
    extract(Document("x", text))
dt = time.perf_counter() - t
print(f"full extraction: {chars / dt / 1e6:.2f} M chars/s")
