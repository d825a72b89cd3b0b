"""When named parts make up their whole: complementary pairs, complete series, a last 其他 (rules/lexicon/arithmetic.toml)."""
from __future__ import annotations

from .lexicon import arithmetic_words


def _pair(a: str, b: str) -> str | None:
    for x, y in arithmetic_words()["complementary"]:
        if (x in a and y in b and y not in a and x not in b) or (y in a and x in b and x not in a and y not in b):
            return f"{x}/{y}"
    # X / 非X: 国有 / 非国有, 农业 / 非农业, 油经济 / 非油经济
    for p, q in ((a, b), (b, a)):
        k = q.find("非")
        if k >= 0 and len(q) - k > 1 and "非" not in p and p.startswith(q[:k] + q[k + 1:k + 3]):
            return f"{q[k + 1:k + 3]}/非{q[k + 1:k + 3]}"
    return None


def complete(names: list[str]) -> str:
    """Why these parts' names cover their whole ("中央/地方", "第一产业/第二产业/第三产业", "其他"), or ""."""
    if len(names) < 2:
        return ""
    if len(names) == 2:
        why = _pair(names[0], names[1])
        if why:
            return why
    for members in arithmetic_words()["series"]:
        if len(members) == len(names) and all(sum(m in n for m in members) == 1 for n in names) \
                and all(any(m in n for n in names) for m in members):
            return "/".join(members)
    last = names[-1]
    if any(last.startswith(w) or last == w for w in arithmetic_words()["remainder"]):
        return f"末项为“{last}”"
    return ""
