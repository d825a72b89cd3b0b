"""Settings: defaults < nearest factlint.toml or pyproject [tool.factlint] < command line."""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .findings import SEVERITIES
from .tomlload import ConfigError, at, load_toml

FAIL_ON = (*SEVERITIES, "never")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # rule ids or category prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # rule id or prefix → severity
    fail_on: str = "warning"
    exclude: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # extra rule folders
    corpus: tuple[str, ...] = ()  # folders checked together with the files given
    formulas: tuple[str, ...] = ()  # extra fixed formulations for repetition checks
    cache: bool = True
    date: str = ""  # publication date YYYY-MM-DD, for checks of spans that run past it
    source: str = ""  # the file these came from, for messages


KEYS = {"select", "ignore", "severity", "fail-on", "exclude", "rules", "corpus", "formulas", "cache", "date"}


def check_date(value, where: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ConfigError(f"{where}: 日期应为 YYYY-MM-DD (got {value!r})") from None


def _tool_section(data: dict, path: Path):
    """[tool.factlint] of a pyproject.toml, or None; a `tool` or `tool.factlint` that is not a table is an error."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{at(path, 'tool')}: 'tool' 应为表 (expected a table, got {type(tool).__name__})")
    section = tool.get("factlint")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{at(path, 'factlint')}: 'tool.factlint' 应为表 [tool.factlint] "
                          f"(expected a table, got {type(section).__name__})")
    return section


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest factlint.toml, or pyproject.toml with [tool.factlint], from start upwards."""
    for folder in [start, *start.parents]:
        f = folder / "factlint.toml"
        if f.is_file():
            return f, load_toml(f)
        py = folder / "pyproject.toml"
        if py.is_file():
            section = _tool_section(load_toml(py), py)
            if section is not None:
                return py, section
    return None


def _strings(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} 应为字符串列表 (expected a list of strings)")
    return tuple(value)


def from_mapping(data: dict, path: Path) -> Config:
    table = "tool.factlint" if path.name == "pyproject.toml" else None

    def where(key: str, sub: str | None = None) -> str:
        return f"{at(path, key, sub or table)}: '{key}'"

    unknown = set(data) - KEYS
    if unknown:
        first = sorted(unknown)[0]
        raise ConfigError(f"{at(path, first, table)}: 未知的配置项 {', '.join(sorted(unknown))} "
                          f"(allowed: {', '.join(sorted(KEYS))})")
    base = path.parent
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f"{where('severity')} 应为 规则 = \"info|warning|error\" 的表 [severity]")
    for rule_id, value in sev.items():
        if value not in SEVERITIES:
            raise ConfigError(f"{at(path, rule_id, 'severity')}: [severity] '{rule_id}' 应为 "
                              f"{'/'.join(SEVERITIES)} (got {value!r})")
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where('fail-on')} 应为 {'/'.join(FAIL_ON)} (got {fail_on!r})")
    cache = data.get("cache", True)
    if not isinstance(cache, bool):
        raise ConfigError(f"{where('cache')} 应为 true/false (got {cache!r})")
    return Config(
        select=_strings(data.get("select", []), where("select")),
        ignore=_strings(data.get("ignore", []), where("ignore")),
        severity=dict(sev),
        fail_on=fail_on,
        exclude=_strings(data.get("exclude", []), where("exclude")),
        rules=tuple(str(base / r) for r in _strings(data.get("rules", []), where("rules"))),
        corpus=tuple(str(base / c) for c in _strings(data.get("corpus", []), where("corpus"))),
        formulas=_strings(data.get("formulas", []), where("formulas")),
        cache=cache,
        date=check_date(data["date"], where("date")) if "date" in data else "",
        source=str(path),
    )


def load(explicit: str | None = None, start: Path | None = None) -> Config:
    if explicit:
        p = Path(explicit)
        data = load_toml(p)
        _explicit_root[:] = [str(p.resolve().parent)]  # the config in use names the project root
        if p.name == "pyproject.toml":
            data = _tool_section(data, p) or {}
        return from_mapping(data, p)
    found = find_config((start or Path.cwd()).resolve())
    return from_mapping(found[1], found[0]) if found else Config()


def override(cfg: Config, **kwargs) -> Config:
    """Command-line values replace the file's; None means 'not given'."""
    return replace(cfg, **{k: v for k, v in kwargs.items() if v is not None})


def matches(rule_id: str, prefixes: tuple[str, ...]) -> bool:
    return any(rule_id == p or rule_id.startswith(p.rstrip("/") + "/") for p in prefixes)


def check_selection(name: str, values, rule_ids: list[str], source: str = "") -> None:
    """Every id or prefix in select, ignore and [severity] must name a rule: a typo must not select nothing silently.

    name is what the user wrote it in ("--select", "ignore", "severity"); source the config file it came from.
    """
    valid = sorted(set(rule_ids) | {r.split("/", 1)[0] for r in rule_ids})
    for value in values:
        if any(matches(r, (value,)) for r in rule_ids):
            continue
        close = difflib.get_close_matches(value, valid, n=3, cutoff=0.5)
        hint = (f"；是否想写 {', '.join(close)}？(did you mean: {', '.join(close)})" if close
                else "；全部规则见 factlint rules (see factlint rules)")
        where = f"{_line_with(source, value)}: " if source else ""
        raise ConfigError(f"{where}{name}: 没有规则或类别 '{value}' (matches no rule){hint}")


def _line_with(path: str, value: str) -> str:
    """path:LINE of the first line quoting value ("value" or 'value'), for a selection error."""
    try:
        lines = Path(path).read_bytes().decode("utf-8-sig", "replace").splitlines()
    except OSError:
        return path
    for i, line in enumerate(lines, 1):
        if f'"{value}"' in line or f"'{value}'" in line:
            return f"{path}:{i}"
    return path


@lru_cache(maxsize=None)
def _root_for(cwd: str) -> str:
    start = Path(cwd)
    try:
        found = find_config(start)
    except ConfigError:
        found = None
    if found:
        return str(found[0].parent)
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return str(folder)
    return cwd


_explicit_root: list[str] = []  # set when --config names the config file


def project_root() -> str:
    """The folder paths in fingerprints and SARIF are relative to: the config file's, else the git top level, else cwd."""
    return _explicit_root[0] if _explicit_root else _root_for(os.path.abspath(os.getcwd()))


def project_path(path: str) -> str:
    """A path relative to the project root with / separators, so seeds/x.txt and ./seeds/x.txt are one file."""
    rel = os.path.relpath(os.path.abspath(path), project_root())
    return rel.replace(os.sep, "/")
