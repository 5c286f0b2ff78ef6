"""Reading sources: decode the input files (found by discovery.py) and turn each into a Document.

Every input file yields an :class:`InputStatus`, read or not, so nothing is silently
dropped. A file that cannot be read is reported with a plain message; the rest of the
corpus is still read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .htmltext import looks_like_html, render_html
from .mdtext import strip_inline_markup
from . import storage
from .errors import ReconcileError
from .aligned import pipe_aligned_tables
from .offsets import LineIndex, OffsetMap, WithoutChars

#: File endings read when a folder is given. A file named explicitly is always read.
TEXT_SUFFIXES = frozenset((".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"))
HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
#: The optional per-corpus metadata file (title, publisher, date per document).
METADATA_NAME = "metadata.toml"
#: Files larger than this are not read (a corpus of market blurbs has no such files).
MAX_BYTES = 64 * 1024 * 1024

_FRONT_TITLE = re.compile(r"^title\s*:\s*[\"']?(.+?)[\"']?\s*$", re.MULTILINE)
_FIELD_LINE = re.compile(r"^[\w ]{1,24}:\s")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
    #: sha256 of the bytes read, so a cache entry is keyed by what was extracted (not in reports)
    sha256: str = ""

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
    #: what reading or extraction had to leave out, for the input's warnings
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The document's title: metadata, front matter, the first heading, else the first line."""
        if self.meta.get("title"):
            return str(self.meta["title"])
        front = self.front_title
        if front:
            return front
        if self.headings:
            return self.headings[0]
        for line in self.visible.split("\n", 20)[:20]:
            line = line.strip().lstrip("#").strip()
            if line and not _BOILERPLATE_LINE.match(line) and not _MASTHEAD.match(line):
                return line[:300]  # "FOR IMMEDIATE RELEASE", "GAMELEDGER WEEKLY | Business" are no title
        return ""

    @cached_property
    def front_title(self) -> str:
        """``title:`` in the document's front matter (``---`` … ``---`` at its top), or ``""``."""
        if self.visible.lstrip("\ufeff").startswith("---"):
            m = _FRONT_TITLE.search(self.visible[:3000])
            if m:
                return m.group(1)
        return ""

    @cached_property
    def display_title(self) -> str:
        """The title to show people, or ``""`` when the document has none that reads as one:
        metadata's, front matter's, an HTML page's first heading, a first line that is a
        Markdown title or reads as one (short, not a sentence, not a ``Field: value`` line)."""
        if self.meta.get("title"):
            return _clip(str(self.meta["title"]))
        if self.front_title:
            return _clip(self.front_title)
        if self.format == "html":
            return _clip(self.headings[0]) if self.headings else ""
        lines = [ln.strip().lstrip("\ufeff").strip() for ln in self.visible.split("\n", 20)[:20]]
        at = next((i for i, ln in enumerate(lines) if ln and not _MASTHEAD.match(ln)), None)  # past a masthead
        if at is None:
            return ""
        first, alone = lines[at], at + 1 >= len(lines) or not lines[at + 1]  # a line of its own, not wrapped prose
        if first.startswith("# "):
            return _clip(first[2:].strip())
        if (alone and len(first) <= 120 and not first.endswith((".", ":", ";", ",")) and first[0] not in "|#-*>"
                and not _FIELD_LINE.match(first)):
            return _clip(first)
        return ""


_BOILERPLATE_LINE = re.compile(r"^[*_ ]*(?:for\s+immediate\s+release|press\s+release|news\s+release|media\s+release|"
                               r"embargoed?\b[^\n]*|for\s+release\b[^\n]*)[*_ .:]*$", re.IGNORECASE)

#: A publication's masthead over a story's headline: "GAMELEDGER WEEKLY | Business", "THE GRAIN LEDGER".
_MASTHEAD = re.compile(r"^[*_ ]*[A-Z][A-Z0-9&.'’ -]{2,40}?(?:\s+\|\s+[A-Za-z][\w &'’-]{0,30}"
                       r"|\s(?:WEEKLY|DAILY|TIMES|JOURNAL|REVIEW|NEWS|POST|WIRE|GAZETTE|HERALD|TRIBUNE|LEDGER|INSIDER|"
                       r"BULLETIN|MONITOR|CHRONICLE|OBSERVER|DISPATCH))[*_ ]*$")


def _clip(text: str, size: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


#: Valid UTF-8 multi-byte sequences: a file holding some is UTF-8 with a few bad bytes,
#: not a legacy encoding.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_REPLACED = re.compile("\ufffd+")


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        enc = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", warnings
    else:
        enc = "utf-8"
    try:
        return data.decode("utf-8"), enc, warnings
    except UnicodeDecodeError as exc:
        first = exc.start
    if enc == "utf-8-sig" or _UTF8_MULTIBYTE.search(data):
        # UTF-8 with a few bad bytes: replace those, keep the rest ("€5 billion") as written.
        text = data.decode("utf-8", errors="replace")
        warnings.append(f"not valid UTF-8 on {_lines_of(text, _REPLACED)}; those bytes were read as \ufffd")
        return text, enc, warnings
    try:
        text = data.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        enc = "latin-1"
    warnings.append(f"not valid UTF-8 (at byte {first}); decoded as {enc}")
    return text, enc, warnings


def _lines_of(text: str, pattern: re.Pattern) -> str:
    """``line 3`` or ``lines 3, 9 and 4 more``: where ``pattern`` occurs in ``text``."""
    index = LineIndex(text)
    lines = sorted({index.line(m.start()) for m in pattern.finditer(text)})
    shown = ", ".join(map(str, lines[:5])) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
    return f"line{'s' if len(lines) > 1 else ''} {shown}"


def decode_source(data: bytes) -> tuple[str, str, list[str]]:
    """A file's text, its encoding and what decoding had to change.

    Bytes that are not text in the encoding, and control characters (a NUL inside
    "bil\\0lion"), become U+FFFD one for one, so offsets into the text stay offsets into
    the file's characters and no output ever carries a raw control character.
    """
    text, encoding, warnings = _decode(data)
    if _CONTROL.search(text):
        warnings.append(f"control characters (such as NUL) on {_lines_of(text, _CONTROL)}; read as \ufffd")
        text = _CONTROL.sub("\ufffd", text)
    return text, encoding, warnings


def source_text(path: str) -> str | None:
    """A file's decoded text (the text claim offsets point into), or None if unreadable."""
    try:
        if storage.is_url(path):
            return decode_source(storage.read_bytes(path))[0]
        with open(path, "rb") as fh:
            return decode_source(fh.read())[0]
    except (OSError, UnicodeDecodeError, ValueError, ReconcileError):
        return None


def _read_bytes(path: str, status: InputStatus) -> bytes | None:
    """A regular file's (or a URL's) bytes; None, with the status saying why, for anything else."""
    try:
        if storage.is_url(path):
            size = storage.size(path)
        else:
            mode = os.stat(path).st_mode
            if not stat.S_ISREG(mode):
                status.status, status.message = "skipped", f"not a regular file ({file_kind(mode)})"
                return None
            size = os.path.getsize(path)
        status.bytes = size
        if size > MAX_BYTES:
            status.status, status.message = "error", f"file is {size} bytes, over the {MAX_BYTES} limit"
            return None
        if storage.is_url(path):
            return storage.read_bytes(path)
        with open(path, "rb") as fh:
            return fh.read()
    except (OSError, ReconcileError) as exc:
        status.status, status.message = "error", f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
        return None


def read_document(path: str, meta: dict | None = None) -> tuple[Document | None, InputStatus]:
    """Read and decode one file. Never raises for a bad file: the status says what is wrong."""
    status = InputStatus(path, "ok", title=str((meta or {}).get("title", "")),
                         publisher=str((meta or {}).get("publisher", "")))
    data = _read_bytes(path, status)
    if data is None:
        return None, status
    status.bytes = len(data)
    status.sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        status.status, status.message = "empty", "file is empty"
        return None, status
    sample, utf16 = data[:65536], data.startswith((b"\xff\xfe", b"\xfe\xff"))
    # A stray NUL or two is damage (warned about and read around); many are a binary file.
    if not utf16 and sample.count(b"\x00") > 2 + len(sample) // 1000:
        status.status, status.message = "error", "binary file (contains NUL bytes), not text"
        return None, status
    if not utf16 and len(_CONTROL_BYTES.findall(sample)) > 0.05 * len(sample):
        status.status = "error"
        status.message = "binary or undecodable content (too many control characters)"
        return None, status
    try:
        text, encoding, warnings = decode_source(data)
    except UnicodeDecodeError as exc:
        status.status, status.message = "error", f"cannot be decoded: {exc.reason}"
        return None, status
    status.encoding = encoding
    status.warnings.extend(warnings)
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        visible, offsets, headings = render_html(text)
        fmt = "html"
    else:
        stripped = strip_inline_markup(text)
        visible, offsets = stripped if stripped else (text, OffsetMap.identity_map())
        fmt = "markdown" if suffix in (".md", ".markdown") else "text"
        visible = pipe_aligned_tables(visible)  # same length: the offsets still hold
        headings = [
            m.group(1).strip() for m in re.finditer(r"(?m)^#{1,3}[ \t]+(.+)$", text[:200_000])
        ]
    if "\ufffd" in visible:
        # What could not be read is left out of the text extraction reads, so "bil\ufffdlion"
        # still reads "billion" while its quote shows where the file was damaged.
        removed = [m.start() for m in re.finditer("\ufffd", visible)]
        visible, offsets = visible.replace("\ufffd", ""), WithoutChars(offsets, removed)
    status.format = fmt
    return Document(path, text, visible, offsets, fmt, headings, meta or {}), status


def load_metadata(paths: list[str]) -> tuple[dict[str, dict], list[InputStatus]]:
    """Read ``metadata.toml`` from each folder given; map file path -> its metadata.

    A malformed metadata file is reported as an input with status ``error``.
    """
    found: dict[str, dict] = {}
    problems: list[InputStatus] = []
    for given in paths:
        url = storage.is_url(given)
        meta_path = storage.child(given, METADATA_NAME) if url else Path(given) / METADATA_NAME
        # os.path's tests say False for a folder that cannot be entered; discovery reports it.
        try:
            if not (storage.kind(meta_path) == "file" if url else os.path.isfile(meta_path)):
                continue
        except ReconcileError as exc:
            problems.append(InputStatus(str(meta_path), "error", f"metadata not readable: {exc}"))
            continue
        try:
            text = storage.read_bytes(meta_path).decode("utf-8") if url else meta_path.read_text("utf-8")
            data = tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(InputStatus(str(meta_path), "error", f"metadata not readable: {exc}"))
            continue
        for name, entry in (data.get("documents") or {}).items():
            if isinstance(entry, dict):
                found[storage.child(given, name) if url else os.path.join(given, name)] = entry
    return found, problems
