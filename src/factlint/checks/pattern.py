"""Text that matches a regular expression; named groups fill the message (“{w}”连写了两次).

The pattern runs on each paragraph with page breaks joined, so a phrase cut by a page break
is still found; it runs with a time limit, so a slow user pattern cannot hang a run.
A match is skipped when one of `exceptions` (plain words) covers it: 的的确确 is not 的的.
It is also skipped when `unless` — a second pattern in which {name} stands for the text of
the match's named group — matches around it: for doublings, a chiasmus such as
党建带妇建、妇建促党建 (the words before the pair come back after it) is rhetoric, not a slip.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding

KIND = "pattern"
SCOPE = "document"
TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Options:
    pattern: str = ""
    exceptions: tuple[str, ...] = ()
    unless: str = ""


def validate(options: Options) -> None:
    if not options.pattern:
        raise ValueError("'pattern' is required")
    _compiled(options.pattern)
    if options.unless:
        _compiled(regex.sub(r"\{\w+\}", "x", options.unless))


_cache: dict[str, regex.Pattern] = {}


def _compiled(pattern: str) -> regex.Pattern:
    if pattern not in _cache:
        _cache[pattern] = regex.compile(pattern)
    return _cache[pattern]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _excepted(text: str, start: int, end: int, exceptions: tuple[str, ...]) -> bool:
    for word in exceptions:
        lo = max(0, start - len(word))
        i = text.find(word, lo, end + len(word))
        while i != -1 and i < end:
            if i <= start and i + len(word) >= end:
                return True
            i = text.find(word, i + 1, end + len(word))
    return False


UNLESS_WINDOW = 12


def _unless(text: str, m: regex.Match, unless: str) -> bool:
    pat = unless
    for name, value in m.groupdict().items():
        pat = pat.replace("{" + name + "}", regex.escape(value or ""))
    lo = max(0, m.start() - UNLESS_WINDOW)
    for u in _compiled(pat).finditer(text, lo, min(len(text), m.end() + UNLESS_WINDOW), overlapped=True,
                                     timeout=TIMEOUT_SECONDS):
        if u.start() <= m.start() and u.end() >= m.end():
            return True
    return False


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    pat = _compiled(rule.options.pattern)
    for p in facts.segments.paragraphs:
        try:
            matches = list(pat.finditer(p.text, timeout=TIMEOUT_SECONDS))
        except TimeoutError:
            continue  # a pathological pattern on this paragraph: skip it rather than hang
        for m in matches:
            if m.end() == m.start() or _excepted(p.text, m.start(), m.end(), rule.options.exceptions):
                continue
            try:
                if rule.options.unless and _unless(p.text, m, rule.options.unless):
                    continue
            except TimeoutError:
                continue
            groups = _Blank({k: v or "" for k, v in m.groupdict().items()})
            yield Finding(
                rule.id, rule.category, rule.severity, rule.message.format_map(groups),
                facts.location(p.index, m.start(), m.end()),
                evidence={"match": m.group()},
            )
