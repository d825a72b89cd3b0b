"""Text that matches a regular expression; named groups fill the message (“{w}”连写了两次).

The pattern runs on each paragraph with page breaks joined, so a phrase cut by a page break
is still found; it runs with a time limit, so a slow user pattern cannot hang a run.
A match is skipped when one of `exceptions` (plain words) covers it: 的的确确 is not 的的.
It is also skipped when `unless` — a second pattern in which {name} stands for the text of
the match's named group — matches around it: for doublings, a chiasmus such as
党建带妇建、妇建促党建 (the words before the pair come back after it) is rhetoric, not a slip.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from ..facts import DocumentFacts
from ..findings import Finding

KIND = "pattern"
SCOPE = "document"
TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Options:
    pattern: str = ""
    exceptions: tuple[str, ...] = ()
    unless: str = ""


def validate(options: Options) -> None:
    if not options.pattern:
        raise ValueError("'pattern' is required")
    _compiled(options.pattern)
    if options.unless:
        _compiled(regex.sub(r"\{\w+\}", "x", options.unless))


_cache: dict[str, regex.Pattern] = {}


def _compiled(pattern: str) -> regex.Pattern:
    if pattern not in _cache:
        _cache[pattern] = regex.compile(pattern)
    return _cache[pattern]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _excepted(text: str, start: int, end: int, exceptions: tuple[str, ...]) -> bool:
    for word in exceptions:
        lo = max(0, start - len(word))
        i = text.find(word, lo, end + len(word))
        while i != -1 and i < end:
            if i <= start and i + len(word) >= end:
                return True
            i = text.find(word, i + 1, end + len(word))
    return False


UNLESS_WINDOW = 12


def _unless(text: str, m: regex.Match, unless: str, timeout: float = TIMEOUT_SECONDS) -> bool:
    pat = unless
    for name, value in m.groupdict().items():
        pat = pat.replace("{" + name + "}", regex.escape(value or ""))
    lo = max(0, m.start() - UNLESS_WINDOW)
    for u in _compiled(pat).finditer(text, lo, min(len(text), m.end() + UNLESS_WINDOW), overlapped=True,
                                     timeout=timeout):
        if u.start() <= m.start() and u.end() >= m.end():
            return True
    return False


# A user pattern may be catastrophic ((a+)+$): each rule gets a fixed time budget per run, and a
# rule that spends it is stopped with an error finding where it stopped, instead of costing a second per paragraph.
BUDGET_SECONDS = 5.0
_spent: dict[str, float] = {}
_stopped: dict[str, str] = {}


def stopped() -> list[str]:
    """One line for each rule stopped in this run: which rule, and where its time ran out."""
    return [_stopped[k] for k in sorted(_stopped)]


def _stop(rule, facts: DocumentFacts, p) -> None:
    line = facts.doc.line_col(facts.location(p.index, 0, 0).span.start)[0]
    _stopped[rule.id] = (f"{rule.path}: 规则 {rule.id} 的正则表达式用完了 {BUDGET_SECONDS:g} 秒的时间预算，"
                         f"在 {facts.path}:{line} 处停止，之后的文本未按此规则检查 "
                         f"(regex time budget spent; rule stopped)")


def check(rule, facts: DocumentFacts) -> Iterator[Finding]:
    import time

    if rule.id in _stopped:
        return
    pat = _compiled(rule.options.pattern)
    for p in facts.segments.paragraphs:
        began = time.monotonic()
        try:
            matches = list(pat.finditer(p.text, timeout=max(0.001, BUDGET_SECONDS - _spent.get(rule.id, 0.0))))
            for i, m in enumerate(matches):
                if m.end() == m.start() or _excepted(p.text, m.start(), m.end(), rule.options.exceptions):
                    matches[i] = None
                elif rule.options.unless and _unless(p.text, m, rule.options.unless,
                                                     max(0.001, BUDGET_SECONDS - _spent.get(rule.id, 0.0)
                                                         - (time.monotonic() - began))):
                    matches[i] = None
        except TimeoutError:
            _spent[rule.id] = BUDGET_SECONDS
            _stop(rule, facts, p)
            # told where it stopped, in every report and from any worker process, as an error
            yield Finding(rule.id, rule.category, "error",
                          f"规则 {rule.id} 的正则表达式用完了 {BUDGET_SECONDS:g} 秒的时间预算，在此段停止，"
                          f"之后的文本未按此规则检查（请简化 {rule.path} 中的 pattern）",
                          facts.location(p.index, 0, min(1, len(p.text))), evidence={"stopped": True})
            return
        except regex.error as exc:  # unless with a {name} filled in that is no longer a valid pattern
            from ..rules import at
            from ..tomlload import ConfigError

            raise ConfigError(f"{at(rule.path, 'unless')}: 'unless' 在运行时不是有效的正则表达式 "
                              f"(invalid at run time: {exc})") from None
        finally:
            _spent[rule.id] = _spent.get(rule.id, 0.0) + time.monotonic() - began
        for m in matches:
            if m is None:
                continue
            groups = _Blank({k: v or "" for k, v in m.groupdict().items()})
            yield Finding(
                rule.id, rule.category, rule.severity, rule.message.format_map(groups),
                facts.location(p.index, m.start(), m.end()),
                evidence={"match": m.group()},
            )
