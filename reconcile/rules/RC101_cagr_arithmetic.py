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
from .describe import amount
from .facts import Facts
from .firms import other_firms
from .growth import VALUE_METRICS, arithmetic_message, endpoint_pairs, inner_pair, supported

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
                # a story quoting several research firms: a firm's rate against its own values only
                own = [p for p in points if not other_firms([c], [p])]
                pairs = endpoint_pairs(c, own, slack)
                if not pairs or any(supported(c, pair, tol, over) for pair in pairs):
                    inner = inner_pair(c, own, inner_tol, over)
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
