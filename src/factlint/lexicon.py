"""The word lists checks share (units, filler words, scope words, formulas), loaded from rules/lexicon/*.toml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .tomlload import load_toml


def builtin_rules_dir() -> Path:
    """rules/ as installed in the wheel (factlint/rules), else the source checkout's top-level rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if (candidate / "lexicon").is_dir():
            return candidate
    raise FileNotFoundError("factlint: built-in rules/ folder not found; reinstall factlint")


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    dimension: str
    factor: float  # value in base units per 1 of this unit
    base: str
    classifier: bool  # a measure word that may be followed by the counted noun (个, 项, 家)


@dataclass(frozen=True, slots=True)
class Lexicon:
    units: dict[str, Unit]
    fillers: frozenset[str]
    leading_verbs: frozenset[str]
    synonyms: dict[str, str]
    user_words: tuple[str, ...]
    scope_cumulative: tuple[str, ...]
    scope_new: tuple[str, ...]
    scope_now: tuple[str, ...]
    formulas: tuple[str, ...]
    cliches: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    base = builtin_rules_dir() / "lexicon"
    units_doc = load_toml(base / "units.toml")
    units: dict[str, Unit] = {}
    for dim, table in units_doc["dimension"].items():
        base_unit = table["base"]
        classifiers = set(table.get("classifiers", []))
        for name, factor in table["units"].items():
            units[name] = Unit(name, dim, float(factor), base_unit, name in classifiers)
    m = load_toml(base / "metrics.toml")
    r = load_toml(base / "repetition.toml")
    return Lexicon(
        units=units,
        fillers=frozenset(m["fillers"]),
        leading_verbs=frozenset(m["leading_verbs"]),
        synonyms=dict(m.get("synonyms", {})),
        user_words=tuple(m.get("user_words", [])),
        scope_cumulative=tuple(m["scope"]["cumulative"]),
        scope_new=tuple(m["scope"]["new"]),
        scope_now=tuple(m["scope"]["now"]),
        formulas=tuple(r["formulas"]),
        cliches=tuple(r["cliches"]),
    )


@lru_cache(maxsize=1)
def complementary() -> tuple[tuple[str, str], ...]:
    """Word pairs that split a whole into two parts (直接/间接, 城镇/农村): rules/lexicon/arithmetic.toml."""
    data = load_toml(builtin_rules_dir() / "lexicon" / "arithmetic.toml")
    return tuple((a, b) for a, b in data["complementary"])


@lru_cache(maxsize=1)
def arithmetic_words() -> dict:
    """rules/lexicon/arithmetic.toml as loaded: complementary pairs, complete series, remainder words."""
    return load_toml(builtin_rules_dir() / "lexicon" / "arithmetic.toml")
