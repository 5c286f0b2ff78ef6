"""Plain-text tables laid out in columns of spaces, read as pipe tables.

Statistics offices and wire services publish plain text with tables aligned by spaces::

    Division                              Weight (per 1,000)   Annual %
    Food and non-alcoholic beverages             182              5.1

Extraction reads tables as pipe rows (see :mod:`reconcile.extract.tables`). Here each gap of
two or more spaces in such a block becomes `` |`` followed by the rest of the gap, so the
text keeps its length and every offset into it still points at the same character of the
file (quotes are cut from the file, so they show the spaces as written).

A block is two or more consecutive lines that each split into the same number of cells
(two or more) at gaps of two or more spaces (or a tab, alone or among spaces), with two or
more cells that hold a figure alone. Its header lines (up to three) may leave the row-label
column empty (each starts with two or more spaces or tabs: one character has no room for the empty cell's
pipe, so such a block is left as it is rather than read with its columns shifted).
Prose never splits that way on two consecutive lines, and a block whose rows split into
different numbers of cells (an empty cell, a label with a double space) is left as it is.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"[ \t]{2,}|\t")  # "  \t" is one gap, not two around an empty cell
_FIGURE_CELL = re.compile(r"^[(\-−+]?[$€£¥]?\d[\d,]*(?:\.\d+)?%?\)?$")


def _cells(line: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each cell of a line split at gaps of two or more spaces."""
    body = line.rstrip()
    out, pos = [], len(body) - len(body.lstrip())
    for m in _GAP.finditer(body, pos):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < len(body):
        out.append((pos, len(body)))
    return out


def _figures(line: str, cells: list[tuple[int, int]]) -> int:
    return sum(1 for a, b in cells if _FIGURE_CELL.match(line[a:b]))


def _piped(line: str, cells: list[tuple[int, int]], indented_header: bool) -> str:
    """The line with `` |`` at the start of each gap between its cells (length kept)."""
    chars = list(line)
    gaps = list(zip((e for _, e in cells), (s for s, _ in cells[1:])))
    if indented_header:  # an empty row-label cell, ".|" (a line opening with "|" would drop it)
        chars[0], chars[1] = ".", "|"
    for end, start in gaps:
        if start - end == 1:
            chars[end] = "|"  # a single tab
        else:
            chars[end], chars[end + 1] = " ", "|"
    return "".join(chars)


def pipe_aligned_tables(text: str) -> str:
    """``text`` with its space-aligned table blocks turned into pipe rows of the same length."""
    if "  " not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    split = [_cells(ln) if "|" not in ln and ("  " in ln.strip() or "\t" in ln.strip()) else [] for ln in lines]
    i, changed = 0, False
    while i < len(lines):
        if len(split[i]) < 2:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and len(split[j + 1]) >= 2:
            j += 1
        if j > i:
            changed |= _convert(lines, split, i, j)
        i = j + 1
    return "\n".join(lines) if changed else text


def _convert(lines: list[str], split: list, first: int, last: int) -> bool:
    """Convert lines ``first..last`` when they form a table; whether they did."""
    rows = range(first, last + 1)
    width = len(split[last])
    # header lines (up to three: "Jul-Sep / 2025") that leave the row-label column empty
    short = set()
    for n in rows:
        if n - first >= 3 or not (len(split[n]) == width - 1 and split[n][0][0] >= 2):
            break
        short.add(n)
    body = [n for n in rows if n not in short]
    if not body or any(len(split[n]) != width for n in body):
        return False
    if sum(_figures(lines[n], split[n]) for n in rows) < 2:
        return False
    for n in rows:
        lines[n] = _piped(lines[n], split[n], n in short)
    return True
