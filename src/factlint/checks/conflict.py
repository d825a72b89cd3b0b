"""The same metric given two values that cannot both be true, in one document or across the corpus.

Two figures are compared only when all of these hold:
- the same metric key (the phrase the figure measures, filler words removed: 投入款物);
- the same dimension (money with money; 人 never with 人次);
- the same time scope (2023年 ≠ 2022年; 截至目前, 至今, 五年来 are all "to date"); a figure with
  no time word takes its article's (the lead's), and within one article matches any scope;
  a 新增 (new) figure is never compared with a running total (累计, 共, or no word), nor a rate
  (年均, 人均, 每年) with a total;
- subjects that can be the same (昭通市 and 全市 can; 巧家县 and 永善县 cannot);
- intervals that cannot meet: 2.78万 and 27800 agree, 20余万 and 23万 agree.
Figures in Chinese numerals (五个, 三项) name formulas and counts, not data, and are skipped.
Metric keys shorter than `min_metric_chars` say too little to compare (个, 人).

Within one document, news prose lists parallel items that share an attribute word
(白鹤滩水电站…装机容量1600万千瓦, 32座中小型水电站, 装机容量80.6万千瓦): so two values in one
sentence are compared only when no other figure stands between them (109个家庭获市级表彰,
18个家庭获市级表彰), and two values in different sentences only when the metric is specific
(at least `min_metric_chars_apart` characters).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..metrics import subjects_agree

KIND = "conflict"
SCOPE = "corpus"


@dataclass(frozen=True, slots=True)
class Options:
    across_documents: bool = False  # False: pairs within one document; True: pairs across documents
    min_metric_chars: int = 2
    min_metric_chars_apart: int = 5  # within a document, for figures in different sentences
    # "normal": an unknown subject or scope matches anything; "strict": both must be written in the
    # figures' own sentences and be equal
    match: str = "normal"
    same_paragraph_severity: str = "error"  # two values in one paragraph leave no doubt
    dimensions: tuple[str, ...] = ("money", "people", "person_times", "households", "count", "times", "area",
                                   "length", "mass", "volume", "power", "energy", "percent")


def validate(options: Options) -> None:
    if options.match not in ("normal", "strict"):
        raise ValueError("'match' must be \"normal\" or \"strict\"")
    if options.same_paragraph_severity not in ("info", "warning", "error"):
        raise ValueError("'same_paragraph_severity' must be info, warning or error")


def _comparable(q: Quantity, options: Options) -> bool:
    f = q.figure
    return (f.kind in ("quantity", "percent") and not f.chinese and f.dimension in options.dimensions
            and len(q.metric) >= options.min_metric_chars and f.low is not None)


def _disjoint(a: Quantity, b: Quantity) -> bool:
    tol = 1e-9 * max(abs(a.figure.value or 0), abs(b.figure.value or 0), 1)
    return a.figure.high + tol < b.figure.low or b.figure.high + tol < a.figure.low


def _compatible(a: Quantity, b: Quantity, same_article: bool, options: Options) -> bool:
    if options.match == "strict":
        # both figures' sentences must say when and who, and say the same
        written = all(w in q.written for q in (a, b) for w in ("scope", "subject"))
        return written and a.scope_key == b.scope_key and a.subject == b.subject
    # Within one article a figure with no time word shares the article's frame; across articles it may not.
    scopes = a.scope_key == b.scope_key or (same_article and not (a.scope_key and b.scope_key))
    return scopes and subjects_agree(a.subject, b.subject)


def _interrupted(facts: DocumentFacts, a: Quantity, b: Quantity) -> bool:
    """Another measured figure with another metric between a and b: they belong to different items."""
    lo, hi = sorted((a.span.start, b.span.start))
    return any(lo < q.span.start < hi and q.metric != a.metric for q in facts.measurements())


def _context(facts: DocumentFacts, q: Quantity) -> str:
    s = facts.segments.sentences[q.sentence]
    return facts.segments.sentence_text(s).strip()


def check(rule, corpus: list[DocumentFacts], targets: set[str]) -> Iterator[Finding]:
    opts = rule.options
    groups: dict[tuple, list[tuple[int, Quantity]]] = defaultdict(list)
    for di, facts in enumerate(corpus):
        for q in facts.measurements():
            if _comparable(q, opts):
                groups[(q.metric, q.figure.dimension, q.stock if q.stock != "cumulative" else "")].append((di, q))
    is_target = [f.path in targets for f in corpus]
    for (metric, _dim, _stock), members in sorted(groups.items()):
        if len(members) < 2 or not any(is_target[d] for d, _ in members):
            continue
        # Each figure in a file being checked is reported once, against the first earlier figure
        # it contradicts (or a later one, when only this file is checked): linear in the group
        # for a one-file run against a large corpus.
        for j, (db, b) in enumerate(members):
            if not is_target[db]:
                continue
            for i, (da, a) in enumerate(members):
                if i == j or (i > j and is_target[da]):
                    continue  # a later target figure is reported at its own place
                if (da != db) != opts.across_documents:
                    continue
                same_article = da == db and a.article == b.article
                if not _disjoint(a, b) or not _compatible(a, b, same_article, opts):
                    continue
                if da == db:
                    if a.sentence == b.sentence and _interrupted(corpus[da], a, b):
                        continue
                    if a.sentence != b.sentence and len(metric) < opts.min_metric_chars_apart:
                        continue
                yield _finding(rule, corpus, metric, (da, a), (db, b))
                break


def _finding(rule, corpus, metric: str, first: tuple[int, Quantity], second: tuple[int, Quantity]) -> Finding:
    (d1, q1), (d2, q2) = first, second
    f1, f2 = corpus[d1], corpus[d2]
    same_doc = d1 == d2
    severity = rule.severity
    if same_doc and q1.paragraph == q2.paragraph:
        severity = rule.options.same_paragraph_severity
    if same_doc:
        where = "前文" if q1.span.start < q2.span.start else "后文"
        message = f"“{metric}”前后数值不一致：此处为 {q2.figure.text}，{where}为 {q1.figure.text}"
    else:
        title = f1.article_title(q1.paragraph)
        other = f"《{title}》" if title else f1.path
        message = f"“{metric}”与{other}中的数值不一致：此处为 {q2.figure.text}，彼处为 {q1.figure.text}"
    note = f"{q1.figure.text}：{_context(f1, q1)[:80]}"
    return Finding(
        rule.id, rule.category, severity, message,
        Location(f2.path, q2.span),
        (Location(f1.path, q1.span, note),),
        evidence={
            "metric": metric,
            "stated": q2.figure.text,
            "other": q1.figure.text,
            "interval": [q2.figure.low, q2.figure.high],
            "other_interval": [q1.figure.low, q1.figure.high],
            "unit": q2.figure.unit,
            "scope": q2.scope or "",
            "other_scope": q1.scope or "",
            "sentence": _context(f2, q2)[:120],
            "other_sentence": _context(f1, q1)[:120],
        },
    )
