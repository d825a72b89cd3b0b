"""Facts of corpus files that did not change, kept in SQLite under .factlint/ by content hash."""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import zlib
from pathlib import Path

from .config import Config
from .document import InputError, read_document
from .extract import EXTRACTOR_VERSION
from .facts import DocumentFacts
from .lexicon import builtin_rules_dir


EXTRACTION_SOURCES = ("cache.py", "document.py", "segment.py", "numbers.py", "metrics.py", "enumerations.py", "extract.py",
                      "facts.py", "words.py", "lexicon.py")


def _lexicon_version() -> str:
    """Facts depend on the extraction code and the word lists: a change to either invalidates them."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    here = Path(__file__).resolve().parent
    for name in EXTRACTION_SOURCES:
        h.update((here / name).read_bytes())
    for p in sorted((builtin_rules_dir() / "lexicon").glob("*.toml")):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _dumps(facts: DocumentFacts) -> bytes:
    """The facts without the document text: the file is read again anyway to hash it."""
    doc = facts.doc
    facts.doc = None
    try:
        return zlib.compress(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL), 1)
    finally:
        facts.doc = doc


class FactCache:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS facts (path TEXT, digest TEXT, version TEXT, data BLOB,"
                        " PRIMARY KEY (path, digest, version))")
        self.version = _lexicon_version()
        self.hits = self.misses = 0

    @classmethod
    def open(cls, cfg: Config) -> "FactCache":
        root = Path(cfg.source).parent if cfg.source else Path.cwd()
        return cls(root / ".factlint" / "cache.sqlite")

    def load(self, paths: list[str]) -> tuple[dict[str, DocumentFacts], list[str], list[str]]:
        """Facts found for unchanged files, the paths still to extract, and one-line read errors."""
        hits, misses, errors = {}, [], []
        for path in paths:
            try:
                doc = read_document(path)
            except InputError as exc:
                errors.append(str(exc))
                continue
            digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
            row = self.db.execute("SELECT data FROM facts WHERE path=? AND digest=? AND version=?",
                                  (os.path.realpath(path), digest, self.version)).fetchone()
            facts = None
            if row:
                try:
                    facts = pickle.loads(zlib.decompress(row[0]))
                    facts.doc = doc
                except Exception:  # written by another factlint: rebuild the entry
                    facts = None
            if facts is None:
                misses.append(path)
            else:
                hits[path] = facts
        self.hits, self.misses = len(hits), len(misses)
        return hits, misses, errors

    def store(self, facts: DocumentFacts) -> None:
        key = os.path.realpath(facts.path)
        self.db.execute("DELETE FROM facts WHERE path=?", (key,))  # older contents and versions
        self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)",
                        (key, facts.digest, self.version, _dumps(facts)))

    def close(self) -> None:
        self.db.commit()
        self.db.close()
