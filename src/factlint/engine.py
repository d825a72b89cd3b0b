"""Runs the rules: document checks where each file is extracted (in worker processes for big runs),
then corpus checks over all files, in path order, so the argument order never changes a report."""
from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Callable

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
    warnings: list[str] = field(default_factory=list)  # one line each (a cache that could not be used)
    checked: tuple[str, ...] = ()  # paths of the files checked (not the corpus they are compared with)


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


def _document_findings(rules: list[Rule], facts: DocumentFacts) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        if rule.module.SCOPE == "document":
            out.extend(rule.module.check(rule, facts))
    return out


def run_rules(rules: list[Rule], facts: list[DocumentFacts], targets: set[str]) -> list[Finding]:
    findings: list[Finding] = []
    for f in facts:
        if f.path in targets:
            findings.extend(_document_findings(rules, f))
    findings.extend(_corpus_findings(rules, facts, targets))
    findings.sort(key=Finding.sort_key)
    return findings


def _corpus_findings(rules: list[Rule], facts: list[DocumentFacts], targets: set[str]) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        if rule.module.SCOPE == "corpus":
            out.extend(rule.module.check(rule, facts, targets))
    return out


# --- one file: read, extract, check (in a worker or in this process) ----------------------------

# A file is an article or a page of articles (a long government work report is ~40 000
# characters); some checks compare the figures of one document pairwise, so a whole archive
# pasted into one file is refused rather than left running for hours.
MAX_CHARS = 2_000_000

_job: dict = {}  # what every file of this run shares: rules, publication date, whether facts come back


def _setup(rules: list[Rule], published: str, keep_facts: bool, worker: bool = False) -> None:
    _job.update(rules=rules, published=published, keep_facts=keep_facts,
                prepare=[r for r in rules if r.module.SCOPE == "corpus" and hasattr(r.module, "prepare")])
    if worker:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent reports Ctrl-C, once
        gc.disable()  # as in the parent: nothing to collect


def _one(task: tuple[str, bool]) -> tuple[str, object, list[Finding]]:
    """(path, facts — or the document when no corpus check needs facts — or a one-line error, findings)."""
    path, target = task
    try:
        doc = read_document(path)
    except InputError as exc:
        return path, str(exc), []
    if len(doc.text) > MAX_CHARS:
        return path, (f"{path}: 文件超过 {MAX_CHARS // 10000} 万字，已跳过，请拆分为单篇稿件 "
                      f"(more than {MAX_CHARS} characters, skipped; split it into articles)"), []
    facts = extract(doc)
    facts.published = _job["published"]
    findings: list[Finding] = []
    if target:
        findings = suppress.apply(_document_findings(_job["rules"], facts), {path: doc})
    for rule in _job["prepare"]:
        rule.module.prepare(rule, facts)  # per-document work of a corpus check, done here in parallel
    return path, (facts if _job["keep_facts"] or not target else doc), findings


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


PARALLEL_FROM = 256 * 1024  # bytes; below this, starting workers costs more than they save (auto only)


def _workers(paths: list[str], jobs: int | None) -> int:
    if len(paths) < 2:
        return 1
    if jobs is None:  # automatic: all cores, for runs big enough to pay for the workers
        if sum(_size(p) for p in paths) < PARALLEL_FROM:
            return 1
        jobs = default_jobs()
    return max(1, min(jobs, len(paths)))


def process(tasks: list[tuple[str, bool]], jobs: int | None, progress: Callable[[int, int], None] | None = None):
    """Each task's result, in any order (the caller sorts): serial, or over worker processes."""
    n = _workers([p for p, _ in tasks], jobs)
    total = len(tasks)
    if n < 2:
        for i, task in enumerate(tasks, 1):
            yield _one(task)
            if progress:
                progress(i, total)
        return
    import multiprocessing

    from . import words

    # With fork, workers inherit the loaded dictionary, rules and word lists: loaded once, here.
    ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing.get_context()
    if ctx.get_start_method() == "fork":
        words.backend_name()
    # largest files first, so no worker is left with one big file at the end
    order = sorted(tasks, key=lambda t: -_size(t[0]))
    pool = ctx.Pool(n, initializer=_setup, initargs=(_job["rules"], _job["published"], _job["keep_facts"], True))
    try:
        for i, item in enumerate(pool.imap_unordered(_one, order, chunksize=1), 1):
            yield item
            if progress:
                progress(i, total)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _shown(path: str) -> str:
    """Config paths are absolute; show them relative to the current directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


@contextmanager
def _no_collector():
    """A run makes millions of small long-lived objects and no reference cycles (a collection
    after a whole run finds none): the garbage collector would only walk them over and over."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def run(paths: list[str], cfg: Config, rules: list[Rule], use_cache: bool = True, jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None) -> Result:
    """Check the files under paths (and compare them with the configured corpus).

    jobs: worker processes (None: all cores when the run is big enough; 1: in this process).
    The report is the same for every jobs and every order of paths."""
    with _no_collector():
        return _run(paths, cfg, rules, use_cache, jobs, progress)


def _run(paths, cfg, rules, use_cache, jobs, progress) -> Result:
    rules = [_with_formulas(r, cfg.formulas) for r in select_rules(rules, cfg)]
    corpus_rules = [r for r in rules if r.module.SCOPE == "corpus"]
    files, errors = discover(paths, cfg.exclude)
    warnings: list[str] = []

    cache = None
    todo: list[str] = []
    extra: list[str] = []
    hits: dict[str, DocumentFacts] = {}
    if cfg.corpus:
        given = {os.path.realpath(p) for p in files}
        extra, missing = discover([_shown(c) for c in cfg.corpus], cfg.exclude)
        errors.extend(missing)
        extra = [p for p in extra if os.path.realpath(p) not in given]
        todo = extra
        if use_cache and cfg.cache and corpus_rules:
            from .cache import FactCache

            cache, warning = FactCache.open(cfg)
            if warning:
                warnings.append(warning)
            if cache:
                hits, todo, unreadable = cache.load(extra)
                errors.extend(unreadable)

    _setup(rules, cfg.date, keep_facts=bool(corpus_rules))
    got: dict[str, tuple[object, list[Finding]]] = {}
    tasks = [(p, True) for p in files] + ([(p, False) for p in todo] if corpus_rules else [])
    for path, item, found in process(tasks, jobs, progress):
        got[path] = (item, found)

    facts: list[DocumentFacts] = []
    documents: dict[str, Document] = {}
    findings: list[Finding] = []
    fresh: list[DocumentFacts] = []
    chars = files_done = 0
    for path in files:
        item, found = got[path]
        if isinstance(item, str):
            errors.append(item)
            continue
        doc = item.doc if isinstance(item, DocumentFacts) else item
        documents[path] = doc
        chars += len(doc.text)
        files_done += 1
        findings.extend(found)
        if isinstance(item, DocumentFacts):
            facts.append(item)
    targets = set(documents)
    corpus_count = 0
    if corpus_rules:
        for path in extra:
            item = hits.get(path)
            if item is None:
                item = got[path][0]
                if isinstance(item, str):
                    errors.append(item)
                    continue
                fresh.append(item)
            item.published = cfg.date  # also clears a date a cached entry was stored with
            documents[path] = item.doc
            facts.append(item)
            corpus_count += 1
        # path order, whatever the order of the arguments: which of two places is "earlier" is fixed
        facts.sort(key=lambda f: f.path)
        findings.extend(suppress.apply(_corpus_findings(rules, facts, targets), documents))
    findings.sort(key=Finding.sort_key)
    if cache:
        # stored after the checks ran, so what they derived (facts.memo) is kept for next time
        warning = cache.store_all(fresh)
        if warning:
            warnings.append(warning)
        cache.close()
    documents = dict(sorted(documents.items()))  # in path order, as everything else
    return Result(findings, documents, sorted(errors), files_done, chars, corpus_count, warnings,
                  tuple(sorted(targets)))


def check_texts(rules: list[Rule], texts: dict[str, str]) -> tuple[list[Finding], dict[str, Document]]:
    """Run rules on in-memory texts (rule examples, tests): every text is both corpus and target."""
    docs = {name: Document(name, text) for name, text in texts.items()}
    facts = [extract(d) for d in docs.values()]
    return run_rules(rules, facts, set(docs)), docs
