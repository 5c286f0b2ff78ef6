"""Short phrases rules use to describe facts in messages: where, what, when."""

from __future__ import annotations

import bisect
import math
import re

from ..nouns import plural
from ..numbers import figure_scale, format_amount, format_period

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_QUALIFIER_WORD = {"approx": "about ", "over": "over ", "under": "under "}


def where(f) -> str:
    """``file:line`` of a fact's first statement."""
    return f"{f.doc}:{int(f.row['line'])}"


def _is_count(unit: str) -> bool:
    """A counted noun ("vehicle"), not a currency code or a percentage."""
    return unit.islower() and unit not in ("percent", "percentage_point")


def count_text(value: float, unit: str) -> str:
    """``21,300 vehicles``, ``2.4 million passengers``."""
    noun = unit if abs(value) == 1 else plural(unit)
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.4g} million {noun}"
    return f"{value:,.0f} {noun}"


def value_text(value: float, unit: str) -> str:
    """A computed value in a figure's unit: ``USD 138M``, ``6.37 million people``."""
    return count_text(value, unit) if _is_count(unit) else format_amount(value, unit)


def measure_label(f) -> str:
    """What a fact measures, for a message: ``revenue``, ``people`` for a count of persons."""
    return plural(f.unit) if f.measure == "count" and _is_count(f.unit) else f.measure.replace("_", " ")


def amount(f) -> str:
    """The figure as stated, normalized: ``over USD 3.5T``, ``about 45%``, ``40%–50%``, ``21,300 vans``."""
    unit = f.row["unit"]
    if _is_count(unit):
        return _QUALIFIER_WORD.get(f.row["qualifier"], "") + count_text(f.value, unit)
    places = max(2, _decimals(f.row["figure"]))
    if f.row["qualifier"] == "range" and not math.isnan(float(f.row["low"])):
        low, high = float(f.row["low"]), float(f.row["high"])
        scale = figure_scale(f.row["figure"], low)
        return (f"{format_amount(low, unit, scale=scale, places=places)}–"
                f"{format_amount(high, unit, scale=scale, places=places)}")
    scale = figure_scale(f.row["figure"], float(f.row["value"]))
    return _QUALIFIER_WORD.get(f.row["qualifier"], "") + format_amount(f.value, unit, scale=scale, places=places)


def _decimals(figure: str) -> int:
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", figure or "")
    return len(m.group(1)) if m and m.group(1) else 0


def cited(f) -> str:
    """``USD 616.26B (2025, a.md:6)``: amount, when and where."""
    return f"{amount(f)} ({when(f)}, {where(f)})"


def when(f) -> str:
    """``2025`` for a dated value (``Q3 2025``, ``H1 2025``, ``September 2025``, ``FY2025`` for part of a year or a
    fiscal year), ``2025–2034`` for a period, ``no year stated`` otherwise."""
    if f.year is not None:
        row = f.row
        part = (f"Q{int(row['quarter'])}" if row.get("quarter") is not None
                else _MONTHS[int(row["month"]) - 1] if row.get("month") is not None
                else row.get("part_of_year") or "")
        year = f"FY{f.year}" if row.get("calendar") else str(f.year)
        return f"{part} {year}".strip()
    if f.period_start is None and f.period_end is None:
        return "no period stated" if f.metric == "cagr" else "no year stated"
    return format_period(f.period_start, f.period_end)


def stated(f) -> str:
    """``USD 616.26B (2025)``: amount and when."""
    return f"{amount(f)} ({when(f)})"


def scope_label(subject: str, scope: str) -> str:
    return subject if scope == "Global" else f"{subject}, {scope}"


def what_label(subject: str, scope: str, measure: str) -> str:
    """``acme, Europe revenue``; a company's named line alone (``acme, deposits``: its measure
    is ``other``)."""
    measure = measure.replace("_", " ")
    return scope_label(subject, scope) if measure == "other" and scope != "Global" else f"{scope_label(subject, scope)} {measure}"


def central(f) -> tuple[float, float]:
    """The values a figure states, ignoring rounding and approximation bands.

    "about USD 3T" states 3T; "over USD 3.5T" states at least 3.5T; a range states its
    ends. Trajectory rules compare these so a stated fall is not explained away by bands.
    """
    q = f.row["qualifier"]
    if q == "range" and not math.isnan(float(f.row["low"])):
        return float(f.row["low"]), float(f.row["high"])
    if q == "over":
        return f.value, math.inf
    if q == "under":
        return -math.inf, f.value
    return f.value, f.value


def cagr_interval(f, tolerance_pp: float) -> tuple[float, float]:
    """A stated CAGR's interval as fractions, widened by ``tolerance_pp`` percentage points."""
    return ((f.lo - tolerance_pp) / 100.0, (f.hi + tolerance_pp) / 100.0)


def difference(a, b) -> str:
    """The plain difference of two figures as stated: ``3.5 pp``, ``USD 25B``, ``2,880 vans``."""
    if _is_count(a.unit):
        return count_text(abs(a.value - b.value), a.unit)
    unit = "percentage_point" if a.unit == "percent" else a.unit
    return format_amount(abs(a.value - b.value), unit)


def span(facts) -> str:
    """The values a set of agreeing figures states: ``6.5%`` or ``6.5% to 6.9%``."""
    ordered = getattr(facts, "facts", None)  # a consensus.Camp is sorted by value already
    lo = ordered[0] if ordered else min(facts, key=lambda f: (f.value, f.doc))
    hi = ordered[-1] if ordered else max(facts, key=lambda f: (f.value, f.doc))
    if amount(lo) == amount(hi):
        return amount(lo)
    return f"{amount(lo)} to {amount(hi)}"


MAX_CITED = 6


def nearest(facts, to, limit: int = MAX_CITED) -> list:
    """Up to ``limit`` of ``facts``, one per document first, nearest in value to ``to``."""
    if hasattr(facts, "nearest"):
        return facts.nearest(to, limit)
    ranked = sorted(facts, key=lambda f: (abs(f.value - to.value), f.doc, int(f.row["start"])))
    seen, first, rest = set(), [], []
    for f in ranked:
        (rest if f.doc in seen else first).append(f)
        seen.add(f.doc)
    return (first + rest)[:limit]


def sources_text(docs: list[str], copies: dict[str, list[str]]) -> str:
    """``3 sources (a.md, b.md, c.md; 2 near-identical copies of them not counted)``; ``docs`` sorted."""
    shown = ", ".join(docs[:MAX_CITED]) + (f" and {len(docs) - MAX_CITED} more" if len(docs) > MAX_CITED else "")
    n_copies = 0
    for doc, its_copies in copies.items():  # few copy groups; ``docs`` is sorted
        i = bisect.bisect_left(docs, doc)
        if i < len(docs) and docs[i] == doc:
            n_copies += len(its_copies)
    extra = f"; {n_copies} near-identical cop{'y' if n_copies == 1 else 'ies'} of them not counted" if n_copies else ""
    return f"{len(docs)} source{'s' if len(docs) != 1 else ''} ({shown}{extra})"


def disagreement(docs: list[str], n_figures: int) -> str:
    """Who states a spread of figures with no consensus: ``the document states``,
    ``3 sources disagree with no consensus:``, ``2 sources state 3 different figures…``."""
    if len(docs) == 1:
        return "the document states"
    if len(docs) == n_figures:
        return f"{len(docs)} sources disagree with no consensus:"
    return f"{len(docs)} sources state {n_figures} different figures with no consensus:"


def undecided(docs: list[str]) -> str:
    """What a pair of figures from two documents lacks: a third source."""
    return "" if len(docs) == 1 else "; no third source says which is right"
