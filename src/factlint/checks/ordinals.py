"""Numbered points out of sequence: 一是…三是 (no 二是), 二是 twice, （三）before（二）, ①③.

Markers inside a paragraph (一是, 二是; ①②) are checked within that paragraph, which is
joined across page breaks, so a list cut by a page break is still one list. Markers that open
paragraphs (（一）, 一、, 1., ①) are checked across the article. A list may start again at
its first number (a new section); any other step that is not +1 is reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..numbers import cn_to_number

KIND = "ordinals"
SCOPE = "document"

CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}


@dataclass(frozen=True, slots=True)
class Options:
    pass


# marker styles: how each is written, and the numeral in it
STYLES = [
    ("一是", regex.compile(r"([一二三四五六七八九十]+)是")),
    ("（一）", regex.compile(r"[（(]([一二三四五六七八九十]+)[）)]")),
    ("一、", regex.compile(r"([一二三四五六七八九十]+)、")),
    ("1.", regex.compile(r"(\d{1,2})[.、．]")),
]


def _style_value(text: str) -> tuple[str, int | None] | None:
    if text in CIRCLED:
        return "①", CIRCLED[text]
    for style, pattern in STYLES:
        m = pattern.fullmatch(text)
        if m:
            n = m.group(1)
            return style, int(n) if n.isdigit() else cn_to_number(n)
    return None


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    paragraphs = facts.segments.paragraphs
    runs: dict[tuple, list[tuple[int, Quantity]]] = {}
    for q in facts.quantities:
        if q.kind != "marker":
            continue
        sv = _style_value(q.figure.text)
        if not sv or sv[1] is None:
            continue
        style, value = sv
        at_start = q.figure.start == 0
        key = (style, "article", paragraphs[q.paragraph].article) if at_start else (style, "paragraph", q.paragraph)
        runs.setdefault(key, []).append((value, q))
    for (style, _, _), items in sorted(runs.items(), key=lambda kv: kv[1][0][1].span.start):
        allowed = {items[0][0] + 1, 1}
        for (prev, pq), (cur, cq) in zip(items, items[1:]):
            if cur in allowed:
                allowed = {cur + 1, 1}
                continue
            # one slip, one finding: the next marker may follow either the slip or the expected number
            allowed = {cur + 1, prev + 2, 1}
            if cur == prev:
                problem = f"序号“{cq.figure.text}”重复"
            elif cur > prev + 1:
                problem = f"序号从“{pq.figure.text}”跳到“{cq.figure.text}”，中间缺了"
            else:
                problem = f"序号“{cq.figure.text}”排在“{pq.figure.text}”之后，顺序颠倒"
            yield Finding(
                rule.id, rule.category, rule.severity, rule.message.format(problem=problem),
                Location(facts.path, cq.span), (Location(facts.path, pq.span, f"上一个序号：{pq.figure.text}"),),
                evidence={"previous": prev, "this": cur, "style": style},
            )
