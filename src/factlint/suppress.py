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

COMMENT = regex.compile(r"<!--\s*factlint-(?P<verb>disable-next-line|disable|enable)\b(?P<ids>[^>]{0,500}?)-->")


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    rules: tuple[str, ...]  # empty: all rules

    def covers(self, f: Finding) -> bool:
        at = f.location.span.start
        return self.start <= at < self.end and (not self.rules or matches(f.rule, self.rules))


def _comments(doc: Document):
    """(verb, ids, match) of each suppression comment, read in the file as written (in Markdown the
    checks see comments blanked out)."""
    for m in COMMENT.finditer(doc.original or doc.text):
        ids = tuple(i for i in regex.split(r"[\s,，]+", m.group("ids").strip()) if i)
        yield m.group("verb"), ids, m


def ranges(doc: Document) -> list[Range]:
    out, open_ = [], []
    text = doc.original or doc.text
    for verb, ids, m in _comments(doc):
        if verb == "disable-next-line":
            nxt = regex.compile(r"\S").search(text, m.end())
            if nxt:
                line_start = nxt.start() - (doc.line_col(nxt.start())[1] - 1)
                end = regex.compile(r"[\r\n]").search(text, nxt.start())
                out.append(Range(line_start, end.start() if end else len(text), ids))
        elif verb == "disable":
            open_.append((m.end(), ids))
        else:
            for start, rules in open_:
                out.append(Range(start, m.start(), rules))
            open_ = []
    out.extend(Range(start, len(text), rules) for start, rules in open_)
    return out


def problems(documents: dict[str, Document], rule_ids: list[str], paths: list[str],
             excludes: tuple[str, ...] = (), targets=None) -> list[str]:
    """Warnings, one line each, for the files being checked (targets; else the files under paths):
    a comment naming no known rule (it silences nothing), and a factlint-disable never closed by
    factlint-enable."""
    import difflib

    from .document import discover

    # only the files being checked are read: corpus documents (from the cache) are never touched
    if targets is None:
        targets = discover(paths, excludes)[0] if documents else ()
    targets = set(targets)
    docs = [d for d in documents.values() if d.path in targets and "factlint-" in (d.original or d.text)]
    if not docs:
        return []
    valid = sorted(set(rule_ids) | {r.split("/", 1)[0] for r in rule_ids})
    out = []
    for doc in sorted(docs, key=lambda d: d.path):
        unclosed = None
        for verb, ids, m in _comments(doc):
            line = doc.line_col(m.start())[0]
            for i in ids:
                if not any(matches(r, (i,)) for r in rule_ids):
                    close = difflib.get_close_matches(i, valid, n=1, cutoff=0.5)
                    hint = f"，是否想写 {close[0]}？" if close else ""
                    out.append(f"{doc.path}:{line}: 注释中的规则 '{i}' 不存在，它不会屏蔽任何问题{hint} "
                               f"(unknown rule in a suppression comment)")
            if verb == "disable" and unclosed is None:
                unclosed = line
            elif verb == "enable":
                unclosed = None
        if unclosed is not None:
            out.append(f"{doc.path}:{unclosed}: factlint-disable 没有对应的 factlint-enable，"
                       f"此后到文末的问题都不会报告 (factlint-disable never closed)")
    return out


def apply(findings: list[Finding], documents: dict[str, Document]) -> list[Finding]:
    cache: dict[str, list[Range]] = {}
    kept = []
    for f in findings:
        doc = documents.get(f.location.path)
        if doc is None or "factlint-" not in (doc.original or doc.text):
            kept.append(f)
            continue
        if f.location.path not in cache:
            cache[f.location.path] = ranges(doc)
        if not any(r.covers(f) for r in cache[f.location.path]):
            kept.append(f)
    return kept
