"""A ranking told in words that its own figures contradict: 华北…全国最大，占比达到30.4%；其次为西北地区，
占到全国的36.1% — the second is larger than the largest.

Recognised: a clause with a superlative (最大, 最高, 最多, 居首 … or 最小, 最低, 最少) and the first
figure after it up to the next ；or 。; then the following segments that open with 其次 / 第二 / 次之
and 第三 / 再次, each with its first figure. Only figures of the same unit are compared, each
standing for its rounding interval; the ranking is reported only when a later rank cannot be
below (or, for 最低, above) the one before it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location

KIND = "ranking"
SCOPE = "document"

SEGMENT = regex.compile(r"[^；;。！？]+[；;。！？]?")


@dataclass(frozen=True, slots=True)
class Options:
    top: tuple[str, ...] = ("最大", "最高", "最多", "最快", "居首", "位居第一", "排名第一", "位列第一")
    bottom: tuple[str, ...] = ("最小", "最低", "最少", "最慢", "垫底")
    second: tuple[str, ...] = ("其次", "第二", "次之", "位居第二", "排名第二")
    third: tuple[str, ...] = ("第三", "再次", "位居第三", "排名第三")


def _first_figure(qs: list[Quantity], start: int, end: int, after: int = -1) -> Quantity | None:
    for q in qs:
        if start <= q.span.start < end and q.span.start > after and q.kind in ("quantity", "percent") \
                and not q.figure.chinese and q.figure.low is not None:
            return q
    return None


def _above(a: Quantity, b: Quantity) -> bool:
    """b is surely larger than a."""
    tol = 1e-9 * max(abs(a.figure.value or 0), abs(b.figure.value or 0), 1)
    return b.figure.low > a.figure.high + tol


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    opts = rule.options
    by_par = facts.by_paragraph(("quantity", "percent"))
    for pi, qs in by_par.items():
        p = facts.segments.paragraphs[pi]
        segs = [(m.start(), m.end(), m.group()) for m in SEGMENT.finditer(p.text)]
        for k, (s, e, text) in enumerate(segs):
            top = next((w for w in opts.top if w in text), None)
            bottom = next((w for w in opts.bottom if w in text), None)
            word = top or bottom
            if not word or k + 1 >= len(segs):
                continue
            at = p.span(s + text.index(word), s + text.index(word) + len(word)).start
            lead = _first_figure(qs, p.span(s, e).start, p.span(s, e).end, at)
            if lead is None:
                continue
            chain = [lead]
            for rank_words in (opts.second, opts.third):
                if k + len(chain) >= len(segs):
                    break
                ns, ne, ntext = segs[k + len(chain)]
                if not ntext.lstrip("，, ").startswith(rank_words):
                    break
                q = _first_figure(qs, p.span(ns, ne).start, p.span(ns, ne).end)
                if q is None or q.figure.unit != lead.figure.unit:
                    break
                chain.append(q)
            for a, b in zip(chain, chain[1:]):
                wrong = _above(a, b) if top else _above(b, a)
                if wrong:
                    rank = "其次" if b is chain[1] else "第三"
                    yield Finding(
                        rule.id, rule.category, rule.severity,
                        f"排序与数值不符：前文称“{word}”为 {chain[0].figure.text}，{rank}却为 {b.figure.text}"
                        if a is chain[0] else f"排序与数值不符：{rank}为 {b.figure.text}，超过排在前面的 {a.figure.text}",
                        Location(facts.path, b.span),
                        (Location(facts.path, a.span, a.figure.text),),
                        evidence={"ranking": word, "stated": b.figure.text, "other": a.figure.text},
                    )
