"""Count words and the lists they name: 政治、为民、清廉、效能、创新“五型红会”; “三联系”(联系家长、…).

`find(text)` returns, for one paragraph, every count word that stands next to a list, with
the items as written. A count word is a numeral and what it counts, quoted (“五型红会”,
“三亮三比”, “一廊三区”) or with a classifier (六项举措, 5个关键方面, 四个方面). The list is the
run of items just before it (separated by 、, and by 以及 / a final 和·及·与 between items) or
just after it in brackets. Nothing is returned where the structure is not clear.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import words
from .lexicon import builtin_rules_dir
from .numbers import cn_to_number
from .tomlload import load_toml

CN = "一二三四五六七八九十两"
# “五型红会”, “三亮三比”, “一廊三区”, “5个办结”: a quoted term that starts with a numeral
QUOTED_TERM = regex.compile(rf"“(?P<term>[{CN}]+[^“”\s\d·•]{{1,6}}?)”")
# 六项举措, 5个关键方面, 四个方面, 三篇文章, 五个产业
CLASSIFIED = regex.compile(rf"(?P<num>[{CN}]+|\d{{1,2}})(?P<cls>个|项|大|种|类|条|篇|方面)(?P<noun>\p{{Han}}{{1,6}}?)(?=[，,。；;、：:（(”\s]|$|\p{{Han}})")
PAIR = regex.compile(rf"(?P<n>[{CN}]+)(?P<m>[^{CN}\d]+)")
LIST_STOP = set("，,；;。！？!?：:（(）)《》\n")
FINAL_JOIN = regex.compile(r"(?<=\p{Han}{2})(?:以及|和|及|与)(?=\p{Han}{2})")
MIDDLE_JOIN = regex.compile(r"(?<=\p{Han}{2})以及(?=\p{Han}{2})")


_verbs: frozenset[str] | None = None


def governing_verbs() -> frozenset[str]:
    global _verbs
    if _verbs is None:
        _verbs = frozenset(load_toml(builtin_rules_dir() / "lexicon" / "enumeration.toml")["governing_verbs"])
    return _verbs


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


def _split(text: str, start: int, commas: bool = False) -> list[tuple[int, int]]:
    """Item spans of a list text: split on 、 (and commas inside a quoted list), on 以及 anywhere,
    and on 和/及/与 in the last item only, so 普及率 or 文化和旅游局 inside an item stay whole."""
    seps = "、，," if commas else "、"
    pieces, s = [], 0
    for i, c in enumerate(text + "、"):
        if c in seps:
            pieces.append((s, i))
            s = i + 1
    out = []
    for k, (a, b) in enumerate(pieces):
        joiner = FINAL_JOIN if k == len(pieces) - 1 else MIDDLE_JOIN
        cut = a
        for m in joiner.finditer(text, a, b):
            out.append((cut, m.start()))
            cut = m.end()
        out.append((cut, b))
    return [(start + a, start + b) for a, b in out if b > a]


def _list_before(text: str, end: int) -> tuple[int, int, bool] | None:
    """The list text ending at `end` (closing quote and 的/等 already stepped over by the caller)."""
    i = end
    inside_quote = i > 0 and text[i - 1] == "”"
    if inside_quote:
        j = text.rfind("“", 0, i - 1)
        if j < 0 or "”" in text[j + 1:i - 1]:
            return None
        return j + 1, i - 1, True
    while i > 0 and text[i - 1] not in LIST_STOP:
        i -= 1
    return i, end, False


def find(text: str, next_text: str = "") -> list[Found]:
    """Count words with their lists in one paragraph; next_text is the paragraph after it, to tell
    whether numbered points announced here go on there (then the list is not judged)."""
    out: list[Found] = []
    seen: set[int] = set()
    candidates = []
    quoted = bytearray(len(text))
    for m in QUOTED_TERM.finditer(text):
        # a term inside a list item (门前“三包”、垃圾清运 / “六廉”建设、提升) names no list
        tail = regex.match(r"\p{Han}{0,4}", text[m.end():])
        after = m.end() + tail.end()
        if after < len(text) and text[after] == "、":
            continue
        candidates.append((m.start(), m.end(), m.group("term")))
        quoted[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in CLASSIFIED.finditer(text):
        if quoted[m.start()]:
            continue
        if m.start() > 0 and text[m.start() - 1] in "第了着过在":
            continue  # 第五个 is an ordinal; 建立了6个… counts an object, not the list before it
        noun = words.cut(text[m.start("noun"):m.start("noun") + 8])[0]
        end = m.start("noun") + len(noun)
        candidates.append((m.start(), end, text[m.start():end]))
    for start, end, term in sorted(candidates):
        if start in seen:
            continue
        parts = _parts(term)
        if not parts:
            continue
        count = sum(n for n, _ in parts)
        if not 2 <= count <= 12 or all(n == 1 for n, _ in parts):
            continue  # 一校一策, 一带一路: a motto, not a count
        found = _before(text, start, end, term, parts, count)
        if not found and text[start] == "“":
            found = _after(text, start, end, term, parts, count)  # “三联系”(联系家长、…)
        if not found:
            found = _after_colon(text, start, end, term, parts, count, next_text)  # 三方面工作：一是…
        if found:
            seen.add(start)
            out.append(found)
    return out


def _clean_items(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]] | None:
    items = tuple(text[a:b].strip("“”‘’\"' ") for a, b in spans)
    if len(items) < 2 or any(not it or len(it) > 20 or regex.search(r"\d", it) for it in items):
        return None  # a list of figures (1项指南、12个规范) or prose, not items
    return items, tuple(spans)


def _before(text, start, end, term, parts, count) -> Found | None:
    i = start
    partial = False
    if i > 0 and text[i - 1] == "的":
        i -= 1
    if i > 0 and text[i - 1] == "等":
        i -= 1
        partial = True
    if i == 0 or text[i - 1] in LIST_STOP or text[i - 1] == "、":
        return None  # nothing before, or the term is itself an item of a list
    got = _list_before(text, i)
    if not got:
        return None
    a, b, quoted = got
    if "、" not in text[a:b]:
        return None
    spans = _split(text[a:b], a, commas=quoted)
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
    cleaned = _clean_items(text, spans)
    if not cleaned or cleaned[0][-1] in governing_verbs() or "“" in cleaned[0][-1]:
        return None  # 坚定“四个自信”: the term is the verb's object, not the list's name
    return Found(term, start, end, count, parts, cleaned[0], cleaned[1], partial, True)


def _after(text, start, end, term, parts, count) -> Found | None:
    if end >= len(text) or text[end] not in "(（":
        return None
    close = regex.compile(r"[)）]").search(text, end + 1)
    if not close or "、" not in text[end + 1:close.start()]:
        return None
    spans = _split(text[end + 1:close.start()], end + 1)
    cleaned = _clean_items(text, spans)
    if not cleaned:
        return None
    return Found(term, start, end, count, parts, cleaned[0], cleaned[1], False, False)


POINT = regex.compile(r"(?P<n>[一二三四五六七八九十]+)是")
COLON_AFTER_TERM = regex.compile(r"\p{Han}{0,4}[：:]")


def _after_colon(text, start, end, term, parts, count, next_text: str = "") -> Found | None:
    """A count word that announces numbered points: 重点抓好三方面工作：一是…，二是…，三是…
    Not judged when the next paragraph opens with a point too: the list runs on past this one."""
    if POINT.match(next_text):
        return None
    m = COLON_AFTER_TERM.match(text, end)
    if not m or len(parts) != 1:
        return None
    first = POINT.match(text, m.end())
    if not first or cn_to_number(first.group("n")) != 1:
        return None
    points = [first]
    for p in POINT.finditer(text, first.end()):
        if text[p.start() - 1] not in "，,；;。：:":
            continue
        if cn_to_number(p.group("n")) != len(points) + 1:
            return None  # 一是、二是、二是: a broken sequence is the ordinal check's to report
        points.append(p)
    if len(points) < 2:
        return None
    spans = tuple((p.start(), p.end()) for p in points)
    return Found(term, start, end, count, parts, tuple(p.group() for p in points), spans, False, False)


def mismatch(f: Found) -> str | None:
    """Why the items do not fit the count word, or None when they do (or cannot be judged)."""
    n = len(f.items)
    if f.partial:
        return None if n <= f.count else f"列出了 {n} 项，多于“{f.term}”的 {f.count} 项"
    if n == f.count:
        return None
    if len(f.parts) > 1:
        # compound terms count by morpheme: 三亮三比 → three items with 亮 and three with 比
        if all(sum(1 for it in f.items if m[:1] in it) == k for k, m in f.parts):
            return None
        if any(all(m[:1] not in it for it in f.items) for _, m in f.parts):
            return None  # the morphemes are not in the items: cannot judge
    return f"“{f.term}”应有 {f.count} 项，{'前面' if f.before else '后面'}列出了 {n} 项"


SUBJECT_START = set("，,；;。！？!?：:（(")


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
        if m:
            split[-1:] = [(a, m.start()), (m.end(), b)]
    return plain, split
