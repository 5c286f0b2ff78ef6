"""Finding the input files: walk the folders given, accounting for every path met.

Each path is either a file to read or an :class:`~reconcile.sources.InputStatus` saying
why it is not read (skipped, or an error), so nothing is dropped silently.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

from . import storage
from .errors import InputError
from .sources import METADATA_NAME, TEXT_SUFFIXES, InputStatus, file_kind

#: Optional glob patterns, one a line, of what in a folder is not a source.
IGNORE_NAME = ".reconcileignore"


def ignore_patterns(folder: str) -> list[tuple[str, str]]:
    """The patterns of a folder's ``.reconcileignore``: one glob a line, ``#`` comments."""
    path = os.path.join(folder, IGNORE_NAME)
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read(1_000_000).splitlines()
    except OSError:
        return []
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


def discover(paths: list[str], *, exclude: list[tuple[str, str]] = ()) -> tuple[list[tuple[str, bool]], list[InputStatus]]:
    """Expand input paths into files to read, accounting for every path met on the way.

    Returns ``(files, problems)``: ``files`` are ``(path, named_explicitly)`` sorted by path;
    ``problems`` are statuses for what was not read while walking folders: files of other
    kinds, hidden entries, links to folders (not followed, so a link loop cannot hang a
    run), FIFOs and devices (reading one would block), folders that cannot be listed,
    what ``exclude`` patterns (``(glob, where it came from)``) or the folder's
    ``.reconcileignore`` leave out, and a folder given with no documents in it.

    Raises
    ------
    InputError
        When a path does not exist.
    """
    files: dict[str, bool] = {}
    problems: list[InputStatus] = []
    for given in paths:
        if storage.is_url(given):
            _walk_url(given, files, problems, list(exclude))
        elif os.path.isdir(given):
            found = len(files)
            _walk(given, files, problems, [*exclude, *ignore_patterns(given)])
            if len(files) == found:
                problems.append(InputStatus(given, "error", "no documents found under this folder "
                                            f"(reconcile reads {', '.join(sorted(TEXT_SUFFIXES))} files)"))
        elif os.path.lexists(given):
            files[given] = True
        else:
            raise InputError(given, "no such file or folder")
    return sorted(files.items()), problems


def _walk_url(given: str, files: dict[str, bool], problems: list[InputStatus], exclude: list[tuple[str, str]]) -> None:
    """A URL (``memory://docs``, ``s3://bucket/docs``): one document, or every file under it."""
    what = storage.kind(given)
    if what == "file":
        files[given] = True
        return
    if what != "dir":
        raise InputError(given, "nothing there (no such document or folder)")
    found = len(files)
    for url, rel in storage.files_under(given):
        name = rel.rsplit("/", 1)[-1]
        if rel in (METADATA_NAME, IGNORE_NAME):
            continue
        hit = _excluded(rel, exclude) if exclude else None
        if any(part.startswith(".") for part in rel.split("/")):
            problems.append(InputStatus(url, "skipped", "hidden (its name starts with a dot)"))
        elif hit:
            problems.append(InputStatus(url, "skipped", f"excluded by {hit[0]!r} ({hit[1]})"))
        elif Path(name).suffix.lower() in TEXT_SUFFIXES:
            files.setdefault(url, False)
        else:
            problems.append(InputStatus(url, "skipped", "not a text, Markdown or HTML file"))
    if len(files) == found:
        problems.append(InputStatus(given, "error", "no documents found under this folder "
                                    f"(reconcile reads {', '.join(sorted(TEXT_SUFFIXES))} files)"))


def _walk(top: str, files: dict[str, bool], problems: list[InputStatus], exclude: list[tuple[str, str]]) -> None:
    """Files to read under ``top``, depth first, with a status for everything else met."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(InputStatus(folder, "error", f"folder cannot be read: {exc.strerror or exc}"))
            continue
        for entry in entries:
            full, name = os.path.join(folder, entry.name), entry.name
            if name in (METADATA_NAME, IGNORE_NAME) and folder == top:
                continue  # read by load_metadata and ignore_patterns
            if name.startswith("."):
                problems.append(InputStatus(full, "skipped", "hidden (its name starts with a dot)"))
                continue
            hit = _excluded(os.path.relpath(full, top), exclude) if exclude else None
            if hit:
                problems.append(InputStatus(full, "skipped", f"excluded by {hit[0]!r} ({hit[1]})"))
                continue
            try:
                link = entry.is_symlink()
                mode = os.stat(full).st_mode
            except OSError as exc:
                if Path(name).suffix.lower() in TEXT_SUFFIXES:
                    files.setdefault(full, False)  # read_document says what is wrong with it
                else:
                    problems.append(InputStatus(full, "skipped", f"cannot be examined: {exc.strerror or exc}"))
                continue
            if stat.S_ISDIR(mode):
                if link:
                    problems.append(InputStatus(full, "skipped", "a link to a folder, not followed (name its target to read it)"))
                else:
                    stack.append(full)
            elif not stat.S_ISREG(mode):
                problems.append(InputStatus(full, "skipped", f"not a regular file ({file_kind(mode)})"))
            elif name == METADATA_NAME:
                problems.append(InputStatus(full, "skipped", "metadata is read only from a folder named on the "
                                            "command line, not from its subfolders"))
            elif Path(name).suffix.lower() in TEXT_SUFFIXES:
                files.setdefault(full, False)
            else:
                problems.append(InputStatus(full, "skipped", "not a text, Markdown or HTML file"))
