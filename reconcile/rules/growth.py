"""Growth arithmetic shared by the CAGR and trajectory rules: implied rates, projections,
and which of a document's values a stated CAGR connects."""

from __future__ import annotations

import math

from .describe import amount, cagr_interval, scope_label, stated, where
from ..numbers import format_amount, format_period, format_rate


def implied_cagr(start: float, end: float, years: float) -> float:
    """The compound annual growth rate from ``start`` to ``end``: ``(end/start)**(1/years) - 1``.

    Returns NaN when it is undefined (no years, or a non-positive value).
    """
    if years <= 0 or start <= 0 or end <= 0:
        return math.nan
    return (end / start) ** (1.0 / years) - 1.0


def implied_cagr_range(start: tuple[float, float], end: tuple[float, float], years: float) -> tuple[float, float]:
    """The CAGRs two value intervals allow: lowest from the highest start to the lowest end."""
    s_lo, s_hi = start
    e_lo, e_hi = end
    lo = implied_cagr(s_hi, e_lo, years) if math.isfinite(s_hi) else -1.0
    hi = implied_cagr(max(s_lo, 1e-300), e_hi, years) if math.isfinite(e_hi) else math.inf
    return (lo if not math.isnan(lo) else -1.0, hi if not math.isnan(hi) else math.inf)


def falls_within(points: list) -> bool:
    """Whether a document's own dated values fall (by more than 2%) from one year to a later one."""
    path = sorted((p.year, p.value) for p in points)
    return any(b[0] > a[0] and b[1] < a[1] * 0.98 for a, b in zip(path, path[1:]))


def project(value: float, rate: float, years: float) -> float:
    """``value`` grown at ``rate`` (a fraction) for ``years`` years.

    Infinite when the result is beyond a float (a 50,000,000% CAGR over 55 years), NaN
    when a fall of more than 100% a year makes it undefined.
    """
    base = 1.0 + rate
    if base < 0 or not math.isfinite(value):
        return math.nan
    try:
        return value * base ** years
    except OverflowError:
        return math.copysign(math.inf, value)


def interpolate(points: list[tuple[int, float]], year: int) -> float:
    """A value for ``year`` on the geometric path through ``points`` ``[(year, value), ...]``.

    Uses the two points around ``year`` (or the two nearest, extrapolating), so a document's
    own growth between its figures stands for its trajectory.
    """
    pts = sorted(p for p in points if p[1] > 0)
    if not pts:
        return math.nan
    if len(pts) == 1:
        return pts[0][1]
    below = [p for p in pts if p[0] <= year]
    above = [p for p in pts if p[0] >= year]
    if below and above:
        a, b = below[-1], above[0]
    elif below:
        a, b = below[-2] if len(below) > 1 else below[-1], below[-1]
    else:
        a, b = above[0], above[1] if len(above) > 1 else above[0]
    if a[0] == b[0]:
        return a[1]
    rate = implied_cagr(a[1], b[1], b[0] - a[0])
    return project(a[1], rate, year - a[0])


VALUE_METRICS = ("market_size", "revenue")


def endpoint_pairs(cagr, points: list, slack: int) -> list[tuple]:
    """Candidate (start, end) value facts for a CAGR's period, nearest first."""
    ps, pe = cagr.period_start, cagr.period_end
    starts = [p for p in points if abs(p.year - ps) <= slack]
    ends = [p for p in points if abs(p.year - pe) <= slack]
    pairs = [(s, e) for s in starts for e in ends
             if e.year > s.year and s.unit == e.unit and 2 * (e.year - s.year) >= pe - ps]
    pairs.sort(key=lambda p: (abs(p[0].year - ps) + abs(p[1].year - pe), p[0].row["qualifier"] != "exact",
                              p[1].row["qualifier"] != "exact", p[0].year, p[1].year))
    return pairs


def supported(cagr, pair: tuple, tolerance_pp: float, over_factor: float = float("inf")) -> bool:
    """Whether some reading of the pair (endpoint distance or period length) gives the rate.

    "over X%" allows up to ``over_factor`` times X: "over 11%" is not 40%."""
    s, e = pair
    lo, hi = cagr_interval(cagr, tolerance_pp)
    if cagr.row["qualifier"] == "over":
        hi = min(hi, cagr.value * over_factor / 100.0 + tolerance_pp / 100.0)
    for years in {e.year - s.year, cagr.period_end - cagr.period_start}:
        if years <= 0:
            continue
        ilo, ihi = implied_cagr_range((s.lo, s.hi), (e.lo, e.hi), years)
        if ilo <= hi and lo <= ihi:
            return True
    return False


def arithmetic_message(cagr, s, e, *, source: str = "") -> tuple[str, str]:
    """The finding's message and the implied rate; ``source`` names another document's values."""
    rate = implied_cagr(s.value, e.value, e.year - s.year)
    period = format_period(cagr.period_start, cagr.period_end)
    msg = (f"{scope_label(cagr.subject, cagr.scope)}: stated {amount(cagr)} CAGR {period} ({where(cagr)}); "
           f"{source}{stated(s)} → {stated(e)} implies {format_rate(rate)} a year over {e.year - s.year} years")
    years = e.year - s.year
    if s.value > 0 and years > 0 and math.isfinite(cagr.value) and cagr.value > -100:
        # what would make it consistent: the stated rate's own end value
        msg += (f"; at the stated {cagr.value:g}% a year, {e.year} would be about "
                f"{format_amount(project(s.value, cagr.value / 100.0, years), e.unit)}")
    return msg, format_rate(rate)


def inner_pair(cagr, points: list, tolerance_pp: float, over_factor: float) -> tuple | None:
    """Two of the document's values inside the CAGR's period (at least two years apart) whose
    own growth is further from the stated rate than ``tolerance_pp``; None when all fit.

    A CAGR is an average, so single years may differ; the wider tolerance allows for that.
    Consecutive values by year are checked, so a long list costs one pass.
    """
    ps, pe = cagr.period_start, cagr.period_end
    inside: dict[tuple, list] = {}
    for p in points:
        if ps <= p.year <= pe:
            inside.setdefault(p.unit, []).append(p)
    for unit in sorted(inside):
        by_year: dict[int, object] = {}
        for p in sorted(inside[unit], key=lambda p: (p.year, p.row["qualifier"] != "exact", p.row["start"])):
            by_year.setdefault(p.year, p)
        years = sorted(by_year)
        for y1, y2 in zip(years, years[1:]):
            if y2 - y1 < 2:
                continue
            pair = (by_year[y1], by_year[y2])
            if not supported(cagr, pair, tolerance_pp, over_factor):
                return pair
    return None
