"""Finding the input files: walk the folders given, accounting for every path met.

Each path is either a file to read or an :class:`~reconcile.sources.InputStatus` saying
why it is not read (skipped, or an error), so nothing is dropped silently.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections import Counter
from pathlib import Path

from . import storage
from .errors import InputError
from .sources import METADATA_NAME, TEXT_SUFFIXES, InputStatus, file_kind

#: Optional glob patterns, one a line, of what in a folder is not a source.
IGNORE_NAME = ".reconcileignore"


def ignore_patterns(folder: str) -> list[tuple[str, str]]:
    """The patterns of a folder's ``.reconcileignore`` (a local folder or a URL): one glob a
    line, ``#`` comments."""
    try:
        if storage.is_url(folder):
            text = storage.read_bytes(storage.child(folder, IGNORE_NAME)).decode("utf-8", "replace")
        else:
            with open(os.path.join(folder, IGNORE_NAME), encoding="utf-8", errors="replace") as fh:
                text = fh.read(1_000_000)
    except (OSError, InputError):
        return []
    lines = text.splitlines()
    return [(line.strip(), IGNORE_NAME) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _excluded(relative: str, patterns: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The first ``(pattern, origin)`` that matches a path relative to a folder given."""
    rel = relative.replace(os.sep, "/").lower()
    name = rel.rsplit("/", 1)[-1]
    for pattern, origin in patterns:
        pat = pattern.lower().rstrip("/")
        if fnmatch.fnmatchcase(rel if "/" in pat else name, pat.lstrip("/")):
            return pattern, origin
    return None


def patterns(given, origin: str) -> list[tuple[str, str]]:
    """Exclusion patterns as ``(glob, where it came from)``: ``given`` is one glob, a list
    of globs (each from ``origin``), or ``(glob, origin)`` pairs already."""
    if isinstance(given, str):
        given = [given]
    return [g if isinstance(g, tuple) else (str(g), origin) for g in given or ()]


class _Found:
    """The files to read, each once however often or however spelled it is met (``docs``
    and ``./docs``, a folder and a file in it), and a status for everything not read."""

    def __init__(self) -> None:
        self.files: dict[str, bool] = {}
        self.ids: dict[str, str] = {}  # path -> its path relative to the folder given
        self.problems: list[InputStatus] = []
        self._seen: set[str] = set()

    def file(self, path: str, explicit: bool, rel: str | None = None) -> None:
        key = path if storage.is_url(path) else os.path.realpath(path)
        if key not in self._seen:
            self._seen.add(key)
            self.files[path] = explicit
            self.ids[path] = (rel or path.replace(os.sep, "/").rstrip("/").rsplit("/", 1)[-1]).replace(os.sep, "/")

    def skip(self, path: str, why: str, status: str = "skipped") -> None:
        self.problems.append(InputStatus(path, status, why))

    def entry(self, full: str, rel: str, exclude: list[tuple[str, str]]) -> bool:
        """Whether a name met in a folder may be a source: hidden and excluded names are
        listed as skipped here (and a folder so named is not entered)."""
        name = rel.replace(os.sep, "/").rsplit("/", 1)[-1]
        if name.startswith("."):
            self.skip(full, "hidden (its name starts with a dot)")
            return False
        hit = _excluded(rel, exclude) if exclude else None
        if hit:
            self.skip(full, f"excluded by {hit[0]!r} ({hit[1]})")
            return False
        return True

    def document(self, full: str, name: str, rel: str) -> int:
        """A regular file met in a folder (``rel``: its path from the folder given): read
        when its suffix is a document's."""
        if name == METADATA_NAME:
            self.skip(full, "metadata is read only from a folder named on the command line, not from its subfolders")
        elif Path(name).suffix.lower() in TEXT_SUFFIXES:
            self.file(full, False, rel)
            return 1
        else:
            self.skip(full, "not a text, Markdown or HTML file")
        return 0


def discover(paths: list[str], *, exclude: list[tuple[str, str]] = (),
             ids: dict[str, str] | None = None) -> tuple[list[tuple[str, bool]], list[InputStatus]]:
    """Expand input paths into files to read, accounting for every path met on the way.

    Returns ``(files, problems)``: ``files`` are ``(path, named_explicitly)`` sorted by path,
    each file once however often (or however spelled) it is given; ``problems`` are
    statuses for what was not read while walking folders: files of other kinds, hidden
    entries, links to folders (not followed, so a link loop cannot hang a run), FIFOs and
    devices (reading one would block), folders that cannot be listed, what ``exclude``
    patterns (``(glob, where it came from)``) or the folder's ``.reconcileignore`` leave
    out, and a folder given with no documents in it. A folder or URL may hold documents
    (``memory://docs``, ``s3://bucket/docs``: see :mod:`reconcile.storage`).

    ``ids``, when given, is filled with each file's document id (see :func:`document_ids`).

    Raises
    ------
    InputError
        When a path does not exist.
    """
    found = _Found()
    # Folders in name order, whatever the order given: a file met from two of them ("docs" and
    # "docs/sub") is read once, with the same path and id each time.
    for given in sorted(paths, key=lambda p: (os.path.normpath(p) if not storage.is_url(p) else p, p)):
        if storage.is_url(given):
            what = storage.kind(given)
            if what == "file":
                found.file(given, True)
                continue
            if what != "dir":
                raise InputError(given, "nothing there (no such document or folder)")
            met = _walk_url(given, found, [*exclude, *ignore_patterns(given)])
        elif os.path.isdir(given):
            met = _walk(given, found, [*exclude, *ignore_patterns(given)])
        elif os.path.lexists(given):
            found.file(given, True)
            continue
        else:
            raise InputError(given, "no such file or folder")
        if not met:
            found.skip(given, "no documents found under this folder "
                       f"(reconcile reads {', '.join(sorted(TEXT_SUFFIXES))} files)", "error")
    if ids is not None:
        ids.update(document_ids(found.ids))
    return sorted(found.files.items()), found.problems


def document_ids(relative: dict[str, str]) -> dict[str, str]:
    """Each file's document id: its path relative to the folder given (``/`` between
    names), or its name for a file given by itself — so the same corpus read from another
    working directory, or from object storage, keeps its claim ids and fingerprints. Two
    files that would share an id (two folders with the same file names) keep their paths
    as given instead."""
    ids = dict(relative)
    while True:  # a path given can itself be another file's relative id ("x/a.md"): until all differ
        count = Counter(ids.values())
        clashing = [path for path, doc_id in ids.items() if count[doc_id] > 1 and doc_id != path.replace(os.sep, "/")]
        if not clashing:
            return ids
        for path in clashing:
            ids[path] = path.replace(os.sep, "/")


def _walk_url(given: str, found: _Found, exclude: list[tuple[str, str]]) -> int:
    """Every file under a folder URL; returns how many documents were met."""
    met = 0
    for url, rel in storage.files_under(given):
        if rel in (METADATA_NAME, IGNORE_NAME):
            continue
        # object stores have no folders: a hidden or excluded folder is a prefix of the path
        parts = rel.split("/")
        if all(found.entry(url, "/".join(parts[:i]), exclude) if i < len(parts) else True
               for i in range(1, len(parts))) and found.entry(url, rel, exclude):
            met += found.document(url, parts[-1], rel)
    return met


def _walk(top: str, found: _Found, exclude: list[tuple[str, str]]) -> int:
    """Files to read under ``top``, depth first, with a status for everything else met;
    returns how many documents were met."""
    stack, met = [top], 0
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.skip(folder, f"folder cannot be read: {exc.strerror or exc}", "error")
            continue
        for entry in entries:
            full, name = os.path.join(folder, entry.name), entry.name
            if name in (METADATA_NAME, IGNORE_NAME) and folder == top:
                continue  # read by load_metadata and ignore_patterns
            rel = os.path.relpath(full, top)
            if not found.entry(full, rel, exclude):
                continue
            try:
                link = entry.is_symlink()
                mode = os.stat(full).st_mode
            except OSError as exc:
                if Path(name).suffix.lower() in TEXT_SUFFIXES:
                    found.file(full, False, rel)  # read_document says what is wrong with it
                    met += 1
                else:
                    found.skip(full, f"cannot be examined: {exc.strerror or exc}")
                continue
            if stat.S_ISDIR(mode):
                if link:
                    found.skip(full, "a link to a folder, not followed (name its target to read it)")
                else:
                    stack.append(full)
            elif not stat.S_ISREG(mode):
                found.skip(full, f"not a regular file ({file_kind(mode)})")
            else:
                met += found.document(full, name, rel)
    return met
