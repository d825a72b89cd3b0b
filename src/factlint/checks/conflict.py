"""The same metric given two values that cannot both be true, in one document or across the corpus.

Only on positive evidence — metric, subject, period, role and dimension all known and equal
(unknown is not equal):
- across documents: two texts about the same place or organisation (context.py: 某省…政府工作报告 →
  某省, ——昭通市红十字会五年工作纪实 → 昭通市红十字会), the same period resolved to a year or a
  month range (今年 in a 2011 report is 2011, 全年 in its review is 2010; 截至目前 and 五年来 are both
  "to date"), the same role (an actual never against a target or plan, a growth rate never against
  a level, a five-year total never against one year), the same metric key of at least
  `min_metric_chars` characters, and values whose intervals cannot meet (2.78万 and 27800 agree);
- within one document, two clauses of one sentence worded the same but for the figure
  (109个家庭获市级表彰,18个家庭获市级表彰) — an error; and figures in different sentences whose
  metric (at least `min_metric_chars_apart` characters), period and subject are written in both
  sentences and equal, with the same role.
A share (占外贸总值的57%) is compared within a document only with a share of the same part (the level
written before it in its sentence: 一般贸易方式进出口 ≠ 民营企业进出口).
A from→to pair (由5家增至12家), a part and its whole (40项中有17项), 各/分别 items, and figures in
Chinese numerals (五个, 三项) are never compared. Restatements (headline vs body, a heading vs its
section, lead vs body, glossary vs body) are conflict/restatement's.
"""
from __future__ import annotations

from collections import defaultdict

import regex
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
    # a metric ending in one of these names an act, not a thing (中央财政安排219亿元支持…): the nouns
    # after the figures must then agree too
    open_verbs: tuple[str, ...] = ("安排", "投入", "下达", "拨付", "筹集", "支持", "用于", "支出", "提供", "争取")
    dimensions: tuple[str, ...] = ("money", "people", "person_times", "households", "count", "times", "area",
                                   "length", "mass", "volume", "power", "energy", "percent")


def validate(options: Options) -> None:
    if options.match not in ("normal", "strict"):
        raise ValueError("'match' must be \"normal\" or \"strict\"")
    if options.same_paragraph_severity not in ("info", "warning", "error"):
        raise ValueError("'same_paragraph_severity' must be info, warning or error")


ROLES = ("actual", "to", "cumulative", "target", "plan", "change", "average")
# the "to" of 由120元提高到200元 is the level it reached; a running total (累计) is a level whose
# period ("to date", "2006-2010") tells it from one year's figure
LEVEL = {"to": "actual", "cumulative": "actual"}


def _comparable(q: Quantity, options: Options) -> bool:
    f = q.figure
    return (f.kind in ("quantity", "percent") and not f.chinese and f.dimension in options.dimensions
            and len(q.metric) >= options.min_metric_chars and f.low is not None and q.role in ROLES)


def _disjoint(a: Quantity, b: Quantity) -> bool:
    tol = 1e-9 * max(abs(a.figure.value or 0), abs(b.figure.value or 0), 1)
    return a.figure.high + tol < b.figure.low or b.figure.high + tol < a.figure.low


def _period(q: Quantity) -> str:
    """The period, known across documents: a resolved year or month range, or "to date"."""
    if q.period and "?" not in q.period:
        return q.period
    return "now" if q.scope_key == "now" else ""


def _compatible(a: Quantity, b: Quantity, same_doc: bool, options: Options) -> bool:
    if LEVEL.get(a.role, a.role) != LEVEL.get(b.role, b.role) or a.figure.unit != b.figure.unit:
        return False
    if a.metric.endswith(options.open_verbs) and _noun(a) != _noun(b):
        return False
    if options.match == "strict":
        # both figures' sentences must say when and who, and say the same
        written = all(w in q.written for q in (a, b) for w in ("scope", "subject"))
        return written and a.scope_key == b.scope_key and a.subject == b.subject
    if not same_doc:
        pa, pb = _period(a), _period(b)
        named = bool(a.who) and not a.who.startswith("（")  # （本市）: unnamed, not the same across texts
        return named and a.who == b.who and bool(pa) and pa == pb and subjects_agree(a.subject, b.subject)
    # within one document: the period known (written, or its part's: a review's year) and equal, the
    # article about a known place or body, and a subject written beside one figure written beside the other
    if a.period != b.period or a.part != b.part or (not a.period and a.article != b.article):
        return False  # no period written: both stand in their article's time frame
    if not a.who:
        return False  # whose figure it is stays unknown (a news item about several funds)
    return a.subject == b.subject


def _dated_apart(fa: DocumentFacts, fb: DocumentFacts, a: Quantity, b: Quantity) -> bool:
    """Two "to date" totals of texts published on different days need not be equal (conflict/bounds
    checks that the later one is not smaller)."""
    if _period(a) != "now":
        return False
    pa = fa.published or (fa.context.articles[a.article].published if fa.context else "")
    pb = fb.published or (fb.context.articles[b.article].published if fb.context else "")
    return bool(pa and pb and pa != pb)


SHARE = regex.compile(r"占|所占")


def _share_part(facts: DocumentFacts, q: Quantity) -> str:
    """What a share (占外贸总值的57%) is the share of: the metric of the last level before it in its
    sentence (一般贸易方式进出口18727.3亿元，…，占外贸总值的57%); "" when none is written."""
    before = [m for m in facts.measurements() if m.sentence == q.sentence and m.span.start < q.span.start
              and m.figure.kind == "quantity" and m.role not in ("change", "average")]
    return before[-1].metric if before else ""


def _noun(q: Quantity) -> str:
    """The first word after a figure (…安排27亿元|国债资金): what an open verb's figure is spent on."""
    m = regex.match(r"\p{Han}{2,4}", q.noun.lstrip("的"))
    return m.group() if m else ""


def _template(facts: DocumentFacts, q: Quantity) -> str:
    """The clause around q with the figure blanked: 109个家庭获市级表彰 → #个家庭获市级表彰."""
    from ..segment import split_clauses

    s = facts.segments.sentences[q.sentence]
    p = facts.segments.paragraphs[q.paragraph]
    start = q.span.start - p.orig_start  # offsets in paragraph text (a figure never spans a page break)
    for a, b in split_clauses(p.text, s.start, s.end):
        if a <= start < b:
            return (p.text[a:start] + "#" + p.text[start + len(q.figure.text):b]).strip(" \t\u3000;；。，,！？!?")
    return ""


def _same_clause_wording(facts: DocumentFacts, a: Quantity, b: Quantity) -> bool:
    if a.sentence != b.sentence or a.paragraph != b.paragraph:
        return False
    ta, tb = _template(facts, a), _template(facts, b)
    return bool(ta) and ta == tb and len(ta) >= 4


def _context(facts: DocumentFacts, q: Quantity) -> str:
    s = facts.segments.sentences[q.sentence]
    return facts.segments.sentence_text(s).strip()


def check(rule, corpus: list[DocumentFacts], targets: set[str]) -> Iterator[Finding]:
    opts = rule.options
    groups: dict[tuple, list[tuple[int, Quantity]]] = defaultdict(list)
    for di, facts in enumerate(corpus):
        for q in facts.measurements():
            if _comparable(q, opts):
                groups[(q.metric, q.figure.dimension)].append((di, q))
    is_target = [f.path in targets for f in corpus]
    for (metric, _dim), members in sorted(groups.items()):
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
                if da == db:
                    if not _same_clause_wording(corpus[da], a, b):
                        if a.sentence == b.sentence or len(metric) < opts.min_metric_chars_apart:
                            continue
                        if not _compatible(a, b, True, opts):
                            continue
                        if SHARE.match(metric) and _share_part(corpus[da], a) != _share_part(corpus[db], b):
                            continue  # 一般贸易…占外贸总值的57% / 民营企业…占外贸总值的37.5%: shares of other parts
                elif not _compatible(a, b, False, opts) or _dated_apart(corpus[da], corpus[db], a, b):
                    continue
                if not _disjoint(a, b):
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
