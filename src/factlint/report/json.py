"""The JSON report: {"version": 1, "findings": [...], "summary": {...}} — a public interface."""
from __future__ import annotations

import json
from collections import Counter

from ..document import Document
from ..findings import Finding, Location


def position(docs: dict[str, Document], loc: Location) -> dict:
    doc = docs[loc.path]
    line, col = doc.line_col(loc.span.start)
    end_line, end_col = doc.line_col(loc.span.end)
    return {"path": loc.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col}


def finding_dict(f: Finding, docs: dict[str, Document]) -> dict:
    pos = position(docs, f.location)
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        **pos,
        "related": [{**position(docs, r), "message": r.note} for r in f.related],
        "evidence": f.evidence,
        "fingerprint": f.fingerprint(docs[f.location.path].text),
    }


def summary(result) -> dict:
    by_sev = Counter(f.severity for f in result.findings)
    by_rule = Counter(f.rule for f in result.findings)
    return {
        "files": result.files,
        "characters": result.characters,
        "corpus_files": result.corpus_files,
        "findings": len(result.findings),
        "by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(by_rule.items())),
        "errors": list(result.errors),
    }


def _safe(x):
    if isinstance(x, float) and (x != x or x in (float("inf"), float("-inf"))):
        return None if x != x else ("inf" if x > 0 else "-inf")
    if isinstance(x, dict):
        return {k: _safe(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_safe(v) for v in x]
    return x


_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode  # compact: the C encoder


def _dumps(obj) -> str:
    try:
        return _encode(obj)
    except ValueError:  # an infinite bound (超500万 is [500万, ∞)): written as "inf", as always
        return _encode(_safe(obj))


def write(result, out) -> None:
    """Write the report finding by finding, one per line; the whole output is one JSON document."""
    docs = result.documents
    out.write('{"version": 1, "findings": [')
    sep = "\n"
    for f in result.findings:
        out.write(sep)
        out.write(_dumps(finding_dict(f, docs)))
        sep = ",\n"
    out.write("\n" if result.findings else "")
    out.write('], "summary": ')
    out.write(_dumps(summary(result)))
    out.write("}\n")


def render(result) -> str:
    import io

    buf = io.StringIO()
    write(result, buf)
    return buf.getvalue().rstrip("\n")


def read_baseline(path: str) -> set[str]:
    """Fingerprints of the findings in an earlier JSON report: accepted, not reported again."""
    from ..tomlload import ConfigError

    try:
        with open(path, encoding="utf-8") as fh:
            report = json.load(fh)
        return {f["fingerprint"] for f in report["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: 不是 factlint 的 JSON 报告 (not a factlint JSON report: {exc})") from None
