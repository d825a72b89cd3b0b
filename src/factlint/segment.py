"""Articles, paragraphs (joined across page breaks), sentences and clauses, as spans of the original text."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from .document import Document, Span
from . import tables, words

# A unit ending in one of these (after closing quotes/brackets) ends its paragraph.
TERMINAL = set("。！？!?…；;")
CLOSERS = "”’」』）)】》\"'"
SENTENCE_END = regex.compile(r"(?:[。！？!?；;]+|…{1,2}|\.{3,6})[”’」』）)\"']*")
# Clause breaks: ，、：and their ASCII forms, but not a comma or colon between digits (1,234 / 7:30).
CLAUSE_BREAK = regex.compile(r"[，、：]|(?<!\d),|,(?!\d{3}(?!\d))|(?<!\d):|:(?!\d)")
BYLINE = regex.compile(
    r"^(?:◆\s*)?(?:本报)?(?:特约|实习)?(?:记者|通讯员|实习生|撰稿|作者)[\s：:]*\S.{0,40}$"
    r"|^.{1,30}(?:文/图|文\s*/\s*图|摄影?)$"
)
MD_MARKER = regex.compile(r"^(?:#{1,6}\s+|[-*+]\s+|>\s*)")  # numbered points stay: the ordinal check reads them
MD_HEADING = regex.compile(r"^#{1,6}\s")


@dataclass(frozen=True)
class Unit:
    """One non-blank line, indentation and Markdown markers stripped."""

    start: int  # original offset of the first kept character
    text: str
    gap_before: int  # blank lines before it
    md_heading: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str  # units joined with nothing in between: a word split by a page break is whole again
    text_starts: tuple[int, ...]  # where each joined piece starts in text
    orig_starts: tuple[int, ...]  # ... and in the original file
    heading: bool
    byline: bool
    article: int
    # a line of a table (tables.py): cells, not prose — no sentence, ordinal or list reading
    table: bool = False

    def orig(self, i: int) -> int:
        k = bisect.bisect_right(self.text_starts, i) - 1
        return self.orig_starts[k] + (i - self.text_starts[k])

    def span(self, start: int, end: int) -> Span:
        """The original-text span of text[start:end]; the end maps from the last character."""
        if end <= start:
            o = self.orig(start)
            return Span(o, o)
        return Span(self.orig(start), self.orig(end - 1) + 1)

    @property
    def orig_start(self) -> int:
        return self.orig_starts[0]


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int  # offsets into the paragraph's text
    end: int


@dataclass(frozen=True)
class Clause:
    paragraph: int
    sentence: int  # index into Segments.sentences
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    index: int
    title: str
    first_paragraph: int
    last_paragraph: int  # inclusive


@dataclass(frozen=True)
class Segments:
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    articles: tuple[Article, ...]

    def clauses(self) -> list[Clause]:
        """Clauses (split at ，、：), computed on demand: no check keeps them, and the cache need not."""
        out = []
        for si, s in enumerate(self.sentences):
            text = self.paragraphs[s.paragraph].text
            out.extend(Clause(s.paragraph, si, a, b) for a, b in split_clauses(text, s.start, s.end))
        return out

    def sentence_text(self, s: Sentence) -> str:
        return self.paragraphs[s.paragraph].text[s.start:s.end]


def units(text: str) -> list[Unit]:
    out: list[Unit] = []
    gap = 0
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        stripped = line.strip(" \t\u3000\ufeff\xa0")
        if not stripped:
            gap += 1
            pos += len(raw)
            continue
        lead = len(line) - len(line.lstrip(" \t\u3000\ufeff\xa0"))
        m = MD_MARKER.match(stripped)
        skip = m.end() if m else 0
        body = stripped[skip:]
        if body:
            out.append(Unit(pos + lead + skip, body, gap, bool(MD_HEADING.match(stripped))))
        gap = 0
        pos += len(raw)
    return out


def _closed(text: str) -> bool:
    t = text.rstrip(CLOSERS)
    return bool(t) and t[-1] in TERMINAL


def is_byline(u: Unit) -> bool:
    return len(u.text) <= 45 and bool(BYLINE.match(u.text))


def _headingish(u: Unit) -> bool:
    """A short unit with no sentence punctuation: a headline, section title or label."""
    if u.md_heading:
        return True
    if _closed(u.text) or is_byline(u):
        return False
    if any(c in u.text for c in "。！？!?；;"):
        return False
    return len(u.text) < 30 or not any(c in u.text for c in "，,、")


def _continues(u: Unit, nxt: Unit) -> bool:
    """Does the paragraph ending with u go on in nxt (a page break cut it)?"""
    if u.md_heading or nxt.md_heading or _closed(u.text) or is_byline(u) or is_byline(nxt):
        return False
    if not _headingish(u):
        return True
    # A short open line is a heading unless a word runs across the break (红十|字会, 产|业组).
    return words.crosses(u.text, nxt.text)


def _is_caption(u: Unit, after: Unit | None) -> bool:
    """A photo caption dropped between the halves of a broken paragraph, set off by extra space."""
    return u.gap_before >= 2 and _closed(u.text) and len(u.text) <= 40 and after is not None


def _in_tables(us: list[Unit], text: str) -> list[bool]:
    spans = tables.table_line_spans(text) if "\t" in text or "|" in text else []
    starts = [a for a, _ in spans]
    out = []
    for u in us:
        k = bisect.bisect_right(starts, u.start) - 1
        out.append(k >= 0 and spans[k][0] <= u.start < spans[k][1])
    return out


def segment(doc: Document) -> Segments:
    us = units(doc.text)
    in_table = _in_tables(us, doc.text)
    groups: list[tuple[list[Unit], bool, bool]] = []  # units, heading, byline
    used = [False] * len(us)
    for i, u in enumerate(us):
        if used[i]:
            continue
        used[i] = True
        group = [u]
        j = i + 1
        while j < len(us) and not in_table[i]:
            if in_table[j]:
                break
            last = group[-1]
            if j + 1 < len(us) and _is_caption(us[j], us[j + 1]) and _continues(last, us[j + 1]):
                j += 1  # skip the caption; it stays a paragraph of its own
            elif not _continues(last, us[j]):
                break
            group.append(us[j])
            used[j] = True
            j += 1
        heading = len(group) == 1 and _headingish(u)
        groups.append((group, heading, len(group) == 1 and is_byline(u)))
    groups.sort(key=lambda g: g[0][0].start)

    article_starts = _article_starts(groups)
    table_starts = {u.start for u, t in zip(us, in_table) if t}
    paragraphs: list[Paragraph] = []
    art = -1
    for idx, (group, heading, byline) in enumerate(groups):
        if idx in article_starts or art < 0:
            art += 1
        text_starts, orig_starts, parts, n = [], [], [], 0
        for u in group:
            text_starts.append(n)
            orig_starts.append(u.start)
            parts.append(u.text)
            n += len(u.text)
        paragraphs.append(Paragraph(idx, "".join(parts), tuple(text_starts), tuple(orig_starts), heading, byline, art,
                                    group[0].start in table_starts))

    articles = []
    for a in range(art + 1):
        ps = [p for p in paragraphs if p.article == a]
        # the headline lines, without a subtitle (——…) and without page furniture far above
        heads = [p.text for p in ps[:3] if p.heading and not p.text.startswith(("——", "—", "--"))]
        title = " ".join(heads)
        articles.append(Article(a, title[:60], ps[0].index, ps[-1].index))

    sentences = [Sentence(p.index, a, b) for p in paragraphs for a, b in split_sentences(p.text)]
    return Segments(tuple(paragraphs), tuple(sentences), tuple(articles))


def _article_starts(groups: list[tuple[list[Unit], bool, bool]]) -> set[int]:
    """Indices of the first paragraph of each article: the headline lines just above a byline."""
    starts: set[int] = set()
    for i, (_, _, byline) in enumerate(groups):
        if not byline:
            continue
        k = i
        while k - 1 >= 0 and i - (k - 1) <= 3 and groups[k - 1][1]:
            k -= 1
        starts.add(k)
    return starts


def split_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
            start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out
