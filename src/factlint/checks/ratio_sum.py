"""Shares of one whole written as a ratio (三次产业结构 12.3∶34.5∶53.2) that do not add up to 100.

Only a ratio after 比/结构/比重/比例 in the same sentence and whose parts add up to roughly 100 (between
`low` and `high`) is read as percentages; 1∶2∶3 is a proportion and is left alone. Each part
stands for its rounding interval, so 33.3∶33.3∶33.3 passes.

The same holds for shares of a whole that the text says is split into exactly these parts:
三次产业增加值占地区生产总值的比重分别为12.3%、35.4%、52.3% (or 第一、二、三产业…分别占…), and
complementary pairs (城镇/农村, 男/女 — rules/lexicon/arithmetic.toml) given with 分别 as shares
of a named whole (占总人口的比重).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding
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


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
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
