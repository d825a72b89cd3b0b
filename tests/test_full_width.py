"""Beyond the seeds: pages written by us — a government work report, a statistical bulletin and a
county news story in full-width punctuation (，；：（）∶), and a Markdown page — each correct as
written (no finding), and the same page with figures changed (exactly the planted findings)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check, where

DATA = Path(__file__).parent / "data"

PAGES = {
    "gov_report.txt": [
        ("城镇化率42.33%", "城镇化率43.33%", "arithmetic/share", 5,
         "按文中数字计算 215.6万人 / 509.3万人 = 42.33%，与文中的 43.33% 不符"),
        ("占一般公共预算收入的61.1%", "占一般公共预算收入的63.1%", "arithmetic/share", 5,
         "按文中数字计算 52.3亿元 / 85.6亿元 = 61.1%，与文中的 63.1% 不符"),
        ("幼儿园336所", "幼儿园346所", "arithmetic/parts-total", 11,
         "分项相加 3所 + 12所 + 186所 + 668所 + 346所 = 1215所，多于总数 1205所"),
        ("16.8∶30.4∶52.8", "16.8∶30.4∶51.8", "arithmetic/ratio-sum", 3, "构成比各项相加 16.8 + 30.4 + 51.8 = 99，不等于 100"),
    ],
    "bulletin.txt": [
        ("专业公共卫生机构72个", "专业公共卫生机构82个", "arithmetic/parts-total", 3,
         "分项相加 86个 + 2198个 + 82个 = 2366个，多于总数 2356个"),
        ("分别为5家、32家和156家", "分别为5家和156家", "enumeration/respectively", 5, "“分别”前列了 3 项，后面给出 2 个数值"),
        ("2月28日至3月1日", "2月30日至3月1日", "date/impossible", 11, "2月没有30日"),
        ("三是强化督查", "四是强化督查", "enumeration/ordinals", 13, "序号从“二是”跳到“四是”，中间缺了"),
    ],
    # 同比增加1.2万亩 stands between the total and its 其中 list: a change is neither
    "county_news.txt": [
        ("玉米28.3万亩", "玉米29.3万亩", "arithmetic/parts-total", 3,
         "分项相加 29.3万亩 + 12.1万亩 + 5.2万亩 = 46.6万亩，多于总数 45.6万亩"),
        ("分别达到92.3%、61.5%和48.7%", "分别达到92.3%和48.7%", "enumeration/respectively", 7,
         "“分别”前列了 3 项，后面给出 2 个数值"),
        ("二是做好防灾减灾，三是", "二是做好防灾减灾，二是", "enumeration/ordinals", 9, "序号“二是”重复"),
    ],
    # a statistical release: breakdowns opened by 分产业看 / 按经营地分, one part per ；-clause;
    # 增加值 is value added, not an increase; per-head incomes are never summed
    "economy.txt": [
        ("乡村消费品零售额134.4亿元", "乡村消费品零售额144.4亿元", "arithmetic/parts-total", 7,
         "分项相加 652.1亿元 + 144.4亿元 = 796.5亿元，多于总数 786.5亿元"),
        ("第二产业增加值702.4亿元", "第二产业增加值692.4亿元", "arithmetic/parts-total", 3,
         "分项相加 215.6亿元 + 692.4亿元 + 938.3亿元 = 1846.3亿元，少于总数 1856.3亿元"),
        ("转移就业率71.8%", "转移就业率73.8%", "arithmetic/share", 11,
         "按文中数字计算 112万人 / 156万人 = 71.8%，与文中的 73.8% 不符"),
    ],
    # Markdown headings, emphasis, a table, a numbered list and a quote block
    "tourism.md": [
        ("3A级30家", "3A级31家", "arithmetic/parts-total", 20, "分项相加 2家 + 16家 + 31家 = 49家，多于总数 48家"),
        ("三条精品线路", "四条精品线路", "enumeration/count-items", 14, "“四条精品”应有 4 项，前面列出了 3 项"),
        ("3. 优化服务环境", "4. 优化服务环境", "enumeration/ordinals", 16, "序号从“2.”跳到“4.”，中间缺了"),
    ],
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_as_written_has_no_finding(name):
    findings, _ = check(None, {name: (DATA / name).read_text(encoding="utf-8")})
    assert [(f.rule, f.message) for f in findings] == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_planted_figure_is_found_once(name):
    text = (DATA / name).read_text(encoding="utf-8")
    for original, planted, *_ in PAGES[name]:
        assert text.count(original) == 1
        text = text.replace(original, planted)
    findings, docs = check(None, {name: text})
    got = sorted((f.rule, where(docs, f.location)[0], f.message) for f in findings)
    assert got == sorted((rule, line, message) for _, _, rule, line, message in PAGES[name])
