"""Baselines: the findings of an earlier JSON report are accepted, each as many times as it occurred.

A fingerprint names rule, file (relative to the project root), flagged text and message; a new
copy of an accepted finding has the same fingerprint, so occurrences are counted: a baseline with
one 二十大精神、二十大精神 accepts one, and the second copy is new.
"""
from __future__ import annotations

import codecs
import json
from collections import Counter

from .tomlload import ConfigError


def _decode(data: bytes) -> str:
    """A report saved by any editor: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    return data.decode("utf-8")


def read_baseline(path: str) -> Counter:
    """Fingerprint → how many times it was reported."""
    try:
        with open(path, "rb") as fh:
            report = json.loads(_decode(fh.read()))
        return Counter(f["fingerprint"] for f in report["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: 不是 factlint 的 JSON 报告 (not a factlint JSON report: {exc})") from None


def apply_baseline(findings: list, documents: dict, known: Counter) -> list:
    """Findings not in the baseline, in order; of n copies of a finding accepted k times, the last n − k are new."""
    left = Counter(known)
    kept = []
    for f in findings:
        fp = f.fingerprint(documents[f.location.path].text)
        if left[fp] > 0:
            left[fp] -= 1
        else:
            kept.append(f)
    return kept
