"""Facts of corpus files that did not change, kept in SQLite under .factlint/ (never pickled).

A commit can write into .factlint/, so nothing read from it is executed: facts are stored as
JSON of factlint's own dataclasses, rebuilt only into classes of factlint's fact modules.
A row is fresh when the file's size and mtime are those it was stored with (the file is not
even read then: its text is read only if a report points into it). Any trouble with the
cache — a corrupt or foreign file, a folder in its place, a read-only checkout, a lock held
by another program — costs one warning line and the run goes on without it (or rebuilds it).
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

from .config import Config
from .document import Document, InputError
from .extract import EXTRACTOR_VERSION
from .facts import DocumentFacts
from .lexicon import builtin_rules_dir

SCHEMA = 2  # PRAGMA user_version of a cache this code writes
LOCK_TIMEOUT = 0.5  # seconds to wait for another run's write before going on without the cache
EXTRACTION_SOURCES = ("cache.py", "document.py", "segment.py", "numbers.py", "metrics.py", "enumerations.py", "extract.py",
                      "facts.py", "words.py", "lexicon.py", "dates.py", "claims.py", "context.py")
# the only modules whose dataclasses a cache entry may name
FACT_MODULES = ("factlint.facts", "factlint.segment", "factlint.numbers", "factlint.enumerations", "factlint.dates",
                "factlint.claims", "factlint.metrics", "factlint.context", "factlint.findings", "factlint.document")

GITIGNORE = "# written by factlint: its cache is not part of the project\n*\n"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by factlint.\n"
                "# For information about cache directory tags, see https://bford.info/cachedir/\n")


def _version() -> str:
    """Facts depend on the extraction code and the word lists: a change to either invalidates them."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    here = Path(__file__).resolve().parent
    for name in EXTRACTION_SOURCES:
        p = here / name
        if p.exists():
            h.update(p.read_bytes())
    for p in sorted((builtin_rules_dir() / "lexicon").glob("*.toml")):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


# --- facts ⇄ JSON -------------------------------------------------------------------------------

class _Unstorable(Exception):
    pass


def _plain(x):
    """A JSON-able form: dataclasses as {"@": "module:Class", field: …}, tuples and sets tagged."""
    if x is None or isinstance(x, (str, int, float, bool)):
        return x
    if isinstance(x, list):
        return [_plain(v) for v in x]
    if isinstance(x, tuple):
        return {"@t": [_plain(v) for v in x]}
    if isinstance(x, (set, frozenset)):
        return {"@s": sorted((_plain(v) for v in x), key=repr)}
    if isinstance(x, dict):
        if all(type(k) is str and not k.startswith("@") for k in x):
            return {k: _plain(v) for k, v in x.items()}
        return {"@d": [[_plain(k), _plain(v)] for k, v in x.items()]}
    cls = type(x)
    if dataclasses.is_dataclass(cls) and cls.__module__ in FACT_MODULES:
        # the field values in order (the code version in the key says which fields there are)
        return {"@": f"{cls.__module__}:{cls.__qualname__}", "v": [_plain(getattr(x, f)) for f in _fields(cls)]}
    raise _Unstorable(f"{cls.__module__}.{cls.__qualname__}")


_classes: dict[str, tuple[type, tuple[str, ...], bool]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _class(name: str) -> tuple[type, tuple[str, ...], bool]:
    """The class a stored name stands for, its field names, whether its instances have a __dict__."""
    known = _classes.get(name)
    if known is None:
        module, _, qualname = name.partition(":")
        if module not in FACT_MODULES or "." in qualname:
            raise ValueError(f"not a fact class: {name}")
        cls = getattr(importlib.import_module(module), qualname, None)
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            raise ValueError(f"not a fact class: {name}")
        known = _classes[name] = (cls, _fields(cls), "__slots__" not in cls.__dict__)
    return known


def _hook(d: dict):
    name = d.get("@")
    if name is None:
        if "@t" in d:
            return tuple(d["@t"])
        if "@d" in d:
            return {k: v for k, v in d["@d"]}
        if "@s" in d:
            return frozenset(d["@s"])
        return d
    cls, names, has_dict = _class(name)
    values = d["v"]
    if len(values) != len(names):
        raise ValueError(f"{name}: {len(values)} values for {len(names)} fields")
    obj = cls.__new__(cls)  # the fields as stored, without running __init__ or __post_init__
    if has_dict:
        obj.__dict__.update(zip(names, values))
    else:
        for k, v in zip(names, values):
            object.__setattr__(obj, k, v)
    return obj


def dumps(facts: DocumentFacts) -> bytes:
    """The facts without the document (the file itself is the document)."""
    doc = facts.doc
    facts.doc = None
    try:
        return zlib.compress(json.dumps(_plain(facts), ensure_ascii=False).encode("utf-8"), 1)
    finally:
        facts.doc = doc


def loads(data: bytes) -> DocumentFacts:
    facts = json.loads(zlib.decompress(data).decode("utf-8"), object_hook=_hook)
    if not isinstance(facts, DocumentFacts):
        raise ValueError("not DocumentFacts")
    return facts


class LazyDocument(Document):
    """A corpus file known by its cache entry: its text is read only if a report needs it."""

    def __init__(self, path: str, encoding: str, line_starts: list[int]):  # noqa: no super().__init__: no text yet
        self.path = path
        self.encoding = encoding
        self._line_starts = line_starts
        self._text = None

    @property
    def text(self) -> str:  # type: ignore[override]
        if self._text is None:
            self._read()
        return self._text

    def _read(self) -> None:
        from .document import read_document

        try:
            real = read_document(self.path)
        except InputError:
            self._text = ""
            return
        lines = self._line_starts
        self.__dict__.update(real.__dict__)
        self._line_starts = lines  # positions as the facts were extracted with
        self._text = real.text

    def __getattr__(self, name: str):  # anything else a Document has: from the file itself
        if name.startswith("__") or "_text" not in self.__dict__:
            raise AttributeError(name)
        if self.__dict__.get("_text") is None:
            self._read()
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(name)


# --- the store ----------------------------------------------------------------------------------

def _problem(exc: BaseException) -> str:
    return " ".join(str(getattr(exc, "strerror", None) or exc).split())


class FactCache:
    def __init__(self, path: Path, db: sqlite3.Connection):
        self.path = path
        self.db = db
        self.version = _version()
        self.hits = self.misses = 0

    @classmethod
    def open(cls, cfg: Config) -> tuple["FactCache | None", str]:
        """The cache of the project cfg belongs to, and a warning line when it cannot be used as it is."""
        root = Path(cfg.source).parent if cfg.source else Path.cwd()
        return cls.at(root / ".factlint")

    @classmethod
    def at(cls, folder: Path) -> tuple["FactCache | None", str]:
        path = folder / "cache.sqlite"
        try:
            _make_folder(folder)
        except OSError as exc:
            return None, f"缓存不可用，本次不使用缓存 (cache disabled: {folder}: {_problem(exc)})"
        try:
            return cls(path, _connect(path)), ""
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return None, f"缓存被另一程序占用，本次不使用缓存 (cache disabled: {path}: {_problem(exc)})"
            return None, f"缓存不可用，本次不使用缓存 (cache disabled: {path}: {_problem(exc)})"
        except (sqlite3.DatabaseError, _Foreign) as exc:
            # corrupt, truncated, or another schema: start again
            try:
                for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
                    if p.is_file() or p.is_symlink():
                        p.unlink()
                db = _connect(path)
            except (OSError, sqlite3.Error) as exc2:
                return None, f"缓存已损坏且无法重建，本次不使用缓存 (cache disabled: {path}: {_problem(exc2)})"
            return cls(path, db), f"缓存已损坏或格式不同，已重建 (cache rebuilt: {path}: {_problem(exc)})"
        except OSError as exc:
            return None, f"缓存不可用，本次不使用缓存 (cache disabled: {path}: {_problem(exc)})"

    def load(self, paths: list[str]) -> tuple[dict[str, DocumentFacts], list[str], list[str]]:
        """Facts found for unchanged files, the paths still to extract, and one-line errors."""
        hits: dict[str, DocumentFacts] = {}
        misses: list[str] = []
        errors: list[str] = []
        try:
            rows = {r[0]: r[1:] for r in self.db.execute(
                "SELECT path, size, mtime, encoding, lines, data FROM files WHERE version=?", (self.version,))}
        except sqlite3.Error:
            rows = {}
        for path in paths:
            key = os.path.realpath(path)
            try:
                st = os.stat(path)
            except OSError as exc:
                errors.append(f"{path}: 无法读取 ({exc.strerror or exc})")
                continue
            row = rows.get(key)
            facts = None
            if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
                try:
                    facts = loads(row[4])
                    facts.doc = LazyDocument(path, row[2], json.loads(row[3]))
                except (ValueError, TypeError, KeyError, AttributeError, zlib.error):
                    facts = None  # an entry this code cannot read: extracted again
            if facts is None:
                misses.append(path)
            else:
                hits[path] = facts
        self.hits, self.misses = len(hits), len(misses)
        return hits, misses, errors

    def store_all(self, all_facts: list[DocumentFacts]) -> str:
        """Store facts of freshly extracted files; a warning line when the cache cannot be written."""
        if not all_facts:
            return ""
        rows = []
        for facts in all_facts:
            try:
                st = os.stat(facts.path)
                data = dumps(facts)
            except (OSError, _Unstorable, ValueError, TypeError):
                continue
            rows.append((os.path.realpath(facts.path), st.st_size, st.st_mtime_ns, facts.digest, self.version,
                         facts.doc.encoding, json.dumps(facts.doc._line_starts), data))
        try:
            self.db.execute("BEGIN IMMEDIATE")  # one transaction: another run sees all of it or none
            try:
                self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            return f"无法写入缓存，下次运行将重新抽取 (cache not updated: {self.path}: {_problem(exc)})"
        return ""

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


class _Foreign(Exception):
    """A database that is not this version's cache."""


def _make_folder(folder: Path) -> None:
    new = not folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if new or not (folder / ".gitignore").exists():
        for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            try:
                (folder / name).write_text(text, encoding="utf-8")
            except OSError:
                pass  # a read-only folder: the cache itself will say so


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == SCHEMA and "files" in tables:
            return db
        if tables or version:
            raise _Foreign(f"schema {version}, tables {', '.join(sorted(tables)) or 'none'}")
        db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
        db.execute("BEGIN IMMEDIATE")
        db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
                   " digest TEXT, version TEXT, encoding TEXT, lines TEXT, data BLOB)")
        db.execute(f"PRAGMA user_version={SCHEMA}")
        db.execute("COMMIT")
        return db
    except BaseException:
        db.close()
        raise
