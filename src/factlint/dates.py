"""Reading date and time facts: 2023年12月26日 → (2023, 12, 26); years carried to later dates."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex

from .facts import DocumentFacts, Quantity

DATE = regex.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})[日号])?")
TIME = regex.compile(r"(?P<h>\d{1,2})[时点](?:(?P<mi>\d{1,2})分)?")
WEEKDAY = regex.compile(r"\s*[（(，,]?\s*(?:星期|周|礼拜)(?P<w>[一二三四五六日天])")
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class When:
    quantity: Quantity
    year: int | None
    month: int | None
    day: int | None
    year_inherited: bool  # the year comes from an earlier date in the paragraph

    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def parse(text: str) -> tuple[int | None, int | None, int | None]:
    fold = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    m = DATE.search(fold)
    if not m or not m.group():
        return None, None, None
    return tuple(int(g) if g else None for g in (m.group("y"), m.group("m"), m.group("d")))


def dates(facts: DocumentFacts) -> list[When]:
    """Every single date of the document (not spans of years), years carried within a paragraph."""
    out = []
    year_in_para: dict[int, int] = {}
    for q in facts.quantities:
        if q.kind != "date" or regex.search(r"[—–\-~至到]", q.figure.text):
            continue
        y, m, d = parse(q.figure.text)
        inherited = False
        if y is None and m is not None and q.paragraph in year_in_para:
            y, inherited = year_in_para[q.paragraph], True
        if y is not None and not inherited:
            year_in_para[q.paragraph] = y
        out.append(When(q, y, m, d, inherited))
    return out


def impossible(w: When) -> str | None:
    """Why a written date cannot exist, or None."""
    if w.month is not None and not 1 <= w.month <= 12:
        return f"没有{w.month}月"
    if w.month and w.day is not None:
        if w.day < 1:
            return f"没有{w.month}月{w.day}日"
        leap_year = w.year if (w.year and not w.year_inherited) else 2024  # unknown year: allow 2月29日
        days = calendar.monthrange(leap_year, w.month)[1]
        if w.day > days:
            if w.month == 2 and w.day == 29:
                return f"{w.year}年不是闰年，没有2月29日"
            if w.month == 2 and not (w.year and not w.year_inherited):
                return f"2月没有{w.day}日"
            return f"{w.month}月只有{days}天，没有{w.month}月{w.day}日"
    return None


def latest(facts: DocumentFacts) -> tuple[tuple[int, int, int], str] | None:
    """The latest date written in the document, to any precision, and how it was written."""
    found = [((w.year, w.month or 0, w.day or 0), w.quantity.figure.text) for w in dates(facts) if w.year]
    return max(found) if found else None
