"""A complete set of parts that adds up to less than its whole.

When a document's regions cover the whole world (or include a "rest of world" part), or
a segment breakdown has an "Others" part, the parts should add up to the total for the
same subject, metric, year and unit -- shares to 100%. Every figure's rounding counts:
four regions each rounded to 0.01 may sum 0.02 off. Sums above the total are RC401's.
Parts of no named breakdown are one set only when they stand within ``NEAR_LINES`` (2) lines
of each other, as for RC401.

Contradiction
-------------
    doc    line  metric  scope           value  unit  dimension  year
    a.md   23    share   Hospitals       41     %     end_user   2024
    a.md   24    share   Clinics         24     %     end_user   2024
    a.md   25    share   Others          13     %     end_user   2024
    -> end user shares 41% + 24% + 13% = 78%, not 100%, though the list has an "Others" part

Consistent
----------
    doc    line  metric       scope          value      unit  year
    a.md   1     market_size  Global         578.14e9   USD   2024
    a.md   29    market_size  North America  259.93e9   USD   2024
    a.md   30    market_size  Europe         166.04e9   USD   2024
    a.md   31    market_size  Asia Pacific   101.41e9   USD   2024
    a.md   38    market_size  LAMEA          50.76e9    USD   2024
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, stated, where
from .facts import Facts
from .parts import part_sets, parts_text
from ..numbers import format_amount


class PartsSumMismatch(Rule):
    __doc__ = __doc__
    code = "RC402"
    name = "parts.sum_mismatch"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        rel = facts.bands.relative
        for ps in part_sets(facts, self.ctx.regions, metrics=("market_size", "revenue", "share")):
            if not ps.complete:
                continue
            summed = format_amount(ps.central, ps.unit)
            if ps.unit == "percent":
                if ps.high >= 100 - tol:
                    continue
                message = (f"{ps.label}: shares {parts_text(ps, amount)} = {summed}, not 100%, "
                           f"though the parts are complete")
                expected, observed, cited = "100%", summed, []
            else:
                t = ps.total
                if t is None or ps.high >= t.lo * (1 - rel):
                    continue
                message = (f"{ps.label}: {parts_text(ps, amount)} = {summed}, less than the total "
                           f"{stated(t)} ({where(t)}), though the parts are complete")
                expected, observed, cited = amount(t), summed, [t.cite("total")]
            cited += [p.cite("part") for p in ps.parts]
            yield self.finding(subject=ps.subject, scope=ps.dimension, metric=ps.metric, message=message,
                               expected=expected, observed=observed, claims=cited)
