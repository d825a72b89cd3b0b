"""GitHub Actions workflow commands: one annotation line per finding."""
from __future__ import annotations

from .json import position

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def lines(result):
    """One annotation line per finding, as they come."""
    for f in result.findings:
        p = position(result.documents, f.location)
        msg = f.message + "".join(f" | {r.path}:{position(result.documents, r)['line']} {r.note}" for r in f.related)
        yield (f"::{LEVEL[f.severity]} file={_escape(p['path'], True)},line={p['line']},col={p['column']},"
               f"endLine={p['end_line']},endColumn={p['end_column']},title={_escape(f.rule, True)}::{_escape(msg)}")


def write(result, out) -> None:
    for line in lines(result):
        out.write(line + "\n")


def render(result) -> str:
    return "\n".join(lines(result))
