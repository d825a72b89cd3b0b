"""Figures that need not be equal but must be ordered, in one document or across the corpus.

- A to-date total cannot be below a count of one of its sub-periods: 截至目前累计培训3.2万人 in one
  article, 五年来新增培训4.1万人 in another about the same organisation.
- A whole cannot be below one of its parts stated elsewhere: 全市 (the article's own place) below
  市区 or 四县 (rules/lexicon/metrics.toml [context] sub_areas) for the same metric, period and role.
- A running total cannot shrink from an earlier report to a later one about the same organisation
  (both texts' publication dates known: a dateline, a date line under the title, or --date).
The same positive evidence as the conflict rules: the same place or organisation (context.py),
the same metric key of at least `min_metric_chars` characters, the same unit; the intervals of
the two figures must fail the order (超500万 is never below 600万). A subset (a figure of the
town-level bodies only, of 新增 in one year) is never taken for the whole.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location

KIND = "bounds"
SCOPE = "corpus"


@dataclass(frozen=True, slots=True)
class Options:
    min_metric_chars: int = 2


def _usable(q: Quantity, opts: Options) -> bool:
    f = q.figure
    return (f.kind == "quantity" and not f.chinese and f.low is not None and len(q.metric) >= opts.min_metric_chars
            and q.role in ("actual", "cumulative", "to") and bool(q.who) and not q.who.startswith("（"))


def _to_date(q: Quantity) -> bool:
    """截至目前累计…: a running total to the text's own day."""
    return q.scope_key == "now" and (q.stock == "cumulative" or q.role == "cumulative") and q.stock != "new"


def _below(a: Quantity, b: Quantity) -> bool:
    """a must be at least b, and cannot be."""
    tol = 1e-9 * max(abs(a.figure.value or 0), abs(b.figure.value or 0), 1)
    return a.figure.high + tol < b.figure.low


def _published(facts: DocumentFacts, q: Quantity) -> str:
    if facts.published:
        return facts.published
    ctx = facts.context
    return ctx.articles[q.article].published if ctx is not None else ""


def _pairs(corpus: list[DocumentFacts], opts: Options):
    """(document, whole-or-total, document, part-or-sub-period, why) that break the order."""
    groups: dict[tuple, list[tuple[int, Quantity]]] = defaultdict(list)
    for di, facts in enumerate(corpus):
        for q in facts.measurements():
            if _usable(q, opts):
                groups[(q.who, _metric(q), q.figure.unit)].append((di, q))
    for _key, members in sorted(groups.items()):
        for da, a in members:
            for db, b in members:
                if a is b:
                    continue
                # a to-date total and a 新增 count of a part of that time
                if _to_date(a) and b.stock == "new" and _below(a, b):
                    yield da, a, db, b, "sub-period"
                # the article's whole place and a part of it, same period and role
                elif (da == db and a.article == b.article and a.period == b.period and a.role == b.role
                      and a.subject == a.who and b.subject != a.who and "subject" in b.written
                      and _is_part(b.subject) and _below(a, b)):
                    yield da, a, db, b, "part"
                # a running total that shrinks from an earlier report to a later one
                elif da != db and _to_date(a) and _to_date(b):
                    pa, pb = _published(corpus[da], a), _published(corpus[db], b)
                    if pa and pb and pa > pb and _below(a, b):
                        yield da, a, db, b, "shrinks"


def _metric(q: Quantity) -> str:
    """市区学前教育机构 is 学前教育机构 of 市区: the part's name leaves the metric."""
    return q.metric[len(q.subject):] if _is_part(q.subject) and q.metric.startswith(q.subject) else q.metric


def _is_part(subject: str) -> bool:
    """市区, 城区, 四县: a part of the article's place (rules/lexicon/metrics.toml [context])."""
    import regex

    from ..context import words

    w = words()
    return subject in w.get("sub_areas", []) or bool(regex.fullmatch(w.get("sub_area_counted", "(?!)"), subject))


MESSAGES = {
    "sub-period": "累计数“{m}”{a}少于其中一段时间的新增数 {b}",
    "part": "“{m}”全部数 {a} 少于其中一部分 {b}",
    "shrinks": "累计数“{m}”{a}比更早稿件中的 {b} 还少",
}


def check(rule, corpus: list[DocumentFacts], targets: set[str]) -> Iterator[Finding]:
    seen = set()
    for da, a, db, b, why in _pairs(corpus, rule.options):
        if corpus[da].path not in targets or (id(a), why) in seen:
            continue
        seen.add((id(a), why))
        other = corpus[db]
        s = other.segments.sentence_text(other.segments.sentences[b.sentence]).strip()
        yield Finding(
            rule.id, rule.category, rule.severity,
            MESSAGES[why].format(m=_metric(a), a=a.figure.text, b=b.figure.text),
            Location(corpus[da].path, a.span),
            (Location(other.path, b.span, f"{b.figure.text}：{s[:80]}"),),
            evidence={"metric": a.metric, "stated": a.figure.text, "other": b.figure.text, "order": why,
                      "interval": [a.figure.low, a.figure.high], "other_interval": [b.figure.low, b.figure.high]},
        )
