"""Reading sources: find the input files, decode them, and turn each into a Document.

Every input file yields an :class:`InputStatus`, read or not, so nothing is silently
dropped. A file that cannot be read is reported with a plain message; the rest of the
corpus is still read.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .htmltext import looks_like_html, render_html
from .mdtext import strip_inline_markup
from .offsets import OffsetMap

#: File endings read when a folder is given. A file named explicitly is always read.
TEXT_SUFFIXES = frozenset((".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"))
HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
#: The optional per-corpus metadata file (title, publisher, date per document).
METADATA_NAME = "metadata.toml"
#: Files larger than this are not read (a corpus of market blurbs has no such files).
MAX_BYTES = 64 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class InputStatus:
    """What happened to one input file."""

    doc: str
    status: str  # ok | empty | skipped | error
    message: str = ""
    format: str = ""
    encoding: str = ""
    bytes: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    #: from ``metadata.toml``, when it gives them: reports name documents by these
    title: str = ""
    publisher: str = ""

    @property
    def label(self) -> str:
        """``Title (publisher)`` for reports, or nothing when metadata gives neither."""
        if self.title and self.publisher:
            return f"{self.title} ({self.publisher})"
        return self.title or self.publisher

    @property
    def unreadable(self) -> bool:
        return self.status == "error"

    def as_dict(self) -> dict:
        return {
            "doc": self.doc,
            "status": self.status,
            "message": self.message,
            "format": self.format,
            "encoding": self.encoding,
            "bytes": self.bytes,
            "claims": self.claims,
            "warnings": list(self.warnings),
            "title": self.title,
            "publisher": self.publisher,
        }


@dataclass
class Document:
    """A decoded source file and the visible text extraction reads."""

    doc: str
    text: str  # the original file text, decoded, BOM removed, line endings untouched
    visible: str
    offsets: OffsetMap
    format: str  # text | markdown | html
    headings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The document's title: metadata, else the first heading, else the first line."""
        if self.meta.get("title"):
            return str(self.meta["title"])
        if self.headings:
            return self.headings[0]
        for line in self.visible.split("\n", 20)[:20]:
            line = line.strip().lstrip("#").strip()
            if line:
                return line[:300]
        return ""


def discover(paths: list[str]) -> tuple[list[tuple[str, bool]], list[InputStatus]]:
    """Expand input paths into files to read.

    Returns ``(files, problems)``: ``files`` are ``(path, named_explicitly)`` sorted by path;
    ``problems`` are statuses for files skipped while walking folders.

    Raises
    ------
    InputError
        When a path does not exist.
    """
    files: dict[str, bool] = {}
    problems: list[InputStatus] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if name.startswith(".") or name == METADATA_NAME:
                        continue
                    if Path(name).suffix.lower() in TEXT_SUFFIXES:
                        files.setdefault(full, False)
                    else:
                        problems.append(
                            InputStatus(full, "skipped", "not a text, Markdown or HTML file")
                        )
        elif p.is_file() or p.is_symlink() or os.path.lexists(given):
            files[given] = True
        else:
            raise InputError(given, "no such file or folder")
    return sorted(files.items()), problems


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", warnings
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    try:
        text = data.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        enc = "latin-1"
    warnings.append(f"not valid UTF-8 (at {where}); decoded as {enc}")
    return text, enc, warnings


def source_text(path: str) -> str | None:
    """A file's decoded text (the text claim offsets point into), or None if unreadable."""
    try:
        with open(path, "rb") as fh:
            return _decode(fh.read())[0]
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def read_document(path: str, meta: dict | None = None) -> tuple[Document | None, InputStatus]:
    """Read and decode one file. Never raises for a bad file: the status says what is wrong."""
    status = InputStatus(path, "ok", title=str((meta or {}).get("title", "")),
                         publisher=str((meta or {}).get("publisher", "")))
    try:
        size = os.path.getsize(path)
        status.bytes = size
        if size > MAX_BYTES:
            status.status, status.message = "error", f"file is {size} bytes, over the {MAX_BYTES} limit"
            return None, status
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        status.status, status.message = "error", f"cannot be read: {exc.strerror or exc}"
        return None, status
    status.bytes = len(data)
    if not data.strip():
        status.status, status.message = "empty", "file is empty"
        return None, status
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        status.status, status.message = "error", "binary file (contains NUL bytes), not text"
        return None, status
    try:
        text, encoding, warnings = _decode(data)
    except UnicodeDecodeError as exc:
        status.status, status.message = "error", f"cannot be decoded: {exc.reason}"
        return None, status
    status.encoding = encoding
    status.warnings.extend(warnings)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        status.status = "error"
        status.message = "binary or undecodable content (too many control characters)"
        return None, status
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        visible, offsets, headings = render_html(text)
        fmt = "html"
    else:
        stripped = strip_inline_markup(text)
        visible, offsets = stripped if stripped else (text, OffsetMap.identity_map())
        fmt = "markdown" if suffix in (".md", ".markdown") else "text"
        headings = [
            m.group(1).strip() for m in re.finditer(r"(?m)^#{1,3}[ \t]+(.+)$", text[:200_000])
        ]
    status.format = fmt
    return Document(path, text, visible, offsets, fmt, headings, meta or {}), status


def load_metadata(paths: list[str]) -> tuple[dict[str, dict], list[InputStatus]]:
    """Read ``metadata.toml`` from each folder given; map file path -> its metadata.

    A malformed metadata file is reported as an input with status ``error``.
    """
    found: dict[str, dict] = {}
    problems: list[InputStatus] = []
    for given in paths:
        folder = Path(given)
        meta_path = folder / METADATA_NAME
        if not (folder.is_dir() and meta_path.is_file()):
            continue
        try:
            data = tomllib.loads(meta_path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(InputStatus(str(meta_path), "error", f"metadata not readable: {exc}"))
            continue
        for name, entry in (data.get("documents") or {}).items():
            if isinstance(entry, dict):
                found[os.path.join(given, name)] = entry
    return found, problems
