"""TOML loading with one-line errors that name the file and line."""
from __future__ import annotations

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


def load_toml(path: Path | str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, exc) from None
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取 ({exc.strerror or exc})") from None


def loads_toml(text: str, path: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, exc) from None
