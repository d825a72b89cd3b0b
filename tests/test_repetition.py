"""Repetition: the copied clause in seed 000, formulas left alone, stock phrases, doubled words."""
from __future__ import annotations

import json

import pytest

from conftest import SEEDS, check, line_of, run_cli, seed, where


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


def test_stock_phrase_twice_in_one_article():
    findings, docs = check(["repetition/stock-phrase"], {str(seed("000")): seed("000").read_text(encoding="utf-8")})
    assert [(f.message, where(docs, f.location)[0]) for f in findings] == [
        ("套话“徐徐展开”在本文中第 2 次出现", line_of(seed("000"), "生态美的乡村振兴新画卷正在徐徐展开")[0])]
    assert where(docs, findings[0].related[0])[0] == line_of(seed("000"), "画卷正在徐徐展开。巧家县")[0]


@pytest.mark.parametrize("text,expected", [
    ("深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述", ["“二十大精神”连写了两次"]),
    ("按照“党建带妇建、妇建促党建”的工作思路", []),
    ("本着“一切为了学生、为了学生一切、为了一切学生”的理念", []),
    ("开展“组织找党员、党员找组织”活动", []),
    ("传播“急救为人人、人人学急救”理念", []),
    ("为困难家庭的的生活带来温暖", ["“的”连写了两次"]),
    ("完成了了急救培训的转型", ["“了”连写了两次"]),
    ("我们常常天天高高兴兴地一个一个检查", []),
    ("为了了解学生家庭情况,的的确确做到了", []),
    ("共开展急救知识普及及培训34万人次", []),
])
def test_doubled_words(text, expected):
    findings, _ = check(["repetition/doubled-phrase", "repetition/doubled-char"], {"a.txt": text})
    assert [f.message for f in findings] == expected


def test_quoted_slogan_repeated_is_a_citation():
    a = "昭通市红十字会党组认真落实行动方案,锚定“一年有突破、三年强品牌、五年促跨越”工作目标,坚持党建引领。"
    b = "昭通市红十字会将聚焦一年有突破、三年强品牌、五年促跨越的“135”工作目标,围绕中心、服务大局。"
    assert check(["repetition/copied-clause"], {"a.txt": a, "b.txt": b})[0] == []
    # the same words outside quotation marks in both places are a copy
    c = "昭通市红十字会党组认真落实行动方案,锚定一年有突破、三年强品牌、五年促跨越工作目标,坚持党建引领。"
    findings, _ = check(["repetition/copied-clause"], {"b.txt": b, "c.txt": c})
    assert len(findings) == 1
