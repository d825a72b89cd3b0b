"""The command line: the report formats, exit codes, config, and bad input."""
from __future__ import annotations

import json

from conftest import ROOT, SEEDS, line_of, run_cli, run_json, seed

KEYS = {"rule", "category", "severity", "message", "path", "line", "column", "end_line", "end_column",
        "related", "evidence"}


def test_seeds_json_schema(seeds_report):
    code, report = seeds_report
    assert code == 1
    assert report["version"] == 1
    assert set(report["summary"]) >= {"files", "characters", "findings", "by_severity", "by_rule", "errors"}
    assert report["summary"]["files"] == 5
    for f in report["findings"]:
        assert KEYS <= set(f)
        for r in f["related"]:
            assert set(r) >= {"path", "line", "column", "end_line", "end_column", "message"}


def test_doubled_phrase_at_its_true_line_and_column(seeds_report):
    _, report = seeds_report
    line, col = line_of(seed("004"), "二十大精神、二十大精神")
    hits = [f for f in report["findings"] if f["rule"] == "repetition/doubled-phrase"]
    assert [(f["line"], f["column"], f["end_column"], f["message"]) for f in hits] == [
        (line, col, col + 11, "“二十大精神”连写了两次")]
    assert hits[0]["path"] == str(SEEDS / seed("004").name)


def test_findings_sorted_and_output_deterministic(seeds_report):
    _, report = seeds_report
    keys = [(f["path"], f["line"], f["column"]) for f in report["findings"]]
    assert keys == sorted(keys)
    assert run_json(str(SEEDS))[1] == report


def test_path_as_given(tmp_path):
    p = run_cli("seeds", "--format", "json")
    assert all(f["path"].startswith("seeds/") for f in json.loads(p.stdout)["findings"])


def test_text_report(tmp_path):
    p = run_cli("seeds/", "--color", "never")
    assert p.returncode == 1
    line, col = line_of(seed("004"), "二十大精神、二十大精神")
    assert f"seeds/{seed('004').name}:{line}:{col}" in p.stdout
    assert "“二十大精神”连写了两次" in p.stdout
    assert "按规则统计" in p.stdout and "检查了 5 个文件" in p.stdout
    assert "↳ seeds/000_" in p.stdout  # related location of the cross-article conflict


def test_fail_on_and_select(tmp_path):
    assert run_cli("seeds/", "--fail-on", "never").returncode == 0
    code, report = run_json("seeds/", "--select", "repetition/doubled-phrase")
    assert code == 1 and {f["rule"] for f in report["findings"]} == {"repetition/doubled-phrase"}
    near = tmp_path / "near.txt"  # a stock phrase twice in one sentence: an info finding
    near.write_text("全市新能源产业蓬勃发展，储能、氢能等新业态蓬勃发展。\n", encoding="utf-8")
    code, report = run_json(str(near), "--select", "repetition/stock-phrase", "--fail-on", "warning")
    assert code == 0 and report["findings"]  # info findings do not fail a warning gate
    code, report = run_json("seeds/", "--ignore", "conflict,repetition")
    assert code == 0 and report["findings"] == []


def test_clean_file_exits_0(tmp_path):
    f = tmp_path / "clean.txt"
    f.write_text("深入学习党的二十大精神和习近平总书记关于妇女工作重要论述。\n", encoding="utf-8")
    p = run_cli(str(f))
    assert p.returncode == 0, p.stdout


def test_config_file_select_severity_and_override(tmp_path):
    (tmp_path / "factlint.toml").write_text(
        'select = ["repetition"]\nfail-on = "error"\n[severity]\n"repetition/doubled-phrase" = "error"\n',
        encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述。\n", encoding="utf-8")
    code, report = run_json(str(draft), cwd=tmp_path)
    assert code == 1 and [f["severity"] for f in report["findings"]] == ["error"]
    code, _ = run_json(str(draft), "--fail-on", "never", cwd=tmp_path)
    assert code == 0


def test_pyproject_tool_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nignore = ["repetition"]\n', encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("深入学习党的二十大精神、二十大精神。\n", encoding="utf-8")
    code, report = run_json(str(draft), cwd=tmp_path)
    assert code == 0 and report["findings"] == []


def test_bad_config_key(tmp_path):
    (tmp_path / "factlint.toml").write_text('selekt = ["x"]\n', encoding="utf-8")
    p = run_cli("a.txt", cwd=tmp_path)
    assert p.returncode == 2 and "factlint.toml:1: 未知的配置项 selekt" in p.stderr and "Traceback" not in p.stderr


def test_binary_file_reported_and_others_checked(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "ok.txt").write_text("二十大精神、二十大精神。\n", encoding="utf-8")
    code, report = run_json(str(tmp_path))
    assert code == 2
    assert [f["rule"] for f in report["findings"]] == ["repetition/doubled-phrase"]
    assert report["summary"]["errors"] == [f"{tmp_path / 'bad.txt'}: 二进制文件，已跳过 (binary file, skipped)"]


def test_missing_path_and_usage_errors(tmp_path):
    p = run_cli(str(tmp_path / "nope"))
    assert p.returncode == 2 and "文件或目录不存在" in p.stderr
    p = run_cli("seeds/", "--format", "xml")
    assert p.returncode == 2 and p.stderr.count("\n") == 1
    assert run_cli().returncode == 2


def test_gbk_and_crlf_file(tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("标题\r\n\r\n深入学习党的二十大精神、二十大精神。\r\n".encode("gbk"))
    code, report = run_json(str(f))
    assert code == 1 and [(x["line"], x["column"]) for x in report["findings"]] == [(3, 7)]


def test_never_writes_to_checked_files(tmp_path):
    import shutil

    d = tmp_path / "s"
    shutil.copytree(SEEDS, d)
    before = {p.name: p.read_bytes() for p in d.iterdir()}
    run_cli(str(d))
    assert {p.name: p.read_bytes() for p in d.iterdir()} == before


def test_sarif_and_github_formats():
    p = run_cli("seeds/", "--format", "sarif")
    sarif = json.loads(p.stdout)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == len(run_json("seeds/")[1]["findings"])
    p = run_cli("seeds/", "--format", "github")
    assert p.returncode == 1
    assert all(line.startswith(("::warning file=seeds/", "::error file=seeds/", "::notice file=seeds/"))
               for line in p.stdout.splitlines())


def test_rules_and_explain():
    p = run_cli("rules")
    assert p.returncode == 0 and "repetition/doubled-phrase" in p.stdout and "conflict/across-documents" in p.stdout
    p = run_cli("explain", "repetition/doubled-phrase")
    lines = p.stdout.splitlines()
    assert p.returncode == 0 and lines[0].startswith("repetition/doubled-phrase：")
    assert lines[2] == "级别：警告（warning）—— 很可能有误，请对照原始材料核对。"
    assert "  会报告：深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述" in lines
    assert "  Markdown 稿件中，在该行之前写 <!-- factlint-disable-next-line repetition/doubled-phrase -->" in lines
    p = run_cli("explain", "repetition/doubled-phrse")
    assert p.returncode == 2 and p.stderr == ("factlint: 没有规则 'repetition/doubled-phrse' (unknown rule; see factlint "
                                              "rules)；是否想写 repetition/doubled-phrase, repetition/doubled-char, repetition/stock-phrase？\n")


def test_facts_json_and_csv():
    p = run_cli("facts", str(seed("000")), "--format", "json")
    facts = json.loads(p.stdout)["facts"]
    f = next(x for x in facts if x["text"] == "9316万元")
    assert (f["value"], f["low"], f["high"], f["unit"], f["dimension"], f["metric"], f["scope"]) == (
        93160000, 93155000, 93165000, "元", "money", "投入款物", "截至目前")
    assert (f["line"], f["column"]) == line_of(seed("000"), "9316万元")
    assert {"kind", "text", "value", "low", "high", "unit", "dimension", "metric", "scope", "path", "line",
            "column", "end_line", "end_column"} <= set(f)
    assert any(x["kind"] == "date" and x["text"] == "2023年以来" for x in facts)
    p = run_cli("facts", str(seed("000")), "--format", "csv")
    assert p.stdout.splitlines()[0].startswith("kind,text,value,low,high,unit,dimension,metric,scope,path")
    p = run_cli("facts", str(seed("000")))
    assert p.returncode == 0 and "投入款物" in p.stdout


def test_acceptance_script_passes():
    script = ROOT.parent / "shared" / "acceptance" / "check_seeds.py"
    if not script.exists():
        import pytest

        pytest.skip("../shared/acceptance is not beside this checkout")
    import subprocess
    import sys

    p = subprocess.run([sys.executable, str(script), sys.executable, "-m", "factlint"], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr


def test_baseline_accepts_known_findings(tmp_path):
    base = tmp_path / "baseline.json"
    base.write_text(run_cli("seeds/", "--format", "json").stdout, encoding="utf-8")
    code, report = run_json("seeds/", "--baseline", str(base))
    assert code == 0 and report["findings"] == []
    draft = tmp_path / "d.txt"
    draft.write_text("深入学习党的二十大精神、二十大精神。\n", encoding="utf-8")
    code, report = run_json("seeds/", str(draft), "--baseline", str(base))
    assert code == 1 and [f["path"] for f in report["findings"]] == [str(draft)]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    p = run_cli("seeds/", "--baseline", str(bad))
    assert p.returncode == 2 and "不是 factlint 的 JSON 报告" in p.stderr


def test_suppression_comments(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(
        "<!-- factlint-disable-next-line repetition/doubled-phrase -->\n"
        "深入学习党的二十大精神、二十大精神。\n\n"
        "<!-- factlint-disable conflict -->\n"
        "109个家庭获市级表彰,18个家庭获市级表彰。\n"
        "<!-- factlint-enable -->\n\n"
        "109个家庭获县级表彰,18个家庭获县级表彰;学习党的二十大精神、二十大精神。\n", encoding="utf-8")
    code, report = run_json(str(draft))
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [
        ("conflict/within-document", 8), ("repetition/doubled-phrase", 8)]
