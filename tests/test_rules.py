"""Rule files: every bad rule gets one line naming the file (and line for TOML syntax), exit 2."""
from __future__ import annotations

import pytest

from factlint.rules import load_rules
from factlint.tomlload import ConfigError

from conftest import run_cli


def _rule_dir(tmp_path, body: str, name: str = "style/house.toml"):
    d = tmp_path / "rules"
    f = d / name
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(body, encoding="utf-8")
    return d, f


GOOD = 'kind = "pattern"\nmessage = "x"\npattern = "错别字"\n[[examples]]\nfail = "错别字"\npass = "对"\n'


@pytest.mark.parametrize("body,expected", [
    ('kind = "nope"\n', "未知的 kind 'nope'"),
    ('kind = "pattern"\npattern = "a"\ncolour = 1\n', "未知的键 'colour'"),
    ('kind = "pattern"\npattern = 3\n', "'pattern': 类型错误"),
    ('kind = "pattern"\npattern = "(unclosed"\n', "选项无效"),
    ('kind = "pattern"\npattern = "a"\nseverity = "fatal"\n', "'severity' 应为"),
    ('kind = "pattern"\n\npattern = "a\n', "TOML 语法错误"),
    ('pattern = "a"\n', "缺少 'kind'"),
])
def test_bad_rule_file(tmp_path, body, expected):
    d, f = _rule_dir(tmp_path, body)
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    msg = str(e.value)
    assert msg.startswith(str(f)) and expected in msg and "\n" not in msg


@pytest.mark.parametrize("body,line", [
    ('kind = "pattern"\npattern = "a"\ncolour = 1\n', 3),
    ('kind = "pattern"\n\npattern = 3\n', 3),
    ('# a comment\nkind = "nope"\n', 2),
    ('kind = "pattern"\n\npattern = "a\n', 3),
])
def test_rule_file_errors_name_the_line(tmp_path, body, line):
    d, f = _rule_dir(tmp_path, body)
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert str(e.value).startswith(f"{f}:{line}: ")


def test_toml_syntax_error_names_the_line(tmp_path):
    d, f = _rule_dir(tmp_path, 'kind = "pattern"\n\npattern = "a\n')
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert "line 3" in str(e.value)


def test_duplicate_id(tmp_path):
    d, f = _rule_dir(tmp_path, GOOD, "repetition/doubled-phrase.toml")
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert "重复" in str(e.value) and str(f) in str(e.value)


def test_unknown_category_folder(tmp_path):
    d, f = _rule_dir(tmp_path, GOOD, "spelling/house.toml")
    with pytest.raises(ConfigError, match="类别 'spelling' 未知"):
        load_rules((str(d),))


def test_extra_rule_folder_runs(tmp_path):
    d, _ = _rule_dir(tmp_path, GOOD)
    draft = tmp_path / "a.txt"
    draft.write_text("这里有错别字。\n", encoding="utf-8")
    p = run_cli(str(draft), "--rules", str(d), "--select", "style", "--format", "json")
    assert p.returncode == 1 and '"rule": "style/house"' in p.stdout


def test_bad_rule_exits_2_with_one_line(tmp_path):
    d, f = _rule_dir(tmp_path, 'kind = "nope"\n')
    p = run_cli("seeds/", "--rules", str(d))
    assert p.returncode == 2
    assert p.stderr.strip().count("\n") == 0 and str(f) in p.stderr and "Traceback" not in p.stderr


def test_every_builtin_rule_loads_with_summary():
    rules = load_rules()
    assert {r.id for r in rules} >= {"repetition/doubled-phrase", "conflict/across-documents"}
    assert all(r.summary for r in rules)
