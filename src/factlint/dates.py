"""Reading date and time facts: 2023年12月26日 → (2023, 12, 26); years carried to later dates."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import regex

from .facts import DocumentFacts, Quantity

DATE = regex.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})[日号])?")
TIME = regex.compile(r"(?P<h>\d{1,2})[时点](?:(?P<mi>\d{1,2})分)?")
# 12月26日（星期二）; not the first day of a run of weekdays (12月26日，周一至周五)
_NOT_A_RUN = r"(?![至到～~—\-、和或及与])"
WEEKDAY = regex.compile(r"\s*[（(，,]?\s*(?P<word>(?:星期|周|礼拜)(?P<w>[一二三四五六日天]))" + _NOT_A_RUN)
WEEKDAYS = "一二三四五六日"
# 本周六（11月22日）: the weekday written before the date, the date in brackets
WEEKDAY_BEFORE = regex.compile(r"(?<![至到～~—\-、和或及与])(?P<word>(?:星期|周|礼拜)(?P<w>[一二三四五六日天]))\s*[（(]\s*\Z")
CLOSE = regex.compile(r"\s*[）)]")
# 当天是周日: the weekday of the day the text last named
WEEKDAY_BACK = regex.compile(r"(?:当天|当日|那天|这天|这一天|是日)(?:正好|恰好|恰逢|正逢|适逢)?(?:是|为|逢)?"
                             r"(?P<word>(?:星期|周|礼拜)(?P<w>[一二三四五六日天]))" + _NOT_A_RUN)
# 二〇〇九年六月十九日: dates in Chinese numerals, as official documents sign them; a year with a
# damaged digit (二??九年) is not a year, and the month and day are then read without one
CN_DATE = regex.compile(
    r"(?<![〇零○一二三四五六七八九十])(?:(?P<y>[〇零○一二三四五六七八九]{4})年)?"
    r"(?P<m>十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
LUNAR_BEFORE = regex.compile(r"(?:农历|阴历|夏历|旧历)\S{0,6}\Z")  # 农历二月三十日 is a lunar date
# words that move 当天 off the last date named: 12日, 次日, 第二天 …
DAY_SHIFT = regex.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]|次日|翌日|第二天|隔天|前一天|前天|昨天|昨日|今天|今日|明天|明日|后天")
# 本台今天（11月6日）播发…: the text says which day it is written on
TODAY = regex.compile(r"(?:今天|今日)\s*[（(]\s*(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*[）)]")
AS_OF_BEFORE = regex.compile(r"截[至止](?:到|至)?\s*\Z")  # 截至 / 截止到 just before a date: the date a status holds at
# a dateline names the day the text was written: 新华社北京11月5日电
DATELINE_AFTER = regex.compile(r"\A\s*[）)]?\s*电")


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
    fold = text.translate(str.maketrans("０１２３４５６７８９", "0123456789", " \u3000"))
    m = DATE.search(fold)
    if not m or not m.group():
        return None, None, None
    return tuple(int(g) if g else None for g in (m.group("y"), m.group("m"), m.group("d")))


def cn_value(s: str) -> int:
    """十一 → 11, 二十九 → 29, 三十 → 30 (the small numbers of a month or day)."""
    if "十" not in s:
        return _CN_DIGIT[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def cn_dates(text: str) -> Iterator[tuple[regex.Match, int | None, int, int]]:
    """Dates in Chinese numerals: (match, year or None, month, day)."""
    for m in CN_DATE.finditer(text):
        y = int("".join(str(_CN_DIGIT[c]) for c in m.group("y"))) if m.group("y") else None
        yield m, y, cn_value(m.group("m")), cn_value(m.group("d"))


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


@dataclass(frozen=True)
class Day:
    """A day as precisely as it is known; `certain` when its year was written with it (or configured)."""

    year: int | None
    month: int | None
    day: int | None
    certain: bool
    text: str

    @classmethod
    def of(cls, w: When) -> "Day":
        text = w.quantity.figure.text
        month = w.month
        if month is None and w.year and regex.search(r"年(?:底|末)", text):
            month = 12  # 2008年底: December, to the month (a text of 12月30日 may say 截至年底)
        return cls(w.year, month, w.day, bool(w.year) and not w.year_inherited, text)

    @classmethod
    def iso(cls, s: str, text: str) -> "Day":
        d = dt.date.fromisoformat(s)
        return cls(d.year, d.month, d.day, True, text)


def written_weekday(text: str, start: int, end: int) -> regex.Match | None:
    """The weekday written with the date at text[start:end], after it (12月26日（星期二）) or before
    it with the date in brackets (周六（11月22日）): a match with groups `word` and `w`."""
    m = WEEKDAY.match(text, end)
    if m:
        return m
    m = WEEKDAY_BEFORE.search(text, 0, start)
    return m if m and CLOSE.match(text, end) else None


def surely_after(a: Day, b: Day, window: int = 92, by_year: bool = True) -> bool:
    """Is day a certainly later than day b, to the precision both are written with?

    With both years written, the dates are compared as they stand. When either year is missing, both
    are read in one year, and a is taken as later only when it falls at most `window` days after b:
    a date that would be much later in the same year is more likely in the year before (自12月28日以来
    in a text as of 1月7日), so unknown stays unknown. Years alone are compared only when `by_year`."""
    if a.month is None or b.month is None:
        return bool(by_year and a.certain and b.certain and a.year > b.year)
    if a.certain and b.certain:
        if a.day is None or b.day is None:
            return (a.year, a.month) > (b.year, b.month)
        return (a.year, a.month, a.day) > (b.year, b.month, b.day)
    if a.day is None or b.day is None:
        return 0 < a.month - b.month <= window // 31
    try:
        gap = (dt.date(2024, a.month, a.day) - dt.date(2024, b.month, b.day)).days
    except ValueError:
        return False
    return 0 < gap <= window


def today(facts: DocumentFacts) -> Day | None:
    """The day the text says it is written on (今天（11月6日）), when it names only one."""
    fold = str.maketrans("０１２３４５６７８９", "0123456789")
    seen = {(m.group("y"), int(m.group("m")), int(m.group("d")), m.group("m") + "月" + m.group("d") + "日")
            for p in facts.segments.paragraphs if "今" in p.text for m in TODAY.finditer(p.text.translate(fold))}
    if len({k[:3] for k in seen}) != 1:
        return None
    y, m, d, text = seen.pop()
    return Day(int(y) if y else None, m, d, bool(y), (f"{y}年" if y else "") + text)


def document_dates(facts: DocumentFacts) -> dict[int, tuple[Day, str]]:
    """The date each article is written as of, and where it comes from, per article index, from
    positive evidence only.

    In order: the publication date from config or --date; the dateline or date line under the title
    that context.py read (新华社北京2007年3月17日电, ——2006年3月5日在…); the day the text calls today
    (本台今天（11月6日）播发…, when it names only one); a dateline without a year
    (新华社北京11月5日电); a date after 截至/截止 in the headline (“送双运动鞋”公示：截止6月7日…),
    which the whole article reports at. An article with none of them has no known date."""
    segs = facts.segments
    out: dict[int, tuple[Day, str]] = {}
    if facts.published:
        day = Day.iso(facts.published, facts.published)
        return {a.index: (day, "配置的发布日期") for a in segs.articles}
    for a in getattr(facts.context, "articles", ()):
        try:
            out[a.index] = (Day.iso(a.published, a.published), "文章日期")
        except ValueError:
            pass  # no date, only a year or month, or an impossible one (the impossible-date rule says so)
    if (now := today(facts)) is not None:
        for a in segs.articles:
            out.setdefault(a.index, (now, "文中“今天”的日期"))
    for w in dates(facts):
        q = w.quantity
        p = segs.paragraphs[q.paragraph]
        art = segs.articles[p.article]
        if p.article in out or w.month is None or w.day is None:
            continue
        before, after = p.text[:q.figure.start], p.text[q.figure.end:]
        if DATELINE_AFTER.match(after) and regex.search(r"(?:社|报|网|台)\p{Han}{0,6}\Z", before):
            out[p.article] = (Day.of(w), "电头日期")
        elif (p.heading and q.paragraph < art.first_paragraph + 3 and AS_OF_BEFORE.search(before)):
            out[p.article] = (Day.of(w), "标题中的截至日期")
    return out


def years_near(month: int, day: int, at: Day, before: int = 270, after: int = 90) -> list[int]:
    """The years a date written without one can be in, for a text dated `at` (a year known): those
    that put it at most `before` days before that date or `after` days after it."""
    ref = dt.date(at.year, at.month or 7, at.day or 1)
    out = []
    for y in (at.year - 1, at.year, at.year + 1):
        try:
            gap = (dt.date(y, month, day) - ref).days
        except ValueError:
            continue
        if -before <= gap <= after:
            out.append(y)
    return out
