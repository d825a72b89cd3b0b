"""Tables in plain text: tab-separated rows and Markdown tables, read as header, row labels and cells.

A table is a run of lines with two or more cells (split at tabs, or a Markdown `| a | b |` row),
possibly with short lines between them (a sub-heading such as 期末畜禽存栏, a label broken
across lines by PDF extraction). A line opening a new numbered section (四、政府信息公开…) ends
it. Its header is the lines above its first row of figures; a data row is a row with at least one
figure cell; its label is the text cells before the first figure (or the label line just above
it when the row is only figures). Everything keeps original-file offsets.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .document import Span

NUMBER = regex.compile(r"[-−]?\d+(?:\.\d+)?")
MD_ROW = regex.compile(r"^\s*\|.*\|\s*$")
MD_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
SECTION = regex.compile(r"^[一二三四五六七八九十]+、\S{4,}")
MARKER = regex.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d)|#|＃)")
SPACES = regex.compile(r"[ \t\u3000\xa0]+")
# a header cell of rates, not amounts: such a column never adds up
RATE_HEADER = regex.compile(r"%|％|率|比重|增长|增速|同比|比上年|占|幅度|指数|平均|人均")
TOTAL_LABEL = regex.compile(r"^(?:总计|合计|小计|总\s*计|合\s*计)$")


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span
    value: float | None  # None: not a figure
    decimals: int = 0

    @property
    def low(self) -> float:
        return self.value - 0.5 * 10 ** -self.decimals

    @property
    def high(self) -> float:
        return self.value + 0.5 * 10 ** -self.decimals


@dataclass(frozen=True)
class Row:
    line: int  # index of the line in the table's lines
    span: Span  # the whole line
    label: str  # text cells before the first figure, inner spaces removed ("粮食", "#水稻")
    label_span: Span
    cells: tuple[Cell, ...]  # the cells after the label, empty cells dropped

    @property
    def figures(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.value is not None)

    @property
    def is_data(self) -> bool:
        return bool(self.figures)

    @property
    def core(self) -> str:
        """The label without its numbering and 其中：/# marks: （七）总计 → 总计."""
        s = self.label
        while True:
            m = MARKER.match(s) or regex.match(r"^其中[：:，,]?", s)
            if not m or not m.end():
                return s
            s = s[m.end():]


@dataclass(frozen=True)
class Table:
    span: Span
    rows: tuple[Row, ...]  # every line of the table, header lines included (cells of text only)
    header: str  # the lines above the first data row, joined with spaces
    header_cells: tuple[str, ...]  # the header line's cells after the label column, when one line
    unit: str  # from a 单位：亿元 line just above the table, or ""
    title: str  # the short line above the table (2012年主要农产品产量), or ""

    @property
    def data(self) -> list[Row]:
        return [r for r in self.rows if r.is_data]

    def additive(self, column: int) -> bool | None:
        """Whether figures of this column may add up: False for rates (同比增长, 比重), None unknown."""
        widths = {len(r.figures) for r in self.data}
        if self.header_cells and widths == {len(self.header_cells)}:
            return not RATE_HEADER.search(self.header_cells[column])
        if RATE_HEADER.search(self.header):
            return None
        return True


def _cells(line: str, start: int) -> list[tuple[str, int]]:
    """(text, offset) of each non-empty cell of a line: tab-separated or a Markdown row."""
    if MD_ROW.match(line):
        inner_start = line.index("|") + 1
        inner_end = line.rindex("|")
        parts, pos = [], inner_start
        for piece in line[inner_start:inner_end].split("|"):
            parts.append((piece, start + pos))
            pos += len(piece) + 1
    elif "\t" in line:
        parts, pos = [], 0
        for piece in line.split("\t"):
            parts.append((piece, start + pos))
            pos += len(piece) + 1
    else:
        return [(line, start)] if line.strip() else []
    out = []
    for piece, off in parts:
        stripped = piece.strip(" \u3000\xa0\ufeff")
        if stripped:
            out.append((stripped, off + piece.index(stripped)))
    return out


def _is_row_line(line: str) -> bool:
    if MD_RULE.match(line) and "|" in line:
        return True
    return len(_cells(line, 0)) >= 2 and ("\t" in line or bool(MD_ROW.match(line)))


def _short(line: str) -> bool:
    s = line.strip(" \t\u3000\xa0")
    return 0 < len(s) <= 30 and not regex.search(r"[。；;！？]", s) and not SECTION.match(s)


def table_line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that belongs to a table, in order; for the segmenter."""
    return [(r.span.start, r.span.end) for t in find(text) for r in t.rows]


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def find(text: str) -> list[Table]:
    lines = _lines(text)
    row_line = [_is_row_line(line) for _, line in lines]
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not row_line[i]:
            i += 1
            continue
        block = [i]
        j = i + 1
        while j < len(lines):
            if row_line[j]:
                block.append(j)
                j += 1
                continue
            # up to three short lines (a sub-heading, a label broken by extraction) inside a table
            k = j
            while k < len(lines) and k - j < 3 and not row_line[k] and (_short(lines[k][1]) or not lines[k][1].strip()):
                k += 1
            if k < len(lines) and row_line[k] and k > j:
                block.extend(x for x in range(j, k) if lines[x][1].strip())
                j = k
            else:
                break
        if sum(row_line[x] for x in block) >= 2:
            t = _table(text, lines, block)
            if len(t.data) >= 2 or (t.data and len(t.rows) - len(t.data) >= 1 and len(t.data[0].figures) >= 3) \
                    or any(MD_ROW.match(lines[x][1]) for x in block):
                tables.append(t)  # prose with a stray tab is not a table: it has no rows of figures
        i = j
    return tables


def _table(text: str, lines: list[tuple[int, str]], block: list[int]) -> Table:
    rows: list[Row] = []
    for n, x in enumerate(block):
        start, line = lines[x]
        if MD_RULE.match(line) and "|" in line:
            continue
        cells = _cells(line, start)
        label_parts: list[tuple[str, int]] = []
        rest: list[Cell] = []
        for piece, off in cells:
            num = NUMBER.fullmatch(piece)
            if num is None and not rest:
                label_parts.append((piece, off))
                continue
            if num is not None:
                dec = len(piece.split(".")[1]) if "." in piece else 0
                rest.append(Cell(piece, Span(off, off + len(piece)), float(piece.replace("−", "-")), dec))
            else:
                rest.append(Cell(piece, Span(off, off + len(piece)), None))
        label = SPACES.sub("", "".join(p for p, _ in label_parts))
        label_span = Span(label_parts[0][1], label_parts[-1][1] + len(label_parts[-1][0])) if label_parts else Span(start, start)
        end = start + len(line.rstrip(" \t\u3000\xa0"))
        rows.append(Row(n, Span(start + (len(line) - len(line.lstrip(" \t\u3000\xa0"))), end), label, label_span, tuple(rest)))
    # a row of figures only takes the label line just above it (（二）部分公开… / 4 0 0 0 0 0 4)
    fixed: list[Row] = []
    for r in rows:
        if r.is_data and not r.label and fixed and not fixed[-1].is_data and fixed[-1].label and not fixed[-1].cells:
            above = fixed[-1]
            r = Row(r.line, r.span, above.label, above.label_span, r.cells)
        fixed.append(r)
    rows = fixed
    first_data = next((k for k, r in enumerate(rows) if r.is_data), len(rows))
    head_rows = rows[:first_data]
    header = " ".join(lines[block[r.line]][1].strip() for r in head_rows)
    header_cells: tuple[str, ...] = ()
    if len(head_rows) == 1:
        cells = [SPACES.sub("", p) for p, _ in _cells(lines[block[head_rows[0].line]][1], 0)]
        header_cells = tuple(cells[1:])
    unit = title = ""
    first = block[0]
    for back in (1, 2):
        if first - back < 0:
            break
        above = lines[first - back][1].strip(" \t\u3000\xa0")
        m = regex.search(r"单位[：:]\s*(\S+)", above)
        if m and not unit:
            unit = m.group(1)
        elif above and _short(above) and not title:
            title = above
    span = Span(rows[0].span.start, rows[-1].span.end)
    return Table(span, tuple(rows), header, header_cells, unit, title)
