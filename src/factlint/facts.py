"""The fact types every check shares: figures placed in their paragraph, sentence and article.

These (and the segments and figures inside them) are plain frozen dataclasses; the corpus cache
stores them as JSON and rebuilds only these types (cache.py), never by unpickling.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document, Span
from .findings import Location
from .numbers import Figure
from .segment import Segments


@dataclass(frozen=True)
class Quantity:
    """A figure of a document, with where it stands and what it measures."""

    figure: Figure
    span: Span  # in the original file
    paragraph: int
    sentence: int
    article: int
    metric: str  # the phrase it measures, fillers removed ("投入款物"); "" when unknown
    scope: str  # the time scope as written ("截至目前", "2023年"); "" when none
    scope_key: str  # normalised: "now", "y2023", "since2023", ...
    stock: str  # "cumulative", "new" or ""
    subject: str  # the place or body it is about ("昭通市"; 全市 resolved to the article's city)
    written: str = ""  # which of "scope", "subject" stand in the figure's own sentence ("scope subject")
    # issue 13: what kind of figure, for which period, where it stands (context.py)
    role: str = ""  # actual, target, plan, change, average, cumulative, per, from, to, part, whole; "" not measured
    period: str = ""  # normalised: "2011", "2025:1-9", "2025:to10", "2006-2010"; "" unknown
    part: str = ""  # the part of the document: review, review5, targets, plan5, glossary, table or ""
    zone: str = ""  # where it stands: headline, title, heading, lead, body, glossary
    phrase: str = ""  # the words before it back to punctuation, as written (for head-noun matching)
    noun: str = ""  # the words after it (109个|家庭获市级表彰)
    who: str = ""  # the article's place or organisation (context.py), "" unknown

    @property
    def kind(self) -> str:
        return self.figure.kind


@dataclass(frozen=True)
class Enumeration:
    """A count word and the items it names: “五型红会” ← 政治、为民、清廉、效能、创新."""

    span: Span  # the count word
    count: int
    items: tuple[str, ...]
    item_spans: tuple[Span, ...]
    paragraph: int
    partial: bool  # 等 before the count: fewer items listed is fine
    found: object = None  # the enumerations.Found it was made from (term, parts, side of the list)


@dataclass
class DocumentFacts:
    doc: Document
    segments: Segments
    quantities: list[Quantity]  # every figure, dates and ordinals included, in text order
    enumerations: list[Enumeration]
    digest: str = ""  # content hash, for the corpus cache
    published: str = ""  # publication date (YYYY-MM-DD) from config or --date; "" = unknown
    context: object = None  # context.DocumentContext: who, when, parts and zones (issue 13)
    # derived data a check computed once for this document (copied-clause phrases), keyed by the
    # check and its options; stored with the facts, so the corpus cache keeps it too
    memo: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.doc.path

    def measurements(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind in ("quantity", "percent", "range")]

    def by_paragraph(self, kinds: tuple[str, ...] = ("quantity", "percent", "range")) -> dict[int, list[Quantity]]:
        """Figures of these kinds grouped by paragraph, in text order."""
        out: dict[int, list[Quantity]] = {}
        for q in self.quantities:
            if q.kind in kinds:
                out.setdefault(q.paragraph, []).append(q)
        return out

    def location(self, paragraph: int, start: int, end: int, note: str = "") -> Location:
        """A Location for text[start:end] of a paragraph, mapped back to the original file."""
        return Location(self.doc.path, self.segments.paragraphs[paragraph].span(start, end), note)

    def article_title(self, paragraph: int) -> str:
        return self.segments.articles[self.segments.paragraphs[paragraph].article].title
