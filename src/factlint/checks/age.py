"""An age that does not fit the birth date written beside it: 生于2021年10月 … 2023年3月21日 … 1岁零5个月.

Checked only when a paragraph gives exactly one birth date (出生于/生于 YEAR年…, YEAR年…出生) and
exactly one age (N岁, N岁零M个月), and a full date to count to: the nearest full date before the
age in that paragraph other than the birth date, else the publication date from config or
--date. The age must be the completed years (and months, when written) at that date; an unknown
birth day allows a month either way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import regex

from ..dates import dates
from ..facts import DocumentFacts
from ..findings import Finding
from ..numbers import cn_to_number

KIND = "age"
SCOPE = "document"

BIRTH = regex.compile(r"(?:出生于|生于)(?P<y>(?:19|20)\d\d)年(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?"
                      r"|(?P<y2>(?:19|20)\d\d)年(?:(?P<m2>\d{1,2})月)?(?:(?P<d2>\d{1,2})日)?(?:出生|生人)")
AGE = regex.compile(r"(?P<n>\d{1,3}|[一二三四五六七八九十两]+)(?:周)?岁(?:零(?P<mo>\d{1,2}|[一二三四五六七八九十两]+)个月)?")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    return int(s) if s.isdigit() else cn_to_number(s)


def _months(birth: tuple[int, int, int | None], at: dt.date) -> int:
    y, m, d = birth
    months = (at.year - y) * 12 + (at.month - m)
    if d is not None and at.day < d:
        months -= 1
    return months


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    full = [w for w in dates(facts) if w.date()]
    for p in facts.segments.paragraphs:
        births = list(BIRTH.finditer(p.text))
        ages = list(AGE.finditer(p.text))
        if len(births) != 1 or len(ages) != 1:
            continue
        b, a = births[0], ages[0]
        y = int(b.group("y") or b.group("y2"))
        m = _num(b.group("m") or b.group("m2"))
        d = _num(b.group("d") or b.group("d2"))
        if m is None:
            continue
        events = [w for w in full if w.quantity.paragraph == p.index and w.quantity.figure.start < a.start()
                  and not (b.start() <= w.quantity.figure.start < b.end())]
        if events:
            at, source = events[-1].date(), f"按文中日期 {events[-1].quantity.figure.text}"
        elif facts.published:
            at, source = dt.date.fromisoformat(facts.published), f"按发布日期 {facts.published}"
        else:
            continue
        actual = _months((y, m, d), at)
        if actual < 0:
            continue
        years, months = _num(a.group("n")), _num(a.group("mo"))
        slack = 0 if d is not None else 1
        if months is None:
            ok = any((actual + k) // 12 == years for k in range(-slack, slack + 1))
        else:
            ok = abs(years * 12 + months - actual) <= slack
        if ok:
            continue
        shown = f"{actual // 12}岁零{actual % 12}个月" if months is not None else f"{actual // 12}岁"
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(age=a.group(), birth=b.group(), computed=shown, source=source),
            facts.location(p.index, a.start(), a.end()),
            (facts.location(p.index, b.start(), b.end(), f"出生日期：{b.group()}"),),
            evidence={"age": a.group(), "birth": b.group(), "computed": shown, "at": at.isoformat()},
        )
