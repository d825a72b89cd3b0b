"""TOML loading with one-line errors that name the file and line."""
from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    """A rule or config file that cannot be used; the message is one line naming the file."""


def _syntax_error(path, exc: Exception) -> ConfigError:
    """path:LINE: …, the line taken from tomllib's "(at line N, column M)"."""
    m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
    where = f"{path}:{m.group(1)}" if m else str(path)
    return ConfigError(f"{where}: TOML 语法错误: {exc}")


def decode_toml(data: bytes, path) -> str:
    """TOML is UTF-8; a UTF-8 BOM (Windows Notepad writes one) is dropped, anything else is one line naming the line."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ConfigError(f"{path}:1: 文件是 UTF-16 编码，请另存为 UTF-8 (TOML files must be UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: 不是有效的 UTF-8，请另存为 UTF-8 "
                          f"(invalid UTF-8 at byte {exc.start})") from None


def load_toml(path: Path | str) -> dict:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取 ({exc.strerror or exc})") from None
    return loads_toml(decode_toml(data, path), str(path))


def loads_toml(text: str, path: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, exc) from None


def at(path, key: str, table: str | None = None) -> str:
    """path:LINE of the line that sets key (inside [table] when given); just path when it cannot be found."""
    try:
        lines = decode_toml(Path(path).read_bytes(), path).splitlines()
    except (OSError, ConfigError):
        return str(path)
    pat = re.compile(rf"""^\s*(?:\[\[?\s*)?(?:"{re.escape(key)}"|'{re.escape(key)}'|{re.escape(key)})\s*(?:=|\]\]?)""")
    header = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]")
    current = None
    for i, line in enumerate(lines, 1):
        h = header.match(line)
        if h and not pat.match(line):
            current = h.group(1).strip().strip('"')
            continue
        if pat.match(line) and (table is None or current == table or (current or "").endswith("." + table)):
            return f"{path}:{i}"
    return str(path)
