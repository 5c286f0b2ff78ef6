"""Inline SVG charts: every document's market sizes over the years, for one market.

One series per document, a stated CAGR drawn as a dashed projection from the document's
figure and labelled with its rate, the claims a finding cites ringed. "Over" and "under"
figures are open triangles pointing the way the value may lie, a range is a bar from its
low to its high. The value axis turns logarithmic when values span more than
``LOG_SPAN`` times, so a trillion-scale outlier and a billion-scale trajectory both stay
readable.

The layout is computed here, in plain numbers the template draws: nice-number ticks
(1, 2, 2.5 or 5 times a power of ten) that cover every value drawn, every mark inside the
plot area (``INSET`` pixels in from its edges, so a marker is never cut by an axis), and
text labels placed where they overlap no other label, or left out (the mark's tooltip
still says it). Text widths are estimated, generously, from the number of characters.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..numbers import format_amount, format_period
from ..rules.growth import project

WIDTH, HEIGHT = 720, 330
LEFT, RIGHT, TOP, BOTTOM = 84, 96, 30, 34
INSET = 14  # pixels between the plot area's edges and the nearest value drawn
LOG_SPAN = 10.0
FONT, LABEL_FONT = 11, 10
CHAR_WIDTH = 0.66  # of the font size: wide enough for digits and capitals in common sans fonts
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]
NICE = (1.0, 2.0, 2.5, 5.0, 10.0)
#: Value labels tried per chart (cited marks first): each is checked against every mark,
#: so more would cost the square of a crowded chart's marks for labels that cannot fit.
MAX_LABELS = 60


def nice_step(span: float, *, most: int = 6) -> float:
    """The smallest step of 1, 2, 2.5 or 5 times a power of ten that cuts ``span`` into at most ``most`` parts."""
    raw = span / most
    power = 10.0 ** math.floor(math.log10(raw))
    for mult in NICE:
        if mult * power >= raw * (1 - 1e-9):
            return mult * power
    return 10.0 * power  # pragma: no cover - NICE ends at 10


def linear_ticks(hi: float) -> list[float]:
    """Ticks from 0 up to the first tick at or above ``hi``, four to seven of them."""
    if hi <= 0:
        return [0.0, 1.0]
    step = nice_step(hi, most=5)
    count = math.ceil(hi / step - 1e-9)
    return [round(i * step, 12) for i in range(count + 1)]


def _decade(x: float, up: bool) -> int:
    e = math.log10(x)
    near = round(e)
    if abs(e - near) < 1e-9:
        return int(near)
    return math.ceil(e) if up else math.floor(e)


def log_ticks(lo: float, hi: float) -> list[float]:
    """Ticks of a log axis covering ``lo``..``hi``: 1-2-5 steps over two decades or less,
    else powers of ten (every second or fifth one over many decades)."""
    bottom, top = _decade(lo, up=False), _decade(hi, up=True)
    if top - bottom <= 2:
        ticks = [m * 10.0 ** e for e in range(bottom, top + 1) for m in (1, 2, 5)]
        below = [t for t in ticks if t <= lo * (1 + 1e-9)]
        above = [t for t in ticks if t >= hi * (1 - 1e-9)]
        first, last = below[-1], above[0]
        return [t for t in ticks if first <= t <= last]
    every = 1 if top - bottom <= 8 else 2 if top - bottom <= 16 else 5
    bottom -= bottom % every
    top += -top % every
    return [10.0 ** e for e in range(bottom, top + 1, every)]


def year_step(years: int, width: float, *, least: float = 40.0) -> int:
    """Label every year, or every 2nd, 5th, 10th… so year labels are ``least`` pixels apart."""
    for step in (1, 2, 5, 10, 20, 50, 100):
        if years <= 0 or width * step / years >= least:
            return step
    return 100


@dataclass
class Placer:
    """Text labels that overlap nothing already placed, inside given bounds."""

    boxes: list[tuple[float, float, float, float]]

    @staticmethod
    def box(x: float, y: float, text: str, size: float) -> tuple[float, float, float, float]:
        """The box of left-anchored text with its baseline at ``y``."""
        return (x - 1, y - size * 0.95, x + len(text) * size * CHAR_WIDTH + 1, y + size * 0.3)

    def free(self, b: tuple[float, float, float, float], bounds: tuple[float, float, float, float]) -> bool:
        if b[0] < bounds[0] or b[1] < bounds[1] or b[2] > bounds[2] or b[3] > bounds[3]:
            return False
        return not any(b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3] for o in self.boxes)

    def place(self, spots: list[tuple[float, float]], text: str, size: float,
              bounds: tuple[float, float, float, float]) -> tuple[float, float] | None:
        """The first of ``spots`` (left edge, baseline) where the text fits, or None."""
        for x, y in spots:
            b = self.box(x, y, text, size)
            if self.free(b, bounds):
                self.boxes.append(b)
                return round(x, 1), round(y, 1)
        return None


#: The claims table's columns a chart reads (a market's rows are copied with these only).
CHART_COLUMNS = ["claim_id", "doc", "line", "start", "figure", "metric", "subject", "scope", "value", "unit", "low",
                 "high", "qualifier", "year", "period_start", "period_end", "kind"]


def rows_by_doc(frame: pd.DataFrame) -> dict[str, list]:
    """``frame``'s rows (named tuples) by document, in one pass, each list in the frame's
    order: a market's rows are read once, never filtered per document or per CAGR."""
    out: dict[str, list] = {}
    for r in frame.itertuples(index=False):
        out.setdefault(r.doc, []).append(r)
    return out


def _sizes(claims: pd.DataFrame, subject: str) -> pd.DataFrame:
    rows = claims[(claims["subject"] == subject) & (claims["scope"] == "Global") & (claims["metric"] == "market_size")]
    return rows[rows["year"].notna() & (rows["value"] > 0) & rows["value"].map(math.isfinite)]


def _projections(rows: pd.DataFrame, sizes: pd.DataFrame, cited: set[str]) -> list[dict]:
    """Each stated CAGR grown from the document's latest size at or before its start."""
    out, seen = [], set()
    cagrs = rows[(rows["metric"] == "cagr") & rows["period_end"].notna() & rows["doc"].isin(set(sizes["doc"]))]
    if cagrs.empty:
        return out
    by_doc = rows_by_doc(sizes.sort_values(["year", "start"]))  # each document's sizes, latest last
    for c in cagrs.itertuples():
        start = c.period_start if pd.notna(c.period_start) else c.period_end
        base = [b for b in by_doc[c.doc] if b.year <= start]
        if not base:
            continue
        b = base[-1]
        years = int(c.period_end) - int(b.year)
        if years <= 0:
            continue
        end = project(float(b.value), c.value / 100.0, years)
        if not (math.isfinite(end) and end > 0):
            continue  # a rate no axis can show (a fall of over 100% a year, or beyond a float)
        key = (c.doc, int(b.year), int(c.period_end), round(c.value, 6))
        if key in seen:
            continue  # the same rate stated twice over the same years draws one line
        seen.add(key)
        period = format_period(int(c.period_start) if pd.notna(c.period_start) else None, int(c.period_end))
        out.append({"doc": c.doc, "year0": int(b.year), "value0": float(b.value), "year1": int(c.period_end),
                    "value1": end, "rate": f"{format_amount(c.value, 'percent')} CAGR", "period": period,
                    "figure": c.figure, "line": int(c.line), "cited": c.claim_id in cited})
    return out


def no_chart_reason(claims: pd.DataFrame, subject: str) -> str | None:
    """Why a market gets no chart, or None when it gets one."""
    sizes = _sizes(claims, subject)
    if sizes.empty:
        return "no chart: no document gives a dated global market size"
    if len(sizes) == 1 and not _projections(claims[claims["subject"] == subject], sizes, set()):
        return "no chart: fewer than two dated global market sizes (and no stated CAGR to project one)"
    return None


def _point_label(r, unit: str) -> str:
    if r.qualifier == "range" and pd.notna(r.low) and pd.notna(r.high):
        return f"{format_amount(r.low, unit)}–{format_amount(r.high, unit)}"
    prefix = {"over": "over ", "under": "under ", "approx": "~"}.get(r.qualifier, "")
    return prefix + format_amount(r.value, unit)


def market_chart(claims: pd.DataFrame, subject: str, cited: set[str], *,
                 labels: dict[str, str] | None = None) -> dict | None:
    """The chart for one market's global sizes, or None (``no_chart_reason`` says why).

    ``labels`` names documents (title or publisher) in tooltips; the path follows.
    """
    if no_chart_reason(claims, subject):
        return None
    sizes = _sizes(claims, subject)
    unit = Counter(sizes["unit"]).most_common(1)[0][0]
    sizes = sizes[sizes["unit"] == unit].sort_values(["year", "start"])  # not by doc: a path may not be UTF-8
    projections = _projections(claims[claims["subject"] == subject], sizes, cited)
    return _draw(sizes, projections, unit=unit, title="market size", subject=subject, cited=cited, labels=labels)


#: The colour and name of the reference facts' series (rules/reference/): grey diamonds.
REFERENCE_COLOR, REFERENCE_LABEL = "#555555", "reference"


def company_chart(figures: pd.DataFrame, reference: pd.DataFrame, *, company: str, measure: str, subject: str,
                  cited: set[str], labels: dict[str, str] | None = None) -> dict | None:
    """One company's ``measure`` by year: the documents' ``figures`` (one series per document)
    and the ``reference`` facts for it as a series of their own; None when nothing is dated."""
    rows = figures[figures["year"].notna() & figures["value"].map(math.isfinite) & (figures["value"] > 0)]
    refs = reference[reference["year"].notna() & (reference["value"] > 0)]
    if rows.empty or refs.empty:
        return None
    unit = Counter(refs["unit"]).most_common(1)[0][0]
    rows = rows[rows["unit"] == unit].sort_values(["year", "start"])
    refs = refs[refs["unit"] == unit].sort_values(["year", "start"])
    title = f"{company}: {measure.replace('_', ' ')}"
    return _draw(rows, [], unit=unit, title=title, subject=subject, cited=cited, labels=labels, reference=refs)


def _draw(sizes: pd.DataFrame, projections: list[dict], *, unit: str, title: str, subject: str, cited: set[str],
          labels: dict[str, str] | None, reference: pd.DataFrame | None = None) -> dict:
    """The chart of ``sizes`` (one series per document), stated CAGRs' ``projections`` and the
    ``reference`` facts (one series of their own), laid out for the template."""
    labels = labels or {}
    reference = sizes.iloc[:0] if reference is None else reference
    docs = sorted(sizes["doc"].unique())
    drawn = pd.concat([sizes, reference]) if len(reference) else sizes
    ranged = drawn[drawn["qualifier"].eq("range") & drawn["low"].gt(0) & drawn["high"].notna()]
    values = [*drawn["value"], *ranged["low"], *ranged["high"], *(p["value1"] for p in projections)]
    years = [*drawn["year"].astype(int), *(p["year1"] for p in projections)]
    lo, hi = min(values), max(values)
    log = hi / lo > LOG_SPAN
    ticks = log_ticks(lo, hi) if log else linear_ticks(hi)
    vlo, vhi = ticks[0], ticks[-1]
    y0, y1 = min(years), max(years)
    plot = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)

    def x(year: float) -> float:
        if y0 == y1:
            return round((plot[0] + plot[2]) / 2, 1)
        return round(plot[0] + INSET + (year - y0) / (y1 - y0) * (plot[2] - plot[0] - 2 * INSET), 1)

    def y(value: float) -> float:
        if log:
            frac = (math.log10(value) - math.log10(vlo)) / (math.log10(vhi) - math.log10(vlo))
        else:
            frac = (value - vlo) / (vhi - vlo)
        return round(plot[3] - INSET - frac * (plot[3] - plot[1] - 2 * INSET), 1)

    color = {doc: PALETTE[i % len(PALETTE)] for i, doc in enumerate(docs)}
    series = []
    by_doc = rows_by_doc(sizes)  # once, not a scan of the market per document
    groups = [(doc, by_doc[doc], False) for doc in docs]
    if len(reference):
        groups.append((REFERENCE_LABEL, list(reference.itertuples(index=False)), True))
    for doc, rows, is_reference in groups:
        name = labels.get(doc, "")
        points = []
        for r in rows:
            if is_reference:  # its own file and source in the tooltip
                name = f"reference: {r.doc_title}" if getattr(r, "doc_title", "") else "reference"
                where = f"{r.doc}:{int(r.line)}"
            else:
                where = f"{doc}:{int(r.line)}"
            low = y(r.low) if r.qualifier == "range" and r.low > 0 and pd.notna(r.high) else None
            shape = "diamond" if is_reference else r.qualifier if r.qualifier in ("over", "under") else "dot"
            points.append({
                "x": x(int(r.year)), "y": y(r.value), "shape": shape,
                "bar": {"y1": low, "y2": y(r.high)} if low is not None else None,
                "cited": r.claim_id in cited, "year": int(r.year), "text": _point_label(r, unit),
                "title": f"{name + ' — ' if name else ''}{where}\n“{r.figure}” → "
                         f"{_point_label(r, unit)} ({int(r.year)}, {r.kind})",
            })
        # one value a year joins the line (the first the document states); a second value
        # for the same year is a point of its own, never joined by a vertical segment
        firsts = {}
        for p in points:
            firsts.setdefault(p["year"], p)
        path = " ".join(f"{p['x']},{p['y']}" for p in firsts.values()) if len(firsts) > 1 else ""
        series.append({"doc": doc, "label": name, "color": REFERENCE_COLOR if is_reference else color[doc],
                       "path": path, "points": points, "reference": is_reference})
    lines = [{"x1": x(p["year0"]), "y1": y(p["value0"]), "x2": x(p["year1"]), "y2": y(p["value1"]),
              "color": color[p["doc"]], "cited": p["cited"], "text": p["rate"],
              "title": f"{labels.get(p['doc'], '') + ' — ' if labels.get(p['doc']) else ''}{p['doc']}:{p['line']}\n"
                       f"“{p['figure']}” CAGR {p['period']}: {format_amount(p['value0'], unit)} ({p['year0']}) → "
                       f"{format_amount(p['value1'], unit)} ({p['year1']})"} for p in projections]
    yticks = [{"y": y(v), "label": "0" if v == 0 else format_amount(v, unit)} for v in ticks]
    step = year_step(y1 - y0, plot[2] - plot[0] - 2 * INSET)
    xticks = [{"x": x(yr), "label": str(yr)} for yr in range(y0, y1 + 1) if yr % step == 0 or step == 1]
    chart = {"width": WIDTH, "height": HEIGHT, "left": plot[0], "top": plot[1], "right": plot[2], "bottom": plot[3],
             "log": log, "unit": unit, "title": f"{title}, {unit}" + (" (log scale)" if log else ""),
             "series": series, "projections": lines, "yticks": yticks, "xticks": xticks, "subject": subject}
    _place_labels(chart)
    return chart


def _place_labels(chart: dict) -> None:
    """Tick labels, the axis title, then projection rates and point values where they fit."""
    placer = Placer([])
    left, top, right, bottom = chart["left"], chart["top"], chart["right"], chart["bottom"]
    whole = (0, 0, chart["width"], chart["height"])
    for t in chart["yticks"]:
        w = len(t["label"]) * FONT * CHAR_WIDTH
        t["at"] = placer.place([(left - 6 - w, t["y"] + 4)], t["label"], FONT, whole)
    for t in chart["xticks"]:
        w = len(t["label"]) * FONT * CHAR_WIDTH
        t["at"] = placer.place([(t["x"] - w / 2, bottom + 16)], t["label"], FONT, whole)
    chart["title_at"] = placer.place([(left, top - 10)], chart["title"], FONT, whole)
    # marks are obstacles for labels, so a value never hides another point
    for s in chart["series"]:
        for p in s["points"]:
            placer.boxes.append((p["x"] - 10, p["y"] - 10, p["x"] + 10, p["y"] + 10))
    for p in chart["projections"]:
        placer.boxes.append((p["x2"] - 5, p["y2"] - 5, p["x2"] + 5, p["y2"] + 5))
    ordered = sorted(chart["projections"], key=lambda p: (not p["cited"], p["x2"], p["y2"]))
    for p in ordered[MAX_LABELS:]:
        p["at"] = None
    for p in ordered[:MAX_LABELS]:
        w = len(p["text"]) * LABEL_FONT * CHAR_WIDTH
        spots = [(p["x2"] + 7, p["y2"] + 4), (p["x2"] + 7, p["y2"] - 6), (p["x2"] + 7, p["y2"] + 14),
                 (p["x2"] - 7 - w, p["y2"] - 8), (p["x2"] - 7 - w, p["y2"] + 16)]
        spots += [(p["x2"] + 7, p["y2"] + 4 + d * s) for d in range(2, 12) for s in (1, -1)]
        p["at"] = placer.place(spots, p["text"], LABEL_FONT, (left, top, chart["width"], bottom))
    marks = [(p, s) for s in chart["series"] for p in s["points"]]
    labelled = set()  # one label for marks drawn on one spot (a figure stated twice)
    for p, s in sorted(marks, key=lambda m: (not m[0]["cited"], m[0]["x"], m[0]["y"])):
        if (p["x"], p["y"]) in labelled or len(labelled) >= MAX_LABELS:
            p["at"] = None
            continue
        labelled.add((p["x"], p["y"]))
        w = len(p["text"]) * LABEL_FONT * CHAR_WIDTH
        spots = [(p["x"] - w / 2, p["y"] - 12), (p["x"] - w / 2, p["y"] + 21),
                 (p["x"] + 13, p["y"] + 4), (p["x"] - 13 - w, p["y"] + 4),
                 (p["x"] + 4, p["y"] - 12), (p["x"] + 4, p["y"] + 21), (p["x"] - 4 - w, p["y"] - 12),
                 (p["x"] - 4 - w, p["y"] + 21)]
        p["at"] = placer.place(spots, p["text"], LABEL_FONT, (left + 2, top + 2, right - 2, bottom - 2))
