"""SARIF 2.1.0 for code-scanning dashboards: the same findings, one result each, written as they come.

Artifact URIs are percent-encoded and relative to %SRCROOT% (the project root: the config file's
folder or the git top level), declared in originalUriBaseIds; columns count code points.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..config import project_root
from .json import _safe, position

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "%SRCROOT%"


def _uri(path: str, root: str) -> dict:
    """A percent-encoded URI for path: relative to %SRCROOT% when inside it, else an absolute file URI.
    Bytes of a file name that is not UTF-8 are encoded as they are on disk."""
    if path == "-":
        return {"uri": "-"}
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root)
    if not rel.startswith(".." + os.sep) and rel != ".." and not os.path.isabs(rel):
        return {"uri": quote(os.fsencode(rel.replace(os.sep, "/"))), "uriBaseId": ROOT_ID}
    return {"uri": _file_uri(full)}


def _file_uri(full: str) -> str:
    posix = Path(full).as_posix()
    return "file://" + quote(os.fsencode(posix if posix.startswith("/") else "/" + posix))


def _location(docs, loc, root: str) -> dict:
    p = position(docs, loc)
    return {
        "physicalLocation": {
            "artifactLocation": _uri(loc.path, root),
            "region": {"startLine": p["line"], "startColumn": p["column"],
                       "endLine": p["end_line"], "endColumn": p["end_column"]},
        }
    }


def _rule(rule) -> dict:
    doc = (rule.module.__doc__ or "").strip()
    first = " ".join(doc.split("\n\n", 1)[0].split()) or rule.summary
    examples = "".join(
        (f"\n会报告 (fail): {ex.fail}" if ex.fail else "") + (f"\n不报告 (pass): {ex.passes}" if ex.passes else "")
        for ex in rule.examples)
    help_text = f"{rule.summary}\n\n{doc}{examples}\n\nfactlint explain {rule.id}"
    return {
        "id": rule.id,
        "name": rule.id.replace("/", "-"),
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": first},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category, "kind": rule.kind},
    }


def _result(f, docs, root: str, index: dict) -> dict:
    item = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(docs, f.location, root)],
        "partialFingerprints": {"factlint/v1": f.fingerprint(docs[f.location.path].text)},
        "properties": {"category": f.category, "evidence": f.evidence},
    }
    if f.rule in index:
        item["ruleIndex"] = index[f.rule]
    if f.related:
        item["relatedLocations"] = [
            {"id": i, **_location(docs, r, root), "message": {"text": r.note or f.message}}
            for i, r in enumerate(f.related)
        ]
    return _safe(item)


def write(result, rules, out) -> None:
    """The log, one result at a time: memory does not grow with the number of findings written."""
    root = project_root()
    rules = sorted(rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    base = _file_uri(root).rstrip("/") + "/"
    run = {
        "tool": {"driver": {
            "name": "factlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_rule(r) for r in rules],
        }},
        "originalUriBaseIds": {ROOT_ID: {"uri": base}},
        "columnKind": "unicodeCodePoints",
    }
    head = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
    # everything up to the closing of the run, then "results": [...] written as the findings come
    cut = head.rstrip().rstrip("}").rstrip().rstrip("]").rstrip().rstrip("}")
    out.write(cut + ',\n      "results": [')
    for i, f in enumerate(result.findings):
        out.write(("," if i else "") + "\n        " + json.dumps(_result(f, result.documents, root, index),
                                                             ensure_ascii=False))
    out.write("\n      ]\n    }\n  ]\n}\n")


def render(result, rules) -> str:
    import io

    buf = io.StringIO()
    write(result, rules, buf)
    return buf.getvalue().rstrip("\n")
