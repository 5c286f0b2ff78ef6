"""A stated CAGR that the same document's own start and end values do not support.

The implied rate is ``(end / start) ** (1 / years) - 1`` with ``years = end year - start
year``, using the document's values for the same subject and scope whose years fall at
(or within ``endpoint_slack_years`` of) the ends of the stated period. Rounding of every
figure, qualifiers ("over 11%") and ``tolerance_pp`` are allowed for, and the rate is also
accepted when it matches the period's length instead of the endpoints' distance (a common
convention). When no endpoint pair supports the stated rate, the closest pair is cited.
"Over 11%" allows up to ``over_factor`` times 11% (it is not 40%). When the ends agree (or
are not stated), two of the document's own values inside the period, at least two years
apart, are checked too, with ``inner_tolerance_pp`` for year-to-year variation ("7.5% CAGR
2024–2031 … about $12B in 2026 and $31B by 2029" cannot hold).

Contradiction
-------------
    doc    line  metric       value        unit  year  period
    a.md   1     cagr         11.37        %           2025-2034
    a.md   6     market_size  616.26e9     USD   2025
    a.md   7     market_size  1094.83e9    USD   2034
    -> stated 11.37% CAGR 2025–2034; USD 616.26B (2025) → USD 1,094.83B (2034) implies 6.59%

Consistent
----------
    doc    line  metric       value        unit  year  period
    a.md   1     cagr         6.6          %           2025-2034
    a.md   6     market_size  616.26e9     USD   2025
    a.md   7     market_size  1094.83e9    USD   2034
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, scope_label, cagr_interval, stated, where
from .facts import Facts
from .growth import implied_cagr, implied_cagr_range
from ..numbers import format_period, format_rate

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


class CagrArithmetic(Rule):
    __doc__ = __doc__
    code = "RC101"
    name = "cagr.arithmetic"
    severity = "error"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        inner_tol = float(self.options["inner_tolerance_pp"])
        over = float(self.options["over_factor"])
        slack = int(self.options["endpoint_slack_years"])
        values = facts.groups("doc", "subject", "scope", metric=VALUE_METRICS)
        for (doc, subject, scope), cagrs in facts.groups("doc", "subject", "scope", metric="cagr").items():
            points = [p for p in values.get((doc, subject, scope), []) if p.year is not None]
            for c in cagrs:
                if c.period_start is None or c.period_end is None or c.period_end <= c.period_start:
                    continue
                pairs = endpoint_pairs(c, points, slack)
                if not pairs or any(supported(c, pair, tol, over) for pair in pairs):
                    inner = inner_pair(c, points, inner_tol, over)
                    if inner is None:
                        continue
                    s, e = inner
                    message, implied = arithmetic_message(c, s, e)
                    message += f", beyond what the stated rate allows even ±{inner_tol:g} pp for year-to-year variation"
                    yield self.finding(
                        subject=subject, scope=scope, metric="cagr", message=message,
                        expected=f"about {amount(c)} between {s.year} and {e.year}",
                        observed=f"{implied} (implied by the document's own figures)",
                        claims=[c.cite("stated CAGR"), s.cite("value inside the period"),
                                e.cite("value inside the period")], focus=c)
                    continue
                s, e = pairs[0]
                message, implied = arithmetic_message(c, s, e)
                yield self.finding(
                    subject=subject, scope=scope, metric="cagr", message=message,
                    expected=f"{implied} (implied by the document's own figures)",
                    observed=f"{amount(c)} (stated)",
                    claims=[c.cite("stated CAGR"), s.cite("start value"), e.cite("end value")], focus=c,
                )
