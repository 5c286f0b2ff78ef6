"""Parts that add up to more than their whole: regional or segment values above the total, shares over 100%.

Within one document, for one subject, metric, year and unit: the lowest values the
(disjoint) parts allow, summed, exceed the highest value the total allows (widened by
the relative tolerance); or shares of one breakdown sum past 100% by more than
``tolerance_pp``. This holds whether or not the list of parts is complete. Parts of no
named breakdown (segments that no "By type," or table header names) are one set only when
they stand within ``NEAR_LINES`` (2) lines of each other (no blank line between): parts paragraphs apart may belong
to two breakdowns. Parts that sum past their whole by more than ``max_excess`` even without
their largest one are read as several breakdowns' parts side by side (a statement's products,
segments and countries), not as one part's slip, and are not reported.

Contradiction
-------------
    doc    line  metric       scope          value    unit  year
    a.md   3     market_size  Global         10e9     EUR   2024
    a.md   4     market_size  Europe         6.2e9    EUR   2024
    a.md   5     market_size  North America  5.1e9    EUR   2024
    -> Europe EUR 6.2B + North America EUR 5.1B = EUR 11.3B, more than the total EUR 10B

Consistent
----------
    doc    line  metric  scope          value  unit  year
    a.md   70    share   North America  45     %
    a.md   70    share   Europe         25     %
    a.md   70    share   Asia Pacific   20     %
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, stated, where
from .facts import Facts
from .parts import part_sets, parts_text
from ..numbers import format_amount


class PartsExceedTotal(Rule):
    __doc__ = __doc__
    code = "RC401"
    name = "parts.exceed_total"
    severity = "error"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        excess = float(self.options["max_excess"])
        rel = facts.bands.relative
        for ps in part_sets(facts, self.ctx.regions, metrics=("market_size", "revenue", "share")):
            whole = 100.0 if ps.unit == "percent" else (ps.total.value if ps.total is not None else None)
            if whole and ps.dimension != "region" and ps.low > whole * (1 + excess) \
                    and ps.low - max(p.hi for p in ps.parts) > whole:
                continue  # several breakdowns' parts side by side (products, segments, countries), no one part's slip
            summed = format_amount(ps.central, ps.unit)
            if ps.unit == "percent":
                if ps.low <= 100 + tol:
                    continue
                message = f"{ps.label}: shares {parts_text(ps, amount)} = {summed}, more than 100%"
                expected, observed, cited = "at most 100%", summed, []
            else:
                t = ps.total
                if t is None or ps.low <= t.hi * (1 + rel):
                    continue
                message = (f"{ps.label}: {parts_text(ps, amount)} = {summed}, more than the "
                           f"total {stated(t)} ({where(t)})")
                expected, observed, cited = f"at most {amount(t)}", summed, [t.cite("total")]
            cited += [p.cite("part") for p in ps.parts]
            yield self.finding(subject=ps.subject, scope=ps.dimension, metric=ps.metric, message=message,
                               expected=expected, observed=observed, claims=cited)
