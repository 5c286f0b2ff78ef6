"""Claims in tables: each figure read with its row label, column header and caption.

Markdown pipe tables (with or without the outer pipes), key-value "report scope" tables
and HTML tables (rendered with `` | `` between cells) all arrive here as pipe rows.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from .context import last_company
from .draft import DocContext, Draft, trim_span
from .quantities import NUM, Quantity
from .subject import singular
from .timeexpr import ANALYST_MARK, TimeExpr, is_month, month_number
from .timing import apply_time
from .vocabulary import Vocabulary

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# "(In millions, except per share amounts)", "($ in millions)", "Revenue ($bn)", "USD Mn", "Metric ($ million)",
# "A$ million", "Revenue (CHF m)": any currency code units.toml knows
_SCALE_NOTE = re.compile(
    r"(?:\(|\bin\s+|\b(?P<code>(?-i:[A-Z]{3}|[A-Z]{1,3}\$))\s*|(?:^|(?<=\s))(?=[$€£¥₹]))\s*(?P<sym>[$€£¥₹])?\s*(?:in\s+)?"
    r"(?P<scale>thousands|millions|billions|trillions|thousand|million|billion|trillion|mn|bn|mln|m|b|k)\b",
    re.IGNORECASE,
)
_COUNT_ROW = re.compile(r"^\W*(employees|staff|headcount|full-time employees|stores|customers|subscribers)\b",
                        re.IGNORECASE)
_CHANGE_HEADER = re.compile(r"\b(?:change|chg|growth|y/y|yoy|var(?:iance)?|\+/-)\b|%\s*ch", re.IGNORECASE)
_DIVIDEND_ROW = re.compile(r"\bdividends?\b|\bpayout\b", re.IGNORECASE)
#: A row of a part of the year's dividend: "Final dividend per share", "Interim dividend (pence)".
_DIVIDEND_PART_ROW = re.compile(r"\b(?:final|interim|special|first|second|third|quarterly)\b", re.IGNORECASE)
_ANALYST_PERIOD = re.compile(ANALYST_MARK, re.IGNORECASE)
_ROW_UNIT = re.compile(r"\((?:(?P<sym>[$€£¥₹]|US\$|A\$|C\$|NZ\$|HK\$|(?-i:[A-Z]{3}))|(?P<cents>cents?|pence|p))\)\s*$",
                       re.IGNORECASE)
_PER_SHARE = re.compile(r"per[\s-]+(?:diluted\s+|basic\s+|common\s+|ordinary\s+)?share|\beps\b|per\s+unit", re.IGNORECASE)
_SHARE_COUNT = re.compile(r"\bshares\b|number\s+of", re.IGNORECASE)
_SHARE_ROW = re.compile(
    r"^\W*(?:weighted[- ]average\s+)?(?:number\s+of\s+)?(?:diluted\s+|basic\s+|common\s+)?shares\b", re.IGNORECASE)
_SHARES_IN = re.compile(r"\bshares\b[^.;)]{0,40}?\b(thousands|millions)\b", re.IGNORECASE)
_BARE_CELL = re.compile(rf"^(?P<cur>\$|/dollarsign)?\s*(?P<open>\()?\s*(?P<cur2>\$)?\s*(?P<neg>[-−])?(?P<num>{NUM})\s*(?P<close>\))?$")
# A line opening with a scale note, above a table a converter flattened to one cell per line.
SCALE_LINE = re.compile(r"^\s*\((?:[$€£¥]\s*)?in\s+(?:thousands|millions|billions)", re.IGNORECASE | re.MULTILINE)
#: A row of percentages: "Operating margin (%)", "Equity ratio, %".
_ROW_PERCENT = re.compile(r"(?:\(\s*%\s*\)|\(\s*per\s?cent\s*\)|,\s*%)\s*$", re.IGNORECASE)
#: A column of percentages: "(%)", "Growth %", "% change (CHF)", "% chg at CER", "% y/y".
_PERCENT_HEADER = re.compile(r"\(\s*%\s*\)|\(\s*per\s?cent\s*\)|%\s*$|^\W*%\s*(?:change|chg|ch\b|growth|y/y|yoy|var)",
                             re.IGNORECASE)
#: A period named as the base in a change column's header: "Change on Aug 2024 (%)".
_BASE_IN_HEADER = re.compile(r"\b(?:on|from|over|vs\.?|versus|since|compared\s+(?:with|to))\s*$", re.IGNORECASE)
#: A caption that states its table's unit: "Volume change of GDP, per cent", "Annual rates (%)".
_PERCENT_CAPTION = re.compile(r"(?:,|\(|\bin)\s*(?:per\s?cent|%)\s*\)?\s*\.?$", re.IGNORECASE)
#: A caption that opens with its table's unit: "Percentage change on previous quarter", "Percentage points".
_PERCENT_LEAD = re.compile(r"(?:percentage|per\s?cent|%)\s+(?:change|changes|growth|points?|share|of\b)|percentage\s+points?\s*$"
                           r"|(?:annual|quarterly|monthly)\s+(?:percentage\s+)?(?:rates|growth\s+rates)\b", re.IGNORECASE)
_POINTS_LEAD = re.compile(r"percentage\s+points?\b", re.IGNORECASE)
#: What is left of a row label that only names a basis: "Year-on-year, s.a." less its basis.
#: (Each character matched one way only: a label of many "%" or "s.a." must not backtrack for ever.)
_BASIS_ONLY = re.compile(r"(?:(?:n\.?\s?)?s\.\s?a|(?:not\s+)?seasonally\s+adjusted|change|growth|rate|[\W_])*",
                         re.IGNORECASE)
_WHOLE_ROW = re.compile(r"^\W*(?:(?:total|consolidated|group\s+total|company\s+total|all\s+(?:segments|items|divisions))\b"
                        r"|group\W*$)", re.IGNORECASE)
#: A row label set in italics (not bold): a detail of the row above ("| *   Intelligent Cloud* |").
_ITALIC_LABEL = re.compile(r"^\s*[*_](?![*_])\s*\S")
_PART_MEASURES = frozenset(("revenue", "operating_income", "gross_profit", "net_income", "ebitda", "pretax_income"))
#: A row that reconciles segments to the group: "Adjustments", "Eliminations", "Corporate and other".
_RECONCILING_ROW = re.compile(r"^\W*(?:adjustments?|eliminations?|inter-?segment(?:\s+eliminations?)?|reconciling\s+items|"
                              r"reconciliation|corporate(?:\s+(?:and|&)\s+(?:other|eliminations))?|unallocated(?:\s+items)?|"
                              r"consolidation(?:\s+adjustments)?)(?:\s*\([^()]*\))?\W*$", re.IGNORECASE)
#: A row that details the row above it: "– Oncology", "of which: Oncology", "thereof Europe".
_DETAIL_ROW = re.compile(r"^\s*(?:[–—-]+|of\s+which:?|o/w:?|thereof:?|incl(?:uding|\.)?:?)\s*(?=\w)", re.IGNORECASE)
#: A label column's header saying the rows are years ending in a month: "Year ended 31 March".
_YEAR_ENDED_HEAD = re.compile(r"\byears?\s+(?:ended|ending|to)\s+(?:\d{1,2}\s+)?([A-Z][a-z]+)", re.IGNORECASE)
#: A company table's column of someone's estimates: "KBS estimate", "Our est.", "Estimates".
_ESTIMATE_COLUMN = re.compile(r"\b(?:estimates?|est\.?)(?!\w)", re.IGNORECASE)

#: What may stand beside the counted noun in a column header that names only it: "Number of stores (#)".
_COUNT_HEADER = re.compile(r"(?:\W|\b(?:number|no\.?|of|total|average|at|year|end|year-end|period-end)\b)*", re.IGNORECASE)
#: A line above a table that is a sentence of the text, not its caption: "Core operating profit
#: was CHF 6,010 million." names no measure for the table's rows.
_PROSE_LINE = re.compile(r"\d[\d,.]*\s*(?:%|million|billion|bn|m\b)|[a-z]{2}[.!?]\s+[A-Z]|\b(?:was|were|rose|fell|grew|is|are)\b.*\.$")
_RULE_LINE = re.compile(r"^[-=_~*\s]{3,}$")
_NOTE_PAREN = re.compile(r"\([^()]*\b(?:thousands|millions|billions)\b[^()]*\)", re.IGNORECASE)
_SPAN_QUARTER = re.compile(r"\b(?:three|3)\s+months\b|\bquarter", re.IGNORECASE)
_SPAN_YEAR = re.compile(r"\b(?:twelve|12)\s+months\b|\byear\s+ended\b|\bfiscal\s+year", re.IGNORECASE)
_LABEL_CUES = re.compile(
    r"market|size|cagr|growth|revenue|share|value|valuation|forecast|projected|expected|estimated|total",
    re.IGNORECASE,
)


def is_table_row(line: str) -> bool:
    """A line with at least two non-empty cells separated by pipes."""
    if "|" not in line or len(line) > 4000:
        return False
    if line.lstrip().startswith("|") and line.count("|") >= 3:
        return True  # "| Product |  |  |": a row of a pipe table, even with empty cells
    return sum(1 for c in line.split("|") if c.strip()) >= 2


def _cells(line: str, base: int) -> list[tuple[int, int, str]]:
    """Cells of a pipe row as ``(start, end, text)`` with visible offsets; the empties outside outer pipes dropped."""
    out, pos = [], 0
    for part in line.split("|"):
        out.append((base + pos, base + pos + len(part), part.strip()))
        pos += len(part) + 1
    if out and not out[0][2] and line.lstrip().startswith("|") and (line.rstrip().endswith("|") or not line[:1].isspace()):
        out.pop(0)  # "| a | b |"; but " | Three Months Ended …" (a converted HTML row) opens with an empty corner cell
    if out and not out[-1][2] and line.rstrip().endswith("|"):
        out.pop()
    return out if any(c[2] for c in out) else []


@dataclass(frozen=True)
class TableInfo:
    """A table's header (one text per column, header rows joined), caption, first line, stated
    scale ``(factor, currency, except_per_share)`` and the span its dated columns cover."""

    header: list[str]
    caption: str
    first: int
    scale: tuple[float, str, bool] | None
    span: str  # "quarter", "year" or ""
    share_factor: float = 1.0  # what a share count is in ("number of shares … in thousands")
    columns: tuple = ()  # per column: its own unit from its header ("Revenue ($bn)", "Growth (%)"), or None
    document_scale: bool = False  # the scale is the document's own note's, not the table's


def _line_text(ctx: DocContext, n: int) -> str:
    lines, text = ctx.visible_lines, ctx.doc.visible
    if n < 1 or n > lines.count:
        return ""
    s = lines.line_start(n)
    e = text.find("\n", s)
    return text[s : len(text) if e < 0 else e]


def _is_header_row(ex: Vocabulary, line: str) -> bool:
    """A row whose cells hold no figure other than dates and years."""
    for _, _, cell in _cells(line, 0)[1:]:
        if cell and _BARE_CELL.match(cell.replace(" ", "")) and not re.fullmatch(r"(?:19|20)\d{2}", cell):
            return False
        if cell and ex.quantities.find(cell):
            return False
    return True


def scale_note(ex: Vocabulary, text: str, currency: str | None) -> tuple[float, str, bool] | None:
    """``(factor, currency, except_per_share)`` from "(In millions, except per share amounts)" and the like.

    Scale words and currency symbols are the ones ``units.toml`` defines.
    """
    m = _SCALE_NOTE.search(text)
    if not m:
        return None
    word = m.group("scale").lower()
    try:
        factor = ex.units.scale_factor(word[:-1] if len(word) > 2 and word.endswith("s") else word)
    except KeyError:
        return None
    if len(word) == 1 and not (m.group("sym") or m.group("code")):
        return None  # a lone "m" or "b" needs a currency beside it
    prefixes = ex.quantities.prefix_code
    if m.group("code") and m.group("code") not in prefixes:
        return None  # "(ABC m)": no currency we know
    cur = prefixes.get(m.group("sym") or "") or prefixes.get(m.group("code") or "") or _currency_word(ex, text) or currency
    if not cur:
        return None
    return factor, cur, bool(re.search(r"except|per[\s-]+share", text, re.IGNORECASE))


def _currency_word(ex: Vocabulary, text: str) -> str | None:
    """The currency a scale note names in words: "(Amounts in millions of yen)", "in thousands of euros"."""
    m = re.search(r"\b(?:millions?|billions?|thousands?)\s+of\s+([A-Za-z. ]{2,20}?)(?:[,;)]|$)", text, re.IGNORECASE)
    if not m:
        return None
    words = m.group(1).strip().lower()
    return ex.quantities.suffix_code.get(words) or ex.quantities.suffix_code.get(words.split()[-1])


def _column_unit(ex: Vocabulary, header: str, currency: str | None) -> tuple[float, str, bool] | None:
    """The unit a column header states for its cells: "(%)" -> percent, "($bn)" -> USD billions,
    "Passengers (millions)" -> millions of passengers."""
    if _PERCENT_HEADER.search(header):
        return 1.0, "percent", False
    if not _SCALE_NOTE.search(header):
        noun = ex.count_noun_in(header)
        if noun and _COUNT_HEADER.fullmatch(ex._count_noun.sub("", header)):
            return 1.0, noun, False  # "| Employees |", "| Number of stores |": a count per cell
        return None
    noun = ex.count_noun_in(header)
    if noun and not re.search(r"[$€£¥₹]|\b[A-Z]{3}\b", header):
        m = _SCALE_NOTE.search(header)
        word = m.group("scale").lower()
        try:
            return float(ex.units.scale_factor(word[:-1] if len(word) > 2 and word.endswith("s") else word)), noun, False
        except KeyError:
            return None
    return scale_note(ex, header, currency)


def _table_context(ex: Vocabulary, ctx: DocContext, line_no: int) -> TableInfo:
    """The header, caption, first line and scale of the table that ``line_no`` belongs to."""
    first_of = ctx.table_cache.setdefault("first_of", {})
    first, walked = line_no, []
    while first > 1 and first - 1 not in first_of and is_table_row(_line_text(ctx, first - 1)):
        walked.append(first)
        first -= 1
    if first > 1 and first - 1 in first_of:
        first = first_of[first - 1]
    for n in walked + [line_no]:
        first_of[n] = first
    if first in ctx.table_cache:
        return ctx.table_cache[first]
    top = _line_text(ctx, first)
    header: list[str] = []
    if _SEPARATOR.match(_line_text(ctx, first + 1)) or _is_header_row(ex, top):
        header = [c[2] for c in _cells(top, 0)]
        n = first + 1
        while n <= ctx.visible_lines.count and n - first <= 3:
            row = _line_text(ctx, n)
            if _SEPARATOR.match(row):
                n += 1
                continue
            if not is_table_row(row) or not _is_header_row(ex, row) or not any(c[2] for c in _cells(row, 0)[1:]):
                break
            more = [c[2] for c in _cells(row, 0)]
            header = [" ".join(x for x in (header[i] if i < len(header) else "", more[i] if i < len(more) else "") if x)
                      for i in range(max(len(header), len(more)))]
            ctx.table_cache.setdefault("header_rows", set()).add(n)
            n += 1
    caption, above = "", []
    n = first - 1
    while n >= 1 and first - n <= 4:
        candidate = _line_text(ctx, n).strip().strip("#*").strip()
        if candidate and not _RULE_LINE.match(candidate):  # "-----": a plain-text rule, no caption
            above.append(candidate)
            # The scale note "(In millions, except per share data)" is no caption: its words
            # ("per share") would name a measure for every cell.
            without_note = _NOTE_PAREN.sub("", candidate).strip(" *_")
            if not caption and len(candidate) <= 200 and without_note and not _PROSE_LINE.search(without_note):
                caption = without_note
            if len(above) >= 2:
                break
        n -= 1
    note_text = " ".join(above + header)
    scale = scale_note(ex, note_text, ctx.currency) or _implied_scale(ex, ctx, first)
    document_scale = scale is None and _document_scale(ex, ctx, " ".join(header[1:])) is not None
    scale = scale or _document_scale(ex, ctx, " ".join(header[1:]))
    span = "quarter" if _SPAN_QUARTER.search(note_text) else "year" if _SPAN_YEAR.search(note_text) else ""
    shares_in = _SHARES_IN.search(note_text)
    share_factor = (1e3 if shares_in.group(1).lower().startswith("thousand") else 1e6) if shares_in else (
        scale[0] if scale else 1.0)
    columns = tuple(_column_unit(ex, h, ctx.currency) for h in header)
    if scale is None and not any(columns) and (_PERCENT_CAPTION.search(caption) or _PERCENT_LEAD.match(caption)):
        # "Table 1. Volume change of GDP, per cent", "Percentage change on previous quarter",
        # "Percentage points": every figure column is in percent (points)
        unit = "percentage_point" if _POINTS_LEAD.match(caption) else "percent"
        columns = (None,) + (((1.0, unit, False),) * max(len(header) - 1, 0))
    ctx.table_cache[first] = TableInfo(header, caption, first, scale, span, share_factor, columns, document_scale)
    return ctx.table_cache[first]


#: A document's own scale note: "(Amounts in millions of yen, rounded down)", "Amounts in EUR million unless otherwise stated".
_DOCUMENT_SCALE = re.compile(r"^[ \t>*_(]*(?:all\s+)?(?:amounts|figures|monetary\s+amounts)\s+(?:are\s+)?(?:shown\s+|stated\s+|"
                             r"expressed\s+|presented\s+)?in\s+[^\n.;]{2,40}", re.IGNORECASE | re.MULTILINE)
_NOT_MONEY_TABLE = re.compile(r"%|per\s?cent|\bshare\b|\bnumber\b|\bemployees\b|\bunits\b|\bpeople\b|\bpersons\b", re.IGNORECASE)


def _document_scale(ex: Vocabulary, ctx: DocContext, note_text: str) -> tuple[float, str, bool] | None:
    """The scale a company document states once for all its tables ("(Amounts in millions of
    yen)"), for a table that states none and whose headers name no percentages or counts."""
    if not ctx.company_doc or _NOT_MONEY_TABLE.search(note_text):
        return None
    key = "document_scale"
    if key not in ctx.table_cache:
        m = _DOCUMENT_SCALE.search(ctx.doc.visible[:3000])
        ctx.table_cache[key] = scale_note(ex, "(" + m.group(0).strip(" \t>*_(") + ")", ctx.currency) if m else None
    return ctx.table_cache[key]


#: How many significant digits a money cell needs for the text's figures to imply its table's scale.
_IMPLIED_DIGITS = 3
_MONEY_CELL = re.compile(r"^\(?(?P<sym>[$€£¥])\s?(?P<num>\d{1,3}(?:,\d{3})*(?:\.(?P<dec>\d+))?)\)?$")


def _implied_scale(ex: Vocabulary, ctx: DocContext, first: int) -> tuple[float, str, bool] | None:
    """The scale of a table that states none, when one of its money cells of three or more
    significant digits is one of the text's figures in millions (or thousands, billions):
    "| Apparel | $538.9 |" beside "net sales of $538.9 million". Per-share rows keep their
    face value."""
    if not ctx.amounts:
        return None
    lines = ctx.visible_lines
    cells = []
    n = first
    for n, row_cells in _table_rows(ctx, first):
        for _, _, cell in row_cells[1:]:
            m = _MONEY_CELL.match(cell.replace(" ", ""))
            # three significant digits or more: "$12" a week beside an unrelated "$12 million"
            # is a coincidence, "$538.9" beside "$538.9 million" is not
            if m and len(m.group("num").replace(",", "").replace(".", "").strip("0")) >= _IMPLIED_DIGITS:
                code = ex.quantities.prefix_code.get(m.group("sym"))
                step = 10 ** -len(m.group("dec") or "")
                cells.append((code, float(m.group("num").replace(",", "")), step))
    n += 1  # the line after the table
    if not cells:
        return None
    # (an unusable figure, "USD 999…9 billion" read as infinite, is within any distance of every cell)
    values: dict[str, list[float]] = {}  # the text's amounts by currency, sorted: a cell looks up its own
    for a in ctx.amounts:
        if math.isfinite(a.value) and not first <= lines.line(a.start) < n:
            values.setdefault(a.unit, []).append(a.value)
    for found in values.values():
        found.sort()
    for factor in (1e6, 1e9, 1e3):
        for code, value, step in cells:
            found, target, tol = values.get(code, ()), value * factor, step * factor / 2
            at = bisect.bisect_left(found, max(factor, (target - tol) / (1 + 1e-9)))
            if at < len(found) and abs(found[at] - target) <= tol + 1e-9 * found[at]:
                return factor, code, True
    return None


def table_numbers(ex: Vocabulary, ctx: DocContext, line_no: int, base: int, row: str, found: list[Quantity]) -> list[Quantity]:
    """The figures of a row in a table whose caption states a scale ("$ in millions"): cells written
    without one are scaled, "(345)" is negative, per-share rows keep their face value."""
    if not is_table_row(row) or _SEPARATOR.match(row):
        return found
    info = _table_context(ex, ctx, line_no)
    if line_no == info.first or line_no in ctx.table_cache.get("header_rows", ()):
        return found
    cells = _cells(row, base)
    if not cells:
        return found
    label = cells[0][2]
    section = _section_scale(ex, ctx, info, line_no)  # "| **Financials (EUR million)** | | |" above the row
    row_count = _ROW_COUNT_SCALE.search(label)
    # "| Revenue (EUR million) | 6,842 |", "| Net profit ($m) |": the row states its own scale and currency
    own = _row_scale(ex, ctx, label, row_count)
    if own is None and _DETAIL_ROW.match(label):  # "| of which passenger revenue | 5,910 |": the row above's
        own = _parent_scale(ex, ctx, info, line_no)
    if own is not None:
        section, row_count = own, None
    if info.scale is None and not any(info.columns) and section is None and row_count is None \
            and not (_ROW_PERCENT.search(label) and not _ROW_UNIT.search(label)):
        return found
    named = ex.measures.nearest("percent", label, "", before=200) if info.document_scale else None
    if info.document_scale and section is None and (ex.count_noun_in(label) or named and named[0] in ("rate", "margin", "share")):
        return found  # "| Occupancy | 91.5 |" under a document's "(Amounts in millions of yen)": no amount
    factor, currency, except_per_share = section or info.scale or (1.0, "", False)
    if row_count is not None:  # "| Passengers carried (thousand) | 13,912 |": a count, in thousands
        head = _COUNT_HEAD.search(label[: row_count.start()])
        noun = ex.count_noun_in(label) or (singular(head.group(1).lower()) if head else "")
        if noun:
            scale = row_count.group(1).lower().strip("'")
            factor = 1e3 if scale in ("thousand", "thousands", "000") else 1e6 if scale.startswith("million") else 1.0
            out = []
            numbered = [(col, c) for col, c in enumerate(cells[1:], start=1)
                        if not (col < len(info.columns) and info.columns[col] and info.columns[col][1] == "percent")]
            for q in _bare_cell_quantities(ctx, [c for _, c in numbered], decimals=True):
                value = float(q.figure.replace(",", "")) * factor
                out.append(Quantity(q.start, q.end, q.figure, value, value, value, noun, False, False, q.decimals))
            return _with_others(out, found)
    counted = _COUNT_ROW.match(label)
    if counted:  # "Employees at 30 September | 2,940": people, not millions of money
        noun = counted.group(1).lower()
        return _with_others([Quantity(q.start, q.end, q.figure, float(q.figure.replace(",", "")), float(q.figure.replace(",", "")),
                                      float(q.figure.replace(",", "")), "employee" if noun.startswith(("employee", "staff", "head"))
                                      else noun.rstrip("s"), False, False, q.decimals)
                             for q in (_bare_cell_quantities(ctx, cells[1:]))], found)
    row_unit = _ROW_UNIT.search(label)  # "Adj. EPS ($)", "Basic EPS (cents)": the row's own unit
    if row_unit:
        sym = row_unit.group("sym") or ""
        code = ex.quantities.prefix_code.get(sym) or (None if sym else currency or ctx.currency)
        if code:  # ("(XYZ)", a code it does not know: no unit of its own)
            factor, currency, except_per_share = (0.01 if row_unit.group("cents") else 1.0), code, False
    row_percent = not row_unit and bool(_ROW_PERCENT.search(label))
    if row_percent:  # "| Operating margin (%) | 7.7 | 6.5 |": percentages in a money (or points) table
        factor, currency, except_per_share = 1.0, "percent", False
    # a per-share row keeps its face value against a scale of thousands or more, whether or not the note says so
    per_share = bool(_PER_SHARE.search(label)) and (except_per_share or factor >= 1000)
    # A count of shares, not money ("Shares used in computing diluted earnings per share" too).
    shares = bool(_SHARE_ROW.match(label)) or bool(_SHARE_COUNT.search(label)) and not per_share
    per_share = per_share and not shares
    out = []
    for col, (start, end, cell) in enumerate(cells[1:], start=1):
        inside = [q for q in found if start <= q.start < end]
        bold = len(cell) - len(cell.lstrip("*_"))  # "**1,310**": a total set in bold
        if bold:
            inner = cell.strip("*_")
            bold += len(inner) - len(inner.lstrip())  # "** 1,310 **"
            cell = inner.strip()
        m = _BARE_CELL.match(cell.replace(" ", "") if "/dollarsign" not in cell else cell)
        column = info.columns[col] if col < len(info.columns) else None
        if m is None or (column is None and info.scale is None and section is None and not row_percent):
            out.extend(inside)
            continue
        raw = m.group("num").replace(",", "")
        if re.fullmatch(r"(?:19|20)\d{2}", cell.strip()) and not m.group("cur"):
            out.extend(inside)
            continue  # a year
        if shares and m.group("cur"):
            continue  # money in a share-count row: not a figure we can read
        unit_factor, unit, _ = (factor, currency, except_per_share) if row_percent or column is None else column
        if not unit:
            out.extend(inside)
            continue
        value = float(raw) * (info.share_factor if shares else 1 if per_share else unit_factor)
        if column is not None and unit not in ("percent", "percentage_point") and not ex.units.is_currency(unit) \
                and abs(value) < 1000:
            out.extend(inside)
            continue  # "| Stores | 12 |": a small count is no claim
        if m.group("neg") or (m.group("open") and m.group("close")):
            value = -value
        lead = len(ctx.doc.visible[start:end]) - len(ctx.doc.visible[start:end].lstrip())
        c0, c1 = start + lead + bold, start + lead + bold + len(cell)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        unit = "share" if shares else unit
        out.append(Quantity(c0, c1, ctx.doc.visible[c0:c1], value, value, value, unit, False, False, decimals))
    return sorted(out, key=lambda q: q.start)


def extract_table_row(ex: Vocabulary, ctx: DocContext, line_no: int, base: int, row: str, found: list[Quantity]) -> list[Draft]:
    if _SEPARATOR.match(row):
        return []
    info = _table_context(ex, ctx, line_no)
    header, caption, first = info.header, info.caption, info.first
    cells = _cells(row, base)
    if not cells:
        return []
    if header and (line_no == first or line_no in ctx.table_cache.get("header_rows", ())):
        return []  # figures in a header row are labels, not claims
    label = cells[0][2]
    label_dim = ex.dimension_of(header[0]) if header else ""
    caption_dim = ex.dimension_of(caption) if caption else ""
    header_years = [t for h in header for t in ex.times.find(h) if t.kind == "point" and t.year]
    quote = (cells[0][0], cells[-1][1])
    drafts = []
    company_doc = ctx.company_doc
    label_firm = _firm(ex, label)  # a row per research firm ("| Solvane Partners | …"), looked up once
    if not label_firm and header and _FIRM_COLUMN.fullmatch(header[0].replace("*", "").strip()) and label.strip():
        label_firm = label.replace("*", "").strip()  # "| Firm | 2025 market size |": every row label is a firm
    header_firms: dict[str, str] = {}
    for q in found:
        col = next((i for i, c in enumerate(cells) if c[0] <= q.start < c[1]), len(cells) - 1)
        col_header = header[col] if col < len(header) else ""
        row_label = label if col > 0 else ""
        d = Draft(q)
        d.quote_span = trim_span(ctx.doc.visible, *quote, lead=" \t\r\n|*")
        left_in_cell = ctx.doc.visible[cells[col][0] : q.start]
        right_in_cell = ctx.doc.visible[q.end : cells[col][1]]
        d.qualifier = ex.cues.qualifier(left_in_cell, q.plus)
        reconciling = bool(_RECONCILING_ROW.match(row_label))  # "| Adjustments | (13.4) |": a part of the column's measure
        _measure(ex, d, q, [left_in_cell + " " + right_in_cell, "" if reconciling else row_label, col_header, caption],
                 company_doc, key_figures=company_doc and _after_other_line(ex, ctx, info, line_no))
        if d.measure == "other" and company_doc and _ITALIC_LABEL.match(cells[0][2]) and q.unit not in ("percent", "percentage_point"):
            above = _measure_above(ex, ctx, info, line_no)
            if above in _PART_MEASURES:  # "| *   Intelligent Cloud* |" under "Operating Income": that segment's operating income
                d.measure, d.metric = above, ex.family(above)
        d.accounting = ex.accounting(col_header + " " + left_in_cell, right_in_cell + " " + row_label)
        # Time: the cell itself, then the row label, the column header, the caption.
        t = None
        change_col = q.unit in ("percent", "percentage_point") and bool(_CHANGE_HEADER.search(col_header or ""))
        corner = header[0] if header and col > 0 else ""  # "| End-use (2025) | Revenue (USD million) |"
        for source in (right_in_cell, left_in_cell, row_label, col_header, corner, caption):
            found_t = [x for x in ex.times.find(source) if x.kind != "same"
                       and not (change_col and source is col_header and _BASE_IN_HEADER.search(source[:x.start]))]
            if found_t:
                t = found_t[0]
                break
        if t is not None and t.month and info.span and not t.ended and source is col_header:
            # "Three Months Ended | September 28, 2024": the column is the period ending that day.
            t = TimeExpr(t.start, t.end, "point", t.year, prep=t.prep, month=t.month, ended=info.span)
        if change_col and (t is None or source is caption):  # the header's periods say more than a caption
            # "| Free cash flow | 64.2 | 41.7 | +45.2% |" under "H1 2025 | H1 2024 | Change", or
            # "Aug 2024 | Jul 2025 | Aug 2025 | Change on Aug 2024 (%)": the change of the latest
            # period, over the one a year before it when the header has it
            periods = [x for h in header[1:col] for x in ex.times.find(h) if x.kind == "point" and x.year]
            latest = lambda xs: max(xs, key=lambda x: (x.year, x.quarter or 0, x.month or 0, x.half or 0,  # noqa: E731
                                                       x.first_month or 0))
            pair = [x for h in header[max(1, col - 2):col] for x in ex.times.find(h)[:1] if x.kind == "point" and x.year]
            if len(pair) == 2 and col >= 3 and (pair[0].quarter, pair[0].half, pair[0].month) == \
                    (pair[1].quarter, pair[1].half, pair[1].month) and pair[0].year != pair[1].year:
                # "| Q4 FY2026 | Q4 FY2025 | FY2026 | FY2025 | Change (FY) |": the change of the two
                # columns right before it
                periods = pair
            if periods:
                t = latest(periods)
                if q.unit != "percentage_point":  # "| EBIT margin (%) | 7.8 | 7.2 | 0.7 pp |": the row's measure moved
                    d.measure, d.metric = "growth", ex.family("growth")
                earlier = periods + [x for x in ex.times.find(col_header) if x.kind == "point" and x.year]
                d.basis = d.basis or ex.basis(col_header, "") or (
                    "yoy" if any(x.year == t.year - 1 and (x.quarter, x.month, x.half) == (t.quarter, t.month, t.half)
                                 for x in earlier) else "")
        if t is None and q.unit == "percent" and header_years and d.metric != "cagr":
            # "| Q3 FY2025 operating income | Operating margin |": a column of no period of its own
            # beside dated ones is of the latest of them
            t = max(header_years, key=lambda x: (x.year, x.quarter or 0, x.month or 0, x.half or 0))
        if t is None and header_years and col_header and ex.cues.kind(col_header) in ("consensus", "forecast") \
                and len({(x.year, x.quarter, x.half, x.month, x.fiscal) for x in header_years}) == 1:
            # "| H1 25A | H1 25E (KB) | Consensus |": the expectation of the one period the table is about
            t = header_years[0]
        apply_time(ctx, d, t)
        if t is not None and source is row_label and header and not d.fiscal and d.year and not (d.quarter or d.month):
            ended = _YEAR_ENDED_HEAD.search(header[0])
            end_month = month_number(ended.group(1)) if ended and is_month(ended.group(1)) else None
            if end_month and end_month != 12:  # "Year ended 31 March | … ": the rows' years are fiscal years
                d.fiscal, d.year_end = True, end_month
        if d.metric == "cagr" and d.period_start is None and len({x.year for x in header_years}) >= 2:
            years = sorted(x.year for x in header_years)
            d.period_start, d.period_end = years[0], d.period_end or years[-1]
        d.company = last_company(ctx, row_label, caption)
        row_firm = label_firm if col > 0 else ""
        if col_header not in header_firms:
            header_firms[col_header] = _firm(ex, col_header)
        d.attributed_to = row_firm or header_firms[col_header]  # "| Solvane Partners | $2.46bn (2025) |"
        if reconciling:  # eliminations between segments: a part the segments sum with to the total
            d.scope, d.scope_type, d.dimension = ex.segment_label(row_label), "segment", label_dim or "segment"
        elif not row_firm:  # a row per research firm says whose estimate, not which part of the market
            _scope(ex, d, row_label, label_dim, caption_dim, company_doc)
        section = _section_above(ctx, info, line_no) if company_doc and d.scope_type == "global" else ""
        if section:  # "| **Powertrain Solutions** | | |" above "| Revenue | 1,204.7 |": the division's revenue
            d.scope, d.scope_type, d.dimension = ex.segment_label(section), "segment", "segment"
        if ctx.entity_type == "economy" and d.scope_type == "segment":
            # an economy's infobox row that names a measure ("Inflation (CPI)", "GDP growth") is
            # about the whole economy; one that names a part ("Services", "Exports") keeps it
            part = ex.components.part_named(row_label, ctx.entity)
            if part.status == "whole":
                d.scope, d.scope_type, d.dimension = "Global", "global", ""
        subject_src = [k for _, k in ex.subjects.phrases(caption)] if caption else []
        d.subject = subject_src[0] if subject_src else None
        d.kind = ex.cues.kind(" ".join((row_label, col_header, left_in_cell)))
        marked = _ANALYST_PERIOD.search(col_header)
        if marked:  # an analyst's "FY25E" / "3Q25A" column: estimated or actual, as the header says
            d.kind = "forecast" if marked.group(1).upper() == "E" else "actual"
        elif ctx.company_doc and d.kind == "estimate" and _ESTIMATE_COLUMN.search(col_header):
            d.kind = "forecast"  # a broker's "KBS estimate" column beside the quarter's actual: its forecast of it
        if d.metric in ("market_size", "revenue") and d.year is None and d.period_end is None:
            d.confidence *= 0.8
        drafts.append(d)
    # "| GDP by sector | agriculture 6.9%, industry 31.4%, services 67.2% (2024) |": a cell's list
    for col in {next((i for i, c in enumerate(cells) if c[0] <= d.q.start < c[1]), -1) for d in drafts}:
        in_cell = [d for d in drafts if cells[col][0] <= d.q.start < cells[col][1]] if col > 0 else []
        if len(in_cell) >= 2:
            dim = ex.dimension_of(label) or "segment"
            ex.listed.apply(ctx.doc.visible, in_cell,
                            [max(cells[col][0], in_cell[i - 1].q.end) if i else cells[col][0] for i in range(len(in_cell))],
                            label_for=lambda _name, dim=dim: dim, row_label=ex.segment_label(label))
    return drafts


def _with_others(counts: list[Quantity], found: list[Quantity]) -> list[Quantity]:
    """A count row's cells, with the figures of its other cells ("+7.7%" in its change column)."""
    taken = [(q.start, q.end) for q in counts]
    rest = [q for q in found if not any(a <= q.start < b or q.start <= a < q.end for a, b in taken)]
    return sorted(counts + rest, key=lambda q: q.start)


def _bare_cell_quantities(ctx: DocContext, cells, *, decimals: bool = False) -> list[Quantity]:
    """The plain numbers of a row's cells ("2,940"), as counts with no unit yet; with
    ``decimals``, "38.6" too (a row of millions: "| Passengers (million) | 38.6 |")."""
    out = []
    pattern = r"\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*" if decimals else r"\s*(\d{1,3}(?:,\d{3})+|\d+)\s*"
    for start, end, cell in cells:
        m = re.fullmatch(pattern, cell)
        if m:
            lead = len(ctx.doc.visible[start:end]) - len(ctx.doc.visible[start:end].lstrip())
            c0 = start + lead
            raw = m.group(1)
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            out.append(Quantity(c0, c0 + len(raw), raw, 0.0, 0.0, 0.0, "", False, False, decimals))
    return out


def _table_rows(ctx: DocContext, first: int, limit: int = 200):
    """``(line, cells)`` for each row of the table starting at line ``first`` (at most ``limit``)."""
    for n in range(first, first + limit):
        row = _line_text(ctx, n)
        if not is_table_row(row):
            return
        yield n, _cells(row, 0)


def _row_scale(ex: Vocabulary, ctx: DocContext, label: str, row_count) -> tuple[float, str, bool] | None:
    """The scale and currency a row label states for its own cells: "Revenue (EUR million)",
    "Net profit ($ m)", and "Revenue (million)" in a document whose money is in one currency
    (a money line, not a count: "Passengers (million)" stays a count)."""
    if row_count is None and not _NOTE_PAREN.search(label) and not _SHORT_NOTE.search(label):
        return None
    if row_count is not None:
        if ex.count_noun_in(label) or not ctx.currency or not _MONEY_ROW.search(label[: row_count.start()]):
            return None
        scale = row_count.group(1).lower().strip("'")
        return (1e3 if scale.startswith(("thousand", "000")) else 1e6), ctx.currency, False
    note = scale_note(ex, label, None)
    return None if note is None or _PER_SHARE.search(label) else note


def _parent_scale(ex: Vocabulary, ctx: DocContext, info: TableInfo, line_no: int) -> tuple[float, str, bool] | None:
    """The scale a detail row ("of which cargo", "– Oncology") takes from the row it details."""
    for n in range(line_no - 1, max(info.first, line_no - 12), -1):
        cells = _cells(_line_text(ctx, n), 0)
        if not cells:
            return None
        label = cells[0][2]
        if not _DETAIL_ROW.match(label):
            return _row_scale(ex, ctx, label, _ROW_COUNT_SCALE.search(label))
    return None


#: A row naming a part's revenue: "Subscription revenue", "Services sales", "Cloud revenues".
_NAMED_REVENUE = re.compile(r"^\W*([A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}?)\s+(?:revenues?|sales|turnover)\W*$")
#: First words of a revenue row that name the whole, not a part.
_WHOLE_WORDS = frozenset(("total", "net", "gross", "group", "consolidated", "reported", "organic", "adjusted", "underlying",
                          "operating", "core", "comparable", "like-for-like", "statutory", "pro", "annual", "quarterly",
                          "revenue", "sales", "ttm", "lfl"))
#: A row label's unit or note in brackets at its end: "Book value per share ($)", "Deposits (USD bn)", "Loans(1)".
_ROW_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
#: A row label's own short scale note: "(EUR m)", "($bn)", "(USD mn)".
_SHORT_NOTE = re.compile(r"\((?:in\s+)?(?:[A-Z]{3}|[A-Z]{1,3}\$|[$€£¥₹])\s*(?:m|mn|mln|bn|b|k|thousands?|millions?|billions?)\)\s*$")
#: A row label naming a line of money: "Revenue", "Net profit", "EBIT", "Operating cash flow".
_MONEY_ROW = re.compile(r"\b(?:revenues?|sales|turnover|income|profit|loss|ebit(?:da)?|earnings|cash\s+flow|costs?|expenses?|"
                        r"capex|capital\s+expenditure|assets|liabilities|equity|debt|deposits|loans|dividends?)\b",
                        re.IGNORECASE)
#: A row label's scale of a count: "Passengers carried (thousand)", "ASK (million)", "Visitors ('000)".
_ROW_COUNT_SCALE = re.compile(r"\(\s*(thousands?|millions?|'000)\s*\)\s*$", re.IGNORECASE)
#: The counted thing a row label ends with: "Passengers carried" -> "passengers", "Available seat kilometres, ASK".
_COUNT_HEAD = re.compile(r"([A-Za-z]{3,})s?\b(?:\s+(?:carried|served|sold|shipped|delivered|handled|flown))?(?:,[^,(]*)?\s*$")


_UNIT_NOTE = re.compile(r"\((?:[^()]*\b(?:million|billion|thousand|cents?|pence|%|per\s?cent)\b[^()]*|%)\)", re.IGNORECASE)


def _section_scale(ex: Vocabulary, ctx: DocContext, info: TableInfo, line_no: int):
    """The scale a section row above ``line_no`` states ("| **Financials (EUR million)** | | |"),
    when the table's section rows state scales; ``None`` otherwise."""
    key = ("section_scales", info.first)
    if key not in ctx.table_cache:
        scales, current, any_scale = {}, None, False
        for n, cells in _table_rows(ctx, info.first):
            if cells and cells[0][2].strip() and not any(c[2].strip() for c in cells[1:]):
                current = scale_note(ex, cells[0][2].strip().strip("*_ "), ctx.currency)
                any_scale = any_scale or current is not None
            scales[n] = current
        ctx.table_cache[key] = scales if any_scale else {}
    return ctx.table_cache[key].get(line_no)


def _section_above(ctx: DocContext, info: TableInfo, line_no: int) -> str:
    """The label of the nearest section row above ``line_no`` in its table: a row whose only
    text is a bold label ("| **Powertrain Solutions** | | |"), or ``""``."""
    key = ("sections", info.first)
    if key not in ctx.table_cache:
        sections = {}
        for n, cells in _table_rows(ctx, info.first):
            if cells and cells[0][2].strip().startswith(("**", "__")) and not any(c[2].strip() for c in cells[1:]) \
                    and not _UNIT_NOTE.search(cells[0][2]):  # "| **Financials (EUR million)** |": a unit, no division
                sections[n] = cells[0][2].strip().strip("*_ ").strip()
        # divisions, not a statement's nested headings: two or more different labels, each over rows of its own
        lines = sorted(sections)
        if len(set(sections.values())) < 2 or any(b - a == 1 for a, b in zip(lines, lines[1:])):
            sections = {}
        ctx.table_cache[key] = sections
    sections = ctx.table_cache[key]
    above = [n for n in sections if n < line_no]
    return sections[max(above)] if above else ""


def _after_other_line(ex: Vocabulary, ctx: DocContext, info: TableInfo, line_no: int) -> bool:
    """Whether the nearest row above ``line_no`` (in its table) that names a measure names one
    other than revenue ("Dividend per share", "EBIT"): a row below it with no measure word of
    its own ("Order book at 30 September") is one more line item, not a part of revenue."""
    above = _measure_above(ex, ctx, info, line_no)
    return above is not None and above != "revenue"


def _measure_above(ex: Vocabulary, ctx: DocContext, info: TableInfo, line_no: int) -> str | None:
    """The measure the nearest row above ``line_no`` (in its table) names, or None."""
    key = ("measure_rows", info.first)
    if key not in ctx.table_cache:
        rows = {}
        for n, cells in _table_rows(ctx, info.first):
            label = cells[0][2] if cells else ""
            found = ex.measures.nearest("money", label, "", before=200) if label else None
            if found is None and label and ex.measures.nearest("percent", label, "", before=200):
                found = ("percent",)
            if found:
                rows[n] = found[0]
        ctx.table_cache[key] = rows
    rows = ctx.table_cache[key]
    above = [n for n in rows if n < line_no]
    return rows[max(above)] if above else None


def _measure(ex: Vocabulary, d: Draft, q: Quantity, sources: list[str], company_doc: bool,
             key_figures: bool = False) -> None:
    """The first of cell, row label, column header, caption that names a measure decides it."""
    percent = q.unit in ("percent", "percentage_point")
    if not percent and not ex.units.is_currency(q.unit):
        d.measure, d.metric = "count", "other"
        return
    for src in sources:
        if not src:
            continue
        if percent:
            for metric in ("cagr", "share", "growth"):
                if ex.cues.has(metric, src):
                    d.measure = metric
                    break
            else:
                named = ex.measures.nearest("percent", src, "", before=200)
                if named:
                    d.measure = named[0]
            if d.measure:
                if d.measure in ("growth", "rate"):
                    # the row label "Quarter-on-quarter, s.a." names it, or the column, the caption
                    d.basis = next((b for b in (ex.basis(x, "") for x in sources if x) if b), "")
                d.metric = ex.family(d.measure)
                return
        else:
            if _DIVIDEND_ROW.search(src):
                # "Dividend per share (pence)", "Total dividend per share": the year's dividend, not
                # earnings; a final or interim dividend is a part of it
                named = ex.measures.nearest("money", src, "", before=200)
                whole = named is not None and named[0] == "dividend" and abs(q.value) < 1e5
                d.measure = d.metric = "dividend" if whole and not _DIVIDEND_PART_ROW.search(src) else "other"
                d.metric = ex.family(d.measure)
                return
            named = ex.measures.nearest("money", src, "", before=200)
            if ex.cues.has("other_money", src) and not named:
                d.measure = d.metric = "other"
                return
            if named:
                # a market report's "Revenue (USD million)" column: the market's (or a part's) size;
                # a row that is a company makes it that company's revenue again (see _scope)
                d.measure = "market_size" if named[0] == "revenue" and not company_doc else named[0]
                d.metric = ex.family(d.measure)
                return
            if not company_doc and (ex.cues.has("market_size", src) or ex.cues.has("revenue", src)):
                d.measure = d.metric = "market_size"
                return
    # A company's table row with no measure word is a line of its revenue breakdown
    # ("Intelligent Cloud | $105,362"), unless it sits below a row of another measure ("EBIT",
    # "Dividend per share"): then it is one more line item. A market table's is the market's size.
    if percent:
        d.measure = "other"
    elif company_doc:
        d.measure = "other" if key_figures else "revenue"
    else:
        d.measure = "market_size"
    d.metric = ex.family(d.measure)
    d.confidence *= 0.8


#: What may stand beside a period in a row label that names only the period: "(r)", "(p)", "FY", "e".
_PERIOD_REST = re.compile(r"[\W_]*(?:\((?:r|p|e|f|revised|provisional|est\.?|estimate)\)|\b(?:FY|CY|year|[AEF])\b|[\W_])*",
                          re.IGNORECASE)


#: A first column header saying its rows are research firms.
_FIRM_COLUMN = re.compile(r"(?:research\s+)?(?:firm|house|source|publisher|analyst|provider)s?|(?:research|study)\s+(?:firm|house)s?",
                          re.IGNORECASE)


def _firm(ex: Vocabulary, label: str) -> str:
    """The research firm a row label or column header is, all of it ("Velomark", "Solvane
    Partners" in a table of estimates), else ""."""
    text = label.replace("*", "").strip()
    if not text:
        return ""
    named = ex.attribution.names(text)
    return named[0][1] if len(named) == 1 and named[0][1] == text and named[0][0] == 0 else ""


def _period_only(ex: Vocabulary, label: str) -> bool:
    """A row label that is a period and nothing else ("2021", "FY2024", "August 2025 (r)")."""
    times = [t for t in ex.times.find(label) if t.kind == "point"]
    if not times:
        return False
    rest = "".join(label[a:b] for a, b in zip([0] + [t.end for t in times], [t.start for t in times] + [len(label)]))
    return bool(_PERIOD_REST.fullmatch(rest))


def _scope(ex: Vocabulary, d: Draft, row_label: str, label_dim: str, caption_dim: str, company_doc: bool) -> None:
    if not row_label or d.company and d.company in row_label:
        return  # "Pellucid FY2025 | 18.6": the row is a company's, not a segment
    if d.measure == "count" and _ROW_COUNT_SCALE.search(row_label):
        return  # "Passengers carried (thousand)": the row names what is counted, not a part
    whole = _WHOLE_ROW.match(row_label)
    if whole:
        # "Total", "Total net sales", "Consolidated": the whole, not a part; but "Total Europe"
        # is a region's subtotal
        region = ex.regions.resolve(row_label[whole.end():].strip(" :,-–*"))
        if region and region not in ("Global", "Rest of World"):
            d.scope, d.scope_type, d.dimension = region, ex.regions.type_of(region), "region"
        return
    line = ex.sales_line(row_label)
    if line:  # "| Like-for-like sales growth(1) | +2.9% |": the company's named sales line
        d.scope, d.scope_type, d.dimension = line, "segment", "segment"
        return
    if _BASIS_ONLY.fullmatch(ex.measures.basis.sub("", row_label)) and ex.measures.basis.search(row_label):
        return  # "Quarter-on-quarter, s.a.": the row says how the whole changed, not a part
    detail = _DETAIL_ROW.match(row_label)
    if detail:  # a part of the part above it: never summed with the parts it belongs to
        d.scope, d.scope_type, d.dimension = ex.segment_label(row_label[detail.end():]), "segment", "detail"
        return
    if _period_only(ex, row_label):
        return  # "| 2021 | 1,604 | 171 |", "| August 2025 (r) | …": a row per period, not a part
    region = ex.regions.resolve(row_label)
    if region == "Rest of World" and "region" not in (label_dim, caption_dim):
        region = None  # "Others" in an end-user table is a segment, not a region
    if region and region != "Global":
        d.scope, d.scope_type, d.dimension = region, ex.regions.type_of(region), "region"
        return
    if company_doc and ex.units.is_currency(d.q.unit) and d.measure in ("other", "revenue"):
        item = ex.measures.line_item(_ROW_NOTE.sub("", row_label) + " of ", "")
        if item is not None:  # "| Book value per share ($) | 68.42 |", "| Customer deposits | 91.2 |": the company's named line
            d.scope, d.scope_type, d.dimension = item, "line_item", "line_item"
            d.measure = ex.measures.line_item_measure[item]
            d.metric = ex.family(d.measure)
            return
    named = _NAMED_REVENUE.match(_ROW_NOTE.sub("", row_label)) if company_doc and d.measure == "revenue" else None
    if named is not None and named.group(1).lower().split()[0] not in _WHOLE_WORDS:
        # "| Subscription revenue | 1,360.5 |" beside "| Total revenue | 1,571.2 |": a part's revenue
        d.scope, d.scope_type, d.dimension = ex.segment_label(named.group(1)), "segment", "segment"
        return
    if company_doc and (ex.measures.nearest("money", row_label, "", before=200) is not None
                        or d.q.unit == "percent" and ex.measures.nearest("percent", row_label, "", before=200) is not None):
        return  # "Net income", "Total net sales", "Operating margin (%)": a line item of the whole company, not a part
    if region == "Global" or _LABEL_CUES.search(row_label) and label_dim in ("", "region"):
        return  # "Market Size in 2025 | USD 616.26 Billion": a key, not a part
    dim = label_dim or caption_dim
    if dim == "company":
        d.scope, d.scope_type, d.dimension = row_label.replace("*", "").strip(), "company", "company"
        if d.metric == "market_size":
            d.measure = d.metric = "revenue"
        return
    d.scope, d.scope_type, d.dimension = ex.segment_label(row_label), "segment", dim or "segment"

