"""Facts of corpus files that did not change, kept in SQLite under .factlint/ by content hash."""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from pathlib import Path

from .config import Config
from .document import read_document
from .extract import EXTRACTOR_VERSION, extract
from .facts import DocumentFacts
from .lexicon import builtin_rules_dir


def _lexicon_version() -> str:
    """Extraction depends on the word lists too: a changed list invalidates the cache."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for p in sorted((builtin_rules_dir() / "lexicon").glob("*.toml")):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


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

    def get_or_extract(self, path: str) -> DocumentFacts:
        doc = read_document(path)
        digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
        key = (os.path.realpath(path), digest, self.version)
        row = self.db.execute("SELECT data FROM facts WHERE path=? AND digest=? AND version=?", key).fetchone()
        if row:
            try:
                facts = pickle.loads(row[0])
                facts.doc = doc
                self.hits += 1
                return facts
            except Exception:  # a cache written by another version: rebuild the entry
                pass
        facts = extract(doc)
        self.misses += 1
        self.db.execute("DELETE FROM facts WHERE path=? AND version=?", (key[0], key[2]))
        self.db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)", (*key, pickle.dumps(facts)))
        return facts

    def close(self) -> None:
        self.db.commit()
        self.db.close()
