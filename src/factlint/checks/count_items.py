"""A count word that does not match the items it names: “六项举措” followed by five, 四位发起人 after five names.

The count word and its list are found by factlint.enumerations (see its docstring for the
forms): items just before the count (政治、为民、清廉、效能、创新“五型红会”; 任志强、潘石屹、陈坤、
刘春四位发起人) or in brackets after it (“三联系”(联系家长、联系老师、联系学生)); numbered points it
announces or sums up (以下六方面工作：（一）…（六）; 提出5点建议。一是…五是; 以上十条); a list of
the counted noun named further on (分送3间医院 … 屯门医院、北区医院及博爱医院).

A final 和/及/与 may join two items or one (政策和研究), so a list counts as its pieces or its
pieces plus such joins; 等 before the count means "among others": fewer items are fine, more are
not. Compound terms count by morpheme: “三亮三比” wants three items with 亮 and three with 比;
“四升三降一平” followed by a colon wants four clauses that rise (上涨), three that fall, one flat.

Silent where the structure is not certain: fixed terms that name a number (八项规定, 三个代表,
八项主张 — rules/lexicon/enumeration.toml) unless their items stand in brackets beside them; a
list joined by 的 that may describe rather than name (扩大内需、促进经济增长的十项措施) unless the
count is matched exactly; time and amount words (最近3个月, 3个百分点); numbered sections that
run to the end of the text (an excerpt may stop before the last of them); numbered points that
skip or repeat (the ordinal check reports those).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..claims import Claim, Role
from ..enumerations import colon_next_line, named_later, points, verdict
from ..facts import DocumentFacts
from ..findings import Finding, Location

KIND = "count-items"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _verdict(found, closed: bool = True) -> tuple[bool | None, str]:
    if not found.items:
        return None, "序号不连续或不从一开始，无法计数"
    holds, why = verdict(found)
    if holds is not False:
        return holds, why
    if not closed and len(found.items) < found.count:
        return None, "列表延续到文末，可能未完"
    return False, why


def _claim(facts: DocumentFacts, paragraph: int, found, item_paragraphs, closed: bool = True) -> Claim:
    p = facts.segments.paragraphs
    holds, why = _verdict(found, closed)
    roles = (Role("count", found.term, p[paragraph].span(found.start, found.end)),)
    roles += tuple(Role("item", it, p[ip].span(a, b))
                   for it, (a, b), ip in zip(found.items, found.item_spans, item_paragraphs))
    n = len(found.items)
    listed = f"{n}" if not found.joins else f"{n}～{n + found.joins}"
    return Claim("count", p[paragraph].span(found.start, found.end), roles, holds,
                 why or found.why, f"{found.count} vs {listed}" + (" (等)" if found.partial else ""))


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    paragraphs, articles = facts.segments.paragraphs, facts.segments.articles
    taken = set()
    for e in facts.enumerations:
        taken.add((e.paragraph, e.found.start))
        yield _claim(facts, e.paragraph, e.found, [e.paragraph] * len(e.items))
    tied = points(paragraphs, articles, taken)
    taken |= {(t.paragraph, t.found.start) for t in tied}
    tied += named_later(paragraphs, taken)
    taken |= {(t.paragraph, t.found.start) for t in tied}
    tied += colon_next_line(paragraphs, taken)
    for t in sorted(tied, key=lambda t: (t.paragraph, t.found.start)):
        yield _claim(facts, t.paragraph, t.found, t.item_paragraphs, t.closed)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for c in claims(rule, facts):
        if c.holds is not False:
            continue
        count = c.roles[0]
        items = c.roles[1:]
        related = tuple(Location(facts.path, r.span, f"第 {i} 项：{r.text}") for i, r in enumerate(items, 1))
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(reason=c.why, term=count.text),
            Location(facts.path, c.span), related,
            evidence={"count": int(c.detail.split(" vs ")[0]), "items": [r.text for r in items], "listed": len(items),
                      "partial": "(等)" in c.detail},
        )
