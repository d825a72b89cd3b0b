"""An event said to end before it began: 20时，开幕式正式开始 … 19时27分，开幕式圆满结束.

Recognised, in one paragraph: a start (a clock time opening a clause, then the event and 开始,
开幕, 举行 or 启动 — 20时，第十五届全运会开幕式正式开始; or the event, 于, the time and the start
word — 会议于上午9时开始) and, after it, an end of the same event in either form (结束, 闭幕,
落幕, 散会). The same event is the same words, or one ending the other (第十五届全运会开幕式 /
开幕式). The end time must not be before the start time.

Silent when the day may change between them: 次日, 翌日, 第二天, 当晚, 凌晨 or 午夜 between or at
the end, or a date between for an event that may last days (a 运动会 or 博览会 may close days later;
a ceremony, 晚会 or 发布会 ends the day it begins, whatever earlier day the story recalls between);
and when only one of the two times says its half of the day (晚8时 … 10时) unless the other is
written on the 24-hour clock (下午3时 … 14时30分). A time said to be about (20时许, 9时左右) allows
half an hour.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..facts import DocumentFacts
from ..findings import Finding

KIND = "event-order"
SCOPE = "document"

_TIME = (r"(?P<t>(?P<ap>上午|下午|中午|晚上|晚间|晚|傍晚|早上|早晨|清晨|凌晨|深夜|夜间)?"
         r"(?:(?P<h>\d{1,2})[时点](?:(?P<mi>\d{1,2})分|(?P<half>半))?|(?P<hh>\d{1,2})[:：](?P<mm>\d{2}))(?:许|整|左右)?)")
_EV = r"(?P<ev>[\p{Han}“”《》]{2,24}?)"
_STOP = r"(?=[，,。；;！]|$)"
# the time opens its clause: after a sentence or clause mark, or at the paragraph start
_OPEN = r"(?:(?<=^|[。；;！？，,：:])\s*)"
_BEGIN = r"(?:正式|隆重|准时)?(?:开始|开幕|举行|启动)"
_FINISH = r"(?:圆满|胜利|顺利)?(?:结束|闭幕|落幕|散会)"
_ON = r"(?:于|在)(?:今天|今日|当天|当日|当晚)?"
STARTS = (regex.compile(_OPEN + _TIME + r"\s*[，,]?\s*" + _EV + r"(?:在[^，,。；;]{0,20}?)?" + _BEGIN + _STOP),
          regex.compile(_EV + _ON + _TIME + _BEGIN + _STOP))
ENDS = (regex.compile(_OPEN + _TIME + r"\s*[，,]?\s*" + _EV + r"(?:在[^。；;]{0,40}?)?" + _FINISH + _STOP),
        regex.compile(_EV + _ON + _TIME + _FINISH + _STOP))
DAY_TURN = regex.compile(r"次日|翌日|第二天|隔天|当晚|凌晨|午夜|零时")
DATE_BETWEEN = regex.compile(r"\d{1,2}\s*[日号]")
# an event held in one sitting ends the day it begins, whatever earlier day the story recalls between
ONE_SITTING = regex.compile(r"(?:仪式|典礼|开幕式|闭幕式|晚会|演出|发布会|座谈会|见面会|会见|会谈|直播|升旗)\Z")
PM = ("下午", "晚上", "晚间", "晚", "傍晚", "深夜", "夜间")


@dataclass(frozen=True, slots=True)
class Options:
    pass


@dataclass(frozen=True, slots=True)
class Mark:
    event: str
    time: str
    ap: str  # the half of the day written with the time ("" none)
    hour: int
    minute: int
    start: int  # the time's span in the paragraph
    end: int
    after: int  # where the whole phrase ends


def _marks(patterns, text: str) -> list[Mark]:
    out = []
    for pat in patterns:
        for m in pat.finditer(text):
            h = int(m.group("h") or m.group("hh"))
            mi = int(m.group("mi") or m.group("mm") or (30 if m.group("half") else 0))
            if h > 24 or mi > 59:
                continue
            out.append(Mark(m.group("ev").strip("“”《》"), m.group("t"), m.group("ap") or "", h, mi,
                            m.start("t"), m.end("t"), m.end()))
    return sorted(out, key=lambda k: k.start)


def _minutes(k: Mark) -> int:
    h = k.hour + 12 if k.ap in PM and k.hour < 12 else k.hour
    return h * 60 + k.minute


def _same_event(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= 2 and long_.endswith(short)) or (len(short) >= 3 and long_.startswith(short))


def _comparable(s: Mark, e: Mark) -> bool:
    """Both times say their half of the day, neither does, or the bare one is on the 24-hour clock."""
    if bool(s.ap) == bool(e.ap):
        return True
    bare = e if s.ap else s
    return bare.hour >= 13


@dataclass(frozen=True, slots=True)
class Pair:
    paragraph: int
    begins: Mark
    ends: Mark
    holds: bool | None  # None: recognised, but the day may change or the half of the day is unknown
    why: str


def pairs(facts: DocumentFacts) -> Iterator[Pair]:
    """Every start and end of one event recognised in a paragraph, with whether the order holds."""
    for p in facts.segments.paragraphs:
        text = p.text
        if not any(w in text for w in ("结束", "闭幕", "落幕", "散会")):
            continue
        ends = _marks(ENDS, text)
        if not ends:
            continue
        for s in _marks(STARTS, text):
            e = next((e for e in ends if e.start > s.after and _same_event(s.event, e.event)), None)
            if e is None:
                continue
            if not _comparable(s, e):
                yield Pair(p.index, s, e, None, "只有一个时刻写明上午/下午")
            elif e.ap == "凌晨" or DAY_TURN.search(text, s.after, e.after):
                yield Pair(p.index, s, e, None, "中间可能跨日")
            elif DATE_BETWEEN.search(text, s.after, e.start) and not ONE_SITTING.search(e.event):
                yield Pair(p.index, s, e, None, "中间另有日期，活动可能持续多日")
            else:
                # 20时许 is about 20时: an end within half an hour before it may still be after it
                slack = 30 if any(w in k.time for k in (s, e) for w in ("许", "左右")) else 0
                ok = _minutes(e) >= _minutes(s) - slack
                yield Pair(p.index, s, e, ok, f"{s.time}开始，{e.time}结束")


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    for k in pairs(facts):
        loc = facts.location
        yield Claim("event-times", loc(k.paragraph, k.begins.start, k.ends.end).span,
                    (Role("begins", k.begins.time, loc(k.paragraph, k.begins.start, k.begins.end).span),
                     Role("ends", k.ends.time, loc(k.paragraph, k.ends.start, k.ends.end).span)),
                    k.holds, k.why, k.ends.event)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for k in pairs(facts):
        if k.holds is not False:
            continue
        s, e = k.begins, k.ends
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(event=e.event, start=s.time, end=e.time),
            facts.location(k.paragraph, e.start, e.end),
            (facts.location(k.paragraph, s.start, s.end, f"开始：{s.time}"),),
            evidence={"event": e.event, "begins": s.time, "ends": e.time},
        )
