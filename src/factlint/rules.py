"""Loading and validating rule files; the registry of check kinds."""
from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .findings import CATEGORIES, SEVERITIES
from .lexicon import builtin_rules_dir
from .tomlload import ConfigError, load_toml
from .tomlload import at as tomlload_at

COMMON_KEYS = {"kind", "severity", "message", "summary", "examples"}
NOT_RULES = {"lexicon"}  # folders under rules/ that hold word lists, not rules


@dataclass(frozen=True, slots=True)
class Example:
    fail: str = ""
    passes: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str  # "repetition/doubled-phrase": the path under rules/, without .toml
    category: str
    kind: str
    severity: str
    message: str
    summary: str
    options: object
    examples: tuple[Example, ...]
    path: str

    @property
    def module(self) -> types.ModuleType:
        return check_kinds()[self.kind]


@lru_cache(maxsize=1)
def check_kinds() -> dict[str, types.ModuleType]:
    """Every module in factlint.checks that declares KIND; importing them is cheap (heavy work is lazy)."""
    from . import checks

    kinds = {}
    for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name):
        mod = importlib.import_module(f"factlint.checks.{info.name}")
        if hasattr(mod, "KIND"):
            kinds[mod.KIND] = mod
    return kinds


def at(path, key: str) -> str:
    """path:LINE of the line that sets key in a rule file (just path when it cannot be found)."""
    return tomlload_at(path, key)


_MESSAGE_CALL = regex.compile(r"\.message\.(format|format_map)\(")


@lru_cache(maxsize=None)
def _format_calls(kind_mod: types.ModuleType) -> tuple[frozenset[str], bool] | None:
    """The keyword names a check passes to rule.message.format(...), and whether it uses format_map
    (the pattern kind: named groups of its regex); None when the check never formats rule.message.

    Runs on every load, so only the calls are parsed (a whole module's syntax tree costs ~3 ms each)."""
    import ast

    try:
        with open(kind_mod.__file__, encoding="utf-8") as f:
            source = f.read()
    except (OSError, TypeError, AttributeError):
        return None
    names: set[str] = set()
    found = uses_map = False
    for m in _MESSAGE_CALL.finditer(source):
        call = _call_node(source, m.end() - 1)
        if call is None:  # a call too odd to cut out: read the whole module
            try:
                return _format_calls_of_tree(ast.parse(source))
            except SyntaxError:
                return None
        found = True
        uses_map |= m.group(1) == "format_map"
        if any(k.arg is None for k in call.keywords):
            return None  # **mapping: the fields cannot be known here
        names.update(k.arg for k in call.keywords)
    return (frozenset(names), uses_map) if found else None


def _call_node(source: str, open_at: int):
    """The ast.Call of the argument list opening at source[open_at] ("("), or None when it cannot be cut
    out by counting brackets (a bracket inside a string)."""
    import ast

    depth = 0
    for i in range(open_at, len(source)):
        c = source[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                try:
                    node = ast.parse("f" + source[open_at:i + 1], mode="eval").body
                except SyntaxError:
                    return None
                return node if isinstance(node, ast.Call) else None
    return None


def _format_calls_of_tree(tree) -> tuple[frozenset[str], bool] | None:
    import ast

    names: set[str] = set()
    found = uses_map = False
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("format", "format_map")
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "message"):
            found = True
            uses_map |= node.func.attr == "format_map"
            if any(k.arg is None for k in node.keywords):
                return None  # **mapping: the fields cannot be known here
            names.update(k.arg for k in node.keywords)
    return (frozenset(names), uses_map) if found else None


def check_message(message: str, kind_mod: types.ModuleType, options, path) -> None:
    """A message template is checked when loaded, not when the rule first fires: a stray { or an unknown field."""
    import string

    def where() -> str:  # path:LINE, looked up only for an error (it reads the file again)
        return f"{at(path, 'message')}: 'message'"

    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
    except ValueError as exc:
        raise ConfigError(f"{where()} 模板有误，字面的花括号请写成 {{{{ 或 }}}} (bad template: {exc})") from None
    calls = _format_calls(kind_mod)
    if calls is None:
        return
    allowed, uses_map = calls
    if uses_map and getattr(options, "pattern", ""):
        allowed = allowed | set(regex.compile(options.pattern).groupindex)
    for f in fields:
        name = regex.split(r"[.\[]", f, maxsplit=1)[0]
        if not name or name.isdigit():
            raise ConfigError(f"{where()} 模板中的 {{{f}}} 须写字段名 (a field needs a name; "
                              f"allowed: {', '.join(sorted(allowed)) or 'none'})")
        if name not in allowed:
            raise ConfigError(f"{where()} 模板中的字段 {{{name}}} 未知 (unknown field; "
                              f"allowed: {', '.join(sorted(allowed)) or 'none'})")


def _coerce(value, typ, where):
    """Check a TOML value against a dataclass field type; lists become tuples. where() names the
    place for an error (path:LINE: 'key'), looked up only then."""
    origin = typing.get_origin(typ)
    if typ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{where()}: 应为列表 (expected a list)")
        inner = typing.get_args(typ)[0]
        return tuple(_coerce(v, inner, where) for v in value)
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where()}: 应为表 (expected a table)")
        return dict(value)
    if typ in (str, int, bool, float):
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise ConfigError(f"{where()}: 类型错误，应为 {typ.__name__} (expected {typ.__name__}, got {type(value).__name__})")
        return value
    return value


def build_options(kind_mod: types.ModuleType, data: dict, path: str):
    opts_cls = kind_mod.Options
    hints = typing.get_type_hints(opts_cls)
    names = {f.name for f in dataclasses.fields(opts_cls)}
    kwargs = {}
    for key, value in data.items():
        if key in COMMON_KEYS:
            continue
        if key not in names:
            raise ConfigError(f"{at(path, key)}: 未知的键 '{key}' (unknown key for kind '{kind_mod.KIND}'; "
                              f"allowed: {', '.join(sorted(names)) or 'none'})")
        kwargs[key] = _coerce(value, hints[key], lambda key=key: f"{at(path, key)}: '{key}'")
    try:
        options = opts_cls(**kwargs)
    except TypeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    validate = getattr(kind_mod, "validate", None)
    if validate:
        try:
            validate(options)
        except (regex.error, ValueError) as exc:
            raise ConfigError(f"{_culprit(path, kwargs, exc)}: 选项无效 (invalid option): {exc}") from None
    return options


def _culprit(path: str, options: dict, exc: Exception) -> str:
    """path:LINE of the option a validation error is about: the key it names, or the pattern that
    does not compile; just path when it cannot be told."""
    for key in options:
        if f"'{key}'" in str(exc):
            return at(path, key)
    if isinstance(exc, regex.error):
        for key, value in options.items():
            if isinstance(value, str):
                try:
                    regex.compile(regex.sub(r"\{\w+\}", "x", value))
                except regex.error:
                    return at(path, key)
    return str(path)


def load_rule(path: Path, rule_id: str) -> Rule:
    data = load_toml(path)
    kind = data.get("kind")
    kinds = check_kinds()
    if not isinstance(kind, str):
        raise ConfigError(f"{path}: 缺少 'kind' (missing 'kind')")
    if kind not in kinds:
        raise ConfigError(f"{at(path, 'kind')}: 未知的 kind '{kind}' (unknown kind; known: {', '.join(sorted(kinds))})")
    severity = data.get("severity", "warning")
    if severity not in SEVERITIES:
        raise ConfigError(f"{at(path, 'severity')}: 'severity' 应为 {'/'.join(SEVERITIES)} (got {severity!r})")
    message = data.get("message", "")
    if not isinstance(message, str):
        raise ConfigError(f"{at(path, 'message')}: 'message' 应为字符串 (expected a string)")
    summary = data.get("summary", "")
    if not isinstance(summary, str):
        raise ConfigError(f"{at(path, 'summary')}: 'summary' 应为字符串 (expected a string)")
    examples = []
    raw_examples = data.get("examples", [])
    if not isinstance(raw_examples, list):
        raise ConfigError(f"{at(path, 'examples')}: 'examples' 应为 [[examples]] 表数组 (expected an array of tables)")
    for ex in raw_examples:
        if not isinstance(ex, dict) or set(ex) - {"fail", "pass"}:
            raise ConfigError(f"{at(path, 'examples')}: [[examples]] 只能有 fail 和 pass (only 'fail' and 'pass' keys)")
        examples.append(Example(str(ex.get("fail", "")), str(ex.get("pass", ""))))
    category = rule_id.split("/", 1)[0]
    if category not in CATEGORIES:
        raise ConfigError(f"{path}: 类别 '{category}' 未知 (the folder must be one of {', '.join(CATEGORIES)})")
    options = build_options(kinds[kind], data, str(path))
    check_message(message, kinds[kind], options, str(path))
    if not summary:
        doc = (kinds[kind].__doc__ or "").strip()
        summary = doc.splitlines()[0] if doc else ""
    return Rule(rule_id, category, kind, severity, message, summary, options, tuple(examples), str(path))


def rule_files(folder: Path) -> list[tuple[Path, str]]:
    out = []
    for p in sorted(folder.rglob("*.toml")):
        rel = p.relative_to(folder)
        if rel.parts[0] in NOT_RULES or len(rel.parts) != 2:
            continue
        out.append((p, f"{rel.parts[0]}/{rel.stem}"))
    return out


def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[Rule]:
    """Built-in rules, then every extra folder's; a duplicate id is an error naming both files."""
    rules: dict[str, Rule] = {}
    folders = [builtin_rules_dir()] + [Path(d) for d in extra_dirs]
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"{folder}: 规则目录不存在 (rules folder not found)")
        for path, rule_id in rule_files(folder):
            if rule_id in rules:
                raise ConfigError(f"{path}: 规则 id '{rule_id}' 重复 (duplicate rule id; also in {rules[rule_id].path})")
            rules[rule_id] = load_rule(path, rule_id)
    return [rules[k] for k in sorted(rules)]
