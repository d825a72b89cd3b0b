"""Runs the rules: document checks on each file asked for, then corpus checks over all of them."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .cache import FactCache
from .config import Config, matches
from .document import Document, InputError, discover, read_document
from .extract import extract
from .facts import DocumentFacts
from .findings import Finding
from .rules import Rule
from . import suppress


@dataclass
class Result:
    findings: list[Finding]
    documents: dict[str, Document]  # path → document, for every file a finding may point into
    errors: list[str] = field(default_factory=list)  # one line each; any makes the exit code 2
    files: int = 0
    characters: int = 0
    corpus_files: int = 0


def select_rules(rules: list[Rule], cfg: Config) -> list[Rule]:
    out = []
    for r in rules:
        if cfg.select and not matches(r.id, cfg.select):
            continue
        if cfg.ignore and matches(r.id, cfg.ignore):
            continue
        best = max((p for p in cfg.severity if matches(r.id, (p,))), key=len, default=None)
        out.append(replace(r, severity=cfg.severity[best]) if best else r)
    return out


def _with_formulas(rule: Rule, formulas: tuple[str, ...]) -> Rule:
    if formulas and hasattr(rule.options, "formulas"):
        return replace(rule, options=replace(rule.options, formulas=rule.options.formulas + formulas))
    return rule


def run_rules(rules: list[Rule], facts: list[DocumentFacts], targets: set[str]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        mod = rule.module
        if mod.SCOPE == "document":
            for f in facts:
                if f.path in targets:
                    findings.extend(mod.check(rule, f))
        else:
            findings.extend(mod.check(rule, facts, targets))
    findings.sort(key=Finding.sort_key)
    return findings


PARALLEL_FROM = 24  # files; below this, starting worker processes costs more than it saves


def _read_and_extract(path: str) -> DocumentFacts | str:
    try:
        return extract(read_document(path))
    except InputError as exc:
        return str(exc)


def extract_all(files: list[str]) -> list[DocumentFacts | str]:
    """Facts of each file (or its one-line error), in the order given; in parallel for many files."""
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_FROM or workers < 2:
        return [_read_and_extract(f) for f in files]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_read_and_extract, files, chunksize=max(1, len(files) // (workers * 8))))


def _shown(path: str) -> str:
    """Config paths are absolute; show them relative to the current directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def run(paths: list[str], cfg: Config, rules: list[Rule], use_cache: bool = True) -> Result:
    rules = [_with_formulas(r, cfg.formulas) for r in select_rules(rules, cfg)]
    files, errors = discover(paths, cfg.exclude)
    facts: list[DocumentFacts] = []
    documents: dict[str, Document] = {}
    chars = 0
    for item in extract_all(files):
        if isinstance(item, str):
            errors.append(item)
            continue
        documents[item.path] = item.doc
        chars += len(item.doc.text)
        facts.append(item)
    targets = {f.path for f in facts}

    corpus_count = 0
    cache = None
    fresh: list[DocumentFacts] = []
    if cfg.corpus:
        given = {os.path.realpath(p) for p in files}
        extra, missing = discover([_shown(c) for c in cfg.corpus], cfg.exclude)
        errors.extend(missing)
        todo = [p for p in extra if os.path.realpath(p) not in given]
        cache = FactCache.open(cfg) if use_cache and cfg.cache else None
        hits: dict[str, DocumentFacts] = {}
        if cache:
            hits, todo, unreadable = cache.load(todo)
            errors.extend(unreadable)
        for item in extract_all(todo):
            if isinstance(item, str):
                errors.append(item)
            else:
                fresh.append(item)
        by_path = {**hits, **{f.path: f for f in fresh}}
        for path in extra:
            f = by_path.get(path)
            if f is not None:
                documents[path] = f.doc
                facts.append(f)
                corpus_count += 1
    for f in facts:
        f.published = cfg.date  # also clears a date a cached entry was stored with
    findings = suppress.apply(run_rules(rules, facts, targets), documents)
    if cache:
        # stored after the checks ran, so what they derived (facts.memo) is kept for next time
        for f in fresh:
            cache.store(f)
        cache.close()
    return Result(findings, documents, errors, len(targets), chars, corpus_count)


def check_texts(rules: list[Rule], texts: dict[str, str]) -> tuple[list[Finding], dict[str, Document]]:
    """Run rules on in-memory texts (rule examples, tests): every text is both corpus and target."""
    docs = {name: Document(name, text) for name, text in texts.items()}
    facts = [extract(d) for d in docs.values()]
    return run_rules(rules, facts, set(docs)), docs
