"""Shares of one whole written as a ratio (三次产业结构 12.3∶34.5∶53.2) that do not add up to 100.

Only a ratio after 比/结构/比重/比例 in the same sentence and whose parts add up to roughly 100 (between
`low` and `high`) is read as percentages; 1∶2∶3 is a proportion and is left alone. Each part
stands for its rounding interval, so 33.3∶33.3∶33.3 passes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding

KIND = "ratio-sum"
SCOPE = "document"

RATIO = regex.compile(r"(?<![\d.])(?P<r>\d+(?:\.\d+)?(?:\s*[∶:：]\s*\d+(?:\.\d+)?){1,5})(?![\d.:∶])")
TRIGGER = regex.compile(r"比|结构|比重|比例")
SENTENCE_BREAK = regex.compile(r"[。；;！？]")


@dataclass(frozen=True, slots=True)
class Options:
    low: float = 95.0
    high: float = 105.0


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for p in facts.segments.paragraphs:
        for m in RATIO.finditer(p.text):
            lead = p.text[max(0, m.start() - 30):m.start()]
            lead = SENTENCE_BREAK.split(lead)[-1]
            if not TRIGGER.search(lead):
                continue
            parts = regex.split(r"\s*[∶:：]\s*", m.group("r"))
            values = [float(x) for x in parts]
            total = sum(values)
            if not rule.options.low <= total <= rule.options.high:
                continue
            slack = sum(0.5 * 10 ** -(len(x.split(".")[1]) if "." in x else 0) for x in parts)
            if abs(total - 100) <= slack + 1e-9:
                continue
            formula = " + ".join(parts) + f" = {total:g}"
            yield Finding(
                rule.id, rule.category, rule.severity, rule.message.format(formula=formula),
                facts.location(p.index, m.start("r"), m.end("r")),
                evidence={"formula": f"{formula}，应为 100", "computed": f"{total:g}", "parts": parts},
            )
