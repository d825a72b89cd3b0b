"""Command line: arguments and exit codes only (0 clean, 1 findings at or above --fail-on, 2 error)."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__

COMMANDS = ("check", "rules", "explain", "facts")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "concise", "json", "sarif", "github")
LEVEL = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL_MEANING = {
    "error": "文中数字或事实自相矛盾，发表前必须核实改正",
    "warning": "很可能有误，请对照原始材料核对",
    "info": "供参考（如套话重复），可酌情修改",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as for every other bad input
        self.exit(EXIT_ERROR, f"factlint: {message} (see factlint --help)\n")


def _csv(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"应为正整数 (expected a positive number of processes, got {value!r})")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="factlint", description="检查中文新闻稿件中数字、总分、计数、前后矛盾与重复的一致性。")
    p.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="检查文件或目录（默认命令）")
    c.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录；- 表示从标准输入读取")
    c.add_argument("--format", choices=FORMATS, default="text")
    c.add_argument("-o", "--output", metavar="FILE", help="把报告写入文件（UTF-8），而不是标准输出")
    c.add_argument("-q", "--quiet", action="store_true", help="只输出问题本身，不输出统计")
    c.add_argument("--stdin-filename", metavar="PATH", help="从标准输入（-）读取时在报告中使用的文件名")
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
    c.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="并行进程数（默认：全部 CPU 核；1 为单进程）")

    sub.add_parser("rules", help="列出所有规则").add_argument("--rules", action="append", metavar="DIR")
    e = sub.add_parser("explain", help="显示规则的说明和示例")
    e.add_argument("rule_id", metavar="ID")
    e.add_argument("--rules", action="append", metavar="DIR")

    f = sub.add_parser("facts", help="列出抽取到的数字、日期、序号等事实")
    f.add_argument("paths", nargs="+", metavar="PATH")
    f.add_argument("--format", choices=("text", "json", "csv"), default="text")
    f.add_argument("--exclude", action="append", metavar="GLOB")
    f.add_argument("--claims", action="store_true", help="列出各检查识别出的结构（分项、占比、计数、序号…）及是否成立")
    return p


_interrupted = False  # set by Ctrl-C: whatever exception the interrupt then causes, it is an interrupt


def _interrupt_handler(main_pid: int):
    """Ctrl-C: the main process stops with one line; a worker process leaves at once, without a traceback."""
    def handler(signum, frame):
        global _interrupted
        if os.getpid() != main_pid:
            os._exit(EXIT_ERROR)
        _interrupted = True
        raise KeyboardInterrupt
    return handler


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and (not argv[0].startswith("-") or argv[0] == "-"):
        argv.insert(0, "check")
    elif argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")
    from . import output

    output.setup_streams()
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_ERROR
    import signal

    from .tomlload import ConfigError

    try:
        signal.signal(signal.SIGINT, _interrupt_handler(os.getpid()))
    except ValueError:  # not the main thread (an embedding program): keep its handler
        pass
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        return _facts(args)
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:
        # the reader (| head) left: nothing more to say, and no second error when Python flushes stdout
        output.silence_stdout()
        return EXIT_CLEAN
    except KeyboardInterrupt:
        _err("已中断 (interrupted)")
        return EXIT_ERROR
    except RecursionError:
        _err("内部错误：嵌套过深 (internal error: recursion too deep); 请报告此问题")
        return EXIT_ERROR
    except MemoryError:
        _err("内存不足 (out of memory)")
        return EXIT_ERROR
    except Exception as exc:  # a crash must never look like "findings" (exit 1) or print a traceback
        if _interrupted:
            # KeyboardInterrupt raised inside threading or multiprocessing internals can surface as
            # another error (RuntimeError: release unlocked lock): it is still the user's Ctrl-C
            _err("已中断 (interrupted)")
            return EXIT_ERROR
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        where = _crash_site(exc)
        _err(f"内部错误 (internal error: {type(exc).__name__}: {exc}{where}); 请报告此问题，"
             f"设置 FACTLINT_DEBUG=1 可看到完整信息")
        return EXIT_ERROR


def _crash_site(exc: BaseException) -> str:
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f" at {os.path.basename(last.filename)}:{last.lineno}"


def _err(message: str) -> None:
    print(f"factlint: {' '.join(message.splitlines())}", file=sys.stderr)


def _check(args) -> int:
    from . import config as config_mod
    from . import suppress
    from .baseline import apply_baseline, read_baseline
    from .document import register_stdin
    from .engine import run, select_rules
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
    ids = [r.id for r in rules]
    config_mod.check_selection("--select" if args.select else "select", cfg.select, ids,
                               "" if args.select else cfg.source)
    config_mod.check_selection("--ignore" if args.ignore else "ignore", cfg.ignore, ids,
                               "" if args.ignore else cfg.source)
    config_mod.check_selection("[severity]", tuple(cfg.severity), ids, cfg.source)
    known = read_baseline(args.baseline) if args.baseline else None
    if args.output and not os.access(os.path.dirname(os.path.abspath(args.output)), os.W_OK):
        from .tomlload import ConfigError

        raise ConfigError(f"{args.output}: 无法写入报告（目录不存在或不可写）(cannot write the report there)")

    paths = list(args.paths)
    if "-" in paths:
        name = args.stdin_filename or "-"
        register_stdin(name, sys.stdin.buffer.read())
        paths = [name if p == "-" else p for p in paths]
    elif args.stdin_filename:
        _err("--stdin-filename 只在路径为 - 时使用 (--stdin-filename needs - among the paths)")
        return EXIT_ERROR

    from .progress import Bar, wanted

    bar = Bar(wanted(args.quiet))
    try:
        result = run(paths, cfg, rules, use_cache=not args.no_cache, jobs=args.jobs, progress=bar)
    finally:
        bar.close()
    for w in result.warnings:
        _err(f"警告 (warning): {w}")
    if known is not None:
        result.findings = apply_baseline(result.findings, result.documents, known)
    selected = select_rules(rules, cfg)
    warnings = suppress.problems(result.documents, ids, paths, cfg.exclude, result.checked)
    _write_report(args, result, selected)
    for w in warnings:
        _err(f"警告 (warning): {w}")
    errors = list(result.errors)
    for err in errors:
        _err(err)
    if errors or (not result.documents and not result.findings and not result.files):
        if not errors:
            _err("没有找到要检查的 .txt/.md 文件 (no files to check)")
        return EXIT_ERROR
    if cfg.fail_on != "never":
        threshold = SEVERITY_RANK[cfg.fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


def _write_report(args, result, rules) -> None:
    from . import output

    if args.output:
        try:
            out = open(args.output, "w", encoding="utf-8", newline="\n",
                       errors=output.JSON_ERRORS if args.format in ("json", "sarif") else output.TEXT_ERRORS)
        except OSError as exc:
            from .tomlload import ConfigError

            raise ConfigError(f"{args.output}: 无法写入报告 ({exc.strerror or exc})") from None
    else:
        out = sys.stdout
        output.for_format(args.format)
    try:
        if args.format == "json":
            from .report import json as report

            report.write(result, out)
        elif args.format == "sarif":
            from .report import sarif

            sarif.write(result, rules, out)
        elif args.format == "github":
            from .report import github

            github.write(result, out)
        elif args.format == "concise":
            from .report import concise

            concise.write(result, out, quiet=args.quiet)
        else:
            from .report import text

            text.render(result, output.console(out, args.color, to_file=bool(args.output)), quiet=args.quiet)
    finally:
        if out is not sys.stdout:
            out.close()


def _rules(args) -> int:
    from rich.table import Table
    from rich.text import Text

    from . import output
    from .rules import load_rules

    table = Table(show_lines=False)
    for col in ("id", "kind", "severity"):
        table.add_column(col, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for r in load_rules(tuple(args.rules or ())):
        table.add_row(Text(r.id), Text(r.kind), Text(f"{r.severity} {LEVEL[r.severity]}"), Text(r.summary))
    output.console(sys.stdout, "auto").print(table)
    return EXIT_CLEAN


def _explain(args) -> int:
    import difflib

    from .rules import load_rules

    rules = {r.id: r for r in load_rules(tuple(args.rules or ()))}
    rule = rules.get(args.rule_id)
    if rule is None:
        close = difflib.get_close_matches(args.rule_id, sorted(rules), n=3, cutoff=0.5)
        hint = f"；是否想写 {', '.join(close)}？" if close else ""
        _err(f"没有规则 '{args.rule_id}' (unknown rule; see factlint rules){hint}")
        return EXIT_ERROR
    out = [
        f"{rule.id}：{rule.summary}",
        "",
        f"级别：{LEVEL[rule.severity]}（{rule.severity}）—— {LEVEL_MEANING[rule.severity]}。",
        f"类别：{rule.category}    检查方式：{rule.kind}",
    ]
    for i, ex in enumerate(rule.examples, 1):
        out += ["", f"示例 {i}："]
        if ex.fail:
            out.append(f"  会报告：{ex.fail}")
        if ex.passes:
            out.append(f"  不报告：{ex.passes}")
    out += [
        "",
        "如何处理：对照原始材料核对报告指出的数字或文字；确认无误时可以忽略这一处：",
        f"  Markdown 稿件中，在该行之前写 <!-- factlint-disable-next-line {rule.id} -->",
        f"  或在 factlint.toml 中写 ignore = [\"{rule.id}\"]（整条规则不再检查）",
        "  或用 --baseline 接受已有的问题，只报告新出现的。",
        "",
        "技术说明（英文，供开发者参考）：",
        *("  " + line if line else "" for line in (rule.module.__doc__ or "").strip().splitlines()),
        "",
        f"规则文件 (rule file): {rule.path}",
    ]
    print("\n".join(out))
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
    if args.format == "json":
        from . import output

        output.for_format("json")
    if args.claims:
        from . import config as config_mod
        from .report import claims
        from .rules import load_rules

        claims.render(all_facts, load_rules(config_mod.load(None).rules), args.format, sys.stdout)
    else:
        report.render(all_facts, args.format, sys.stdout)
    for err in errors:
        _err(err)
    return EXIT_ERROR if errors or not files else EXIT_CLEAN
