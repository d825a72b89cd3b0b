"""A story told in sequence whose later step is dated before an earlier one.

Within one sentence or two adjacent ones, when a sequence word (随后, 此后, 之后, 后来, 次年, 最终, 然后, 接着) stands
between two full dates and the second is earlier than the first, the order cannot be right:
登记成为志愿者 on 2022年11月18日, then 成功捐献 on 2023年12月26日 passes; the dates swapped do not.
Dates without a sequence word between them may be told out of order on purpose and are left alone.
A second date written without its year (its year carried from the first) is earlier only when it
falls at most three months before the first: 2015年12月16日 … 之后 … 8月13日 is more likely another year.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..dates import Day, dates, surely_after
from ..facts import DocumentFacts
from ..findings import Finding, Location

KIND = "chronology"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    sequence_words: tuple[str, ...] = ("随后", "此后", "之后", "后来", "次年", "最终", "然后", "接着", "随即", "再")


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    seq = regex.compile("|".join(map(regex.escape, rule.options.sequence_words)))
    paragraphs = facts.segments.paragraphs
    full = [w for w in dates(facts) if w.date()]
    for a, b in zip(full, full[1:]):
        if a.quantity.paragraph != b.quantity.paragraph or b.quantity.sentence - a.quantity.sentence > 1:
            continue  # a sequence word sentences away says nothing about these two dates
        between = paragraphs[a.quantity.paragraph].text[a.quantity.figure.end:b.quantity.figure.start]
        if not seq.search(between) or b.date() >= a.date():
            continue
        if b.year_inherited and not surely_after(Day.of(a), Day.of(b)):
            continue  # 2015年12月16日…之后…8月13日: a year carried over is a guess, months apart it is unknown
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(later=b.quantity.figure.text, earlier=a.quantity.figure.text,
                                word=seq.search(between).group()),
            Location(facts.path, b.quantity.span),
            (Location(facts.path, a.quantity.span, f"前一步：{a.quantity.figure.text}"),),
            evidence={"earlier_step": a.quantity.figure.text, "later_step": b.quantity.figure.text},
        )
