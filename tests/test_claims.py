"""`factlint facts --claims`: what the checks recognised in a text, and whether it holds."""
import json

from factlint.cli import main

SEED = "seeds/001_3ac1844f279ecb35.txt"


def _claims(capsys, *args):
    assert main(["facts", SEED, "--claims", *args]) == 0
    return capsys.readouterr().out


def test_claims_of_a_seed_as_json(capsys):
    data = json.loads(_claims(capsys, "--format", "json"))
    breakdown = [c for c in data["claims"] if c["kind"] == "breakdown" and c["line"] == 41]
    assert breakdown == [{
        "path": SEED, "line": 41, "column": 246, "rule": "arithmetic/parts-total", "kind": "breakdown",
        "holds": "holds",
        "roles": [{"role": "total", "text": "5名", "line": 41, "column": 246},
                  {"role": "part", "text": "1人", "line": 41, "column": 256},
                  {"role": "part", "text": "3人", "line": 41, "column": 262},
                  {"role": "part", "text": "1人", "line": 41, "column": 268}],
        "why": "列举（分项可能不全）", "detail": "1人 + 3人 + 1人 = 5名，总数 5名"}]
    # correct published text: nothing recognised on this page is broken
    assert all(c["holds"] != "broken" for c in data["claims"])
    assert data["summary"]["count"]["broken"] == 0


def test_claims_of_a_seed_as_csv(capsys):
    lines = _claims(capsys, "--format", "csv").splitlines()
    assert lines[0] == "path,line,column,rule,kind,holds,roles,why,detail"
    assert (f"{SEED},41,306,enumeration/count-items,count,holds,"
            "count=五进；item=扎实开展急救培训进学校；item=进机关；item=进农村；item=进社区；item=进企业,列在前面,5 vs 5") in lines
