"""A stock phrase (套话) used again where the reader still hears it: within `window` characters.

The list lives in rules/lexicon/repetition.toml (`cliches`) and can be extended with the
rule's `phrases` option. Once is a choice; twice in a breath is a tic an editor can cut. The
same phrase sections apart in a long report is not noticeable and is not reported. A phrase
inside a name or an official formulation (within quotation marks or 《》, or inside one of the
`formulas`) is not the writer's choice and never counts. Repeats close together are reported
once, at the second use, with the count and the first places.
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

QUOTED = regex.compile(r"“[^“”]{0,60}”|《[^《》]{0,60}》|「[^「」]{0,60}」")


@dataclass(frozen=True, slots=True)
class Options:
    phrases: tuple[str, ...] = ()
    window: int = 300  # characters between two uses: further apart, a repeat goes unnoticed
    formulas: tuple[str, ...] = ()  # added to the built-in formulations (also `formulas` in the config)
    max_related: int = 5


def _protected(text: str, formulas) -> list[tuple[int, int]]:
    out = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    if formulas is not None:
        out += [(m.start(), m.end()) for m in formulas.finditer(text)]
    return out


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    opts = rule.options
    words = sorted(set(lexicon().cliches) | set(opts.phrases), key=len, reverse=True)
    if not words:
        return
    pat = regex.compile("|".join(regex.escape(w) for w in words))
    formulas = sorted(set(lexicon().formulas) | set(opts.formulas), key=len, reverse=True)
    fpat = regex.compile("|".join(regex.escape(f) for f in formulas)) if formulas else None
    # phrase → clusters of uses: (paragraph, start, end, original offset)
    clusters: dict[str, list[list[tuple[int, int, int, int]]]] = defaultdict(list)
    for p in facts.segments.paragraphs:
        if p.heading:
            continue  # a headline announcing the section's phrase is not the tic
        shield = _protected(p.text, fpat)
        for m in pat.finditer(p.text):
            if any(a <= m.start() and m.end() <= b for a, b in shield):
                continue
            use = (p.index, m.start(), m.end(), p.orig(m.start()))
            runs = clusters[m.group()]
            last = runs[-1][-1] if runs else None
            if last and use[3] - last[3] <= opts.window and p.article == facts.segments.paragraphs[last[0]].article:
                runs[-1].append(use)
            else:
                runs.append([use])
    found = []
    for phrase, runs in clusters.items():
        per_article: dict[int, int] = defaultdict(int)
        for uses in runs:
            per_article[facts.segments.paragraphs[uses[0][0]].article] += len(uses)
        for uses in runs:
            if len(uses) < 2:
                continue
            para, start, end, _ = uses[1]
            related = tuple(facts.location(q, a, b, "附近已用过") for q, a, b, _ in
                            [uses[0], *uses[2:]][:opts.max_related])
            evidence = {"phrase": phrase, "count_nearby": len(uses),
                        "count_in_article": per_article[facts.segments.paragraphs[para].article]}
            if len(uses) - 1 > len(related):
                evidence["places_listed"] = len(related)
            found.append(Finding(rule.id, rule.category, rule.severity,
                                 rule.message.format(phrase=phrase, n=len(uses)),
                                 facts.location(para, start, end), related, evidence=evidence))
    yield from found
