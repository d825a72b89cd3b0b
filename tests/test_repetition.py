"""Repetition: copies between articles, sentences repeated in one article, doublings, stock phrases."""
from __future__ import annotations

import json

import pytest

from conftest import SEEDS, check, line_of, run_cli, seed, seed_findings, where


def _seeds():
    return {str(p): p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_copied_clause_between_articles_of_one_page():
    findings, docs = check(["repetition/copied-clause"], _seeds())
    f = next(x for x in findings if "倍增效应" in x.evidence["phrase"])
    assert f.message == "这句话与同版另一篇文章的句子几乎相同（共 1 处）"
    line, col = line_of(seed("000"), "形成了“政府得民心")
    assert where(docs, f.location) == (line, col)
    (r,) = f.related
    assert where(docs, r) == line_of(seed("000"), "形成“政府得民心")
    assert r.note == "《巧家· 多措并举发展壮大村级集体经济》中相同的句子（16字相同）"
    assert f.evidence["article"] == "盐井镇: 党建引领做实劳务输出文章"


def test_official_formulas_are_not_copies():
    a = "全市红十字系统全面贯彻习近平新时代中国特色社会主义思想,增强“四个意识”、坚定“四个自信”、做到“两个维护”,牢牢把握政治方向。"
    b = "昭通市乡村振兴局党组牢固树立“四个意识”,坚定“四个自信”,做到“两个维护”,切实增强政治判断力。"
    c = "深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神。"
    findings, _ = check(["repetition/copied-clause"], {"a.txt": a, "b.txt": b, "c.txt": c})
    assert findings == []


def test_user_formulas_from_config(tmp_path):
    slogan = "锚定“一年有突破、三年强品牌、五年促跨越”工作目标,坚持党建引领。"
    (tmp_path / "a.txt").write_text("昭通市红十字会党组认真落实方案," + slogan, encoding="utf-8")
    (tmp_path / "b.txt").write_text("在未来的发展中,昭通市红十字会将" + slogan, encoding="utf-8")
    report = json.loads(run_cli(".", "--format", "json", "--select", "repetition/copied-clause", cwd=tmp_path).stdout)
    assert len(report["findings"]) == 1
    (tmp_path / "factlint.toml").write_text('formulas = ["一年有突破、三年强品牌、五年促跨越"]\n', encoding="utf-8")
    report = json.loads(run_cli(".", "--format", "json", "--select", "repetition/copied-clause", cwd=tmp_path).stdout)
    assert report["findings"] == []


def test_quoted_slogan_repeated_is_a_citation():
    a = "昭通市红十字会党组认真落实行动方案,锚定“一年有突破、三年强品牌、五年促跨越”工作目标,坚持党建引领。"
    b = "昭通市红十字会将聚焦一年有突破、三年强品牌、五年促跨越的“135”工作目标,围绕中心、服务大局。"
    assert check(["repetition/copied-clause"], {"a.txt": a, "b.txt": b})[0] == []
    # the same words outside quotation marks in both places are a copy
    c = "昭通市红十字会党组认真落实行动方案,锚定一年有突破、三年强品牌、五年促跨越工作目标,坚持党建引领。"
    findings, _ = check(["repetition/copied-clause"], {"b.txt": b, "c.txt": c})
    assert len(findings) == 1


# --- copies between articles and documents ------------------------------------------------

GROWTH_2011 = "城镇居民人均可支配收入和农村居民人均纯收入分别实际增长8.4%和11.4%,居民消费价格上涨5.4%。"
GROWTH_2012 = "城镇居民人均可支配收入和农村居民人均纯收入分别实际增长7.8%和8.5%,居民消费价格上涨5.9%。"


def test_a_template_with_other_figures_is_not_a_copy():
    assert check(["repetition/copied-clause"], {"a.txt": GROWTH_2011, "b.txt": GROWTH_2012})[0] == []
    findings, _ = check(["repetition/copied-clause"], {"a.txt": GROWTH_2011, "b.txt": GROWTH_2011})
    assert [(f.location.path, f.evidence["shared_chars"]) for f in findings] == [("b.txt", 33)]


def test_wording_shared_by_three_documents_is_the_genre():
    s = "坚持把稳定物价总水平作为宏观调控的首要任务,"
    texts = {"a.txt": s + "今年一季度物价回落。", "b.txt": s + "全年物价涨幅得到控制。", "c.txt": s + "粮价保持稳定。"}
    assert check(["repetition/copied-clause"], texts)[0] == []
    del texts["c.txt"]
    assert [f.location.path for f in check(["repetition/copied-clause"], texts)[0]] == ["b.txt"]


ITEM_1 = ("本报讯 (记者 许超声)近期新基金密集发行。与去年众多基金延长募集期不同的是,今年首次出现了提前结束募集的情形。"
          "国泰基金周一发布公告,旗下国泰双利债券基金的募集截止日由原定的3月18日提前到了3月6日。")
ITEM_2 = ("本报讯 (记者赵侠)基金发行再度掀起高潮。此外,与去年众多基金延长募集期不同的是,今年首次出现了提前结束募集的情形。"
          "国泰基金周一宣布,旗下国泰双利债券基金的募集截止日由原定的3月18日提前到3月6日。")


def test_two_reports_of_one_event_share_wording():
    # two 本报讯 items of one file that share two separate passages: one source, not a paste
    assert check(["repetition/copied-clause", "repetition/repeated-sentence"], {"a.txt": ITEM_1 + ITEM_2})[0] == []
    # one shared passage between two items is a copy, reported once at its later place
    one = ITEM_2.split("国泰基金")[0] + "市场人士认为,这一变化值得关注。"
    findings, _ = check(["repetition/copied-clause"], {"a.txt": ITEM_1 + one})
    assert [(f.message, f.location.span.start) for f in findings] == [
        ("这句话与同一文件中另一条消息的句子几乎相同（共 1 处）", len(ITEM_1) + one.index("与去年"))]


def test_argument_order_does_not_change_the_findings():
    texts = {str(p): p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    forward = check(["repetition/copied-clause"], texts)[0]
    backward = check(["repetition/copied-clause"], dict(reversed(list(texts.items()))))[0]
    assert forward == backward and [f.evidence for f in forward] == [f.evidence for f in backward]
    pair = {"b.txt": GROWTH_2011, "a.txt": GROWTH_2011}
    assert [f.location.path for f in check(["repetition/copied-clause"], pair)[0]] == ["b.txt"]


# --- a sentence repeated inside one article ------------------------------------------------

SECTION_4 = "四、固定资产投资\n全市完成房地产开发投资额239亿元，同比增长45.3%。商品房销售面积526.3万平方米，同比增长13%。\n"
SECTION_10 = "十、能源与环境\n生态环境整体优化，污水集中处理率达到92.7%。{}\n"


def test_sentence_pasted_in_another_section():
    text = SECTION_4 + SECTION_10.format("全市完成房地产开发投资额239亿元，同比增长45.3%。")
    findings, docs = check(["repetition/repeated-sentence"], {"a.txt": text})
    (f,) = findings
    assert f.message == "这句话在本文中重复出现（共 2 处）"
    assert where(docs, f.location) == (4, 25) and where(docs, f.related[0]) == (2, 1)
    assert f.evidence["sentence"] == "全市完成房地产开发投资额239亿元，同比增长45.3%"
    assert check(["repetition/repeated-sentence"], {"a.txt": SECTION_4 + SECTION_10.format("")})[0] == []


def test_sentence_pasted_in_a_one_line_article_behind_a_subheading():
    text = ("近四成“80后”每月补贴家用调查显示，38.2%的“80后”每个月都会给父母补贴家用。其中，29.0%每月给1000元以下。"
            "近七成不满意生活水平调查显示，“80后”的幸福感普遍不强。")
    planted = text + "调查显示，38.2%的“80后”每个月都会给父母补贴家用。"
    (f,) = check(["repetition/repeated-sentence"], {"a.txt": planted})[0]
    assert f.location.span.start == len(text)
    assert check(["repetition/repeated-sentence"], {"a.txt": text})[0] == []


@pytest.mark.parametrize("text", [
    # two glossary entries share a clause, and the sentences go on differently
    "城镇居民医保：2011年政府补助标准达到每人每年200元，参保人数达到2．2亿。\n"
    "新农合：2011年，新农合参保人数达到8．32亿。2011年政府补助标准达到每人每年200元，政策范围内的住院费用报销比例达到70%。\n",
    # a labelled abstract repeats the opening
    "豪宅涨声一片摘要：仿佛一夜春风来，黄金周广州城里尽闻豪宅声。天河、番禺和荔湾成为三大领军区域，导致房价多数上涨。"
    "仿佛一夜春风来，黄金周广州城里尽闻豪宅声。天河、番禺和荔湾成为三大领军区域，导致房价多数上涨。",
    # a headline repeated as the opening sentence
    "习近平在广东考察时强调以全面深化改革开放推动高质量发展\n习近平在广东考察时强调以全面深化改革开放推动高质量发展。蔡奇陪同考察。\n",
    # a short stock sentence closing two paragraphs
    "某品牌酵母不合格。目前问题产品已下架。\n另一品牌饼干菌落总数超标。目前问题产品已下架。\n",
    # the penalty a regulation repeats article after article
    "第十条 违反本办法第五条规定，未取得许可擅自经营的，由县级以上人民政府市场监督管理部门责令改正，给予警告，"
    "可以并处五千元以上三万元以下的罚款。\n第十一条 违反本办法第六条规定，未按规定公示信息的，由县级以上人民政府"
    "市场监督管理部门责令改正，给予警告，可以并处五千元以上三万元以下的罚款。\n",
    # a broadcast's summary of the day, then the item
    "今天的主要内容有：\n国家主席习近平4日在北京人民大会堂会见俄罗斯总理米舒斯京。\n习近平会见俄罗斯总理\n"
    "国家主席习近平4日在北京人民大会堂会见俄罗斯总理米舒斯京。习近平指出，中俄关系保持高水平运行。\n",
])
def test_repeats_that_are_not_pastes(text):
    assert check(["repetition/repeated-sentence", "repetition/doubled-phrase"], {"a.txt": text})[0] == []


# --- doublings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述", ["“二十大精神”连写了两次"]),
    ("深入学习党的二十大精神和习近平总书记关于妇女工作重要论述", []),
    ("是我们党的立党之本、执政之基、执政之基、力量之源", ["“执政之基”连写了两次"]),
    ("坚持按劳分配为主体、多种分配方式并存的多种分配方式并存的分配制度", ["“多种分配方式并存的”连写了两次"]),
    ("坚持在开放发展中分享机遇、实现共赢，推进普惠包容的经济全球化，推进普惠包容的经济全球化，构建亚太共同体。",
     ["“推进普惠包容的经济全球化”连写了两次"]),
    ("各方要推进普惠包容的经济全球化，推进普惠包容的经济全球化，构建亚太共同体。", ["“推进普惠包容的经济全球化”连写了两次"]),
    ("奋力攻坚，决战最后两个月，坚决打好全年收官战。决战最后两个月，坚决打好全年收官战。",
     ["“决战最后两个月，坚决打好全年收官战”连写了两次"]),
    # neighbouring words that share characters, and reduplication
    ("中国人民解放军在党中央、中央军委的坚强领导下", []),
    ("加强产品质量安全、安全生产监管", []),
    ("重点整治多头执法、执法不公等问题", []),
    ("加快社会保障、保障性安居工程建设", []),
    ("确保到二〇二〇年实现全面建成小康社会奋斗目标", []),
    ("一代一代人接续奋斗，大家再琢磨琢磨，非常非常好，很好很好", []),
    ("政府、政府控制的大机构和企业", []),
    ("美国、美国的盟友和中国、中国香港", []),
    ("湖北省武汉市武汉市江岸区", ["“武汉市”连写了两次"]),
    ("他曾任办公室副主任、主任", []),
    ("按照“党建带妇建、妇建促党建”的工作思路", []),
    ("传播“急救为人人、人人学急救”理念", []),
    ("第二、第三季度末的的仓位分别为77.32%和79.75%", ["“的”连写了两次"]),
    ("第二、第三季度末的仓位分别为77.32%和79.75%", []),
    ("为了了解学生家庭情况,的的确确做到了,围绕目的的确定,不了了之", []),
    ("会场里一把把椅子摆放整齐,门外传来咚咚咚咚的敲门声", []),
])
def test_doubled_words(text, expected):
    findings, _ = check(["repetition/doubled-phrase", "repetition/doubled-char"], {"a.txt": text})
    assert [f.message for f in findings] == expected


def test_doubled_phrase_in_the_seed_at_its_place():
    findings = seed_findings("004", ["repetition/doubled-phrase"])
    assert [(f.message, f.evidence["match"]) for f in findings] == [("“二十大精神”连写了两次", "二十大精神、二十大精神")]


# --- stock phrases ------------------------------------------------------------------------------

def test_stock_phrase_only_when_close():
    near = "全市新能源产业蓬勃发展，储能、氢能等新业态蓬勃发展，为经济增长注入强劲动力。"
    (f,) = check(["repetition/stock-phrase"], {"a.txt": near})[0]
    assert (f.message, f.severity, f.location.span.start) == ("套话“蓬勃发展”在相邻处用了 2 次", "info", near.rindex("蓬勃发展"))
    far = near.replace("新业态蓬勃发展", "新业态加快成长") + "其他内容。" * 80 + "文化事业蓬勃发展。"
    assert check(["repetition/stock-phrase"], {"a.txt": far})[0] == []
    quoted = "开展“成效显著”单位评比，治理工作成效显著。"
    assert check(["repetition/stock-phrase"], {"a.txt": quoted})[0] == []


def test_stock_phrases_in_the_seeds_sections_apart_are_silent():
    assert seed_findings("000", ["repetition/stock-phrase"]) == []


# --- bounded output on repeated text (issue 17, point 1) ----------------------------------------

def test_text_repeated_two_thousand_times_is_reported_once_per_passage():
    text = "标题\n" + "工作落地见效。" * 2000 + "\n"
    findings, _ = check(["repetition/doubled-phrase", "repetition/stock-phrase", "repetition/repeated-sentence",
                         "repetition/copied-clause"], {"a.txt": text})
    assert [(f.rule, f.message, len(f.related), f.evidence.get("places_listed")) for f in findings] == [
        ("repetition/doubled-phrase", "“工作落地见效”连写了2000次", 5, 5),
        ("repetition/stock-phrase", "套话“落地见效”在相邻处用了 2000 次", 5, 5)]
    glued = "标题\n" + "工作落地见效" * 3000 + "。\n"
    assert [f.message for f in check(["repetition/doubled-phrase"], {"a.txt": glued})[0]] == ["“工作落地见效”连写了3000次"]
    line = "全市完成房地产开发投资额239亿元，同比增长45.3%。商品房销售面积526.3万平方米，其中住宅443.4万平方米。\n"
    (f,) = check(["repetition/repeated-sentence"], {"a.txt": "标题\n" + line * 2000})[0]
    assert (f.message, len(f.related), f.evidence["places_listed"]) == ("这句话在本文中重复出现（共 2000 处）", 5, 5)


def test_wording_shared_with_a_document_in_its_genres_stock_wording_is_official():
    common = ["我们要高举中国特色社会主义伟大旗帜。", "坚持实施积极的财政政策和稳健的货币政策。", "保持人民币汇率在合理均衡水平上的基本稳定。"]
    quote = "继续深入开展整治违法排污企业保障群众健康环保专项行动。"
    reports = {f"r{i}.txt": "".join(common) + f"今年粮食产量达到{i}亿斤。" for i in range(3)}
    reports["r0.txt"] += quote
    news = {"n.txt": "记者从环保部获悉，" + quote + "各地查处一批违法企业。"}
    # r0 writes in the wording three reports share: what the news item shares with it is that wording
    assert check(["repetition/copied-clause"], {**reports, **news})[0] == []
    # the same sentence shared by two ordinary news items is a copy
    other = {"m.txt": "据群众反映，今年以来" + quote + "群众拍手称快。"}
    assert [f.location.path for f in check(["repetition/copied-clause"], {**news, **other})[0]] == ["n.txt"]


def test_an_abstract_under_its_own_heading_is_not_a_repeat():
    body = "仿佛一夜春风来，黄金周广州城里尽闻豪宅声。天河、番禺和荔湾成为三大领军区域，导致房价多数上涨。"
    text = "豪宅涨声一片\n内容提要\n" + body + "\n正文\n" + body + "\n"
    assert check(["repetition/repeated-sentence"], {"a.txt": text})[0] == []
    (f,) = check(["repetition/repeated-sentence"], {"a.txt": "豪宅涨声一片\n" + body + "\n正文\n" + body + "\n"})[0]
    assert f.message == "这句话在本文中重复出现（共 2 处）"


def test_a_long_sentence_twice_in_a_row_is_reported_once():
    long = "，".join(f"第{i}项工程完成投资{i * 7}亿元" for i in range(1, 15)) + "。"
    findings, _ = check(["repetition/doubled-phrase", "repetition/repeated-sentence"], {"a.txt": "标题\n\n" + long + "\n"})
    assert findings == []
    findings, _ = check(["repetition/doubled-phrase", "repetition/repeated-sentence"],
                        {"a.txt": "标题\n\n" + long + long + "\n"})
    assert [(f.rule, f.message, f.location.span.start) for f in findings] == [
        ("repetition/repeated-sentence", "这句话在本文中重复出现（共 2 处）", 4 + len(long))]
    short = "决战最后两个月，坚决打好全年收官战。"
    findings, _ = check(["repetition/doubled-phrase", "repetition/repeated-sentence"], {"a.txt": short + short})
    assert [(f.rule, f.message) for f in findings] == [
        ("repetition/doubled-phrase", "“决战最后两个月，坚决打好全年收官战”连写了两次")]
