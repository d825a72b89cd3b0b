"""Every rule file's [[examples]]: each fail text gives a finding of that rule, each pass text none."""
from __future__ import annotations

import pytest

from factlint.engine import check_texts
from factlint.rules import load_rules

RULES = load_rules()


def _docs(text: str) -> dict[str, str]:
    # a line of --- separates documents, for rules that compare documents
    return {f"example-{i}.txt": t for i, t in enumerate(text.split("\n---\n"), 1)}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples(rule):
    assert any(e.fail for e in rule.examples), f"{rule.path}: no fail example"
    assert any(e.passes for e in rule.examples), f"{rule.path}: no pass example"


CASES = [(r, i, e) for r in RULES for i, e in enumerate(r.examples, 1)]


@pytest.mark.parametrize("rule,i,example", CASES, ids=[f"{r.id}#{i}" for r, i, _ in CASES])
def test_rule_example(rule, i, example):
    if example.fail:
        findings, _ = check_texts([rule], _docs(example.fail))
        assert [f.rule for f in findings] == [rule.id], f"fail example {i} of {rule.id}"
    if example.passes:
        findings, _ = check_texts([rule], _docs(example.passes))
        assert findings == [], f"pass example {i} of {rule.id}: {[f.message for f in findings]}"
