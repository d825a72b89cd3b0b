"""Arithmetic on the seeds: every correct claim passes, one changed figure gives one finding there."""
from __future__ import annotations

import pytest

from factlint.checks import difference, share, total
from factlint.document import read_document
from factlint.extract import extract

from conftest import check, line_of, plant, seed, seed_findings, where

RULES = ["arithmetic/share", "arithmetic/parts-total", "arithmetic/difference", "arithmetic/growth",
         "arithmetic/ratio-sum", "arithmetic/product", "arithmetic/table-sum", "arithmetic/table-text"]


def _text(prefix):
    return seed(prefix).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_arithmetic_finding_on_the_seeds(prefix):
    assert seed_findings(prefix, RULES) == []


def test_claims_recognised_and_verified_on_the_seeds():
    shares, totals, diffs = [], [], []
    for prefix in ["000", "001", "002", "003", "004"]:
        facts = extract(read_document(str(seed(prefix))))
        shares += [(p.figure.text, a.figure.text, b.figure.text) for p, a, b in share.find_claims(facts, share.Options())]
        totals += [(t.figure.text, tuple(x.figure.text for x in ps)) for t, ps, _, _ in total.find_claims(facts)]
        diffs += [(a.figure.text, b.figure.text, c.figure.text) for a, b, c, *_ in difference.find_claims(facts)]
    assert shares == [("87.58%", "26811人", "30613名"), ("50.11%", "131.13万人", "261.65万人"),
                      ("86.90%", "261.65万人", "301.09万"), ("62.41%", "31.47亿元", "50.42亿元")]
    assert totals == [("5名", ("1人", "3人", "1人")), ("1610个", ("788个", "822个"))]
    assert diffs == [("23101户", "18401户", "4700户"), ("94755人", "71005人", "23750人")]


PLANTED = [
    ("000", "已就业26811人", "已就业26311人", "arithmetic/share", "就业率达87.58%",
     "按文中数字计算 26311人 / 30613名 = 85.95%，与文中的 87.58% 不符"),
    ("003", "支出进度62.41%", "支出进度64.21%", "arithmetic/share", "支出进度64.21%",
     "按文中数字计算 31.47亿元 / 50.42亿元 = 62.42%，与文中的 64.21% 不符"),
    ("002", "占总就业人数的50.11%", "占总就业人数的51.11%", "arithmetic/share", "占总就业人数的51.11%",
     "按文中数字计算 131.13万人 / 261.65万人 = 50.12%，与文中的 51.11% 不符"),
    ("002", "分别达86.90%、89.19%", "分别达88.90%、89.19%", "arithmetic/share", "分别达88.90%",
     "按文中数字计算 261.65万人 / 301.09万 = 86.90%，与文中的 88.90% 不符"),
    ("003", "间接增收项目822个", "间接增收项目832个", "arithmetic/parts-total", "全市调整优化项目1610个",
     "分项相加 788个 + 832个 = 1620个，多于总数 1610个"),
    ("003", "间接增收项目822个", "间接增收项目812个", "arithmetic/parts-total", "全市调整优化项目1610个",
     "分项相加 788个 + 812个 = 1600个，少于总数 1610个"),
    ("001", "3人第二名", "4人第二名", "arithmetic/parts-total", "5名队员",
     "分项相加 1人 + 4人 + 1人 = 6名，多于总数 5名"),
    ("003", "减少4700户23750人", "减少4700户23570人", "arithmetic/difference", "减少4700户23570人",
     "按文中数字计算 94755人 − 71005人 = 23750人，与文中的 23570人 不符"),
    ("003", "减少4700户23750人", "减少4600户23750人", "arithmetic/difference", "减少4600户23750人",
     "按文中数字计算 23101户 − 18401户 = 4700户，与文中的 4600户 不符"),
]


@pytest.mark.parametrize("prefix,original,planted,rule,anchor,message", PLANTED, ids=[p[2] for p in PLANTED])
def test_planted_error_gives_one_finding(tmp_path, prefix, original, planted, rule, anchor, message):
    findings, docs, f = plant(tmp_path, prefix, original, planted, RULES)
    assert [(x.rule, x.message) for x in findings] == [(rule, message)]
    line, col = line_of(f, anchor)
    assert where(docs, findings[0].location)[0] == line


def test_evidence_and_related_locations(tmp_path):
    text = _text("000").replace("已就业26811人", "已就业26311人")
    findings, docs = check(["arithmetic/share"], {"000.txt": text})
    (f,) = findings
    assert f.evidence["formula"] == "26311人 / 30613名 = 85.95%，文中为 87.58%"
    assert [r.note for r in f.related] == ["部分：26311人", "总数：30613名"]
    assert docs["000.txt"].text[f.related[1].span.start:f.related[1].span.end] == "30613名"


@pytest.mark.parametrize("sentence", [
    "今年新增造林120万亩、其中防护林30万亩,治理草原400万亩。",  # only 30 is a part
    "其中省外转移就业131.13万人,占全国的50.11%以上。",  # a share of something not given
    "全县农村居民人均可支配收入从12000元增加到13200元,按可比价格计算,增长8%。",
    "全市三次产业结构比为1∶2∶3。",  # a proportion, not percentages
    "城镇和农村居民家庭食品支出占比分别为28.5%和32.1%。",  # two groups' own shares, no whole named
    "共有学校12所,其中小学5所、中学4所。",  # a partial 其中 list
    "全县人口10.5万人,其中城镇人口4.2万人、农村人口6.3万人。",  # rounded parts: 10.5 = 4.2 + 6.3
    "全村共有志愿者180人,其中党员120人、妇女85人(部分人员重复统计)。",  # declared overlap
    "全市完成植树造林面积12.5万亩、森林抚育面积8.6万亩，森林覆盖率达到61.2%。",  # siblings, not part and whole
    "全县共有贫困人口1.2万人，其中已脱贫1.1万人，贫困发生率降至0.5%。",  # the rate's whole is not given
    "全市户籍人口600万人，常住人口509万人，城镇化率42.33%。",
    "全市完成植树造林面积12.5万亩，森林抚育面积8.6万亩，森林覆盖率达到61.2%。",
])
def test_not_flagged(sentence):
    findings, _ = check(RULES, {"a.txt": sentence})
    assert findings == []


def test_rate_after_its_part_and_whole_with_commas():
    ok = "全市农村劳动力301.09万人，转移就业261.65万人，转移就业率86.90%。"
    assert check(RULES, {"a.txt": ok})[0] == []
    findings, _ = check(RULES, {"a.txt": ok.replace("86.90%", "89.60%")})
    assert [f.message for f in findings] == ["按文中数字计算 261.65万人 / 301.09万人 = 86.90%，与文中的 89.60% 不符"]


def test_share_with_zhan_names_the_whole():
    ok = "全县有劳动力25万人，外出务工12万人，占劳动力总数的48%。"
    assert check(RULES, {"a.txt": ok})[0] == []
    # 12万 and 25万 are rounded to 万: anything from 45.1% to 51.0% is possible, so 46% passes
    assert check(RULES, {"a.txt": ok.replace("48%", "46%")})[0] == []
    findings, _ = check(RULES, {"a.txt": ok.replace("48%", "55%")})
    assert [f.message for f in findings] == ["按文中数字计算 12万人 / 25万人 = 48.0%，与文中的 55% 不符"]


def test_full_width_punctuation():
    findings, _ = check(RULES, {"a.txt": "据统计，全镇30613名农村劳动力中，已就业26311人，就业率达87.58％。"})
    assert [f.rule for f in findings] == ["arithmetic/share"]
