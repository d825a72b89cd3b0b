"""A span of years that runs past the publication date: 自2018年起…连续九年 in a 2023 article.

自/从 YEAR 年(起|以来|开始) … 连续 N 年 ends in YEAR + N − 1, which must not be after the
publication year. The publication date is, in order: `date` in config or `--date`, else the
article's own date (a dateline or date line under the title, 今天（2025年11月6日）), else the
latest date written in the document (to any precision: 2023年度 counts as 2023); the finding says which was used. With neither, or
with a span that starts in no written year, nothing is checked.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..dates import document_dates, latest
from ..facts import DocumentFacts
from ..findings import Finding
from ..numbers import cn_to_number

KIND = "span"
SCOPE = "document"

SPAN = regex.compile(r"(?:自|从)(?P<y>(?:19|20)\d\d)年(?:\d{1,2}月)?(?:起|以来|开始)[^。；;！？]{0,40}?连续(?P<n>[一二三四五六七八九十两]+|\d{1,2})年")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    dated = [d for d, _ in document_dates(facts).values() if d.certain]
    if facts.published:
        pub_year, source = int(facts.published[:4]), f"配置的发布日期 {facts.published}"
    elif dated:
        # the article's own date (dateline, date line under the title): the latest, for a file of several
        pub_year, source = max(d.year for d in dated), f"文章日期 {max(dated, key=lambda d: d.year).text}"
    else:
        found = latest(facts)
        if found is None:
            return
        (pub_year, _, _), written = found
        source = f"文中最晚的日期“{written}”"
    for p in facts.segments.paragraphs:
        for m in SPAN.finditer(p.text):
            n = int(m.group("n")) if m.group("n").isdigit() else cn_to_number(m.group("n"))
            start = int(m.group("y"))
            if not n or start + n - 1 <= pub_year:
                continue
            end = start + n - 1
            yield Finding(
                rule.id, rule.category, rule.severity,
                rule.message.format(start=start, n=m.group("n"), end=end, pub=pub_year, source=source),
                facts.location(p.index, m.start(), m.end()),
                evidence={"start": start, "years": n, "ends": end, "publication_year": pub_year, "source": source},
            )
