"""Parts that do not add up to their total.

Recognised structures (anything else is not checked):
- a total with its breakdown in brackets: 1610个(其中直接增收项目788个,间接增收项目822个);
- a total followed by 其中 and parts joined by 、: 共1200人,其中男性500人、女性700人;
- a total followed by a 、 list of the same unit: 5名队员…获得1人第一名、3人第二名、1人第三名;
- parts followed by their total with 共/合计/总计: 新建3所、改扩建5所,共8所;
- a total, then a sentence opening with 其中, 按…分 or 分…看 that gives one part per ；-clause
  (统计公报: 按经营地分，城镇…652.1亿元，增长6.7%；乡村…134.4亿元，增长7.8%).
Per-head figures (人均, 户均) and changes (同比增加) are never totals or parts.
A 其中 list may name only some parts, so a sum *below* the total is reported only when the
parts are complementary (直接/间接, 男/女, 城镇/农村: rules/lexicon/arithmetic.toml) or the
total is written after them with 共/合计; a sum *above* the total is always reported. Sums use
the figures' intervals, so rounded parts (each ±half a unit) are not flagged for a last-digit gap.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .. import intervals as iv
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..lexicon import complementary

KIND = "total"
SCOPE = "document"

LIST_GAP = regex.compile(r"[^，,；;。！？()（）]{0,10}?、[^，,；;。！？()（）、]{0,10}?")
OVERLAP_NOTE = regex.compile(r"重复统计|重复计算|交叉|有重叠|兼任|部分重复|不重复")
TOTAL_WORD = regex.compile(r"[，,]?\s*(?:共计|合计|总计|总共|一共|共|累计)\s*$")


@dataclass(frozen=True, slots=True)
class Options:
    pass


def _is_complementary(parts: list[Quantity]) -> bool:
    if len(parts) != 2:
        return False
    a, b = parts[0].metric, parts[1].metric
    return any((x in a and y in b) or (y in a and x in b) for x, y in complementary())


def _measured(qs: list[Quantity]) -> list[Quantity]:
    """Levels that can be totals or parts; a change (同比增加1.2万亩) is neither."""
    return [q for q in qs if q.kind == "quantity" and not q.figure.chinese and q.figure.low is not None
            and q.stock not in ("change", "per")]


def find_claims(facts: DocumentFacts):
    """(total, parts, exhaustive, how) for each structure recognised."""
    out = []
    by_sentence: dict[int, list[Quantity]] = {}
    for q in _measured(facts.quantities):
        by_sentence.setdefault(q.sentence, []).append(q)
    for si, qs in by_sentence.items():
        text = facts.segments.paragraphs[qs[0].paragraph].text
        sent = facts.segments.sentences[si]
        if OVERLAP_NOTE.search(text, sent.start, sent.end):
            continue  # groups the text itself says overlap need not add up
        used: set[int] = set()
        for i, total in enumerate(qs):
            if i in used:
                continue
            rest = qs[i + 1:]
            dim = total.figure.dimension
            # (1) a bracketed breakdown right after the total
            m = regex.match(r"[^，,；;。()（）]{0,12}?[(（]\s*其中", text[total.figure.end:])
            if m:
                close = regex.compile(r"[)）]").search(text, total.figure.end + m.end())
                if close:
                    parts = [q for q in rest if q.figure.end <= close.start() and q.figure.dimension == dim]
                    if len(parts) >= 2 and len(parts) == len([q for q in rest if q.figure.end <= close.start()]):
                        out.append((total, parts, _is_complementary(parts), "其中"))
                        used.update(qs.index(p) for p in parts)
                        continue
            # (2) 其中 + a 、 list, (3) a 、 list of the same unit later in the sentence
            run = _run_after(text, total, rest)
            if run:
                out.append((total, run, _is_complementary(run), "列举"))
                used.update(qs.index(p) for p in run)
                continue
            # (4) parts then 共/合计 total
            if i >= 2 and TOTAL_WORD.search(text[qs[i - 1].figure.end:total.figure.start]):
                parts = _run_before(text, qs[:i], dim)
                if len(parts) >= 2:
                    out.append((total, parts, True, "合计"))
    out.extend(_breakdowns(facts, by_sentence))
    return out


BREAKDOWN = regex.compile(r"^(?:其中|[^，,。；;]{0,10}?(?:按[^，,。；;]{1,8}分|分[^，,。；;]{1,8}看|从[^，,。；;]{1,8}看))[，,：:]")
ORDINAL_SET = regex.compile(r"第[一二三]")


def _breakdowns(facts: DocumentFacts, by_sentence: dict[int, list[Quantity]]):
    """A total, then a sentence opening with 按…分 / 分…看 that lists its parts, one per ；-clause:
    社会消费品零售总额786.5亿元…。按经营地分，城镇…652.1亿元，增长6.7%；乡村…134.4亿元，增长7.8%。
    (；ends a sentence for the segmenter, so the clauses are the sentences up to the next 。)"""
    sentences = facts.segments.sentences
    for si, s in enumerate(sentences):
        p = facts.segments.paragraphs[s.paragraph]
        if si == 0 or sentences[si - 1].paragraph != s.paragraph or not BREAKDOWN.match(p.text[s.start:s.end]):
            continue
        parts, k = [], si
        while k < len(sentences) and sentences[k].paragraph == s.paragraph:
            first = next(iter(by_sentence.get(k, [])), None)
            if first is None:
                parts = []
                break
            parts.append(first)
            if not facts.segments.sentence_text(sentences[k]).rstrip().endswith(("；", ";")):
                break
            k += 1
        before = by_sentence.get(si - 1, [])
        if len(parts) < 2 or not before:
            continue
        dim = parts[0].figure.dimension
        total = next((q for q in reversed(before) if q.figure.dimension == dim), None)
        if total is None or any(q.figure.dimension != dim for q in parts):
            continue
        metrics = "".join(q.metric for q in parts)
        exhaustive = _is_complementary(parts) or len(ORDINAL_SET.findall(metrics)) == len(parts) == 3
        yield total, parts, exhaustive, "分项"


def _run_after(text: str, total: Quantity, rest: list[Quantity]) -> list[Quantity]:
    dim = total.figure.dimension
    cands = [q for q in rest if q.figure.dimension == dim]
    if len(cands) < 2:
        return []
    first = cands[0]
    between = text[total.figure.end:first.figure.start]
    if regex.search(r"[；;。]", between):
        return []
    if "其中" not in between and not regex.search(r"获得|包括|分为|含|有", between):
        return []
    if any(q.figure.start < first.figure.start for q in rest if q.figure.dimension != dim):
        return []
    run = [first]
    for q in rest[rest.index(first) + 1:]:
        gap = text[run[-1].figure.end:q.figure.start]
        if q.figure.dimension == dim and LIST_GAP.fullmatch(gap):
            run.append(q)
        else:
            break
    return run if len(run) >= 2 else []


def _run_before(text: str, before: list[Quantity], dim: str) -> list[Quantity]:
    run = [before[-1]] if before[-1].figure.dimension == dim else []
    for q in reversed(before[:-1]):
        if not run:
            break
        gap = text[q.figure.end:run[0].figure.start]
        if q.figure.dimension == dim and LIST_GAP.fullmatch(gap):
            run.insert(0, q)
        else:
            break
    return run


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for total, parts, exhaustive, how in find_claims(facts):
        s = (0.0, 0.0)
        for p in parts:
            s = iv.add(s, iv.of(p.figure))
        t = iv.of(total.figure)
        if iv.meet(s, t) or (not exhaustive and s[1] < t[0]):
            continue
        value = sum(p.figure.value for p in parts)
        d = max(p.figure.decimals for p in parts)
        formula = " + ".join(p.figure.text for p in parts) + f" = {iv.in_units_of(value, total.figure, d)}"
        relation = "多于" if s[0] > t[1] else "少于"
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(formula=formula, total=total.figure.text, relation=relation),
            Location(facts.path, total.span),
            tuple(Location(facts.path, p.span, f"分项：{p.figure.text}") for p in parts),
            evidence={"formula": f"{formula}，{relation}总数 {total.figure.text}", "computed": iv.in_units_of(value, total.figure, d),
                      "stated": total.figure.text, "parts": [p.figure.text for p in parts], "structure": how},
        )
