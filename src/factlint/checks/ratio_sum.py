"""Shares of one whole written as a ratio (三次产业结构 12.3∶34.5∶53.2) that do not add up to 100.

Only a ratio after 比/结构/比重/比例 in the same sentence and whose parts add up to roughly 100 (between
`low` and `high`) is read as percentages; 1∶2∶3 is a proportion and is left alone. Each part
stands for its rounding interval, so 33.3∶33.3∶33.3 passes.

The same holds for shares of a whole that the text says is split into exactly these parts:
三次产业增加值占地区生产总值的比重分别为12.3%、35.4%、52.3% (or 第一、二、三产业…分别占…), and
complementary pairs (城镇/农村, 男/女 — rules/lexicon/arithmetic.toml) given with 分别 as shares
of a named whole (占总人口的比重).

A two-part ratio of two amounts the paragraph gives: 中直经济…384.8亿元…地方经济…843.2亿元 …
中直与地方经济比重为31.3：68.7 (each amount found by the words opening its clause) must give
384.8 / (384.8 + 843.2) = 31.3.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding, Location
from ..lexicon import complementary

KIND = "ratio-sum"
SCOPE = "document"

RATIO = regex.compile(r"(?<![\d.])(?P<r>\d+(?:\.\d+)?(?:\s*[∶:：]\s*\d+(?:\.\d+)?){1,5})(?![\d.:∶])")
TRIGGER = regex.compile(r"比|结构|比重|比例")
SENTENCE_BREAK = regex.compile(r"[。；;！？]")
THREE_SECTORS = regex.compile(r"三次产业|第一、二、三产业|一二三产业|第一产业、第二产业、第三产业|一、二、三产")
SHARE_WORD = regex.compile(r"比重|占比|占|结构|构成")
VALUE_GAP = regex.compile(r"\s*(?:、|和|及|与|，|,)?\s*")


@dataclass(frozen=True, slots=True)
class Options:
    low: float = 95.0
    high: float = 105.0


def _whole_split(facts: DocumentFacts) -> Iterator[tuple[int, int, int, list]]:
    """(paragraph, start, end, percents) for 分别-lists of shares of a whole split into exactly those parts."""
    percents = facts.by_paragraph(("percent",))
    for p in facts.segments.paragraphs:
        mine = [q for q in percents.get(p.index, []) if q.figure.dimension == "percent"]
        for m in regex.finditer("分别", p.text):
            head_start = max(p.text.rfind(c, 0, m.start()) for c in "。；;！？") + 1
            head = p.text[head_start:m.start()]
            after = [q for q in mine if q.figure.start > m.end()]
            if not after or after[0].figure.start - m.end() > 12 or not SHARE_WORD.search(head + p.text[m.end():after[0].figure.start]):
                continue
            run = [after[0]]
            for q in after[1:]:
                if VALUE_GAP.fullmatch(p.text[run[-1].figure.end:q.figure.start]):
                    run.append(q)
                else:
                    break
            split = THREE_SECTORS.search(head) and len(run) == 3
            # a pair splits one whole only when that whole is named (占总人口的比重), not for
            # 城镇和农村居民…恩格尔系数分别为28.5%和32.1%, two groups' own shares
            whole_named = regex.search(r"占(?:总|全)", head + p.text[m.end():after[0].figure.start])
            pair = len(run) == 2 and whole_named and any(
                x in head and y in head and head.index(x) < head.index(y) for x, y in complementary())
            if split or pair:
                yield p.index, run[0].figure.start, run[-1].figure.end, run


PAIR_NAMES = regex.compile(r"(?P<x>\p{Han}{1,8}?)[与和](?P<y>\p{Han}{1,8}?)(?:的)?(?:比重|比例|结构|之比)(?:为|是|达)?$")


def _pair_amounts(facts: DocumentFacts, p, m) -> tuple | None:
    """中直与地方经济比重为31.3：68.7 after 中直经济…384.8亿元 and 地方经济…843.2亿元 in the same paragraph."""
    lead = p.text[max(0, m.start() - 20):m.start()]
    lead = regex.split(r"[，,。；;：:]", lead)[-1]
    names = PAIR_NAMES.search(lead)
    if not names:
        return None
    x, y = names.group("x"), names.group("y")
    qs = [q for q in facts.quantities if q.paragraph == p.index and q.figure.end <= m.start() and q.kind == "quantity"
          and q.stock not in ("change", "per") and not q.figure.chinese and q.figure.value]
    def clause(q):  # the words opening the figure's clause: 中直经济实现增加值
        stop = _CLAUSE_STOP.search(p.text, 0, q.figure.start)  # the last stop before it, found backwards
        return p.text[stop.end() if stop else 0:q.figure.start]
    a = [q for q in qs if clause(q).startswith(x) and not clause(q).startswith(y)]
    b = [q for q in qs if clause(q).startswith(y) or (len(y) > 2 and clause(q).startswith(y[:2]) and not clause(q).startswith(x))]
    if len(a) != 1 or len(b) != 1 or a[0].figure.dimension != b[0].figure.dimension:
        return None
    return a[0], b[0]


_CLAUSE_STOP = regex.compile(r"[，,；;。：:]", flags=regex.REVERSE)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for p in facts.segments.paragraphs:
        for m in RATIO.finditer(p.text):
            parts = regex.split(r"\s*[∶:：]\s*", m.group("r"))
            if len(parts) != 2:
                continue
            pair = _pair_amounts(facts, p, m)
            if not pair:
                continue
            a, b = pair
            share = (a.figure.low / (a.figure.low + b.figure.high) * 100, a.figure.high / (a.figure.high + b.figure.low) * 100)
            first = float(parts[0])
            step = 10 ** -(len(parts[0].split(".")[1]) if "." in parts[0] else 0)
            if share[0] <= first + step and first - step / 2 <= share[1]:
                continue
            value = a.figure.value / (a.figure.value + b.figure.value) * 100
            formula = f"{a.figure.text} / ({a.figure.text} + {b.figure.text}) = {value:.1f}"
            yield Finding(
                rule.id, rule.category, rule.severity, f"按两项数值计算比重 {formula}，与文中的 {m.group('r')} 不符",
                facts.location(p.index, m.start("r"), m.end("r")),
                (Location(facts.path, a.span, a.figure.text), Location(facts.path, b.span, b.figure.text)),
                evidence={"formula": f"{formula}，文中为 {parts[0]}", "computed": f"{value:.1f}", "stated": m.group("r")},
            )
    yield from _check_sums(rule, facts)


def claims(rule, facts: DocumentFacts):
    """Every ratio and share list recognised; it holds unless check() reports it."""
    from ..claims import Claim, Role
    broken = {(f.location.span.start, f.location.span.end) for f in check(rule, facts)}
    for pi, start, end, run in _whole_split(facts):
        span = facts.location(pi, start, end).span
        yield Claim("ratio-sum", span, tuple(Role("share", q.figure.text, q.span) for q in run),
                    (span.start, span.end) not in broken, "三次产业/互补两部分分别占")
    for p in facts.segments.paragraphs:
        for m in RATIO.finditer(p.text):
            lead = SENTENCE_BREAK.split(p.text[max(0, m.start() - 30):m.start()])[-1]
            pair = _pair_amounts(facts, p, m) if len(regex.split(r"\s*[∶:：]\s*", m.group("r"))) == 2 else None
            if not TRIGGER.search(lead) and not pair:
                continue
            span = facts.location(p.index, m.start("r"), m.end("r")).span
            roles = (Role("ratio", m.group("r"), span),) + tuple(Role("amount", q.figure.text, q.span) for q in (pair or ()))
            total = sum(float(x) for x in regex.split(r"\s*[∶:：]\s*", m.group("r")))
            checked = pair or rule.options.low <= total <= rule.options.high
            yield Claim("ratio", span, roles, ((span.start, span.end) not in broken) if checked else None,
                        "两项数值之比" if pair else "构成比")


def _check_sums(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for pi, start, end, run in _whole_split(facts):
        total = sum(q.figure.value for q in run)
        slack = sum(q.figure.high - q.figure.low for q in run) / 2 + sum(10 ** -q.figure.decimals for q in run) / 2
        if abs(total - 100) <= slack + 1e-9:
            continue
        formula = " + ".join(q.figure.text for q in run) + f" = {total:g}%"
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(formula=formula),
            facts.location(pi, start, end),
            evidence={"formula": f"{formula}，应为 100%", "computed": f"{total:g}", "parts": [q.figure.text for q in run]},
        )
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
