"""One line per finding, `path:line:col: severity rule message`, for editors' quickfix lists and grep."""
from __future__ import annotations

from collections import Counter


def write(result, out, quiet: bool = False) -> None:
    docs = result.documents
    for f in result.findings:
        line, col = docs[f.location.path].line_col(f.location.span.start)
        message = " ".join(f.message.splitlines())
        out.write(f"{f.location.path}:{line}:{col}: {f.severity} {f.rule} {message}\n")
    if not quiet and result.findings:
        sev = Counter(f.severity for f in result.findings)
        out.write(f"{len(result.findings)} findings: error {sev['error']}, warning {sev['warning']}, "
                  f"info {sev['info']}\n")
