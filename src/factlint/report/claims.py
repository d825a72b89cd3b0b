"""`factlint facts --claims`: every structure the checks recognised, and whether it holds."""
from __future__ import annotations

import csv
import json

FIELDS = ("path", "line", "column", "rule", "kind", "holds", "roles", "why", "detail")
VERDICT = {True: "holds", False: "broken", None: "unverified"}


def collect(all_facts, rules) -> list[dict]:
    """One row per claim of every document-scope rule whose check module recognises claims."""
    out = []
    recognisers = [r for r in rules if getattr(r.module, "SCOPE", "") == "document" and hasattr(r.module, "claims")]
    for facts in all_facts:
        doc = facts.doc
        for rule in recognisers:
            for c in rule.module.claims(rule, facts):
                line, col = doc.line_col(c.span.start)
                out.append({
                    "path": doc.path, "line": line, "column": col, "rule": rule.id, "kind": c.kind,
                    "holds": VERDICT[c.holds],
                    "roles": [{"role": r.role, "text": r.text, "line": doc.line_col(r.span.start)[0],
                               "column": doc.line_col(r.span.start)[1]} for r in c.roles],
                    "why": c.why, "detail": c.detail,
                })
    out.sort(key=lambda r: (r["path"], r["line"], r["column"], r["rule"]))
    return out


def summary(rows: list[dict]) -> dict[str, dict[str, int]]:
    """kind → {holds, broken, unverified} counts."""
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        counts = out.setdefault(r["kind"], {v: 0 for v in VERDICT.values()})
        counts[r["holds"]] += 1
    return dict(sorted(out.items()))


def _roles_text(roles: list[dict]) -> str:
    return "；".join(f"{r['role']}={r['text']}" for r in roles)


def render(all_facts, rules, fmt: str, out) -> None:
    rows = collect(all_facts, rules)
    if fmt == "json":
        out.write(json.dumps({"version": 1, "claims": rows, "summary": summary(rows)}, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "roles": _roles_text(r["roles"])})
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    for col in ("path", "line", "rule", "kind", "holds", "roles", "why", "detail"):
        table.add_column(col)
    for r in rows:
        table.add_row(escape(r["path"]), str(r["line"]), r["rule"], r["kind"], r["holds"],
                      escape(_roles_text(r["roles"])), escape(r["why"]), escape(r["detail"]))
    console = Console(soft_wrap=True)
    console.print(table)
    for kind, counts in summary(rows).items():
        console.print(f"{kind}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
