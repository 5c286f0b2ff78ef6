"""Tables a converter flattened to one cell per line, under a scale note.

PDF and Word converters often write a financial table as a column of lines::

    Three Months Ended June 30,
    ($ in millions, except per share amounts)
    Revenue                      <- the column headers, one per line
    Operating Income
    2023 As Reported (GAAP)      <- a row label
    $56,189                      <- its cells, in column order
    $24,254
    Percentage Change Y/Y (GAAP)
    15%
    …

This module rebuilds that grid: each figure line gets its column header (what it
measures), its row label (period, accounting basis, change) and the note's scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import DocContext, Draft, trim_span
from .quantities import Quantity
from .tables import _BARE_CELL, _PER_SHARE, _SCALE_NOTE, _line_text, _measure, scale_note
from .timeexpr import YEAR, TimeExpr, month_number
from .timing import apply_time
from .vocabulary import Vocabulary

_SPAN = re.compile(
    r"^(?P<span>three|3|six|6|nine|9|twelve|12)\s+months\s+ended\s+(?P<mon>[A-Z][a-z]+)\b", re.IGNORECASE)
_YEAR = re.compile(rf"\b{YEAR}\b")
_PERCENT_CELL = re.compile(r"^[-−(]?\d+(?:\.\d+)?\s?%\)?$")
MAX_CELL = 40  # a flattened cell is short; a longer line is prose and ends the table
MAX_GAP = 40  # lines a figure may sit below the scale note and still belong to its table


@dataclass
class FlatTable:
    """The grid of one flattened table: its scale, the period its columns cover, headers and cells."""

    scale: tuple[float, str, bool]
    span: str = ""  # "quarter" or "year" ("Three Months Ended June 30,")
    month: int | None = None
    headers: list[str] = field(default_factory=list)
    cells: dict[int, tuple[str, str, int | None]] = field(default_factory=dict)  # line -> (header, row label, year)


def _is_figure(line: str) -> bool:
    return bool(_BARE_CELL.match(line.replace(" ", "")) or _PERCENT_CELL.match(line))


def _read_table(ex: Vocabulary, ctx: DocContext, note_line: int, scale: tuple[float, str, bool]) -> FlatTable:
    table = FlatTable(scale)
    for n in (note_line - 1, note_line - 2):
        m = _SPAN.match(_line_text(ctx, n).strip())
        if m:
            months = m.group("span").lower()
            table.span = "quarter" if months in ("three", "3") else "year" if months in ("twelve", "12") else ""
            try:
                table.month = month_number(m.group("mon"))
            except KeyError:
                table.month = None
            break
    n = note_line + 1
    last = ctx.visible_lines.count
    while n <= last:  # the column headers: short lines with no figure and no year
        line = _line_text(ctx, n).strip()
        if not line or len(line) > MAX_CELL or _is_figure(line) or _YEAR.search(line):
            break
        table.headers.append(line)
        n += 1
    label, year, column, labels_in_a_row = "", None, 0, 0
    while n <= last:
        line = _line_text(ctx, n).strip()
        if not line or len(line) > MAX_CELL + 20 or _SPAN.match(line) or _SCALE_NOTE.match(line.lstrip("(")):
            break
        if _is_figure(line):
            header = table.headers[column] if column < len(table.headers) else ""
            table.cells[n] = (header, label, year)
            column += 1
            labels_in_a_row = 0
        else:
            labels_in_a_row += 1
            if labels_in_a_row > 1:
                break  # two labels with no figure between them: the table is over
            label, column = line, 0
            found = _YEAR.search(line)
            year = int(found.group(0)) if found else year
        n += 1
    return table


def flat_table(ex: Vocabulary, ctx: DocContext, line_no: int) -> FlatTable | None:
    """The flattened table ``line_no`` is a cell of, if any (tables are read once and cached)."""
    tables = ctx.table_cache.setdefault("flat_tables", {})
    cell_of = ctx.table_cache.setdefault("flat_cells", {})
    if line_no in cell_of:
        return cell_of[line_no]
    for n in range(line_no - 1, max(0, line_no - MAX_GAP), -1):
        line = _line_text(ctx, n).strip()
        if len(line) > 90:
            break
        if line.startswith("(") and _SCALE_NOTE.search(line):
            if n not in tables:
                scale = scale_note(ex, line, ctx.currency)
                tables[n] = _read_table(ex, ctx, n, scale) if scale else None
                if tables[n] is not None:
                    for cell in tables[n].cells:
                        cell_of[cell] = tables[n]
            break
    return cell_of.get(line_no)


def flattened_numbers(ex: Vocabulary, ctx: DocContext, line_no: int, base: int, line: str, found: list[Quantity]) -> list[Quantity]:
    """A flattened cell's figure: scaled by the note, "(345)" negative, per-share cells as written."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CELL:
        return found
    table = flat_table(ex, ctx, line_no)
    if table is None or line_no not in table.cells:
        return found
    m = _BARE_CELL.match(stripped.replace(" ", ""))
    if m is None:
        return found  # a percentage: the quantity finder has read it
    factor, currency, except_per_share = table.scale
    raw = m.group("num").replace(",", "")
    header = table.cells[line_no][0]
    per_share = except_per_share and bool(_PER_SHARE.search(header) if header else "." in raw and float(raw) < 1000)
    value = float(raw) * (1 if per_share else factor)
    if m.group("neg") or (m.group("open") and m.group("close")):
        value = -value
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    c0 = base + line.index(stripped)
    return [Quantity(c0, c0 + len(stripped), stripped, value, value, value, currency, False, False, decimals)]


def is_flat_cell(ctx: DocContext, line_no: int) -> bool:
    return ctx.table_cache.get("flat_cells", {}).get(line_no) is not None


def extract_flat_cell(ex: Vocabulary, ctx: DocContext, line_no: int, base: int, line: str, found: list[Quantity]) -> list[Draft]:
    """Drafts for a flattened cell, read with its column header and row label."""
    table = ctx.table_cache["flat_cells"][line_no]
    header, label, year = table.cells[line_no]
    drafts = []
    for q in found:
        d = Draft(q)
        d.quote_span = trim_span(ctx.doc.visible, base, base + len(line))
        _measure(ex, d, q, [label if q.unit in ("percent", "percentage_point") else "", header, label],
                 ctx.company_doc)
        if d.measure in ("growth", "rate"):
            d.basis = ex.basis(label, "")
        d.accounting = ex.accounting("", label)
        if year is not None:
            t = TimeExpr(q.start, q.end, "point", year, month=table.month, ended=table.span) if table.month else \
                TimeExpr(q.start, q.end, "point", year)
            apply_time(ctx, d, t)
        d.kind = "actual"
        drafts.append(d)
    return drafts
