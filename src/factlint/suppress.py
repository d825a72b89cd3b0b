"""Suppression comments, applied after the checks as ignore ranges (textlint's model).

    <!-- factlint-disable-next-line conflict/within-document -->   the next non-blank line
    <!-- factlint-disable repetition -->  …  <!-- factlint-enable -->   a range
Rule ids or category prefixes, separated by commas or spaces; none means every rule. HTML
comments are invisible in rendered Markdown; in a .txt draft they would be printed, so there a
baseline (--baseline) is the better tool.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .config import matches
from .document import Document
from .findings import Finding

COMMENT = regex.compile(r"<!--\s*factlint-(?P<verb>disable-next-line|disable|enable)\b(?P<ids>[^>]*?)-->")


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    rules: tuple[str, ...]  # empty: all rules

    def covers(self, f: Finding) -> bool:
        at = f.location.span.start
        return self.start <= at < self.end and (not self.rules or matches(f.rule, self.rules))


def ranges(doc: Document) -> list[Range]:
    out, open_ = [], []
    text = doc.text
    for m in COMMENT.finditer(text):
        ids = tuple(i for i in regex.split(r"[\s,，]+", m.group("ids").strip()) if i)
        if m.group("verb") == "disable-next-line":
            nxt = regex.compile(r"\S").search(text, m.end())
            if nxt:
                line_start = nxt.start() - (doc.line_col(nxt.start())[1] - 1)
                end = regex.compile(r"[\r\n]").search(text, nxt.start())
                out.append(Range(line_start, end.start() if end else len(text), ids))
        elif m.group("verb") == "disable":
            open_.append((m.end(), ids))
        else:
            for start, rules in open_:
                out.append(Range(start, m.start(), rules))
            open_ = []
    out.extend(Range(start, len(text), rules) for start, rules in open_)
    return out


def apply(findings: list[Finding], documents: dict[str, Document]) -> list[Finding]:
    cache: dict[str, list[Range]] = {}
    kept = []
    for f in findings:
        doc = documents.get(f.location.path)
        if doc is None or "factlint-" not in doc.text:
            kept.append(f)
            continue
        if f.location.path not in cache:
            cache[f.location.path] = ranges(doc)
        if not any(r.covers(f) for r in cache[f.location.path]):
            kept.append(f)
    return kept
