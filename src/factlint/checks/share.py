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

占…总额的X% names a total that may stand in an earlier sentence of the same article (福建省出口陶瓷
3.2亿美元 … 出口值达2.9亿美元，占同期福建省陶瓷出口总额的95.4%): the rate's name must cover that
figure's metric and nothing more but 同期 (外贸 read as 进出口); the part is the figure just before 占,
or the one the clause of 占 names (债券型基金占到了…). Never for 分别占 (element-wise, below), a
rate followed by 提高到 (the earlier year's), 两者合计占 (a sum), or 分之 fractions (rough).
从1997年的509亿元增加到2002年的1161亿元，占国内生产总值的比重从0.64%提高到1.13%: each rate over its
year's whole, when the article gave 国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元 before.
分别占…总数和总面积的a%和b%: as many parts before 分别 as rates, each over the nearest larger figure
of its own dimension before the sentence. 完成率 = 完成 / 计划 (one of each in the sentence). A loss
on a price: 以每股24.00元…每股亏损17.35元，亏损幅度达到72.79% → 17.35 / 24.00.
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
from ..lexicon import arithmetic_words
from ..metrics import pre_phrase

KIND = "share"
SCOPE = "document"

NOT_CORE = regex.compile(r"率|进度|比重|比例|占比|占|总|的|达|为|是|由|至|到|下降|降|升|提高|分别|已|共|全市|全县|[\d%.]")


@dataclass(frozen=True, slots=True)
class Options:
    rate_words: tuple[str, ...] = ("率", "进度", "比重", "比例", "占", "幅度", "跌幅", "涨幅", "完成计划的", "完成目标的")


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


RESPECTIVE = regex.compile(r"分别占(?P<whole>[^，,。；;%]{2,30}?)的?$")


def _respectively(facts: DocumentFacts) -> list:
    """国家级自然保护区303个，面积9120万公顷，分别占全国自然保护区总数和总面积的11.9%和61.2%: as many
    parts before 分别 in the sentence as rates after it, each over the nearest earlier, larger figure of its
    own dimension that the named whole shares a word with (自然保护区2538个, 保护区总面积约149万平方公里)."""
    out = []
    paragraphs = facts.segments.paragraphs
    for si, s in enumerate(facts.segments.sentences):
        text = paragraphs[s.paragraph].text
        k = text.find("分别占", s.start, s.end)
        if k < 0 or paragraphs[s.paragraph].table:
            continue
        mine = [q for q in facts.quantities if q.sentence == si]
        rates = [q for q in mine if q.figure.start > k and q.kind == "percent" and q.figure.dimension == "percent"]
        if not rates:
            continue
        m = RESPECTIVE.search(text, k, rates[0].figure.start)
        parts = [q for q in mine if q.figure.end <= k and q.kind == "quantity" and not q.figure.chinese
                 and q.stock not in ("change", "per") and q.figure.value]
        if not m or len(parts) != len(rates) or len(rates) < 2 or len({q.figure.dimension for q in parts}) != len(parts):
            continue
        name = m.group("whole")
        for part, rate in zip(parts, rates):
            whole = next((q for q in reversed(facts.quantities) if q.span.start < s_start(facts, s)
                          and q.paragraph == s.paragraph and q.kind == "quantity" and q.figure.value
                          and q.figure.dimension == part.figure.dimension and q.figure.value > part.figure.value
                          and q.stock not in ("change", "per") and shares_word(name, q.metric)), None)
            if whole is not None:
                out.append((rate, part, whole))
    return out


YEAR = r"(?:19|20|１９|２０)[0-9０-９]{2}"
FROM_TO = regex.compile(rf"从(?P<y0>{YEAR})年(?:底|末)?的?(?P<a>[^，,。；;]{{1,16}}?)(?:增加|增长|提高|上升|扩大|减少|下降|降低)(?:到|至)"
                        rf"(?P<y1>{YEAR})年(?:底|末)?的?(?P<b>[^，,。；;]{{1,16}}?)(?=[，,。；;]|$)")
SHARE_FROM_TO = regex.compile(r"^[，,]\s*占(?P<whole>[^，,。；;]{2,16}?)的?(?:比重|比例)从")


def _fold(s: str) -> str:
    return s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def _from_to_shares(facts: DocumentFacts) -> list:
    """经费从1997年的509亿元增加到2002年的1161亿元，占国内生产总值的比重从0.64%提高到1.13%, with
    国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元 earlier in the article: each year's amount
    over that year's whole."""
    out = []
    paragraphs = facts.segments.paragraphs
    spans: dict[int, list] = {}  # article → [(subject words, y0, y1, figure at a, figure at b)]
    by_paragraph = facts.by_paragraph(("quantity", "percent"))
    for p in paragraphs:
        if p.table:
            continue
        qs = by_paragraph.get(p.index, [])
        for m in FROM_TO.finditer(p.text):
            fa = next((q for q in qs if m.start("a") <= q.figure.start < m.end("a")), None)
            fb = next((q for q in qs if m.start("b") <= q.figure.start < m.end("b")), None)
            if fa is None or fb is None or fa.figure.dimension != fb.figure.dimension:
                continue
            head = p.text[:m.start()]
            subject = head[max((head.rfind(c) for c in "，,。；;：:—"), default=-1) + 1:]
            entry = (subject, _fold(m.group("y0")), _fold(m.group("y1")), fa, fb)
            rest = p.text[m.end():]
            sm = SHARE_FROM_TO.match(rest)
            if sm:
                after = [q for q in qs if q.figure.start >= m.end() + sm.end() and q.figure.dimension == "percent"][:2]
                name = sm.group("whole")
                for subj, y0, y1, wa, wb in reversed(spans.get(p.article, [])):
                    if (y0, y1) == entry[1:3] and subj.endswith(name) and wa.figure.dimension == fa.figure.dimension:
                        if len(after) == 2:
                            out += [(after[0], fa, wa), (after[1], fb, wb)]
                        break
            spans.setdefault(p.article, []).append(entry)
    return out


def s_start(facts: DocumentFacts, s) -> int:
    return facts.segments.paragraphs[s.paragraph].span(s.start, s.start + 1).start


def find_claims(facts: DocumentFacts, options: Options):
    """(percent, part, whole) triples the text lets us recompute."""
    out, seen = [], set()
    for c in _same_sentence(facts, options) + _respectively(facts) + _from_to_shares(facts):
        if id(c[0]) not in seen:  # one reading per rate: the first structure that claimed it
            seen.add(id(c[0]))
            out.append(c)
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


def _named_whole(before: list[Quantity], core: str, part: Quantity) -> Quantity | None:
    """For 占X的N%: the nearest earlier, larger figure of the part's dimension whose metric X names."""
    if len(core) < 2:
        return None
    for q in reversed(before):
        if q.figure.start >= part.figure.start:
            continue
        if (q.figure.dimension == part.figure.dimension and q.figure.value and part.figure.value
                and q.figure.value > part.figure.value and shares_word(core, q.metric)):
            return q
    return None


TOTAL_NAME = regex.compile(r"总额|总量|总数|总值|总收入|总产值|总产量|总人数|总面积|全部")
SAME_PERIOD = regex.compile(r"同期|当年|全年|同年|本年|全部|所有")
FROM_RATE = regex.compile(r"\s*(?:提高|增加|上升|下降|降低|减少|升|降)?(?:到|至)")
SUM_SUBJECT = regex.compile(r"合计|两者|三者|二者|共计|总和|以上|上述")
CLAUSE = regex.compile(r"[，,；;：:]")


def _tied_whole(text: str, before: list[Quantity], part: Quantity) -> Quantity | None:
    """占比 naming no whole: the figure the part is tied to by 其中 or 在…中 (地区生产总值4000.5亿元，
    其中第三产业增加值611.0亿元，占比15.3%)."""
    for q in reversed(before):
        if q.figure.start >= part.figure.start or q.figure.dimension != part.figure.dimension:
            continue
        after = text[q.figure.end:part.figure.start]
        if (q.figure.value or 0) > (part.figure.value or 0) and ("其中" in after or regex.match(r"[^，,；;。]*中[，,]", after)):
            return q
        return None
    return None


def _part_of(text: str, sent_start: int, occupy: int, before: list[Quantity]) -> Quantity | None:
    """The subject of 占: the figure just before it in its clause chain (出口值达2.9亿美元，增长8.8%，占…),
    or, when the clause of 占 names its own subject (债券型基金占到了…), the figure of that name."""
    clause_start = max((m.end() for m in CLAUSE.finditer(text, sent_start, occupy)), default=sent_start)
    subject = text[clause_start:occupy]
    if SUM_SUBJECT.search(subject):
        return None
    subject = regex.sub(r"^(?:其中|而|则|并|共)|[的则也均都分别]+$", "", subject)
    if len(subject) >= 2 and not any(q.figure.start >= clause_start for q in before):
        named = [q for q in before if q.metric and (q.metric.endswith(subject) or subject.endswith(q.metric))
                 and len(q.metric) >= 2]
        return named[-1] if named else None
    return before[-1] if before and not subject.strip() else None


def _whole_before(facts: DocumentFacts, pq: Quantity, part: Quantity, core: str) -> Quantity | None:
    """占同期福建省陶瓷出口总额的95.4%: the total the rate names, given in an earlier sentence of the
    article (福建省出口陶瓷3.2亿美元): its metric's words all stand in the name."""
    if not TOTAL_NAME.search(core):
        return None
    core = NOT_CORE.sub("", core)
    for a, b in arithmetic_words().get("whole_synonyms", []):
        core = core.replace(a, b)
    article = facts.segments.paragraphs[pq.paragraph].article
    paragraphs = facts.segments.paragraphs
    for q in reversed(facts.quantities):
        if q.span.start >= part.span.start or q.sentence == pq.sentence:
            continue
        if paragraphs[q.paragraph].article != article:
            break
        if (q.kind != "quantity" or q.stock in ("change", "per") or q.figure.dimension != part.figure.dimension
                or q.figure.chinese or not q.figure.value or q.figure.value <= (part.figure.value or 0)):
            continue
        name = NOT_CORE.sub("", q.metric)
        # the name and the total's metric cover each other (同期福建省陶瓷出口 ↔ 福建省出口陶瓷), so
        # 所有中国赴日留学生总数 is not 9301名留学生 of 195所学校
        rest = [c for c in SAME_PERIOD.sub("", core) if c not in name]
        if len(name) >= 3 and all(c in core for c in name) and len(rest) <= 1 and not part.metric.endswith(q.metric):
            return q
    return None


PLAN_RATE = regex.compile(r"完成率|执行率|完成进度|完成计划的|完成目标的|完成任务的")
DONE = regex.compile(r"完成|实际|实现|到位")
PLAN = regex.compile(r"计划|预算|目标|任务")
LOSS_RATE = regex.compile(r"(?:亏损|损失|下跌|跌|涨|上涨|盈利|收益)(?:幅度|率)|跌幅|涨幅")
LOSS_PART = regex.compile(r"亏损|损失|下跌|跌了|上涨|涨了|盈利|赚")
PRICE = regex.compile(r"(?:以|按)(?:每股|每份|每吨|每平方米)?(?:人民币)?$")


def _loss_on_price(text: str, sent_start: int, pq: Quantity, before: list[Quantity]):
    """每股亏损17.35元，亏损幅度达到72.79% on a price 以每股24.00元 in the same sentence: A / B."""
    part = next((q for q in reversed(before) if LOSS_PART.search(q.metric or "")
                 or LOSS_PART.search(text[max(sent_start, q.figure.start - 4):q.figure.start])), None)
    if part is None or before.index(part) != len(before) - 1:
        return None
    prices = [q for q in before if q is not part and q.figure.unit_text == part.figure.unit_text
              and PRICE.search(text[max(sent_start, q.figure.start - 8):q.figure.start])]
    return (pq, part, prices[0]) if len(prices) == 1 else None


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
                  and q.stock not in ("change", "per") and in_brackets(spans, q.figure.start) == bracket
                  and q.figure.qualifier not in ("at_most", "at_least")]  # 月收入3000元以下: a threshold
        if LOSS_RATE.search(phrase):
            claim = _loss_on_price(text, sent.start, pq, before)
            if claim:
                out.append(claim)
            continue
        if "占" in phrase:
            # 占X的N%: the subject of 占 is the part, X names the whole
            occupy = text.rfind("占", sent.start, f.start)
            part = _part_of(text, sent.start, occupy, before)
            # 分别占…的a%和b% binds element-wise; 从1.07%提高到1.49%: the first rate is of an earlier year
            if (part is None or pq.figure.unit_text == "分之" or "分别" in phrase
                    or FROM_RATE.match(text, f.end)):
                continue
            named = (_named_whole(before, core, part) or _whole_before(facts, pq, part, phrase)
                     or (_tied_whole(text, before, part) if len(core) < 2 else None))
            if named:
                out.append((pq, part, named))
            continue
        if PLAN_RATE.search(phrase):
            # 完成率 = 完成 / 计划: the figure said to be done over the one said to be planned
            done = [q for q in before if DONE.search(q.metric + text[max(sent.start, q.figure.start - 4):q.figure.start])
                    and not PLAN.search(q.metric + text[max(sent.start, q.figure.start - 4):q.figure.start])]
            plan = [q for q in before if PLAN.search(q.metric + text[max(sent.start, q.figure.start - 4):q.figure.start])]
            if len(done) == 1 and len(plan) == 1 and done[0].figure.dimension == plan[0].figure.dimension:
                out.append((pq, done[0], plan[0]))
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
            # 赤字率 beside 财政赤字9000亿元，其中中央财政赤字7000亿元 is a rate of the whole, not part / whole
            if tied and not (len(core) >= 2 and core in q.metric):
                whole = q
            break
        if whole is not None:
            out.append((pq, part, whole))
    return out


def claims(rule, facts: DocumentFacts):
    from ..claims import Claim, Role
    from ..document import Span
    for pq, part, whole in find_claims(facts, rule.options):
        ratio = iv.div(iv.of(part.figure), iv.of(whole.figure))
        holds = None if ratio is None else iv.meet((ratio[0] * 100, ratio[1] * 100), iv.stated(pq.figure))
        value = part.figure.value / whole.figure.value * 100 if whole.figure.value else 0.0
        spans = [pq.span, part.span, whole.span]
        yield Claim("share", Span(min(x.start for x in spans), max(x.end for x in spans)),
                    (Role("rate", pq.figure.text, pq.span), Role("part", part.figure.text, part.span),
                     Role("whole", whole.figure.text, whole.span)), holds, "",
                    f"{part.figure.text} / {whole.figure.text} = {value:.{max(pq.figure.decimals, 1)}f}%，文中为 {pq.figure.text}")


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
