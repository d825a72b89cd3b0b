"""GitHub Actions workflow commands: one annotation line per finding."""
from __future__ import annotations

from .json import position

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def render(result) -> str:
    lines = []
    for f in result.findings:
        p = position(result.documents, f.location)
        msg = f.message + "".join(f" | {r.path}:{position(result.documents, r)['line']} {r.note}" for r in f.related)
        lines.append(
            f"::{LEVEL[f.severity]} file={_escape(p['path'], True)},line={p['line']},col={p['column']},"
            f"endLine={p['end_line']},endColumn={p['end_column']},title={_escape(f.rule, True)}::{_escape(msg)}"
        )
    return "\n".join(lines)
