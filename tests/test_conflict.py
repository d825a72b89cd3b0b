"""Conflicts: the seeds' two real ones found where they are; agreeing repeats and the
"not a conflict" cases (other year, 新增 vs 累计, other subject, overlapping qualifiers) silent."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEEDS, check, line_of, run_cli, seed, where

RULES = ["conflict/within-document", "conflict/across-documents"]
ALL = RULES + ["conflict/restatement"]


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


# ---------------------------------------------------------------- issue 13: context, roles, restatements
# Real sentences from the corpus (../shared/corpus), each beside its planted-error twin.

REPORT_2011 = ("2011年国务院政府工作报告\n——2011年3月5日在第十一届全国人民代表大会第四次会议上\n各位代表：\n"
               "一、“十一五”时期国民经济和社会发展的回顾\n五年来，城镇新增就业5771万人。\n"
               "二、“十二五”时期的主要目标和任务\n五年城镇新增就业4500万人，城镇登记失业率控制在5%以内。\n"
               "三、2011年的工作\n2011年，是“十二五”开局之年。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，"
               "城镇新增就业1168万人。\n今年城镇新增就业900万人，城镇登记失业率控制在4.6%以内。")


def _facts(text: str):
    from factlint.document import Document
    from factlint.extract import extract

    return extract(Document("a.txt", text))


def _figures(text: str) -> list[tuple[str, str, str, str]]:
    return [(q.figure.text, q.role, q.period, q.zone) for q in _facts(text).measurements()]


def test_context_who_when_and_parts_of_a_work_report():
    facts = _facts(REPORT_2011)
    (art,) = facts.context.articles
    assert (art.who, art.year, art.review_year, art.published, art.genre) == ("全国", 2011, 2010, "2011-03-05", "report")
    assert _figures(REPORT_2011) == [
        ("5771万人", "cumulative", "2006-2010", "lead"),  # the previous five years' result
        ("五年", "target", "2011-2015", "body"),
        ("4500万人", "target", "2011-2015", "body"),  # the five-year target (P4)
        ("5%", "target", "2011-2015", "body"),
        ("10.3%", "change", "2010", "body"),  # 过去一年 opens the paragraph: last year's result
        ("1168万人", "actual", "2010", "body"),
        ("900万人", "target", "2011", "body"),  # this year's target: never compared with 2010's 1168万人
        ("4.6%", "target", "2011", "body"),
    ]
    assert check(ALL, {"a.txt": REPORT_2011})[0] == []


@pytest.mark.parametrize("who,title", [
    ("某省", "某省2026年政府工作报告"),
    ("全国", "2006年国务院政府工作报告"),
    ("昭通市红十字会", "从“五型红会”看乌蒙温度\n——昭通市红十字会党建引领人道事业跨越式发展工作纪实"),
    ("大庆市", "2012年大庆市国民经济和社会发展统计公报"),
])
def test_context_who(who, title):
    assert _facts(title + "\n全年城镇新增就业4.46万人，比上年减少0.04万人。").context.articles[0].who == who


def test_context_dateline_gives_the_year():
    art = _facts("2007年国务院政府工作报告\n新华社北京２００７年３月１７日电\n政府工作报告\n各位代表：").context.articles[0]
    assert (art.published, art.year, art.review_year) == ("2007-03-17", 2007, 2006)


@pytest.mark.parametrize("written", ["1-11月", "1—11月", "1至11月", "前11个月", "1月至11月", "前十一个月"])
def test_one_period_many_notations(written):
    from factlint.metrics import period_key

    assert period_key(written, 2025, 2024, "") == "2025:1-11"
    assert period_key("截至10月底", 2025, 2024, "") == "2025:to10"
    assert period_key("前三季度", 2025, 2024, "") == period_key("1—9月份", 2025, 2024, "") == "2025:1-9"


@pytest.mark.parametrize("sentence,roles", [
    # from→to pairs (P19) and a part of a stated whole
    ("银川市将水电气暖网市政报装接入申请材料从35项精简为4项，接入环节从11个优化为2个。", ["from", "to", "from", "to"]),
    ("进入近12个月榜单排名的96只产品里有41只超过私募平均回报。", ["actual", "whole", "part"]),
    ("城乡市场繁荣，全社会消费品零售总额从1997年的2.73万亿元增加到2002年的4.1万亿元，平均每年实际增长10.5%。",
     ["from", "to", "average"]),
    ("全市实现社会消费品零售总额290亿元，同比增长5%。", ["actual", "change"]),
])
def test_roles(sentence, roles):
    assert [r for _, r, _, _ in _figures(sentence)] == roles


def test_growth_takes_the_metric_of_its_level():
    facts = _facts("全市地方财政收入完成43.7亿元，同比增长19.8%。")
    assert [q.metric for q in facts.measurements()] == ["地方财政收入", "地方财政收入"]


def test_respectively_binds_names_to_values():
    facts = _facts("10月份，城八区中租金上涨比较突出的有西城、朝阳和丰台三个区，环比分别增长15.3%、14.4%和26.2%。")
    assert [(q.figure.text, q.subject) for q in facts.measurements() if q.kind == "percent"] == [
        ("15.3%", "西城"), ("14.4%", "朝阳"), ("26.2%", "丰台")]


def _messages(texts: dict[str, str], rules=ALL) -> list[tuple[str, int, str]]:
    findings, docs = check(rules, texts)
    return [(f.rule, where(docs, f.location)[0], f.message) for f in findings]


QUAKE = "阿富汗北部地震致27人死亡730多人受伤\n阿富汗北部胡勒姆地区3日凌晨发生里氏6.4级地震。据阿富汗媒体3日报道，地震已造成27人死亡、730多人受伤，约800间房屋受损。"


def test_headline_vs_body():
    assert _messages({"a.txt": QUAKE}) == []
    assert _messages({"a.txt": QUAKE.replace("地震已造成27人", "地震已造成37人")}) == [
        ("conflict/restatement", 2, "“地震造成”与标题数值不一致：此处为 37人，标题为 27人")]


SECTION = ("大庆市经济运行开局良好\n一、经济运行基本特点\n（六）地方财政收入增速达到19.8%。\n"
           "全市地方财政收入完成43.7亿元，同比增长19.8%。公共财政收入完成42.1亿元，同比增长21.4%。\n（七）“两价”指数一涨一落。\n")


def test_heading_vs_its_section():
    assert _messages({"a.txt": SECTION}) == []
    assert _messages({"a.txt": SECTION.replace("同比增长19.8%", "同比增长18.9%")}) == [
        ("conflict/restatement", 4, "“地方财政收入”与小标题数值不一致：此处为 18.9%，小标题为 19.8%")]


LEAD = ("北京租赁市场热度不减(图)晨报讯(记者 王丽娅) 近日来，记者从京城多家大型房介了解到，租赁市场比往年同期都活跃，延续租赁热。"
        "缘由是需求不断提升，其中西城、朝阳和丰台三个区10月份的商品房租金涨幅最大、环比分别增长了15.3%、14.4%和26.2%。"
        "据统计，今年前9个月，我国共增加房产相关网站约20000家。10月份，城八区中租金上涨比较突出的有西城、朝阳和丰台三个区，"
        "环比分别增长15.3%、14.4%和26.2%。")


def test_lead_vs_later_paragraph_of_a_one_line_article():
    assert _messages({"a.txt": LEAD}) == []
    assert _messages({"a.txt": LEAD.replace("环比分别增长15.3%、14.4%", "环比分别增长15.3%、17.4%")}) == [
        ("conflict/restatement", 1, "“环比”与导语数值不一致：此处为 17.4%，导语为 14.4%")]


GLOSSARY = ("2012年国务院政府工作报告\n一、2011年工作回顾\n各级财政对城镇居民医保和新农合的补助标准由每人每年120元提高到200元。\n"
            "二、2012年主要任务\n城镇居民医保和新农合补助标准提高到每人每年240元。\n附注：\n"
            "5、城镇居民医保：全称城镇居民基本医疗保险。2011年政府补助标准达到每人每年200元，参保人数达到2．2亿。\n"
            "6、新农合：全称新型农村合作医疗。2011年，新农合参保人数达到8．32亿，参合率超过96%。2011年政府补助标准达到每人每年200元。")


def test_glossary_note_vs_body():
    # two notes share their wording (P5), and the 2012 target of 240元 is another year's
    assert _messages({"a.txt": GLOSSARY}) == []
    assert _messages({"a.txt": GLOSSARY.replace("超过96%。2011年政府补助标准达到每人每年200元", "超过96%。2011年政府补助标准达到每人每年240元")}) == [
        ("conflict/restatement", 8, "注释与正文数值不一致：注释为 240元，正文为 200元")]


TARGETS = ("2008年国务院政府工作报告\n二、2008年主要任务\n今年国民经济和社会发展的预期目标是：国内生产总值增长8%左右；"
           "居民消费价格总水平涨幅控制在4.8%左右；城镇新增就业1000万人。\n"
           "提出居民消费价格总水平涨幅控制在4.8%左右，主要是由于去年价格上涨对今年价格的翘尾影响较大。")


def test_one_target_stated_twice():
    assert _messages({"a.txt": TARGETS}) == []
    assert _messages({"a.txt": TARGETS.replace("提出居民消费价格总水平涨幅控制在4.8%", "提出居民消费价格总水平涨幅控制在4.5%")}) == [
        ("conflict/restatement", 4, "同一目标“价格水平涨幅控制”前后数值不一致：此处为 4.5%左右，前文为 4.8%左右")]


MILK = ("南山奶粉５批次含强致癌物　光明奶油上“黑榜”\n信息时报讯　（记者　何小敏）南山奶粉５批次含强致癌物！前日深夜，"
        "广州市工商局在官网公布了抽检结果。本次共抽取样品１２３１批次。工商部门表示，共抽检该品牌奶粉５个批次，结果全部含有强致癌性物质。")


def test_a_figure_pointing_back_with_gai():
    assert _messages({"a.txt": MILK}) == []
    assert _messages({"a.txt": MILK.replace("该品牌奶粉５个", "该品牌奶粉６个")}) == [
        ("conflict/restatement", 2, "“批次”与标题数值不一致：此处为 ６个，标题为 ５批次")]


@pytest.mark.parametrize("text", [
    # a total split across sections is a breakdown, not a conflict
    "大庆市经济运行开局良好\n一季度全市完成固定资产投资63.8亿元，同比增长6.6%。\n从隶属关系看，中直投资完成6.4亿元，地方投资完成57.4亿元。",
    # a subtotal and its total (市区 is part of 全市)
    "2012年大庆市国民经济和社会发展统计公报\n全市有学前教育机构565所，其中民办早教机构15所。市区有学前教育机构300所（其中幼儿园286所，民办早教机构14所）。",
    # a headline rounding its body down to a threshold (P14)
    "前10个月国家电网绿电交易超2000亿千瓦时\n记者从国家电网了解到，今年前10个月，国家电网经营区内绿电交易量达到2026亿千瓦时。",
    # the lead's funds being issued now vs this week's new funds: no period written, not the same set
    "19只新基金扎堆发行发行规模与首募规模均呈上升趋势本报讯 (记者 许超声)近期新基金密集发行。统计数据显示，近期新基金发行处于密集期，"
    "若加上本月9日发行的华安强债基金，目前正在发行期的基金将达到19只，有2只指数型基金和12只偏股型基金，另有5只债券型基金。"
    "统计显示，截至今天，2009年公告结束募集的基金共有7只。分别为3只偏股型基金，2只债券型基金，保本和货币基金各1只。",
])
def test_not_a_restatement(text):
    assert _messages({"a.txt": text}) == []


def test_across_documents_needs_the_same_place_and_period():
    a = "某省2026年政府工作报告\n一、2025年工作回顾\n城镇新增就业68.5万人，城镇调查失业率5.1%。"
    b = "另一省2026年政府工作报告\n一、2025年工作回顾\n城镇新增就业52.3万人，城镇调查失业率5.0%。"
    assert _messages({"a.txt": a, "b.txt": b}) == []  # two provinces
    c = "某省2027年政府工作报告\n一、2026年工作回顾\n城镇新增就业52.3万人，城镇调查失业率5.0%。"
    assert _messages({"a.txt": a, "c.txt": c}) == []  # the same province, another year
    d = "某省2026年政府工作报告摘要\n一、2025年工作回顾\n全年城镇新增就业58.5万人。"
    assert _messages({"a.txt": a, "d.txt": d}) == [
        ("conflict/across-documents", 3, "“城镇就业”与《某省2026年政府工作报告 一、2025年工作回顾》中的数值不一致：此处为 58.5万人，彼处为 68.5万人")]


# ---------------------------------------------------------------- issue 13 point 6: bounds

BOUNDS = ["conflict/bounds"]
RED_CROSS_A = "从“五型红会”看乌蒙温度\n——昭通市红十字会党建引领人道事业跨越式发展工作纪实\n截至目前,累计培训持证救护员5.2万人。"
RED_CROSS_B = "砥砺奋进 担当作为\n——昭通市红十字会五年工作纪实\n五年来,新增培训持证救护员4.1万人。"


def test_to_date_total_not_below_a_sub_period():
    assert _messages({"a.txt": RED_CROSS_A, "b.txt": RED_CROSS_B}, BOUNDS) == []
    assert _messages({"a.txt": RED_CROSS_A.replace("5.2万人", "3.2万人"), "b.txt": RED_CROSS_B}, BOUNDS) == [
        ("conflict/bounds", 3, "累计数“持证救护员”3.2万人少于其中一段时间的新增数 4.1万人")]
    # another organisation's 新增 is not a part of this total
    other = RED_CROSS_B.replace("昭通市红十字会", "曲靖市红十字会")
    assert _messages({"a.txt": RED_CROSS_A.replace("5.2万人", "3.2万人"), "b.txt": other}, BOUNDS) == []


COMMUNIQUE = ("2012年大庆市国民经济和社会发展统计公报\n全市有学前教育机构565所，在园幼儿53641人。"
              "市区有学前教育机构300所，在园幼儿30294人。四县有学前教育机构265所，在园幼儿23347人。")


def test_whole_not_below_its_part():
    assert _messages({"a.txt": COMMUNIQUE}, ALL + BOUNDS) == []
    assert _messages({"a.txt": COMMUNIQUE.replace("机构565所", "机构265所")}, BOUNDS) == [
        ("conflict/bounds", 2, "“学前教育机构”全部数 265所 少于其中一部分 300所")]


def test_running_total_does_not_shrink_between_reports():
    a = "昭通市红十字会工作纪实\n新华社昆明2023年5月8日电\n截至目前,累计投入款物9316万元。"
    b = "昭通市红十字会五年工作纪实\n新华社昆明2024年5月8日电\n截至目前,累计投入款物9346.07万元。"
    assert _messages({"a.txt": a, "b.txt": b}, ALL + BOUNDS) == []  # dated apart: not an equality
    assert _messages({"a.txt": a, "b.txt": b.replace("9346.07万元", "9016万元")}, ALL + BOUNDS) == [
        ("conflict/bounds", 3, "累计数“投入款物”9016万元比更早稿件中的 9316万元 还少")]


def test_facts_json_lists_each_documents_context():
    from factlint.report.facts import documents

    (doc,) = documents([_facts(REPORT_2011)])
    assert doc["articles"] == [{"who": "全国", "year": 2011, "review_year": 2010, "published": "2011-03-05",
                                "genre": "report", "frame": "", "line": 1}]
    assert doc["parts"] == [{"part": "review5", "line": 4}, {"part": "plan5", "line": 6}, {"part": "targets", "line": 8}]


STORAGE = ("分区域来看，华北地区已投运的新型储能装机规模全国最大，占比达到30.4%；其次为西北地区，占到全国的26.1%；"
           "第三是华东地区，已投运的新型储能装机规模占到全国的16.1%。")


def test_ranking_told_in_words_against_its_figures():
    assert _messages({"a.txt": STORAGE}, ["conflict/ranking"]) == []
    assert _messages({"a.txt": STORAGE.replace("全国的26.1%", "全国的36.1%")}, ["conflict/ranking"]) == [
        ("conflict/ranking", 1, "排序与数值不符：前文称“最大”为 30.4%，其次却为 36.1%")]
    assert _messages({"a.txt": STORAGE.replace("全国的16.1%", "全国的28.1%")}, ["conflict/ranking"]) == [
        ("conflict/ranking", 1, "排序与数值不符：第三为 28.1%，超过排在前面的 26.1%")]


def test_comparison_base_is_not_the_figures_period():
    # 比2019年1—11月份增长41.3%: 2019 is the base of the comparison, the 41.3% is of this year's 1—11月
    from factlint.metrics import period_scope
    s = "1—11月份，全国规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%，比2019年1—11月份增长41.3%，两年平均增长18.9%。"
    assert period_scope(s, s.index("41.3%")) == "1—11月份"
    assert period_scope(s, s.index("18.9%")) == "1—11月份"
    s = "全年地区生产总值100亿元，比上年增长8.0%。"
    assert period_scope(s, s.index("8.0%")) == "全年"


def test_restatement_unknown_year_is_the_headlines():
    # the headline names 2021年1—11月, the lead only 1—11月份: one period, so the lead's 38.0% agrees with it
    # and the lead's two-year average is compared with the headline's
    head = "2021年1—11月份全国规模以上工业企业利润同比增长38.0% 两年平均增长18.9%\n\n"
    lead = "1—11月份，全国规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%，比2019年1—11月份增长41.3%，两年平均增长{}。\n\n"
    body = "1—11月份，股份制企业实现利润总额57618.9亿元，增长44.0%。\n"
    assert check(["conflict/restatement"], {"a.txt": head + lead.format("18.9%") + body})[0] == []
    found, _ = check(["conflict/restatement"], {"a.txt": head + lead.format("19.8%") + body})
    assert [f.message for f in found] == ["“平均”与标题数值不一致：此处为 19.8%，标题为 18.9%"]


def test_abbreviated_growth_is_a_change_not_a_metric():
    # 同增 = 同比增长: the lead's 外贸 growth and the body's 民营企业 growth are not one metric "同增"
    text = ("1-8月江苏外贸同增17.1%\n\n据南京海关9月17日通报，1-8月江苏省外贸进出口值32878.4亿元，同增17.1%，"
            "占中国进出口总值的13.3%。\n\n与之对应的是，1-8月，江苏省民营企业进出口12315.2亿元，同增28.1%，"
            "占外贸总值的37.5%，同比提高3.3个百分点。\n")
    assert check(["conflict/restatement", "conflict/within-document"], {"a.txt": text})[0] == []
