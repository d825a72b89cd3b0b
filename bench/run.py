"""Benchmarks (not tests): one table of throughput, time shares, memory, growth, --jobs, pre-commit
and start-up, on real published text (../shared/corpus) and copies of it built under bench/out/.

    python bench/run.py                  # the whole table (a few minutes)
    python bench/run.py --quick          # 1x and 2x only, fewer repeats
    python bench/run.py --save FILE      # also write the table to FILE

CPU seconds (user + sys of factlint and its workers) are the primary figure: wall time on a
shared machine depends on what else runs. Two kinds of larger corpora are built from the k×
real corpus: "distinct" copies have their Han characters permuted (except those any rule or word
list names), so no clause repeats between copies; "near" copies change only the figures, so
every article has k-1 near-copies (the worst case for the copy check).
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "out"
FACTLINT = [sys.executable, "-m", "factlint"]


# --- corpora -------------------------------------------------------------------------------------

STRUCTURE = "其中分别占比重增长增加减少下降上升提高同比共合计总计累计新增率是和及与为达到至由从全年"


def _kept_chars() -> set[str]:
    """Han characters of figures and units (numbers.py, units.toml) and a few structure words: left
    alone, so figures keep their units and sentences their shape; every other character is permuted."""
    kept = set(STRUCTURE)
    for p in (ROOT / "src" / "factlint" / "numbers.py", ROOT / "rules" / "lexicon" / "units.toml"):
        if p.exists():
            kept.update(c for c in p.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff")
    return kept


def _vary(num: str, rng: random.Random) -> str:
    if len(num) == 4 and num.startswith(("19", "20")):
        return num  # keep years
    if "." in num:
        whole, frac = num.split(".")
        return f"{max(1, int(whole) + rng.randint(-3, 3))}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    n = int(num)
    return str(max(1, n + rng.randint(-n // 5 - 1, n // 5 + 1)))


def build(kind: str, k: int) -> Path:
    """The real corpus k times: copy 0 unchanged, the others distinct or near copies of it."""
    dest = OUT / f"{kind}{k}"
    stamp = dest / ".built"
    if stamp.exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    kept = _kept_chars() if kind == "distinct" else set()
    for copy in range(k):
        rng = random.Random(copy)
        sub = dest / f"c{copy}"
        sub.mkdir()
        table = None
        if kind == "distinct" and copy:
            free = sorted({c for t in texts.values() for c in t if "\u4e00" <= c <= "\u9fff"} - kept)
            shuffled = free[:]
            rng.shuffle(shuffled)
            table = str.maketrans(dict(zip(free, shuffled)))
        for name, text in texts.items():
            if copy and table:
                text = text.translate(table)
            elif copy:
                text = re.sub(r"\d+(?:\.\d+)?", lambda m: _vary(m.group(), rng), text)
            (sub / name).write_text(text, encoding="utf-8")
    stamp.write_text("")
    return dest


def chars(path: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in sorted(path.rglob("*.txt")))


# --- measuring one run ---------------------------------------------------------------------------

_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, r.ru_utime + r.ru_stime, r.ru_maxrss, p.returncode)
"""


def timed(args: list[str], cwd: Path = ROOT, repeat: int = 1) -> tuple[float, float, float]:
    """Best wall seconds, best CPU seconds (factlint and every worker it started), peak RSS in MiB
    of its largest process. Each run is measured from a fresh helper process."""
    best = (math.inf, math.inf, 0.0)
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _MEASURE, *args], cwd=cwd, capture_output=True, text=True)
        wall, cpu, rss_kb, code = out.stdout.split()
        if int(code) not in (0, 1):
            raise SystemExit(f"factlint failed ({code}): {' '.join(args)}")
        best = (min(best[0], float(wall)), min(best[1], float(cpu)), max(best[2], int(rss_kb) / 1024))
    return best


def has_jobs() -> bool:
    return "--jobs" in subprocess.run([*FACTLINT, "check", "--help"], capture_output=True, text=True).stdout


# --- where the time goes, in one process ---------------------------------------------------------

def shares(path: Path) -> list[tuple[str, float]]:
    """CPU seconds of reading, extraction, each rule, and the JSON report, measured in this process
    (serial), plus the garbage collector's part of all of it."""
    from factlint.config import Config
    from factlint.document import discover, read_document
    from factlint.extract import extract
    from factlint.engine import select_rules
    from factlint.rules import load_rules
    from factlint.report import json as report
    from factlint import words

    gc_time = [0.0, 0.0]

    def on_gc(phase, info):
        if phase == "start":
            gc_time[1] = time.process_time()
        else:
            gc_time[0] += time.process_time() - gc_time[1]

    words.cut("预热")  # the segmenter's load is start-up, measured on its own row
    rules = select_rules(load_rules(()), Config())
    files, _ = discover([str(path)])
    gc.callbacks.append(on_gc)
    out = []
    t = time.process_time()
    docs = [read_document(f) for f in files]
    out.append(("read", time.process_time() - t))
    t = time.process_time()
    facts = [extract(d) for d in docs]
    out.append(("extract", time.process_time() - t))
    targets = {f.path for f in facts}
    findings = []
    for rule in rules:
        t = time.process_time()
        if rule.module.SCOPE == "document":
            for f in facts:
                findings.extend(rule.module.check(rule, f))
        else:
            findings.extend(rule.module.check(rule, facts, targets))
        out.append((rule.id, time.process_time() - t))
    findings.sort(key=lambda f: f.sort_key())

    class R:
        pass

    res = R()
    res.findings, res.documents, res.errors = findings, {d.path: d for d in docs}, []
    res.files, res.characters, res.corpus_files = len(docs), sum(len(d.text) for d in docs), 0
    t = time.process_time()
    import io

    buf = io.StringIO()
    if hasattr(report, "write"):
        report.write(res, buf)
    else:
        buf.write(report.render(res))
    out.append((f"json report ({len(findings)} findings)", time.process_time() - t))
    gc.callbacks.remove(on_gc)
    out.append(("  of all the above: garbage collector", gc_time[0]))
    return out


# --- the table -----------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--save", metavar="FILE")
    ap.add_argument("--no-shares", action="store_true")
    args = ap.parse_args()
    lines: list[str] = []

    def say(s: str = "") -> None:
        print(s, flush=True)
        lines.append(s)

    jobs1 = ["--jobs", "1"] if has_jobs() else []
    load = os.getloadavg()[0]
    say(f"factlint bench — python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load:.1f} at start, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    say("CPU = user+sys seconds of factlint and its workers (primary: the machine is shared); "
        "wall is noisy. M c/s = million characters per second.")
    say()
    scales = (1, 2) if args.quick else (1, 2, 4, 8)
    rep = 1 if args.quick else 2
    say(f"{'run':44} {'chars':>9} {'CPU s':>7} {'wall s':>7} {'M c/CPU-s':>9} {'M c/wall-s':>10} {'peak MiB':>8}")
    table: dict[tuple[str, int], tuple[float, float, float, int]] = {}
    for kind in ("distinct", "near"):
        for k in scales:
            d = build(kind, k)
            n = chars(d)
            wall, cpu, rss = timed([*FACTLINT, str(d), "--format", "json", *jobs1], repeat=rep if k == 1 else 1)
            table[(kind, k)] = (wall, cpu, rss, n)
            label = f"{kind} {k}x ({len(list(d.rglob('*.txt')))} files), json{' --jobs 1' if jobs1 else ''}"
            say(f"{label:44} {n:9d} {cpu:7.2f} {wall:7.2f} {n / cpu / 1e6:9.3f} {n / wall / 1e6:10.3f} {rss:8.0f}")
    say()
    top = scales[-1]
    for kind in ("distinct", "near"):
        w1, c1, r1, n1 = table[(kind, 1)]
        wk, ck, rk, nk = table[(kind, top)]
        e = math.log(nk / n1)
        say(f"growth 1x→{top}x, {kind:8}: CPU ∝ N^{math.log(ck / c1) / e:.2f}, peak memory ∝ N^{math.log(rk / r1) / e:.2f}")
    say()

    # one document that grows: every pairwise look at a document's figures shows here
    sizes = []
    whole = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))) + "\n\n"
    for k in ((1, 2) if args.quick else (1, 2, 4)):
        one_file = OUT / f"onefile{k}.txt"
        one_file.write_text(whole * k, encoding="utf-8")
        n = len(whole) * k
        wall, cpu, rss = timed([*FACTLINT, str(one_file), "--format", "json", *jobs1])
        sizes.append((n, cpu, rss))
        say(f"{'one file, the corpus ' + str(k) + 'x':44} {n:9d} {cpu:7.2f} {wall:7.2f} {n / cpu / 1e6:9.3f} "
            f"{n / wall / 1e6:10.3f} {rss:8.0f}")
    e = math.log(sizes[-1][0] / sizes[0][0])
    say(f"growth within one file: CPU ∝ N^{math.log(sizes[-1][1] / sizes[0][1]) / e:.2f}, "
        f"peak memory ∝ N^{math.log(sizes[-1][2] / sizes[0][2]) / e:.2f}")
    say()

    big = build("distinct", 4 if not args.quick else 2)
    n = chars(big)
    if jobs1:
        w1, c1, r1 = timed([*FACTLINT, str(big), "--format", "json", "--jobs", "1"])
        w2, c2, r2 = timed([*FACTLINT, str(big), "--format", "json", "--jobs", "2"])
        say(f"--jobs 1 vs --jobs 2 on {big.name} ({n} chars): wall {w1:.2f} s → {w2:.2f} s "
            f"(speed-up {w1 / w2:.2f}×), CPU {c1:.2f} s → {c2:.2f} s, peak {r1:.0f} → {r2:.0f} MiB")
    else:
        w2, c2, r2 = timed([*FACTLINT, str(big), "--format", "json"])
        say(f"no --jobs flag; default run on {big.name} ({n} chars): wall {w2:.2f} s, CPU {c2:.2f} s, peak {r2:.0f} MiB")

    # pre-commit: one draft against a configured corpus, cache cold then warm
    work = OUT / "precommit"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "factlint.toml").write_text(f'corpus = ["{big}"]\n', encoding="utf-8")
    draft = work / "draft.txt"
    shutil.copy(sorted(CORPUS.glob("*.txt"))[40], draft)
    mb = sum(p.stat().st_size for p in big.rglob("*.txt")) / 2 ** 20
    wc, cc, rc = timed([*FACTLINT, "draft.txt", "--format", "json"], cwd=work)
    ww, cw, rw = timed([*FACTLINT, "draft.txt", "--format", "json"], cwd=work, repeat=3)
    say(f"pre-commit, one draft vs a {mb:.1f} MB corpus: cold cache wall {wc:.2f} s CPU {cc:.2f} s ({rc:.0f} MiB); "
        f"warm wall {ww:.2f} s CPU {cw:.2f} s ({rw:.0f} MiB)")

    one = sorted((ROOT / "seeds").glob("*.txt"))[-1]
    ws, cs, rs = timed([*FACTLINT, str(one), "--format", "json"], repeat=5)
    wh, ch, _ = timed([sys.executable, "-c", "pass"], repeat=5)
    wd, cd, _ = timed([sys.executable, "-c", "from factlint import words; words.cut('预热')"], repeat=5)
    say(f"start-up, one {one.stat().st_size // 1024} KB file: wall {ws:.3f} s, CPU {cs:.3f} s, {rs:.0f} MiB "
        f"(bare python: wall {wh:.3f} s; python with the dictionary loaded: CPU {cd:.3f} s)")

    for tool, cmd in (("autocorrect", ["autocorrect", "--lint"]), ("zhlint", ["zhlint"]), ("textlint", ["textlint"])):
        if shutil.which(cmd[0]):
            d = build("distinct", 1)
            wall, cpu, rss = timed([*cmd, *map(str, sorted(d.rglob("*.txt")))])
            n1 = chars(d)
            say(f"{tool} on distinct 1x: {n1 / cpu / 1e6:.3f} M c/CPU-s, wall {wall:.2f} s, {rss:.0f} MiB")
        else:
            say(f"{tool}: not installed")

    if not args.no_shares:
        say()
        d = build("distinct", 1)
        rows = shares(d)
        total = sum(s for name, s in rows if not name.startswith("  "))
        say(f"where the time goes, serial, in-process, distinct 1x ({chars(d)} chars, {total:.2f} CPU s):")
        for name, s in rows:
            say(f"  {name:48} {s:7.3f} s {100 * s / total:5.1f} %")
    if args.save:
        Path(args.save).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
