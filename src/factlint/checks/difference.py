"""A stated change that does not match the values it changes between.

由2021年底的23101户94755人减少至18401户71005人,减少4700户23750人: each dimension is paired
(户 with 户, 人 with 人) and checked: 23101 − 18401 = 4700, 94755 − 71005 = 23750.
由42.61%降至31.25%,下降11.36个百分点: percentages change by 个百分点.
从A增加到B,增长X% (`growth = true`): a growth rate. Official growth rates are usually at
comparable prices while the amounts beside them are nominal, so a rule checking growth should
be a warning that shows both figures; a sentence saying 按可比价格计算 (or 可比价) is skipped.
Also (growth): 投入5955亿元，比上年增加1637亿元，增长37.9% (1637 / (5955 − 1637)) and
成交价为13533元/平方米，到8月则为18502元每平米，上涨幅度为36.7%, and a cumulative rate beside
the average one: 2007年…比2002年增长65.5%，年均增长10.6% ((1 + 10.6%)^5 = 1.655).
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


LEVEL_CHANGE = regex.compile(r"[，,]\s*(?:比上年|比去年|较上年|同比)?(?P<verb>增加|减少)了?")
RATE_AFTER = regex.compile(r"[，,]\s*(?:增长|下降)了?")
THEN_TO = regex.compile(r"[，,]\s*到[^，,。；;]{0,8}?(?:则)?(?:为|是|达到?|升至|涨至)")
RISE_RATE = regex.compile(r"[^，,。；;\d]{0,4}[，,]\s*(?P<verb>上涨|增长|上升|下降|下跌|涨|跌)(?:幅度|幅)?(?:为|达到?|是)?")


def _level_and_rate(facts: DocumentFacts):
    """投入5955亿元，比上年增加1637亿元，增长37.9% (the rate is 1637 / (5955 − 1637)), and
    成交价为13533元/平方米，到8月则为18502元每平米，上涨幅度为36.7% (the rate is (18502 − 13533) / 13533),
    as (before, after, rate, falling) with before/after as intervals and their texts."""
    by_paragraph = facts.by_paragraph(("quantity", "percent"))
    for p in facts.segments.paragraphs:
        if p.table:
            continue
        qs = [q for q in by_paragraph.get(p.index, ()) if not q.figure.chinese and q.figure.low is not None]
        for x, y, z in zip(qs, qs[1:], qs[2:]):
            if z.figure.dimension != "percent" or x.figure.dimension != y.figure.dimension or x.figure.dimension == "percent":
                continue
            if not (x.sentence == y.sentence == z.sentence):
                continue
            m = LEVEL_CHANGE.fullmatch(p.text, x.figure.end, y.figure.start)
            if m and RATE_AFTER.fullmatch(p.text, y.figure.end, z.figure.start):
                falling = m.group("verb") == "减少"
                level, change = iv.of(x.figure), iv.of(y.figure)
                base = iv.add(level, change) if falling else iv.sub(level, change)
                base_text = f"{x.figure.text} {'+' if falling else '−'} {y.figure.text}"
                yield (base, base_text, y, z, falling, x)
                continue
            gap = p.text[x.figure.end:y.figure.start]
            t = THEN_TO.search(gap)
            r = RISE_RATE.fullmatch(p.text, y.figure.end, z.figure.start)
            if t and r and t.end() == len(gap) and not regex.search(r"[，,]", gap[:t.start()]):
                falling = r.group("verb") in ("下降", "下跌", "跌")
                yield (iv.of(x.figure), x.figure.text, (x, y), z, falling, x)


YEAR = r"(?:[12一二][0-9０-９〇零○一二三四五六七八九]{3})"
SINCE = regex.compile(rf"比(?P<y0>{YEAR})年(?:同期)?(?:增长|增加|提高)了?$")
AVERAGE = regex.compile(r"[，,]\s*年均(?:增长|递增|提高)$")
YEAR_IN = regex.compile(rf"(?P<y>{YEAR})年")
_DIGIT = {c: i % 10 for i, c in enumerate("0123456789")}
_DIGIT.update({c: i for i, c in enumerate("０１２３４５６７８９")})
_DIGIT.update({"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9})


def _year(s: str) -> int:
    return int("".join(str(_DIGIT[c]) for c in s))


def _rounded(f) -> tuple[float, float]:
    """A printed rate with its rounding (百分之九点三 is 9.25 … 9.35); qualifiers already widen."""
    if f.qualifier or f.low != f.high:
        return (f.low, f.high)
    half = 0.5 * 10 ** -(len(f.text.split("点")[1].rstrip("%％倍")) if "点" in f.text else f.decimals)
    return (f.low - half, f.high + half)


def _average_growth(facts: DocumentFacts) -> Iterator[tuple]:
    """2007年…比2002年增长65.5%，年均增长10.6%: (1 + 10.6%)^5 must give 1 + 65.5% (also 增长近两倍,
    as a multiple). The later year is the last one written before 比 in the same sentence."""
    rates: dict[int, list] = {}  # sentence → its rates and multiples, in text order
    for q in facts.quantities:
        if q.kind in ("percent", "quantity") and q.figure.dimension in ("percent", "ratio") and q.figure.low is not None:
            rates.setdefault(q.sentence, []).append(q)
    for si, sent in enumerate(facts.segments.sentences):
        p = facts.segments.paragraphs[sent.paragraph]
        if p.table:
            continue
        qs = rates.get(si, [])
        for a, b in zip(qs, qs[1:]):
            m = SINCE.search(p.text, sent.start, a.figure.start)
            if not m or not AVERAGE.search(p.text, a.figure.end, b.figure.start) or b.figure.dimension != "percent":
                continue
            years = [y for y in YEAR_IN.finditer(p.text, sent.start, m.start())]
            if not years:
                continue
            n = _year(years[-1].group("y")) - _year(m.group("y0"))
            if not 1 <= n <= 30:
                continue
            lo, hi = _rounded(a.figure)
            whole = (1 + lo, 1 + hi) if a.figure.dimension == "ratio" else (1 + lo / 100, 1 + hi / 100)
            blo, bhi = _rounded(b.figure)
            yield a, b, n, whole, ((1 + blo / 100) ** n, (1 + bhi / 100) ** n)


def _check_average(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for a, b, n, whole, compounded in _average_growth(facts):
        if iv.meet(whole, compounded):
            continue
        value = (1 + b.figure.value / 100) ** n - 1
        shown = f"{value:.2f}倍" if a.figure.dimension == "ratio" else f"{value * 100:.1f}%"
        formula = f"(1 + {b.figure.text})^{n} − 1 = {shown}"
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(formula=formula, stated=a.figure.text),
            Location(facts.path, b.span), (Location(facts.path, a.span, f"累计：{a.figure.text}"),),
            evidence={"formula": f"{formula}，文中为 {a.figure.text}", "computed": shown, "stated": a.figure.text, "years": n},
        )


def _check_level_and_rate(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for base, base_text, change, c, falling, first in _level_and_rate(facts):
        sentence = facts.segments.sentence_text(facts.segments.sentences[c.sentence])
        if "可比价" in sentence:
            continue
        if isinstance(change, tuple):
            a, b = change
            delta = iv.sub(iv.of(a.figure), iv.of(b.figure)) if falling else iv.sub(iv.of(b.figure), iv.of(a.figure))
            value = (abs(b.figure.value - a.figure.value)) / a.figure.value * 100
            formula = f"({b.figure.text} − {a.figure.text}) / {a.figure.text}" if not falling else f"({a.figure.text} − {b.figure.text}) / {a.figure.text}"
            related = (Location(facts.path, a.span, f"变化前：{a.figure.text}"), Location(facts.path, b.span, f"变化后：{b.figure.text}"))
        else:
            delta = iv.of(change.figure)
            value = change.figure.value / ((first.figure.value + change.figure.value) if falling else (first.figure.value - change.figure.value)) * 100
            formula = f"{change.figure.text} / ({base_text})"
            related = (Location(facts.path, first.span, f"当期：{first.figure.text}"), Location(facts.path, change.span, f"增减量：{change.figure.text}"))
        r = iv.div(delta, base)
        if r is None:
            continue
        computed = (r[0] * 100, r[1] * 100)
        if iv.meet(computed, iv.stated(c.figure)):
            continue
        shown = f"{value:.{max(c.figure.decimals, 1)}f}%"
        formula = f"{formula} = {shown}"
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(formula=formula, stated=c.figure.text),
            Location(facts.path, c.span), related,
            evidence={"formula": f"{formula}，文中为 {c.figure.text}", "computed": shown, "stated": c.figure.text},
        )


def claims(rule, facts: DocumentFacts):
    """Every change recognised, verified as check() does (a finding is a claim that does not hold)."""
    from ..claims import Claim, Role
    from ..document import Span
    broken = {(f.location.span.start, f.location.span.end) for f in check(rule, facts)}
    for a, b, c, falling, is_growth, sentence in find_claims(facts):
        if is_growth != rule.options.growth:
            continue
        holds = (c.span.start, c.span.end) not in broken
        yield Claim("growth" if is_growth else "difference", Span(a.span.start, c.span.end),
                    (Role("before", a.figure.text, a.span), Role("after", b.figure.text, b.span), Role("stated", c.figure.text, c.span)),
                    None if is_growth and "可比价" in sentence else holds, "由…至…")
    if rule.options.growth:
        for a, b, n, whole, compounded in _average_growth(facts):
            yield Claim("growth", Span(a.span.start, b.span.end),
                        (Role("cumulative", a.figure.text, a.span), Role("average", b.figure.text, b.span)),
                        iv.meet(whole, compounded), f"{n}年累计与年均")
        for base, base_text, change, c, falling, first in _level_and_rate(facts):
            holds = (c.span.start, c.span.end) not in broken
            yield Claim("growth", Span(first.span.start, c.span.end),
                        (Role("base", base_text, first.span), Role("stated", c.figure.text, c.span)), holds, "增量/基数")


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    if rule.options.growth:
        yield from _check_level_and_rate(rule, facts)
        yield from _check_average(rule, facts)
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
