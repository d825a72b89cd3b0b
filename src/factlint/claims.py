"""Claims: the structures a check recognised in a text, before and apart from verifying them.

A recogniser turns facts into claims — a breakdown (total and parts), a share (part, whole, rate),
a 分别 binding, a count word and its items, a numbered sequence, a restatement — each role backed
by the words that tie it. A verifier then says whether the claim holds. `factlint facts --claims`
lists every claim, so anyone can see what factlint understood of a text and what it did not.

A check module that recognises claims exposes

    def claims(rule: Rule, doc: DocumentFacts) -> Iterator[Claim]

and derives its findings from the claims whose `holds` is False.
"""
from __future__ import annotations

from dataclasses import dataclass

from .document import Span


@dataclass(frozen=True)
class Role:
    """One part of a claim: what it is ("total", "part", "rate", "count", "item", …) and where."""

    role: str
    text: str
    span: Span


@dataclass(frozen=True)
class Claim:
    kind: str  # "breakdown", "share", "respectively", "count", "sequence", "restatement", "table-sum", …
    span: Span  # the whole structure, in original-file offsets
    roles: tuple[Role, ...]
    holds: bool | None  # True verified, False broken (a finding), None recognised but not verifiable
    why: str = ""  # the words that tie it, or why it could not be verified ("其中", "parts partial: 等")
    detail: str = ""  # the arithmetic behind the verdict ("788 + 822 = 1610")
