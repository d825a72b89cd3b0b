"""A word, phrase or clause written twice in a row: 二十大精神、二十大精神, 的的, 推进…全球化，推进…全球化.

Recognised: the same text twice with nothing, a 、, a comma or a sentence end between.
- Within a clause (nothing or 、 between), the doubled unit must be whole words on both
  sides (the segmenter's tokens): 党中央、中央军委 shares 中央 but neither side is the word
  中央, so it is silent. With 、 the second copy must also be a whole list item (followed by
  、，。和 or the like): 政府、政府控制的大机构 and 多头执法、执法不公 are two items, not one twice.
  A doubled unit with nothing between must be at least `min_chars` long: two-character
  reduplication (琢磨琢磨, 非常非常, 一代一代) is Chinese grammar, not a slip. Numerals
  (二〇二〇), one character over and over (咚咚咚咚) and the `exceptions` are never doublings.
- Between clauses (，；。 between), one to twelve whole clauses repeated at once: a clause
  pasted again after its comma, a sentence tail pasted twice in a row. At least
  `min_clause_chars` characters, so 加油，加油 stays rhetoric.
With `chars` set, only those one-character words count (的的, 了了: 为了了解 is 为了 + 了解).
Text repeated many times in a row is reported once, with the count and the first places.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .. import words
from ..facts import DocumentFacts
from ..findings import Finding

KIND = "doubled"
SCOPE = "document"

MAX_CLAUSES = 12  # a longer stretch twice in a row is repetition/repeated-sentence's
NUMERAL = regex.compile(r"[〇零一二三四五六七八九十百千万亿两\d]+")
CLAUSE_BREAK = regex.compile(r"[，,；;。！？!?]+[”’」』）)\"']*")
NOT_TEXT = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
ABSTRACT = regex.compile(r"(?:摘要|提要|导语|导读|编者按)[：:]\s*$")
# what may follow the second copy of a 、 list item: the item ends there
ITEM_END = ("、", "，", ",", "。", "；", ";", "：", ":", "！", "？", "）", ")", "”", "’", "》", "和", "与", "及", "以及",
            "或", "等", "")  # not 的: 美国、美国的盟友 is two items
# what may stand before the first copy: the start of an item or a whole word before it
ITEM_START_PARTICLES = ("的", "和", "与", "及", "了", "在", "对", "把", "将", "为", "是", "到", "从")


@dataclass(frozen=True, slots=True)
class Options:
    chars: str = ""  # only these one-character words (的了把被); empty: phrases
    min_chars: int = 3  # a doubling with nothing between: the unit's length at least
    max_chars: int = 40  # within a clause; across commas there is no limit
    min_clause_chars: int = 8  # clauses repeated after a comma or full stop: their length at least
    exceptions: tuple[str, ...] = ()
    max_related: int = 5


def validate(options: Options) -> None:
    if options.min_chars < 1 or options.max_chars < options.min_chars:
        raise ValueError("need 1 <= min_chars <= max_chars")


def _boundaries(text: str) -> set[int]:
    out, pos = {0}, 0
    for tok in words.cut(text):
        pos += len(tok)
        out.add(pos)
    return out


def _tokens_around(text: str, lo: int, hi: int) -> set[int]:
    """Token boundaries (as offsets into text) of the clause-sized window around text[lo:hi]."""
    a = max(0, lo - 20)
    b = min(len(text), hi + 20)
    return {a + x for x in _boundaries(text[a:b])}


def _excepted(text: str, start: int, end: int, exceptions: tuple[str, ...]) -> bool:
    for word in exceptions:
        i = text.find(word, max(0, start - len(word)), end + len(word))
        while i != -1 and i < end:
            if i <= start and i + len(word) >= end:
                return True
            i = text.find(word, i + 1, end + len(word))
    return False


def _word_doubling(text: str, start: int, unit: int, sep: str, bounds: set[int], opts: Options) -> bool:
    """text[start:start+unit] + sep + the same again: whole words on both sides?"""
    w = text[start:start + unit]
    mid, second = start + unit, start + unit + len(sep)
    end = second + unit
    if not {start, mid, second, end} <= bounds:
        return False
    if NUMERAL.fullmatch(w) or (len(w) > 1 and len(set(w)) == 1) or _excepted(text, start, end, opts.exceptions):
        return False
    if opts.chars:
        return True
    if not sep:
        return unit >= opts.min_chars
    # a 、 list: the second copy is a whole item, and the first starts where an item can
    after = text[end:end + 2]
    if not any(after.startswith(x) for x in ITEM_END if x) and end != len(text):
        return False
    before = max((b for b in bounds if b < start), default=None)
    if start == 0 or before is None:
        return True
    prev = text[before:start]
    return not regex.search(r"\p{Han}|\w", prev) or len(prev) >= 2 or prev in ITEM_START_PARTICLES


def _places(facts, p, spans, cap):
    return tuple(facts.location(p.index, a, b, "重复的一处") for a, b in spans[:cap])


def _finding(rule, facts, p, start, end, w, n, spans) -> Finding:
    times = "两" if n == 2 else str(n)
    related = _places(facts, p, spans[1:], rule.options.max_related)
    # the first two copies: the evidence stays small however often the text repeats
    evidence = {"match": p.text[start:spans[1][1]], "unit": w, "times": n}
    if n - 1 > len(related):
        evidence["places_listed"] = len(related)
    return Finding(rule.id, rule.category, rule.severity, rule.message.format(w=w, n=times),
                   facts.location(p.index, start, end), related, evidence=evidence)


def _within_clauses(rule, facts: DocumentFacts, p) -> Iterator[Finding]:
    opts = rule.options
    text = p.text
    if opts.chars:
        pat = regex.compile(f"([{regex.escape(opts.chars)}])\\1")
        seps = ("",)
    else:
        pat = regex.compile(r"(\p{Han}[\p{Han}\p{N}]{0,%d})、?\1" % (opts.max_chars - 1))
        seps = ("", "、")
    pos = 0
    while True:
        m = pat.search(text, pos)
        if not m:
            return
        found = None
        # the regex prefers the longest unit; the shortest whole-word unit that doubles here is the one
        # written twice (工作落地见效 × 2000 is that clause 2000 times, not a 36-character block)
        for unit in range(1, len(m.group(1)) + 1):
            for sep in seps:
                s = m.start()
                if text[s + unit:s + unit + len(sep)] != sep or text[s:s + unit] != text[s + unit + len(sep):s + 2 * unit + len(sep)]:
                    continue
                bounds = _tokens_around(text, s, s + 2 * unit + len(sep))
                if _word_doubling(text, s, unit, sep, bounds, opts):
                    found = (unit, sep)
                    break
            if found:
                break
        if not found:
            pos = _next_start(text, m.start(), opts.max_chars)
            continue
        unit, sep = found
        s, w = m.start(), text[m.start():m.start() + unit]
        spans, e = [(s, s + unit)], s + unit
        while text.startswith(sep + w, e):
            spans.append((e + len(sep), e + len(sep) + unit))
            e += len(sep) + unit
        yield _finding(rule, facts, p, s, e, w, len(spans), spans)
        pos = e


def _next_start(text: str, s: int, max_chars: int) -> int:
    """Where to look next after no whole-word doubling starts at s: the next character, unless s
    opens a long stretch of one short unit over and over (咚咚咚…), whose inside is skipped so that
    the search stays linear."""
    u = next((u for u in range(1, max_chars + 1) if text[s:s + u] == text[s + u:s + 2 * u]), 0)
    if not u:
        return s + 1
    r = s
    while r + u < len(text) and text[r] == text[r + u]:
        r += 1
    return r - 2 * max_chars if r - s > 4 * max_chars else s + 1


def _clauses(text: str) -> list[tuple[int, int, str]]:
    out, start = [], 0
    for m in [*CLAUSE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        n = NOT_TEXT.sub("", text[start:end])
        out.append((start, end, n))
        start = m.end() if m else end
    return out


def _raw_suffix_start(text: str, start: int, end: int, kept: int) -> int:
    """Where, in text[start:end], the last `kept` letters and digits begin."""
    i = end
    while kept and i > start:
        i -= 1
        if not NOT_TEXT.fullmatch(text[i]):
            kept -= 1
    return i


def _between_clauses(rule, facts: DocumentFacts, p) -> Iterator[Finding]:
    """One to MAX_CLAUSES whole clauses, then the same clauses again (after ，；。)."""
    cl = _clauses(p.text)
    norms = [c[2] for c in cl]
    j = 0
    while j < len(cl):
        hit = None
        for k in range(1, MAX_CLAUSES + 1):
            if j + 2 * k > len(cl):
                break
            unit = norms[j + k:j + 2 * k]
            if norms[j + 1:j + k] != unit[1:] or not all(unit) \
                    or sum(len(x) for x in unit) < rule.options.min_clause_chars:
                continue
            if norms[j] == unit[0]:
                hit = (k, cl[j][0])
                break
            # the first copy may follow other words in its clause (各方要推进…，推进…): cut at a word
            if norms[j].endswith(unit[0]):
                cut = _raw_suffix_start(p.text, cl[j][0], cl[j][1], len(unit[0]))
                if cut in _tokens_around(p.text, cut, cut):
                    hit = (k, cut)
                    break
        if not hit:
            j += 1
            continue
        (k, start), r = hit, 2
        # a unit that is itself one clause said again (工作落地见效。工作落地见效。…) repeats that clause
        unit = norms[j + k:j + 2 * k]
        period = next(q for q in range(1, k + 1) if k % q == 0 and unit == unit[:q] * (k // q))
        if period < k and norms[j] == unit[0]:
            k = period
        if ABSTRACT.search(p.text[max(0, start - 8):start]):
            j += 1
            continue  # an abstract and the opening it sums up
        while norms[j + r * k:j + (r + 1) * k] == norms[j + k:j + 2 * k]:
            r += 1
        spans = [(start, cl[j + k - 1][1])] + [(cl[j + i * k][0], cl[j + i * k + k - 1][1]) for i in range(1, r)]
        w = p.text[spans[1][0]:spans[1][1]]
        yield _finding(rule, facts, p, spans[0][0], spans[-1][1], w, r, spans)
        j += r * k


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    for p in facts.segments.paragraphs:
        yield from _within_clauses(rule, facts, p)
        if not rule.options.chars:
            yield from _between_clauses(rule, facts, p)
