"""Read a corpus and extract its claims, using both cores for independent documents."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable

from . import storage
from .cache import ClaimsCache, content_digest
from .config import Settings, load_settings
from .engine import CHUNK_DOCUMENTS, extract_chunk
from .extract import Claim, Extractor
from .normalize import normalize
from .output import path_text
from .discovery import discover, patterns as exclude_patterns
from .errors import ReconcileError
from .sources import MAX_BYTES, InputStatus, load_metadata, read_document

# Text per worker process below which starting it costs more than it saves: each worker
# builds its own extractor and sends its claims back pickled (see README, "Benchmarks").
PARALLEL_MIN_BYTES = 2 * 1024 * 1024

_worker: Extractor | None = None


@dataclass
class Extraction:
    """The result of extracting a corpus: every input's status and every claim."""

    inputs: list[InputStatus]
    claims: list[Claim]
    settings: Settings
    #: documents taken from the claims cache, not read again
    cache_hits: int = 0

    @property
    def incomplete(self) -> bool:
        """True when some input could not be read (the run must exit 2)."""
        return any(s.unreadable for s in self.inputs)


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Extractor(settings)


def _one(job: tuple[str, dict]) -> tuple[InputStatus, list[Claim]]:
    path, meta = job
    assert _worker is not None
    return extract_file(_worker, path, meta)


def extract_file(extractor: Extractor, path: str, meta: dict | None = None) -> tuple[InputStatus, list[Claim]]:
    """Read and extract one file; a failure becomes the file's status, never an exception."""
    doc, status = read_document(path, meta)
    if doc is None:
        return status, []
    try:
        claims = extractor.extract(doc)
    except RecursionError:
        status.status, status.message = "error", "document too deeply nested to read"
        return status, []
    except MemoryError:
        raise
    except Exception as exc:  # a fault in reconcile on this document: the rest of the corpus is still read
        status.status = "error"
        status.message = f"internal error while extracting ({type(exc).__name__}: {exc}); please report it"
        return status, []
    status.claims = len(claims)
    status.warnings.extend(doc.notes)
    status.title = status.title or doc.display_title
    shown = path_text(path)
    if shown != path:
        # A name that is not UTF-8: the table and reports carry it as people see it ("\\xff").
        status.doc = shown
        for c in claims:
            c.doc = shown
    return status, claims


def extract_corpus(paths: list[str], settings: Settings | None = None, *, jobs: int | None = None,
                   exclude: str | list = (), cache: str | os.PathLike | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   executor: Executor | None = None) -> Extraction:
    """Extract claims from files and folders.

    Parameters
    ----------
    paths
        Files and folders; folders are searched for .txt, .md and .html files.
    settings
        Domain data and rule settings; by default the built-ins overlaid by ``./rules``.
    jobs
        Worker processes; by default one per CPU this process may use, but no more than
        one per ``PARALLEL_MIN_BYTES`` of text (see :func:`worker_count`).
    exclude
        Glob patterns (one, or a list) of files and folders in the folders given that are
        not sources, on top of ``[sources] exclude`` in the settings and each folder's
        ``.reconcileignore``; ``(glob, origin)`` pairs name where a pattern came from in the
        inputs list (``--exclude`` on the command line, ``exclude=`` otherwise).
    cache
        A folder for the claims cache (see :mod:`reconcile.cache`): documents unchanged
        since the run that wrote it are not read again. ``Extraction.cache_hits`` counts them.
    progress
        Called with ``(documents done, documents in all)`` as documents are read (a
        progress bar); documents from the cache count as done at once.
    executor
        Where to read the documents (see :mod:`reconcile.engine`): any
        ``concurrent.futures.Executor``, such as a Dask client's; by default a local process
        pool when the corpus is large enough.
    """
    settings = settings or load_settings()
    return extract_plan(plan_corpus(paths, settings, exclude=exclude, cache=cache), jobs=jobs, progress=progress,
                        executor=executor)


@dataclass
class CorpusPlan:
    """What a run will read: every file with its metadata and document id, the statuses of
    what it will not, and (with a claims cache) each file's cache key."""

    settings: Settings
    jobs_list: list[tuple[str, dict]]
    problems: list[InputStatus]
    doc_ids: dict[str, str]
    store: ClaimsCache | None
    keys: list[str | None]

    def fingerprint(self) -> str | None:
        """One hash of everything extraction reads — every file's cache key and id, and what
        was not read — or None when some file has no key (it could not be hashed)."""
        if self.store is None or not all(self.keys):
            return None
        digest = hashlib.sha256(self.store.fingerprint.encode())
        for (path, _), key in zip(self.jobs_list, self.keys):
            digest.update(f"\0{key}\0{self.doc_ids.get(path, path)}".encode("utf-8", "surrogateescape"))
        for s in self.problems:
            digest.update(f"\0{s.doc}\0{s.status}\0{s.message}".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def plan_corpus(paths: list[str], settings: Settings, *, exclude: str | list = (),
                cache: str | os.PathLike | None = None) -> CorpusPlan:
    """Find the files to read (see :func:`extract_corpus`) and, with a cache, hash them."""
    patterns = [(p, "[sources] exclude") for p in settings.settings.get("sources", {}).get("exclude", [])]
    doc_ids: dict[str, str] = {}
    files, problems = discover(paths, exclude=patterns + exclude_patterns(exclude, "exclude="), ids=doc_ids)
    metadata, meta_problems = load_metadata(paths)
    jobs_list = [(path, metadata.get(path if storage.is_url(path) else os.path.normpath(path), {})) for path, _ in files]
    store = ClaimsCache(cache, settings) if cache is not None else None
    keys = [store.key(p, digest, m) if (digest := _digest(p)) else None
            for p, m in jobs_list] if store else [None] * len(jobs_list)
    return CorpusPlan(settings, jobs_list, problems + meta_problems, doc_ids, store, keys)


def extract_plan(plan: CorpusPlan, *, jobs: int | None = None, progress: Callable[[int, int], None] | None = None,
                 executor: Executor | None = None) -> Extraction:
    """Extract the claims of the files a plan lists (see :func:`extract_corpus`)."""
    settings, jobs_list, store, keys = plan.settings, plan.jobs_list, plan.store, plan.keys
    results: list[tuple[InputStatus, list[Claim]] | None] = [store.get(k) if k else None for k in keys] \
        if store else [None] * len(jobs_list)
    todo = [i for i, r in enumerate(results) if r is None]
    cached = len(jobs_list) - len(todo)
    tick = (lambda done: progress(cached + done, len(jobs_list))) if progress else None
    if tick:
        tick(0)
    for i, found in zip(todo, _extract_files([jobs_list[i] for i in todo], settings, jobs, tick, executor)):
        results[i] = found
    if store:
        # Keyed by the bytes extraction read (a file may change between the two reads), and
        # saved before market names are merged into the claims in place.
        read = set(todo)
        entries = [(k, r) if i not in read else (store.key(p, r[0].sha256, m) if r[0].sha256 else None, r)
                   for i, (k, r, (p, m)) in enumerate(zip(keys, results, jobs_list))]
        # an error is not kept: the next run tries the document again
        store.save([(k, r[0], r[1]) for k, r in entries if k and r[0].status != "error"])
    inputs = [r[0] for r in results] + list(plan.problems)
    for s in inputs:
        s.doc = path_text(s.doc)
    inputs.sort(key=lambda s: s.doc)
    claims = [c for _, cs in results for c in cs]
    for (path, _), (_, cs) in zip(jobs_list, results):
        doc_id = path_text(plan.doc_ids.get(path, path))
        for c in cs:
            c.doc_id = doc_id
    cutoff = float(settings.settings.get("subjects", {}).get("fuzzy_cutoff", 90))
    company_words = settings.extract.get("subjects", {}).get("company_name_words", [])
    word_forms = settings.extract.get("subjects", {}).get("word_forms", {})
    generic = settings.extract.get("subjects", {}).get("generic_name_words", [])
    return Extraction(inputs, normalize(claims, subject_cutoff=cutoff, company_words=company_words,
                                        word_forms=word_forms, generic_words=generic), settings,
                      cache_hits=store.hits if store else 0)


def _extract_files(jobs_list: list[tuple[str, dict]], settings: Settings, jobs: int | None,
                   tick: Callable[[int], None] | None = None,
                   executor: Executor | None = None) -> list[tuple[InputStatus, list[Claim]]]:
    """Each file's status and claims, in order; in worker processes for a large enough
    corpus, or ``executor``'s workers. ``tick(n)`` is called after each of the ``n`` files
    done so far."""
    out: list[tuple[InputStatus, list[Claim]]] = []
    if executor is not None:
        chunks = [jobs_list[i:i + CHUNK_DOCUMENTS] for i in range(0, len(jobs_list), CHUNK_DOCUMENTS)]
        for found in executor.map(extract_chunk, [settings] * len(chunks), chunks):
            out.extend(found)
            if tick:
                tick(len(out))
        return out
    workers = worker_count(len(jobs_list), sum(_size(p) for p, _ in jobs_list), jobs)
    if workers > 1:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(settings,)) as pool:
            for found in pool.map(_one, jobs_list, chunksize=max(1, len(jobs_list) // (workers * 4))):
                out.append(found)
                if tick:
                    tick(len(out))
        return out
    extractor = Extractor(settings)
    for p, m in jobs_list:
        out.append(extract_file(extractor, p, m))
        if tick:
            tick(len(out))
    return out


def usable_cpus() -> int:
    """The CPUs this process may run on: ``os.process_cpu_count()`` (Python 3.13+), else its
    affinity mask (a container or ``taskset`` limits it), else every CPU of the machine."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return counted() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(files: int, total_bytes: int, jobs: int | None = None) -> int:
    """Worker processes to extract ``files`` documents of ``total_bytes``: ``jobs`` when
    given (never more than the files), else one per usable CPU but only as many as have
    ``PARALLEL_MIN_BYTES`` of text each, so a small corpus is read in this process."""
    if jobs is not None:
        return max(1, min(jobs, files))
    return max(1, min(usable_cpus(), files, total_bytes // PARALLEL_MIN_BYTES))


def _digest(path: str) -> str:
    """The sha256 of a regular file's (or a URL's) bytes, read in blocks; ``""`` for anything
    else (a FIFO would block) or a file that cannot be read."""
    try:
        if storage.is_url(path):
            return content_digest(storage.read_bytes(path)) if storage.size(path) <= MAX_BYTES else ""
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return ""
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except (OSError, ReconcileError):
        return ""


def _size(path: str) -> int:
    try:
        return storage.size(path) if storage.is_url(path) else os.path.getsize(path)
    except (OSError, ReconcileError):
        return 0
