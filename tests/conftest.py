"""Shared helpers: the seeds, and running factlint in-process or as a command."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(prefix + "_*.txt"))


def line_of(path: Path, snippet: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of snippet in a file."""
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        c = line.find(snippet)
        if c >= 0:
            return i, c + 1
    raise AssertionError(f"{snippet!r} not in {path}")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "factlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, encoding="utf-8")


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    p = run_cli(*args, "--format", "json", cwd=cwd)
    return p.returncode, json.loads(p.stdout)


@pytest.fixture(scope="session")
def seeds_report() -> tuple[int, dict]:
    return run_json(str(SEEDS))


def check(rule_ids: list[str] | None, texts: dict[str, str]):
    """Run built-in rules (all, or these ids) on in-memory texts; returns findings and documents."""
    from factlint.engine import check_texts
    from factlint.rules import load_rules

    rules = [r for r in load_rules() if rule_ids is None or r.id in rule_ids]
    return check_texts(rules, texts)


def where(docs, loc) -> tuple[int, int]:
    return docs[loc.path].line_col(loc.span.start)


def plant(tmp_path: Path, prefix: str, original: str, planted: str, rule_ids: list[str]):
    """A seed with one phrase changed, checked with rule_ids: (findings, documents, path of the copy)."""
    text = seed(prefix).read_text(encoding="utf-8")
    assert text.count(original) == 1, f"{original!r} must occur once in seed {prefix}"
    text = text.replace(original, planted)
    path = tmp_path / seed(prefix).name
    path.write_text(text, encoding="utf-8")
    findings, docs = check(rule_ids, {str(path): text})
    return findings, docs, path


def seed_findings(prefix: str, rule_ids: list[str]):
    return check(rule_ids, {seed(prefix).name: seed(prefix).read_text(encoding="utf-8")})[0]
