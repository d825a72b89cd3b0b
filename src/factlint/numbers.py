"""Figures in running Chinese text: numerals, 万/亿, %, 分之, ranges, qualifiers, precision intervals, units.

`scan(text)` returns every figure it finds with its span in `text`. Dates, times, ordinals,
codes and list markers are found first and returned with their own kinds, so they are never
read as quantities. Only spans the scanner has isolated are converted to numbers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import lexicon

# Full-width digits and signs map one to one onto ASCII, so offsets stay the same.
_FOLD = str.maketrans("０１２３４５６７８９％．，：～－", "0123456789%.,:~-")

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4}

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
CN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+"

# How a qualifier bends a figure's interval:
#   more    2100余 / 7万多: [v, v + one unit of the last non-zero digit)
#   atleast 超500万 / 98%以上 / 突破: [v, ∞)
#   atmost  不足 / 以下: [0, v]
#   near    近4000亿: [0.8 v, v]
#   about   约 / 左右 / 上百: v ± max(rounding, 10 %)
QUAL_BEFORE = {
    "约": "about", "大约": "about", "大概": "about", "上": "about", "数": "about",
    "近": "near", "将近": "near", "接近": "near", "不足": "atmost", "不到": "atmost",
    "超过": "atleast", "超": "atleast", "突破": "atleast", "逾": "atleast", "多达": "atleast",
}
_QUAL_BEFORE_RE = regex.compile("(?:" + "|".join(sorted(QUAL_BEFORE, key=len, reverse=True)) + r")\Z")
QUAL_AFTER = {"余": "more", "多": "more", "以上": "atleast", "及以上": "atleast",
              "以下": "atmost", "及以下": "atmost", "左右": "about", "上下": "about"}
QUALIFIER_NAME = {"more": "at_least", "atleast": "at_least", "atmost": "at_most", "near": "at_most",
                  "about": "about", "": ""}

_DATE_PATTERNS = [
    # 2023—2025年, 2018-2020年: a span of years
    regex.compile(r"(?<!\d)(?:19|20)\d\d\s*[—–\-~至到]\s*(?:19|20)\d\d年"),
    # a space may stand beside 年/月/日 in text converted from PDF or Word: 2023 年11 月31 日
    regex.compile(r"(?<!\d)(?:(?:19|20)\d\d[ \u3000]?年[ \u3000]?)?\d{1,2}[ \u3000]?月[ \u3000]?\d{1,2}[ \u3000]?[日号]"),
    regex.compile(r"(?<!\d)(?:19|20)\d\d[ \u3000]?年[ \u3000]?\d{1,2}[ \u3000]?月(?:底|末|初|上旬|中旬|下旬|份)?"),
    regex.compile(r"(?<!\d)(?:19|20)\d\d[ \u3000]?年(?:以来|底|末|初|起|前|后|上半年|下半年|前三季度|度|来)?"),
    regex.compile(r"(?<![\d年])\d{1,2}月(?:底|末|初|上旬|中旬|下旬|份)"),
]
_TIME_PATTERNS = [
    regex.compile(r"(?:[上下]午|凌晨|晚上?|早上|中午|傍晚)?(?<!\d)\d{1,2}[时点](?:\d{1,2}分)?许?"),
    regex.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])"),
]
_TIME_OF_DAY = regex.compile(r"(?:[上下]午|凌晨|晚上?|早上|中午|傍晚)\d{1,2}[时点](?:\d{1,2}分)?许?")
_CODE_PATTERNS = [
    regex.compile(r"[“\"‘「](?:\d+[·•.．]?)+[”\"’」]"),  # “5·8”, “135”, “12338”
    regex.compile(r"\d+[·•]\d+"),
    regex.compile(r"[A-Za-z]+\d+(?:\.\d+)?|\d+(?:\.\d+)?[A-Za-z]+(?![A-Za-z]*\p{Han}*[个项名人元])"),
    regex.compile(r"[\dA-Za-z]+\+[\dA-Za-z]+"),
    regex.compile(r"\d{3,}(?=热线|专线|热线电话|号线|路公交)"),
]
_ORDINAL = regex.compile(rf"第\s*(?:{ARABIC}|{CN_NUM})")
_MARKERS = [
    regex.compile(r"[①-⑳㉑-㉟]"),
    regex.compile(r"[（(][一二三四五六七八九十]+[）)]"),
    regex.compile(r"(?:(?<=^|[。；;：:，,！？\s])|^)[一二三四五六七八九十]+是"),
    regex.compile(r"^\d{1,2}[.、．](?!\d)"),
    regex.compile(r"^[一二三四五六七八九十]+、"),
]
_HUNDRED_PCT = regex.compile(r"百分之([零〇一二两三四五六七八九十百点]+)")
_FRACTION = regex.compile(rf"({CN_NUM}|\d+)分之({CN_NUM}|\d+)")


@dataclass(frozen=True)
class Figure:
    """One figure in a text; value/low/high in base units (万元 → 元), percentages in %."""

    kind: str  # quantity, percent, range, date, time, ordinal, code, marker, number
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str = ""  # base unit (元, 人, %)
    unit_text: str = ""  # as printed, with magnitude (万元)
    dimension: str = ""
    qualifier: str = ""  # at_least, at_most, about, or ""
    decimals: int = 0
    chinese: bool = False  # written in Chinese numerals
    classifier: bool = False  # unit is a measure word that may be followed by its noun


def cn_to_number(s: str) -> int | None:
    """一千二百三十四 → 1234, 三十 → 30, 二〇二三 → 2023, 两万 → 20000; None if malformed."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and CN_DIGITS[c] != 0:
                return None  # 三四: two digits with no unit between
            digit = CN_DIGITS[c] if CN_DIGITS[c] != 0 else None
        elif c in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
        elif c in CN_BIG:
            section += digit or 0
            if section == 0 and total == 0:
                section = 1
            total = (total + section) * CN_BIG[c] if c == "亿" else total + section * CN_BIG[c]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


@lru_cache(maxsize=1)
def _unit_regex():
    names = sorted(lexicon().units, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(n) for n in names))


@lru_cache(maxsize=1)
def _num_regex():
    """Arabic numerals anywhere; Chinese numerals only where a unit follows (统一, 一些 are words)."""
    units = "|".join(regex.escape(n) for n in sorted(lexicon().units, key=len, reverse=True))
    return regex.compile(rf"(?P<a>{ARABIC})|(?P<c>{CN_NUM})(?=[余多]?\s?(?:{units}|%|‰|个百分点|百分点|倍|成))")


_AFTER = regex.compile(
    r"(?P<q1>余|多)?(?P<mag>万亿|千万|百万|亿|万)?(?P<q2>余|多)?"
    r"(?P<sp>[ \u3000]?)"
    r"(?P<pct>%|‰|个百分点|百分点|倍|成(?![为了功立员果本长绩就效熟型品]))?"
)
_QUAL_TAIL = regex.compile(r"及以上|及以下|以上|以下|左右|上下|余|多(?![元样种彩方措])")
_RANGE_SEP = regex.compile(r"\s*(?:—{1,2}|–|-|~|至|到)\s*")


class _Claims:
    """Which characters already belong to a figure (a date, a code), so nothing is read twice."""

    def __init__(self, n: int):
        self.mask = bytearray(n)

    def taken(self, s: int, e: int) -> bool:
        return 1 in self.mask[s:e]

    def take(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)

    def free(self, s: int, e: int) -> None:
        self.mask[s:e] = bytes(e - s)


def _decimals(num: str) -> int:
    return len(num.split(".")[1]) if "." in num else 0


def _interval(value: float, decimals: int, scale: float, exact: bool, how: str, digits: str) -> tuple[float, float]:
    """The values a printed figure allows: half a unit of its last digit, bent by its qualifier."""
    half = 0.0 if exact else 0.5 * 10 ** (-decimals) * scale
    if how == "more":
        int_part = digits.split(".")[0].replace(",", "")
        zeros = len(int_part) - len(int_part.rstrip("0")) if int_part.strip("0") else 0
        step = 10 ** zeros * scale if decimals == 0 else 10 ** (-decimals) * scale
        return value, value + step
    if how == "atleast":
        return value, math.inf
    if how == "atmost":
        return 0.0, value
    if how == "near":
        return value * 0.8, value
    if how == "about":
        spread = max(half, abs(value) * 0.1)
        return value - spread, value + spread
    return value - half, value + half


_ANY_NUMERAL = regex.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿①-⑳㉑-㉟]")


def scan(text: str) -> list[Figure]:
    if not _ANY_NUMERAL.search(text):
        return []
    t = text.translate(_FOLD)
    out: list[Figure] = []
    claims = _Claims(len(t))

    def add(f: Figure) -> None:
        out.append(f)
        claims.take(f.start, f.end)

    for pat in _DATE_PATTERNS:
        for m in pat.finditer(t):
            if not claims.taken(m.start(), m.end()):
                add(Figure("date", m.start(), m.end(), text[m.start():m.end()], None, None, None))
    for pat in _TIME_PATTERNS:
        for m in pat.finditer(t):
            if claims.taken(m.start(), m.end()):
                continue
            if not (_TIME_OF_DAY.match(m.group()) or "分" in m.group() or ":" in m.group()):
                continue  # 3时 alone is too often not a clock time
            add(Figure("time", m.start(), m.end(), text[m.start():m.end()], None, None, None))
    for pat in _CODE_PATTERNS:
        for m in pat.finditer(t):
            if not claims.taken(m.start(), m.end()):
                add(Figure("code", m.start(), m.end(), text[m.start():m.end()], None, None, None))
    for m in _ORDINAL.finditer(t):
        if not claims.taken(m.start(), m.end()):
            n = m.group()[1:].strip()
            v = float(n.replace(",", "")) if n[0].isdigit() else cn_to_number(n)
            add(Figure("ordinal", m.start(), m.end(), text[m.start():m.end()], v, v, v))
    for pat in _MARKERS:
        for m in pat.finditer(t):
            if not claims.taken(m.start(), m.end()):
                add(Figure("marker", m.start(), m.end(), text[m.start():m.end()], None, None, None))
    for m in _HUNDRED_PCT.finditer(t):
        if not claims.taken(m.start(), m.end()):
            v = _cn_decimal(m.group(1))
            if v is not None:
                add(Figure("percent", m.start(), m.end(), text[m.start():m.end()], v, v, v, "%", "%", "percent",
                           chinese=True))
    for m in _FRACTION.finditer(t):
        if not claims.taken(m.start(), m.end()):
            den, num = (_to_number(g) for g in (m.group(1), m.group(2)))
            if den and num is not None:
                v = 100.0 * num / den
                add(Figure("percent", m.start(), m.end(), text[m.start():m.end()], v, v, v, "%", "分之", "percent",
                           chinese=not m.group(1).isdigit()))

    for m in _num_regex().finditer(t):
        if claims.taken(m.start(), m.end()):
            continue
        f = _read_figure(text, t, m)
        if f is None:
            continue
        # A range: 6000—10000元, 1-2天, 3至5年 — the first end borrows the second's unit.
        if out and f.kind in ("quantity", "percent") and out[-1].kind == "number":
            prev = out[-1]
            between = t[prev.end:f.start]
            if _RANGE_SEP.fullmatch(between) and prev.end > 0 and prev.chinese == f.chinese:
                lo_scale = f.value / printed(f) if printed(f) else 1.0
                lo = (prev.value or 0) * lo_scale
                out.pop()
                claims.free(prev.start, prev.end)
                f = Figure("range", prev.start, f.end, text[prev.start:f.end], None, lo, f.high, f.unit,
                           f.unit_text, f.dimension, f.qualifier, f.decimals, f.chinese, f.classifier)
        add(f)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _tidy(x: float) -> float:
    """2.78 × 10^4 is 27800, not 27799.999999999996."""
    return x if math.isinf(x) else float(f"{x:.12g}")


_ARABIC_RE = regex.compile(ARABIC)


def printed(f: Figure) -> float:
    """The Arabic numeral as printed, without qualifier, magnitude or unit: 2.78 for 近2.78万名; 0 if none."""
    digits = _ARABIC_RE.search(f.text.translate(_FOLD))
    return float(digits.group().replace(",", "")) if digits else 0.0


def _to_number(s: str) -> float | None:
    if s and s[0].isdigit():
        return float(s.replace(",", ""))
    v = cn_to_number(s)
    return None if v is None else float(v)


def _cn_decimal(s: str) -> float | None:
    if "点" in s:
        whole, frac = s.split("点", 1)
        w = cn_to_number(whole)
        if w is None or not all(c in CN_DIGITS for c in frac):
            return None
        return float(f"{w}.{''.join(str(CN_DIGITS[c]) for c in frac)}")
    v = cn_to_number(s)
    return None if v is None else float(v)


def _read_figure(text: str, t: str, m: regex.Match) -> Figure | None:
    start, end = m.span()
    raw = m.group()
    chinese = m.group("c") is not None
    if chinese:
        value = cn_to_number(raw)  # carries its own 万/亿: 三十万 → 300000
        if value is None:
            return None
        digits, decimals = str(value), 0
    else:
        digits = raw
        value = float(raw.replace(",", ""))
        decimals = _decimals(raw)
    # Qualifier in front: 近4000亿元, 超500万元, 约, 上百.
    how_before, prefix = "", ""
    qb = _QUAL_BEFORE_RE.search(t, max(0, start - 2), start)
    if qb and not (qb.group() in ("上", "数") and not chinese):
        prefix = qb.group()
        how_before = QUAL_BEFORE[prefix]
    a = _AFTER.match(t, end)
    mag = a.group("mag") if not chinese else None
    mag_scale = MAGNITUDES[mag] if mag else 1
    unit_text = mag or ""
    pct = a.group("pct")
    pos = a.end()
    if pct == "成" and not chinese:
        pct, pos = None, a.start("pct")
    if not pct:
        pos -= len(a.group("sp"))  # a space belongs to the figure only when a unit follows it
    q_after = a.group("q1") or a.group("q2") or ""
    unit = dim = base = ""
    classifier = False
    factor = 1.0
    if pct:
        dim = {"%": "percent", "‰": "permille", "个百分点": "pp", "百分点": "pp", "倍": "ratio", "成": "percent"}[pct]
        base = {"成": "%", "百分点": "个百分点"}.get(pct, pct)
        unit = base
        if pct == "成":
            factor = 10.0
        unit_text += pct
    else:
        u = _unit_regex().match(t, pos + len(a.group("sp")))
        if u:
            info = lexicon().units[u.group()]
            unit, dim, base, classifier, factor = info.name, info.dimension, info.base, info.classifier, info.factor
            unit_text += u.group()
            pos = u.end()
    if unit == "年" and (t.startswith("来", pos) or t.startswith("以来", pos)):
        return None  # 五年来, 3年以来: a time scope, not a duration
    tail = _QUAL_TAIL.match(t, pos)
    if tail and (unit or q_after):
        q_after = q_after or tail.group()
        pos = tail.end()
    if chinese:
        if not unit:
            return None  # 二十大, 五型, 一廊三区: Chinese numerals count only with a unit
        if raw in ("一", "千", "万", "百", "亿") and prefix not in ("上", "数"):
            return None  # 一个缩影, 千家万户, 万名人才: articles and idioms, not figures
    if not unit and not q_after and not mag:
        pos = end
    kind = "percent" if dim in ("percent", "permille", "pp") else ("quantity" if unit else "number")
    how = QUAL_AFTER.get(q_after, "") or how_before
    if how_before in ("atleast", "atmost", "near"):
        how = how_before
    scale = mag_scale * factor
    value_b = _tidy(value * scale)
    exact = decimals == 0 and mag_scale == 1 and kind != "percent" and pct != "成"
    low, high = (_tidy(x) for x in _interval(value_b, decimals, scale, exact, how, digits))
    if prefix:
        start -= len(prefix)
    return Figure(kind, start, pos, text[start:pos], value_b, low, high, base if unit else (mag or ""),
                  unit_text, dim, QUALIFIER_NAME[how], decimals, chinese, classifier)
