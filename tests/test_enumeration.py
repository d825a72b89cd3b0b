"""Count words, 分别 and ordinals on the seeds: correct as printed, one finding per planted error."""
from __future__ import annotations

import pytest

from factlint.document import read_document
from factlint.extract import extract

from conftest import line_of, plant, seed, seed_findings, where

RULES = ["enumeration/count-items", "enumeration/respectively", "enumeration/ordinals"]


def _seed_text(prefix):
    return seed(prefix).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_enumeration_finding_on_the_seeds(prefix):
    assert seed_findings(prefix, RULES) == []


def test_enumerations_recognised_on_the_seeds():
    terms = []
    for prefix in ["000", "001", "002", "003", "004"]:
        terms += [(e.found.term, e.count, len(e.items)) for e in extract(read_document(str(seed(prefix)))).enumerations]
    assert ("五型红会", 5, 5) in terms
    assert ("六项举措", 6, 6) in terms
    assert ("三联系", 3, 3) in terms
    assert ("五统一", 5, 5) in terms  # first item cut off by a comma, still counted
    assert ("一廊三区", 4, 4) in terms
    assert ("5个关键", 5, 5) in terms or ("5个关键方面", 5, 5) in terms
    assert len(terms) == 20
    assert not any(t[0] == "一校一策" for t in terms)


PLANTED = [
    # (seed, original, planted, rule, message)
    ("000", "事业创廉、制度固廉”六项举措", "事业创廉”六项举措", "enumeration/count-items", "“六项举措”应有 6 项，前面列出了 5 项"),
    ("000", "创新“五型红会”建设,在应急救援", "创新“六型红会”建设,在应急救援", "enumeration/count-items", "“六型红会”应有 6 项，前面列出了 5 项"),
    ("002", "(联系家长、联系老师、联系学生)", "(联系家长、联系老师)", "enumeration/count-items", "“三联系”应有 3 项，后面列出了 2 项"),
    ("002", "分别达86.90%、89.19%、92.18%", "分别达86.90%、89.19%", "enumeration/respectively", "“分别”前列了 3 项，后面给出 2 个数值"),
    ("004", "二是加强困难帮扶", "三是加强困难帮扶", "enumeration/ordinals", "序号从“一是”跳到“三是”，中间缺了"),
    ("004", "三是营造浓厚氛围", "二是营造浓厚氛围", "enumeration/ordinals", "序号“二是”重复"),
    ("004", "二是推进示范创建", "四是推进示范创建", "enumeration/ordinals", "序号从“一是”跳到“四是”，中间缺了"),
]


@pytest.mark.parametrize("prefix,original,planted,rule,message", PLANTED, ids=[p[2] for p in PLANTED])
def test_planted_error_gives_one_finding(tmp_path, prefix, original, planted, rule, message):
    findings, docs, f = plant(tmp_path, prefix, original, planted, RULES)
    assert [(x.rule, x.message) for x in findings] == [(rule, message)]
    assert where(docs, findings[0].location)[0] == line_of(f, planted)[0]
