"""Dates and times that cannot exist: 2月30日, 4月31日, 13月, 2月29日 in a non-leap year, 25时,
and a 星期 that does not match the date written with it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..dates import TIME, WEEKDAY, WEEKDAYS, dates, impossible
from ..facts import DocumentFacts
from ..findings import Finding, Location

KIND = "impossible-date"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    pass


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    paragraphs = facts.segments.paragraphs
    for w in dates(facts):
        q = w.quantity
        why = impossible(w)
        if why is None and (d := w.date()) is not None:
            text = paragraphs[q.paragraph].text
            m = WEEKDAY.match(text, q.figure.end)
            if m:
                written = "日" if m.group("w") == "天" else m.group("w")
                actual = WEEKDAYS[d.weekday()]
                if written != actual:
                    why = f"{d.year}年{d.month}月{d.day}日是星期{actual}，文中写作星期{m.group('w')}"
        if why:
            yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                          Location(facts.path, q.span), evidence={"date": q.figure.text, "reason": why})
    for q in facts.quantities:
        if q.kind != "time":
            continue
        m = TIME.search(q.figure.text)
        if not m:
            continue
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        pm = q.figure.text.startswith(("下午", "晚上", "晚", "傍晚"))
        if h > 24 or mi > 59 or (pm and h > 12):
            why = f"没有“{q.figure.text}”这个时刻"
            yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                          Location(facts.path, q.span), evidence={"time": q.figure.text, "reason": why})
