"""Writing reports to any console: a GBK or ASCII stdout, file names that are not UTF-8, NO_COLOR.

A character the stream cannot encode never stops a report: in JSON and SARIF it becomes a JSON
escape (\\uXXXX), so the report stays valid JSON in any ASCII-compatible encoding; in text it
becomes a backslash escape. A file name byte that is not UTF-8 (Python keeps it as a lone
surrogate) is shown as \\xNN, in JSON as the string "\\\\xNN".
"""
from __future__ import annotations

import codecs
import io
import os
import sys

JSON_ERRORS = "factlint-json"
TEXT_ERRORS = "factlint-text"


def _escape(exc: UnicodeEncodeError, json: bool) -> tuple[str, int]:
    out = []
    for ch in exc.object[exc.start:exc.end]:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
            out.append(("\\\\x%02x" if json else "\\x%02x") % (o - 0xDC00))
        elif o > 0xFFFF:
            if json:
                o -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
            else:
                out.append("\\U%08x" % o)
        else:
            out.append("\\u%04x" % o)
    return "".join(out), exc.end


def _json_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return _escape(exc, True)


def _text_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return _escape(exc, False)


codecs.register_error(JSON_ERRORS, _json_errors)
codecs.register_error(TEXT_ERRORS, _text_errors)


def _reconfigure(stream, errors: str) -> None:
    if isinstance(stream, io.TextIOWrapper):
        try:
            stream.reconfigure(errors=errors)
        except (ValueError, io.UnsupportedOperation):  # pragma: no cover - a stream already in use
            pass


def setup_streams() -> None:
    """Text escapes on stdout and stderr, so no character in a message or file name can crash a run."""
    _reconfigure(sys.stdout, TEXT_ERRORS)
    _reconfigure(sys.stderr, TEXT_ERRORS)


def for_format(fmt: str) -> None:
    if fmt in ("json", "sarif"):
        _reconfigure(sys.stdout, JSON_ERRORS)


def silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def console(out, color: str = "auto", to_file: bool = False):
    """A rich Console for out. --color always/never wins; otherwise rich decides, honouring NO_COLOR
    and FORCE_COLOR. Box drawing falls back to ASCII on a console that cannot encode it."""
    from rich.console import Console

    forced = {"always": True, "never": False}.get(color)
    if to_file and forced is None:
        forced = False
    kwargs = {}
    if to_file:
        kwargs["width"] = 200
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    safe_box = not encoding.startswith("utf")
    return Console(file=out, force_terminal=forced, no_color=True if forced is False else None,
                   highlight=False, soft_wrap=False, safe_box=safe_box, emoji=False, markup=False, **kwargs)
