"""A sentence or passage written twice in one article (pasted again in another section).

Recognised: the same run of text at two places of one news item, punctuation aside, found
from whole clauses and widened character by character. It is reported when the run
- ends a sentence (。！？；) at both places, is a whole sentence at one of them, and is at
  least `min_chars` long (a sentence pasted again, 全市完成房地产开发投资额239亿元，同比增长45.3%。), or
- ends a sentence at both places and spans at least `min_passage_clauses` clauses and
  `min_passage_chars` characters (a paragraph's worth reprinted under a subheading).
Silent on: a clause shared by two sentences that go on differently (a policy phrase or a
figure restated), headings (a headline repeated as the opening is layout), a wire story's lead (with
its dateline, or a lead paragraph that is nothing but that sentence) that a later paragraph opens with
and expands on (导语 and 主体 of a wire story), the notes under a table
(注：1．… 2．本表部分指标存在总计不等于分项之和情况… printed under each table), text after a
摘要/提要/导语/主要内容 label (an abstract repeats the body by design), tables, and two items of one
file (本报讯, 新华社…电, 央视网消息 start a new item: two reports of one event share wording).
Immediate repeats in one paragraph (the same text twice in a row) are repetition/doubled-phrase's,
up to its MAX_CLAUSES clauses.
Text repeated at many places is reported once, with the count and the first places.
"""
from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding
from .doubled import MAX_CLAUSES

KIND = "repeated"
SCOPE = "document"

KEPT = regex.compile(r"[\p{Han}\p{L}\p{N}]")
PIECE = regex.compile(r"[\p{Han}\p{L}\p{N}]+|[^\p{Han}\p{L}\p{N}]")  # a run of kept characters, or one other
CLAUSE_END = set("，,；;。！？!?：:")
SENTENCE_END = set("。！？!?；;…")
ITEM_START = regex.compile(r"本报讯|本报[^，。\s]{1,8}电|(?:新华社|中新社|人民网|新华网)[^，。]{0,16}电|央视网消息|（记者[^）]{1,12}）")
# tab-separated, a Markdown table row, or a short line in spaced columns
TABLE_ROW = regex.compile(r"\t|^\|.*\|\s*$|^(?=.{0,120}$).*\S {2,}\S.* {2,}")
# the notes under a table: 注：, then numbered notes (本表部分指标存在总计不等于分项之和情况… under each table)
TABLE_NOTE = regex.compile(r"\s*(?:注\s*\d?\s*[：:]|\d{1,2}\s*[．.、](?!\d))")
# a wire story's lead opens with its dateline: 中新网9月2日电, 中新经纬客户端7月26日电, 本报讯
# or with the day of the news itself: 4月16日，国家统计局公布…
DATELINE = regex.compile(r"\d{1,2}月\d{1,2}日电|本报讯|[^，。]{0,8}讯[（(]|^\s*\d{1,2}月\d{1,2}日[，,]")
ABSTRACT = regex.compile(r"(?:(?:内容)?(?:摘要|提要|导语|导读|编者按)|主要内容[有是]?)[：:]")
ABSTRACT_HEADING = regex.compile(r"(?:(?:内容)?(?:摘要|提要|导语|导读|编者按)|.{0,12}主要内容[有是]?)[：:]?")
ABSTRACT_REACH = 600  # characters after the label that may still be the abstract
EVIDENCE_CHARS = 300  # a passage longer than this is quoted in part in the evidence
PARTNERS = 4  # earlier places of the same clause looked at: a clause used more often is common wording


@dataclass(frozen=True, slots=True)
class Options:
    min_chars: int = 16
    min_passage_chars: int = 60  # a penalty clause a regulation repeats in many articles is shorter
    min_passage_clauses: int = 4
    max_related: int = 5


@dataclass(frozen=True, slots=True)
class _Stream:
    """A document's text with punctuation and spaces dropped, and where each kept character stands."""
    chars: str
    para: array  # paragraph of each kept character
    off: array  # its offset in the paragraph text
    clause_end: frozenset[int]  # kept positions after which a clause ends
    sentence_end: frozenset[int]  # ... a sentence ends (with 。！？；)
    sentence_start: frozenset[int]  # kept positions where a sentence begins
    item: array  # news item of each kept character
    clauses: tuple[tuple[int, int], ...]  # (start, end) in chars


def _stream(facts: DocumentFacts) -> _Stream:
    runs: list[str] = []  # the kept text, run by run
    n = 0  # kept characters so far
    para, off, item = array("l"), array("l"), array("l")  # compact: one machine word per character
    clause_end, sentence_end, sentence_start = set(), set(), set()
    clauses = []
    it, article = 0, 0
    abstract_left = 0  # kept characters still inside an abstract: they belong to no item
    clause_start = 0
    last_table = False  # the paragraph before was a table row or a table note

    def close_clause():
        nonlocal clause_start
        if n > clause_start:
            clauses.append((clause_start, n))
            clause_end.add(n - 1)
        clause_start = n

    for p in facts.segments.paragraphs:
        if p.article != article:
            it, article = it + 1, p.article
        table_row = bool(TABLE_ROW.search(p.text))
        notes = bool(TABLE_NOTE.match(p.text)) and last_table  # 注： or a numbered note right under a table
        last_table = table_row or notes
        if p.heading or p.byline or table_row or notes:
            # headings, bylines and table rows are not prose: they end what came before
            close_clause()
            if ABSTRACT_HEADING.fullmatch(p.text.strip()):
                abstract_left = ABSTRACT_REACH
            continue
        labels = {m.end() for m in ABSTRACT.finditer(p.text)}
        starts = {m.start() for m in ITEM_START.finditer(p.text)}
        close_clause()
        sentence_start.add(n)
        cuts = sorted(labels | starts | {0, len(p.text)})
        for lo, hi in zip(cuts, cuts[1:]):
            if lo in labels:
                abstract_left = ABSTRACT_REACH
            if lo in starts:
                it += 1
                close_clause()
            for m in PIECE.finditer(p.text, lo, hi):
                c = m.group()
                if KEPT.match(c):
                    k = len(c)
                    runs.append(c)
                    para.extend([p.index] * k)
                    off.extend(range(m.start(), m.end()))
                    inside = min(k, abstract_left)
                    item.extend([-1] * inside + [it] * (k - inside))
                    abstract_left -= inside
                    n += k
                elif c in CLAUSE_END and n > clause_start:
                    close_clause()
                    if c in SENTENCE_END:
                        sentence_end.add(n - 1)
                        sentence_start.add(n)
                elif c in SENTENCE_END and n > clause_start:
                    sentence_end.add(n - 1)
                    sentence_start.add(n)
        close_clause()
    return _Stream("".join(runs), para, off, frozenset(clause_end), frozenset(sentence_end),
                   frozenset(sentence_start), item, tuple(clauses))


def _runs(s: _Stream) -> Iterator[tuple[int, int, int]]:
    """(start, length, offset): text[start:start+length] == text[start+offset:...], maximal, same item."""
    where: dict[str, list[int]] = defaultdict(list)
    covered: dict[int, int] = {}  # offset → end of the last run found at it (runs come in text order)
    for ci, (a, b) in enumerate(s.clauses):
        key = s.chars[a:b]
        earlier = where[key]
        for cj in earlier[-PARTNERS:]:
            a0 = s.clauses[cj][0]
            d = a - a0
            if s.item[a] != s.item[a0] or s.item[a] < 0 or a0 < covered.get(d, -1):
                continue
            # widen to the whole common run, by characters, within the item
            # (leftwards not past a sentence end: the run starts in the sentence it was found in)
            lo = a0
            while lo > 0 and lo - 1 + d >= a0 + (b - a) and s.chars[lo - 1] == s.chars[lo - 1 + d] \
                    and s.item[lo - 1] == s.item[a0] and s.item[lo - 1 + d] == s.item[a] \
                    and lo - 1 not in s.sentence_end and lo - 1 + d not in s.sentence_end:
                lo -= 1
            hi = a0 + (b - a)
            while hi + d < len(s.chars) and hi < lo + d and s.chars[hi] == s.chars[hi + d] \
                    and s.item[hi] == s.item[a0] and s.item[hi + d] == s.item[a]:
                hi += 1
            # rightwards up to the last sentence end both places share, when it runs on past one
            if not (hi - 1 in s.sentence_end and hi - 1 + d in s.sentence_end):
                for e in range(hi - 1, a0 + (b - a) - 1, -1):
                    if e in s.sentence_end and e + d in s.sentence_end:
                        hi = e + 1
                        break
            covered[d] = hi
            yield lo, hi - lo, d
        earlier.append(ci)


def _clause_count(s: _Stream, start: int, end: int) -> int:
    return 1 + sum(1 for k in range(start, end - 1) if k in s.clause_end)


def _whole_sentence(s: _Stream, start: int, end: int) -> bool:
    return start in s.sentence_start and end - 1 in s.sentence_end


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    opts = rule.options
    s = _stream(facts)
    groups: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for lo, n, d in _runs(s):
        first, second = (lo, lo + n), (lo + d, lo + d + n)
        if d < n or (d == n and s.para[lo] == s.para[lo + d] and _clause_count(s, *first) <= MAX_CLAUSES):
            continue  # in a row in one paragraph: repetition/doubled-phrase's
        if not (first[1] - 1 in s.sentence_end and second[1] - 1 in s.sentence_end):
            continue
        if not (first[0] - 1 in s.clause_end or first[0] in s.sentence_start or first[0] == 0) \
                and not (second[0] - 1 in s.clause_end or second[0] in s.sentence_start):
            continue  # starts inside a word at both places
        whole = _whole_sentence(s, *first) or _whole_sentence(s, *second)
        passage = n >= opts.min_passage_chars and _clause_count(s, *second) >= opts.min_passage_clauses
        if (whole and n >= opts.min_chars) or passage:
            groups[s.chars[first[0]:first[1]]].update((first, second))
    # a passage repeated many times is also found as two, three… copies joined: most places first,
    # and a group whose places are already reported is the same passage again
    taken = bytearray(len(s.chars))
    for text, found in sorted(groups.items(), key=lambda g: (-len(g[1]), -len(g[0]), min(g[1]))):
        places = sorted(found)
        if all(taken[a] for a, _ in places):
            continue
        for a, b in places:
            taken[a:b] = b"\x01" * (b - a)
        if any(a < b2 and b > a2 for (a, b), (a2, b2) in zip(places, places[1:])):
            places = [pl for i, pl in enumerate(places) if i == 0 or pl[0] >= places[i - 1][1]]
            if len(places) < 2:
                continue
        if len(places) == 2 and _lead_restated(facts, s, places):
            continue
        yield _finding(rule, facts, s, places)


def _lead_restated(facts, s: _Stream, places: list[tuple[int, int]]) -> bool:
    """A news lead (导语) a later paragraph restates as it expands on it: 中新网9月2日电 …指出，今年1-7月，
    我国服务贸易保持良好增长态势。… / 会上，…通报了…。今年1-7月，我国服务贸易保持良好增长态势。…;
    财政部…数据显示，1-6月，…33411亿元。其中，… / 1-6月发行情况上，…33411亿元。其中，…"""
    ctx = facts.context
    (a, ae), (b, be) = places
    pa, pb = s.para[a], s.para[b]
    if ctx is None or ctx.zones[pa] != "lead" or pb <= pa:
        return False
    if DATELINE.search(facts.segments.paragraphs[pa].text[:40]):
        return True
    # a summary lead: the lead paragraph is the repeated text and nothing else, and the later paragraph
    # goes on after it (1-4月份，…增长10.7%，增速比一季度下降2个百分点。 / …下降2个百分点；比同期…)
    n = len(s.para)
    whole_lead = (a == 0 or s.para[a - 1] != pa) and (ae == n or s.para[ae] != pa)
    opens = s.para[b - 1] != pb  # the later paragraph opens with it …
    expands = be < n and s.para[be] == pb  # … and goes on
    return whole_lead and opens and expands


def _offsets(facts, s: _Stream, start: int, end: int) -> tuple[int, int, int]:
    """Paragraph and offsets of a run, with the signs after its last letter (45.3%) up to the break."""
    p = s.para[start]
    if s.para[end - 1] != p:  # a run across paragraphs: point at its part in the first
        end = max(k for k in range(start, end) if s.para[k] == p) + 1
    text = facts.segments.paragraphs[p].text
    e = s.off[end - 1] + 1
    while e < len(text) and text[e] not in CLAUSE_END and text[e] not in SENTENCE_END and not KEPT.match(text[e]) \
            and not text[e].isspace():
        e += 1
    return p, s.off[start], e


def _loc(facts, s: _Stream, start: int, end: int, note: str = ""):
    p, a, b = _offsets(facts, s, start, end)
    return facts.location(p, a, b, note)


def _finding(rule, facts, s: _Stream, places: list[tuple[int, int]]) -> Finding:
    # reported at the second place: the first is where the text belongs
    first, primary, rest = places[0], places[1], places[2:]
    related = [_loc(facts, s, *first, "首次出现")]
    related += [_loc(facts, s, a, b, "再次出现") for a, b in rest[:max(0, rule.options.max_related - 1)]]
    loc = _loc(facts, s, *primary)
    p, a, b = _offsets(facts, s, *primary)
    text = facts.segments.paragraphs[p].text[a:b]
    evidence = {"sentence": text if len(text) <= EVIDENCE_CHARS else text[:EVIDENCE_CHARS] + "…",
                "times": len(places), "chars": primary[1] - primary[0]}
    if len(places) - 1 > len(related):
        evidence["places_listed"] = len(related)
    return Finding(rule.id, rule.category, rule.severity, rule.message.format(n=len(places)),
                   loc, tuple(related), evidence=evidence)
