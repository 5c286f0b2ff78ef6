"""A later forecast lower than an earlier one in a document that states positive growth.

Within one document, for the same subject and scope, consecutive dated values are
compared as stated (ignoring rounding bands: a stated fall is what an editor sees). When
the later value is below the earlier by more than ``tolerance`` while the document states
a positive CAGR for those years, the figures contradict the growth it claims. The expected
value is the earlier one grown at the lowest stated rate. A story quoting two research firms
(``attributed_to``) holds each firm's figures as a series of their own.

Contradiction
-------------
    doc    line  metric       value   unit  qualifier  year  period
    a.md   6     market_size  3.5e12  USD   over       2027
    a.md   9     market_size  3.0e12  USD   approx     2028
    a.md   9     cagr         11      %     over             -2028
    -> over USD 3.5T (2027) then about USD 3T (2028): a fall of 14.29% while the
       document states over 11% CAGR

Consistent
----------
    doc    line  metric       value   unit  qualifier  year  period
    a.md   6     market_size  3.0e12  USD   exact      2027
    a.md   9     market_size  3.4e12  USD   exact      2028
    a.md   9     cagr         11      %     over             -2028
"""

from __future__ import annotations

import math

from ..extract.attribution import firm_keys
from .firms import firm
from .base import Rule
from .describe import amount, central, cited, scope_label, when, where
from .facts import Facts
from .growth import VALUE_METRICS, project
from ..numbers import format_amount, format_rate


def covers_years(cagr, y1: int, y2: int) -> bool:
    """Whether a CAGR's period (missing ends open) includes the years y1..y2."""
    start = cagr.period_start if cagr.period_start is not None else -math.inf
    end = cagr.period_end if cagr.period_end is not None else math.inf
    return start - 1 <= y1 and y2 <= end + 1


class TrajectoryDecline(Rule):
    __doc__ = __doc__
    code = "RC301"
    name = "trajectory.decline"
    severity = "error"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance"])
        cagrs_by = facts.groups("doc", "subject", "scope", metric="cagr")
        for (doc, subject, scope, metric), values in facts.groups("doc", "subject", "scope", "metric",
                                                                  metric=VALUE_METRICS).items():
            cagrs = cagrs_by.get((doc, subject, scope), [])
            if not cagrs:
                continue
            by_year: dict[tuple, list] = {}
            firms = firm_keys(firm(f) for f in values)
            for f in values:
                if f.year is not None:  # (a story quoting two firms: each firm's figures are its own series)
                    by_year.setdefault((f.unit, firms[firm(f)]), []).append(f)
            for unit, points in sorted(by_year.items()):
                points.sort(key=lambda f: (f.year, f.row["start"]))
                for p1, p2 in zip(points, points[1:]):
                    if p2.year == p1.year:
                        continue
                    growing = [c for c in cagrs if c.lo > 0 and covers_years(c, p1.year, p2.year)]
                    earlier_low, _ = central(p1)
                    _, later_high = central(p2)
                    if not growing or not (later_high < earlier_low * (1 - tol)):
                        continue
                    rate = min(growing, key=lambda c: (c.lo, c.row["start"]))
                    yield self._finding(subject, scope, metric, p1, p2, rate, earlier_low, later_high)

    def _finding(self, subject, scope, metric, p1, p2, cagr, earlier, later):
        fall = 1 - later / earlier
        years = p2.year - p1.year
        expected = project(earlier, max(central(cagr)[0], 0) / 100.0, years)
        message = (f"{scope_label(subject, scope)}: {cited(p1)} then {cited(p2)} is a fall of "
                   f"{format_rate(fall)} in {years} year{'s' if years > 1 else ''}, while the document "
                   f"states a CAGR of {amount(cagr)} ({when(cagr)}, {where(cagr)}); at that rate "
                   f"{p2.year} would be at least {format_amount(expected, p2.unit)}")
        return self.finding(subject=subject, scope=scope, metric=metric, message=message,
                            expected=f"at least {format_amount(expected, p2.unit)} in {p2.year}",
                            observed=f"{amount(p2)} in {p2.year}",
                            claims=[p1.cite("earlier value"), p2.cite("later value"), cagr.cite("stated CAGR")],
                            focus=p1)
