"""Count words and the lists they name, numbered points, and the subjects before 分别.

`find(text)` returns, for one paragraph, every count word that stands next to a list, with
the items as written. A count word is a numeral and what it counts, quoted (“五型红会”,
“三亮三比”, “一廊三区”) or with a classifier (六项举措, 5个关键方面, 四位发起人, 3间医院). The
list is the run of items just before it (separated by 、, and by 以及 / a final 和·及·与 between
items) or just after it in brackets; a compound term (“四升三降一平”) may instead be followed by
a colon and clauses that state each part (上涨…，下降…，持平). Nothing is returned where the
structure is not clear.

A final 和/及/与 may join two items or sit inside one (政策和研究, 交通和通信类), so a list is
as long as its pieces or as long as its pieces plus such joins (`Found.joins`): a count is
judged only when it is outside that range. A join is only seen at a word boundary (never the
和 of 和平).

`markers(segments)` reads numbered points (一、 （一） 1. (1) ① 一是 第一，) and `runs` groups
them into sequences; `points` ties a count word to the numbered points it announces (以下六方面
工作：（一）…（六）; 以上十条 after them) and `named_later` to items it names further on
(分送3间医院 … 屯门医院、北区医院及博爱医院).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import words
from .lexicon import builtin_rules_dir
from .numbers import cn_to_number
from .tomlload import load_toml

CN = "一二三四五六七八九十两"
CLASSIFIERS = "方面|个|项|大|种|类|条|篇|点|名|位|只|家|所|间|张|伙"
# “五型红会”, “三亮三比”, “一廊三区”, “5个办结”: a quoted term that starts with a numeral
QUOTED_TERM = regex.compile(rf"“(?P<term>[{CN}]+[^“”\s\d·•]{{1,6}}?)”")
# 六项举措, 5个关键方面, 四个方面, 三篇文章, 四位发起人, 以上十条
CLASSIFIED = regex.compile(
    rf"(?<![\d.．{CN}百千万亿第])(?P<num>[{CN}]+|\d{{1,2}})(?P<cls>{CLASSIFIERS})"
    rf"(?=[，,。；;、：:（(”\s]|$|\p{{Han}})")
COUNT_INSIDE = regex.compile(rf"(?:[{CN}]+|\d+)(?:{CLASSIFIERS}|[地级方省市县区国])")
PAIR = regex.compile(rf"(?P<n>[{CN}]+)(?P<m>[^{CN}\d]+)")
LIST_STOP = set("，,；;。！？!?：:（(）)《》\n")
JOIN = regex.compile(r"(?<=\p{Han})(?:以及|和|及|与)(?=\p{Han})")
MIDDLE_JOIN = regex.compile(r"(?<=\p{Han}{2})以及(?=\p{Han}{2})")
FUNCTION_WORDS = frozenset("是为的和及与在有都也就中里等了将要已被把对向从又并或而均共各")
BRACKETED = regex.compile(r"[（(][^（()）]*[）)]")


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_toml(builtin_rules_dir() / "lexicon" / "enumeration.toml")


def governing_verbs() -> frozenset[str]:
    return frozenset(_lexicon()["governing_verbs"])


@dataclass(frozen=True)
class Found:
    term: str  # the count word as written (五型红会, 六项举措)
    start: int
    end: int
    count: int
    parts: tuple[tuple[int, str], ...]  # (numeral, morpheme) for compound terms: 三亮三比 → (3, 亮), (3, 比)
    items: tuple[str, ...]
    item_spans: tuple[tuple[int, int], ...]
    partial: bool  # 等 before the count: fewer items listed is fine
    before: bool  # the list stands before the count word
    joins: int = 0  # 和/及/与 that may join two items: the list is len(items) .. len(items) + joins long
    exact_only: bool = False  # judged only when it fits: 的 between an unquoted list and the count (the list may
    # be a modifier), a list after a colon cut by a comma (it may go on)
    part_ranges: tuple[tuple[int, int], ...] = ()  # compound terms stated by clauses: per part, lo..hi clauses
    why: str = ""


def _parts(term: str) -> tuple[tuple[int, str], ...]:
    """三亮三比 → ((3, 亮), (3, 比)); 五型红会 → ((5, 型红会),); 5个办结 → ((5, 个办结),)."""
    if term[0].isdigit():
        m = regex.match(r"(\d+)(.*)", term)
        return ((int(m.group(1)), m.group(2)),)
    out = []
    for m in PAIR.finditer(term):
        n = cn_to_number(m.group("n"))
        if n is None:
            return ()
        out.append((n, m.group("m")))
    if len(out) > 1 and out[-1] == (1, "体"):
        out = out[:1]  # 五位一体 counts five
    return tuple(out)


def _is_join(text: str, m) -> bool:
    """A 和/及/与 that stands as a word of its own (not the 和 of 和平 or 普及率)."""
    a = max(0, m.start() - 4)
    pos = a
    for tok in words.cut(text[a:m.end() + 4]):
        if pos == m.start():
            return tok == m.group()
        if pos > m.start():
            return False
        pos += len(tok)
    return False


def _split(text: str, start: int, commas: bool = False) -> tuple[list[tuple[int, int]], int]:
    """Item spans of a list text, split on 、 (and commas inside a quoted list) and on 以及 anywhere;
    and how many word-boundary 和/及/与 in the last piece may join two more items."""
    seps = "、，," if commas else "、"
    pieces, s = [], 0
    for i, c in enumerate(text + "、"):
        if c in seps:
            pieces.append((s, i))
            s = i + 1
    out = []
    for a, b in pieces:
        cut = a
        for m in MIDDLE_JOIN.finditer(text, a, b):
            out.append((cut, m.start()))
            cut = m.end()
        out.append((cut, b))
    out = [(x, y) for x, y in out if y > x]
    joins = 0
    if out:
        a, b = out[-1]
        joins = sum(1 for m in JOIN.finditer(text, a, b) if m.group() != "以及" and _is_join(text, m))
    return [(start + a, start + b) for a, b in out], joins


def _list_before(text: str, end: int) -> tuple[int, int, bool] | None:
    """The list text ending at `end`, stepping over bracketed notes (天河(大部分在珠江新城)、荔湾)."""
    i = end
    if i > 0 and text[i - 1] == "”":
        j = text.rfind("“", 0, i - 1)
        if j < 0 or "”" in text[j + 1:i - 1]:
            return None
        return j + 1, i - 1, True
    while i > 0 and text[i - 1] not in LIST_STOP:
        i -= 1
        if i > 0 and text[i - 1] in "）)":
            j = max(text.rfind("（", 0, i - 1), text.rfind("(", 0, i - 1))
            if j < 0 or i - j > 30:
                break
            i = j
    return i, end, False


def _fixed(text: str, start: int, term: str) -> bool:
    rest = text[start:start + 12].lstrip("“")
    return any(rest.startswith(f) or term == f for f in _lexicon()["fixed_terms"])


def _candidates(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, term, classifier) of every count word in a paragraph."""
    out = []
    quoted = bytearray(len(text))
    for m in QUOTED_TERM.finditer(text):
        # a term inside a list item (门前“三包”、垃圾清运 / “六廉”建设、提升) names no list
        tail = regex.match(r"\p{Han}{0,4}", text[m.end():])
        after = m.end() + tail.end()
        if after < len(text) and text[after] == "、":
            continue
        out.append((m.start(), m.end(), m.group("term"), ""))
        quoted[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    skip = tuple(_lexicon()["not_list_nouns"])
    for m in CLASSIFIED.finditer(text):
        if quoted[m.start()]:
            continue
        if m.start() > 0 and text[m.start() - 1] in "近每约超前后余":
            continue  # 最近3个月, 每3个, 约5个: not the name of a list
        ns = m.end("cls")
        noun = words.cut(text[ns:ns + 8])[0] if ns < len(text) and regex.match(r"\p{Han}", text[ns]) else ""
        if noun in FUNCTION_WORDS or noun.startswith("分别"):
            noun = ""  # 以上四点是…, 3伙为…: the word after the count is not what it counts
        if m.group("cls") == "个" and not noun:
            continue
        if any(noun.startswith(w) for w in skip) or (m.group("cls") == "大" and not noun):
            continue
        end = ns + len(noun)
        out.append((m.start(), end, text[m.start():end], m.group("cls")))
    return sorted(out)


def find(text: str, next_text: str = "") -> list[Found]:
    """Count words with their lists in one paragraph (next_text: the paragraph after it)."""
    out: list[Found] = []
    seen: set[int] = set()
    for start, end, term, cls in _candidates(text):
        if start in seen:
            continue
        parts = _parts(term)
        if not parts:
            continue
        count = sum(n for n, _ in parts)
        if not 2 <= count <= 12 or all(n == 1 for n, _ in parts):
            continue  # 一校一策, 一带一路: a motto, not a count
        fixed = _fixed(text, start, term)
        # a fixed term (八项主张, “五位一体”) is judged only against a list right beside it
        beside = not fixed or (text[start] == "“" and start > 0 and text[start - 1] not in "的等这")
        found = _before(text, start, end, term, parts, count, cls) if beside else None
        if not found:
            found = _after(text, start, end, term, parts, count)  # “三联系”(联系家长、…); 三大工程（…）
        if not found and not fixed and len(parts) > 1:
            found = _compound_clauses(text, start, end, term, parts, count)  # “四升三降一平”：上涨…
        if not found and cls:
            found = _codes_after(text, start, term, parts, count)  # 另7伙为63楼A、C至G及J室
        if not found and (not fixed or start <= 4):
            found = _colon_list(text, start, end, term, parts, count, next_text)  # 8类大病：儿童白血病、…
        if found:
            seen.add(start)
            out.append(found)
    return out


def _clean_items(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]] | None:
    items = tuple(BRACKETED.sub("", text[a:b]).strip("“”‘’\"' ") for a, b in spans)
    if len(items) < 2 or any(not it or len(it) > 20 or regex.search(r"\d", it) for it in items):
        return None  # a list of figures (1项指南、12个规范) or prose, not items
    if any(regex.fullmatch(rf"[{CN}]+", it) for it in items):
        return None  # 二、全面贯彻…: a section number, not an item
    return items, tuple(spans)


def _before(text, start, end, term, parts, count, cls="") -> Found | None:
    if text[start - 1:start] in ("了", "着", "过", "在"):
        return None  # 建立了6个…: the count is the verb's object, the words before are not its list
    i = start
    partial = modifier = False
    for _ in range(2):
        if text[i - 1:i] == "的":
            i -= 1
            modifier = True
        elif text[i - 2:i] == "等等":
            i -= 2
            partial = True
        elif text[i - 1:i] == "等":
            i -= 1
            partial = True
        elif text[i - 1:i] in ("这", "共"):
            i -= 1
        elif text[i - 2:i] == "在内":
            i -= 2
            partial = True  # 包括A、B在内的5个: the list is among them
    if i == 0 or text[i - 1] in LIST_STOP or text[i - 1] in "、和及与或并":
        return None  # nothing before, the term is an item of a list itself (…系统和3个平台)
    if i == start and regex.fullmatch(r"[0-9０-９]+\p{Han}", term):
        return None  # 决定批准条约、重要协定9项: a bare figure right after kinds of things counts them, not the kinds
    got = _list_before(text, i)
    if not got:
        return None
    a, b, quoted = got
    if "、" not in BRACKETED.sub("", text[a:b]):
        return None
    spans, joins = _split(text[a:b], a, commas=quoted)
    if spans and not quoted:
        # 天河、荔湾和番禺是豪宅三大供应区域: the list is the subject of 是
        la, lb = spans[-1]
        m = regex.search(r"(?<=\p{Han})(?:是|成为)(?=\p{Han}{0,6}$)", text[la:lb])
        if m:
            spans[-1] = (la, la + m.start())
            _, joins = _split(text[a:la + m.start()], a)
    # “五统一”: an item cut off by a comma still carries the term's morpheme (统一供应鸡苗,统一…)
    if len(parts) == 1 and len(spans) < count and not quoted and parts[0][1]:
        morpheme = parts[0][1][:2]
        k = a - 1
        while len(spans) < count and k > 0 and text[k] in "，,":
            j = k
            while j > 0 and text[j - 1] not in LIST_STOP:
                j -= 1
            if not text[j:k].startswith(morpheme):
                break
            spans.insert(0, (j, k))
            k = j - 1
    if len(spans) < count and not quoted:
        spans = _parallel_groups(text, a, b, len(spans)) or spans
    cleaned = _clean_items(text, spans)
    if not cleaned:
        return None
    items = cleaned[0]
    last = items[-1]
    if any(last.endswith(v) and len(last) > len(v) for v in _lexicon()["object_verbs"]):
        return None  # 张三、李四获得3个奖项: the list is the subject, the count the verb's object
    if last.endswith(tuple(_lexicon()["prepositions"])):
        return None  # 中国农业发展银行和中国邮政储蓄银行为“三农”服务: the term is the preposition's object
    if any(last.endswith(v) and len(last) >= len(v) + 2 or last == v for v in governing_verbs()) or "“" in last or COUNT_INSIDE.search(last):
        return None  # 坚定“四个自信”; 国家、省、市、县四级系统: the list belongs to another word
    if cls in _lexicon()["people_classifiers"]:
        suffixes = tuple(_lexicon()["people_suffixes"])
        if any(len(it) > 4 and not it.endswith(suffixes) for it in items):
            return None  # 名/位 count people: these items are not people
    return Found(term, start, end, count, parts, items, cleaned[1], partial, True, joins,
                 modifier and not quoted, why="列在前面" + ("（“等”）" if partial else ""))


def _parallel_groups(text: str, a: int, b: int, size: int) -> list[tuple[int, int]] | None:
    """什么是社会主义、怎样建设社会主义，建设什么样的党、怎样建设党，实现什么样的发展、怎样发展这三大基本问题:
    clauses before the list, cut by commas, that are 、-lists of the same length are its parallel items;
    the items are then the clauses (three), not the 、-parts of the last one (two)."""
    groups = [(a, b)]
    k = a - 1
    while k > 0 and text[k] in "，,":
        j = k
        while j > 0 and text[j - 1] not in LIST_STOP:
            j -= 1
        clause = text[j:k]
        pieces = [text[x:y] for x, y in _split(clause, j)[0]]
        if len(pieces) != size or regex.search(r"\d|[０-９]", clause) or any(len(p) > 10 for p in pieces[1:]):
            break  # not a short 、-list like the last one (…认捐５００双运动鞋陈飞宇夫妇、名堂装饰、…)
        groups.insert(0, (j, k))
        k = j - 1
    return groups if len(groups) > 1 else None


def _after(text, start, end, term, parts, count) -> Found | None:
    if end >= len(text) or text[end] not in "(（":
        return None
    close = regex.compile(r"[)）]").search(text, end + 1)
    if not close or "、" not in text[end + 1:close.start()]:
        return None
    spans, joins = _split(text[end + 1:close.start()], end + 1)
    cleaned = _clean_items(text, spans)
    if not cleaned or (text[start] != "“" and any(len(it) < 2 for it in cleaned[0])):
        return None  # 11个县（市、区）: kinds the noun also covers, not its items
    return Found(term, start, end, count, parts, cleaned[0], cleaned[1], False, False, joins, why="括号内列出")


CODE_LIST = regex.compile(
    r"(?:为|是|即|包括)(?:\d{1,3}[楼层座栋])?"
    r"(?P<list>[A-Z\d]{1,4}(?:(?:、|及|和|与|至|到)[A-Z\d]{1,4})+)(?![A-Za-z\d.])")
CODE_SEP = regex.compile(r"、|及|和|与")


def _codes_after(text, start, term, parts, count) -> Found | None:
    """另7伙为63楼A、C至G及J室: units named by code, a range (C至G) counting every code in it."""
    head = regex.match(rf"[{CN}\d]+(?:{CLASSIFIERS})", term)
    if len(parts) != 1 or not head:
        return None
    m = CODE_LIST.match(text, start + head.end())
    if not m:
        return None
    items, spans, n = [], [], 0
    pos = m.start("list")
    for piece in CODE_SEP.split(m.group("list")):
        ends = regex.split(r"至|到", piece)
        if len(ends) == 2:
            a, b = ends
            if len(a) == len(b) == 1 and a.isalpha() and b.isalpha():
                k = ord(b) - ord(a) + 1
            elif a.isdigit() and b.isdigit():
                k = int(b) - int(a) + 1
            else:
                return None
            if not 1 < k <= 26:
                return None
            items += [chr(ord(a) + i) if a.isalpha() else str(int(a) + i) for i in range(k)]
            spans += [(pos, pos + len(piece))] * k
        elif len(ends) == 1:
            items.append(piece)
            spans.append((pos, pos + len(piece)))
        else:
            return None
        pos += len(piece) + 1
    if len(items) < 2:
        return None
    end = start + head.end()
    return Found(text[start:end], start, end, count, parts, tuple(items), tuple(spans), False, False,
                 why="后面列出编号（“至”含区间内各号）")


COLON_LEAD = regex.compile(r"[”\p{Han}]{0,6}[：:](?:是指|指|即|包括|分别是|分别为)?")
FIGURE_ITEM = regex.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|元|个|人|项|家|年)")
MARKER_START = regex.compile(r"[（(]?[一二三四五六七八九十\d]+[）)、.．是]|第[一二三四五六七八九十]+[，,]|[①-⑳]")


def _colon_items(body: str, at: int, whole_sentence: bool = False):
    """The 、 list that starts at `at` and runs to the first ，。；: (spans, joins, partial, items)."""
    if MARKER_START.match(body, at):
        return None  # numbered points: `points` counts those
    stop = regex.compile(r"[，,。；;！？!?：:]").search(body, at)
    b = stop.start() if stop else len(body)
    if whole_sentence and stop and body[b] not in "。；;":
        return None
    spans, joins = _split(body[at:b], at)
    partial = body[b - 1:b] == "等"
    if partial and spans:
        spans[-1] = (spans[-1][0], b - (2 if body[b - 2:b] == "等等" else 1))
    items = tuple(BRACKETED.sub("", body[x:y]).strip("“”‘’\"' ") for x, y in spans)
    if len(items) < 2 or any(not it or len(it) > 20 or FIGURE_ITEM.search(it) for it in items):
        return None
    # a list cut by a comma may go on after it (三大特点：收购进度快、市场活跃，优质优价)
    closed = not stop or body[b] in "。！？!?"
    return spans, joins, partial, items, closed


def _colon_list(text, start, end, term, parts, count, next_text="") -> Found | None:
    """A list after a colon (glossary notes): 8类大病：儿童白血病、…、艾滋病机会性感染。
    The list runs to the first ，。； and must not be numbered points."""
    m = COLON_LEAD.match(text, end)
    if len(parts) != 1 or not m or not text[m.end():].strip():
        return None
    got = _colon_items(text, m.end())
    if not got:
        return None
    spans, joins, partial, items, closed = got
    return Found(term, start, end, count, parts, items, tuple(spans), partial, False, joins, not closed,
                 why="冒号后列出")


def colon_next_line(paragraphs, taken: set[tuple[int, int]]) -> list[Tied]:
    """A count word whose line ends with a colon and whose list is the whole next line:
    主要包括以下三类：\n农业、农村、农民。"""
    out = []
    for p, start, end, term, cls, parts in _single_counts(paragraphs, taken):
        m = COLON_LEAD.match(p.text, end)
        if not m or p.text[m.end():].strip() or p.index + 1 >= len(paragraphs):
            continue
        nxt = paragraphs[p.index + 1]
        got = _colon_items(nxt.text, 0, whole_sentence=True)
        if not got or nxt.article != p.article:
            continue
        spans, joins, partial, items, closed = got
        f = Found(term, start, end, parts[0][0], parts, items, tuple(spans), partial, False, joins, not closed,
                  why="下一行列出")
        out.append(Tied(p.index, f, tuple(nxt.index for _ in items), True))
    return out


COLON_AFTER = regex.compile(r"[”\p{Han}]{0,6}[：:]")


def _compound_clauses(text, start, end, term, parts, count) -> Found | None:
    """“四升三降一平”格局：食品烟酒类上涨2.6%，…；衣着类下降1.5%，…；其他用品和服务类价格与同期持平。
    Each clause up to the sentence's end counts for the part whose word it holds; a clause with a
    join (教育文化和娱乐类) may count twice. Not judged unless every part is stated at least once."""
    m = COLON_AFTER.match(text, end)
    if not m:
        return None
    stop = regex.compile(r"[。！？!?]").search(text, m.end())
    body_end = stop.start() if stop else len(text)
    spans = []
    s = m.end()
    for k in range(m.end(), body_end + 1):
        if k == body_end or text[k] in "，,；;":
            if k > s:
                spans.append((s, k))
            s = k + 1
    synonyms = _lexicon()["compound_morphemes"]
    ranges = []
    used = [0] * len(spans)
    for _, morpheme in parts:
        words_ = synonyms.get(morpheme)
        if not words_:
            return None
        lo = hi = 0
        for idx, (a, b) in enumerate(spans):
            if any(w in text[a:b] for w in words_):
                used[idx] += 1
                lo += 1
                hi += 1 + sum(1 for j in JOIN.finditer(text, a, b) if j.group() != "以及" and _is_join(text, j))
        if lo == 0:
            return None
        ranges.append((lo, hi))
    if any(u > 1 for u in used):
        return None  # a clause that states two parts: cannot tell them apart
    items = tuple(text[a:b] for a, b in spans)
    return Found(term, start, end, count, parts, items, tuple(spans), False, False, 0,
                 part_ranges=tuple(ranges), why="冒号后逐句说明")


def verdict(f: Found) -> tuple[bool | None, str]:
    """(True, "") when the items fit the count word, (False, why) when they do not, (None, why)
    when the list cannot be judged against it."""
    n = len(f.items)
    hi = n + f.joins
    if f.part_ranges:
        bad = [(k, m, lo, up) for (k, m), (lo, up) in zip(f.parts, f.part_ranges) if not lo <= k <= up]
        if not bad:
            return True, ""
        k, m, lo, up = bad[0]
        said = f"{lo}" if lo == up else f"{lo}～{up}"
        return False, f"“{f.term}”中“{m}”为 {k} 项，后面列出了 {said} 项"
    if f.partial:
        return (True, "") if n <= f.count else (False, f"列出了 {n} 项，多于“{f.term}”的 {f.count} 项")
    if n <= f.count <= hi:
        return True, ""
    if f.exact_only:
        return None, "列表可能只是修饰语或未完"  # 扩大内需、促进经济增长的十项措施
    if len(f.parts) > 1 and n == len(f.parts):
        return None, "每个词素一组，组内未分项"  # 三河三湖（淮河海河辽河、太湖巢湖滇池）
    if len(f.parts) > 1:
        # compound terms count by morpheme: 三亮三比 → three items with 亮 and three with 比
        text = "".join(f.items)
        if all(k in (sum(1 for it in f.items if m[:1] in it), text.count(m[:1])) for k, m in f.parts):
            return True, ""
        if any(all(m[:1] not in it for it in f.items) for _, m in f.parts):
            return None, "词素不在各项中"
    listed = f"{n}" if f.joins == 0 else f"{n}～{hi}"
    return False, f"“{f.term}”应有 {f.count} 项，{'前面' if f.before else '后面'}列出了 {listed} 项"


# ---------------------------------------------------------------- numbered points

# (style, level, pattern, where): where "line" = only at the start of a line, "any" = also inside
STYLES = [
    ("一、", 1, regex.compile(r"([一二三四五六七八九十]+)[、．.](?![、，,一二三四五六七八九十])"), "line"),  # not 三、四线城市
    ("（一）", 2, regex.compile(r"[（(]([一二三四五六七八九十]+)[）)](?![项款条目])"), "any"),
    ("1.", 3, regex.compile(r"(\d{1,2})(?:、(?!\d)|[.．](?![\d.．]))"), "any"),
    ("(1)", 4, regex.compile(r"[（(](\d{1,2})[）)](?![项款条目])"), "any"),
    ("①", 5, regex.compile(r"([①-⑳])"), "any"),
    ("第一，", 6, regex.compile(r"第([一二三四五六七八九十]+)[，,：:](?!\p{Han}{0,2}[条款项章节])"), "any"),
    ("一是", 6, regex.compile(r"([一二三四五六七八九十]+)是(?!否|不是|非)"), "any"),
]
INLINE_BEFORE = set("。；;：:！？!?，,\t ")


@dataclass(frozen=True)
class Marker:
    style: str
    level: int
    value: int
    paragraph: int
    start: int  # offsets in the paragraph's text
    end: int
    line_start: bool
    text: str


@dataclass
class Run:
    style: str
    markers: list[Marker] = field(default_factory=list)
    closed: bool = False  # something after it shows it ended (a higher heading, a restart, a new list)
    slip: tuple[Marker, Marker] | None = None  # the first step that is not +1


def _value(style: str, s: str) -> int | None:
    if style == "①":
        return ord(s) - 0x2460 + 1
    return int(s) if s.isdigit() else cn_to_number(s)


def table_rows(paragraphs) -> set[int]:
    """Paragraphs that are table rows: tab-separated cells."""
    return {p.index for p in paragraphs if "\t" in p.text}


def markers(paragraphs, table: set[int] | None = None) -> list[tuple[Marker, bool]]:
    """Every numbered-point marker, with whether it stands in a table zone (a short line between
    table rows: a row broken across lines, or a heading the table's layout swallowed)."""
    table = table_rows(paragraphs) if table is None else table
    out = []
    for p in paragraphs:
        if p.index in table:
            continue
        zone = (p.index - 1 in table or p.index + 1 in table) and len(p.text) < 40
        text = p.text
        for style, level, pat, where in STYLES:
            for m in pat.finditer(text):
                line_start = m.start() in p.text_starts
                if where == "line" and not line_start:
                    continue
                if not line_start:
                    if text[m.start() - 1] not in INLINE_BEFORE:
                        continue
                    if style == "1." and text[m.start() - 1] not in "。；;：:":
                        continue  # 1、2月份; 增长3.5: a digit inside a sentence is a figure
                    if style == "（一）" and text[m.start() - 1] in "，,":
                        continue
                v = _value(style, m.group(1))
                if v is None or v > 30:
                    continue
                out.append((Marker(style, level, v, p.index, m.start(), m.end(), line_start, m.group()), zone))
    out.sort(key=lambda mz: (mz[0].paragraph, mz[0].start))
    return out


def runs(paragraphs, articles) -> list[Run]:
    """Numbered points grouped into sequences. A sequence ends at a heading of a higher level, at
    a lead-in ending in ：, or where it starts again at 1; a step that is not +1 is its slip (one
    per sequence), except across paragraphs where inline points may belong to different lists."""
    found = markers(paragraphs)
    article_of = {p.index: p.article for p in paragraphs}
    out: list[Run] = []
    current: dict[str, Run] = {}
    art = -1
    for mk, zone in found:
        if article_of[mk.paragraph] != art:
            current = {}  # what runs to the end of an article stays open
            art = article_of[mk.paragraph]
        run = current.get(mk.style)
        fits = run is not None and run.markers[-1].value + 1 == mk.value
        if zone and not fits:
            continue  # numbering of a table
        if mk.line_start and mk.style in ("一、", "（一）", "1."):
            for style, r in list(current.items()):
                if r.markers[0].level > mk.level:
                    r.closed = True
                    del current[style]
        if _lead_in(paragraphs, mk) and not fits:
            for style, r in list(current.items()):
                if r.markers[0].level >= mk.level:
                    r.closed = True
                    del current[style]
            run = None
        if run is not None and not fits and run.slip is None and mk.value != 1:
            prev = run.markers[-1]
            same_place = prev.paragraph == mk.paragraph or (prev.line_start and mk.line_start)
            if same_place and not _missing_written(paragraphs, prev, mk):
                run.slip = (prev, mk)
                run.markers.append(mk)
                continue
        if run is not None and fits:
            run.markers.append(mk)
            continue
        if run is not None:
            run.closed = True
        run = Run(mk.style, [mk])
        current[mk.style] = run
        out.append(run)
    last_of_article = {a.index: a.last_paragraph for a in articles}
    for run in out:
        last = run.markers[-1]
        if not run.closed and run.markers[0].level >= 4:
            # points (一是, ①, (1)) end with their paragraph unless the next one goes on with them;
            # only sections (一、 （一） 1.) have body paragraphs between their headings
            run.closed = (last.paragraph < last_of_article[article_of[last.paragraph]]
                          or paragraphs[last.paragraph].text.rstrip().endswith(("。", "！", "？", "”")))
    return out


def _lead_in(paragraphs, mk: Marker) -> bool:
    """The text just before the marker ends in ：(以下原则：一是…), in its paragraph or the one before."""
    text = paragraphs[mk.paragraph].text
    before = text[:mk.start].rstrip()
    if before:
        return before.endswith(("：", ":"))
    return mk.paragraph > 0 and paragraphs[mk.paragraph - 1].text.rstrip().endswith(("：", ":"))


def _missing_written(paragraphs, prev: Marker, mk: Marker) -> bool:
    """The marker that seems missing is in the text between, in a form not read as a marker
    (。1七是): then nothing is missing."""
    if mk.value <= prev.value:
        return False
    between = "".join(p.text for p in paragraphs[prev.paragraph:mk.paragraph + 1])
    offset = sum(len(p.text) for p in paragraphs[prev.paragraph:mk.paragraph])
    between = between[prev.end:offset + mk.start]
    wanted = _numeral(prev.value + 1, prev.style)
    if wanted is None:
        return False
    # the marker as the previous one is written, with the next numeral: 七是, （二）, 2.
    numeral = _numeral(prev.value, prev.style)
    form = prev.text.replace(numeral, wanted, 1) if numeral and numeral in prev.text else wanted
    return form in between


CN_DIGITS = "零一二三四五六七八九"


def _numeral(n: int, style: str) -> str | None:
    if style in ("1.", "(1)"):
        return str(n)
    if style == "①":
        return chr(0x2460 + n - 1)
    if n <= 10:
        return "十" if n == 10 else CN_DIGITS[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    return None


def run_length(run: Run) -> int | None:
    """How many points a sequence holds, counted from 1; None when it does not start at 1 or slips."""
    if run.slip or run.markers[0].value != 1:
        return None
    return len(run.markers)


# ---------------------------------------------------------------- 分别

SUBJECT_START = set("，,；;。！？!?：:（(")
FINAL_JOIN = regex.compile(r"(?<=\p{Han})(?:以及|和|及|与)(?=\p{Han})")


def subjects_before(text: str, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Subject spans before 分别, read without and with a split at a final 和/及/与."""
    i = end
    while i > 0 and text[i - 1] not in SUBJECT_START:
        i -= 1
    plain, s = [], i
    for k in range(i, end + 1):
        if k == end or text[k] == "、":
            if k > s:
                plain.append((s, k))
            s = k + 1
    split = list(plain)
    if plain:
        a, b = plain[-1]
        m = FINAL_JOIN.search(text, a, b)
        if m and _is_join(text, m):
            split[-1:] = [(a, m.start()), (m.end(), b)]
    return plain, split


# ---------------------------------------------------------------- counts tied across sentences

@dataclass(frozen=True)
class Tied:
    """A count word and items found away from it: numbered points or a list named further on."""

    paragraph: int
    found: Found  # items and item_spans in the paragraph of each item (item_paragraphs)
    item_paragraphs: tuple[int, ...]
    closed: bool  # the items end before the text does: fewer of them than the count is an error


SEPARATOR = regex.compile(r"、|以及|和|及|与")
BACKWARD = regex.compile(r"(?:以上|上述|前述|上面)(?:这)?$")
FORWARD_GAP = 40


def _single_counts(paragraphs, taken: set[tuple[int, int]]):
    for p in paragraphs:
        for start, end, term, cls in _candidates(p.text):
            if (p.index, start) in taken or _fixed(p.text, start, term) or p.text[start - 1:start] == "、":
                continue  # a fixed term, or a count that is itself an item of a list
            parts = _parts(term)
            if len(parts) != 1 or not 2 <= parts[0][0] <= 12:
                continue
            yield p, start, end, term, cls, parts


def points(paragraphs, articles, taken: set[tuple[int, int]]) -> list[Tied]:
    """Count words that announce numbered points (以下六方面工作：（一）…（六）; 提出5点建议。一是…五是)
    or sum them up afterwards (以上十条)."""
    all_runs = [r for r in runs(paragraphs, articles) if len(r.markers) >= 2 or r.closed]
    starts = {(r.markers[0].paragraph, r.markers[0].start): r for r in all_runs if r.markers[0].value == 1}
    ordered = sorted(((m.paragraph, m.start), r) for r in all_runs for m in r.markers)
    out = []
    for p, start, end, term, cls, parts in _single_counts(paragraphs, taken):
        count = parts[0][0]
        here = (p.index, start)
        if cls not in ("方面", "点", "条") and not any(w in term for w in _lexicon()["point_nouns"]):
            continue  # 三个行业, 5间酒店: things, not points of a text
        if BACKWARD.search(p.text[max(0, start - 3):start]):
            run = _run_before(ordered, here, p.article, paragraphs, count)
            if run:
                out.append(_tied(p.index, start, end, term, parts, run, True, before=True))
            continue
        nxt = next(((pos, r) for pos, r in ordered if pos > (p.index, end - 1)), None)
        if not nxt or nxt[0] not in starts or paragraphs[nxt[0][0]].article != p.article:
            continue
        (mp, ms), run = nxt[0], starts[nxt[0]]
        if mp == p.index:
            gap = p.text[end:ms]
            if len(gap) > 12 or not regex.search(r"[：:。]\s*$|^[，,]$", gap):
                continue
        elif mp == p.index + 1 and ms == 0:
            gap = p.text[end:]
            if len(gap) > FORWARD_GAP or COUNT_INSIDE.search(gap) or regex.search("[、等]", gap) or regex.search(r"[。！？；;]", gap.rstrip("。：: ")):
                continue
        else:
            continue
        out.append(_tied(p.index, start, end, term, parts, run, run.closed))
    return out


def _run_before(ordered, here, article, paragraphs, count: int) -> Run | None:
    """The list that 以上N条 sums up: one that ends before it with no point of its level or above
    between. Where several qualify (sections, and points inside the last one), one of the right
    length is taken; else the highest."""
    before = [(pos, r) for pos, r in ordered if pos < here and paragraphs[pos[0]].article == article]
    candidates = []
    for pos, r in before:
        if pos != (r.markers[-1].paragraph, r.markers[-1].start) or run_length(r) is None:
            continue
        if not any(q > pos and rr is not r and rr.markers[0].level <= r.markers[0].level for q, rr in before):
            candidates.append(r)
    if not candidates:
        return None
    fitting = [r for r in candidates if run_length(r) == count]
    return (fitting or sorted(candidates, key=lambda r: r.markers[0].level))[0]


def _tied(paragraph, start, end, term, parts, run: Run, closed: bool, before: bool = False) -> Tied:
    ms = run.markers if run_length(run) else []
    f = Found(term, start, end, parts[0][0], parts, tuple(m.text for m in ms), tuple((m.start, m.end) for m in ms),
              False, before, why="以上各条" if before else "后面的序号")
    return Tied(paragraph, f, tuple(m.paragraph for m in ms), closed)


def named_later(paragraphs, taken: set[tuple[int, int]], reach: int = 1500) -> list[Tied]:
    """A count of things (分送3间医院) whose names follow later in the article as a closed list of
    that noun (屯门医院、北区医院及博爱医院): the first mention of the noun after the count must be
    that list, not after 其中/包括 and not followed by 等."""
    out = []
    for p, start, end, term, cls, parts in _single_counts(paragraphs, taken):
        if not cls:
            continue
        noun = term[len(regex.match(rf"[{CN}\d]+(?:{CLASSIFIERS})", term).group()):]
        if len(noun) < 2:
            continue
        chain = regex.compile(rf"(?:\p{{Han}}{{1,6}}?{noun})(?:(?:、|以及|和|及|与)\p{{Han}}{{1,6}}?{noun})+")
        seen = 0
        for q in paragraphs[p.index:]:
            if q.article != p.article or seen > reach:
                break
            text = q.text
            lo = end if q.index == p.index else 0
            k = text.find(noun, lo)
            if k < 0:
                seen += len(text) - lo
                continue
            m = next((m for m in chain.finditer(text, max(lo, k - 8)) if m.start() <= k < m.end()), None)
            if m and not regex.search(r"其中|包括|等$", text[max(0, m.start() - 6):m.start()] + text[m.end():m.end() + 1]):
                spans, cut = [], m.start()
                for sep in SEPARATOR.finditer(text, m.start(), m.end()):
                    if text[cut:sep.start()].endswith(noun) and (sep.group() in "、以及" or _is_join(text, sep)):
                        spans.append((cut, sep.start()))
                        cut = sep.end()
                spans.append((cut, m.end()))
                if len(spans) < 2 or text[spans[-2][1]:spans[-1][0]] == "、":
                    break  # a list that does not close with 和/及/与 may go on elsewhere
                items = tuple(text[a:b] for a, b in spans)
                f = Found(term, start, end, parts[0][0], parts, items, tuple(spans), False, False, why="后文列出名称")
                out.append(Tied(p.index, f, tuple(q.index for _ in items), True))
            break
    return out
