"""Dates: impossible dates, chronology, spans past the publication date — seeds pass, planted errors fail."""
from __future__ import annotations

import pytest

from conftest import check, line_of, plant, run_json, seed, seed_findings, where

RULES = ["date/impossible", "date/chronology", "date/span", "date/age", "date/event-order",
         "date/after-document-date", "date/day-count"]


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
    code, report = run_json(str(seed("004")), "--select", "date/span", "--date", "2020-06-01")
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


def _found(rule_ids, text):
    """(rule, message, flagged text) of every finding on one in-memory document."""
    findings, docs = check(rule_ids, {"a.txt": text})
    doc_text = docs["a.txt"].text
    return [(f.rule, f.message, doc_text[f.location.span.start:f.location.span.end]) for f in findings]


# 018: a government report converted from PDF writes its dates with spaces
HONGZE = "报告中所列数据统计期限自2023 年1 月1 日起至2023 年12 月31 日止。如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系。"


def test_date_written_with_spaces():
    assert _found(["date/impossible"], HONGZE) == []
    assert _found(["date/impossible"], HONGZE.replace("12 月31 日", "11 月31 日")) == [
        ("date/impossible", "11月只有30天，没有11月31日", "2023 年11 月31 日")]


# 035: 2009年11月22日 was a Sunday; 当天 is the last date the paragraph named
WENXIAN = ("2009年11月22日，中国质量万里行记者在知情人的指引下来到了温县职业中等专业学校。"
           "“这里就是子夏中学，现在租给了温县职业中专。”由于当天是周日，学校放假，记者试图联系学校的相关管理人员和教师未果。")


def test_weekday_of_that_day():
    assert _found(["date/impossible"], WENXIAN) == []
    assert _found(["date/impossible"], WENXIAN.replace("当天是周日", "当天是周六")) == [
        ("date/impossible", "“当天”是2009年11月22日，那天是星期日，文中写作周六", "当天是周六")]
    # without a year there is no weekday to know
    assert _found(["date/impossible"], WENXIAN.replace("2009年11月22日", "11月22日").replace("周日", "周六")) == []
    # the last date named is only a month: 当天 is not a day we know
    text = WENXIAN.replace("学校。", "学校，该校2009年10月曾停课。").replace("周日", "周六")
    assert _found(["date/impossible"], text) == []


def test_dates_in_chinese_numerals():
    # 036: the year's 〇 was damaged in the source; the month and day alone are a possible date
    audit = "北京奥运会财务收支和奥运场馆建设项目跟踪审计结果(二??九年六月十九日公告)为落实党中央、国务院“廉洁办奥运、节俭办奥运”的要求"
    assert _found(["date/impossible"], audit) == []
    assert _found(["date/impossible"], audit.replace("二??九年六月十九日", "二〇〇九年六月三十一日")) == [
        ("date/impossible", "6月只有30天，没有6月31日", "二〇〇九年六月三十一日")]
    assert _found(["date/impossible"], audit.replace("二??九年六月十九日", "二〇〇九年二月二十九日")) == [
        ("date/impossible", "2009年不是闰年，没有2月29日", "二〇〇九年二月二十九日")]
    assert _found(["date/impossible"], "二〇〇九年六月十九日（星期五）公告") == []
    assert _found(["date/impossible"], "二〇〇九年六月十九日（星期六）公告") == [
        ("date/impossible", "二〇〇九年六月十九日是星期五，文中写作星期六", "二〇〇九年六月十九日")]


# 024: the opening ceremony of the 15th National Games
GAMES = ("20时，第十五届全运会开幕式正式开始。伴随《歌唱祖国》的昂扬旋律，仪仗兵护卫着鲜艳的五星红旗健步走入体育场。"
         "20时43分，习近平宣布：中华人民共和国第十五届运动会开幕！11月2日，第十五届全运会火炬在粤港澳三地同步传递。"
         "21时27分，第十五届全运会开幕式在主题歌《天海一心》掀起的热烈气氛中圆满结束。")


def test_event_ends_before_it_began():
    assert _found(["date/event-order"], GAMES) == []
    assert _found(["date/event-order"], GAMES.replace("21时27分", "19时27分")) == [
        ("date/event-order", "第十五届全运会开幕式20时开始，结束时刻19时27分却更早", "19时27分")]
    # the day may change: past midnight, or an event that lasts days with a date between
    assert _found(["date/event-order"], GAMES.replace("21时27分", "次日凌晨1时27分")) == []
    games = "20时，第十五届全运会正式开幕。11月21日，比赛全部完成。19时27分，第十五届全运会在广州闭幕。"
    assert _found(["date/event-order"], games) == []
    # only one of the times says its half of the day
    assert _found(["date/event-order"], "晚8时，文艺晚会正式开始。10时，文艺晚会圆满结束。") == []
    assert _found(["date/event-order"], "晚8时，文艺晚会正式开始。晚7时，文艺晚会圆满结束。") == [
        ("date/event-order", "文艺晚会晚8时开始，结束时刻晚7时却更早", "晚7时")]


# 077: a donation drive reported as of 6月7日, in its headline and in the body
SHOES = ("“送双运动鞋”公示：截止６月７日８所学校已受捐\n"
         "“给孩子送双运动鞋”公益行动官网自５月２８日正式上线以来，受到网友的极大关注，大家纷纷通过多种捐赠形式进行认捐。"
         "已募集善款７０余万截止到６月７日下午１８：３０，共有７４０１位网友捐款。\n")


def test_past_step_after_the_date_the_text_reports_at():
    rule = ["date/after-document-date"]
    assert _found(rule, SHOES) == []
    assert _found(rule, SHOES.replace("５月２８日", "６月２８日")) == [
        ("date/after-document-date",
         "“自６月２８日正式上线以来”说的是已发生的事，日期却晚于同一叙述的截至日期６月７日", "６月２８日")]
    # the headline alone dates the article
    body_only = SHOES.replace("已募集善款７０余万截止到６月７日下午１８：３０，", "").replace("５月２８日", "６月２８日")
    assert _found(rule, body_only) == [
        ("date/after-document-date",
         "“自６月２８日正式上线以来”说的是已发生的事，日期却晚于标题中的截至日期６月７日", "６月２８日")]
    # a yearless start long after the as-of date is more likely last year's: unknown stays unknown
    assert _found(rule, SHOES.replace("５月２８日", "１２月２８日").replace("６月７日", "１月７日")) == []
    # 025: a rule announced to take effect later is a plan, not a past step
    plan = ("近日，水利部制定发布《河湖管理范围划定技术规范》，对保障防洪安全意义重大，将于2026年1月28日起实施。")
    assert _found(rule, plan) == []
    assert _found(rule, plan + "截至2025年11月12日，已有12个省份开展试点。") == []


def test_past_step_after_the_configured_publication_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("该规范已于2026年1月28日起实施，各地陆续开展河湖管理范围划定。\n", encoding="utf-8")
    code, report = run_json(str(f), "--select", "date", "--date", "2025-11-12")
    assert [x["message"] for x in report["findings"]] == [
        "“已于2026年1月28日”说的是已发生的事，日期却晚于配置的发布日期2025-11-12"]
    code, report = run_json(str(f), "--select", "date", "--date", "2026-02-01")
    assert report["findings"] == []


# 022 and 021: the US government shutdown from 10月1日, on a transcript dated 11月6日
SHUTDOWN = ("本台今天（11月6日）播发央视快评《高标准建设海南自由贸易港》。\n"
            "6日，美国联邦政府“停摆”进入创纪录的第37天。美国交通部长达菲表示，如果“停摆”持续，交通部将从7日开始削减全美40座繁忙机场10%的运输量。"
            "自10月1日美国联邦政府“停摆”以来，作为“必要人员”的空中交通管制员短缺情况不断恶化。\n")


def test_day_count_from_the_start_date():
    assert _found(["date/day-count"], SHUTDOWN) == []
    assert _found(["date/day-count"], SHUTDOWN.replace("第37天", "第39天")) == [
        ("date/day-count", "自10月1日起算，11月6日是第37天，文中为“第39天”", "第39天")]
    # without the transcript's own date, 6日 has no month
    assert _found(["date/day-count"], SHUTDOWN.replace("本台今天（11月6日）", "本台今天").replace("第37天", "第39天")) == []
    today = "自10月1日美国联邦政府“停摆”以来，多个部门暂停运转。美国联邦政府“停摆”今天（11月4日）进入第35天，追平纪录。"
    assert _found(["date/day-count"], today) == []
    assert _found(["date/day-count"], today.replace("第35天", "第34天")) == []  # counted from day 0
    assert _found(["date/day-count"], today.replace("第35天", "第33天")) == [
        ("date/day-count", "自10月1日起算，11月4日是第35天，文中为“第33天”", "第33天")]


def test_lunar_dates_and_other_days_are_left_alone():
    assert _found(["date/impossible"], "今年农历二月三十日，村里举行了庙会。") == []
    assert _found(["date/impossible"], "今年2月30日，村里举行了庙会。") == [
        ("date/impossible", "2月没有30日", "2月30日")]
    # 当天 after 23日 is the 23rd, not the 22nd named before it
    text = WENXIAN.replace("“这里就是", "23日，记者再次来到学校。“这里就是").replace("周日", "周一")
    assert _found(["date/impossible"], text) == []


def test_years_alone_are_not_a_span_closed_by_a_later_sentence():
    text = "自2009年以来，全市新增就业岗位2.1万个。截至2008年底，全市共有各类企业3200家。"
    assert _found(["date/after-document-date"], text) == []


def test_weekday_of_a_date_without_year_in_a_dated_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("11月22日（周日），中国质量万里行记者来到温县职业中等专业学校。\n", encoding="utf-8")
    assert run_json(str(f), "--select", "date", "--date", "2009-11-30")[1]["findings"] == []
    f.write_text("11月22日（周六），中国质量万里行记者来到温县职业中等专业学校。\n", encoding="utf-8")
    code, report = run_json(str(f), "--select", "date", "--date", "2009-11-30")
    assert [x["message"] for x in report["findings"]] == [
        "按配置的发布日期2009-11-30，2009年11月22日是星期日，文中写作周六"]
    # no date for the article: the year is unknown, so is the weekday
    assert run_json(str(f), "--select", "date")[1]["findings"] == []
    # near the turn of the year either year may be meant: 2008年11月22日 was a Saturday
    assert run_json(str(f), "--select", "date", "--date", "2009-03-01")[1]["findings"] == []


def test_event_times_written_after_the_event():
    text = "全市安全生产工作会议于上午9时开始，市长作工作报告。会议于11时30分结束。"
    assert _found(["date/event-order"], text) == []  # 11时30分 may be morning or night: not compared
    assert _found(["date/event-order"], text.replace("11时30分", "上午8时30分")) == [
        ("date/event-order", "会议上午9时开始，结束时刻上午8时30分却更早", "上午8时30分")]
    text = "座谈会于下午3时开始。座谈会于17时30分结束。"
    assert _found(["date/event-order"], text) == []
    assert _found(["date/event-order"], text.replace("17时30分", "14时30分")) == [
        ("date/event-order", "座谈会下午3时开始，结束时刻14时30分却更早", "14时30分")]


def test_day_count_as_days_lasted():
    lasted = "自10月1日美国联邦政府“停摆”以来，多个部门暂停运转。11月4日，美国联邦政府“停摆”已持续35天。"
    assert _found(["date/day-count"], lasted) == []
    assert _found(["date/day-count"], lasted.replace("持续35天", "持续40天")) == [
        ("date/day-count", "自10月1日起算，11月4日是第35天，文中为“持续40天”", "持续40天")]


def test_weekday_before_the_date_in_brackets():
    text = "2023年，县妇联定于本周二（12月26日）在县城开展讲座。"
    assert _found(["date/impossible"], text) == []
    assert _found(["date/impossible"], text.replace("周二", "周三")) == [
        ("date/impossible", "2023年12月26日是星期二，文中写作周三", "12月26日")]


def test_a_run_of_weekdays_is_not_the_weekday_of_the_date():
    assert _found(["date/impossible"], "自2023年12月26日，周一至周五每天开放，周末闭馆。") == []
    assert _found(["date/impossible"], "由于当天是周一至周五中的工作日，2023年12月26日学校正常上课。") == []


def test_span_uses_the_dateline_before_the_latest_date():
    text = ("县妇联开展心理健康讲座\n新华社昆明2023年3月5日电 自2018年起，永善县妇联连续六年邀请专业心理咨询师开展讲座。"
            "2019年，讲座覆盖全县。\n")
    assert _found(["date/span"], text) == []
    assert _found(["date/span"], text.replace("连续六年", "连续七年")) == [
        ("date/span", "自2018年起连续七年应到2024年，晚于发布年份2023年（依据：文章日期 2023-03-05）", "自2018年起，永善县妇联连续七年")]


def test_spaced_years_are_dates_not_durations():
    from factlint.numbers import scan

    assert [(f.kind, f.text) for f in scan("2023 年，我区在政府网站平台主动公开政府信息1136 条。")] == [
        ("date", "2023 年"), ("quantity", "1136 条")]


def test_leap_day_without_year_in_a_dated_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("2月29日，他在昆明医科大学第二附属医院血液科成功捐献造血干细胞。\n", encoding="utf-8")
    assert run_json(str(f), "--select", "date", "--date", "2024-03-10")[1]["findings"] == []
    assert [x["message"] for x in run_json(str(f), "--select", "date", "--date", "2023-03-10")[1]["findings"]] == [
        "按配置的发布日期2023-03-10，2023年不是闰年，没有2月29日"]
    assert run_json(str(f), "--select", "date")[1]["findings"] == []


def test_year_spans_against_the_article_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("自2009年以来，全市新增就业岗位2.1万个。截至2008年底，主要指标全面完成。\n", encoding="utf-8")
    assert run_json(str(f), "--select", "date", "--date", "2009-12-30")[1]["findings"] == []
    assert [x["message"] for x in run_json(str(f), "--select", "date", "--date", "2008-12-30")[1]["findings"]] == [
        "“自2009年以来”说的是已发生的事，日期却晚于配置的发布日期2008-12-30"]
    assert [x["message"] for x in run_json(str(f), "--select", "date", "--date", "2008-06-30")[1]["findings"]] == [
        "“自2009年以来”说的是已发生的事，日期却晚于配置的发布日期2008-06-30",
        "“截至2008年底”说的是已发生的事，日期却晚于配置的发布日期2008-06-30"]


def test_about_a_time_allows_half_an_hour():
    assert _found(["date/event-order"], "20时许，文艺晚会正式开始。19时50分，文艺晚会圆满结束。") == []
    assert _found(["date/event-order"], "20时许，文艺晚会正式开始。19时10分，文艺晚会圆满结束。") == [
        ("date/event-order", "文艺晚会20时许开始，结束时刻19时10分却更早", "19时10分")]
    assert _found(["date/event-order"], "20时整，文艺晚会正式开始。19时50分，文艺晚会圆满结束。") == [
        ("date/event-order", "文艺晚会20时整开始，结束时刻19时50分却更早", "19时50分")]
