"""Finding and Location: the one model every report format is a view of."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .document import Span

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
CATEGORIES = ("arithmetic", "enumeration", "conflict", "repetition", "date", "naming", "style")


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    span: Span
    note: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    evidence: dict = field(default_factory=dict, hash=False, compare=False)

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.span.start, self.rule, self.location.span.end, self.message)

    def fingerprint(self, text: str) -> str:
        """Stable across edits elsewhere in the file: rule, path and the flagged text, not its offset.

        The path is taken relative to the project root (config folder or git top level), so a baseline
        made from seeds/ matches a run on ./seeds/ or from another folder."""
        from .config import project_path

        snippet = text[self.location.span.start:self.location.span.end]
        raw = "\x1f".join((self.rule, project_path(self.location.path), snippet, self.message))
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:20]
