"""Growth arithmetic shared by the CAGR and trajectory rules."""

from __future__ import annotations

import math


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


def project(value: float, rate: float, years: float) -> float:
    """``value`` grown at ``rate`` (a fraction) for ``years`` years."""
    return value * (1.0 + rate) ** years


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
