"""A step told as already past but dated after the day the text reports at.

Recognised past steps: 自/从 DATE …以来 (a span running up to now: 自5月28日正式上线以来),
已于 DATE (已于2009年3月15日完成) and 截至 DATE (a status reached, unless the clause speaks of a
plan: 将, 计划, 预计, 力争, 目标 …). Each must not be later than:
- for a 以来 span, the 截至/截止 date of the same or the next sentence of its paragraph, which
  closes that span (自5月28日上线以来…。…截止到6月7日，共有7401位网友捐款);
- the date the article is written as of: the publication date from config or --date, a dateline
  (新华社北京11月5日电) or date line under the title, the day the text calls today
  (本台今天（11月6日）…), or a 截至/截止 date in the headline (公示：截止6月7日…).
A future step is not past: 将于2026年1月28日起实施 and 自2026年1月1日起施行 are not read.

Unknown is not equal: when either date has no year of its own, both are read in one year and the
step is reported only when it falls at most three months after the other date (a 自12月28日以来 in
a text as of 1月7日 is more likely last December). Dates to the month are compared by month
(2008年底 is December); years alone (自2009年以来 … 截至2008年底) only against the article's date.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..claims import Claim, Role
from ..dates import AS_OF_BEFORE, Day, When, dates, document_dates, surely_after
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location

KIND = "after-document-date"
SCOPE = "document"

SINCE_BEFORE = regex.compile(r"(?:自|从)\s*\Z")
SINCE_AFTER = regex.compile(r"[^，,。；;！？\d]{0,24}?以来")
DONE_BEFORE = regex.compile(r"已(?:于|在)\s*\Z")
CLAUSE = regex.compile(r"[^。；;！？]{0,40}")
# 截至2025年底将建成…: a status to be reached is a plan, not a past step
FUTURE = regex.compile(r"将|(?<![主重需只必纪])要|计划|预计|预期|力争|争取|目标|确保|有望|可望|拟|规划|到期")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _past_steps(facts: DocumentFacts, ws: list[When]) -> Iterator[tuple[When, str, bool]]:
    """Dates told as already past, with the words that say so, and whether they open a span to now."""
    for w in ws:
        if w.month is None and w.year is None:
            continue
        q = w.quantity
        text = facts.segments.paragraphs[q.paragraph].text
        before = text[max(0, q.figure.start - 4):q.figure.start]
        since = SINCE_BEFORE.search(before)
        if since and q.figure.text.endswith("以来"):  # 自2009年以来 is read as one date
            yield w, since.group() + q.figure.text, True
        elif since and (m := SINCE_AFTER.match(text, q.figure.end)):
            yield w, text[q.figure.start - len(since.group()):m.end()], True
        elif DONE_BEFORE.search(before):
            yield w, DONE_BEFORE.search(before).group() + q.figure.text, False
        elif AS_OF_BEFORE.search(before):
            clause = CLAUSE.match(text, q.figure.end).group()
            head = text[max(0, q.figure.start - 12):q.figure.start]
            if not FUTURE.search(head) and not FUTURE.search(clause):
                yield w, AS_OF_BEFORE.search(before).group() + q.figure.text, False


@dataclass(frozen=True, slots=True)
class Step:
    when: When
    phrase: str  # 自5月28日正式上线以来, 已于2009年3月15日, 截至2009年2月13日
    end: Day | None  # the date it is held against
    source: str  # where that date comes from
    end_quantity: Quantity | None  # the 截至 date closing the span, when that is the date
    holds: bool | None


def steps(facts: DocumentFacts) -> Iterator[Step]:
    """Every past step, held against the date its span runs to or the article's date."""
    ws = dates(facts)
    paragraphs = facts.segments.paragraphs
    as_of = [w for w in ws if AS_OF_BEFORE.search(
        paragraphs[w.quantity.paragraph].text[max(0, w.quantity.figure.start - 4):w.quantity.figure.start])]
    written_at = document_dates(facts)
    sentences = facts.segments.sentences
    for w, phrase, span in _past_steps(facts, ws):
        q = w.quantity
        step = Day.of(w)
        # the 截至 date that closes this span: later in the same sentence or in the next one
        ends = [b for b in as_of
                if span and b.quantity.paragraph == q.paragraph and b.quantity.figure.start > q.figure.end
                and 0 <= b.quantity.sentence - q.sentence <= 1
                and sentences[b.quantity.sentence].paragraph == q.paragraph]
        candidates = [(Day.of(b), "同一叙述的截至日期", b.quantity) for b in ends[:1]]
        art = paragraphs[q.paragraph].article
        if art in written_at:
            candidates.append((*written_at[art], None))
        if not candidates:
            yield Step(w, phrase, None, "", None, None)
            continue
        for end, source, end_q in candidates:
            if surely_after(step, end, by_year=end_q is None):
                yield Step(w, phrase, end, source, end_q, False)
                break
        else:
            end, source, end_q = candidates[0]
            yield Step(w, phrase, end, source, end_q, True)


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    for k in steps(facts):
        q = k.when.quantity
        roles = (Role("step", k.phrase, q.span),)
        if k.end_quantity is not None:
            roles += (Role("as-of", k.end.text, k.end_quantity.span),)
        why = f"不晚于{k.source}{k.end.text}" if k.end else "文章日期不明"
        if k.holds is False:
            why = f"晚于{k.source}{k.end.text}"
        yield Claim("past-step", q.span, roles, k.holds, why)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for k in steps(facts):
        if k.holds is not False:
            continue
        q = k.when.quantity
        related = (Location(facts.path, k.end_quantity.span, f"截至：{k.end.text}"),) if k.end_quantity else ()
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(phrase=k.phrase, start=q.figure.text, end=k.end.text, source=k.source),
            Location(facts.path, q.span), related,
            evidence={"step": k.phrase, "date": q.figure.text, "written_at": k.end.text, "source": k.source},
        )
