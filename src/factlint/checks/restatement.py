"""A figure restated in the same article with another value: headline vs body, a heading vs its
section, the lead vs a later paragraph, a glossary note vs the body, one target stated twice.

What is compared (context.py says where each figure stands):
- a figure of the headline (also the run-in headline of a one-line news item or a transcript
  item), of a section heading, or of the lead, with the figures after it in its article, item
  or section; a glossary note (附注：6、新农合：…) with body sentences that name its term;
- a figure whose words point back (该品牌奶粉, 上述, 本级) with the headline, heading and lead figures
  before it;
- a target (预期目标, 左右 in a target section) with the same target stated again.
Two figures "name the same thing" when they have the same dimension and unit, the same role
(a target is never compared with an actual, a growth rate never with a level, the "from" of
由120元提高到200元 never with anything), periods that agree (1-11月 = 1—11月 = 前11个月; a
headline may leave the period to its body), subjects that can be the same (朝阳 ≠ 西城), and
metrics that share their head noun or, for a headline, at least `min_shared_chars` characters of
content words (新开工 in 1—9月全国新开工改造城镇老旧小区2.43万个 and 1—9月份新开工数量已达2.43万个);
an industry written before one metric and not the other (服务业实际使用外资金额 / 全国实际使用外资金额)
makes them two things, and so do metrics ending in two different measures (`measures`: 商品房成交均价 /
商品房销售面积) however many words they share. The 月 of 1-3月商品房销售面积 is no word of the metric.
A headline or lead figure is reported only when no figure of the body that names the same thing
agrees with it (a headline rounding 2026亿 to 超2000亿 agrees), and the body names it at least once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .. import words
from ..claims import Claim, Role
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..lexicon import lexicon
from ..metrics import subjects_agree

KIND = "restatement"
SCOPE = "document"

RANK = {"headline": 0, "title": 0, "heading": 1, "lead": 2, "body": 3, "glossary": 3}
LEVEL = {"actual": "level", "to": "level", "cumulative": "level", "part": "level", "whole": "level", "": "level",
         "per": "level"}
PER_WORDS = regex.compile(r"每人每年|每人每月|每人|每年|每月|每户|人均|户均")
ANAPHOR = regex.compile(r"该|上述|本级|所属|这些|前述")


@dataclass(frozen=True, slots=True)
class Options:
    min_shared_chars: int = 3  # content characters a headline and a body figure must share
    generic: tuple[str, ...] = ("数量", "人数", "总数", "规模", "数", "总量", "情况", "方面", "工作", "今年", "全国",
                                "同期", "记者", "增长", "比重", "占比")
    # what a metric measures, as its last word: two metrics ending in two of these are two things
    # (商品房成交均价 / 商品房销售面积) however many words they share
    measures: tuple[str, ...] = ("面积", "均价", "价格", "单价", "销售额", "销售量", "销量", "产量", "产值", "金额",
                                 "收入", "利润", "成本", "户数", "个数", "件数", "次数", "总额",
                                 "余额", "投资", "用电量", "吞吐量", "货运量", "客运量")


# the figure is the base of a comparison (比“十五”计划目标|3000亿元超过1070亿元): it names the benchmark of
# the sentence's own indicator, not a thing of its own, and each indicator has its own
_BENCHMARK = regex.compile(r"^比[^增减降升涨提高低多少超过出达为是]*$")


def _comparable(q: Quantity) -> bool:
    f = q.figure
    return (f.kind in ("quantity", "percent") and not f.chinese and f.low is not None and q.role != "from"
            and q.zone in RANK and not _BENCHMARK.match(q.phrase))


def _meet(a: Quantity, b: Quantity) -> bool:
    if a.role == b.role == "target" and a.figure.qualifier == b.figure.qualifier == "about":
        # 控制在4.8%左右 is the target's wording, not an uncertainty: the same target has one number
        return abs((a.figure.value or 0) - (b.figure.value or 0)) <= 1e-9 * max(abs(a.figure.value or 0), 1)
    tol = 1e-9 * max(abs(a.figure.value or 0), abs(b.figure.value or 0), 1)
    return not (a.figure.high + tol < b.figure.low or b.figure.high + tol < a.figure.low)


def _tokens(text: str, opts: Options) -> set[str]:
    lex = lexicon()
    return {t for t in words.cut(text) if len(t) >= 2 and t not in lex.fillers and t not in opts.generic
            and regex.fullmatch(r"\p{Han}+", t)}


_RATE_TAIL = regex.compile(r"(?:增速|增幅|涨幅|降幅|增长率|增长|上涨|下跌|上升|下降)$")
# the unit of a period written against the metric (1-3月|商品房销售面积): not a word of the metric
_PERIOD_UNIT = regex.compile(r"^(?:月份|月|年度|年|日)")


def _bare(q: Quantity) -> str:
    return _PERIOD_UNIT.sub("", q.metric)


def _metric(q: Quantity) -> str:
    m = PER_WORDS.sub("", _bare(q))
    return _RATE_TAIL.sub("", m) if q.role == "change" else m


def _last_word(metric: str, opts: Options) -> str:
    toks = [t for t in words.cut(metric) if regex.fullmatch(r"\p{Han}+", t)]
    return toks[-1] if toks and len(toks[-1]) >= 2 and toks[-1] not in opts.generic else ""


def _head(q: Quantity, opts: Options) -> str:
    """The noun right after the figure, when one follows it (27人|死亡, 46%|的海归): what it counts."""
    lex = lexicon()
    toks = words.cut(q.noun[:8].lstrip("的"))
    if toks and len(toks[0]) >= 2 and regex.fullmatch(r"\p{Han}+", toks[0]) and toks[0] not in lex.fillers \
            and toks[0] not in opts.generic and toks[0] not in lex.leading_verbs:
        return toks[0]
    return ""


# the words of an industry (服务业, 高技术制造业) that are not one: 企业, 就业, 行业 …
_NOT_SECTOR = ("企业", "就业", "创业", "营业", "专业", "行业", "事业", "作业", "毕业", "失业", "职业", "物业", "产业", "业")


def _sector(q: Quantity) -> str:
    """The industry written just before the metric, which the metric's ten characters may have lost:
    服务业|实际使用外资金额823亿元 is a part of 全国实际使用外资金额1022.8亿元, not the same figure."""
    m = _metric(q)
    k = q.phrase.rfind(m) if m else -1
    if k <= 0:
        return ""
    toks = [t for t in words.cut(q.phrase[:k]) if regex.fullmatch(r"\p{Han}+", t)]
    if not toks or toks[-1] in _NOT_SECTOR or not toks[-1].endswith("业"):
        return ""
    return toks[-1]


def _same_thing(a: Quantity, b: Quantity, opts: Options, loose: bool) -> int:
    """How well b names what a names: 0 not at all, higher is closer."""
    ha, hb = _head(a, opts), _head(b, opts)
    if ha and hb and ha != hb:
        return 0  # 27人死亡 / 730多人受伤
    sa, sb = _sector(a), _sector(b)
    if sa and sa not in b.phrase or sb and sb not in a.phrase:
        return 0  # 全国实际使用外资金额 / 服务业实际使用外资金额
    ma, mb = _metric(a), _metric(b)
    if ma and ma == mb and len(ma) >= 2:
        return 100
    tail = _tail(ma, mb)
    if tail >= 3 and len(ma) - tail <= 3 and len(mb) - tail <= 3:
        return 50  # 本级一般公共预算收入 / 一般公共预算收入; 政府补助标准 / 新农合补助标准
    short, long_ = sorted((ma, mb), key=len)
    if len(short) >= 2 and long_.endswith(short) and ANAPHOR.search(long_[:-len(short)]):
        return 50  # 该品牌奶粉 / 奶粉
    if ha and ha == hb and a.figure.kind == "quantity" and a.figure.classifier:
        return 40  # 27人死亡 / 地震已造成37人死亡
    if not loose:
        return 0
    la, lb = _last_word(ma, opts), _last_word(mb, opts)
    if la != lb and la in opts.measures and lb in opts.measures:
        return 0  # 商品房成交均价 / 商品房销售面积: one word in common, two different things
    bag_a = ma + a.phrase + a.noun[:8]
    bag_b = mb + b.phrase + b.noun[:8]
    shared = max(sum(len(t) for t in _tokens(mb + b.noun[:8], opts) if t in bag_a),
                 sum(len(t) for t in _tokens(ma + a.noun[:8], opts) if t in bag_b))
    return shared if shared >= opts.min_shared_chars else 0


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """批次 and 个批次 are one unit: a general measure word followed by the specific one."""
    if a.figure.unit == b.figure.unit and a.figure.dimension == b.figure.dimension:
        return True
    return (a.figure.unit == "个" and bool(b.figure.unit_text) and a.noun.startswith(b.figure.unit_text)
            or b.figure.unit == "个" and bool(a.figure.unit_text) and b.noun.startswith(a.figure.unit_text))


def _same_period(p: str, q: str) -> bool:
    """1—11月份 of an article whose year is not resolved ("?:1-11") is the 2021年1—11月 of its headline
    ("2021:1-11"): within one article an unknown year is the article's own."""
    if p == q:
        return True
    (py, _, pm), (qy, _, qm) = p.partition(":"), q.partition(":")
    return bool(pm) and pm == qm and "?" in (py, qy)


def _compatible(a: Quantity, b: Quantity, headline: bool) -> bool:
    if not _same_unit(a, b):
        return False
    if LEVEL.get(a.role, a.role) != LEVEL.get(b.role, b.role):
        return False
    if a.period and b.period:
        if not _same_period(a.period, b.period):
            return False
    elif (a.period or b.period) and not headline:
        return False
    if "subject" in a.written and "subject" in b.written and a.subject != b.subject:
        return False
    if a.zone == "lead" and not (_bare(a) == _bare(b) and ("period" in a.written and "period" in b.written
                                                           or len(_bare(a)) >= 4 and "period" in a.written
                                                           and not b.period)):
        # a lead holds many figures: only the same metric, of a period written in both, or written in
        # the lead and left to the article's frame in the body (1—8月，全市完成房地产投资…)
        return False
    return subjects_agree(a.subject, b.subject)


def _scope(facts: DocumentFacts, a: Quantity, qs: list[Quantity]) -> list[Quantity]:
    """The figures a restates: after it, in its article; a heading's in its section; a run-in
    headline's up to the next run-in headline of its paragraph."""
    ctx = facts.context
    if a.zone == "glossary":
        term = ctx.terms[a.paragraph]
        if not term:
            return []
        return [b for b in qs if b.zone != "glossary" and b.part != "glossary"
                and term in facts.segments.sentence_text(facts.segments.sentences[b.sentence])]
    out = [b for b in qs if b.article == a.article and b.span.start > a.span.start and RANK[b.zone] > RANK[a.zone]
           and b.zone != "glossary"]
    if a.zone == "heading":
        out = [b for b in out if ctx.sections[b.paragraph] == a.paragraph]
    if a.zone == "headline":
        para = facts.segments.paragraphs[a.paragraph]
        heads = sorted((para.span(s, e) for p, s, e, z in ctx.inline if z == "headline" and p == a.paragraph),
                       key=lambda h: h.start)
        if len(heads) > 1 or (heads and heads[0].start != para.orig_start):
            # a transcript item: its body runs to the next item's headline
            later = [h.start for h in heads if h.start > a.span.start]
            out = [b for b in out if b.paragraph == a.paragraph and (not later or b.span.start < later[0])]
    return out


def claims(rule, facts: DocumentFacts) -> Iterator[Claim]:
    """Each headline / heading / lead / glossary figure and the body figure that restates it."""
    for a, b, holds, why in _pairs(rule.options, facts):
        yield Claim("restatement", a.span, (Role("stated", a.figure.text, a.span), Role("restated", b.figure.text, b.span)),
                    holds, why)


def _pairs(opts: Options, facts: DocumentFacts):
    if facts.context is None:
        return
    qs = [q for q in facts.measurements() if _comparable(q)]
    reported: set[int] = set()
    for a in qs:
        if a.zone not in ("headline", "title", "heading", "lead", "glossary"):
            continue
        headline = a.zone in ("headline", "title", "heading")
        loose = a.zone in ("headline", "title")
        scored = []
        for b in _scope(facts, a, qs):
            if not _compatible(a, b, headline):
                continue
            s = _same_thing(a, b, opts, loose)
            if s:
                scored.append((s, b))
        if not scored:
            continue
        agree = [b for s, b in scored if _meet(a, b)]
        if agree:
            yield a, agree[0], True, "restated"
            continue
        best = max(scored, key=lambda sb: (sb[0], -sb[1].span.start))[1]
        reported.add(id(best))
        yield a, best, False, a.zone
    # a figure that points back (该品牌奶粉6个批次), or names exactly what the headline, a heading or the
    # lead named (南山奶粉8批次), against those before it
    above: dict[int, list] = {}  # article → its figures that can stand above a body or lead figure
    for a in qs:
        if RANK[a.zone] < RANK["body"]:
            above.setdefault(a.article, []).append(a)
    for b in qs:
        if b.zone not in ("body", "lead") or id(b) in reported:
            continue
        m = ANAPHOR.search(b.phrase)
        noun = b.phrase[m.end():] if m else ""  # 该|品牌奶粉: what 该 points back to
        earlier = [a for a in above.get(b.article, ()) if a.span.start < b.span.start
                   and RANK[a.zone] < RANK[b.zone] and _compatible(a, b, bool(m))
                   and (_same_thing(a, b, opts, False) >= (50 if m else 100) or m and _shares_tail(a.metric, noun))]
        if not m:
            # the same period, and written in b's sentence when the headline wrote one (平均利率3.52% after
            # 截至6月末…； inherits the article's 1-6月 only by default: not the headline's 1-6月 rate)
            earlier = [a for a in earlier if len(a.metric) >= 3 and a.period == b.period
                       and ("period" in b.written or not a.period)]
        if earlier and not any(_meet(a, b) for a in earlier):
            yield earlier[-1], b, False, earlier[-1].zone
    # one target stated twice
    targets = [q for q in qs if q.role == "target" and len(q.metric) >= 4 and q.period]
    for i, b in enumerate(targets):
        for a in targets[:i]:
            if (a.metric == b.metric and a.period == b.period and a.sentence != b.sentence and a.subject == b.subject
                    and a.figure.unit == b.figure.unit):
                if not _meet(a, b):
                    yield a, b, False, "target"
                break


def _tail(a: str, b: str) -> int:
    """How many characters a and b share at their ends."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


def _shares_tail(metric: str, noun: str) -> bool:
    """南山奶粉 and (该)品牌奶粉 end in the same noun of two characters or more."""
    return _tail(metric, noun) >= 2


WHERE = {"headline": "标题", "title": "标题", "heading": "小标题", "lead": "导语", "glossary": "注释",
         "anaphor": "前文", "target": "前文"}


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for a, b, holds, why in _pairs(rule.options, facts):
        if holds:
            continue
        where = WHERE.get(why, "前文")
        thing = b.metric or a.metric
        if why == "target":
            message = f"同一目标“{thing}”前后数值不一致：此处为 {b.figure.text}，前文为 {a.figure.text}"
        elif why in ("glossary",):
            message = f"注释与正文数值不一致：注释为 {a.figure.text}，正文为 {b.figure.text}"
        else:
            message = f"“{thing}”与{where}数值不一致：此处为 {b.figure.text}，{where}为 {a.figure.text}"
        ctx_a = facts.segments.sentence_text(facts.segments.sentences[a.sentence]).strip()
        ctx_b = facts.segments.sentence_text(facts.segments.sentences[b.sentence]).strip()
        primary, other = (a, b) if why == "glossary" else (b, a)
        yield Finding(
            rule.id, rule.category, rule.severity, message,
            Location(facts.path, primary.span),
            (Location(facts.path, other.span, f"{other.figure.text}：{(ctx_b if other is b else ctx_a)[:80]}"),),
            evidence={"metric": thing, "stated": b.figure.text, "other": a.figure.text, "where": why,
                      "role": b.role, "period": b.period,
                      "sentence": ctx_b[:120], "other_sentence": ctx_a[:120]},
        )
