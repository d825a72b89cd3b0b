"""A clause pasted from another article: between the articles of a page, or across the corpus.

Each comma-level phrase (split at ，；。！？ but not 、, so a quoted slogan stays whole) is
normalised (punctuation and spaces dropped, fixed political formulas removed). Two phrases of
different news items (articles, or 本报讯 / 新华社…电 items of one file) are a copy when their
longest common run is at least `min_chars` long and covers at least `similarity` of the
shorter phrase. Repeats inside one item are repetition/repeated-sentence's.
Silent, because the passage is not specific to the two places:
- shared by `max_items` or more items of the run and the configured corpus (document
  frequency): the wording of the genre, not a paste;
- the same words with other figures (…实际增长7.7%和6.8% one year, other figures the next):
  a sentence template, not a copy;
- two items that share two or more separate passages (counting sentences filled with other
  figures): two reports of one event, or two editions of one report (a monthly release), drawn
  from the same source;
- anything shared with a document that writes in the stock wording of its genre: at least
  `genre_share` of its phrases hold a run found in `max_items` or more items (government work
  reports, congress reports, communiqués, state-news transcripts score 0.11–0.39 on the
  project's real-text corpus, most news items below 0.05);
- a run that lies inside quotation marks in either place (a cited slogan), or official
  wording (formulas in rules/lexicon/repetition.toml and the `formulas` config);
- headings and bylines (a page banner repeated on every page is layout), and glossary notes (附注：
  17、两年平均增速是指以2019年相应同期数为基数…: a standard definition, which other texts quote).
A shared passage is reported once, at its last place in path order (so the order of the
arguments does not matter), naming the other place. Candidates come from an index of
`shingle`-character runs that keeps at most `max_items` owners per run, so the pass grows
linearly with the corpus, also when many documents are near-copies of each other.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding, Location
from ..lexicon import lexicon
from .repeated import ITEM_START

KIND = "copied"
SCOPE = "corpus"

PHRASE_BREAK = regex.compile(r"[，,；;。！？!?]+")
NOT_TEXT = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
PHRASES_PER_SHINGLE = 8  # phrases of one shingle compared: more would be the genre's wording anyway


@dataclass(frozen=True, slots=True)
class Options:
    min_chars: int = 14  # the shared run, in characters, after normalising
    similarity: float = 0.6  # shared run / length of the shorter phrase
    shingle: int = 8
    max_items: int = 3  # a run found in this many news items is the genre's wording
    genre_share: float = 0.1  # a document with this share of common phrases writes in its genre's wording
    formulas: tuple[str, ...] = ()  # added to the built-in list of fixed formulations
    max_related: int = 5  # places listed with a finding; the message still counts them all


def validate(options: Options) -> None:
    if options.shingle < 2 or options.min_chars < options.shingle:
        raise ValueError("need 2 <= shingle <= min_chars")
    if not 0 < options.similarity <= 1:
        raise ValueError("'similarity' must be in (0, 1]")
    if options.max_items < 3:
        raise ValueError("'max_items' must be at least 3")


@dataclass(frozen=True, slots=True)
class _Phrase:
    doc: int
    paragraph: int
    start: int
    end: int
    norm: str
    item: int  # news item within the document


def _normaliser(extra: tuple[str, ...]):
    formulas = sorted({NOT_TEXT.sub("", f) for f in lexicon().formulas + extra} - {""}, key=len, reverse=True)
    pat = regex.compile("|".join(regex.escape(f) for f in formulas)) if formulas else None

    def norm(text: str) -> str:
        t = NOT_TEXT.sub("", text)
        return pat.sub("", t) if pat else t

    return norm


def _doc_phrases(facts: DocumentFacts, norm, min_chars: int) -> list[tuple[int, int, int, str, int]]:
    out = []
    item, article = 0, 0
    ctx = facts.context
    for p in facts.segments.paragraphs:
        if p.article != article:
            item, article = item + 1, p.article
        if p.heading or p.byline or (ctx is not None and ctx.parts[p.index] == "glossary"):
            continue  # a glossary note (附注：17、两年平均增速是指…) is a definition, quoted by design
        starts = [m.start() for m in ITEM_START.finditer(p.text)]
        start = 0
        for m in [*PHRASE_BREAK.finditer(p.text), None]:
            end = m.start() if m else len(p.text)
            while starts and starts[0] < end:
                starts.pop(0)
                item += 1
            n = norm(p.text[start:end])
            if len(n) >= min_chars:
                out.append((p.index, start, end, n, item))
            start = m.end() if m else end
    return out


def phrases(corpus: list[DocumentFacts], options: Options) -> list[_Phrase]:
    """Every document's normalised phrases; kept in the facts' memo, so the corpus cache saves them."""
    norm = _normaliser(options.formulas)
    key = ("copied.phrases.v3", options.min_chars, options.formulas, lexicon().formulas)
    out = []
    # in path order, so which phrases the capped index keeps does not hang on the argument order
    for di in sorted(range(len(corpus)), key=lambda i: corpus[i].path):
        facts = corpus[di]
        if key not in facts.memo:
            facts.memo[key] = _doc_phrases(facts, norm, options.min_chars)
        out.extend(_Phrase(di, *ph) for ph in facts.memo[key])
    return out


def prepare(rule, facts: DocumentFacts) -> None:
    """The per-document part, run by the engine where the file is extracted (a worker process)."""
    phrases([facts], rule.options)


def longest_common_run(a: str, b: str, k: int) -> tuple[int, int]:
    """Length and start in a of the longest common substring of a and b, given that any worth
    finding is ≥ k long: grown from the k-character runs the two share, so short phrases cost little."""
    where: dict[str, list[int]] = defaultdict(list)
    for j in range(len(b) - k + 1):
        where[b[j:j + k]].append(j)
    best, at = 0, 0
    for i in range(len(a) - k + 1):
        for j in where.get(a[i:i + k], ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # not the start of a run
            n = k
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            if n > best:
                best, at = n, i
    return best, at


QUOTED = regex.compile(r"“([^“”]{4,})”")


def _cited(run: str, raw_texts: list[str]) -> bool:
    """A shared run that lies inside a quoted slogan (“一年有突破、三年强品牌、五年促跨越”) is a
    citation; a pasted clause reaches past the quotes (形成“政府得民心、…、群众获实惠”的多赢格局)."""
    return any(run in NOT_TEXT.sub("", m.group(1)) for t in raw_texts for m in QUOTED.finditer(t))


def _template(run: str, a: str, b: str) -> bool:
    """The shared words stop at a figure on both sides (实际增长8.4%… / 实际增长7.8%…): the same
    sentence filled with other figures."""
    i, j = a.find(run), b.find(run)
    before = a[i - 1:i] + b[j - 1:j] if i and j else ""
    after = a[i + len(run):i + len(run) + 1] + b[j + len(run):j + len(run) + 1]
    return any(len(x) == 2 and x.isdigit() for x in (before, after))


def _raw(corpus: list[DocumentFacts], ph: _Phrase) -> str:
    return corpus[ph.doc].segments.paragraphs[ph.paragraph].text[ph.start:ph.end]


def _index(items: list[_Phrase], k: int, wanted, cap: int) -> dict[str, list]:
    """shingle → [the distinct items holding it (at most `cap`: then it is common), a few of its phrases…]."""
    index: dict[str, list] = {}
    for i, ph in enumerate(items):
        unit = (ph.doc, ph.item)
        norm = ph.norm
        for s in {norm[j:j + k] for j in range(len(norm) - k + 1)}:
            entry = index.get(s)
            if entry is None:
                index[s] = [(unit,), i]
                continue
            have = entry[0]
            if unit not in have and len(have) < cap:
                entry[0] = have + (unit,)
            if len(entry) <= PHRASES_PER_SHINGLE and (wanted is None or s in wanted):
                entry.append(i)
    return index


def check(rule, corpus: list[DocumentFacts], targets: set[str]) -> Iterator[Finding]:
    opts = rule.options
    items = phrases(corpus, opts)
    in_target = [corpus[ph.doc].path in targets for ph in items]
    k, cap = opts.shingle, opts.max_items
    # only runs that occur in a file being checked can make a pair worth reporting
    wanted = None if all(in_target) else \
        {ph.norm[j:j + k] for ph, t in zip(items, in_target) if t for j in range(len(ph.norm) - k + 1)}
    index = _index(items, k, wanted, cap)
    pairs: set[tuple[int, int]] = set()
    for entry in index.values():
        if len(entry[0]) != 2:
            continue  # one item: a repeat inside it (another rule's); three or more: common wording
        ms = entry[1:]
        for a in range(len(ms)):
            for b in range(a + 1, len(ms)):
                pa, pb = items[ms[a]], items[ms[b]]
                if (pa.doc, pa.item) != (pb.doc, pb.item) and (in_target[ms[a]] or in_target[ms[b]]):
                    pairs.add((ms[a], ms[b]))
    by_items: dict[tuple, list[tuple[int, int, int]]] = defaultdict(list)
    templates: dict[tuple, list[tuple[int, int, int]]] = defaultdict(list)
    for a, b in sorted(pairs):
        pa, pb = items[a], items[b]
        size, at = longest_common_run(pa.norm, pb.norm, k)
        if size < opts.min_chars or size / min(len(pa.norm), len(pb.norm)) < opts.similarity:
            continue
        run = pa.norm[at:at + size]
        if min(len(index[run[j:j + k]][0]) for j in range(size - k + 1)) >= cap:
            continue  # the whole run is common wording
        raw = [_raw(corpus, pa), _raw(corpus, pb)]
        key = tuple(sorted([(pa.doc, pa.item), (pb.doc, pb.item)]))
        if _cited(run, raw):
            continue
        if _template(run, pa.norm, pb.norm):
            templates[key].append((a, b, size))  # not a copy, but one more passage the two share
            continue
        by_items[key].append((a, b, size))
    involved = {u[0] for key in by_items for u in key}
    genre = _genre_documents([ph for ph in items if ph.doc in involved], index, k, cap, opts.genre_share)
    for (u1, u2), found in by_items.items():
        if u1[0] in genre or u2[0] in genre:
            continue  # official wording: one side writes in the stock wording of its genre
        # separate passages: phrases of the first item with other text between them (sentences the two
        # fill with other figures count: 1—11月份 and 1—2月份 editions of one monthly release)
        spans = sorted({(items[a].paragraph, items[a].start, items[a].end) for a, _, _ in found + templates[(u1, u2)]})
        if any(p2 != p1 or s2 > e1 + 2 for (p1, _, e1), (p2, s2, _) in zip(spans, spans[1:])):
            continue  # two reports drawn from one source, not a paste
        yield _finding(rule, corpus, items, in_target, found)


def _genre_documents(items, index, k: int, cap: int, share: float) -> set[int]:
    """Documents where at least `share` of the phrases hold a run shared by `cap` or more items."""
    total: dict[int, int] = defaultdict(int)
    common: dict[int, int] = defaultdict(int)
    for ph in items:
        total[ph.doc] += 1
        if any(len(index[ph.norm[j:j + k]][0]) >= cap for j in range(len(ph.norm) - k + 1)):
            common[ph.doc] += 1
    return {d for d, n in total.items() if common[d] >= share * n}


def _where(corpus, ph: _Phrase, other: _Phrase) -> str:
    if other.doc != ph.doc:
        return "其他文件"
    return "同版另一篇文章" if corpus[ph.doc].segments.paragraphs[ph.paragraph].article != \
        corpus[other.doc].segments.paragraphs[other.paragraph].article else "同一文件中另一条消息"


def _places(corpus, items, ids) -> list[tuple[tuple, list[int]]]:
    """The phrases of a finding merged into places: phrases of one item that follow each other."""
    out: list[tuple[tuple, list[int]]] = []
    for i in sorted(ids, key=lambda i: (corpus[items[i].doc].path, items[i].paragraph, items[i].start)):
        ph = items[i]
        if out:
            last = items[out[-1][1][-1]]
            if (last.doc, last.item, last.paragraph) == (ph.doc, ph.item, ph.paragraph) and ph.start <= last.end + 2:
                out[-1][1].append(i)
                continue
        out.append(((corpus[ph.doc].path, ph.paragraph, ph.start), [i]))
    return out


def _finding(rule, corpus, items, in_target, found) -> Finding:
    places = _places(corpus, items, {i for a, b, _ in found for i in (a, b)})
    shared = max(s for _, _, s in found)
    # the last place in path order that is being checked: the same whatever the argument order
    pi = max(k for k, (_, ids) in enumerate(places) if any(in_target[i] for i in ids))
    first, last = items[places[pi][1][0]], items[places[pi][1][-1]]
    facts = corpus[first.doc]
    others = [ids for k, (_, ids) in enumerate(places) if k != pi]
    related = []
    for ids in others[:rule.options.max_related]:
        o1, o2 = items[ids[0]], items[ids[-1]]
        of = corpus[o1.doc]
        title = of.article_title(o1.paragraph)
        n = max(s for a, b, s in found if a in ids or b in ids)
        related.append(Location(of.path, of.segments.paragraphs[o1.paragraph].span(o1.start, o2.end),
                                f"《{title}》中相同的句子（{n}字相同）" if title else f"相同的句子（{n}字相同）"))
    text = facts.segments.paragraphs[first.paragraph].text[first.start:last.end]
    where = "、".join(sorted({_where(corpus, first, items[ids[0]]) for ids in others}))
    evidence = {"phrase": text if len(text) <= 300 else text[:300] + "…",
                "article": facts.article_title(first.paragraph), "shared_chars": shared}
    if len(others) > len(related):
        evidence["places_listed"] = len(related)
    return Finding(rule.id, rule.category, rule.severity, rule.message.format(where=where, n=len(others)),
                   facts.location(first.paragraph, first.start, last.end), tuple(related), evidence=evidence)
