"""A rate or share that must equal part / whole, within the rounding the text shows.

全镇30613名农村劳动力中,已就业26811人,就业率达87.58% → 26811 / 30613 = 87.58% (passes).
The percentage must name a rate (率, 进度, 比重, 比例, 占); the part is the nearest figure before
it, in the same sentence, whose metric shares a word with the rate (就业 ↔ 就业率, 资金项目支出 ↔
支出进度, 省外转移就业 ↔ 占总就业人数); the whole is the nearest larger figure of the same
dimension before the part, tied to it by 中 (30613名农村劳动力中) or 其中, or — when the rate
names the part (支出进度 ← 资金项目支出) — simply standing just before it; never two items
of one 、 list (植树造林面积12.5万亩、森林抚育面积8.6万亩,森林覆盖率61.2%).
Figures inside brackets are asides (1610个(其中…788个…)): never the part of a share outside them.
With 占 the roles turn: 其中省外转移就业131.13万人,占总就业人数的50.11% — the figure before
占 is the part and the words after 占 name the whole (转移就业261.65万人).
A percentage of something the text does not give (占全省的六分之一, 占昭通市总量的45.3%) has no
whole in the sentence and is skipped. The printed result may be rounded or truncated.

A rate whose counts stand in another sentence of the same article is checked only when that
sentence writes them as one phrase naming exactly what the rate is of: 农村劳动力转移就业率
…86.90% (the first value after 分别, its subject 农村劳动力) ← 全市301.09万农村劳动力转移就业261.65万人.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .. import intervals as iv
from ..enumerations import subjects_before
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..metrics import pre_phrase

KIND = "share"
SCOPE = "document"

NOT_CORE = regex.compile(r"率|进度|比重|比例|占比|占|总|的|达|为|是|由|至|降|升|提高|下降|分别|已|共|全市|全县|[\d%.]")


@dataclass(frozen=True, slots=True)
class Options:
    rate_words: tuple[str, ...] = ("率", "进度", "比重", "比例", "占")


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """The innermost-first list of (open, close+1) bracket pairs of a paragraph, found once."""
    out, stack = [], []
    for i, c in enumerate(text):
        if c in "(（":
            stack.append(i)
        elif c in ")）" and stack:
            out.append((stack.pop(), i + 1))
    return sorted(out, key=lambda ab: ab[1] - ab[0])


def in_brackets(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The innermost bracket pair around pos, if any."""
    return next(((a, b) for a, b in spans if a < pos < b), None)


def shares_word(a: str, b: str) -> bool:
    return any(a[i:i + 2] in b for i in range(len(a) - 1))


COMPACT_GAP = regex.compile(r"\p{Han}{2,16}")
RATE_TAIL = regex.compile(r"(?:率|进度)(?:分别)?(?:达到|达|为|是|保持在)?$")


def _common_suffix(items: list[str]) -> str:
    suffix = items[0]
    for it in items[1:]:
        while suffix and not it.endswith(suffix):
            suffix = suffix[1:]
    return suffix


def _rate_phrase(text: str, pq: Quantity, qs: list[Quantity], sent_start: int) -> str | None:
    # qs: the figures of pq's paragraph
    """What a rate is of, as subject + core without 率: 农村劳动力转移就业 for the first value of
    农村劳动力、脱贫劳动力、易地搬迁劳动力转移就业率分别达86.90%、89.19%、92.18%."""
    f = pq.figure
    clause_start = max(text.rfind(c, sent_start, f.start) for c in "，,；;：:")
    clause_start = max(clause_start + 1, sent_start)
    m = regex.search("分别", text[clause_start:f.start])
    if not m:
        head = text[clause_start:f.start]
        t = RATE_TAIL.search(head)
        return head[:t.start()] if t and len(head[:t.start()]) >= 4 else None
    fb = clause_start + m.start()
    stop = regex.compile(r"[，,；;。]").search(text, fb)
    end = stop.start() if stop else len(text)
    values = [q for q in qs if fb < q.figure.start < end and q.figure.kind == "percent"]
    plain, _ = subjects_before(text, fb)
    if len(plain) != len(values) or len(plain) < 2 or pq not in values:
        return None
    names = [text[a:b] for a, b in plain]
    suffix = _common_suffix(names[:-1])
    cut = names[-1].rfind(suffix) if len(suffix) >= 2 else -1
    if cut < 0:
        return None
    last_subject, rate = names[-1][:cut + len(suffix)], names[-1][cut + len(suffix):]
    t = RATE_TAIL.search(rate)
    if not t:
        return None
    subject = (names[:-1] + [last_subject])[values.index(pq)]
    return subject + rate[:t.start()]


def _compact_pairs(facts: DocumentFacts, article: int) -> list[tuple[Quantity, str, Quantity]]:
    """whole, words, part written as one phrase: 301.09万农村劳动力转移就业261.65万人."""
    paragraphs = facts.segments.paragraphs
    qs = [q for q in facts.quantities if paragraphs[q.paragraph].article == article
          and q.kind in ("quantity", "number") and not q.figure.chinese and q.figure.value]
    out = []
    for w, p in zip(qs, qs[1:]):
        if w.paragraph != p.paragraph or p.kind != "quantity":
            continue
        if w.kind == "quantity" and w.figure.dimension != p.figure.dimension:
            continue
        if w.kind == "number" and not w.figure.unit_text:  # a bare 301.09万 counts people only with a magnitude
            continue
        gap = paragraphs[w.paragraph].text[w.figure.end:p.figure.start]
        if COMPACT_GAP.fullmatch(gap) and w.figure.value > p.figure.value:
            out.append((w, gap, p))
    return out


def find_claims(facts: DocumentFacts, options: Options):
    """(percent, part, whole) triples the text lets us recompute."""
    out = _same_sentence(facts, options)
    claimed = {id(c[0]) for c in out}
    paragraphs = facts.segments.paragraphs
    in_paragraph = facts.by_paragraph(("percent",))
    pairs: dict[int, list] = {}
    for pq in facts.quantities:
        f = pq.figure
        if f.kind != "percent" or f.dimension != "percent" or id(pq) in claimed:
            continue
        text = paragraphs[pq.paragraph].text
        phrase = _rate_phrase(text, pq, in_paragraph.get(pq.paragraph, []), facts.segments.sentences[pq.sentence].start)
        if not phrase:
            continue
        article = paragraphs[pq.paragraph].article
        if article not in pairs:
            pairs[article] = _compact_pairs(facts, article)
        hits = [(w, p) for w, gap, p in pairs[article] if gap == phrase and p.sentence != pq.sentence]
        if len(hits) == 1:
            out.append((pq, hits[0][1], hits[0][0]))
    return out


def _named_whole(before: list[Quantity], core: str) -> Quantity | None:
    """For 占X的N%: the nearest earlier, larger figure of the part's dimension whose metric X names."""
    if len(before) < 2 or len(core) < 2:
        return None
    part = before[-1]
    for q in reversed(before[:-1]):
        if (q.figure.dimension == part.figure.dimension and q.figure.value and part.figure.value
                and q.figure.value > part.figure.value and shares_word(core, q.metric)):
            return q
    return None


def _same_sentence(facts: DocumentFacts, options: Options):
    out = []
    paragraphs = facts.segments.paragraphs
    brackets: dict[int, list[tuple[int, int]]] = {}
    by_sentence: dict[int, list[Quantity]] = {}
    for q in facts.quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    for pq in facts.quantities:
        f = pq.figure
        if f.kind != "percent" or f.dimension != "percent":
            continue
        text = paragraphs[pq.paragraph].text
        sent = facts.segments.sentences[pq.sentence]
        phrase = pre_phrase(text, f.start, sent.start)
        if not any(w in phrase for w in options.rate_words):
            continue
        core = NOT_CORE.sub("", phrase)
        if pq.paragraph not in brackets:
            brackets[pq.paragraph] = bracket_spans(text)
        spans = brackets[pq.paragraph]
        bracket = in_brackets(spans, f.start)
        before = [q for q in by_sentence.get(pq.sentence, ()) if q.figure.start < f.start
                  and q.kind == "quantity" and not q.figure.chinese and q.figure.low is not None
                  and in_brackets(spans, q.figure.start) == bracket]
        if "占" in phrase:
            # 占X的N%: the subject of 占 is the part (the figure just before), X names the whole
            named = _named_whole(before, core)
            if named:
                out.append((pq, before[-1], named))
            continue
        part = next((q for q in reversed(before) if len(core) >= 2 and shares_word(core, q.metric)), None)
        if part is None:
            continue
        whole = None
        for q in reversed(before):
            if q.figure.start >= part.figure.start or q.figure.dimension != part.figure.dimension:
                continue
            if q.figure.value is None or q.figure.value < (part.figure.value or 0):
                continue
            after = text[q.figure.end:part.figure.start]
            strong = regex.match(r"[^，,；;。]*[中里][，,]", after) or "其中" in after
            # or: the rate names the part (支出进度 ← 资金项目支出) and the whole stands just before it;
            # never two items of a 、 list (造林12.5万亩、抚育8.6万亩, 森林覆盖率 is not their ratio)
            tied = strong or ("、" not in after and core in part.metric)
            if tied:
                whole = q
            break
        if whole is not None:
            out.append((pq, part, whole))
    return out


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for pq, part, whole in find_claims(facts, rule.options):
        ratio = iv.div(iv.of(part.figure), iv.of(whole.figure))
        if ratio is None:
            continue
        ratio = (ratio[0] * 100, ratio[1] * 100)
        if iv.meet(ratio, iv.stated(pq.figure)):
            continue
        value = part.figure.value / whole.figure.value * 100
        d = max(pq.figure.decimals, 1)
        formula = f"{part.figure.text} / {whole.figure.text} = {value:.{d}f}%"
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(formula=formula, stated=pq.figure.text),
            Location(facts.path, pq.span),
            (Location(facts.path, part.span, f"部分：{part.figure.text}"),
             Location(facts.path, whole.span, f"总数：{whole.figure.text}")),
            evidence={"formula": f"{formula}，文中为 {pq.figure.text}", "computed": f"{value:.{d}f}%",
                      "stated": pq.figure.text, "part": part.figure.text, "whole": whole.figure.text},
        )
