"""Document context, worked out once per document and per article: who the text is about, when it
stands, and which part each paragraph is (review, targets, glossary, table) and where a figure sits
(headline, heading, lead, body).

Everything here is read from the text itself: the title and subtitle (某省2026年政府工作报告 → 某省,
a State Council report → 全国, ——昭通市红十字会五年工作纪实 → 昭通市红十字会), a dateline
(新华社北京2007年3月17日电) or a date line under the title (——2006年3月5日在…会议上), and the
section headings of a report (一、2011年工作回顾 / 二、2012年主要任务 / 附注：). The publication date
from config or --date is applied by the checks (DocumentFacts.published), after extraction.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import builtin_rules_dir
from .segment import Segments
from .tomlload import load_toml

# Full-width digits fold one to one onto ASCII: offsets stay the same.
FOLD = str.maketrans("０１２３４５６７８９％．，：～－（）", "0123456789%.,:~-()")


@lru_cache(maxsize=1)
def words() -> dict:
    """The context word lists of rules/lexicon/metrics.toml ([context])."""
    return load_toml(builtin_rules_dir() / "lexicon" / "metrics.toml").get("context", {})


def _alt(key: str) -> str:
    return "|".join(regex.escape(w) for w in sorted(words().get(key, []), key=len, reverse=True))


@dataclass(frozen=True)
class ArticleContext:
    index: int
    who: str  # the place or organisation the article is about ("" unknown; "（本市）" the writer's own, unnamed)
    year: int | None  # the year it stands in: 今年 (a work report's year, a news item's publication year)
    review_year: int | None  # the year its review covers: 全年, 去年 in a review (year - 1 for a work report)
    published: str  # YYYY-MM-DD (or YYYY-MM, YYYY) from a dateline or date line; "" unknown
    genre: str  # "report" (work report, congress report), "communique", "news" or ""
    frame: str = ""  # the period the headline or lead sets for the whole article, as written (前八月, 1—8月)


@dataclass(frozen=True)
class DocumentContext:
    articles: tuple[ArticleContext, ...]
    parts: tuple[str, ...]  # per paragraph: review, review5, targets, plan5, glossary, table or ""
    zones: tuple[str, ...]  # per paragraph: title, heading, lead, body, glossary, byline
    terms: tuple[str, ...]  # per paragraph: the term a glossary note explains ("" none)
    sections: tuple[int, ...]  # per paragraph: the heading paragraph it stands under (-1 none)
    # run-in headlines and leads inside a paragraph: (paragraph, start, end, "headline" | "lead")
    inline: tuple[tuple[int, int, int, str], ...]

    def zone(self, paragraph: int, offset: int) -> str:
        for p, a, b, z in self.inline:
            if p == paragraph and a <= offset < b:
                return z
        return self.zones[paragraph]


# ------------------------------------------------------------------ who and when

_YEAR = regex.compile(r"((?:19|20)\d\d)\s*年")


@lru_cache(maxsize=1)
def _national_re() -> regex.Pattern:
    return regex.compile(_alt("national"))


# 某省2026年政府工作报告, 大庆市2012年统计公报: the place that opens a report's title
_TITLED_PLACE = regex.compile(r"^\s*(\p{Han}{1,10}?(?:省|自治区|市|县|区|州|盟|旗))(?:人民政府)?\s*(?:19|20)\d\d\s*年")


def _who(head: str) -> str:
    """The place or organisation named in the headline lines: the organisation when one is named
    (——昭通市红十字会五年工作纪实 → 昭通市红十字会), else the first place (2012年大庆市…统计公报 → 大庆市)."""
    from .metrics import subjects

    text = head.translate(FOLD)
    if _national_re().search(text):
        return "全国"
    m = _TITLED_PLACE.match(text)
    if m:
        return m.group(1)
    places = [(pos, name) for pos, name in subjects(text) if not name.startswith(("全", "我", "本", "该"))]
    if not places:
        # 我市农村经济…: the writer's own place, unnamed — one place within the document, none across
        m = regex.search(r"(?:我|本|全)(省|市|县|区)", text)
        return f"（本{m.group(1)}）" if m else ""
    pos, name = places[0]
    m = regex.match(rf"\p{{Han}}{{0,8}}?(?:{_alt('organisations')})", text, pos=pos + len(name))
    return name + m.group() if m else name


def _when(head: str) -> tuple[int | None, int | None, str, str]:
    """(year, review_year, published, genre) from the headline lines and the date lines under them."""
    text = head.translate(FOLD)
    published = ""
    m = regex.search(rf"(?:{_alt('dateline')})\S{{0,6}}?((?:19|20)\d\d)年(\d{{1,2}})月(\d{{1,2}})日电", text) \
        or regex.search(r"(?:^|\n|——|[（(])\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
    if m:
        published = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    genre, year, review = "", None, None
    titled = _YEAR.search(text)
    if regex.search(_alt("report_titles"), text):
        genre = "report"
        year = int(titled.group(1)) if titled else (int(published[:4]) if published else None)
        review = year - 1 if year else None
    elif regex.search(_alt("communique_titles"), text):
        genre = "communique"
        review = int(titled.group(1)) if titled else None
        year = review + 1 if review else None
    elif published:
        genre, year = "news", int(published[:4])
        review = year - 1
    return year, review, published, genre


# ------------------------------------------------------------------ parts of a report

_MARKER = regex.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．]|第[一二三四五六七八九十]+[部章节])")


def _is_heading(p) -> bool:
    """A section title: a short line (segment.py's heading), or a numbered one-sentence line such as
    （六）地方财政收入增速达到19.8%。"""
    if p.byline:
        return False
    if p.heading:
        return True
    t = p.text.strip()
    body = t.rstrip("。.")
    return bool(_MARKER.match(t)) and len(t) <= 40 and not regex.search(r"[。！？；;：:]", body)


@lru_cache(maxsize=1)
def _part_res() -> list[tuple[str, regex.Pattern]]:
    return [(name, regex.compile(_alt(f"part_{name}"))) for name in ("glossary", "plan5", "review5", "targets", "review")]


@lru_cache(maxsize=1)
def _targets_opener() -> regex.Pattern:
    """A paragraph that states this year's targets inside a review: 今年…的预期目标是："""
    return regex.compile(rf"^(?:今年|明年|(?:19|20)\d\d年)[^。]{{0,24}}?(?:{_alt('targets_opener')})")


def _part_of(heading: str) -> str:
    t = heading.translate(FOLD)
    for name, rx in _part_res():
        if rx.pattern and rx.search(t):
            return name
    return ""


_GLOSSARY_TERM = regex.compile(r"^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)])\s*[“\"]?([^：:“”\"]{2,20}?)[”\"]?[：:]")


def _is_table(text: str) -> bool:
    return text.count("\t") >= 1 and len(regex.findall(r"\d", text)) >= 2 and len(text) < 200


# ------------------------------------------------------------------ run-in headlines

@lru_cache(maxsize=1)
def _runin_cue() -> regex.Pattern:
    """Where the body begins after a headline run into it: (图), 本报讯, 中新网6月5日电, 记者, 今天（…）."""
    return regex.compile(rf"(?:{_alt('runin_cues')})|\d{{1,2}}日(?=[凌上下晚早中])|\d{{1,2}}月\d{{1,2}}日")


def _runin_end(seg: str, floor: int = 6, after: str = "") -> tuple[int, bool]:
    """Where a headline run into its body ends in seg (text up to the first ，or 。), or -1; and
    whether the cue is strong: the body repeats the headline's first words (阿富汗北部地震…阿富汗北部胡勒姆),
    or opens with a time word set off by a comma or bracket (今天（10月31日），近期，)."""
    best, strong = -1, False
    m = _runin_cue().search(seg.translate(FOLD), floor)
    if m:
        best = m.start()
        rest = (seg[m.end():] + after)[:1]
        strong = m.end() == len(seg) and rest in "，," or rest in "（(" or m.group().endswith(("（", "(", "，"))
    head = seg[:3] if regex.fullmatch(r"[\p{Han}“”\"《]{3}", seg[:3]) else seg[:4]
    if len(head) >= 3 and regex.fullmatch(r"[\p{Han}\d“”\"《]{3,4}", head):
        k = seg.find(head, floor)
        if k > 0 and (best < 0 or k <= best):
            best, strong = k, True
    return best, strong


def _inline(segs: Segments, art, zones: list[str], items: list) -> list[tuple[int, int, int, str]]:
    out = []
    ps = segs.paragraphs[art.first_paragraph:art.last_paragraph + 1]
    first = next((p for p in ps if not p.byline), None)
    if first is None:
        return out
    if zones[first.index] != "title" and first.index == art.first_paragraph and len(first.text) > 80:
        # the whole article is one line: the headline runs into the lead
        text = first.text
        seg_end = min([i for i in (text.find("，"), text.find("。"), text.find(","), len(text)) if i >= 0])
        cut = _runin_end(text[:seg_end])[0] if seg_end > 6 else -1
        if cut < 0:
            cut = min(seg_end, 60)
        out.append((first.index, 0, cut, "headline"))
        lead_end = _lead_end(text, cut + (text[cut:cut + 1] in "。，"))
        out.append((first.index, cut, lead_end, "lead"))
        zones[first.index] = "body"
    for p in ps:
        if zones[p.index] not in ("body", "lead") or len(p.text) < 150:
            continue
        # transcript items: 。Title of the next item run into its body（今天…）
        for m in regex.finditer(r"(?<=[。！？])[^，。；：、,;:！？]{6,60}", p.text):
            cut, strong = _runin_end(m.group(), after=p.text[m.end():m.end() + 1])
            if cut > 0 and not any(a <= m.start() < b for q, a, b, _ in out if q == p.index):
                items.append((strong, (p.index, m.start(), m.start() + cut, "headline")))
    return out


def _lead_end(text: str, start: int) -> int:
    """The lead of a one-line article: its first two sentences after the headline (at most 300 characters)."""
    n, i = 0, start
    for m in regex.finditer(r"[。！？]", text, pos=start):
        n += 1
        i = m.end()
        if n == 2:
            break
    return min(max(i, start), start + 300)


# ------------------------------------------------------------------ the whole document

def build(segs: Segments) -> DocumentContext:
    paragraphs = segs.paragraphs
    n = len(paragraphs)
    zones = ["body"] * n
    parts = [""] * n
    terms = [""] * n
    sections = [-1] * n
    articles = []
    inline: list[tuple[int, int, int, str]] = []
    items: list[tuple[bool, tuple[int, int, int, str]]] = []  # run-in headlines of transcript items
    for art in segs.articles:
        ps = paragraphs[art.first_paragraph:art.last_paragraph + 1]
        head_lines, lead_seen = [], False
        part, section = "", -1
        for k, p in enumerate(ps):
            if p.byline:
                zones[p.index] = "byline"
                head_lines.append(p.text)
                continue
            if not lead_seen and (p.heading or k == 0) and len(p.text) <= 80 and not _MARKER.match(p.text):
                zones[p.index] = "title"
                head_lines.append(p.text)
                continue
            if _is_heading(p):
                zones[p.index] = "heading"
                section = p.index
                new = _part_of(p.text)
                if new or _MARKER.match(p.text) and p.text.startswith(tuple("一二三四五六七八九十")):
                    part = new  # a top-level heading without a part word ends the part
                parts[p.index] = part
                sections[p.index] = section
                continue
            if not lead_seen:
                lead_seen = True
                head_lines.append(p.text[:120])
                if len(p.text) <= 300:
                    zones[p.index] = "lead"
                elif k > 0:  # a long first paragraph: its first sentences are the lead
                    inline.append((p.index, 0, _lead_end(p.text, 0), "lead"))
            # a report's paragraph can open its part: 今年国民经济和社会发展的预期目标是 / 附注：
            if len(p.text) <= 12 and _part_of(p.text) == "glossary":
                part = "glossary"  # 附注：
            opens_targets = part in ("", "review", "targets") and _targets_opener().match(p.text.translate(FOLD))
            parts[p.index] = "targets" if opens_targets else part
            sections[p.index] = section
            if part == "glossary":
                zones[p.index] = "glossary"
                m = _GLOSSARY_TERM.match(p.text.translate(FOLD))
                terms[p.index] = m.group(1) if m else ""
            if _is_table(p.text):
                parts[p.index] = "table"
        head = "\n".join(head_lines)
        year, review, published, genre = _when(head)
        frame = ""
        if genre not in ("report", "communique"):
            from .metrics import first_period
            frame = first_period(head + "\n" + "\n".join(paragraphs[p].text[a:b] for p, a, b, z in
                                                            _inline(segs, art, list(zones), []) if z != "byline"))
        articles.append(ArticleContext(art.index, _who(head), year, review, published, genre, frame))
        inline.extend(_inline(segs, art, zones, items))
    # transcript items run into each other: trusted when the document shows several strong cues
    if sum(strong for strong, _ in items) >= 3:
        inline.extend(item for _, item in items)
    return DocumentContext(tuple(articles), tuple(parts), tuple(zones), tuple(terms), tuple(sections), tuple(inline))
