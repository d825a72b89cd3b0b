"""Reading article files into Documents: decoding, binary detection, and offset → line/column."""
from __future__ import annotations

import bisect
import codecs
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown")
_LINE_END = re.compile(r"\r\n|\r|\n")


class InputError(Exception):
    """A file that cannot be read as text; the message is one line naming the file."""


@dataclass(frozen=True)
class Span:
    """Code-point offsets [start, end) into a document's original text."""

    start: int
    end: int


@dataclass
class Document:
    path: str  # as the user gave it (or as found under a folder the user gave)
    text: str
    encoding: str = "utf-8"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        # \r\n, \r and \n each end a line, so CRLF and old-Mac files keep true line numbers.
        self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name; raises InputError for binary or undecodable bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: 二进制文件，已跳过 (binary file, skipped)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 is a superset of GBK and GB2312, the encodings older newsroom systems write.
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: 无法解码（不是 UTF-8、UTF-16 或 GB18030），已跳过 "
            f"(undecodable at byte {exc.start}, skipped)"
        ) from None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: 无法按 {encoding} 解码，已跳过 (undecodable at byte {exc.start}, skipped)") from None


def read_document(path: str) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: 无法读取 ({exc.strerror or exc})") from None
    text, encoding = decode(data, path)
    return Document(path=path, text=text, encoding=encoding)


def _excluded(path: str, excludes: tuple[str, ...]) -> bool:
    norm = path.replace(os.sep, "/")
    name = norm.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatch(norm, g) or fnmatch.fnmatch(name, g) or fnmatch.fnmatch(norm, f"*/{g}")
        or fnmatch.fnmatch(norm, f"{g.rstrip('/')}/*") or fnmatch.fnmatch(norm, f"*/{g.rstrip('/')}/*")
        for g in excludes
    )


def discover(paths: list[str], excludes: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Files to check, in a deterministic order, and one-line errors for paths that do not exist.

    A file named explicitly is checked whatever its suffix; folders are searched for .txt/.md.
    """
    found: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for p in paths:
        if os.path.isdir(p):
            hits = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), excludes))
                for f in files:
                    full = os.path.join(root, f)
                    if f.lower().endswith(SUFFIXES) and not _excluded(full, excludes):
                        hits.append(full)
            new = sorted(hits)
        elif os.path.isfile(p):
            new = [] if _excluded(p, excludes) else [p]
        else:
            errors.append(f"{p}: 文件或目录不存在 (no such file or directory)")
            continue
        for f in new:
            key = os.path.normpath(f)
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found, errors
