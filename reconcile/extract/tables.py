"""Claims in tables: each figure read with its row label, column header and caption.

Markdown pipe tables (with or without the outer pipes), key-value "report scope" tables
and HTML tables (rendered with `` | `` between cells) all arrive here as pipe rows.
"""

from __future__ import annotations

import re

from .document import Draft, DocContext, Extractor, trim_span
from .quantities import Quantity

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LABEL_CUES = re.compile(
    r"market|size|cagr|growth|revenue|share|value|valuation|forecast|projected|expected|estimated|total",
    re.IGNORECASE,
)


def is_table_row(line: str) -> bool:
    """A line with at least two non-empty cells separated by pipes."""
    if "|" not in line or len(line) > 4000:
        return False
    return sum(1 for c in line.split("|") if c.strip()) >= 2


def _cells(line: str, base: int) -> list[tuple[int, int, str]]:
    """Cells of a pipe row as ``(start, end, text)`` with visible offsets; outer empties dropped."""
    out, pos = [], 0
    for part in line.split("|"):
        out.append((base + pos, base + pos + len(part), part.strip()))
        pos += len(part) + 1
    while out and not out[0][2]:
        out.pop(0)
    while out and not out[-1][2]:
        out.pop()
    return out


def _table_context(ex: Extractor, ctx: DocContext, line_no: int) -> tuple[list[str], str, int]:
    """The header cells, caption and first line of the table that ``line_no`` belongs to."""
    text = ctx.doc.visible
    lines = ctx.visible_lines

    def line_text(n: int) -> str:
        if n < 1 or n > lines.count:
            return ""
        s = lines.line_start(n)
        e = text.find("\n", s)
        return text[s : len(text) if e < 0 else e]

    first_of = ctx.table_cache.setdefault("first_of", {})
    first, walked = line_no, []
    while first > 1 and first - 1 not in first_of and is_table_row(line_text(first - 1)):
        walked.append(first)
        first -= 1
    if first > 1 and first - 1 in first_of:
        first = first_of[first - 1]
    for n in walked + [line_no]:
        first_of[n] = first
    if first in ctx.table_cache:
        return ctx.table_cache[first]
    header: list[str] = []
    top = line_text(first)
    second = line_text(first + 1) if first + 1 <= line_no + 1 else ""
    if _SEPARATOR.match(second) or not ex.quantities.find(top):
        header = [c[2] for c in _cells(top, 0)]
    caption = ""
    n = first - 1
    while n >= 1 and first - n <= 3:
        candidate = line_text(n).strip().strip("#*").strip()
        if candidate:
            if len(candidate) <= 200:
                caption = candidate
            break
        n -= 1
    ctx.table_cache[first] = (header, caption, first)
    return ctx.table_cache[first]


def extract_table_row(ex: Extractor, ctx: DocContext, line_no: int, base: int, row: str, found: list[Quantity]) -> list[Draft]:
    if _SEPARATOR.match(row):
        return []
    header, caption, first = _table_context(ex, ctx, line_no)
    cells = _cells(row, base)
    if not cells:
        return []
    if header and line_no == first:
        return []  # figures in a header row are labels, not claims
    label = cells[0][2]
    label_dim = ex.dimension_of(header[0]) if header else ""
    caption_dim = ex.dimension_of(caption) if caption else ""
    header_years = [t for h in header for t in ex.times.find(h) if t.kind == "point"]
    quote = (cells[0][0], cells[-1][1])
    drafts = []
    for q in found:
        col = next((i for i, c in enumerate(cells) if c[0] <= q.start < c[1]), len(cells) - 1)
        col_header = header[col] if col < len(header) else ""
        cell_text = cells[col][2]
        row_label = label if col > 0 else ""
        d = Draft(q)
        d.quote_span = trim_span(ctx.doc.visible, *quote, lead=" \t\r\n|*")
        left_in_cell = ctx.doc.visible[cells[col][0] : q.start]
        right_in_cell = ctx.doc.visible[q.end : cells[col][1]]
        d.qualifier = ex.cues.qualifier(left_in_cell, q.plus)
        _metric(ex, d, q, [left_in_cell + " " + right_in_cell, row_label, col_header, caption])
        # Time: the cell itself, then the row label, the column header, the caption.
        t = None
        for source in (right_in_cell, left_in_cell, row_label, col_header, caption):
            found_t = [x for x in ex.times.find(source) if x.kind != "same"]
            if found_t:
                t = found_t[0]
                break
        ex.apply_time(ctx, d, t)
        if d.metric == "cagr" and d.period_start is None and len({x.year for x in header_years}) >= 2:
            years = sorted(x.year for x in header_years)
            d.period_start, d.period_end = years[0], d.period_end or years[-1]
        _scope(ex, d, row_label, label_dim, caption_dim)
        subject_src = [k for _, k in ex.subjects.phrases(caption)] if caption else []
        d.subject = subject_src[0] if subject_src else None
        d.kind = ex.cues.kind(" ".join((row_label, col_header, left_in_cell)))
        if d.metric in ("market_size", "revenue") and d.year is None and d.period_end is None:
            d.confidence *= 0.8
        drafts.append(d)
    return drafts


def _metric(ex: Extractor, d: Draft, q: Quantity, sources: list[str]) -> None:
    """The first of cell, row label, column header, caption that names a metric decides it."""
    percent = q.unit in ("percent", "percentage_point")
    for src in sources:
        if not src:
            continue
        if percent:
            for metric in ("cagr", "share", "growth"):
                if ex.cues.has(metric, src):
                    d.metric = metric
                    return
        else:
            if ex.cues.has("other_money", src):
                d.metric = "other"
                return
            if ex.cues.has("market_size", src) or ex.cues.has("revenue", src):
                d.metric = "market_size"
                return
    d.metric = "other" if percent else "market_size"
    d.confidence *= 0.8


def _scope(ex: Extractor, d: Draft, row_label: str, label_dim: str, caption_dim: str) -> None:
    if not row_label:
        return
    region = ex.regions.resolve(row_label)
    if region == "Rest of World" and "region" not in (label_dim, caption_dim):
        region = None  # "Others" in an end-user table is a segment, not a region
    if region and region != "Global":
        d.scope, d.scope_type, d.dimension = region, ex.regions.type_of(region), "region"
        return
    if region == "Global" or _LABEL_CUES.search(row_label) and label_dim in ("", "region"):
        return  # "Market Size in 2025 | USD 616.26 Billion": a key, not a part
    dim = label_dim or caption_dim
    if dim == "company":
        d.scope, d.scope_type, d.dimension = row_label.replace("*", "").strip(), "company", "company"
        if d.metric == "market_size":
            d.metric = "revenue"
        return
    d.scope, d.scope_type, d.dimension = ex.segment_label(row_label), "segment", dim or "segment"
