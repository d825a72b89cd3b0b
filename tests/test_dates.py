"""Dates: impossible dates, chronology, spans past the publication date — seeds pass, planted errors fail."""
from __future__ import annotations

import pytest

from conftest import check, line_of, plant, run_json, seed, seed_findings, where

RULES = ["date/impossible", "date/chronology", "date/span", "date/age"]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_date_finding_on_the_seeds(prefix):
    assert seed_findings(prefix, RULES) == []


PLANTED = [
    ("001", "于2022年11月18日", "于2022年11月31日", "date/impossible", "11月只有30天，没有11月31日"),
    ("001", "2023年3月21日下午2时32分", "2023年2月29日下午2时32分", "date/impossible", "2023年不是闰年，没有2月29日"),
    ("001", "2023年3月21日下午2时32分", "2023年3月21日下午14时32分", "date/impossible", "没有“下午14时32分”这个时刻"),
    ("002", "2023年12月14日,", "2023年12月14日(星期五),", "date/impossible", "2023年12月14日是星期四，文中写作星期五"),
    ("001", "登记成为志愿者,2023年12月26日", "登记成为志愿者,随后于2021年12月26日", "date/chronology",
     "按叙述“随后”，2021年12月26日 应晚于 2022年11月18日，实际更早"),
]


@pytest.mark.parametrize("prefix,original,planted,rule,message", PLANTED, ids=[p[2] for p in PLANTED])
def test_planted_error(tmp_path, prefix, original, planted, rule, message):
    findings, docs, f = plant(tmp_path, prefix, original, planted, RULES)
    assert [(x.rule, x.message) for x in findings] == [(rule, message)]
    assert where(docs, findings[0].location)[0] == line_of(f, planted)[0]


def test_span_past_publication_uses_latest_date_or_config(tmp_path):
    text = seed("004").read_text(encoding="utf-8").replace("连续四年邀请", "连续九年邀请")
    f = tmp_path / "004.txt"
    f.write_text(text, encoding="utf-8")
    code, report = run_json(str(f), "--select", "date")
    (finding,) = report["findings"]
    assert finding["message"] == "自2018年起连续九年应到2026年，晚于发布年份2023年（依据：文中最晚的日期“2023年度”）"
    assert finding["line"] == line_of(f, "连续九年邀请")[0]
    code, report = run_json(str(f), "--select", "date", "--date", "2027-01-01")
    assert report["findings"] == []
    code, report = run_json(str(seed("004")), "--select", "date", "--date", "2020-06-01")
    assert [x["message"] for x in report["findings"]] == [
        "自2018年起连续四年应到2021年，晚于发布年份2020年（依据：配置的发布日期 2020-06-01）"]


def test_bad_date_flag():
    from conftest import run_cli

    p = run_cli("seeds/", "--date", "2023-13-01")
    assert p.returncode == 2 and "--date: 日期应为 YYYY-MM-DD" in p.stderr


def test_age_against_birth_date():
    ok = "2023年3月21日下午2时32分,生于2021年10月5日的小女孩,1岁零5个月,永远离开了这个世界。"
    assert check(["date/age"], {"a.txt": ok})[0] == []
    findings, docs = check(["date/age"], {"a.txt": ok.replace("1岁零5个月", "1岁零8个月")})
    assert [f.message for f in findings] == [
        "按文中日期 2023年3月21日，生于2021年10月5日 到那时应为 1岁零5个月，文中为 1岁零8个月"]
    # the seed's 1岁零5个月 has a birth place, not a birth date: nothing to check
    assert check(["date/age"], {"b.txt": "2023年3月21日下午2时32分,出生于盐津县坝坝镇小寨村的1岁零5个月的小女孩"})[0] == []
