"""Numbered points out of sequence: 一是…三是 (no 二是), 二是 twice, （三）before（二）, (1)(2)(4), ①③.

Markers are read by factlint.enumerations: at the start of a line (一、 （一） 1. (1) ① 一是
第一，) or inside a paragraph after a stop (。一是 ；二是 ：(1)). A sequence ends, and a new one may
start, at a heading of a higher level (（一） again under 三、), after a lead-in ending in ：
(总体环境状况如下：一是…), or where it starts again at 1. A step that is not +1 is reported, once
per sequence: inside one paragraph, or between markers that both open a line.

Silent where the numbering is not the text's own: table rows (tab-separated lines, and short
lines between them where a row or a vertical header was broken up) number their own rows; 第(一)项
cites a clause; a point that seems missing but is written in a form not read as a marker
(。1七是) is not missing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..claims import Claim, Role
from ..enumerations import runs
from ..facts import DocumentFacts
from ..findings import Finding

KIND = "ordinals"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _problem(prev, cur) -> str:
    if cur.value == prev.value:
        return f"序号“{cur.text}”重复"
    if cur.value > prev.value + 1:
        return f"序号从“{prev.text}”跳到“{cur.text}”，中间缺了"
    return f"序号“{cur.text}”排在“{prev.text}”之后，顺序颠倒"


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    paragraphs = facts.segments.paragraphs
    for run in runs(paragraphs, facts.segments.articles):
        if len(run.markers) < 2:
            continue
        roles = tuple(Role("point", m.text, paragraphs[m.paragraph].span(m.start, m.end)) for m in run.markers)
        first = run.markers[0]
        span = paragraphs[first.paragraph].span(first.start, first.end)
        values = "、".join(m.text for m in run.markers)
        if run.slip:
            prev, cur = run.slip
            yield Claim("sequence", span, roles, False, _problem(prev, cur), values)
        else:
            yield Claim("sequence", span, roles, True, f"{run.style} 连续", values)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    paragraphs = facts.segments.paragraphs
    for run in runs(paragraphs, facts.segments.articles):
        if not run.slip:
            continue
        prev, cur = run.slip
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(problem=_problem(prev, cur)),
            facts.location(cur.paragraph, cur.start, cur.end),
            (facts.location(prev.paragraph, prev.start, prev.end, f"上一个序号：{prev.text}"),),
            evidence={"previous": prev.value, "this": cur.value, "style": run.style},
        )
