"""A stated change that does not match the values it changes between.

由2021年底的23101户94755人减少至18401户71005人,减少4700户23750人: each dimension is paired
(户 with 户, 人 with 人) and checked: 23101 − 18401 = 4700, 94755 − 71005 = 23750.
由42.61%降至31.25%,下降11.36个百分点: percentages change by 个百分点.
从A增加到B,增长X% (`growth = true`): a growth rate. Official growth rates are usually at
comparable prices while the amounts beside them are nominal, so a rule checking growth should
be a warning that shows both figures; a sentence saying 按可比价格计算 (or 可比价) is skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .. import intervals as iv
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location

KIND = "difference"
SCOPE = "document"

UP = "增加|增长|提高|上升|扩大|提升|升"
DOWN = "减少|下降|降低|缩小|降"
CHANGE_TO = regex.compile(rf"(?P<verb>{UP}|{DOWN})(?:了)?(?:至|到)")
STATED = regex.compile(rf"^[，,]?\s*(?:共|分别|累计|净)?(?P<verb>{UP}|{DOWN})(?:了)?\s*$")
FROM = regex.compile(r"由|从")
GROUP_GAP = regex.compile(r"^[、和及与\s]*$")


@dataclass(frozen=True, slots=True)
class Options:
    growth: bool = False  # False: absolute changes (and 个百分点); True: growth rates in %


def _group(text: str, qs: list[Quantity], start_index: int) -> list[Quantity]:
    out = [qs[start_index]]
    for q in qs[start_index + 1:]:
        if GROUP_GAP.match(text[out[-1].figure.end:q.figure.start]):
            out.append(q)
        else:
            break
    return out


def find_claims(facts: DocumentFacts):
    """(before, after, stated, falling) triples of quantities, matched by dimension."""
    out = []
    sentences: dict[int, list[Quantity]] = {}
    for q in facts.quantities:
        if q.kind in ("quantity", "percent") and not q.figure.chinese and q.figure.low is not None:
            sentences.setdefault(q.sentence, []).append(q)
    for si, qs in sentences.items():
        p = facts.segments.paragraphs[qs[0].paragraph]
        sent = facts.segments.sentences[si]
        text = p.text
        for m in CHANGE_TO.finditer(text, sent.start, sent.end):
            after_i = next((i for i, q in enumerate(qs) if q.figure.start >= m.end()), None)
            if after_i is None or qs[after_i].figure.start - m.end() > 4:
                continue
            frm = [f for f in FROM.finditer(text, sent.start, m.start())]
            if not frm:
                continue
            before = [q for q in qs if frm[-1].end() <= q.figure.start < m.start()]
            after = _group(text, qs, after_i)
            k = qs.index(after[-1]) + 1
            if not before or k >= len(qs):
                continue
            sm = STATED.match(text[after[-1].figure.end:qs[k].figure.start])
            if not sm:
                continue
            stated = _group(text, qs, k)
            falling = regex.fullmatch(DOWN, m.group("verb")) is not None
            for a in before:
                b = next((x for x in after if x.figure.dimension == a.figure.dimension), None)
                if b is None:
                    continue
                want = "pp" if a.figure.dimension == "percent" else a.figure.dimension
                c = next((x for x in stated if x.figure.dimension == want), None)
                growth = c is None and next((x for x in stated if x.figure.dimension == "percent"), None)
                if c is not None:
                    out.append((a, b, c, falling, False, text[sent.start:sent.end]))
                elif growth and a.figure.dimension != "percent":
                    out.append((a, b, growth, falling, True, text[sent.start:sent.end]))
    return out


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for a, b, c, falling, is_growth, sentence in find_claims(facts):
        if is_growth != rule.options.growth:
            continue
        if is_growth and ("可比价" in sentence):
            continue
        A, B = iv.of(a.figure), iv.of(b.figure)
        change = iv.sub(A, B) if falling else iv.sub(B, A)
        if is_growth:
            r = iv.div(change, A)
            if r is None:
                continue
            computed = (r[0] * 100, r[1] * 100)
            value = ((a.figure.value - b.figure.value) if falling else (b.figure.value - a.figure.value)) / a.figure.value * 100
            shown = f"{value:.{max(c.figure.decimals, 1)}f}%"
        else:
            computed = change
            value = (a.figure.value - b.figure.value) if falling else (b.figure.value - a.figure.value)
            shown = iv.in_units_of(value, c.figure, max(a.figure.decimals, b.figure.decimals))
        if iv.meet(computed, iv.stated(c.figure)):
            continue
        op = "−"
        formula = (f"({a.figure.text} {op} {b.figure.text}) / {a.figure.text} = {shown}" if is_growth and falling else
                   f"({b.figure.text} {op} {a.figure.text}) / {a.figure.text} = {shown}" if is_growth else
                   f"{a.figure.text} {op} {b.figure.text} = {shown}" if falling else
                   f"{b.figure.text} {op} {a.figure.text} = {shown}")
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(formula=formula, stated=c.figure.text),
            Location(facts.path, c.span),
            (Location(facts.path, a.span, f"变化前：{a.figure.text}"), Location(facts.path, b.span, f"变化后：{b.figure.text}")),
            evidence={"formula": f"{formula}，文中为 {c.figure.text}", "computed": shown, "stated": c.figure.text},
        )
