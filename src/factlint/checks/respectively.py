"""分别: the subjects listed before it and the values after it must be as many.

农村劳动力、脱贫劳动力、易地搬迁劳动力转移就业率分别达86.90%、89.19%、92.18% (3 and 3);
…转移就业人数、省外就业人数分别占全省的六分之一和三分之一 (2 and 2); 陈艾森、尤俊贤、袁轩云分别
代表…运动员、教练员、裁判员宣誓 (3 people, 3 roles). Subjects are split on 、; a final 和/及/与
may join two subjects or sit inside one (酒和饮料制造业, 文化和旅游局), so both readings are tried
and a finding needs both to disagree; a count word among the subjects (城镇和农村两类居民) decides.
Where 分别 opens its clause, the subjects are the figures of the clause before (接待游客3.2亿人次、
旅游收入2.1万亿元，分别增长5%、7%). Values are the figures right after 分别, joined by 、 和 及 与
(高于全国3.5个、2个百分点 is two values: the first unit is elided), or else a list of names after
its verb (分别代表…运动员、教练员、裁判员). One value after two subjects says the same of both:
no finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..enumerations import COUNT_INSIDE, JOIN, _is_join, subjects_before
from ..facts import DocumentFacts
from ..findings import Finding, Location
from ..numbers import cn_to_number

KIND = "respectively"
SCOPE = "document"

CLAUSE_START = set("，,；;。！？!?：:（(")
CLAUSE_END = regex.compile(r"[，,；;。！？!?：:]")
VALUE_GAP = regex.compile(r"\s*(?:、|和|及|与|以及|，|,)?\s*")


@dataclass(frozen=True, slots=True)
class Options:
    max_gap: int = 8  # characters between 分别 and its first value (分别占全省的 …)


def _same_kind(a, b) -> bool:
    """Two values of one list: the same dimension, or a first value whose unit is elided (3.5个、2个百分点)."""
    fa, fb = a.figure, b.figure
    return fa.dimension == fb.dimension or (bool(fa.unit_text) and fb.unit_text.startswith(fa.unit_text))


COMPARED = regex.compile(r"(?:比|较|高于|低于|超过|快于|慢于|少于|多于)((?:\p{Han}{1,8}、)+\p{Han}{1,8}?)(?:高|低|快|慢|多|少|增长|下降)?")


def _compared(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """分别高于全国、全省3.5个、2个百分点: the things compared with stand after 分别."""
    m = COMPARED.fullmatch(text, start, end)
    if not m:
        return None
    out, s = [], m.start(1)
    for k in range(m.start(1), m.end(1) + 1):
        if k == m.end(1) or text[k] == "、":
            out.append((s, k))
            s = k + 1
    return out


def _values(p, figs, m, max_gap):
    after = [q for q in figs if q.figure.start >= m.end()]
    if not after:
        return None
    if after[0].figure.start - m.end() > max_gap and not _compared(p.text, m.end(), after[0].figure.start):
        return None
    if any(c in CLAUSE_START for c in p.text[m.end():after[0].figure.start]):
        return None
    values = [after[0]]
    for q in after[1:]:
        if VALUE_GAP.fullmatch(p.text[values[-1].figure.end:q.figure.start]) and _same_kind(values[-1], q):
            values.append(q)
        else:
            break
    return values


def _name_list(text: str, start: int) -> tuple[list[tuple[int, int]], int] | None:
    """分别代表参加第十五届全运会的运动员、教练员、裁判员宣誓: the 、 list in 分别's clause."""
    stop = CLAUSE_END.search(text, start)
    end = stop.start() if stop else len(text)
    body = text[start:end]
    if "、" not in body or regex.search(r"\d", body):
        return None
    first = body.index("、")
    head = body[:first]
    a = start + max(head.rfind("的") + 1, first - 6, 0)
    pieces, s = [], a
    for k in range(a, end + 1):
        if k == end or text[k] == "、":
            pieces.append((s, k))
            s = k + 1
    la, lb = pieces[-1]
    lb = min(lb, la + 6)
    pieces[-1] = (la, lb)
    joins = sum(1 for j in JOIN.finditer(text, la, lb) if j.group() != "以及" and _is_join(text, j))
    if any(b - a < 1 or b - a > 8 for a, b in pieces):
        return None
    return pieces, joins


def _figure_subjects(p, figs, m) -> list | None:
    """The figures 分别 refers back to, when its own clause names no subject: those of the clause
    before, joined by 、 or 和 (接待游客3.2亿人次、旅游收入2.1万亿元，分别增长…), or one figure in each
    of the clauses before, of one dimension (城镇居民人均可支配收入9422元，农村居民人均纯收入
    2936元，扣除价格因素，分别实际增长7.7%和6.8%)."""
    text = p.text
    k = m.start()
    own = max(text.rfind(c, 0, k) for c in "，,；;。：:") + 1
    if own == 0 or text[own - 1] not in "，," or regex.search(r"\p{Han}[、和及与]\p{Han}", text[own:k]):
        return None
    if any(own <= q.figure.start < k for q in figs):
        return None
    clauses = []  # (start, end) of the clauses before, nearest first, within the sentence
    end = own - 1
    while end > 0 and text[end] in "，,":
        start = max(text.rfind(c, 0, end) for c in "，,；;。：:") + 1
        clauses.append((start, end))
        if start == 0 or text[start - 1] not in "，,":
            break
        end = start - 1
    groups = [[q for q in figs if a <= q.figure.start and q.figure.end <= b] for a, b in clauses]
    if groups and not groups[0] and clauses[0][1] - clauses[0][0] <= 8:
        groups, clauses = groups[1:], clauses[1:]  # 扣除价格因素，分别…
    if not groups or not groups[0]:
        return None
    first = groups[0]
    if "分别" in text[clauses[0][0]:clauses[0][1]]:
        return None  # the values of an earlier 分别 (…分别下降4.42%和5.95%，比2005年分别下降…)
    if len(first) >= 2:
        for x, y in zip(first, first[1:]):
            if not regex.fullmatch(r"(?:、|和|及|与)\p{Han}{0,12}", text[x.figure.end:y.figure.start]):
                return None
        return first
    subj = []
    for (a, _), g in zip(clauses, groups):
        if len(g) != 1 or g[0].figure.dimension != first[0].figure.dimension or g[0].figure.kind == "percent":
            break
        subj.insert(0, g[0])
        if text.startswith("其中", a):
            break  # 总收入300元，其中工资100元，…: the total is not one of them
    return subj if len(subj) >= 2 else None


def _one_per_clause(text: str, subj) -> bool:
    return any(regex.search(r"[，,]", text[a.figure.end:b.figure.start]) for a, b in zip(subj, subj[1:]))


def _counted(text: str, a: int, b: int) -> int | None:
    """A count word among the subjects (城镇和农村两类居民): how many they are."""
    found = list(COUNT_INSIDE.finditer(text, a, b))
    if len(found) != 1:
        return None
    m = found[0]
    # the count must name the joined subjects just before it (城镇和农村两类), not be one of them (3家企业、5家银行)
    if not regex.search(r"(?:、|和|及|与)\p{Han}{1,6}$", text[a:m.start()]) or regex.search(r"\d", text[a:m.start()]):
        return None
    n = regex.match(r"\d+|[一二三四五六七八九十两]+", m.group()).group()
    v = int(n) if n.isdigit() else cn_to_number(n)
    return v if v and 2 <= v <= 12 else None


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    measured = facts.by_paragraph()
    for p in facts.segments.paragraphs:
        figs = measured.get(p.index, [])
        for m in regex.finditer("分别", p.text):
            values = _values(p, figs, m, rule.options.max_gap)
            joins = 0
            if values:
                vroles = [Role("value", q.figure.text, q.span) for q in values]
                single = len(values) < 2 and p.text[values[-1].figure.end:values[-1].figure.end + 1] not in "、和及与"
            else:
                named = _name_list(p.text, m.end())
                if not named:
                    continue
                pieces, joins = named
                vroles = [Role("value", p.text[a:b], p.span(a, b)) for a, b in pieces]
                single = False
            n = len(vroles)
            fig_subj = _figure_subjects(p, figs, m)
            compared = _compared(p.text, m.end(), values[0].figure.start) if values else None
            if compared:
                readings = [len(compared)]
                sroles = [Role("subject", p.text[a:b], p.span(a, b)) for a, b in compared]
                why = "分别后比较的对象"
            elif fig_subj:
                # one figure per clause: 分别 may take only the nearest of them
                several = _one_per_clause(p.text, fig_subj)
                readings = list(range(2, len(fig_subj) + 1)) if several else [len(fig_subj)]
                sroles = [Role("subject", q.figure.text, q.span) for q in fig_subj]
                why = "分别前一分句的数值"
            else:
                plain, split = subjects_before(p.text, m.start())
                if len(plain) < 2 and len(split) < 2:
                    continue
                if not values and any(b - a > 8 for a, b in split):
                    continue  # names after 分别 are matched only with short subjects (people, roles)
                counted = _counted(p.text, plain[0][0], plain[-1][1]) if plain else None
                readings = [counted] if counted else sorted({len(plain), len(split)})
                subjects = plain if abs(len(plain) - n) <= abs(len(split) - n) else split
                sroles = [Role("subject", p.text[a:b], p.span(a, b)) for a, b in subjects]
                why = "计数词定主语数" if counted else "分别前的主语"
            span = p.span(m.start(), m.end())
            if single:
                yield Claim("respectively", span, tuple(sroles + vroles), True, "一个数值对应各项", f"{readings} vs 1")
                continue
            holds = any(n <= k <= n + joins for k in readings)
            yield Claim("respectively", span, tuple(sroles + vroles), holds, why,
                        f"{'/'.join(map(str, readings))} vs {n}" + (f"～{n + joins}" if joins else ""))


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for c in claims(rule, facts):
        if c.holds is not False:
            continue
        subjects = [r for r in c.roles if r.role == "subject"]
        values = [r for r in c.roles if r.role == "value"]
        related = [Location(facts.path, r.span, f"主语 {i}：{r.text}") for i, r in enumerate(subjects, 1)]
        related += [Location(facts.path, r.span, f"数值 {i}：{r.text}") for i, r in enumerate(values, 1)]
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(subjects=len(subjects), values=len(values)),
            Location(facts.path, c.span), tuple(related),
            evidence={"subjects": [r.text for r in subjects], "values": [r.text for r in values]},
        )
