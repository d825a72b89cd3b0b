"""The terminal report: findings grouped by file, the source line with the span marked, a summary."""
from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..document import Document
from ..findings import Finding, Location

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
WINDOW = 36  # characters of context each side of the span on long lines


def _where(docs: dict[str, Document], loc: Location) -> tuple[int, int]:
    return docs[loc.path].line_col(loc.span.start)


def _excerpt(doc: Document, loc: Location) -> tuple[Text, Text]:
    """The source line around the span (styled), and a caret line under it sized in terminal cells."""
    line, col = doc.line_col(loc.span.start)
    end_line, end_col = doc.line_col(loc.span.end)
    src = doc.line_text(line)
    s = col - 1
    e = end_col - 1 if end_line == line else len(src)
    lo, hi = max(0, s - WINDOW), min(len(src), max(e, s + 1) + WINDOW)
    before, mid, after = src[lo:s], src[s:e], src[e:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(src) else ""
    text = Text("    " + prefix + before)
    text.append(mid, style="bold underline")
    text.append(after + suffix)
    carets = Text(" " * (4 + cell_len(prefix + before)) + "^" * max(1, cell_len(mid)), style="bold")
    return text, carets


def render(result, console: Console) -> None:
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
            console.print(head, soft_wrap=True)
            src, carets = _excerpt(docs[path], f.location)
            console.print(src, soft_wrap=True)
            console.print(carets, soft_wrap=True)
            for r in f.related:
                rl, rc = _where(docs, r)
                console.print(Text(f"    ↳ {r.path}:{rl}:{rc}  {r.note}", style="dim"), soft_wrap=True)
            evidence = f.evidence.get("formula") or f.evidence.get("computation")
            if evidence:
                console.print(Text(f"    = {evidence}", style="dim"), soft_wrap=True)
        console.print()
    _summary(result, console)


def _summary(result, console: Console) -> None:
    counts = Counter((f.rule, f.severity) for f in result.findings)
    if counts:
        table = Table(title="按规则统计", title_justify="left")
        table.add_column("规则 rule")
        for sev in ("error", "warning", "info"):
            table.add_column(LABEL[sev], justify="right")
        for rule in sorted({r for r, _ in counts}):
            table.add_row(rule, *(str(counts.get((rule, s), 0) or "") for s in ("error", "warning", "info")))
        console.print(table)
    sev = Counter(f.severity for f in result.findings)
    corpus = f"（另有语料 {result.corpus_files} 个文件参与比对）" if result.corpus_files else ""
    console.print(
        f"检查了 {result.files} 个文件、{result.characters} 个字符{corpus}；"
        f"发现 {len(result.findings)} 处问题：错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}。"
    )
