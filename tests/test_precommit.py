"""The pre-commit hook, installed by the real pre-commit tool from this repository's .pre-commit-hooks.yaml.

A draft with a doubled phrase fails the commit; a clean draft passes. The hook is built from
this repository's committed HEAD, as users get it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of factlint")
    try:
        head = _git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("factlint checkout has no commit")
    work = tmp_path_factory.mktemp("newsroom")
    _git("init", "-q", cwd=work)
    _git("config", "user.email", "editor@example.org", cwd=work)
    _git("config", "user.name", "Editor", cwd=work)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: factlint\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=work, env=env, check=True,
                   capture_output=True)
    _git("add", ".pre-commit-config.yaml", cwd=work)
    return work, env


def _commit(work, env, name, text):
    (work / name).write_text(text, encoding="utf-8")
    _git("add", name, cwd=work)
    return subprocess.run(["git", "commit", "-q", "-m", f"add {name}"], cwd=work, env=env, capture_output=True,
                          text=True, timeout=600)


def test_doubled_phrase_fails_the_commit(repo):
    work, env = repo
    p = _commit(work, env, "draft.txt", "深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述。\n")
    assert p.returncode != 0
    assert "“二十大精神”连写了两次" in p.stdout + p.stderr


def test_clean_draft_passes(repo):
    work, env = repo
    _git("reset", "-q", "draft.txt", cwd=work)
    (work / "draft.txt").unlink()
    p = _commit(work, env, "clean.txt", "深入学习党的二十大精神和习近平总书记关于妇女工作重要论述。\n")
    assert p.returncode == 0, p.stdout + p.stderr
