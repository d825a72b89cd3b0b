"""From a Document to DocumentFacts: segments, figures placed in them, metrics and scopes."""
from __future__ import annotations

import bisect
import hashlib

import regex

from . import context as context_mod
from .document import Document
from .enumerations import find as find_enumerations
from .facts import DocumentFacts, Enumeration, Quantity
from . import metrics
from .numbers import scan
from .segment import segment

# Part of the cache key, with a hash of the extraction code and word lists (cache.py).
EXTRACTOR_VERSION = "2"

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
            if not p.heading and not p.byline and (len(p.text) > 40 or p.text.count("。") >= 2):
                # the lead's time frame, else the headline's (2023年国民经济和社会发展统计公报)
                article_scope[a.index] = metrics.first_scope(p.text) or metrics.first_scope(" ".join(head[:-1]))
                break
        article_subject[a.index] = metrics.subject(a.title)
        article_places[a.index] = [name for _, name in metrics.subjects(" ".join(head))]

    ctx = context_mod.build(segs)
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
        prev: tuple | None = None  # (end, role, metric, sentence, period words) of the previous measured figure
        bound = _respectively(segs, p, figs, sent_starts, sent_index)
        art = ctx.articles[p.article]
        openers = None  # review openers of the paragraph, found when a figure first needs them
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
                pre = metrics.pre_phrase(p.text, f.start, floor)
                stock_ = metrics.stock(pre, p.text[sent.start:f.start])
                part = ctx.parts[p.index]
                pscope = metrics.period_scope(stext, f.start - sent.start)
                if openers is None:
                    openers = metrics.review_openers(p.text)
                # paragraph_period(p.text[:sent.start]), without copying the paragraph for each figure
                inherited = "" if pscope else next((w for end, w in reversed(openers) if end <= sent.start), "")
                phrase = metrics.pre_phrase(p.text, f.start, sent.start)
                noun = metrics.post_phrase(p.text, f.end, min(nxt, sent.end))
                same = prev is not None and prev[3] == si
                between = p.text[prev[0]:f.start] if same else ""
                role = metrics.role(phrase, p.text[sent.start:f.start], noun, between, prev[1] if same else "",
                                    part, f.qualifier, _past(pscope, art.year), p.text[_intro_from(p.text, f.start):f.start])
                if role in ("target", "plan"):
                    inherited = ""  # a target's period is its own sentence's, else its section's
                if role == "from":
                    metric = regex.split(r"[由从]", metric)[0] or metric  # 补助标准由每人每年|120元提高到
                if role == "to" and same and prev[1] == "from" and not metric:
                    metric = prev[2]
                elif same and prev[1] and regex.fullmatch(r"\s*(?:、|和|及|与|或)\s*", between):
                    # the next value of a list (增长了15.3%、14.4%和26.2%) is what the first is
                    role, metric = prev[1], metric if metric and not prev[2] else prev[2]
                    pscope = pscope or prev[4]
                elif (role in ("change", "average") and same and (not metric or _CHANGE_ONLY.fullmatch(metric))
                      and prev[1] not in ("change", "average") and _GROWTH_OF_PREV.fullmatch(between)):
                    metric = prev[2]  # 全市地方财政收入完成43.7亿元，同比增长19.8%: the growth of 地方财政收入
                area = metrics.sub_area(p.text[sent.start:f.start])
                if area:
                    subject, written = area, (written + " subject").strip()
                if i in bound:
                    subject = bound[i]
                    written = (written + " subject").strip()
                period = metrics.period_key(pscope or inherited or art.frame, art.year, art.review_year, part)
                if not period and not pscope and art.genre == "communique" and art.review_year:
                    period = str(art.review_year)  # a statistics communiqué speaks of the year it reviews
                if pscope:
                    written = (written + " period").strip()
                extra = dict(role=role, period=period, part=part, zone=ctx.zone(p.index, f.start), phrase=phrase,
                             noun=noun, who=art.who)
                prev = (f.end, role, metric, si, pscope)
            else:
                extra = {}
            if f.kind not in ("ordinal", "code"):
                prev_end = f.end  # 第一产业增加值, “135”工作目标: an ordinal or code is part of the name
            quantities.append(Quantity(f, p.span(f.start, f.end), p.index, si, p.article, metric, scope, key,
                                       stock_, subject, written.strip(), **extra))
    quantities.sort(key=lambda q: (q.span.start, q.span.end))
    digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    facts = DocumentFacts(doc, segs, quantities, enumerations, digest)
    facts.context = ctx
    return facts


_LAST_STOP = regex.compile(r"[。：:]", flags=regex.REVERSE)


def _intro_from(text: str, end: int) -> int:
    """Where metrics.role's target-list introduction (预期目标是：…) ending at `end` can start: the
    colon it ends with is the last 。/：/: before `end`, its words at most ten characters earlier.
    Searching from there, not the whole paragraph, keeps one-line texts linear."""
    m = _LAST_STOP.search(text, 0, end)
    return max(0, m.start() - 10) if m else 0


def _past(scope: str, year: int | None) -> bool:
    """A period word that places a figure before the text's own year: a result, not a target."""
    if regex.search(r"去年|上年|过去|以来|年来|一年来|全年", scope or ""):
        return True
    y = regex.search(r"((?:19|20)\d\d)年", (scope or "").translate(_DIGITS))
    return bool(y) and (year is None or int(y.group(1)) < year)


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


# metric keys that say only that something changed (同比增长19.8%): the growth is of the figure before
_CHANGE_ONLY = regex.compile(r"(?:同比|环比|增速|增幅|涨幅|平均每年|年均|实际|名义|比上年|较上年)+")
_GROWTH_OF_PREV = regex.compile(r"[，,]?\s*(?:同比|环比|比上年|较上年|比去年|较去年|平均每年|年均)?\s*(?:实际|名义)?\s*"
                                r"(?:增长|下降|增加|减少|提高|回落|上升|降低)了?")


def _respectively(segs, p, figs, sent_starts, sent_index) -> dict[int, str]:
    """Figure index → the name a 分别 list binds it to (西城、朝阳和丰台…分别增长15.3%、14.4%和26.2%)."""
    out: dict[int, str] = {}
    if "分别" not in p.text:
        return out
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figs):
        if f.kind in _MEASURED:
            k = bisect.bisect_right(sent_starts.get(p.index, [0]), f.start) - 1
            by_sentence.setdefault(sent_index[p.index][max(k, 0)], []).append(i)
    for si, idx in by_sentence.items():
        s = segs.sentences[si]
        names = metrics.respectively(p.text[s.start:s.end], [figs[i].start - s.start for i in idx])
        out.update({idx[k]: name for k, name in names.items()})
    return out
