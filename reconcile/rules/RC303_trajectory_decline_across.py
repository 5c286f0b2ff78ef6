"""A later year's value below another document's earlier year while every stated CAGR is positive.

"$310B in 2026" in one report and "$240B by 2029, a 6.2% CAGR" in another cannot both
describe a market that every source says is growing. For one subject, scope, measure and
currency (and calendar), values are compared as stated (ignoring rounding bands): a value
for a later year more than ``tolerance`` below another document's value for an earlier
year is reported when at least one CAGR is stated for the market and every stated CAGR is
positive. A document whose own figures fall while it states growth is not used as the
earlier side (RC301 reports it). One finding per document, for its steepest fall; a single
sweep over the years keeps the rule linear.

Contradiction
-------------
    doc    line  metric       value    unit  year  period
    a.md   2     market_size  310e9    USD   2026
    b.md   4     market_size  240e9    USD   2029
    b.md   4     cagr         6.2      %           2024-2029
    -> b.md's USD 240B (2029) is below a.md's USD 310B (2026), but every stated CAGR is positive

Consistent
----------
    doc    line  metric       value    unit  year  period
    a.md   2     market_size  210e9    USD   2026
    b.md   4     market_size  240e9    USD   2029
    b.md   4     cagr         6.2      %           2024-2029
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, central, cited, scope_label, where
from .facts import Facts
from ..numbers import format_rate

VALUE_MEASURES = ("market_size", "revenue")


def _falls_within(points: list) -> bool:
    """Whether a document's own values fall from one year to a later one."""
    path = sorted((p.year, p.value) for p in points)
    return any(b[0] > a[0] and b[1] < a[1] * 0.98 for a, b in zip(path, path[1:]))


class TrajectoryDeclineAcross(Rule):
    __doc__ = __doc__
    code = "RC303"
    name = "trajectory.decline_across"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance"])
        cagr_groups = facts.groups("subject", "scope", metric="cagr")
        keys = ("subject", "scope", "measure", "unit", "calendar")
        for (subject, scope, measure, unit, _), group in facts.groups(*keys).items():
            if measure not in VALUE_MEASURES:
                continue
            cagrs = cagr_groups.get((subject, scope), [])
            if not cagrs or any(c.lo <= 0 for c in cagrs):
                continue
            dated = [f for f in group if f.year is not None and f.value > 0]
            if len({f.doc for f in dated}) < 2:
                continue
            by_doc: dict[str, list] = {}
            for f in dated:
                by_doc.setdefault(f.doc, []).append(f)
            torn = {d for d, fs in by_doc.items() if _falls_within(fs)}
            worst: dict[str, tuple] = {}
            top: list = []  # the two highest earlier values from different documents
            years: dict[int, list] = {}
            for f in dated:
                years.setdefault(f.year, []).append(f)
            for year in sorted(years):
                this_year = years[year]
                for f in this_year:
                    high = central(f)[1]
                    for earlier in top:
                        if earlier.doc == f.doc:
                            continue
                        low = central(earlier)[0]
                        if high < low * (1 - tol):
                            fall = 1 - high / low
                            if f.doc not in worst or fall > worst[f.doc][0]:
                                worst[f.doc] = (fall, f, earlier)
                        break
                for f in this_year:
                    if f.doc not in torn:
                        top = _top_two(top + [f])
            for doc in sorted(worst):
                fall, later, earlier = worst[doc]
                yield self._finding(subject, scope, measure, later, earlier, fall, cagrs)

    def _finding(self, subject, scope, measure, later, earlier, fall, cagrs):
        low = min(cagrs, key=lambda c: (c.value, c.doc))
        high = max(cagrs, key=lambda c: (c.value, c.doc))
        rates = amount(low) if amount(low) == amount(high) else f"{amount(low)} to {amount(high)}"
        message = (f"{scope_label(subject, scope)} {measure.replace('_', ' ')}: {cited(later)} is "
                   f"{format_rate(fall)} below {cited(earlier)}, an earlier year in another document, "
                   f"while every CAGR stated for the market is positive ({rates}, e.g. {where(low)})")
        return self.finding(subject=subject, scope=scope, metric=later.metric, message=message,
                            expected=f"more than {amount(earlier)} by {later.year}",
                            observed=f"{amount(later)} in {later.year} ({later.doc})", focus=later,
                            claims=[later.cite("later value"), earlier.cite("earlier value"), low.cite("stated CAGR")])


def _top_two(facts: list) -> list:
    """The highest stated value and the highest from another document."""
    ranked = sorted(facts, key=lambda f: (-central(f)[0], f.doc, int(f.row["start"])))
    out = []
    for f in ranked:
        if not out or f.doc != out[0].doc:
            out.append(f)
        if len(out) == 2:
            break
    return out
