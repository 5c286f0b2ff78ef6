"""Read a corpus and extract its claims, using both cores for independent documents."""

from __future__ import annotations

import multiprocessing
import os
import stat
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable

from .cache import ClaimsCache
from .config import Settings, load_settings
from .extract import Claim, Extractor
from .normalize import normalize
from .output import path_text
from .sources import MAX_BYTES, InputStatus, discover, load_metadata, read_document

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
                   exclude: list[str] = (), cache: str | os.PathLike | None = None,
                   progress: Callable[[int, int], None] | None = None) -> Extraction:
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
        Glob patterns of files and folders in the folders given that are not sources, on
        top of ``[sources] exclude`` in the settings and each folder's ``.reconcileignore``.
    cache
        A folder for the claims cache (see :mod:`reconcile.cache`): documents unchanged
        since the run that wrote it are not read again. ``Extraction.cache_hits`` counts them.
    progress
        Called with ``(documents done, documents in all)`` as documents are read (a
        progress bar); documents from the cache count as done at once.
    """
    settings = settings or load_settings()
    patterns = [(p, "[sources] exclude") for p in settings.settings.get("sources", {}).get("exclude", [])]
    files, problems = discover(paths, exclude=patterns + [(p, "--exclude") for p in exclude])
    metadata, meta_problems = load_metadata(paths)
    jobs_list = [(path, metadata.get(os.path.normpath(path), {})) for path, _ in files]
    store = ClaimsCache(cache, settings) if cache is not None else None
    keys = [store.key(p, data, m) if (data := _cacheable_bytes(p)) is not None else None
            for p, m in jobs_list] if store else [None] * len(jobs_list)
    results: list[tuple[InputStatus, list[Claim]] | None] = [store.get(k) if k else None for k in keys] \
        if store else [None] * len(jobs_list)
    todo = [i for i, r in enumerate(results) if r is None]
    cached = len(jobs_list) - len(todo)
    tick = (lambda done: progress(cached + done, len(jobs_list))) if progress else None
    if tick:
        tick(0)
    for i, found in zip(todo, _extract_files([jobs_list[i] for i in todo], settings, jobs, tick)):
        results[i] = found
    if store:
        store.save([(k, r[0], r[1]) for k, r in zip(keys, results) if k])  # before names are merged in place
    inputs = [r[0] for r in results] + problems + meta_problems
    for s in inputs:
        s.doc = path_text(s.doc)
    inputs.sort(key=lambda s: s.doc)
    claims = [c for _, cs in results for c in cs]
    cutoff = float(settings.settings.get("subjects", {}).get("fuzzy_cutoff", 90))
    company_words = settings.extract.get("subjects", {}).get("company_name_words", [])
    return Extraction(inputs, normalize(claims, subject_cutoff=cutoff, company_words=company_words), settings,
                      cache_hits=store.hits if store else 0)


def _extract_files(jobs_list: list[tuple[str, dict]], settings: Settings, jobs: int | None,
                   tick: Callable[[int], None] | None = None) -> list[tuple[InputStatus, list[Claim]]]:
    """Each file's status and claims, in order; in worker processes for a large enough corpus.
    ``tick(n)`` is called after each of the ``n`` files done so far."""
    workers = worker_count(len(jobs_list), sum(_size(p) for p, _ in jobs_list), jobs)
    out: list[tuple[InputStatus, list[Claim]]] = []
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


def _cacheable_bytes(path: str) -> bytes | None:
    """A regular file's bytes to key the cache with; None for anything else (a FIFO would block)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
