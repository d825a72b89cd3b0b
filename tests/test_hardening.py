"""Issue 17: nothing a newsroom throws at factlint crashes it, blows up, or misleads CI.

One test (or a few) per numbered point, each the reproducer turned into an exact assertion.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli, run_json

DOUBLED = "深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述。\n"
DOUBLED_MSG = "“二十大精神”连写了两次"


def _run(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: bytes | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess:
    """factlint with raw bytes out, so a test can decode stdout as the console would."""
    full = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200", **(env or {})}
    full = {k: v for k, v in full.items() if v is not None}
    return subprocess.run([sys.executable, "-m", "factlint", *args], capture_output=True, cwd=cwd or ROOT,
                          env=full, input=stdin, timeout=timeout)


def _draft(folder: Path, name: str = "d.txt", text: str = DOUBLED) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def _rule(tmp_path: Path, body: str, name: str = "style/house.toml") -> tuple[Path, Path]:
    d = tmp_path / "rules"
    f = d / name
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(body, encoding="utf-8")
    return d, f


# --- 4. config and rule files never crash -----------------------------------------------------

@pytest.mark.parametrize("name,content,expected", [
    ("factlint.toml", b'select = ["\xff"]\n',
     "factlint.toml:1: 不是有效的 UTF-8，请另存为 UTF-8 (invalid UTF-8 at byte 11)"),
    ("factlint.toml", b'# \xe6\xb3\xa8\n\nfail-on = "\xfe"\n',
     "factlint.toml:3: 不是有效的 UTF-8，请另存为 UTF-8 (invalid UTF-8 at byte 18)"),
    ("pyproject.toml", b"tool = 3\n", "pyproject.toml:1: 'tool' 应为表 (expected a table, got int)"),
    ("pyproject.toml", b"[tool]\nfactlint = \"x\"\n",
     "pyproject.toml:2: 'tool.factlint' 应为表 [tool.factlint] (expected a table, got str)"),
    ("pyproject.toml", b'[project]\nname = "x"\n\n[tool.factlint]\n\nfail-on = "sometimes"\n',
     "pyproject.toml:6: 'fail-on' 应为 info/warning/error/never (got 'sometimes')"),
    ("factlint.toml", b'fail-on = "error"\n[severity]\n"repetition" = "fatal"\n',
     "factlint.toml:3: [severity] 'repetition' 应为 info/warning/error (got 'fatal')"),
    ("factlint.toml", b'select = "repetition"\nexclude = [1]\n',
     "factlint.toml:2: 'exclude' 应为字符串列表 (expected a list of strings)"),
    ("factlint.toml", b'cache = "yes"\n', "factlint.toml:1: 'cache' 应为 true/false (got 'yes')"),
])
def test_bad_config_is_one_line_with_file_and_line(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    _draft(tmp_path)
    p = _run("d.txt", cwd=tmp_path)
    assert (p.returncode, p.stdout) == (2, b"")
    assert p.stderr.decode() == f"factlint: {tmp_path.resolve() / expected}\n"


def test_config_with_bom_is_read(tmp_path):
    (tmp_path / "factlint.toml").write_bytes(b'\xef\xbb\xbfselect = ["repetition/doubled-phrase"]\n')
    _draft(tmp_path)
    code, report = run_json("d.txt", cwd=tmp_path)
    assert code == 1 and [f["message"] for f in report["findings"]] == [DOUBLED_MSG]


@pytest.mark.parametrize("message,expected", [
    ('"“{w}”连写 {"', ":2: 'message' 模板有误，字面的花括号请写成 {{ 或 }} (bad template: Single '{' encountered in format string)"),
    ('"多了 }"', ":2: 'message' 模板有误，字面的花括号请写成 {{ 或 }} (bad template: Single '}' encountered in format string)"),
    ('"“{word}”连写"', ":2: 'message' 模板中的字段 {word} 未知 (unknown field; allowed: w)"),
    ('"第{0}处"', ":2: 'message' 模板中的 {0} 须写字段名 (a field needs a name; allowed: w)"),
])
def test_message_template_checked_when_loaded(tmp_path, message, expected):
    from factlint.rules import load_rules
    from factlint.tomlload import ConfigError

    d, f = _rule(tmp_path, f'kind = "pattern"\nmessage = {message}\npattern = "(?P<w>错别字)"\n')
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert str(e.value) == f"{f}{expected}"


def test_message_fields_of_other_kinds_are_known(tmp_path):
    from factlint.rules import load_rules
    from factlint.tomlload import ConfigError

    d, f = _rule(tmp_path, 'kind = "share"\nmessage = "按文中数字计算 {formula}，文中为 {stat}"\n',
                 "arithmetic/house.toml")
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert str(e.value) == f"{f}:2: 'message' 模板中的字段 {{stat}} 未知 (unknown field; allowed: formula, stated)"


def test_unless_failing_at_run_time_is_one_line(tmp_path):
    # validated with {w} as "x", the pattern is fine; with w = "12" the group name is not
    d, f = _rule(tmp_path, 'kind = "pattern"\nmessage = "“{w}”"\npattern = \'(?P<w>\\d+)个\'\n'
                           'unless = "(?P<{w}>.)"\n')
    _draft(tmp_path, "n.txt", "全县共12个乡镇。\n")
    p = _run("n.txt", "--rules", str(d), cwd=tmp_path)
    assert p.returncode == 2 and p.stdout == b""
    assert p.stderr.decode() == (f"factlint: {f}:4: 'unless' 在运行时不是有效的正则表达式 "
                                 f"(invalid at run time: bad character in group name at position 6)\n")


def test_rich_markup_in_a_summary_is_shown_as_written(tmp_path):
    d, _ = _rule(tmp_path, 'kind = "pattern"\nsummary = "[bold red]x[/] [link"\nmessage = "“{w}”"\n'
                           'pattern = "(?P<w>错别字)"\n')
    p = _run("rules", "--rules", str(d), env={"COLUMNS": "250"})
    assert p.returncode == 0 and "[bold red]x[/] [link" in p.stdout.decode()
    p = _run("explain", "style/house", "--rules", str(d))
    assert p.returncode == 0 and p.stdout.decode().splitlines()[0] == "style/house：[bold red]x[/] [link"


def test_unexpected_exception_is_one_line_exit_2(monkeypatch, capsys):
    from factlint import cli

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("factlint.engine.run", boom)
    monkeypatch.delenv("FACTLINT_DEBUG", raising=False)
    assert cli.main(["seeds/"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factlint: 内部错误 (internal error: RuntimeError: disk on fire at test_hardening.py:")
    assert err.count("\n") == 1 and "Traceback" not in err


# --- 5. selections that match nothing are errors ------------------------------------------------

def test_select_typo_names_the_closest_ids():
    p = _run("seeds/", "--select", "conflcit")
    assert (p.returncode, p.stdout) == (2, b"")
    assert p.stderr.decode().startswith("factlint: --select: 没有规则或类别 'conflcit' (matches no rule)；"
                                        "是否想写 conflict, conflict/")
    assert p.stderr.decode().count("\n") == 1


def test_ignore_unknown_id():
    p = _run("seeds/", "--ignore", "repetition/doubled-phrse")
    assert p.returncode == 2
    assert p.stderr.decode().startswith(
        "factlint: --ignore: 没有规则或类别 'repetition/doubled-phrse' (matches no rule)；"
        "是否想写 repetition/doubled-phrase")


def test_unknown_ids_in_config_name_the_line(tmp_path):
    _draft(tmp_path)
    cfg = tmp_path / "factlint.toml"
    cfg.write_text('select = ["repetition"]\nignore = ["spelling"]\n', encoding="utf-8")
    p = _run("d.txt", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stderr.decode() == (f"factlint: {cfg.resolve()}:2: ignore: 没有规则或类别 'spelling' "
                                 f"(matches no rule)；全部规则见 factlint rules (see factlint rules)\n")
    cfg.write_text('[severity]\n"conflict/within-documents" = "info"\n', encoding="utf-8")
    p = _run("d.txt", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stderr.decode().startswith(
        f"factlint: {cfg.resolve()}:2: [severity]: 没有规则或类别 'conflict/within-documents' (matches no rule)；"
        f"是否想写 conflict/within-document")


def test_suppression_comment_problems_are_warnings(tmp_path):
    draft = _draft(tmp_path, "d.md",
                   "<!-- factlint-disable-next-line repetiton/doubled-phrase -->\n"
                   "深入学习党的二十大精神、二十大精神。\n\n"
                   "<!-- factlint-disable conflict -->\n"
                   "109个家庭获市级表彰,18个家庭获市级表彰。\n")
    p = _run(str(draft), "--format", "concise", "--quiet")
    assert p.returncode == 1  # warnings do not change the exit code; the finding does
    assert p.stdout.decode() == f"{draft}:2:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n"
    assert p.stderr.decode() == (
        f"factlint: 警告 (warning): {draft}:1: 注释中的规则 'repetiton/doubled-phrase' 不存在，它不会屏蔽任何问题，"
        f"是否想写 repetition/doubled-phrase？ (unknown rule in a suppression comment)\n"
        f"factlint: 警告 (warning): {draft}:4: factlint-disable 没有对应的 factlint-enable，"
        f"此后到文末的问题都不会报告 (factlint-disable never closed)\n")


# --- 6. encodings told apart ---------------------------------------------------------------------

TRADITIONAL = "臺灣新聞報導，今年經濟成長率為百分之三點二，較去年增加零點五個百分點。政府表示將持續推動產業升級。"
JAPANESE = "日本の経済成長率は三パーセントでした。政府は産業の高度化を引き続き推進すると発表しました。"


@pytest.mark.parametrize("data,text,encoding", [
    ("标题\n二十大精神".encode("utf-32"), "标题\n二十大精神", "utf-32"),
    ("标题\n二十大精神".encode("utf-32-be").join([b"\x00\x00\xfe\xff", b""]), "标题\n二十大精神", "utf-32"),
    (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    (JAPANESE.encode("shift_jis"), JAPANESE, "shift_jis"),
    ("标题\r\n\r\n深入学习党的二十大精神、二十大精神。\r\n".encode("gbk"),
     "标题\r\n\r\n深入学习党的二十大精神、二十大精神。\r\n", "gb18030"),
    ("今年全市地区生产总值达到1234亿元，同比增长5.2%。朱镕基".encode("gbk"),
     "今年全市地区生产总值达到1234亿元，同比增长5.2%。朱镕基", "gb18030"),
])
def test_encodings_told_apart(data, text, encoding):
    from factlint.document import decode

    assert decode(data, "a.txt") == (text, encoding)


def test_undecodable_reports_the_real_byte_offset():
    from factlint.document import InputError, decode

    with pytest.raises(InputError) as e:
        decode(b"\xef\xbb\xbfab\xffcd", "a.txt")
    assert str(e.value) == "a.txt: 无法按 utf-8-sig 解码，已跳过 (undecodable at byte 5, skipped)"
    with pytest.raises(InputError) as e:
        decode("café crème".encode("latin-1"), "a.txt")
    assert str(e.value) == ("a.txt: 无法解码（不是 UTF-8，也不像 GB18030、Big5 或 Shift-JIS），已跳过 "
                            "(undecodable: not UTF-8 from byte 3, and no legacy Chinese encoding fits; skipped)")


# --- 7. output never crashes ---------------------------------------------------------------------

EMOJI = DOUBLED.replace("。", "😀↳。")


def test_gbk_console(tmp_path):
    _draft(tmp_path, "e.txt", EMOJI)
    p = _run("e.txt", "--color", "never", cwd=tmp_path, env={"PYTHONIOENCODING": "gbk"})
    assert p.returncode == 1 and p.stderr == b""
    lines = p.stdout.decode("gbk").splitlines()
    assert lines[1] == f"  e.txt:1:7  警告  repetition/doubled-phrase  {DOUBLED_MSG}"
    assert lines[2] == "    深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述\\U0001f600\\u21b3。"
    p = _run("e.txt", "--format", "json", cwd=tmp_path, env={"PYTHONIOENCODING": "gbk"})
    report = json.loads(p.stdout.decode("gbk"))
    assert report["findings"][0]["evidence"]["match"] == "二十大精神、二十大精神"


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_ascii_stdout_keeps_json_valid(tmp_path, fmt):
    _draft(tmp_path, "e.txt", EMOJI)
    p = _run("e.txt", "--format", fmt, cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert p.returncode == 1 and p.stderr == b""
    data = json.loads(p.stdout.decode("ascii"))
    msg = data["findings"][0]["message"] if fmt == "json" else data["runs"][0]["results"][0]["message"]["text"]
    assert msg == DOUBLED_MSG


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_name_not_utf8_is_escaped(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))).write_text(DOUBLED, encoding="utf-8")
    p = _run("bad", "--format", "json", cwd=tmp_path)
    assert p.returncode == 1
    report = json.loads(p.stdout.decode("utf-8"))
    assert report["findings"][0]["path"] == "bad/caf\\xe9.txt"
    p = _run("bad", "--format", "concise", "-q", cwd=tmp_path)
    assert p.stdout == f"bad/caf\\xe9.txt:1:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n".encode()
    p = _run("bad", "--format", "sarif", cwd=tmp_path)
    loc = json.loads(p.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "bad/caf%E9.txt", "uriBaseId": "%SRCROOT%"}


def test_brackets_in_paths_of_the_facts_table(tmp_path):
    folder = tmp_path / "x[bold]y"
    folder.mkdir()
    _draft(folder, "[red]a.txt", "今年投入资金1000万元。\n")
    p = _run("facts", "x[bold]y", cwd=tmp_path, env={"COLUMNS": "300"})
    assert p.returncode == 0 and "│ x[bold]y/[red]a.txt │" in p.stdout.decode()


def test_no_color_on_a_terminal(tmp_path):
    _draft(tmp_path)
    colored = _run("d.txt", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": None}).stdout.decode()
    plain = _run("d.txt", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout.decode()
    assert "\x1b[33m警告" in colored  # yellow
    assert "\x1b[33m" not in plain and "\x1b[31m" not in plain and "\x1b[36m" not in plain
    assert "警告" in plain


# --- 9. the file system --------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_folder_is_skipped_with_a_line(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")
    _draft(folder)
    p = _run("drafts", "--format", "concise", "-q", cwd=tmp_path, timeout=60)
    assert p.returncode == 2
    assert p.stdout.decode() == f"drafts/d.txt:1:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n"
    assert p.stderr.decode() == ("factlint: drafts/pipe.md: 不是普通文件（管道、设备或失效链接），已跳过 "
                                 "(not a regular file, skipped)\n")
    p = _run("drafts/pipe.md", cwd=tmp_path, timeout=60)
    assert p.returncode == 2 and p.stderr.decode() == (
        "factlint: drafts/pipe.md: 不是普通文件（管道或设备），已跳过 (not a regular file, skipped)\n")


def _remove_deep(top: Path) -> None:
    """rmtree recurses (and pytest's clean-up with it): go down, then remove from the bottom by relative names."""
    here = os.getcwd()
    try:
        os.chdir(top)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for _ in range(depth):
            os.chdir("..")
            for name in os.listdir("d"):
                os.remove(os.path.join("d", name))
            os.rmdir("d")
    finally:
        os.chdir(here)
    shutil.rmtree(top)


def test_folders_nested_thousands_deep(tmp_path):
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        os.mkdir("deep")
        os.chdir("deep")
        for i in range(3000):
            os.mkdir("d")
            os.chdir("d")
            if i == 10:
                Path("shallow.txt").write_text(DOUBLED, encoding="utf-8")
    finally:
        os.chdir(here)
    try:
        p = _run("deep", "--format", "concise", "-q", cwd=tmp_path)
    finally:
        _remove_deep(tmp_path / "deep")
    err = p.stderr.decode()
    assert p.returncode == 2 and "Traceback" not in err and "RecursionError" not in err
    assert p.stdout.decode() == f"deep/{'d/' * 11}shallow.txt:1:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n"
    assert err.startswith("factlint: deep/d/d/") and "(cannot read folder: File name too long, skipped)" in err
    assert err.count("\n") == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_subfolder_is_named(tmp_path):
    (tmp_path / "a" / "locked").mkdir(parents=True)
    _draft(tmp_path / "a")
    os.chmod(tmp_path / "a" / "locked", 0)
    try:
        p = _run("a", "--format", "concise", "-q", cwd=tmp_path)
    finally:
        os.chmod(tmp_path / "a" / "locked", 0o755)
    assert p.returncode == 2
    assert p.stderr.decode() == ("factlint: a/locked: 无法读取目录，已跳过 "
                                 "(cannot read folder: Permission denied, skipped)\n")


@pytest.mark.skipif(os.name != "posix", reason="signals to a process group")
def test_ctrl_c_is_one_line_exit_2(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):  # enough files for worker processes, and seconds of work
        for s in SEEDS.glob("*.txt"):
            shutil.copy(s, corpus / f"{i:02d}_{s.name}")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    p = subprocess.Popen([sys.executable, "-m", "factlint", str(corpus), "--no-cache", "--format", "json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
                         start_new_session=True)
    time.sleep(2.0)
    os.killpg(p.pid, signal.SIGINT)  # as a terminal does: the whole group, workers too
    out, err = p.communicate(timeout=120)
    assert p.returncode == 2, err.decode()[-500:]
    assert err.decode() == "factlint: 已中断 (interrupted)\n"


# --- 10. baselines that hold ---------------------------------------------------------------------

def test_baseline_paths_relative_to_the_project_root(tmp_path):
    base = tmp_path / "baseline.json"
    base.write_text(run_cli("seeds/", "--format", "json").stdout, encoding="utf-8")
    assert run_json("./seeds", "--baseline", str(base))[1]["findings"] == []
    assert run_json(".", "--baseline", str(base), cwd=SEEDS)[1]["findings"] == []
    assert run_json(str(SEEDS), "--baseline", str(base))[1]["findings"] == []


def test_a_new_copy_of_an_accepted_finding_is_new(tmp_path):
    draft = _draft(tmp_path)
    base = tmp_path / "baseline.json"
    base.write_text(run_cli(str(draft), "--format", "json").stdout, encoding="utf-8")
    assert run_json(str(draft), "--baseline", str(base)) == (0, run_json(str(draft), "--baseline", str(base))[1])
    draft.write_text(DOUBLED + "\n" + DOUBLED, encoding="utf-8")
    code, report = run_json(str(draft), "--baseline", str(base), "--select", "repetition/doubled-phrase")
    assert code == 1 and [(f["line"], f["message"]) for f in report["findings"]] == [(3, DOUBLED_MSG)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_baseline_saved_with_bom_or_utf16(tmp_path, encoding):
    draft = _draft(tmp_path)
    base = tmp_path / "baseline.json"
    base.write_text(run_cli(str(draft), "--format", "json").stdout, encoding=encoding)
    code, report = run_json(str(draft), "--baseline", str(base))
    assert code == 0 and report["findings"] == []


def test_fingerprint_key_stays(seeds_report):
    _, report = seeds_report
    assert all(len(f["fingerprint"]) == 20 for f in report["findings"])


# --- 11. Markdown read as Markdown ---------------------------------------------------------------

MARKDOWN = """---
title: 二十大精神、二十大精神
date: 2024-01-15
---
# 妇联工作报告

见[深入学习党的二十大精神、二十大精神和习近平总书记关于妇女工作重要论述](https://example.org/a/二十大精神、二十大精神.html)，见 https://x.cn/二十大精神、二十大精神。

```
二十大精神、二十大精神
```

    二十大精神、二十大精神

<div>
二十大精神、二十大精神
</div>

行内 `二十大精神、二十大精神` 与 <span title="二十大精神、二十大精神">正文</span>。
"""


def test_markdown_is_read_as_markdown(tmp_path):
    draft = _draft(tmp_path, "a.md", MARKDOWN)
    code, report = run_json(str(draft))
    # only the link text is prose: front matter, URLs, code, HTML and inline code are not
    assert [(f["line"], f["column"], f["end_column"]) for f in report["findings"]] == [(7, 9, 20)]


def test_markdown_masking_keeps_every_offset():
    from factlint.document import Document
    from factlint.segment import segment

    doc = Document("a.md", MARKDOWN)
    assert len(doc.text) == len(MARKDOWN) and doc.original == MARKDOWN
    assert [i for i, c in enumerate(MARKDOWN) if c == "\n"] == [i for i, c in enumerate(doc.text) if c == "\n"]
    assert doc.line_text(2) == "title: 二十大精神、二十大精神"  # excerpts show the file as written
    assert doc.text.splitlines()[1].strip() == ""
    assert segment(doc).articles[0].title == "妇联工作报告"  # not the front matter's title: line


def test_text_files_are_not_masked():
    from factlint.document import Document

    text = "见 https://x.cn/a 与 `code`。"
    assert Document("a.txt", text).text == text


# --- 12. SARIF that code scanning accepts -------------------------------------------------------

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json"


def test_sarif_validates_against_the_official_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    folder = tmp_path / "稿件 二〇二四"
    folder.mkdir()
    _draft(folder, "新闻 稿#1.txt")
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")  # the project root
    p = _run("稿件 二〇二四", "--format", "sarif", cwd=tmp_path)
    assert p.returncode == 1
    log = json.loads(p.stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.resolve().as_uri() + "/"}}
    result = run["results"][0]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {
        "uri": "%E7%A8%BF%E4%BB%B6%20%E4%BA%8C%E3%80%87%E4%BA%8C%E5%9B%9B/%E6%96%B0%E9%97%BB%20%E7%A8%BF%231.txt",
        "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 18}
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == result["ruleId"] == "repetition/doubled-phrase"
    assert rule["fullDescription"]["text"] and rule["help"]["text"].startswith(rule["shortDescription"]["text"])


def test_sarif_of_the_seeds_validates():
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(run_cli("seeds/", "--format", "sarif").stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(log["runs"][0]["results"]) == len(run_json("seeds/")[1]["findings"])


# --- 13. the terminal report fits the terminal ---------------------------------------------------

LONG = ("据统计，\t全市共有" + "各类市场主体、" * 12 + "深入学习党的二十大精神、二十大精神，" + "推动高质量发展、" * 12 + "。")


@pytest.mark.parametrize("width", [80, 120])
def test_excerpt_fits_and_carets_stand_under_the_span(width):
    from rich.cells import cell_len

    from factlint.document import Document, Span
    from factlint.findings import Location
    from factlint.report.text import excerpt

    doc = Document("a.txt", LONG)
    start = LONG.index("二十大精神、二十大精神")
    src, carets = excerpt(doc, Location("a.txt", Span(start, start + 11)), width)
    assert cell_len(src.plain) <= width - 1 and "\t" not in src.plain
    col = carets.plain.index("^")
    assert carets.plain.strip() == "^" * 22
    shown = src.plain
    # the cells before the carets are exactly the cells before the span in the excerpt line
    i, cells = 0, 0
    while cells < col:
        cells += cell_len(shown[i])
        i += 1
    assert shown[i:i + 11] == "二十大精神、二十大精神"


def test_short_line_excerpt_expands_tabs():
    from factlint.document import Document, Span
    from factlint.findings import Location
    from factlint.report.text import excerpt

    text = "\t二十大精神、二十大精神"
    src, carets = excerpt(Document("a.txt", text), Location("a.txt", Span(1, 12)), 80)
    assert src.plain == "    " + "    " + "二十大精神、二十大精神"
    assert carets.plain == " " * 8 + "^" * 22


def test_concise_format(tmp_path):
    draft = _draft(tmp_path)
    p = run_cli(str(draft), "--format", "concise")
    assert p.returncode == 1
    assert p.stdout == (f"{draft}:1:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n"
                        f"1 findings: error 0, warning 1, info 0\n")


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_output_file_for_any_format(tmp_path, fmt):
    draft = _draft(tmp_path)
    out = tmp_path / "sub.report"
    p = run_cli(str(draft), "--format", fmt, "-o", str(out))
    assert (p.returncode, p.stdout, p.stderr) == (1, "", "")
    written = out.read_text(encoding="utf-8")
    assert DOUBLED_MSG in written and "\x1b[" not in written
    if fmt in ("json", "sarif"):
        json.loads(written)


def test_quiet(tmp_path):
    draft = _draft(tmp_path)
    p = run_cli(str(draft), "--quiet", "--color", "never")
    assert p.returncode == 1 and "检查了" not in p.stdout and "按规则统计" not in p.stdout
    assert DOUBLED_MSG in p.stdout


def test_stdin_with_a_file_name():
    p = _run("-", "--stdin-filename", "drafts/今日.md", "--format", "concise", "-q",
             stdin=("<!-- 注释 -->\n" + DOUBLED).encode("utf-8"))
    assert p.returncode == 1
    assert p.stdout.decode() == f"drafts/今日.md:2:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n"
    p = _run("-", "--format", "concise", "-q", stdin=DOUBLED.encode("gbk"))
    assert p.stdout.decode() == f"-:1:7: warning repetition/doubled-phrase {DOUBLED_MSG}\n"


# --- 8. user regexes contained --------------------------------------------------------------------

def test_catastrophic_pattern_costs_a_fixed_budget(tmp_path, monkeypatch):
    from factlint.checks import pattern
    from factlint.engine import check_texts
    from factlint.rules import load_rules

    d, f = _rule(tmp_path, 'kind = "pattern"\nmessage = "x"\npattern = "(a|aa)+$"\n')
    rule = next(r for r in load_rules((str(d),)) if r.id == "style/house")
    monkeypatch.setattr(pattern, "BUDGET_SECONDS", 0.5)
    monkeypatch.setattr(pattern, "_spent", {})
    monkeypatch.setattr(pattern, "_stopped", {})
    texts = {f"t{i}.txt": "标题\n\n" + "\n\n".join(["a" * 40 + "b。"] * 20) for i in range(5)}
    began = time.monotonic()
    findings, docs = check_texts([rule], texts)
    assert time.monotonic() - began < 10
    assert [(f.rule, f.severity, f.location.path, docs[f.location.path].line_col(f.location.span.start), f.message)
            for f in findings] == [
        ("style/house", "error", "t0.txt", (3, 1),
         f"规则 style/house 的正则表达式用完了 0.5 秒的时间预算，在此段停止，之后的文本未按此规则检查（请简化 {f} 中的 pattern）")]
    assert pattern.stopped() == [
        f"{f}: 规则 style/house 的正则表达式用完了 0.5 秒的时间预算，在 t0.txt:3 处停止，之后的文本未按此规则检查 "
        f"(regex time budget spent; rule stopped)"]


def test_explicit_config_names_the_project_root(tmp_path):
    proj = tmp_path / "paper"
    (proj / "drafts").mkdir(parents=True)
    (proj / "ci").mkdir()
    (proj / "ci" / "factlint.toml").write_text('select = ["repetition/doubled-phrase"]\n', encoding="utf-8")
    _draft(proj / "ci", "d.txt")
    base = tmp_path / "baseline.json"
    p = run_cli("ci/d.txt", "--config", "ci/factlint.toml", "--format", "json", cwd=proj)
    base.write_text(p.stdout, encoding="utf-8")
    # the same file from another folder, with the same config: the same fingerprint
    code, report = run_json("d.txt", "--config", "factlint.toml", "--baseline", str(base), cwd=proj / "ci")
    assert code == 0 and report["findings"] == []


@pytest.mark.parametrize("body,line", [
    ('kind = "pattern"\nmessage = "x"\n\npattern = "(unclosed"\n', 4),
    ('kind = "pattern"\nmessage = "x"\npattern = "a"\nunless = "[b"\n', 4),
])
def test_invalid_option_names_the_line(tmp_path, body, line):
    from factlint.rules import load_rules
    from factlint.tomlload import ConfigError

    d, f = _rule(tmp_path, body)
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert str(e.value).startswith(f"{f}:{line}: 选项无效 (invalid option): ")


def test_output_file_in_a_missing_folder_fails_before_the_run(tmp_path):
    p = run_cli("seeds/", "-o", str(tmp_path / "no" / "r.json"))
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr == f"factlint: {tmp_path / 'no' / 'r.json'}: 无法写入报告（目录不存在或不可写）(cannot write the report there)\n"
