"""From a Document to DocumentFacts: segments, figures placed in them, metrics and scopes."""
from __future__ import annotations

import bisect
import hashlib

from .document import Document
from .enumerations import find as find_enumerations
from .facts import DocumentFacts, Enumeration, Quantity
from . import metrics
from .numbers import scan
from .segment import segment

# Part of the cache key, with a hash of the extraction code and word lists (cache.py).
EXTRACTOR_VERSION = "1"

_MEASURED = ("quantity", "percent", "range")


def extract(doc: Document) -> DocumentFacts:
    segs = segment(doc)
    quantities: list[Quantity] = []
    sent_starts: dict[int, list[int]] = {}
    sent_index: dict[int, list[int]] = {}
    for i, s in enumerate(segs.sentences):
        sent_starts.setdefault(s.paragraph, []).append(s.start)
        sent_index.setdefault(s.paragraph, []).append(i)

    article_scope: dict[int, str] = {}
    article_subject: dict[int, str] = {}
    article_places: dict[int, list[str]] = {}
    for a in segs.articles:
        head = []
        for p in segs.paragraphs[a.first_paragraph:a.last_paragraph + 1]:
            head.append(p.text)
            if not p.heading and not p.byline and len(p.text) > 40:
                # the lead's time frame, else the headline's (2023年国民经济和社会发展统计公报)
                article_scope[a.index] = metrics.first_scope(p.text) or metrics.first_scope(" ".join(head[:-1]))
                break
        article_subject[a.index] = metrics.subject(a.title)
        article_places[a.index] = [name for _, name in metrics.subjects(" ".join(head))]

    enumerations: list[Enumeration] = []
    for p in segs.paragraphs:
        nxt = segs.paragraphs[p.index + 1].text if p.index + 1 < len(segs.paragraphs) else ""
        for e in find_enumerations(p.text, nxt):
            enumerations.append(Enumeration(p.span(e.start, e.end), e.count, e.items,
                                            tuple(p.span(a, b) for a, b in e.item_spans), p.index, e.partial, e))
        figs = scan(p.text)
        places = metrics.subjects(p.text) if any(f.kind in _MEASURED for f in figs) else []
        place_pos = [pos for pos, _ in places]
        prev_end = 0
        for i, f in enumerate(figs):
            k = bisect.bisect_right(sent_starts.get(p.index, [0]), f.start) - 1
            si = sent_index[p.index][max(k, 0)]
            sent = segs.sentences[si]
            metric = scope = subject = stock_ = key = written = ""
            if f.kind in _MEASURED:
                floor = max(sent.start, prev_end)
                # the next figure bounds the counted noun (37个“博爱家园”项目, not the figure after it)
                nxt = next((g.start for g in figs[i + 1:i + 4] if g.start >= f.end), sent.end)
                metric = metrics.figure_metric(p.text, f, floor, min(nxt, sent.end))
                stext = p.text[sent.start:sent.end]
                scope = metrics.sentence_scope(stext, f.start - sent.start)
                written = "scope" if scope else ""
                scope = scope or article_scope.get(p.article, "")
                key = metrics.scope_key(scope)
                k2 = bisect.bisect_left(place_pos, f.start) - 1
                subject = places[k2][1] if k2 >= 0 else article_subject.get(p.article, "")
                if k2 >= 0 and places[k2][0] >= sent.start:
                    written += " subject"
                subject = metrics.resolve_whole(subject, article_places.get(p.article, []))
                stock_ = metrics.stock(metrics.pre_phrase(p.text, f.start, floor), p.text[sent.start:f.start])
            if f.kind not in ("ordinal", "code"):
                prev_end = f.end  # 第一产业增加值, “135”工作目标: an ordinal or code is part of the name
            quantities.append(Quantity(f, p.span(f.start, f.end), p.index, si, p.article, metric, scope, key,
                                       stock_, subject, written.strip()))
    quantities.sort(key=lambda q: (q.span.start, q.span.end))
    digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    return DocumentFacts(doc, segs, quantities, enumerations, digest)
