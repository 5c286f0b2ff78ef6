"""Inline SVG charts: every document's market sizes over the years, for one market.

One series per document, stated CAGRs drawn as dashed projections from their base
figure, the claims a finding cites ringed. The value axis turns logarithmic when values
span more than ``LOG_SPAN`` times, so a trillion-scale outlier and a billion-scale
trajectory both stay readable. Returns plain numbers for the template to draw.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from ..numbers import format_amount
from ..rules.growth import project

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 90, 20, 20, 40
LOG_SPAN = 10.0
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]


def _ticks(lo: float, hi: float, log: bool) -> list[float]:
    if log:
        return [10.0 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)]
    step = 10 ** math.floor(math.log10(max(hi - lo, hi * 0.1)))
    for mult in (1, 2, 5, 10):
        if (hi - lo) / (step * mult) <= 6:
            step *= mult
            break
    start = math.floor(lo / step) * step
    return [start + i * step for i in range(int((hi - start) / step) + 2)]


def market_chart(claims: pd.DataFrame, subject: str, cited: set[str]) -> dict | None:
    """The chart for one market's global sizes, or None when fewer than two points."""
    rows = claims[(claims["subject"] == subject) & (claims["scope"] == "Global")]
    sizes = rows[(rows["metric"] == "market_size") & rows["year"].notna() & (rows["value"] > 0)
                 & rows["value"].map(math.isfinite)]
    if len(sizes) < 2:
        return None
    unit = Counter(sizes["unit"]).most_common(1)[0][0]
    sizes = sizes[sizes["unit"] == unit]
    docs = sorted(sizes["doc"].unique())
    cagrs = rows[(rows["metric"] == "cagr") & rows["period_end"].notna()]
    projections = []
    for c in cagrs.itertuples():
        base = sizes[(sizes["doc"] == c.doc) & (sizes["year"] <= (c.period_start if pd.notna(c.period_start) else c.period_end))]
        if base.empty or c.doc not in docs:
            continue
        b = base.sort_values(["year", "start"]).iloc[-1]
        years = int(c.period_end) - int(b["year"])
        if years <= 0:
            continue
        end = project(float(b["value"]), c.value / 100.0, years)
        if not (math.isfinite(end) and end > 0):
            continue  # a rate no axis can show (a fall of over 100% a year, or beyond a float)
        projections.append((c.doc, int(b["year"]), float(b["value"]), int(c.period_end),
                            end, f"{c.figure} CAGR", c.claim_id in cited))
    values = list(sizes["value"]) + [p[4] for p in projections]
    years = list(sizes["year"].astype(int)) + [p[3] for p in projections]
    lo, hi = min(values), max(values)
    log = hi / lo > LOG_SPAN
    y0, y1 = min(years), max(years)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    if log:
        vlo, vhi = 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi))
    else:
        vlo, vhi = 0.0, hi * 1.1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return round(LEFT + (year - y0) / (y1 - y0) * plot_w, 1)

    def y(value: float) -> float:
        if log:
            frac = (math.log10(value) - math.log10(vlo)) / (math.log10(vhi) - math.log10(vlo))
        else:
            frac = (value - vlo) / (vhi - vlo)
        return round(TOP + (1 - frac) * plot_h, 1)

    series = []
    for i, doc in enumerate(docs):
        pts = sizes[sizes["doc"] == doc].sort_values(["year", "start"])
        points = [{"x": x(int(r.year)), "y": y(r.value), "label": f"{format_amount(r.value, unit)} ({int(r.year)})",
                   "cited": r.claim_id in cited, "line": int(r.line)} for r in pts.itertuples()]
        series.append({"doc": doc, "color": PALETTE[i % len(PALETTE)],
                       "path": " ".join(f"{p['x']},{p['y']}" for p in points), "points": points})
    color = {s["doc"]: s["color"] for s in series}
    lines = [{"x1": x(by), "y1": y(bv), "x2": x(ey), "y2": y(ev), "color": color[doc], "label": label, "cited": hit}
             for doc, by, bv, ey, ev, label, hit in projections]
    yticks = [{"y": y(v), "label": format_amount(v, unit)} for v in _ticks(vlo if log else lo, vhi, log) if vlo <= v <= vhi]
    xticks = [{"x": x(yr), "label": str(yr)} for yr in range(int(y0), int(y1) + 1)]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP,
            "bottom": HEIGHT - BOTTOM, "log": log, "unit": unit, "series": series, "projections": lines,
            "yticks": yticks, "xticks": xticks, "subject": subject}
