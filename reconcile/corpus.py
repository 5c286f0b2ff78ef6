"""Read a corpus and extract its claims, using both cores for independent documents."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .config import Settings, load_settings
from .extract import Claim, Extractor
from .normalize import normalize
from .output import path_text
from .sources import InputStatus, discover, load_metadata, read_document

# Below this much text, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 2 * 1024 * 1024

_worker: Extractor | None = None


@dataclass
class Extraction:
    """The result of extracting a corpus: every input's status and every claim."""

    inputs: list[InputStatus]
    claims: list[Claim]
    settings: Settings

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
                   exclude: list[str] = ()) -> Extraction:
    """Extract claims from files and folders.

    Parameters
    ----------
    paths
        Files and folders; folders are searched for .txt, .md and .html files.
    settings
        Domain data and rule settings; by default the built-ins overlaid by ``./rules``.
    jobs
        Worker processes; by default one per core when the corpus is large enough.
    exclude
        Glob patterns of files and folders in the folders given that are not sources, on
        top of ``[sources] exclude`` in the settings and each folder's ``.reconcileignore``.
    """
    settings = settings or load_settings()
    patterns = [(p, "[sources] exclude") for p in settings.settings.get("sources", {}).get("exclude", [])]
    files, problems = discover(paths, exclude=patterns + [(p, "--exclude") for p in exclude])
    metadata, meta_problems = load_metadata(paths)
    jobs_list = [(path, metadata.get(os.path.normpath(path), {})) for path, _ in files]
    total = sum(_size(p) for p, _ in jobs_list)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    results: list[tuple[InputStatus, list[Claim]]]
    if workers > 1 and len(jobs_list) > 1 and total >= PARALLEL_MIN_BYTES:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(settings,)) as pool:
            results = list(pool.map(_one, jobs_list, chunksize=max(1, len(jobs_list) // (workers * 4))))
    else:
        extractor = Extractor(settings)
        results = [extract_file(extractor, p, m) for p, m in jobs_list]
    inputs = [r[0] for r in results] + problems + meta_problems
    for s in inputs:
        s.doc = path_text(s.doc)
    inputs.sort(key=lambda s: s.doc)
    claims = [c for _, cs in results for c in cs]
    cutoff = float(settings.settings.get("subjects", {}).get("fuzzy_cutoff", 90))
    company_words = settings.extract.get("subjects", {}).get("company_name_words", [])
    return Extraction(inputs, normalize(claims, subject_cutoff=cutoff, company_words=company_words), settings)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
