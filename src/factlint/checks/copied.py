"""Clauses copied between places: within an article, between articles of a page, across the corpus.

Each comma-level phrase (split at ，；。！？ but not 、, so a quoted slogan stays whole) is
normalised (punctuation and spaces dropped, fixed political formulas removed). Phrases that
share a run of `shingle` characters are candidates; a pair is reported when their longest
common run is at least `min_chars` long and covers at least `similarity` of the shorter phrase.
Candidates come from a shingle index, so the pass grows about linearly with the corpus.
Headings are skipped: a page banner repeated on every page is layout, not a copy. A shared
run that lies inside quotation marks in either place is a cited slogan, not a copy.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding, Location
from ..lexicon import lexicon

KIND = "copied"
SCOPE = "corpus"

PHRASE_BREAK = regex.compile(r"[，,；;。！？!?]+")
NOT_TEXT = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Options:
    min_chars: int = 14  # the shared run, in characters, after normalising
    similarity: float = 0.6  # shared run / length of the shorter phrase
    shingle: int = 8
    max_shingle_uses: int = 40  # a run found in more phrases than this is boilerplate of the genre
    formulas: tuple[str, ...] = ()  # added to the built-in list of fixed formulations
    max_related: int = 5  # places listed with a finding; the message still counts them all


def validate(options: Options) -> None:
    if options.shingle < 2 or options.min_chars < options.shingle:
        raise ValueError("need 2 <= shingle <= min_chars")
    if not 0 < options.similarity <= 1:
        raise ValueError("'similarity' must be in (0, 1]")


@dataclass(frozen=True, slots=True)
class _Phrase:
    doc: int
    paragraph: int
    start: int
    end: int
    norm: str


def _normaliser(extra: tuple[str, ...]):
    formulas = sorted({NOT_TEXT.sub("", f) for f in lexicon().formulas + extra} - {""}, key=len, reverse=True)
    pat = regex.compile("|".join(regex.escape(f) for f in formulas)) if formulas else None

    def norm(text: str) -> str:
        t = NOT_TEXT.sub("", text)
        return pat.sub("", t) if pat else t

    return norm


def _doc_phrases(facts: DocumentFacts, norm, min_chars: int) -> list[tuple[int, int, int, str]]:
    out = []
    for p in facts.segments.paragraphs:
        if p.heading or p.byline:
            continue
        start = 0
        for m in [*PHRASE_BREAK.finditer(p.text), None]:
            end = m.start() if m else len(p.text)
            n = norm(p.text[start:end])
            if len(n) >= min_chars:
                out.append((p.index, start, end, n))
            start = m.end() if m else end
    return out


def phrases(corpus: list[DocumentFacts], options: Options) -> list[_Phrase]:
    """Every document's normalised phrases; kept in the facts' memo, so the corpus cache saves them."""
    norm = _normaliser(options.formulas)
    key = ("copied.phrases", options.min_chars, options.formulas, lexicon().formulas)
    out = []
    for di, facts in enumerate(corpus):
        if key not in facts.memo:
            facts.memo[key] = _doc_phrases(facts, norm, options.min_chars)
        out.extend(_Phrase(di, *ph) for ph in facts.memo[key])
    return out


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


def _raw(corpus: list[DocumentFacts], ph: _Phrase) -> str:
    return corpus[ph.doc].segments.paragraphs[ph.paragraph].text[ph.start:ph.end]


def check(rule, corpus: list[DocumentFacts], targets: set[str]) -> Iterator[Finding]:
    opts = rule.options
    items = phrases(corpus, opts)
    in_target = [corpus[ph.doc].path in targets for ph in items]
    k = opts.shingle
    # only runs that occur in a file being checked can make a pair worth reporting
    wanted = {ph.norm[j:j + k] for ph, t in zip(items, in_target) if t for j in range(len(ph.norm) - k + 1)}
    index: dict[str, list[int]] = defaultdict(list)
    for i, ph in enumerate(items):
        seen = set()
        for j in range(len(ph.norm) - k + 1):
            s = ph.norm[j:j + k]
            if s in wanted and s not in seen:
                seen.add(s)
                index[s].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if 1 < len(members) <= opts.max_shingle_uses:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    if in_target[members[a]] or in_target[members[b]]:
                        pairs.add((members[a], members[b]))
    copies: dict[int, list[tuple[int, int]]] = defaultdict(list)  # later phrase → (earlier phrase, shared)
    for a, b in sorted(pairs):
        pa, pb = items[a], items[b]
        if pa.doc == pb.doc and pa.paragraph == pb.paragraph:
            continue  # a parallel structure inside one paragraph is style, not a copy
        size, at = longest_common_run(pa.norm, pb.norm, opts.shingle)
        if size >= opts.min_chars and size / min(len(pa.norm), len(pb.norm)) >= opts.similarity:
            if _cited(pa.norm[at:at + size], [_raw(corpus, pa), _raw(corpus, pb)]):
                continue
            # reported once, at the later place, unless only the earlier file is being checked
            if in_target[b]:
                copies[b].append((a, size))
            else:
                copies[a].append((b, size))
    for b in sorted(copies, key=lambda i: (corpus[items[i].doc].path, items[i].paragraph, items[i].start)):
        ph = items[b]
        facts = corpus[ph.doc]
        related = []
        where = set()
        for a, shared in copies[b][:opts.max_related]:
            other = items[a]
            of = corpus[other.doc]
            title = of.article_title(other.paragraph)
            if other.doc != ph.doc:
                where.add("其他文件")
            elif of.segments.paragraphs[other.paragraph].article != facts.segments.paragraphs[ph.paragraph].article:
                where.add("同版另一篇文章")
            else:
                where.add("本文前文")
            related.append(Location(of.path, of.segments.paragraphs[other.paragraph].span(other.start, other.end),
                                    f"《{title}》中相同的句子（{shared}字相同）" if title else f"相同的句子（{shared}字相同）"))
        text = facts.segments.paragraphs[ph.paragraph].text[ph.start:ph.end]
        yield Finding(
            rule.id, rule.category, rule.severity,
            rule.message.format(where="、".join(sorted(where)), n=len(copies[b])),
            facts.location(ph.paragraph, ph.start, ph.end), tuple(related),
            evidence={"phrase": text, "article": facts.article_title(ph.paragraph),
                      "shared_chars": max(s for _, s in copies[b])},
        )
