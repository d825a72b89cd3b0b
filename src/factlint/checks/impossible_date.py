"""Dates and times that cannot exist: 2月30日, 4月31日, 13月, 2月29日 in a non-leap year, 25时,
and a 星期 that does not match its date. 晚24时 (早7时到晚24时) is midnight, the end of the day.

A 星期 (周六, 礼拜天) is checked against its date: the date written just before it
(2023年12月26日（星期二）), the date in brackets just after it (本周六（11月22日）), or, for
当天是周日 / 当日为星期三, the last date the paragraph named, when no other day is named between
(12日, 次日, 第二天). The date's year must be known: written, carried from an earlier date of the
paragraph, or — for a date without one — the year of the article's own date (config, dateline,
今天（11月6日） with a year), in which case every year the date may fall in near that date must
disagree. A 当天 whose last date is only a month is not checked; nor is a lunar date (农历二月三十日).
A 2月29日 without a year is impossible only in an article whose date is known and no year near
that date is a leap year.
Dates may be written with spaces (2023 年11 月31 日), as in text converted from PDF or Word, or in
Chinese numerals (二〇一三年二月三十日); a year with a damaged digit (二??九年) is no year.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from ..dates import (DAY_SHIFT, LUNAR_BEFORE, TIME, WEEKDAY_BACK, WEEKDAYS, When, cn_dates, dates,
                     document_dates, impossible, written_weekday, years_near)
from ..facts import DocumentFacts
from ..findings import Finding, Location

KIND = "impossible-date"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    pass


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    paragraphs = facts.segments.paragraphs
    written_at = document_dates(facts)
    for w in dates(facts):
        q = w.quantity
        if LUNAR_BEFORE.search(paragraphs[q.paragraph].text, 0, q.figure.start):
            continue
        why = impossible(w)
        if why is None and (d := w.date()) is not None:
            text = paragraphs[q.paragraph].text
            m = written_weekday(text, q.figure.start, q.figure.end)
            if m and (actual := _weekday_wrong(w, m.group("w"))):
                why = f"{d.year}年{d.month}月{d.day}日是星期{actual}，文中写作{m.group('word')}"
                yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                              Location(facts.path, q.span), evidence={"date": q.figure.text, "reason": why})
            continue
        if why is None and w.year is None and w.month == 2 and w.day == 29:
            why = _leap_day_in_the_text_year(paragraphs[q.paragraph], written_at)
        if why is None and w.year is None and w.month and w.day:
            why = _weekday_in_the_text_year(w, paragraphs[q.paragraph], written_at)
        if why:
            yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                          Location(facts.path, q.span), evidence={"date": q.figure.text, "reason": why})
    yield from _weekday_of_that_day(rule, facts)
    for p in paragraphs:
        for m, y, mo, d in cn_dates(p.text):
            if LUNAR_BEFORE.search(p.text, 0, m.start()):
                continue
            w = When(None, y, mo, d, False)
            why = impossible(w)
            if why is None and w.date() is not None:
                wd = written_weekday(p.text, m.start(), m.end())
                if wd and (actual := _weekday_wrong(w, wd.group("w"))):
                    why = f"{m.group()}是星期{actual}，文中写作{wd.group('word')}"
            if why:
                yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                              facts.location(p.index, m.start(), m.end()), evidence={"date": m.group(), "reason": why})
    for q in facts.quantities:
        if q.kind != "time":
            continue
        m = TIME.search(q.figure.text)
        if not m:
            continue
        h, mi = int(m.group("h")), int(m.group("mi") or 0)
        pm = q.figure.text.startswith(("下午", "晚上", "晚", "傍晚"))
        midnight = h == 24 and mi == 0 and q.figure.text.startswith(("晚上", "晚", "夜间", "夜里"))
        if h > 24 or mi > 59 or (pm and h > 12 and not midnight):
            why = f"没有“{q.figure.text}”这个时刻"
            yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                          Location(facts.path, q.span), evidence={"time": q.figure.text, "reason": why})


def _weekday_wrong(w: When, written: str) -> str | None:
    """The real weekday (一…日) when the written one (一…日, 天) is not it."""
    actual = WEEKDAYS[w.date().weekday()]
    return None if ("日" if written == "天" else written) == actual else actual


def _weekday_of_that_day(rule, facts: DocumentFacts) -> Iterator[Finding]:
    """当天是周日: the weekday of the last date named before it in the paragraph."""
    single = {id(w.quantity): w for w in dates(facts)}
    by_para: dict[int, list] = {}
    for q in facts.quantities:
        if q.kind == "date":
            by_para.setdefault(q.paragraph, []).append(q)
    for p in facts.segments.paragraphs:
        if p.index not in by_para:
            continue
        for m in WEEKDAY_BACK.finditer(p.text):
            before = [q for q in by_para[p.index] if q.figure.end <= m.start()]
            w = single.get(id(before[-1])) if before else None  # the last date named, not a span of days
            if w is None or w.date() is None or DAY_SHIFT.search(p.text, w.quantity.figure.end, m.start()):
                continue
            actual = _weekday_wrong(w, m.group("w"))
            if actual:
                d = w.date()
                why = f"“{m.group()[:2]}”是{d.year}年{d.month}月{d.day}日，那天是星期{actual}，文中写作{m.group('word')}"
                yield Finding(rule.id, rule.category, rule.severity, rule.message.format(reason=why),
                              facts.location(p.index, m.start(), m.end()),
                              (Location(facts.path, w.quantity.span, f"当天：{w.quantity.figure.text}"),),
                              evidence={"date": w.quantity.figure.text, "weekday": m.group(), "reason": why})


def _weekday_in_the_text_year(w: When, p, written_at) -> str | None:
    """11月22日（周六） without a year, in an article whose date and year are known: wrong only when
    the weekday fits none of the years the date can be in (the year before or after, near the turn)."""
    m = written_weekday(p.text, w.quantity.figure.start, w.quantity.figure.end)
    at = written_at.get(p.article)
    if not m or at is None or not at[0].certain:
        return None
    years = years_near(w.month, w.day, at[0])
    if not years:
        return None
    actual = {y: WEEKDAYS[dt.date(y, w.month, w.day).weekday()] for y in years}
    if any(_weekday_wrong(When(None, y, w.month, w.day, False), m.group("w")) is None for y in years):
        return None
    shown = "、".join(f"{y}年{w.month}月{w.day}日是星期{a}" for y, a in actual.items())
    return f"按{at[1]}{at[0].text}，{shown}，文中写作{m.group('word')}"


def _leap_day_in_the_text_year(p, written_at) -> str | None:
    """2月29日 without a year, in an article whose date and year are known: impossible when none of
    the years it can be in near that date is a leap year."""
    at = written_at.get(p.article)
    if at is None or not at[0].certain:
        return None
    years = years_near(2, 28, at[0])
    if not years or any(calendar.isleap(y) for y in years):
        return None
    which = "、".join(f"{y}年" for y in years) + ("都" if len(years) > 1 else "")
    return f"按{at[1]}{at[0].text}，{which}不是闰年，没有2月29日"
