"""A day count that its start date does not give: 自10月1日“停摆”以来 … 6日，“停摆”进入第39天.

Recognised: in one paragraph, a start 自/从 DATE X 以来/起/开始 and a count X 进入第N天 (or X 持续N天)
of the same X (the words between the start date and 以来 end the words before 进入: 美国联邦政府“停摆”),
dated by the date opening the count's sentence (6日，…) or written beside it (今天（11月4日）进入…).
A date with only a day takes its month from the day the text says it is written (本台今天（11月6日）…):
that month if the day is not later, else the month before. The count must be the days from the
start date to that date, counting the start as day 1 or as day 0.

Silent without a start date, without the date of the count, or when a year would be needed
and is not known on both sides.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..dates import today
from ..facts import DocumentFacts
from ..findings import Finding
from ..numbers import cn_to_number

KIND = "day-count"
SCOPE = "document"

_NUM = r"\d{1,4}|[一二三四五六七八九十百两]+"
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")
START = regex.compile(r"(?:自|从)(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
                      r"(?P<x>[^，,。；;！？\d]{2,24}?)(?:以来|起|开始)")
COUNT = regex.compile(r"(?P<x>[\p{Han}“”]{2,24}?)(?:今天|今日)?(?:[（(](?P<cm>\d{1,2})月(?P<cd>\d{1,2})日[）)])?"
                      rf"(?:已|已经)?(?:进入(?:了)?(?:创纪录的|历史性的)?第(?P<n>{_NUM})天|持续(?:了)?(?P<n2>{_NUM})天)")
SENTENCE_DATE = regex.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日[，,]")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _days(m0: int, d0: int, m1: int, d1: int) -> set[int] | None:
    """Days from m0/d0 to m1/d1 (the next year when m1/d1 comes first), in a leap and a common year."""
    out = set()
    for y in (2023, 2024):
        try:
            a = dt.date(y, m0, d0)
            b = dt.date(y if (m1, d1) >= (m0, d0) else y + 1, m1, d1)
        except ValueError:
            continue
        out.add((b - a).days)
    return out or None


@dataclass(frozen=True, slots=True)
class Count:
    paragraph: int
    start: regex.Match  # 自10月1日…以来
    count: regex.Match  # …进入第37天
    said: str  # 第37天 / 持续37天
    at: tuple[int, int] | None  # (month, day) of the count; None when it has no known date
    computed: int | None  # the day the dates give (the start as day 1)
    holds: bool | None


def counts(facts: DocumentFacts) -> Iterator[Count]:
    """Every day count tied to its start date, with whether the dates give it."""
    now = None
    for p in facts.segments.paragraphs:
        text = p.text.translate(_FOLD)
        if "天" not in text:
            continue
        starts = list(START.finditer(text))
        if not starts:
            continue
        for c in COUNT.finditer(text):
            x = c.group("x")
            tied = [s for s in starts if x.endswith(s.group("x").strip()) or s.group("x").strip().endswith(x)]
            if len(tied) != 1:
                continue
            s = tied[0]
            written = c.group("n") or c.group("n2")
            said = f"第{written}天" if c.group("n") else f"持续{written}天"
            at = None
            if c.group("cm"):
                at = int(c.group("cm")), int(c.group("cd"))
            elif not s.group("y"):  # a start with a year would need the count's year too
                sent_start = max(text.rfind(ch, 0, c.start()) for ch in "。！？；") + 1
                sd = SENTENCE_DATE.match(text, sent_start)
                if sd and not sd.group("y"):
                    d1 = int(sd.group("d"))
                    if sd.group("m"):
                        at = int(sd.group("m")), d1
                    else:
                        now = now if now is not None else (today(facts) or False)
                        if now:
                            at = (now.month if d1 <= now.day else (now.month - 2) % 12 + 1), d1
            n = int(written) if written.isdigit() else cn_to_number(written)
            days = _days(int(s.group("m")), int(s.group("d")), *at) if at and not s.group("y") else None
            if not n or days is None:
                yield Count(p.index, s, c, said, at, None, None)
                continue
            yield Count(p.index, s, c, said, at, min(days) + 1, any(n in (k, k + 1) for k in days))


def _start_text(k: Count) -> str:
    return f"{k.start.group('m')}月{k.start.group('d')}日"


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    for k in counts(facts):
        loc = facts.location
        at = f"{k.at[0]}月{k.at[1]}日" if k.at else ""
        why = f"{_start_text(k)}起算，{at}是第{k.computed}天" if k.computed else "计数当天的日期不明"
        yield Claim("day-count", loc(k.paragraph, min(k.start.start(), k.count.start()),
                                     max(k.start.end(), k.count.end())).span,
                    (Role("start", _start_text(k), loc(k.paragraph, k.start.start(), k.start.end()).span),
                     Role("count", k.said, loc(k.paragraph, k.count.end() - len(k.said), k.count.end()).span)),
                    k.holds, why, at)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for k in counts(facts):
        if k.holds is not False:
            continue
        at = f"{k.at[0]}月{k.at[1]}日"
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(start=_start_text(k), at=at, computed=k.computed, said=k.said),
            facts.location(k.paragraph, k.count.end() - len(k.said), k.count.end()),
            (facts.location(k.paragraph, k.start.start(), k.start.end(), f"起点：{_start_text(k)}"),),
            evidence={"start": _start_text(k), "at": at, "computed": k.computed, "stated": k.said},
        )
