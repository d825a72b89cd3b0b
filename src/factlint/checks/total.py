"""Parts that do not add up to their total.

Recognised structures (anything else is not checked):
- a total with its breakdown in brackets: 1610个(其中直接增收项目788个,间接增收项目822个);
- a total followed by 其中 and parts joined by 、: 共1200人,其中男性500人、女性700人;
- a total followed by a 、 list of the same unit: 5名队员…获得1人第一名、3人第二名、1人第三名;
- parts followed by their total with 共/合计/总计: 新建3所、改扩建5所,共8所;
- a total, then a sentence opening with 其中, 按…分 or 分…看 that gives one part per ；-clause
  (统计公报: 按经营地分，城镇…652.1亿元，增长6.7%；乡村…134.4亿元，增长7.8%); several such
  groups after one total are several breakdowns of it (从隶属关系看…；从产业投向看…); the total is the
  last figure before them, or an earlier one named by the parts' shared head noun (总产值…，增加值…。
  其中，农业产值…；渔业产值…: parts of the 总产值);
  其中，3年期、5年期均为20亿美元 is one part per item; a ；-clause holding two amounts is a breakdown of
  its own (其中，一般债务…，专项债务…；政府债券…，非政府债券…), and the group is not read;
- 其中 with parts in comma clauses of one sentence, same unit, sharing a word (其中中央…780多亿元，
  地方…250多亿元), up to a clause that opens a part's own breakdown (通过其中24件，包括制定法律6件…);
  a single 其中 part is never above its whole;
- 在70只分红的基金中，债券型基金有46只…，偏股型基金24只;
- 划分为8个方面，分别是：…支出39.62亿元；…；…支出4.84亿元 (as many ；-clauses as the count), parts
  of the nearest earlier figure named by their common metric (支出193.43亿元): complete;
- a balance: 募集到善款735014.5元 = the amounts written with 共计 after it + 还结余706189.1元;
Per-head figures (人均, 户均) and changes (同比增加) are never totals or parts.
A 其中 list may name only some parts, so a sum *below* the total is reported only when the
parts are complementary (直接/间接, 中央/地方, X/非X, 第一/二/三产业, a last 其他: rules/lexicon/arithmetic.toml) or the
total is written after them with 共/合计; a sum *above* the total is always reported. Sums use
the figures' intervals, so rounded parts (each ±half a unit) are not flagged for a last-digit gap.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator

import regex

from .. import intervals as iv
from ..facts import DocumentFacts, Quantity
from ..findings import Finding, Location
from ..lexicon import arithmetic_words, complementary
from ..parts import complete
from ..claims import Claim, Role
from ..document import Span

KIND = "total"
SCOPE = "document"

VALUE_GAP = regex.compile(r"\s*[和及与]\s*")  # 分别为120家和300家: the values element by element
LIST_GAP = regex.compile(r"[^，,；;。！？()（）]{0,10}?[、和及][^，,；;。！？()（）、]{0,10}?")
OVERLAP_NOTE = regex.compile(r"重复统计|重复计算|交叉|有重叠|兼任|部分重复|不重复")
CLAUSE_GAP = regex.compile(r"[^，,；;。！？()（）、其]{0,4}[，,；;][^，,；;。！？()（）、]{1,24}")
CHANGE_WORD = regex.compile(r"增长|下降|增加|减少|比上年|同比|提高|降低|其中")
NESTED = regex.compile(r"包括|包含|含有?")  # a part's own breakdown begins
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
            and q.figure.dimension not in ("duration", "age")  # 27岁 is nobody's part
            and (q.stock != "per" or regex.search(r"每年|每月|每季|全年", q.metric)) and q.stock != "change"]


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
                why = complete([q.metric for q in run]) if len(run) > 1 else ""
                out.append((total, run, bool(why) or _is_complementary(run), "列举" if len(run) > 1 else "其中"))
                used.update(qs.index(p) for p in run)
                continue
            # (4) parts then 共/合计 total
            if i >= 2 and TOTAL_WORD.search(text[qs[i - 1].figure.end:total.figure.start]):
                parts = _run_before(text, qs[:i], dim)
                if len(parts) >= 2:
                    out.append((total, parts, True, "合计"))
    out.extend(_breakdowns(facts, by_sentence))
    out.extend(_counted(facts, by_sentence))
    out.extend(_balances(facts))
    out.extend(_among(facts, by_sentence))
    return out


BREAKDOWN = regex.compile(r"^(?:其中|[^，,。；;]{0,10}?(?:按[^，,。；;]{1,8}分|分[^，,。；;]{1,8}看|从[^，,。；;]{1,8}看))[，,：:]")
ORDINAL_SET = regex.compile(r"第[一二三]")


EACH = regex.compile(r"((?:[^，,、；;。]{1,12}、)+[^，,、；;。]{1,12})(?:均为|均是|各为|均达)$")


def _breakdowns(facts: DocumentFacts, by_sentence: dict[int, list[Quantity]]):
    """A total, then sentences opening with 其中 / 按…分 / 从…看 that list its parts, one per ；-clause:
    社会消费品零售总额290亿元…。分规模看，限额以上…67.9亿元…；限额以下…222.1亿元…。分地域看，城镇…
    (；ends a sentence for the segmenter, so the clauses are the sentences up to the next 。). Each
    such group is a breakdown of the total before the first group, not of the group before it
    (by ownership, then by industry: two breakdowns of one total). 其中，3年期、5年期均为20亿美元
    gives one part per item."""
    sentences = facts.segments.sentences
    anchor: dict[int, int] = {}  # paragraph → last sentence outside a breakdown group
    si = 0
    while si < len(sentences):
        s = sentences[si]
        p = facts.segments.paragraphs[s.paragraph]
        if p.table or not BREAKDOWN.match(p.text[s.start:s.end]) or s.paragraph not in anchor:
            anchor[s.paragraph] = si
            si += 1
            continue
        parts, names, k = [], [], si
        while k < len(sentences) and sentences[k].paragraph == s.paragraph:
            first = next(iter(by_sentence.get(k, [])), None)
            if first is None:
                parts = []
                break
            each = EACH.search(p.text, sentences[k].start, first.figure.start)
            n = len(each.group(1).split("、")) if each and k == si else 1
            parts.extend([first] * n)
            names.extend(each.group(1).split("、") if n > 1 else [first.metric])
            if not facts.segments.sentence_text(sentences[k]).rstrip().endswith(("；", ";")):
                break
            k += 1
        before = by_sentence.get(anchor[s.paragraph], [])
        si_first = si
        si = max(k, si) + 1
        if len(parts) < 2 or not before:
            continue
        dim = parts[0].figure.dimension
        if any(sum(q.figure.dimension == dim for q in by_sentence.get(j, [])) > 1 for j in range(si_first, k + 1)):
            continue  # 其中，一般债务134841亿元，专项债务141008亿元；政府债券274098亿元，…: each clause a breakdown
        total = _named_total([q for q in before if q.figure.dimension == dim], names)
        if total is None or any(q.figure.dimension != dim for q in parts):
            continue
        cut = _first_outside(total.metric, names)
        if cut is not None:
            # 粮食种植面积…。其中，小麦…；玉米…；油料种植面积…: from 油料 on, other crops, not parts
            parts, names = parts[:cut], names[:cut]
            if len(parts) < 2:
                continue
        why = complete(names)
        yield total, parts, bool(why), "分项" + (f"（{why}）" if why else "")


def _first_outside(total_metric: str, names: list[str]) -> int | None:
    """The first part named by a category that is no kind of the total's (粮食 / 油料: not_kinds_of)."""
    for group in arithmetic_words().get("not_kinds_of", []):
        whole, others = group[0], group[1:]
        if whole not in total_metric:
            continue
        for i, name in enumerate(names):
            if any(name.startswith(o) for o in others):
                return i
    return None


def _named_total(candidates: list[Quantity], names: list[str]) -> Quantity | None:
    """The figure the parts break down: the last one before them, unless the parts share a head noun
    (农业产值, 林业产值, … 渔业产值) that an earlier figure names and the last one does not
    (农林牧渔业总产值69.93亿元…，增加值37.90亿元…。其中，农业产值7.09亿元…: the 总产值's parts)."""
    if not candidates:
        return None
    head = os.path.commonprefix([n[::-1] for n in names])[::-1][-2:] if all(names) else ""  # 产值
    if len(head) >= 2 and not candidates[-1].metric.endswith(head):
        named = [q for q in candidates if q.metric.endswith(head)]
        if named:
            return named[-1]
    return candidates[-1]


def _share_word(a: str, b: str) -> bool:
    """治理草原 shares no word with 新增造林 / 防护林: another item, not a second 其中 part."""
    return any(a[i:i + 2] in b for i in range(len(a) - 1))


COUNTED_HEAD = regex.compile(r"(?:分为|划分为|分成|包括)(?P<n>[\d一二三四五六七八九十]{1,2})(?:个|项|大)?(?:方面|部分|类|项|块)"
                            r"[^。；;：:]{0,6}[：:]")


def _counted(facts: DocumentFacts, by_sentence: dict[int, list[Quantity]]):
    """划分为8个方面，分别是：…租赁支出39.62亿元；…技术支出32.98亿元；…补助支出4.84亿元。 — as many
    ；-clauses as the count says, each opening with a figure whose metric ends in the same word (支出):
    the parts of the nearest earlier figure of that metric in the article (支出将达到193.43亿元).
    The count says the list is complete."""
    from ..numbers import cn_to_number
    sentences = facts.segments.sentences
    paragraphs = facts.segments.paragraphs
    for si, s in enumerate(sentences):
        p = paragraphs[s.paragraph]
        m = COUNTED_HEAD.search(p.text, s.start, s.end)
        if not m or p.table:
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else cn_to_number(m.group("n"))
        parts, k = [], si
        while k < len(sentences) and sentences[k].paragraph == s.paragraph and len(parts) <= (n or 0):
            first = next((q for q in by_sentence.get(k, []) if q.figure.start >= (m.end() if k == si else 0)), None)
            if first is None:
                break
            parts.append(first)
            if not facts.segments.sentence_text(sentences[k]).rstrip().endswith(("；", ";")):
                break
            k += 1
        if not n or len(parts) != n or n < 2 or any(q.figure.dimension != parts[0].figure.dimension for q in parts):
            continue
        suffix = parts[0].metric
        for q in parts[1:]:
            while suffix and not q.metric.endswith(suffix):
                suffix = suffix[1:]
        if len(suffix) < 2:
            continue
        article = p.article
        total = None
        for q in reversed(facts.quantities):
            if q.span.start >= p.span(m.start(), m.end()).start:
                continue
            if paragraphs[q.paragraph].article != article:
                break
            if (q.kind == "quantity" and q.figure.dimension == parts[0].figure.dimension and q.metric == suffix
                    and q.stock not in ("change", "per") and q.figure.value and q.figure.value > max(x.figure.value for x in parts)):
                total = q
                break
        if total is not None:
            yield total, parts, True, f"{n}个方面"


BALANCE = regex.compile(r"(?:结余|余额|剩余|尚余|还剩)(?:为|达|是)?$")
SPENT = regex.compile(r"(?:共计|合计|支出|花费|用去)(?:为|是)?$")


def _balances(facts: DocumentFacts):
    """募集到善款735014.5元 … 鞋款共计27781.6元 … 明信片共计196.8元、管理费共计847元 … 善款还结余706189.1元:
    the sum raised is the amounts spent (each written with 共计/合计/支出) plus the balance. The raised
    sum is the nearest earlier figure of the unit whose metric shares a word with the balance's."""
    paragraphs = facts.segments.paragraphs
    qs = [q for q in facts.quantities if q.kind == "quantity" and not q.figure.chinese and q.figure.value
          and not paragraphs[q.paragraph].table]
    for i, b in enumerate(qs):
        text = paragraphs[b.paragraph].text
        if not BALANCE.search(text[max(0, b.figure.start - 6):b.figure.start]):
            continue
        spent, raised = [], None
        for q in reversed(qs[:i]):
            if paragraphs[q.paragraph].article != paragraphs[b.paragraph].article:
                break
            if q.figure.unit_text != b.figure.unit_text:
                continue
            before = paragraphs[q.paragraph].text[max(0, q.figure.start - 6):q.figure.start]
            if SPENT.search(before):
                spent.insert(0, q)
            elif q.figure.value > b.figure.value and len(b.metric) >= 2 and _share_word(b.metric, q.metric):
                raised = q
                break
        if raised is not None and spent:
            yield raised, [*spent, b], True, "结余"


AMONG = regex.compile(r"[^，,。；;]{0,12}?中[，,]")


def _among(facts: DocumentFacts, by_sentence: dict[int, list[Quantity]]):
    """在近3个月70只分红的基金中，债券型基金有46只…，偏股型基金24只: the parts, one per clause in the
    same unit, of the N in 在N个X中 (a partial list: only a sum above N is reported)."""
    for si, qs in by_sentence.items():
        p = facts.segments.paragraphs[qs[0].paragraph]
        for i, total in enumerate(qs):
            m = AMONG.match(p.text, total.figure.end)
            if not m:
                continue
            sent_end = facts.segments.sentences[si].end
            parts = []
            for q in qs[i + 1:]:
                gap = regex.sub(r"[(（][^()（）]*[)）]", "", p.text[(parts[-1] if parts else total).figure.end:q.figure.start])
                if q.figure.unit_text != total.figure.unit_text or regex.search(r"[()（）]", gap) \
                        or (parts and not regex.search(r"[，,；;]", gap)) or q.figure.end > sent_end:
                    break
                parts.append(q)
            if len(parts) >= 2 and all(q.figure.value <= total.figure.value for q in parts):
                why = complete([q.metric for q in parts])
                yield total, parts, bool(why), "在…中" + (f"（{why}）" if why else "")
            break


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
        if q.figure.dimension == dim and (LIST_GAP.fullmatch(gap) or VALUE_GAP.fullmatch(gap)):
            run.append(q)
        else:
            break
    if len(run) == 1 and "其中" in between:
        # 其中中央…780多亿元，地方…250多亿元: one part per clause, up to the sentence end
        for q in rest[rest.index(first) + 1:]:
            gap = text[run[-1].figure.end:q.figure.start]
            if (q.figure.dimension != dim or q.figure.unit_text != first.figure.unit_text
                    or not CLAUSE_GAP.fullmatch(gap) or CHANGE_WORD.search(gap) or "总" in gap
                    or NESTED.search(gap)  # 通过其中24件，包括制定法律6件…: the parts of 24件, not of the total
                    or q.figure.value > total.figure.value):  # 治理草原400万亩 after 造林120万亩: not a part
                break
            run.append(q)
        if len(run) == 1:
            return run  # a single 其中 part: never above its whole
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


def _verdict(total: Quantity, parts: list[Quantity], exhaustive: bool) -> tuple[bool | None, tuple]:
    s = (0.0, 0.0)
    for p in parts:
        s = iv.add(s, iv.of(p.figure))
    t = iv.of(total.figure)
    if iv.meet(s, t):
        return True, s
    if not exhaustive and s[1] < t[0]:
        return None, s  # a partial list may fall short of its total
    return False, s


def claims(rule, facts: DocumentFacts):
    for total, parts, exhaustive, how in find_claims(facts):
        holds, s = _verdict(total, parts, exhaustive)
        value = sum(p.figure.value for p in parts)
        d = max(p.figure.decimals for p in parts)
        detail = " + ".join(p.figure.text for p in parts) + f" = {iv.in_units_of(value, total.figure, d)}，总数 {total.figure.text}"
        yield Claim("breakdown", Span(min(total.span.start, parts[0].span.start), max(total.span.end, parts[-1].span.end)),
                    (Role("total", total.figure.text, total.span), *(Role("part", p.figure.text, p.span) for p in parts)),
                    holds, how + ("" if exhaustive else "（分项可能不全）"), detail)


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for total, parts, exhaustive, how in find_claims(facts):
        holds, s = _verdict(total, parts, exhaustive)
        if holds is not False:
            continue
        t = iv.of(total.figure)
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
