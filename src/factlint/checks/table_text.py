"""A figure in the text that restates a table cell but does not agree with it.

Two ways a sentence is tied to a table row (anything looser is not checked):
- the sentence gives the row's own amount: 全市实现工业增加值3157.4亿元 where the table row 工业
  reads 3157.4 (same numeral, the table's unit 亿元, the metric opening with the row label); then
  the growth rate that follows (同比增长9.9%) must equal the row's growth cell (9.9; 下降 = −);
- the sentence names the row in full (a label of six characters or more, 受理 read as 新收 —
  rules/lexicon/arithmetic.toml): 受理政府信息公开申请21件 ↔ 本年新收政府信息公开申请数量 21;
  its figure must equal the row's total cell (the last, under 总计) or its only cell. Rows of
  another period (上年结转) and labels that fit several rows are skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..document import Span
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..lexicon import arithmetic_words
from ..numbers import printed
from ..tables import RATE_HEADER, Row, Table
from .table_sum import TOTAL_IN_HEADER, tables

KIND = "table-text"
SCOPE = "document"

GROWTH_GAP = regex.compile(r"^[，,\s]*(?:比上年|比去年|同比|较上年|比上年同期)?(?P<verb>增长|增加|提高|上升|下降|减少|降低)了?$")
UNIT_IN_LABEL = regex.compile(r"[（(]([^（）()]{1,6})[）)]$")
OTHER_PERIOD = regex.compile(r"上年|去年|上期|上月|结转|下年")
LABEL_NOISE = regex.compile(r"^(?:本年|本期|全年)|(?:数量|数|件数|情况)$")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _label(row: Row) -> str:
    return UNIT_IN_LABEL.sub("", row.core)


def _row_unit(t: Table, row: Row) -> str:
    m = UNIT_IN_LABEL.search(row.core)
    if m:
        return m.group(1)
    if t.header_cells:
        m = UNIT_IN_LABEL.search(t.header_cells[0])
        if m:
            return m.group(1)
    return t.unit


def _growth_cell(t: Table, row: Row):
    if not t.header_cells or len(t.header_cells) != len(row.cells):
        return None
    for h, c in zip(t.header_cells, row.cells):
        if regex.search(r"增长|增速", h) and regex.search(r"%|％", h):
            return c
    return None


def _normalise(metric: str) -> str:
    for a, b in arithmetic_words().get("table_synonyms", []):
        metric = metric.replace(a, b)
    return metric


def _anchored(facts: DocumentFacts, t: Table, text_qs: list[Quantity]) -> Iterator[Claim]:
    for row in t.data:
        label = _label(row)
        unit = _row_unit(t, row)
        if len(label) < 2 or not unit or not row.figures:
            continue
        growth = _growth_cell(t, row)
        amount = row.figures[0]
        for i, q in enumerate(text_qs):
            f = q.figure
            if f.kind != "quantity" or f.unit_text != unit or not q.metric.startswith(label):
                continue
            if printed(f) is None or abs(printed(f) - amount.value) > 1e-9 or f.decimals != amount.decimals:
                continue
            nxt = text_qs[i + 1] if i + 1 < len(text_qs) else None
            if growth is None or nxt is None or nxt.sentence != q.sentence or nxt.figure.kind != "percent":
                continue
            p = facts.segments.paragraphs[q.paragraph]
            m = GROWTH_GAP.match(p.text[f.end:nxt.figure.start])
            if not m:
                continue
            sign = -1 if m.group("verb") in ("下降", "减少", "降低") else 1
            if growth.value is None:
                table_value, table_text = (0.0, growth.text) if growth.text == "持平" else (None, "")
                if table_value is None:
                    continue
            else:
                table_value, table_text = growth.value, growth.text
            stated = sign * (printed(nxt.figure) or 0)
            holds = abs(stated - table_value) < 0.5 * 10 ** -max(nxt.figure.decimals, growth.decimals) + 1e-9
            yield Claim("restatement", Span(q.span.start, nxt.span.end),
                        (Role("text", f"{q.metric}{f.text}，{m.group('verb')}{nxt.figure.text}", nxt.span),
                         Role("cell", f"{row.label} {amount.text} {table_text}", growth.span)),
                        holds, f"文中数值与表格“{row.label}”行相同", f"{m.group('verb')}{nxt.figure.text} ↔ 表中 {table_text}")


def _named(facts: DocumentFacts, t: Table, text_qs: list[Quantity]) -> Iterator[Claim]:
    rows = [r for r in t.data if not OTHER_PERIOD.search(r.label)]
    cores = {id(r): LABEL_NOISE.sub("", LABEL_NOISE.sub("", _label(r))) for r in rows}
    n_totals = len(TOTAL_IN_HEADER.findall(t.header))
    for q in text_qs:
        f = q.figure
        if f.kind != "quantity" or not q.metric or OTHER_PERIOD.search(q.metric):
            continue
        metric = _normalise(q.metric)
        hits = [r for r in rows if len(cores[id(r)]) >= 6 and cores[id(r)] in metric]
        if len(hits) != 1:
            continue
        row = hits[0]
        figs = row.figures
        if n_totals == 1 and len(figs) >= 3:
            cell = figs[-1]
        elif len(figs) == 1 and not RATE_HEADER.search(t.header):
            cell = figs[0]
        else:
            continue
        value = printed(f)
        if value is None or f.dimension == "percent":
            continue
        holds = abs(value - cell.value) < 0.5 * 10 ** -max(f.decimals, cell.decimals) + 1e-9
        yield Claim("restatement", q.span,
                    (Role("text", f"{q.metric}{f.text}", q.span), Role("cell", f"{row.label} {cell.text}", cell.span)),
                    holds, f"文中指标与表格“{row.label}”行同名", f"{f.text} ↔ 表中 {cell.text}")


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    ts = tables(facts)
    if not ts:
        return
    paragraphs = facts.segments.paragraphs
    text_qs = [q for q in facts.quantities if not paragraphs[q.paragraph].table
               and q.kind in ("quantity", "percent")]
    for t in ts:
        yield from _anchored(facts, t, text_qs)
        yield from _named(facts, t, text_qs)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for c in claims(rule, facts):
        if c.holds is not False:
            continue
        text, cell = c.roles
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(detail=c.detail, row=cell.text),
            Location(facts.path, text.span), (Location(facts.path, cell.span, f"表格：{cell.text}"),),
            evidence={"text": text.text, "table": cell.text, "structure": c.why},
        )
