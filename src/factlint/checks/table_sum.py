"""Table rows and columns that do not add up (tab-separated or Markdown tables, see factlint.tables).

Recognised (each a `table-sum` claim; anything else in a table is not checked):
- a row labelled 总计/合计/小计 ((七)总计): the rows above it, from the first row numbered like it
  ((一)) or from the first row under the header, add up to it, column by column;
- a header naming 总计/合计 N times over rows of N×k figures (k ≥ 3): in each group of k cells
  the last is the sum of the others (信息公开年报: 自然人 … 其他 | 总计; 维持 纠正 其他 尚未审结 | 总计);
  with no such header, when every row but one (and three with a non-zero last cell) reads so, the
  odd row is reported;
- rows naming every member of a complete series (第一产业/第二产业/第三产业) under the row just
  above them (地区生产总值): the members add up to it; the rows between one member and the
  next are parts of it, which may be partial, so only a sum above that member is reported (a row
  of no figures, 分行业 -- -- --, ends them: what follows is another breakdown);
- 其中： rows: the rows from 其中 to the next 其中 are parts of the last row above them that is
  nobody's part (a 总计 row heading the table followed by 其中 rows is read only so: its 其中 groups
  are several breakdowns, 采矿业 制造业 电力 | 国有控股企业 | 股份制企业 外商投资企业, not one list) (总人口 其中：非农业 农业 其中：男性 女性 — two breakdowns of one total);
  complete only for a complementary pair (男/女, 农业/非农业), else a sum above is reported;
- a # row (of which) is never larger than the nearest row above it without #.
Columns whose header names a rate (同比增长, 比重, %) are never added.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..document import Span
from ..facts import DocumentFacts
from ..findings import Finding, Location
from ..parts import complete
from ..lexicon import arithmetic_words
from ..tables import MARKER, TOTAL_LABEL, Cell, Row, Table, find

KIND = "table-sum"
SCOPE = "document"

TOTAL_IN_HEADER = regex.compile(r"总\s*计|合\s*计|小\s*计")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def tables(facts: DocumentFacts) -> list[Table]:
    """The document's tables (read again each time: cheap, and kept out of the corpus cache)."""
    text = facts.doc.text
    return find(text) if "\t" in text or "|" in text else []


def _fmt(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def _exact(t: Table) -> bool:
    """Integer cells are counts, not rounded amounts, in a table without decimals or 万/亿 units (信息公开年报)."""
    return not regex.search(r"[万亿千百]", t.unit + t.header) and all(c.decimals == 0 for r in t.data for c in r.figures)


def _claim(total: Cell, parts: list[Cell], why: str, complete_: bool, labels: list[str], total_label: str,
           exact: bool = False) -> Claim:
    if exact:
        total = Cell(total.text, total.span, total.value, 9)
        parts = [Cell(c.text, c.span, c.value, 9) for c in parts]
    low = sum(c.low for c in parts)
    high = sum(c.high for c in parts)
    d = 0 if exact else max(c.decimals for c in [total, *parts])
    value = sum(c.value for c in parts)
    tol = 1e-9 * max(1.0, abs(total.value))
    if low <= total.high + tol and total.low <= high + tol:
        holds = True
    elif high < total.low and not complete_:
        holds = None  # a partial list may fall short of its total
    else:
        holds = False
    roles = (Role("total", f"{total_label} {total.text}".strip(), total.span),
             *(Role("part", f"{lab} {c.text}".strip(), c.span) for lab, c in zip(labels, parts)))
    detail = " + ".join(c.text for c in parts) + f" = {_fmt(value, d)}，总数 {total.text}"
    return Claim("table-sum", Span(min(c.span.start for c in [total, *parts]), max(c.span.end for c in [total, *parts])),
                 roles, holds, why + ("" if complete_ else "（分项可能不全）"), detail)


def _column(rows: list[Row], k: int) -> list[Cell] | None:
    cells = []
    for r in rows:
        figs = r.figures
        if k >= len(figs):
            return None
        cells.append(figs[k])
    return cells


def _level(label: str) -> str:
    """The numbering style of a row label: "（一）", "一、", "1.", "#" or ""."""
    m = MARKER.match(label)
    if not m:
        return ""
    s = m.group()
    return "（一）" if s[0] in "（(" else "一、" if s[-1] == "、" and not s[0].isdigit() else "#" if s in "#＃" else "1."


def _columns(t: Table, total: Row, parts: list[Row]) -> Iterator[int]:
    for k in range(len(total.figures)):
        if t.additive(k) and _column(parts, k) is not None:
            yield k


def _readings(parts: list[Row]) -> list[list[Row]]:
    """The ways a list of rows may add up when indentation is lost: every row (leaves only), the rows of
    the first row's numbering level (sub-rows hold their own subtotals), the rows not marked 其中/#."""
    out = [parts]
    level = _level(parts[0].label)
    same = [r for r in parts if _level(r.label) == level]
    unmarked = [r for r in parts if not r.label.startswith(("其中", "#", "＃"))]
    for alt in (same, unmarked):
        if 1 <= len(alt) < len(parts) and alt not in out:
            out.append(alt)
    return out


def _total_claims(t: Table, r: Row, parts: list[Row]) -> Iterator[Claim]:
    """One claim per column: holds when any reading of the parts adds up (else the all-rows reading, broken)."""
    for k in range(len(r.figures)):
        if not t.additive(k):
            continue
        claims_k = [_claim(r.figures[k], _column(alt, k), f"“{r.core}”行", True, [p.core for p in alt], r.core, _exact(t))
                    for alt in _readings(parts) if _column(alt, k) is not None]
        if claims_k:
            yield next((c for c in claims_k if c.holds), claims_k[0])


def _is_total(row: Row) -> bool:
    """总计, （七）总计, 收入合计: a row that names itself a total."""
    core = row.core
    return bool(TOTAL_LABEL.match(core)) or (len(core) <= 8 and bool(regex.search(r"(?:合计|总计|小计)$", core)))


def _total_rows(t: Table) -> Iterator[Claim]:
    data = t.data
    totals = [i for i, r in enumerate(data) if _is_total(r)]
    top = bool(totals) and totals[0] == 0 and not _level(data[0].label)  # 合计 first: totals head their rows
    for n, i in enumerate(totals):
        r = data[i]
        level = _level(r.label)
        if level:
            # （七）总计: from the first row numbered like it, （一）
            start = next((j for j in range(i - 1, -1, -1) if _level(data[j].label) == level
                          and regex.match(r"^[（(]一[）)]|^一、|^1[.．、]", data[j].label)), None)
            if start is None:
                continue
            parts = data[start:i]
        elif top:
            parts = data[i + 1:totals[n + 1] if n + 1 < len(totals) else len(data)]
            if parts and parts[0].label.startswith("其中"):
                continue  # 总计 其中：采矿业 制造业 … 其中：国有控股企业: breakdowns of it, read by _of_which
        else:
            # from the last total row above, else from the first row under the header
            parts = data[(totals[n - 1] + 1 if n else 0):i]
        if len(parts) >= 2:
            yield from _total_claims(t, r, parts)


def _row_sums(t: Table) -> Iterator[Claim]:
    n = len(TOTAL_IN_HEADER.findall(t.header))
    if n == 0:
        yield from _usual_row_sums(t)
        return
    for r in t.data:
        figs = r.figures
        if len(figs) != len(r.cells) or len(figs) % n or len(figs) // n < 3:
            continue
        k = len(figs) // n
        for g in range(n):
            group = figs[g * k:(g + 1) * k]
            yield _claim(group[-1], list(group[:-1]), "表头“总计”列", True,
                         [f"{r.core} 第{g * k + j + 1}列" for j in range(k - 1)], f"{r.core} 第{(g + 1) * k}列", _exact(t))


def _usual_row_sums(t: Table) -> Iterator[Claim]:
    """No header says so, but in all rows but one (and at least three with a non-zero last cell) the
    last cell is the sum of the others: the table is read that way, and the odd row is broken."""
    rows = [r for r in t.data if len(r.figures) >= 3 and len(r.figures) == len(r.cells)]
    if len(rows) < 4 or len({len(r.figures) for r in rows}) != 1:
        return
    if any(t.additive(k) is not True for k in range(len(rows[0].figures))):
        return
    exact = _exact(t)
    claims = [_claim(r.figures[-1], list(r.figures[:-1]), "多数行末列为前几列之和", True,
                     [f"{r.core} 第{j + 1}列" for j in range(len(r.figures) - 1)], f"{r.core} 末列", exact) for r in rows]
    good = [c for c, r in zip(claims, rows) if c.holds and r.figures[-1].value]
    if len(good) >= 3 and sum(not c.holds for c in claims) <= 1:
        yield from claims


def _series(t: Table) -> Iterator[Claim]:
    data = t.data
    labels = [r.core for r in data]
    for members in arithmetic_words()["series"]:
        idx = []
        for m in members:
            hits = [i for i, lab in enumerate(labels) if lab.startswith(m)]
            if len(hits) != 1:
                break
            idx.append(hits[0])
        else:
            if idx != sorted(idx) or idx[0] == 0:
                continue
            parent = data[idx[0] - 1]
            if parent.label.startswith(("#", "＃", "其中")):
                continue
            rows = [data[i] for i in idx]
            for k in _columns(t, parent, rows):
                yield _claim(parent.figures[k], _column(rows, k), "/".join(members), True,
                             [r.core for r in rows], parent.core)
            ends = idx[1:] + [len(data)]
            # a row of no figures inside the table (分行业 -- -- --) heads a new breakdown: the rows
            # under it are no longer parts of the member above it
            breaks = [r.line for r in t.rows if not r.is_data and r.label and r.line > data[0].line]
            for i, end in zip(idx, ends):
                subs = [s for s in data[i + 1:end] if not any(data[i].line < b < s.line for b in breaks)]
                if len(subs) < 2 or any(s.label.startswith(("#", "＃", "其中")) for s in subs):
                    continue
                for k in _columns(t, data[i], subs):
                    yield _claim(data[i].figures[k], _column(subs, k), f"“{data[i].core}”下的分行", False,
                                 [s.core for s in subs], data[i].core)


def _of_which(t: Table) -> Iterator[Claim]:
    data = t.data
    groups: list[tuple[int, list[int]]] = []  # (total row, member rows)
    owner = None
    for i, r in enumerate(data):
        if r.label.startswith("其中"):
            if groups and groups[-1][1] and owner is None:
                owner = groups[-1][0]
            total = owner if owner is not None else (i - 1 if i else None)
            if total is None or data[total].label.startswith("其中"):
                return
            owner = total
            groups.append((total, [i]))
        elif _level(r.label) in ("一、", "（一）", "1.") or TOTAL_LABEL.match(r.core):
            owner = None  # a numbered row or a total ends the 其中 groups above it
            groups.append((i, []))
        elif groups and groups[-1][1] and data[groups[-1][1][0]].label.startswith("其中"):
            groups[-1][1].append(i)
    for total, members in groups:
        rows = [data[i] for i in members]
        if not rows:
            continue
        why = complete([r.core for r in rows]) if len(rows) >= 2 else ""
        if not why:
            # where the rows under 其中 stop is not known (粮食 其中：水稻 玉米 … 油料): each one alone is no larger
            for row in rows:
                yield from _not_above(t, data[total], row, "其中行不大于其总数行")
            continue
        for k in _columns(t, data[total], rows):
            yield _claim(data[total].figures[k], _column(rows, k), f"其中：{why}", True,
                         [r.core for r in rows], data[total].core)


def _not_above(t: Table, parent: Row, r: Row, why: str) -> Iterator[Claim]:
    for k in _columns(t, parent, [r]):
        part, whole = r.figures[k], parent.figures[k]
        yield Claim("table-sum", Span(whole.span.start, part.span.end),
                    (Role("total", f"{parent.core} {whole.text}", whole.span), Role("part", f"{r.core} {part.text}", part.span)),
                    part.low <= whole.high, why, f"{part.text} ≤ {whole.text}")


def _hash_rows(t: Table) -> Iterator[Claim]:
    data = t.data
    for i, r in enumerate(data):
        if not r.label.startswith(("#", "＃")):
            continue
        parent = next((data[j] for j in range(i - 1, -1, -1) if not data[j].label.startswith(("#", "＃"))), None)
        if parent is not None:
            yield from _not_above(t, parent, r, "#（其中）行不大于其上一行")


def _identities(t: Table) -> Iterator[Claim]:
    """本年新收 + 上年结转 = 总计 + 结转下年度 (rules/lexicon/arithmetic.toml, table_identities)."""
    data = t.data
    for left, right in arithmetic_words().get("table_identities", []):
        rows = []
        for names in (left, right):
            side = []
            for name in names:
                hits = [r for r in data if name in r.core]
                if len(hits) != 1:
                    break
                side.append(hits[0])
            rows.append(side)
        if len(rows[0]) != len(left) or len(rows[1]) != len(right):
            continue
        width = {len(r.figures) for r in rows[0] + rows[1]}
        if len(width) != 1:
            continue
        for k in range(width.pop()):
            if not t.additive(k):
                continue
            a = [r.figures[k] for r in rows[0]]
            b = [r.figures[k] for r in rows[1]]
            sa, sb = sum(c.value for c in a), sum(c.value for c in b)
            tol = 0 if _exact(t) else sum(0.5 * 10 ** -c.decimals for c in a + b)
            detail = " + ".join(c.text for c in a) + " = " + f"{sa:g}" + "，而 " + " + ".join(c.text for c in b) + f" = {sb:g}"
            yield Claim("table-sum", Span(min(c.span.start for c in a + b), max(c.span.end for c in a + b)),
                        (Role("total", f"{rows[1][0].core} {b[0].text}", b[0].span),
                         *(Role("part", f"{r.core} {c.text}", c.span) for r, c in zip(rows[0] + rows[1][1:], a + b[1:]))),
                        abs(sa - sb) <= tol + 1e-9, "+".join(left) + " = " + "+".join(right), detail)


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    for t in tables(facts):
        yield from _identities(t)
        yield from _row_sums(t)
        yield from _total_rows(t)
        yield from _series(t)
        yield from _of_which(t)
        yield from _hash_rows(t)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    seen: set[tuple[int, int]] = set()
    for c in claims(rule, facts):
        if c.holds is not False:
            continue
        total = c.roles[0]
        key = (total.span.start, total.span.end)
        if key in seen:
            continue
        seen.add(key)
        yield Finding(
            rule.id, rule.category, rule.severity, rule.message.format(formula=c.detail, why=c.why),
            Location(facts.path, total.span, total.text),
            tuple(Location(facts.path, r.span, f"分项：{r.text}") for r in c.roles[1:]),
            evidence={"formula": c.detail, "structure": c.why, "total": total.text,
                      "parts": [r.text for r in c.roles[1:]]},
        )
