"""A CAGR stated in one document that another document's start and end values do not support.

The same arithmetic as RC101, across documents: document A states a CAGR for a period;
document B, which states no CAGR of its own for that subject and scope, gives values at
both ends of the period. Different publishers may use different bases, so this is a lower
severity than a document contradicting itself.

Contradiction
-------------
    doc    line  metric       value     unit  year  period
    a.md   3     cagr         25        %           2024-2030
    b.md   2     market_size  4.0e9     EUR   2024
    b.md   5     market_size  6.0e9     EUR   2030
    -> stated 25% CAGR 2024–2030 (a.md:3); b.md's EUR 4B (2024) → EUR 6B (2030) implies 6.99%

Consistent
----------
    doc    line  metric       value     unit  year  period
    a.md   3     cagr         7         %           2024-2030
    b.md   2     market_size  4.0e9     EUR   2024
    b.md   5     market_size  6.0e9     EUR   2030
"""

from __future__ import annotations

from .base import Rule
from .describe import amount
from .facts import Facts
from .growth import VALUE_METRICS, arithmetic_message, endpoint_pairs, supported


class CagrArithmeticAcross(Rule):
    __doc__ = __doc__
    code = "RC102"
    name = "cagr.arithmetic_across"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        slack = int(self.options["endpoint_slack_years"])
        values = facts.groups("subject", "scope", metric=VALUE_METRICS)
        for (subject, scope), cagrs in facts.groups("subject", "scope", metric="cagr").items():
            stating = {c.doc for c in cagrs}
            by_doc = facts.by_doc([p for p in values.get((subject, scope), [])
                                   if p.year is not None and p.doc not in stating])
            for c in cagrs:
                if c.period_start is None or c.period_end is None or c.period_end <= c.period_start:
                    continue
                for doc, points in by_doc.items():
                    pairs = endpoint_pairs(c, points, slack)
                    if not pairs or any(supported(c, pair, tol) for pair in pairs):
                        continue
                    s, e = pairs[0]
                    message, implied = arithmetic_message(c, s, e, source=f"{doc}'s ")
                    yield self.finding(
                        subject=subject, scope=scope, metric="cagr", message=message,
                        expected=f"{implied} (implied by {doc})",
                        observed=f"{amount(c)} (stated in {c.doc})",
                        claims=[c.cite("stated CAGR"), s.cite("start value"), e.cite("end value")], focus=c,
                    )
