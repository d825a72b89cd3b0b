"""The whole pipeline on arbitrary text: no exception, every span inside the file, same output twice."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from factlint.engine import check_texts
from factlint.rules import load_rules

RULES = load_rules()
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E30)
PIECES = st.sampled_from([
    "、", "，", "。", "；", "(", ")", "（", "）", "“", "”", "\n\n", "\n\n\n\n", "其中", "分别", "共", "达", "率",
    "减少至", "由", "增长", "一是", "二是", "①", "②", "“五型红会”", "六项举措", "万元", "人", "个", "%", "余",
    "2023年", "12月", "31日", "星期三", "随后", "自2018年起", "连续九年", "∶", "二十大精神", "的的",
]) | st.from_regex(r"\d{1,5}(\.\d{1,2})?", fullmatch=True)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(HAN, PIECES), max_size=80).map("".join),
       st.lists(st.one_of(HAN, PIECES), max_size=40).map("".join))
def test_all_rules_on_arbitrary_text(a, b):
    texts = {"a.txt": a, "b.txt": b}
    findings, docs = check_texts(RULES, texts)
    for f in findings:
        for loc in (f.location, *f.related):
            n = len(docs[loc.path].text)
            assert 0 <= loc.span.start <= loc.span.end <= n
    again, _ = check_texts(RULES, texts)
    assert [(f.rule, f.location, f.message) for f in again] == [(f.rule, f.location, f.message) for f in findings]
