"""A count word that does not match the items it names: “六项举措” followed by five, 四个方面 after three.

The count word and its list are found by factlint.enumerations (see its docstring for the
forms): items before the count (政治、为民、清廉、效能、创新“五型红会”) or in brackets after it
(“三联系”(联系家长、联系老师、联系学生)). 等 before the count means "among others": fewer items
are fine, more are not. Compound terms count by morpheme: “三亮三比” wants three items with 亮
and three with 比; “一廊三区” one 廊 and three 区. Where the list's edges are not clear, no
enumeration is recognised and nothing is reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..enumerations import mismatch
from ..facts import DocumentFacts
from ..findings import Finding, Location

KIND = "count-items"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    pass


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for e in facts.enumerations:
        why = mismatch(e.found)
        if why is None:
            continue
        related = tuple(Location(facts.path, s, f"第 {i} 项：{it}") for i, (it, s) in enumerate(zip(e.items, e.item_spans), 1))
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(reason=why, term=e.found.term),
            Location(facts.path, e.span), related,
            evidence={"count": e.count, "items": list(e.items), "listed": len(e.items), "partial": e.partial},
        )
