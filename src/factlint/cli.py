"""Command line: arguments and exit codes only (0 clean, 1 findings at or above --fail-on, 2 error)."""
from __future__ import annotations

import argparse
import sys

from . import __version__

COMMANDS = ("check", "rules", "explain", "facts")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as for every other bad input
        self.exit(EXIT_ERROR, f"factlint: {message} (see factlint --help)\n")


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="factlint", description="检查中文新闻稿件中数字、总分、计数、前后矛盾与重复的一致性。")
    p.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="检查文件或目录（默认命令）")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    c.add_argument("--select", type=_csv, help="只运行这些规则或类别（逗号分隔）")
    c.add_argument("--ignore", type=_csv, help="不运行这些规则或类别（逗号分隔）")
    c.add_argument("--fail-on", choices=("info", "warning", "error", "never"), help="达到此级别即退出码 1（默认 warning）")
    c.add_argument("--exclude", action="append", metavar="GLOB", help="跳过匹配的文件（可重复）")
    c.add_argument("--rules", action="append", metavar="DIR", help="额外的规则目录（可重复）")
    c.add_argument("--corpus", action="append", metavar="DIR", help="一并比对的语料目录（可重复）")
    c.add_argument("--config", metavar="FILE", help="配置文件（默认：最近的 factlint.toml 或 pyproject.toml）")
    c.add_argument("--no-cache", action="store_true", help="不读写 .factlint/ 缓存")
    c.add_argument("--date", metavar="YYYY-MM-DD", help="发布日期（默认：文中最晚的日期）")
    c.add_argument("--baseline", metavar="FILE", help="忽略此前 --format json 报告中已有的问题（按指纹）")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    sub.add_parser("rules", help="列出所有规则").add_argument("--rules", action="append", metavar="DIR")
    e = sub.add_parser("explain", help="显示规则的说明和示例")
    e.add_argument("rule_id", metavar="ID")
    e.add_argument("--rules", action="append", metavar="DIR")

    f = sub.add_parser("facts", help="列出抽取到的数字、日期、序号等事实")
    f.add_argument("paths", nargs="+", metavar="PATH")
    f.add_argument("--format", choices=("text", "json", "csv"), default="text")
    f.add_argument("--exclude", action="append", metavar="GLOB")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "check")
    elif argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_ERROR
    from .tomlload import ConfigError

    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        return _facts(args)
    except ConfigError as exc:
        print(f"factlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return EXIT_ERROR


def _check(args) -> int:
    from . import config as config_mod
    from .engine import run
    from .findings import SEVERITY_RANK
    from .rules import load_rules

    cfg = config_mod.load(args.config)
    cfg = config_mod.override(
        cfg,
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
        exclude=cfg.exclude + tuple(args.exclude) if args.exclude else None,
        rules=cfg.rules + tuple(args.rules) if args.rules else None,
        corpus=cfg.corpus + tuple(args.corpus) if args.corpus else None,
        date=config_mod.check_date(args.date, "--date") if args.date else None,
    )
    rules = load_rules(cfg.rules)
    result = run(args.paths, cfg, rules, use_cache=not args.no_cache)
    if args.baseline:
        from .report.json import read_baseline

        known = read_baseline(args.baseline)
        result.findings = [f for f in result.findings
                           if f.fingerprint(result.documents[f.location.path].text) not in known]
    out = sys.stdout
    if args.format == "json":
        from .report import json as report

        out.write(report.render(result) + "\n")
    elif args.format == "sarif":
        from .report import sarif

        out.write(sarif.render(result, rules) + "\n")
    elif args.format == "github":
        from .report import github

        text = github.render(result)
        out.write(text + ("\n" if text else ""))
    else:
        from rich.console import Console

        from .report import text

        color = {"always": True, "never": False}.get(args.color)
        console = Console(force_terminal=color, no_color=color is False, highlight=False, soft_wrap=True)
        text.render(result, console)
    for err in result.errors:
        print(f"factlint: {err}", file=sys.stderr)
    if result.errors or (not result.documents and not result.findings and not result.files):
        if not result.errors:
            print("factlint: 没有找到要检查的 .txt/.md 文件 (no files to check)", file=sys.stderr)
        return EXIT_ERROR
    if cfg.fail_on != "never":
        threshold = SEVERITY_RANK[cfg.fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


def _rules(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from .rules import load_rules

    table = Table(show_lines=False)
    for col in ("id", "kind", "severity"):
        table.add_column(col, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for r in load_rules(tuple(args.rules or ())):
        table.add_row(r.id, r.kind, r.severity, r.summary)
    Console(soft_wrap=True).print(table)
    return EXIT_CLEAN


def _explain(args) -> int:
    from .rules import load_rules

    rules = {r.id: r for r in load_rules(tuple(args.rules or ()))}
    rule = rules.get(args.rule_id)
    if rule is None:
        print(f"factlint: 没有规则 '{args.rule_id}' (unknown rule; see factlint rules)", file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.id}  (kind: {rule.kind}, severity: {rule.severity})")
    print(rule.summary)
    print()
    print((rule.module.__doc__ or "").strip())
    print()
    print(f"rule file: {rule.path}")
    for i, ex in enumerate(rule.examples, 1):
        print(f"\nexample {i}:")
        if ex.fail:
            print(f"  fail: {ex.fail}")
        if ex.passes:
            print(f"  pass: {ex.passes}")
    return EXIT_CLEAN


def _facts(args) -> int:
    from .document import InputError, discover, read_document
    from .extract import extract
    from .report import facts as report

    files, errors = discover(args.paths, tuple(args.exclude or ()))
    all_facts = []
    for path in files:
        try:
            all_facts.append(extract(read_document(path)))
        except InputError as exc:
            errors.append(str(exc))
    report.render(all_facts, args.format, sys.stdout)
    for err in errors:
        print(f"factlint: {err}", file=sys.stderr)
    return EXIT_ERROR if errors or not files else EXIT_CLEAN
