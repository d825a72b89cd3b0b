"""Interval arithmetic for printed figures: a check reports only when the intervals cannot meet."""
from __future__ import annotations

import math

from .numbers import Figure, printed

Interval = tuple[float, float]


def of(f: Figure) -> Interval:
    return (f.low, f.high)


def add(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Interval, b: Interval) -> Interval:
    return (a[0] - b[1], a[1] - b[0])


def div(a: Interval, b: Interval) -> Interval | None:
    """a / b for positive intervals; None when b may be zero."""
    if b[0] <= 0:
        return None
    return (a[0] / b[1], a[1] / b[0] if not math.isinf(a[1]) else math.inf)


def meet(a: Interval, b: Interval, slack: float = 1e-9) -> bool:
    tol = slack * max(1.0, abs(a[0]), abs(b[0]))
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


def stated(f: Figure) -> Interval:
    """What a printed result allows if the writer rounded *or* truncated: 87.58 → [87.575, 87.59)."""
    if f.qualifier:  # 余, 以上, 近, 约 already widened the figure
        return (f.low, f.high)
    step = 10 ** (-f.decimals) * (f.value / printed(f) if printed(f) else 1)
    return (f.low, max(f.high, f.value + step))


def in_units_of(value: float, f: Figure, decimals: int | None = None) -> str:
    """A computed value written in the units a figure was printed in: 1215 → 1215所, 1.2506e11 → 1250.6亿元."""
    numeral = printed(f)
    scale = f.value / numeral if numeral else 1.0
    d = f.decimals if decimals is None else decimals
    return f"{value / scale:.{d}f}{f.unit_text}"
