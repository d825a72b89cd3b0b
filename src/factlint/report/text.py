"""The terminal report: findings grouped by file, the source line with the span marked, a summary.

Excerpts are sized in terminal cells (a Chinese character takes two) from the console width, tabs
are expanded and control characters shown as �, so the carets stand under the span at any width.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..document import Document
from ..findings import Finding, Location

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
INDENT = 4
TAB = 4
ELLIPSIS = "…"


def _where(docs: dict[str, Document], loc: Location) -> tuple[int, int]:
    return docs[loc.path].line_col(loc.span.start)


def _cells(src: str) -> list[str]:
    """What each character of a source line shows as: tabs as spaces to the next stop, controls as �."""
    out, col = [], 0
    for ch in src:
        if ch == "\t":
            shown = " " * (TAB - col % TAB)
        elif unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u2028\u2029":
            shown = "\ufffd"
        else:
            shown = ch
        out.append(shown)
        col += cell_len(shown)
    return out


def _fit(widths: list[int], s: int, e: int, room: int) -> tuple[int, int]:
    """The widest [lo, hi) around [s, e) whose cells fit in room, context shared out evenly on both sides."""
    used = sum(widths[s:e])
    lo, hi = s, e
    while used > room and hi > lo + 1:  # a span wider than the screen: keep its start
        hi -= 1
        used -= widths[hi]
    turn = 0
    while True:
        grown = False
        for side in (turn, 1 - turn):
            if side == 0 and lo > 0 and used + widths[lo - 1] <= room:
                lo -= 1
                used += widths[lo]
                grown = True
                break
            if side == 1 and hi < len(widths) and used + widths[hi] <= room:
                used += widths[hi]
                hi += 1
                grown = True
                break
        if not grown:
            return lo, hi
        turn = 1 - turn


def _line_window(doc: Document, loc: Location, reach: int) -> tuple[str, int, int, bool, bool]:
    """At most reach characters of the span's line either side of it (a 50 MB one-line file is
    never copied whole): the text, where the span starts and ends in it, and whether the line
    goes on before and after."""
    source = doc.original or doc.text
    line, col = doc.line_col(loc.span.start)
    line_start = loc.span.start - (col - 1)
    lo = max(line_start, loc.span.start - reach)
    stop = min(len(source), max(loc.span.end, loc.span.start + 1) + reach)
    cut = len(source)
    for brk in ("\n", "\r"):
        i = source.find(brk, loc.span.start, stop + 1)
        if i != -1:
            cut = min(cut, i)
    hi = min(stop, cut)
    window = source[lo:hi]
    s = loc.span.start - lo
    e = min(loc.span.end, hi) - lo
    more_after = hi < len(source) and hi < cut
    return window, s, e, lo > line_start, more_after


def excerpt(doc: Document, loc: Location, width: int) -> tuple[Text, Text]:
    """The source line around the span (styled) and a caret line under it, together at most width cells."""
    src, s, e, cut_before, cut_after = _line_window(doc, loc, max(width, 40))
    shown = _cells(src)
    widths = [cell_len(x) for x in shown]
    room = max(8, width - INDENT - 2 * cell_len(ELLIPSIS) - 1)
    if not cut_before and not cut_after and sum(widths) <= width - INDENT - 1:
        lo, hi = 0, len(src)
    else:
        lo, hi = _fit(widths, s, max(e, s + 1) if s < len(src) else s, room)
    e_shown = min(e, hi)
    prefix = ELLIPSIS if lo > 0 or cut_before else ""
    suffix = ELLIPSIS if hi < len(src) or cut_after else ""
    before, mid, after = "".join(shown[lo:s]), "".join(shown[s:e_shown]), "".join(shown[e_shown:hi])
    text = Text(" " * INDENT + prefix + before)
    text.append(mid, style="bold underline")
    text.append(after + suffix)
    carets = Text(" " * (INDENT + cell_len(prefix + before)) + "^" * max(1, cell_len(mid)), style="bold")
    return text, carets


def render(result, console: Console, quiet: bool = False) -> None:
    docs = result.documents
    by_file: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_file.setdefault(f.location.path, []).append(f)
    for path, findings in by_file.items():
        console.print(Text(path, style="bold underline"))
        for f in findings:
            line, col = _where(docs, f.location)
            head = Text(f"  {path}:{line}:{col}  ")
            head.append(LABEL[f.severity], style=STYLE[f.severity])
            head.append(f"  {f.rule}  ", style="dim")
            head.append(f.message)
            console.print(head, soft_wrap=True)  # the terminal folds a long head line; no words moved
            src, carets = excerpt(docs[path], f.location, console.width)
            console.print(src, no_wrap=True, overflow="ignore", crop=False)
            console.print(carets, no_wrap=True, overflow="ignore", crop=False)
            for r in f.related:
                rl, rc = _where(docs, r)
                console.print(Text(f"    ↳ {r.path}:{rl}:{rc}  {r.note}", style="dim"), soft_wrap=True)
            evidence = f.evidence.get("formula") or f.evidence.get("computation")
            if evidence:
                console.print(Text(f"    = {evidence}", style="dim"), soft_wrap=True)
        console.print()
    if not quiet:
        _summary(result, console)


def _summary(result, console: Console) -> None:
    counts = Counter((f.rule, f.severity) for f in result.findings)
    if counts:
        table = Table(title="按规则统计", title_justify="left")
        table.add_column("规则 rule")
        for sev in ("error", "warning", "info"):
            table.add_column(LABEL[sev], justify="right")
        for rule in sorted({r for r, _ in counts}):
            table.add_row(Text(rule), *(str(counts.get((rule, s), 0) or "") for s in ("error", "warning", "info")))
        console.print(table)
    sev = Counter(f.severity for f in result.findings)
    corpus = f"（另有语料 {result.corpus_files} 个文件参与比对）" if result.corpus_files else ""
    console.print(Text(
        f"检查了 {result.files} 个文件、{result.characters} 个字符{corpus}；"
        f"发现 {len(result.findings)} 处问题：错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}。"
    ))
