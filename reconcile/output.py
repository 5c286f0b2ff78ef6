"""Writing tables: CSV, JSON or Parquet chosen by the file's suffix; ``-`` is stdout.

Writes are atomic (a temporary file renamed into place), so an interrupted run never
leaves a half-written claims table or report behind.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

from .errors import OutputError

FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet"}


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
    """Rows as plain dicts (NA -> None), in column order."""
    cols = list(frame.columns)
    return [{c: _plain(v) for c, v in zip(cols, row)} for row in frame.itertuples(index=False, name=None)]


def to_csv_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def to_json_text(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_text_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` (``-`` for stdout) via a temporary file and a rename."""
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str, data: bytes) -> None:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def write_table(frame: pd.DataFrame, path: str, fmt: str | None = None) -> None:
    """Write a table as CSV, JSON (a list of row objects) or Parquet."""
    fmt = format_for(path, fmt)
    if fmt == "csv":
        write_text_atomic(path, to_csv_text(frame))
    elif fmt == "json":
        write_text_atomic(path, to_json_text(records(frame)))
    elif fmt == "parquet":
        if path == "-":
            raise OutputError("Parquet cannot be written to stdout; name a file")
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise OutputError("writing Parquet needs pyarrow: pip install 'reconcile[parquet]'") from None
        import io

        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        write_bytes_atomic(path, buf.getvalue())
    else:
        raise OutputError(f"unknown format {fmt!r}")
