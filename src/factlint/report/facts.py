"""`factlint facts`: every extracted fact as a table, JSON or CSV, so an editor sees what the tool read."""
from __future__ import annotations

import csv
import json
import math

FIELDS = ("kind", "text", "value", "low", "high", "unit", "dimension", "metric", "scope", "path", "line",
          "column", "end_line", "end_column")


def _num(x):
    if x is None:
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return int(x) if float(x).is_integer() else round(x, 6)


def rows(all_facts) -> list[dict]:
    out = []
    for facts in all_facts:
        doc = facts.doc
        for q in facts.quantities:
            f = q.figure
            line, col = doc.line_col(q.span.start)
            end_line, end_col = doc.line_col(q.span.end)
            out.append({
                "kind": f.kind, "text": f.text, "value": _num(f.value), "low": _num(f.low), "high": _num(f.high),
                "unit": f.unit, "dimension": f.dimension, "metric": q.metric, "scope": q.scope,
                "path": doc.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col,
                "qualifier": f.qualifier, "unit_text": f.unit_text, "stock": q.stock, "subject": q.subject,
                "role": q.role, "period": q.period, "part": q.part, "zone": q.zone, "who": q.who,
            })
        for e in facts.enumerations:
            line, col = doc.line_col(e.span.start)
            end_line, end_col = doc.line_col(e.span.end)
            out.append({
                "kind": "enumeration", "text": doc.text[e.span.start:e.span.end], "value": e.count, "low": e.count,
                "high": e.count, "unit": "", "dimension": "", "metric": "、".join(e.items), "scope": "",
                "path": doc.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col,
            })
    out.sort(key=lambda r: (r["path"], r["line"], r["column"]))
    return out


def documents(all_facts) -> list[dict]:
    """Each document's context (context.py): per article who / when, and the parts its paragraphs form."""
    out = []
    for facts in all_facts:
        ctx = getattr(facts, "context", None)
        if ctx is None:
            continue
        doc, paras = facts.doc, facts.segments.paragraphs
        parts = []
        for i, part in enumerate(ctx.parts):
            if part and (not parts or parts[-1]["part"] != part):
                parts.append({"part": part, "line": doc.line_col(paras[i].orig_start)[0]})
        out.append({
            "path": doc.path,
            "articles": [{"who": a.who, "year": a.year, "review_year": a.review_year, "published": a.published,
                          "genre": a.genre, "frame": a.frame, "line": doc.line_col(paras[facts.segments.articles[a.index].first_paragraph]
                                                                  .orig_start)[0]} for a in ctx.articles],
            "parts": parts,
            "headlines": [{"line": doc.line_col(paras[p].span(a, b).start)[0], "zone": z,
                           "text": paras[p].text[a:b][:60]} for p, a, b, z in ctx.inline],
        })
    return out


def render(all_facts, fmt: str, out) -> None:
    data = rows(all_facts)
    if fmt == "json":
        out.write(json.dumps({"version": 1, "facts": data, "documents": documents(all_facts)}, ensure_ascii=False,
                             indent=2) + "\n")
        return
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(FIELDS) + ["qualifier", "unit_text", "stock", "subject", "role", "period",
                                                           "part", "zone", "who"],
                           extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(data)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for col in ("path", "line", "text", "kind", "value", "interval", "unit", "dimension", "metric", "scope", "role",
                "period", "zone"):
        table.add_column(col)
    for r in data:
        interval = "" if r["low"] is None else f"[{r['low']}, {r['high']}]"
        table.add_row(r["path"], str(r["line"]), r["text"], r["kind"], "" if r["value"] is None else str(r["value"]),
                      interval, r["unit"], r["dimension"], r["metric"], r["scope"], r.get("role", ""),
                      r.get("period", ""), r.get("zone", ""))
    Console(soft_wrap=True, markup=False, highlight=False).print(table)  # a path may hold [brackets]
