"""Stock phrases (套话) used more than `max_per_article` times in one article.

The list lives in rules/lexicon/repetition.toml (`cliches`) and can be extended with the
rule's `phrases` option. Once is a choice; twice in one article is a tic an editor can cut.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding
from ..lexicon import lexicon

KIND = "stock-phrase"
SCOPE = "document"


@dataclass(frozen=True, slots=True)
class Options:
    phrases: tuple[str, ...] = ()
    max_per_article: int = 1


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    words = sorted(set(lexicon().cliches) | set(rule.options.phrases), key=len, reverse=True)
    if not words:
        return
    pat = regex.compile("|".join(regex.escape(w) for w in words))
    seen: dict[tuple[int, str], list] = defaultdict(list)
    for p in facts.segments.paragraphs:
        if p.heading:
            continue  # a headline announcing the section's phrase is not the tic
        for m in pat.finditer(p.text):
            key = (p.article, m.group())
            seen[key].append(facts.location(p.index, m.start(), m.end(), "前文已用过"))
            if len(seen[key]) > rule.options.max_per_article:
                yield Finding(
                    rule.id, rule.category, rule.severity,
                    rule.message.format(phrase=m.group(), n=len(seen[key])),
                    facts.location(p.index, m.start(), m.end()),
                    tuple(seen[key][:-1]),
                    evidence={"phrase": m.group(), "count_in_article": len(seen[key])},
                )
