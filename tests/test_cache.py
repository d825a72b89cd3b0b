"""The corpus cache (.factlint/cache.sqlite): whatever state it is in, a run gives the same report,
with at most one warning line; it marks itself as a cache; nothing in it is ever executed."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zlib

import pytest

from conftest import ROOT, run_cli, seed

WARNING = "factlint: 警告 (warning): "


@pytest.fixture()
def project(tmp_path):
    """A draft (seed 001) and a corpus folder (seed 000): they disagree on 投入款物 (9346.07万元 / 9316万元)."""
    (tmp_path / "factlint.toml").write_text('corpus = ["corpus/"]\n', encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    shutil.copy(seed("000"), tmp_path / "corpus" / "000.txt")
    shutil.copy(seed("001"), tmp_path / "draft.txt")
    return tmp_path


def _check(project):
    return run_cli("draft.txt", "--format", "json", cwd=project)


@pytest.fixture()
def expected(project):
    p = run_cli("draft.txt", "--format", "json", "--no-cache", cwd=project)
    assert p.returncode == 1 and p.stderr == ""
    report = json.loads(p.stdout)
    across = [f for f in report["findings"] if f["rule"] == "conflict/across-documents"]
    assert [(f["evidence"]["stated"], f["evidence"]["other"], f["related"][0]["path"]) for f in across] == [
        ("9346.07万元", "9316万元", os.path.join("corpus", "000.txt"))]
    assert not (project / ".factlint").exists()
    return p.stdout


def _db(project):
    return project / ".factlint" / "cache.sqlite"


def test_cold_then_warm_cache_same_report(project, expected):
    cold = _check(project)
    assert (cold.returncode, cold.stdout, cold.stderr) == (1, expected, "")
    with sqlite3.connect(_db(project)) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (1,)
    warm = _check(project)
    assert (warm.returncode, warm.stdout, warm.stderr) == (1, expected, "")


def test_cache_folder_ignores_itself(project, expected):
    _check(project)
    assert (project / ".factlint" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    tag = (project / ".factlint" / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")


def test_cache_holds_json_not_pickle(project, expected):
    _check(project)
    with sqlite3.connect(_db(project)) as db:
        (data,) = db.execute("SELECT data FROM files").fetchone()
    import dataclasses

    from factlint.facts import DocumentFacts

    facts = json.loads(zlib.decompress(data))
    names = [f.name for f in dataclasses.fields(DocumentFacts)]
    assert facts["@"] == "factlint.facts:DocumentFacts"
    assert len(facts["v"]) == len(names)
    assert facts["v"][names.index("doc")] is None  # the file itself is the document


def test_a_planted_pickle_is_never_executed(project, expected):
    import pickle

    _check(project)
    marker = project / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    with sqlite3.connect(_db(project)) as db:
        db.execute("UPDATE files SET data=?", (zlib.compress(pickle.dumps(Evil())),))
    p = _check(project)
    assert (p.returncode, p.stdout, p.stderr) == (1, expected, "")
    assert not marker.exists()


def test_a_class_outside_the_fact_modules_is_refused(project, expected):
    _check(project)
    with sqlite3.connect(_db(project)) as db:
        db.execute("UPDATE files SET data=?", (zlib.compress(b'{"@": "subprocess:Popen", "args": "touch x"}'),))
    p = _check(project)
    assert (p.returncode, p.stdout, p.stderr) == (1, expected, "")
    assert not (project / "x").exists()


def _one_warning(p, expected, says: str):
    assert p.returncode == 1
    assert p.stdout == expected
    assert p.stderr.count("\n") == 1, p.stderr
    assert p.stderr.startswith(WARNING + says), p.stderr


def test_corrupt_cache_is_rebuilt(project, expected):
    (project / ".factlint").mkdir()
    _db(project).write_bytes(b"not a database at all " * 200)
    _one_warning(_check(project), expected, "缓存已损坏或格式不同，已重建")
    again = _check(project)
    assert (again.stdout, again.stderr) == (expected, "")


def test_truncated_cache_is_rebuilt(project, expected):
    _check(project)
    data = _db(project).read_bytes()
    assert len(data) > 8192
    _db(project).write_bytes(data[:5000])
    _one_warning(_check(project), expected, "缓存已损坏或格式不同，已重建")


def test_cache_of_another_schema_is_rebuilt(project, expected):
    (project / ".factlint").mkdir()
    with sqlite3.connect(_db(project)) as db:  # factlint 0.1's layout
        db.execute("CREATE TABLE facts (path TEXT, digest TEXT, version TEXT, data BLOB)")
        db.execute("INSERT INTO facts VALUES ('x', 'y', 'z', x'00')")
    _one_warning(_check(project), expected, "缓存已损坏或格式不同，已重建")
    with sqlite3.connect(_db(project)) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (1,)


def test_folder_in_place_of_the_cache_file(project, expected):
    _db(project).mkdir(parents=True)
    _one_warning(_check(project), expected, "缓存不可用，本次不使用缓存")


def test_cache_folder_is_a_file(project, expected):
    (project / ".factlint").write_text("x", encoding="utf-8")
    _one_warning(_check(project), expected, "缓存不可用，本次不使用缓存")
    assert (project / ".factlint").read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_checkout(project, expected):
    os.chmod(project, 0o555)
    try:
        _one_warning(_check(project), expected, "缓存不可用，本次不使用缓存")
    finally:
        os.chmod(project, 0o755)


def test_lock_held_by_another_program(project, expected):
    _check(project)
    (project / "corpus" / "000.txt").touch()  # stale: this run must write the cache again
    os.utime(project / "corpus" / "000.txt", ns=(1, 1))
    holder = sqlite3.connect(_db(project), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        _one_warning(_check(project), expected, "无法写入缓存，下次运行将重新抽取")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_exclusive_locking_mode_held_by_another_program(project, expected):
    (project / ".factlint").mkdir()
    holder = sqlite3.connect(_db(project), isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        p = _check(project)
        assert (p.returncode, p.stdout) == (1, expected)
        assert p.stderr.count("\n") == 1 and p.stderr.startswith(WARNING + "缓存"), p.stderr
    finally:
        holder.close()


def test_two_runs_at_once(project, expected):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "factlint", "draft.txt", "--format", "json"]
    procs = [subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              encoding="utf-8") for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [o for o, _ in outs] == [expected] * 3
    for _, err in outs:
        assert err == "" or (err.startswith(WARNING) and err.count("\n") == 1), err
    after = _check(project)
    assert (after.stdout, after.stderr) == (expected, "")
    with sqlite3.connect(_db(project)) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (1,)


def test_changed_corpus_file_is_read_again(project, expected):
    _check(project)
    f = project / "corpus" / "000.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("9316万元", "9346.07万元"), encoding="utf-8")
    p = _check(project)
    report = json.loads(p.stdout)
    assert [x for x in report["findings"] if x["rule"] == "conflict/across-documents"] == []


def test_facts_round_trip_through_the_cache_codec():
    from factlint.cache import dumps, loads
    from factlint.document import read_document
    from factlint.extract import extract

    facts = extract(read_document(str(seed("001"))))
    facts.memo[("copied.phrases", 14, ("一年有突破",))] = [(3, 0, 20, "投入款物9346万元", 0)]
    back = loads(dumps(facts))
    assert back.doc is None
    assert (back.quantities, back.segments, back.enumerations, back.digest) == (
        facts.quantities, facts.segments, facts.enumerations, facts.digest)
    assert back.memo == {("copied.phrases", 14, ("一年有突破",)): [(3, 0, 20, "投入款物9346万元", 0)]}
    assert facts.doc is not None  # dumps leaves the facts as they were
