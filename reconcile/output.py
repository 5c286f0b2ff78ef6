"""Writing tables: CSV, JSON or Parquet chosen by the file's suffix; ``-`` is stdout.

Writes are atomic (a temporary file renamed into place), so an interrupted run never
leaves a half-written claims table or report behind; files get the usual permissions
(0666 less the umask). ``folder_lock`` keeps concurrent runs from mixing their sets of
outputs in one folder. Text from documents is made safe here for the people who read
it: file names that are not valid UTF-8 (``path_text``), control characters on one line
(``line_text``) and spreadsheet formulas in CSV cells (``to_csv_text``).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import json
import math
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd

from .errors import OutputError

FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet"}
#: Held (``fcntl.flock``) in an output folder while a run writes its set of outputs there.
LOCK_NAME = ".reconcile.lock"

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters, line and paragraph separators and bidirectional overrides: what
#: could start a new line, move a terminal's cursor or reorder what a reader sees.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same, less line breaks and tabs: what must not reach a document such as the HTML report.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Rows of the claims table mapped and written at a time (see ``to_csv_text``).
CSV_CHUNK_ROWS = 20_000


def path_text(path) -> str:
    """A path (or any text holding one) as text for people and for UTF-8 files.

    Bytes of a file name that are not valid UTF-8 reach Python as lone surrogates
    (``os.fsdecode(b"bad\\xffname.txt")`` is ``"bad\\udcffname.txt"``), which no UTF-8
    writer accepts; they are shown as ``\\xff``, as ``bytes`` reprs show them.
    """
    text = os.fspath(path) if not isinstance(path, str) else path
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_surrogate_escape, text)


def _surrogate_escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _shown(text, pattern: re.Pattern) -> str:
    """``path_text``, with what ``pattern`` matches shown as escapes (``\\n``, ``\\x1b``)."""
    text = path_text(str(text))
    return pattern.sub(lambda m: repr(m.group())[1:-1], text) if pattern.search(text) else text


def line_text(text) -> str:
    """``path_text``, with control characters shown as escapes (``\\n``, ``\\x1b``):
    text that stays on one line of a terminal, log or report cell, whatever it holds."""
    return _shown(text, _UNPRINTABLE)


def controls_shown(text: str) -> str:
    """``path_text``, with control characters (ESC, BEL, bidi overrides) shown as escapes;
    line breaks and tabs stay: for text in documents such as the HTML report."""
    return _shown(text, _CONTROLS)


def format_for(path: str, explicit: str | None = None) -> str:
    if explicit:
        return explicit
    if path == "-":
        return "csv"
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: unknown output format (use .csv, .json or .parquet)")
    return fmt


def _plain(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts (NA -> None, text through ``path_text``), in column order."""
    cols = list(frame.columns)
    return [{c: _plain_text(v) for c, v in zip(cols, row)} for row in frame.itertuples(index=False, name=None)]


def _plain_text(value):
    value = _plain(value)
    return path_text(value) if isinstance(value, str) else value


def neutralize_formula(text: str) -> str:
    """A CSV cell a spreadsheet will not run: text starting ``= + - @``, tab or CR gets a
    leading apostrophe, as OWASP recommends for CSV injection."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv_text(frame: pd.DataFrame, *, escape_formulas: bool = True) -> str:
    """The table as CSV. With ``escape_formulas`` (the default) text cells that a
    spreadsheet would read as a formula start with an apostrophe; numeric columns never
    change (``-5`` is a number, not a formula). ``escape_formulas=False`` writes text
    exactly as extracted, for programs that read the CSV."""
    return "".join(csv_pieces(frame, escape_formulas=escape_formulas))


def csv_pieces(frame: pd.DataFrame, *, escape_formulas: bool = True) -> Iterator[str]:
    """``to_csv_text`` a slice of rows at a time (the first with the header), so a large
    table is written without its whole text, or a mapped copy of it, in memory."""
    for at in range(0, max(len(frame), 1), CSV_CHUNK_ROWS):
        yield _safe_text(frame.iloc[at:at + CSV_CHUNK_ROWS], escape_formulas).to_csv(index=False, header=at == 0,
                                                                                    lineterminator="\n")


def _safe_text(frame: pd.DataFrame, escape_formulas: bool) -> pd.DataFrame:
    """The frame with every text cell through ``path_text`` (and, with ``escape_formulas``,
    ``neutralize_formula``), numbers and NA untouched. A column is looked at whole first: one
    with no lone surrogate and no formula's first character is left as it is (most)."""
    out = frame
    for col in frame.columns:
        values = frame[col]
        if not (pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values)):
            continue
        texts = [v for v in values.tolist() if isinstance(v, str)]
        surrogates = bool(_SURROGATE.search("\0".join(texts)))
        formulas = escape_formulas and any(t.startswith(_FORMULA_START) for t in texts)
        if not (surrogates or formulas):
            continue
        fix = (lambda v: neutralize_formula(path_text(v))) if escape_formulas else path_text
        if out is frame:
            out = frame.copy()
        out[col] = pd.Series([fix(v) if isinstance(v, str) else v for v in values], index=frame.index, dtype=object)
    return out


def write_csv(frame: pd.DataFrame, path: str, *, escape_formulas: bool = True) -> None:
    """The table as CSV to ``path`` (``-`` for stdout), written as it is made."""
    write_pieces_atomic(path, csv_pieces(frame, escape_formulas=escape_formulas))


def to_json_text(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_text_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` (``-`` for stdout) via a temporary file and a rename."""
    # Writers show file names with path_text; a lone surrogate left anywhere still must
    # not lose the whole report, so it is written as a visible (and JSON-valid) escape.
    # Encoded as it is written: a large report is not held twice (as text and as bytes).
    write_pieces_atomic(path, (text,))


def write_pieces_atomic(path: str, pieces: Iterable[str]) -> None:
    """Write text made piece by piece, as :func:`write_text_atomic` writes a whole text."""
    if path == "-":
        for piece in pieces:
            sys.stdout.write(piece.encode("utf-8", "backslashreplace").decode("utf-8"))
        sys.stdout.flush()
        return
    _write_atomic(path, lambda fd: _write_text(fd, pieces))


def _write_text(fd: int, pieces: Iterable[str]) -> None:
    with open(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
        for piece in pieces:
            fh.write(piece)


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    # The only way to read the umask is to set it; done once, before any file is written.
    old = os.umask(0o022)
    os.umask(old)
    return old


def write_bytes_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename, as 0666 less the umask."""
    _write_atomic(path, lambda fd: _write_bytes(fd, data))


def _write_bytes(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _write_atomic(path: str, write) -> None:
    """``write(fd)`` into a temporary file beside ``path``, then rename it to ``path``."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
        try:
            if hasattr(os, "fchmod"):  # mkstemp makes the file 0600, private to its owner
                os.fchmod(fd, 0o666 & ~_umask())
            write(fd)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def write_table(frame: pd.DataFrame, path: str, fmt: str | None = None, *, escape_formulas: bool = True) -> None:
    """Write a table as CSV, JSON (a list of row objects) or Parquet.

    ``escape_formulas`` applies to CSV: see ``to_csv_text``.
    """
    fmt = format_for(path, fmt)
    if fmt == "csv":
        write_csv(frame, path, escape_formulas=escape_formulas)
    elif fmt == "json":
        write_text_atomic(path, to_json_text(records(frame)))
    elif fmt == "parquet":
        if path == "-":
            raise OutputError("Parquet cannot be written to stdout; name a file")
        if importlib.util.find_spec("pyarrow") is None:
            raise OutputError("writing Parquet needs pyarrow: pip install 'reconcile-claims[parquet]'")
        buf = io.BytesIO()
        _safe_text(frame, escape_formulas=False).to_parquet(buf, index=False)
        write_bytes_atomic(path, buf.getvalue())
    else:
        raise OutputError(f"unknown format {fmt!r}")


@contextlib.contextmanager
def folder_lock(folder: str, *, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``folder/.reconcile.lock`` while writing a set of outputs.

    Two runs writing into one folder then write one after the other, so the folder never
    holds report.json from one run and report.html from the other. ``on_wait(lock_path)``
    is called when another run holds the lock and this one has to wait for it. Where
    ``fcntl`` is missing (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    lock = Path(folder) / LOCK_NAME
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(f"{lock}: cannot lock the output folder: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(str(lock))
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
