"""Reading article files into Documents: decoding, binary detection, and offset → line/column."""
from __future__ import annotations

import bisect
import codecs
import fnmatch
import os
import re
import stat
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
    """A file's text. For Markdown, `text` is what the checks read — the original with code, link
    URLs, HTML and front matter blanked out character for character (newlines kept), so every
    offset is an offset into the original — and `original` is the file as written, for excerpts."""

    path: str  # as the user gave it (or as found under a folder the user gave)
    text: str
    encoding: str = "utf-8"
    _line_starts: list[int] = field(default_factory=list, repr=False)
    original: str = ""

    def __post_init__(self) -> None:
        if not self.original:
            self.original = self.text
            if is_markdown(self.path):
                from .markdown import prose_only

                self.text = prose_only(self.text)
        # \r\n, \r and \n each end a line, so CRLF and old-Mac files keep true line numbers.
        self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """A line of the file as written (for Markdown too)."""
        source = self.original or self.text  # `original` is empty where the file is its own text
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(source)
        return source[start:end].rstrip("\r\n")


def is_markdown(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown"))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00 starts both
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings of Chinese (and Japanese) newsroom systems, for the doubtful cases.
_LEGACY = ["gb18030", "big5", "cp950", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr"]
_NAMES = {"cp950": "big5", "big5hkscs": "big5", "cp932": "shift_jis", "gbk": "gb18030", "gb2312": "gb18030"}
GB_SHARE = 0.9  # share of non-ASCII characters in GB2312 above which GB18030 text is taken as such


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name; raises InputError for binary or undecodable bytes."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _strict(data, enc, path), enc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: 二进制文件，已跳过 (binary file, skipped)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        return _legacy(data, path, exc.start)


def _gb_share(text: str) -> float:
    wide = [c for c in text[:200_000] if ord(c) > 127]  # a sample: enough to tell, cheap on a 50 MB file
    if not wide:
        return 1.0
    ok = 0
    for c in wide:
        try:
            c.encode("gb2312")
            ok += 1
        except UnicodeEncodeError:
            pass
    return ok / len(wide)


def _legacy(data: bytes, path: str, utf8_error_at: int) -> tuple[str, str]:
    """GB18030 (a superset of GBK and GB2312) when the text reads as ordinary simplified Chinese;
    otherwise charset-normalizer chooses among the legacy CJK encodings, so Big5 and Shift-JIS
    are never read as GB18030 mojibake; when it cannot, the file is reported, not guessed."""
    try:
        text = data.decode("gb18030")
        if _gb_share(text) >= GB_SHARE:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is not None:
        enc = _NAMES.get(best.encoding, best.encoding)
        try:
            return data.decode(best.encoding), enc
        except UnicodeDecodeError:
            pass
    raise InputError(
        f"{path}: 无法解码（不是 UTF-8，也不像 GB18030、Big5 或 Shift-JIS），已跳过 "
        f"(undecodable: not UTF-8 from byte {utf8_error_at}, and no legacy Chinese encoding fits; skipped)"
    )


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if encoding == "utf-8-sig" else 0)  # utf-8-sig reports offsets after its BOM
        raise InputError(f"{path}: 无法按 {encoding} 解码，已跳过 (undecodable at byte {at}, skipped)") from None


_STDIN: dict[str, bytes] = {}


def register_stdin(name: str, data: bytes) -> None:
    """Text read from standard input, checked under name (- or --stdin-filename) instead of a file."""
    _STDIN[name] = data


def read_document(path: str) -> Document:
    if path in _STDIN:
        data = _STDIN[path]
    else:
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                raise InputError(f"{path}: 不是普通文件（管道或设备），已跳过 (not a regular file, skipped)")
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


def _walk(top: str, excludes: tuple[str, ...], errors: list[str]) -> list[str]:
    """Text files under top, without recursion (folders nested thousands deep are fine); a folder
    that cannot be read and a FIFO or device file that looks like a draft are each named in errors."""
    hits: list[str] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append(f"{folder}: 无法读取目录，已跳过 (cannot read folder: {exc.strerror or exc}, skipped)")
            continue
        subdirs = []
        for entry in entries:
            full = os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                if not entry.name.startswith(".") and not _excluded(full, excludes):
                    subdirs.append(full)
            elif entry.name.lower().endswith(SUFFIXES) and not _excluded(full, excludes):
                if is_file:
                    hits.append(full)
                else:
                    errors.append(f"{full}: 不是普通文件（管道、设备或失效链接），已跳过 (not a regular file, skipped)")
        stack.extend(reversed(subdirs))
    return hits


def discover(paths: list[str], excludes: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Files to check, in a deterministic order, and one-line errors for paths that do not exist.

    A file named explicitly is checked whatever its suffix; folders are searched for .txt/.md.
    """
    found: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for p in paths:
        if p in _STDIN:
            new = [p]
        elif os.path.isdir(p):
            new = sorted(_walk(p, excludes, errors))
        elif os.path.isfile(p):
            new = [] if _excluded(p, excludes) else [p]
        elif os.path.lexists(p) and os.path.exists(p):
            errors.append(f"{p}: 不是普通文件（管道或设备），已跳过 (not a regular file, skipped)")
            continue
        else:
            errors.append(f"{p}: 文件或目录不存在 (no such file or directory)")
            continue
        for f in new:
            key = f if f in _STDIN else os.path.normpath(f)
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found, errors
