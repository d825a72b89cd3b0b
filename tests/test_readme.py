"""The README's quick start: exactly two commands, and CI runs the test one verbatim."""
from __future__ import annotations

import re

from conftest import ROOT


def _quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_two_commands():
    cmds = _quick_start_commands()
    assert len(cmds) == 2 and all("\n" not in c for c in cmds)
    assert cmds[0].endswith("factlint seeds/")
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _quick_start_commands()[1] in ci


def _section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_quick_start_says_how_to_call_the_installed_factlint():
    assert "`.venv/bin/factlint`" in _section("Quick start")


def test_a_chinese_section_for_editors():
    section = _section("给编辑的说明")
    for level, meaning in (("错误 (error)", "必须核实改正"), ("警告 (warning)", "对照原始材料核对"),
                           ("提示 (info)", "可不改")):
        assert any(level in line and meaning in line for line in section.splitlines()), level
    assert "factlint explain" in section and "factlint-disable-next-line" in section and "ignore = [" in section


def test_precommit_snippet_pins_something_that_exists():
    snippet = re.search(r"```yaml\n(.*?)```", _section("pre-commit"), re.S).group(1)
    rev = re.search(r"^\s*rev:\s*(\S+)", snippet, re.M).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev)  # a commit, as tests/test_precommit.py installs it
    hook_id = re.search(r"^- id:\s*(\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), re.M)
    assert re.search(rf"^\s*- id: {hook_id.group(1)}$", snippet, re.M)


def test_every_flag_in_the_readme_exists():
    from factlint.cli import build_parser

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    known = set()
    parser = build_parser()
    for action in parser._subparsers._group_actions[0].choices.values():
        for a in action._actions:
            known.update(a.option_strings)
    used = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", text))
    assert used <= known, used - known


def test_the_editors_example_is_what_factlint_prints():
    import os
    import subprocess
    import sys

    example = re.search(r"```text\n(.*?)```", _section("给编辑的说明"), re.S).group(1)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80"}
    p = subprocess.run([sys.executable, "-m", "factlint", "seeds/", "--select", "repetition/doubled-phrase",
                        "--color", "never"], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env)
    head = "".join(example.splitlines(keepends=True)[:3])  # the finding, its excerpt and carets
    assert head in p.stdout
