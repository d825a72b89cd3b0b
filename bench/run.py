"""Benchmarks (not tests): throughput on the seeds and on a generated ≥10 MB corpus, start-up of a
one-file run, peak memory, and a one-file run against a cached corpus.

    python bench/run.py            # prints a table; writes the generated corpus under bench/out/
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FACTLINT = [sys.executable, "-m", "factlint"]


def generate(target_mb: float = 10.0, seed: int = 7) -> Path:
    """Seed text with every figure varied, so documents are not copies of each other."""
    corpus = OUT / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size, n = 0, 0
    while size < target_mb * 1024 * 1024:
        text = re.sub(r"\d+(?:\.\d+)?", lambda m: _vary(m.group(), rng), rng.choice(seeds))
        f = corpus / f"{n // 100:03d}" / f"a{n:05d}.txt"
        f.parent.mkdir(exist_ok=True)
        f.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
        n += 1
    return corpus


def _vary(num: str, rng: random.Random) -> str:
    if len(num) == 4 and num.startswith(("19", "20")):
        return num  # keep years
    if "." in num:
        whole, frac = num.split(".")
        return f"{max(1, int(whole) + rng.randint(-3, 3))}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    return str(max(1, int(num) + rng.randint(-int(num) // 5 - 1, int(num) // 5 + 1)))


_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)
"""


def timed(args: list[str], cwd: Path = ROOT) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) of the largest process of that one run, exit code.

    Measured from a fresh helper process, so one run's peak does not carry into the next row."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *args], cwd=cwd, capture_output=True, text=True).stdout
    wall, rss_kb, code = out.split()
    return float(wall), int(rss_kb) / 1024, int(code)


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*.txt")) / 1024 / 1024


def main() -> None:
    rows = []
    seeds = ROOT / "seeds"
    wall, rss, _ = timed([*FACTLINT, str(seeds), "--format", "json"])
    rows.append(("seeds (5 files)", f"{size_mb(seeds):.3f} MB", f"{wall:.2f} s", f"{size_mb(seeds) / wall:.3f} MB/s", f"{rss:.0f} MB"))
    one = next(seeds.glob("004_*.txt"))
    wall, rss, _ = timed([*FACTLINT, str(one), "--format", "json"])
    rows.append(("start-up: one file", f"{one.stat().st_size / 1024:.0f} KB", f"{wall:.2f} s", "", f"{rss:.0f} MB"))
    corpus = generate()
    mb = size_mb(corpus)
    wall, rss, _ = timed([*FACTLINT, str(corpus), "--format", "json"])
    rows.append((f"generated corpus ({len(list(corpus.rglob('*.txt')))} files)", f"{mb:.1f} MB", f"{wall:.1f} s", f"{mb / wall:.2f} MB/s", f"{rss:.0f} MB"))
    # Every generated article is a near-copy of ~130 others, the worst case for the copy check;
    # this row shows the rest of the pipeline on the same corpus.
    wall, rss, _ = timed([*FACTLINT, str(corpus), "--format", "json", "--ignore", "repetition/copied-clause"])
    rows.append(("  same, without copied-clause", f"{mb:.1f} MB", f"{wall:.1f} s", f"{mb / wall:.2f} MB/s", f"{rss:.0f} MB"))
    work = OUT / "partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "factlint.toml").write_text(f'corpus = ["{corpus}"]\n', encoding="utf-8")
    draft = work / "draft.txt"
    shutil.copy(one, draft)
    wall, rss, _ = timed([*FACTLINT, str(draft), "--format", "json"], cwd=work)
    rows.append(("one file vs corpus, cold cache", f"{mb:.1f} MB", f"{wall:.1f} s", f"{mb / wall:.2f} MB/s", f"{rss:.0f} MB"))
    wall, rss, _ = timed([*FACTLINT, str(draft), "--format", "json"], cwd=work)
    rows.append(("one file vs corpus, warm cache", f"{mb:.1f} MB", f"{wall:.2f} s", "", f"{rss:.0f} MB"))
    width = [max(len(r[i]) for r in rows) for i in range(5)]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, width)))


if __name__ == "__main__":
    main()
