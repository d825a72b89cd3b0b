"""Start-up work kept small without changing what is checked."""
import ast
import inspect

from factlint import rules


def test_message_fields_read_from_the_calls_equal_a_full_parse():
    # rules._format_calls parses only the rule.message.format(...) calls (every run validates the
    # templates); it must find exactly what walking each check module's whole syntax tree finds
    for kind, mod in rules.check_kinds().items():
        full = rules._format_calls_of_tree(ast.parse(inspect.getsource(mod)))
        assert (kind, rules._format_calls(mod)) == (kind, full)


def test_message_fields_of_a_call_with_brackets_inside_strings():
    tree = rules._call_node('f(x, a="(", b=g(1)[0], **{}) + 1', 1)
    assert tree is None  # a bracket inside a string: not cut out, the caller reads the whole tree instead
    call = rules._call_node("rule.message.format(formula=f(a[1], {2}), stated=s)\n", 19)
    assert [k.arg for k in call.keywords] == ["formula", "stated"]


def test_suppression_comments_of_the_corpus_are_not_read(tmp_path):
    # pre-commit: only the draft's comments are checked; the corpus is compared with, never linted
    import os
    import subprocess
    import sys

    comment = "<!-- factlint-disable-next-line repetiton -->\n全县共12个乡镇。\n"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "old.md").write_text(comment, encoding="utf-8")
    (tmp_path / "d.md").write_text(comment, encoding="utf-8")
    (tmp_path / "factlint.toml").write_text('corpus = ["corpus"]\n', encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "factlint", "d.md", "--no-cache", "--quiet"], cwd=tmp_path,
                       capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert (p.returncode, p.stdout) == (0, b"")
    assert p.stderr.decode() == ("factlint: 警告 (warning): d.md:1: 注释中的规则 'repetiton' 不存在，它不会屏蔽任何问题，"
                                 "是否想写 repetition？ (unknown rule in a suppression comment)\n")
