"""Conflicts: the seeds' two real ones found where they are; agreeing repeats and the
"not a conflict" cases (other year, 新增 vs 累计, other subject, overlapping qualifiers) silent."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEEDS, check, line_of, run_cli, seed, where

RULES = ["conflict/within-document", "conflict/across-documents"]


def _seeds():
    return {str(p): p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_conflicts_found_at_their_lines():
    findings, docs = check(RULES, _seeds())
    got = [(f.rule, f.severity, where(docs, f.location), [where(docs, r) for r in f.related]) for f in findings]
    l001, c001 = line_of(seed("001"), "9346.07万元")
    l000, c000 = line_of(seed("000"), "9316万元")
    l18, c18 = line_of(seed("004"), "18个家庭获市级表彰")
    l109, c109 = line_of(seed("004"), "109个家庭获市级表彰")
    assert got == [
        ("conflict/across-documents", "warning", (l001, c001), [(l000, c000)]),
        ("conflict/within-document", "error", (l18, c18), [(l109, c109)]),
    ]
    assert findings[0].message.startswith("“投入款物”与《从“五型红会”看乌蒙温度")
    assert findings[0].evidence["stated"] == "9346.07万元" and findings[0].evidence["other"] == "9316万元"
    assert findings[1].message == "“家庭获市级表彰”前后数值不一致：此处为 18个，前文为 109个"


@pytest.mark.parametrize("text", [
    # agreeing repeats in the seeds
    "目前,永善县在长三角务工就业人员有5.36万人,其中有党员426名。据了解,在浙江的426名流动党员主要分布在台州、嘉兴等地。为在长三角地区务工的426名永善籍流动党员提供平台。",
    "五年来累计建立红十字基层组织382个。全市累计建立红十字基层组织382个,实现全覆盖。",
    # 2.78万 and 27800 agree
    "截至目前,已培养持证救护员2.78万名。截至目前,已培养持证救护员27800名。",
    # qualifiers that overlap: 20余万 and 23万
    "积极争取社会力量支持共计20余万元。积极争取社会力量支持共计23万元。",
    # different years
    "2023年,全县开展家庭教育活动128场次。2022年,全县开展家庭教育活动96场次。",
    # new vs cumulative
    "截至目前,累计培养持证救护员2.78万名。今年新增持证救护员4390名。",
    # different subjects
    "巧家县村级集体经济增收180余万元。盐津县村级集体经济增收1200万元。",
    # parallel items sharing an attribute word in one sentence
    "大型水电站白鹤滩水电站1座,装机容量1600万千瓦(云南侧800万千瓦),32座中小型水电站,装机容量80.6万千瓦。",
    # growth rates of different figures
    "全年粮食总产量95.6万吨,比上年增长2.1%。全市共接待游客4580万人次,比上年增长15.2%。",
    # a breakdown: the sub-populations keep their qualifiers in the metric
    "全市居民人均可支配收入26512元，同比增长6.1%。按常住地分，城镇居民人均可支配收入38965元，增长5.3%；"
    "农村居民人均可支配收入15872元，增长7.2%。",
    # a target beside last year's actual
    "去年全市城镇新增就业2.3万人。今年主要预期目标是城镇新增就业2.5万人以上。",
    "全市城镇新增就业2.3万人,力争明年城镇新增就业2.5万人。",
    # a rate beside a total
    "年均带动村级集体经济增收1200万元。实现村级集体经济增收180余万元。",
])
def test_not_a_conflict(text):
    findings, _ = check(RULES, {"a.txt": text})
    assert findings == []


def test_two_counties_each_writing_quanxian():
    a = "永善县教育工作纪实\n\n近年来，永善县持续加大教育投入。全县共有中小学校156所，在校学生8.2万人。"
    b = "巧家县教育工作纪实\n\n近年来，巧家县持续加大教育投入。全县共有中小学校142所，在校学生7.6万人。"
    assert check(RULES, {"a.txt": a, "b.txt": b})[0] == []
    c = "永善县教育新貌\n\n近年来，永善县持续加大教育投入。全县共有中小学校158所，在校学生8.2万人。"
    findings, _ = check(RULES, {"a.txt": a, "c.txt": c})
    assert [f.message for f in findings] == ["“中小学校”与《永善县教育工作纪实》中的数值不一致：此处为 158所，彼处为 156所"]


def test_not_a_conflict_across_periods_of_a_year():
    a = "2023年国民经济和社会发展统计公报\n\n全市经济平稳增长。规模以上工业增加值增长6.5%，全年粮食产量95.6万吨。"
    b = "前三季度我市经济运行稳中向好\n\n前三季度，全市经济稳中向好。全市规模以上工业增加值同比增长7.1%，消费持续回暖。"
    assert check(RULES, {"a.txt": a, "b.txt": b})[0] == []


def test_not_a_conflict_across_years():
    a = "2023年,全市共投入款物9346.07万元,帮扶群众158万人次。"
    b = "2022年,全市共投入款物9316万元,帮扶群众150万人次。"
    findings, _ = check(RULES, {"a.txt": a, "b.txt": b})
    assert findings == []


def test_strict_matching_needs_written_scope_and_subject():
    from dataclasses import replace

    from factlint.engine import check_texts
    from factlint.rules import load_rules

    rule = next(r for r in load_rules() if r.id == "conflict/across-documents")
    strict = replace(rule, options=replace(rule.options, match="strict"))
    texts = _seeds()
    assert [f.rule for f in check_texts([rule], texts)[0]] == ["conflict/across-documents"]
    assert check_texts([strict], texts)[0] == []  # 9346.07万元's sentence writes no time scope


def test_full_width_text():
    findings, _ = check(RULES, {"a.txt": "组织动员22340余个家庭参与“书香家庭”亲子阅读活动，109个家庭获市级表彰，18个家庭获市级表彰；"})
    assert [f.rule for f in findings] == ["conflict/within-document"]


def test_partial_run_sees_the_corpus_and_reports_only_the_given_file(tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    (tmp_path / "factlint.toml").write_text('corpus = ["articles"]\n', encoding="utf-8")
    draft = corpus / seed("001").name
    p = run_cli(str(draft.relative_to(tmp_path)), "--format", "json", "--select", "conflict", cwd=tmp_path)
    report = json.loads(p.stdout)
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [
        ("conflict/across-documents", f"articles/{seed('001').name}")]
    assert report["findings"][0]["related"][0]["path"] == f"articles/{seed('000').name}"
    assert report["summary"]["files"] == 1 and report["summary"]["corpus_files"] == 4
    assert (tmp_path / ".factlint" / "cache.sqlite").exists()
    # the other side: checking only 000 reports the same pair at 000's figure
    p = run_cli(f"articles/{seed('000').name}", "--format", "json", "--select", "conflict", cwd=tmp_path)
    (f,) = json.loads(p.stdout)["findings"]
    assert f["path"] == f"articles/{seed('000').name}" and f["related"][0]["path"] == f"articles/{seed('001').name}"
    # warm cache gives the same answer; --no-cache too
    assert json.loads(run_cli(f"articles/{seed('000').name}", "--format", "json", "--select", "conflict",
                              cwd=tmp_path).stdout)["findings"] == [f]
    assert json.loads(run_cli(f"articles/{seed('000').name}", "--format", "json", "--select", "conflict",
                              "--no-cache", cwd=tmp_path).stdout)["findings"] == [f]


def test_cache_is_rebuilt_when_a_file_changes(tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    (tmp_path / "factlint.toml").write_text('corpus = ["articles"]\n', encoding="utf-8")
    args = (f"articles/{seed('000').name}", "--format", "json", "--select", "conflict")
    assert len(json.loads(run_cli(*args, cwd=tmp_path).stdout)["findings"]) == 1
    other = corpus / seed("001").name
    other.write_text(other.read_text(encoding="utf-8").replace("9346.07万元", "9316万元"), encoding="utf-8")
    assert json.loads(run_cli(*args, cwd=tmp_path).stdout)["findings"] == []
