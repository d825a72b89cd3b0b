"""A total that is not the number of units times the amount per unit given beside it.

约2000亿份基金单位分红，平均单位分红金额为0.06元，分红总额约120亿元 → 2000亿 × 0.06 = 120亿
(passes). Recognised in one sentence (a ；-clause): one amount per unit (平均, 每, 单位, 人均, 户均 before
it; not per month or year), the figure just before it counting the units (份, 户, 亩 …: another
dimension), and one total of the per-unit amount's dimension named 总额/总计/共/发放 (before or
after: 共发放补贴资金3000万元，惠及农户1.5万户，户均2000元). Anything else — two per-unit amounts,
two totals — is not a product and is not checked. Qualifiers (约, 多) widen the
figures; only a product whose interval cannot meet the total's is reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..document import Span
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from .. import intervals as iv

KIND = "product"
SCOPE = "document"

PER = regex.compile(r"平均|每|单位|人均|户均|均价|单价")
TOTAL = regex.compile(r"总额|总计|总量|总金额|总价|合计|共计|共|累计发放|发放")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _recognise(facts: DocumentFacts) -> Iterator[tuple[Quantity, Quantity, Quantity, str]]:
    by_sentence: dict[int, list[Quantity]] = {}
    for q in facts.quantities:
        if q.kind == "quantity" and not q.figure.chinese and q.figure.low is not None:
            by_sentence.setdefault(q.sentence, []).append(q)
    for si, qs in by_sentence.items():
        text = facts.segments.paragraphs[qs[0].paragraph].text
        if facts.segments.paragraphs[qs[0].paragraph].table:
            continue
        per = [q for q in qs if q.figure.dimension != "count"
               and (PER.search(q.metric) or PER.search(text[max(0, q.figure.start - 6):q.figure.start]))]
        if len(per) != 1:
            continue
        p = per[0]
        # 人均月补助300元 beside 共发放7200万元: a rate per month or year, the total may span several
        if regex.search(r"[月年日天季周次]", p.metric + text[max(0, p.figure.start - 6):p.figure.start]):
            continue
        totals = [q for q in qs if q is not p and q.figure.dimension == p.figure.dimension
                  and TOTAL.search(q.metric + text[max(0, q.figure.start - 6):q.figure.start])]
        before = [q for q in qs if q.figure.end <= p.figure.start]
        # the units counted are the figure just before the per-unit amount (48只基金约2200亿份…, 平均单位…)
        if len(totals) != 1 or not before or before[-1].figure.dimension in (p.figure.dimension, "percent", "pp", "duration", ""):
            continue
        n = before[-1]
        if regex.search(r"[。；;]", text[n.figure.end:p.figure.start]):
            continue
        yield n, p, totals[0], text[n.figure.start:totals[0].figure.end]


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    for n, p, t, _ in _recognise(facts):
        prod = (n.figure.low * p.figure.low, n.figure.high * p.figure.high)
        holds = iv.meet(prod, iv.stated(t.figure))
        value = n.figure.value * p.figure.value
        d = max(t.figure.decimals, 0)
        yield Claim("product", Span(n.span.start, t.span.end),
                    (Role("units", n.figure.text, n.span), Role("per", p.figure.text, p.span), Role("total", t.figure.text, t.span)),
                    holds, "数量 × 单位金额 = 总额",
                    f"{n.figure.text} × {p.figure.text} = {iv.in_units_of(value, t.figure, d)}，文中为 {t.figure.text}")


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for c in claims(rule, facts):
        if c.holds is not False:
            continue
        n, p, t = c.roles
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(formula=c.detail),
            Location(facts.path, t.span),
            (Location(facts.path, n.span, f"数量：{n.text}"), Location(facts.path, p.span, f"单位金额：{p.text}")),
            evidence={"formula": c.detail, "units": n.text, "per": p.text, "stated": t.text},
        )
