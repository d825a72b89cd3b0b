"""SARIF 2.1.0, for code-scanning dashboards: the same findings, one result each."""
from __future__ import annotations

import json

from .. import __version__
from .json import _safe, position

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(docs, loc) -> dict:
    p = position(docs, loc)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": p["path"].replace("\\", "/")},
            "region": {"startLine": p["line"], "startColumn": p["column"],
                       "endLine": p["end_line"], "endColumn": p["end_column"]},
        }
    }


def render(result, rules) -> str:
    used = sorted({f.rule for f in result.findings})
    by_id = {r.id: r for r in rules}
    results = []
    for f in result.findings:
        item = {
            "ruleId": f.rule,
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [_region(result.documents, f.location)],
            "partialFingerprints": {"factlint/v1": f.fingerprint(result.documents[f.location.path].text)},
            "properties": {"category": f.category, "evidence": f.evidence},
        }
        if f.related:
            item["relatedLocations"] = [
                {"id": i, **_region(result.documents, r), "message": {"text": r.note}} for i, r in enumerate(f.related)
            ]
        results.append(item)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": __version__,
                "rules": [{"id": rid, "shortDescription": {"text": by_id[rid].summary if rid in by_id else rid}}
                          for rid in used],
            }},
            "results": results,
        }],
    }
    return json.dumps(_safe(log), ensure_ascii=False, indent=2)
