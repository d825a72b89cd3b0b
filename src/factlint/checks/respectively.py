"""分别: the subjects listed before it and the values after it must be as many.

农村劳动力、脱贫劳动力、易地搬迁劳动力转移就业率分别达86.90%、89.19%、92.18% (3 and 3);
…转移就业人数、省外就业人数分别占全省的六分之一和三分之一 (2 and 2). Subjects are split on 、;
a final 和/及/与 may join two subjects or sit inside one (普及率, 文化和旅游局), so both readings
are tried and a finding needs both to disagree. Values are the figures right after 分别,
joined by 、 和 及 与. With one value, or one subject, 分别 means something else: no finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..enumerations import subjects_before
from ..facts import DocumentFacts
from ..findings import Finding, Location

KIND = "respectively"
SCOPE = "document"

CLAUSE_START = set("，,；;。！？!?：:（(")
VALUE_GAP = regex.compile(r"\s*(?:、|和|及|与|以及|，|,)?\s*")


@dataclass(frozen=True, slots=True)
class Options:
    max_gap: int = 8  # characters between 分别 and its first value (分别占全省的 …)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    measured = facts.by_paragraph()
    for p in facts.segments.paragraphs:
        figs = measured.get(p.index, [])
        for m in regex.finditer("分别", p.text):
            after = [q for q in figs if q.figure.start >= m.end()]
            if not after or after[0].figure.start - m.end() > rule.options.max_gap:
                continue
            gap = p.text[m.end():after[0].figure.start]
            if any(c in CLAUSE_START for c in gap):
                continue
            values = [after[0]]
            for q in after[1:]:
                if VALUE_GAP.fullmatch(p.text[values[-1].figure.end:q.figure.start]) and \
                        q.figure.dimension == values[0].figure.dimension:
                    values.append(q)
                else:
                    break
            if len(values) < 2 and p.text[values[-1].figure.end:values[-1].figure.end + 1] not in "、和及与":
                continue
            plain, split = subjects_before(p.text, m.start())
            if len(plain) < 2 and len(split) < 2:
                continue
            n = len(values)
            if n in (len(plain), len(split)):
                continue
            subjects = plain if abs(len(plain) - n) <= abs(len(split) - n) else split
            names = [p.text[a:b] for a, b in subjects]
            related = [facts.location(p.index, a, b, f"主语 {i}：{p.text[a:b]}") for i, (a, b) in enumerate(subjects, 1)]
            related += [Location(facts.path, q.span, f"数值 {i}：{q.figure.text}") for i, q in enumerate(values, 1)]
            yield Finding(
                rule.id, rule.category, rule.severity,
                rule.message.format(subjects=len(subjects), values=n),
                facts.location(p.index, m.start(), m.end()), tuple(related),
                evidence={"subjects": names, "values": [q.figure.text for q in values]},
            )
