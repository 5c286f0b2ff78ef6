"""Resolve a time expression into a claim's year, quarter, month, period and fiscal flag.

"The quarter ended June 30, 2024" is Q4 of fiscal 2024 for a company whose fiscal year
ends in June, and Q2 2024 for one that reports by calendar year; a month with no year
takes the year from the document's date. ``period_label`` writes the result for people.
"""

from __future__ import annotations

import re

from .draft import DocContext, Draft
from .timeexpr import TimeExpr

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def fiscal_of(month: int, year: int, fiscal_year_end: int) -> tuple[int, int]:
    """The fiscal year and quarter a calendar month falls in, for a fiscal year ending in ``fiscal_year_end``."""
    fiscal_year = year if month <= fiscal_year_end else year + 1
    quarter = ((month - fiscal_year_end - 1) % 12) // 3 + 1
    return fiscal_year, quarter


#: Words of an outlook before a figure: "expects fourth-quarter deliveries of".
_OUTLOOK_BEFORE = re.compile(r"\b(?:expects?|expected|expecting|guid\w*|forecasts?|outlook|sees|targets?|projects?|plans?)\b",
                             re.IGNORECASE)


def _year_of_month(ctx: DocContext, month: int) -> int | None:
    """The year of a month named without one: the document's year, or the year before when the
    month comes after the document's date ("in November" in a story dated February 2026 is 2025)."""
    if not ctx.base_year:
        return None
    return ctx.base_year - 1 if ctx.base_month and month > ctx.base_month else ctx.base_year


def _point(ctx: DocContext, d: Draft, t: TimeExpr) -> None:
    fye = ctx.fiscal_year_end
    if t.ended in ("six", "nine"):
        _to_date(ctx, d, t)
        if d.year is None:
            d.confidence *= 0.8  # "the first nine months of fiscal 2024": a period, just none we can name
        return
    if t.ended == "weeks":
        d.confidence *= 0.8
        return  # "over the ten-week Christmas period": part of a year, none we can name
    if t.ended:
        if t.ended == "quarter" and t.year is None:
            # "for the quarter ended Nov. 1": the quarter the release reports, else the latest
            # one ending in that month before the story's date
            if ctx.default_time is not None and ctx.default_time.quarter and not t.quarter \
                    and ctx.default_time.month in (None, t.month):
                _point(ctx, d, ctx.default_time)
                return
            year = _year_of_month(ctx, t.month)
            if year is None:
                return
            t = TimeExpr(t.start, t.end, "point", year, prep=t.prep, month=t.month, ended="quarter", quarter=t.quarter)
        if t.ended == "quarter":
            if t.quarter and t.quarter != (t.month - 1) // 3 + 1 and not (fye and fye != 12):
                # "the second quarter ended July 26": a fiscal quarter, of a year ending three
                # months on from each quarter's end (January here)
                fye = (t.month + 3 * (4 - t.quarter) - 1) % 12 + 1
                d.year_end = fye
            if fye and fye != 12:
                d.year, d.quarter = fiscal_of(t.month, t.year, fye)
                d.fiscal = True
            else:
                d.year, d.quarter = t.year, (t.month - 1) // 3 + 1
        elif t.ended == "year_to" and d.measure in ("growth", "rate") and d.q.unit == "percent" and t.month \
                and not ctx.company_doc and ctx.entity_type != "company":
            # "prices rose 5.1% in the year to March 2026": the 12-month rate as of that month
            d.month = t.month
            d.year = t.year or _year_of_month(ctx, t.month)
            d.basis = d.basis or "yoy"
        else:
            # A year that ends in a month other than December is a fiscal year.
            d.year = t.year
            d.year_end = t.month if t.month != 12 else None
            if d.year is None:  # "the year to 30 June" in a story dated August 2025
                d.year = _year_of_month(ctx, t.month)
            d.fiscal = bool(t.fiscal or t.month != 12 or (fye and fye != 12))
        return
    if t.quarter or t.half:
        d.quarter, d.half = t.quarter, t.half
        if t.last_month:  # "between October and December": calendar months, the latest before the story
            d.year = t.year or _year_of_month(ctx, t.last_month) or ctx.default_year
            if d.year and t.quarter and fye and fye != 12:  # "the April-June quarter" of a year ending in March
                d.year, d.quarter = fiscal_of(t.last_month, d.year, fye)
                d.fiscal = True
            elif d.year and t.half and fye and fye != 12:  # "April-September" of a year ending in March: its first half
                d.year, quarter = fiscal_of(t.last_month, d.year, fye)
                d.half, d.fiscal = (quarter // 2 if quarter in (2, 4) else None), True
                if d.half is None:
                    d.year = None
            return
        d.fiscal = t.fiscal or ctx.fiscal
        named = ("q", t.quarter) if t.quarter else ("h", t.half)
        if t.year:
            ctx.named_periods.setdefault(named, (t.year, t.fiscal))
        elif named in ctx.named_periods or t.quarter and any(k[0] == "q" for k in ctx.named_periods):
            # "Q2 FY26 revenue of $2,846m … Q2 non-GAAP EPS of $2.13": the year the document gave that
            # quarter; "… the Q3 guide": the next quarter of the latest one it dated
            if named in ctx.named_periods:
                d.year, d.fiscal = ctx.named_periods[named]
            else:
                (_, q), (year, fiscal) = max(((k, v) for k, v in ctx.named_periods.items() if k[0] == "q"),
                                             key=lambda kv: (kv[1][0], kv[0][1]))
                d.year, d.fiscal = year, fiscal  # (a lower quarter is the same year's, not next year's)
            d.fiscal = d.fiscal or ctx.fiscal
            if d.fiscal and d.year:
                _named_by_start(ctx, d)
            return
        d.year = t.year or ctx.default_year
        if not t.year and d.year and d.year == ctx.base_year and ctx.base_month and ctx.base_month <= 4 \
                and (t.quarter == 4 or t.half == 2) and not d.fiscal \
                and not _OUTLOOK_BEFORE.search(ctx.doc.visible, max(0, d.q.start - 90), d.q.start):
            # "fourth-quarter revenue" in a story of February 2026: the quarter that ended in December 2025
            d.year -= 1
        if d.year is None and ctx.base_year:
            # "in the first half" in a story of December 2025: the latest such part of a year
            ends = 3 * t.quarter if t.quarter else 6 * t.half
            d.year = ctx.base_year - 1 if ctx.base_month and ends > ctx.base_month and not d.fiscal else ctx.base_year
        if t.year and t.fiscal:
            _named_by_start(ctx, d)
        return
    if t.month and t.dated and t.year and ctx.fiscal_year_end == t.month and ctx.fiscal_year_end != 12:
        # "the order book at 30 September 2025" in a report whose year ends in September: the
        # year-end balance of fiscal 2025
        d.year, d.fiscal = t.year, True
        return
    if t.month:
        d.month = t.month
        if t.first_month:  # "January-August 2025": the year to date, compared only with the same months
            d.month, d.months = None, (t.first_month, t.month)
        if t.year:
            d.year = t.year
        elif ctx.base_year:
            d.year = _year_of_month(ctx, t.month)
        return
    if d.metric == "cagr":
        d.period_end = t.year if t.is_end_only or t.prep in ("", "in") else None
        if t.prep in ("from", "since"):
            d.period_start, d.period_end = t.year, None
        return
    d.year = t.year
    d.fiscal = t.fiscal
    if t.fiscal:
        _named_by_start(ctx, d)


def _to_date(ctx: DocContext, d: Draft, t: TimeExpr) -> None:
    """Six or nine months to date. "Six months ended June 30, 2025": the first half of 2025 (of
    the fiscal year, when the company's ends in another month); "nine months ended September
    30, 2025": January to September; nine months of a fiscal year are left undated."""
    fye = ctx.fiscal_year_end if ctx.fiscal_year_end and ctx.fiscal_year_end != 12 else None
    year = t.year or (_year_of_month(ctx, t.month) if t.month else None)
    if t.ended == "six":
        if t.month is None:
            return
        if fye:
            d.year, quarter = fiscal_of(t.month, year, fye)
            d.fiscal = True
        else:
            d.year, quarter = year, (t.month - 1) // 3 + 1
        if quarter in (2, 4):
            d.half = quarter // 2
        else:
            d.year = None  # six months ending mid-half: no half we can name
        return
    if not fye and not t.fiscal and t.month in (None, 9) and year:
        d.year, d.months = year, (1, 9)


def _named_by_start(ctx: DocContext, d: Draft) -> None:
    """ "1Q FY2025" in a report whose fiscal year ending March 2026 is its FY2025: year 2026,
    the calendar year the fiscal year ends in, as other documents count it."""
    if ctx.fiscal_named_by_start and d.year:
        d.year += 1
        d.named_by_start = True


def _relative(ctx: DocContext, d: Draft, t: TimeExpr) -> None:
    """ "last month" in a story dated September 2025 is August 2025; "this year" is 2025."""
    back = 0 if t.prep in ("this", "full") else 1
    if t.prep == "full" and t.ended == "year" and ctx.default_time is not None and ctx.default_time.year:
        d.year, d.fiscal = ctx.default_time.year, ctx.default_time.fiscal or ctx.fiscal  # a release's fiscal year
    elif t.ended == "year":
        d.year = ctx.base_year - back
        d.fiscal = d.fiscal or (t.prep == "full" and ctx.fiscal)
    elif ctx.base_month:
        if t.ended == "month":
            index = ctx.base_year * 12 + ctx.base_month - 1 - back
            d.year, d.month = index // 12, index % 12 + 1
        else:
            index = ctx.base_year * 4 + (ctx.base_month - 1) // 3 - back
            d.year, d.quarter = index // 4, index % 4 + 1


def apply_time(ctx: DocContext, d: Draft, t: TimeExpr | None, *, inherited_year: int | None = None) -> None:
    """Set a draft's time from the expression chosen for it (``None`` leaves it undated)."""
    d.time = t
    if t is None:
        return
    if t.kind == "point":
        _point(ctx, d, t)
    elif t.kind == "period":
        d.period_start, d.period_end = t.period_start, t.period_end
    elif t.kind == "forecast":
        if ctx.forecast:
            d.period_start, d.period_end = ctx.forecast
        else:
            d.confidence *= 0.8
    elif t.kind == "next":
        base = d.year or ctx.base_year
        if base and t.years:
            d.period_start, d.period_end = base, base + t.years
            d.year = None
    elif t.kind == "same" and inherited_year is not None:
        d.year = inherited_year
    elif t.kind == "relative" and ctx.base_year:
        _relative(ctx, d, t)


def period_label(d: Draft) -> str:
    """ "FY2024", "Q4 FY2024", "H1 2025", "March 2023", "2025–2034" or ""."""
    if d.period_start or d.period_end:
        return f"{d.period_start or ''}–{d.period_end or ''}"
    if d.year is None:
        return ""
    year = f"FY{d.year - d.named_by_start}" if d.fiscal else str(d.year)  # as the document writes it
    if d.quarter:
        return f"Q{d.quarter} {year}"
    if d.half:
        return f"H{d.half} {year}"
    if d.months:
        return f"{_MONTH_NAMES[d.months[0] - 1][:3]}–{_MONTH_NAMES[d.months[1] - 1][:3]} {d.year}"
    if d.month:
        return f"{_MONTH_NAMES[d.month - 1]} {d.year}"
    return year
