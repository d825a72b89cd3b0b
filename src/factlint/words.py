"""Word segmentation, loaded lazily: rjieba (jieba's dictionary, Rust speed) with jieba as fallback.

Measured on this project's seeds (bench/segmenter.py): rjieba loads in ~0.15 s and cuts
~7M chars/s; jieba loads in ~0.7-1.6 s and cuts ~0.45M chars/s; with HMM off both give the
same tokens. Segmentation splits numbers from units (9316|万元), so it is never used to find
quantities, only to find word boundaries in the text around them.
"""
from __future__ import annotations

from functools import lru_cache

_backend = None


def _load():
    global _backend
    if _backend is None:
        try:
            import rjieba

            _backend = ("rjieba", rjieba)
        except ImportError:  # a platform without an rjieba wheel
            import jieba

            jieba.setLogLevel(60)
            _backend = ("jieba", jieba)
        from .lexicon import lexicon

        for w in lexicon().user_words:
            add_word(w)
    return _backend


def backend_name() -> str:
    return _load()[0]


def add_word(word: str) -> None:
    name, mod = _load()
    if name == "rjieba":
        mod.add_word(word, None, None)
    else:
        mod.add_word(word)


CACHED_UP_TO = 64  # characters: short phrases recur (metric words, boundaries); paragraphs do not


def cut(text: str) -> tuple[str, ...]:
    # a cache of whole paragraphs would hold every paragraph's tokens: memory growing with the corpus
    return _cut_cached(text) if len(text) <= CACHED_UP_TO else _cut(text)


@lru_cache(maxsize=65536)
def _cut_cached(text: str) -> tuple[str, ...]:
    return _cut(text)


def _cut(text: str) -> tuple[str, ...]:
    name, mod = _load()
    if name == "rjieba":
        return tuple(mod.cut(text, False))
    return tuple(mod.lcut(text, HMM=False))


def crosses(left: str, right: str) -> bool:
    """True when a dictionary word spans the boundary between left and right."""
    if not left or not right:
        return False
    a, b = left[-4:], right[:4]
    pos = 0
    for tok in cut(a + b):
        end = pos + len(tok)
        if pos < len(a) < end and len(tok) > 1:
            return True
        pos = end
    return False
