"""A later year's value below another document's earlier year while every stated CAGR is positive.

"$310B in 2026" in one report and "$240B by 2029, a 6.2% CAGR" in another cannot both
describe a market that every source says is growing. For one subject, scope, measure and
currency (and calendar), values are compared as stated (ignoring rounding bands): a value
for a later year more than ``tolerance`` below another document's value for an earlier
year is reported when at least one CAGR is stated for the market and every stated CAGR is
positive, and most of the documents that state an earlier year (as an actual or estimate:
an old forecast later revised down is no contradiction) state more (one
document's high figure is an outlier of its own, not every other document's fault). A
research firm that states an earlier year of its own stands on its own base: a later value
below another firm's (``attributed_to``) earlier one is then a lower estimate, not a fall. A
document whose own figures fall while it states growth is not used as the earlier side
(RC301 reports it). One finding per document, for its steepest fall; one sweep over the
years with the documents' highest earlier values kept sorted keeps the rule near-linear.

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

import bisect

from .base import Rule
from .firms import other_firms
from .describe import amount, central, cited, scope_label, where
from .facts import Facts
from .growth import VALUE_METRICS, falls_within
from ..numbers import format_rate



def _how_many(n_above: int, n_all: int) -> str:
    """`` (both other documents with an earlier year state more)`` and the like."""
    if n_all <= 1:
        return ""
    if n_above == n_all:
        who = "both other documents" if n_all == 2 else f"all {n_all} other documents"
    else:
        who = f"{n_above} of the {n_all} other documents"
    return f" ({who} with an earlier year state more)"


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
            if measure not in VALUE_METRICS:
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
            torn = {d for d, fs in by_doc.items() if falls_within(fs)}
            worst: dict[str, tuple] = {}
            # Each document's highest earlier value, kept sorted: a later value is reported only
            # when most documents with an earlier year stated more (a single high outlier is
            # RC302's and RC201's business, not every other document's fault).
            ladder: list[tuple[float, str, int]] = []
            best: dict[str, tuple] = {}
            years: dict[int, list] = {}
            for f in dated:
                years.setdefault(f.year, []).append(f)
            for year in sorted(years):
                this_year = years[year]
                for f in this_year:
                    high = central(f)[1]
                    if not ladder or not high < float("inf"):
                        continue
                    threshold = high / (1 - tol)
                    i = bisect.bisect_right(ladder, (threshold, "\uffff", 0))
                    above = [e for e in ladder[i:i + 2] if e[1] != f.doc][:1]
                    n_above = len(ladder) - i - (1 if f.doc in best and best[f.doc][0] > threshold else 0)
                    n_all = len(ladder) - (1 if f.doc in best else 0)
                    if not above or 2 * n_above <= n_all:
                        continue
                    earlier = best[above[0][1]][1]
                    fall = 1 - high / central(earlier)[0]
                    if f.doc not in worst or fall > worst[f.doc][0]:
                        worst[f.doc] = (fall, f, earlier, n_above, n_all)
                for f in this_year:
                    low = central(f)[0]
                    if f.doc in torn or not low > 0 or f.row["era"] != "actual":
                        continue  # an old forecast later revised down is no contradiction
                    if f.doc not in best or low > best[f.doc][0]:
                        if f.doc in best:
                            ladder.remove((best[f.doc][0], f.doc, id(best[f.doc][1])))
                        best[f.doc] = (low, f)
                        bisect.insort(ladder, (low, f.doc, id(f)))
            low = min(cagrs, key=lambda c: (c.value, c.doc))
            high = max(cagrs, key=lambda c: (c.value, c.doc))
            for doc in sorted(worst):
                fall, later, earlier, n_above, n_all = worst[doc]
                if other_firms([later], [earlier]) and any(f.year < later.year for f in by_doc[later.doc]):
                    continue  # a firm whose own series rises from its own earlier year: a lower base, not a fall
                yield self._finding(subject, scope, measure, later, earlier, fall, (low, high), n_above, n_all)

    def _finding(self, subject, scope, measure, later, earlier, fall, rates_range, n_above=1, n_all=1):
        low, high = rates_range
        rates = amount(low) if amount(low) == amount(high) else f"{amount(low)} to {amount(high)}"
        message = (f"{scope_label(subject, scope)} {measure.replace('_', ' ')}: {cited(later)} is "
                   f"{format_rate(fall)} below {cited(earlier)}, an earlier year in another document"
                   f"{_how_many(n_above, n_all)}, "
                   f"while every CAGR stated for the market is positive ({rates}, e.g. {where(low)})")
        return self.finding(subject=subject, scope=scope, metric=later.metric, message=message,
                            expected=f"more than {amount(earlier)} by {later.year}",
                            observed=f"{amount(later)} in {later.year} ({later.doc})", focus=later,
                            claims=[later.cite("later value"), earlier.cite("earlier value"), low.cite("stated CAGR")])

