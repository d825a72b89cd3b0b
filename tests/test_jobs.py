"""The engine's guarantees: the same report for every --jobs and every order of the files given;
a JSON report written finding by finding that still reads as one document; no progress bar when
stderr is not a terminal."""
from __future__ import annotations

import json

from conftest import ROOT, SEEDS, run_cli

from factlint.config import Config
from factlint.engine import run
from factlint.report import json as json_report
from factlint.rules import load_rules

# a clause of seed 000, pasted into a second article (repetition/copied-clause)
SHARED = "形成了政府得民心、企业得发展、群众得实惠的多赢格局"


def _paths() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SEEDS.glob("*.txt"))


def test_jobs_1_and_2_give_byte_identical_reports():
    one = run_cli(*_paths(), "--format", "json", "--jobs", "1", "--no-cache")
    two = run_cli(*_paths(), "--format", "json", "--jobs", "2", "--no-cache")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert json.loads(one.stdout)["summary"]["files"] == 5


def test_jobs_in_process_match(tmp_path):
    rules = load_rules()
    serial = run(_paths(), Config(), rules, use_cache=False, jobs=1)
    parallel = run(_paths(), Config(), rules, use_cache=False, jobs=2)
    assert json_report.render(serial) == json_report.render(parallel)
    assert len(serial.findings) > 0


def test_argument_order_does_not_change_the_report(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(f"标题甲\n\n昭通市红十字会开展博爱家园项目，{SHARED}，受到好评。\n", encoding="utf-8")
    b.write_text(f"标题乙\n\n巧家县推进产业帮扶，{SHARED}，群众满意。\n", encoding="utf-8")
    forward = run_cli("a.txt", "b.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    backward = run_cli("b.txt", "a.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    assert forward.stdout == backward.stdout
    report = json.loads(forward.stdout)
    copied = [f for f in report["findings"] if f["rule"] == "repetition/copied-clause"]
    # reported once, at the later path, pointing back to the earlier one
    assert [(f["path"], f["line"], f["column"]) for f in copied] == [("b.txt", 3, 11)]
    assert [(r["path"], r["line"], r["column"]) for r in copied[0]["related"]] == [("a.txt", 3, 17)]


def test_json_report_streams_one_finding_per_line():
    p = run_cli(*_paths(), "--format", "json", "--jobs", "1", "--no-cache")
    lines = p.stdout.split("\n")
    report = json.loads(p.stdout)
    n = report["summary"]["findings"]
    assert lines[0] == '{"version": 1, "findings": ['
    assert [json.loads(line.rstrip(",")) for line in lines[1:1 + n]] == report["findings"]
    assert lines[1 + n].startswith('], "summary": {"files": 5, ')
    assert lines[2 + n:] == [""]
    assert list(report) == ["version", "findings", "summary"]
    assert list(report["findings"][0]) == ["rule", "category", "severity", "message", "path", "line", "column",
                                           "end_line", "end_column", "related", "evidence", "fingerprint"]


def test_json_report_with_no_findings_is_valid(tmp_path):
    (tmp_path / "clean.txt").write_text("今天天气很好。\n", encoding="utf-8")
    p = run_cli("clean.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    assert p.returncode == 0
    assert p.stdout.startswith('{"version": 1, "findings": [], "summary": {"files": 1, ')
    assert json.loads(p.stdout)["findings"] == []


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    for i in range(25):
        (tmp_path / f"a{i:02d}.txt").write_text(f"第{i}篇。今天天气很好。\n", encoding="utf-8")
    p = run_cli(".", "--format", "json", "--no-cache", "--jobs", "2", cwd=tmp_path)
    assert p.returncode == 0
    assert p.stderr == ""
    assert json.loads(p.stdout)["summary"]["files"] == 25


def test_jobs_must_be_a_positive_number():
    p = run_cli("seeds", "--jobs", "0")
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1
    assert "--jobs" in p.stderr and "0" in p.stderr


def test_a_file_over_the_size_limit_is_refused_with_one_line(tmp_path):
    from factlint.engine import MAX_CHARS

    (tmp_path / "archive.txt").write_text("字" * (MAX_CHARS + 1), encoding="utf-8")
    (tmp_path / "ok.txt").write_text("今天天气很好。\n", encoding="utf-8")
    p = run_cli("archive.txt", "ok.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stderr == ("factlint: archive.txt: 文件超过 200 万字，已跳过，请拆分为单篇稿件 "
                        "(more than 2000000 characters, skipped; split it into articles)\n")
    assert json.loads(p.stdout)["summary"]["files"] == 1
