"""Settings: defaults < nearest factlint.toml or pyproject [tool.factlint] < command line."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .findings import SEVERITIES
from .tomlload import ConfigError, load_toml

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


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest factlint.toml, or pyproject.toml with [tool.factlint], from start upwards."""
    for folder in [start, *start.parents]:
        f = folder / "factlint.toml"
        if f.is_file():
            return f, load_toml(f)
        py = folder / "pyproject.toml"
        if py.is_file():
            data = load_toml(py)
            section = data.get("tool", {}).get("factlint")
            if section is not None:
                return py, section
    return None


def _strings(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: 应为字符串列表 (expected a list of strings)")
    return tuple(value)


def from_mapping(data: dict, path: Path) -> Config:
    unknown = set(data) - KEYS
    if unknown:
        raise ConfigError(f"{path}: 未知的配置项 {', '.join(sorted(unknown))} (allowed: {', '.join(sorted(KEYS))})")
    base = path.parent
    sev = data.get("severity", {})
    if not isinstance(sev, dict) or any(v not in SEVERITIES for v in sev.values()):
        raise ConfigError(f"{path}: 'severity' 应为 规则 = \"info|warning|error\" 的表")
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: 'fail-on' 应为 {'/'.join(FAIL_ON)} (got {fail_on!r})")
    cache = data.get("cache", True)
    if not isinstance(cache, bool):
        raise ConfigError(f"{path}: 'cache' 应为 true/false")
    return Config(
        select=_strings(data.get("select", []), f"{path}: 'select'"),
        ignore=_strings(data.get("ignore", []), f"{path}: 'ignore'"),
        severity=dict(sev),
        fail_on=fail_on,
        exclude=_strings(data.get("exclude", []), f"{path}: 'exclude'"),
        rules=tuple(str(base / r) for r in _strings(data.get("rules", []), f"{path}: 'rules'")),
        corpus=tuple(str(base / c) for c in _strings(data.get("corpus", []), f"{path}: 'corpus'")),
        formulas=_strings(data.get("formulas", []), f"{path}: 'formulas'"),
        cache=cache,
        date=check_date(data["date"], f"{path}: 'date'") if "date" in data else "",
        source=str(path),
    )


def load(explicit: str | None = None, start: Path | None = None) -> Config:
    if explicit:
        p = Path(explicit)
        data = load_toml(p)
        if p.name == "pyproject.toml":
            data = data.get("tool", {}).get("factlint", {})
        return from_mapping(data, p)
    found = find_config((start or Path.cwd()).resolve())
    return from_mapping(found[1], found[0]) if found else Config()


def override(cfg: Config, **kwargs) -> Config:
    """Command-line values replace the file's; None means 'not given'."""
    return replace(cfg, **{k: v for k, v in kwargs.items() if v is not None})


def matches(rule_id: str, prefixes: tuple[str, ...]) -> bool:
    return any(rule_id == p or rule_id.startswith(p.rstrip("/") + "/") for p in prefixes)
