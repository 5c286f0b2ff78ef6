"""A CAGR stated in one document that another document's start and end values do not support.

The same arithmetic as RC101, across documents: document A states a CAGR for a period;
document B, which states no CAGR of its own for that subject and scope, gives values at
both ends of the period. When none of the rates stated for that period is what B's values
imply, it is one finding per document B, citing the stated rate nearest B's arithmetic
(the stated rates are sorted once, so many documents cost ``n log n``). Different
publishers may use different bases, so this is a lower severity than a document
contradicting itself; and when the rate and the values are attributed to two different
research firms (``attributed_to``), the values must span exactly the rate's period (a firm's
2024 to 2032 values say nothing certain of another's 2025–2033 rate).

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

import bisect

from .base import Rule
from .firms import other_firms
from .describe import amount, cagr_interval
from .facts import Facts
from .growth import VALUE_METRICS, arithmetic_message, endpoint_pairs, implied_cagr_range


class _Rates:
    """The CAGRs stated for one period, as intervals sorted once: "does any of them allow
    this implied rate?" is a binary search, not a pass over every stated rate."""

    def __init__(self, cagrs: list, tol: float, over: float) -> None:
        ivs = []
        for c in cagrs:
            lo, hi = cagr_interval(c, tol)
            if c.row["qualifier"] == "over":
                hi = min(hi, c.value * over / 100.0 + tol / 100.0)
            ivs.append((lo, hi, c))
        ivs.sort(key=lambda t: (t[0], t[1], t[2].doc))
        self.los = [t[0] for t in ivs]
        self.cagrs = [t[2] for t in ivs]
        self.his = [t[1] for t in ivs]
        self.max_hi = []
        for hi in self.his:
            self.max_hi.append(max(hi, self.max_hi[-1]) if self.max_hi else hi)
        self.values = sorted((c.value / 100.0, i) for i, c in enumerate(self.cagrs))

    def allows(self, lo: float, hi: float) -> bool:
        i = bisect.bisect_right(self.los, hi)
        return i > 0 and self.max_hi[i - 1] >= lo

    def nearest(self, rate: float):
        i = bisect.bisect_left(self.values, (rate, -1))
        near = [self.values[j] for j in (i - 1, i) if 0 <= j < len(self.values)]
        return self.cagrs[min(near, key=lambda v: (abs(v[0] - rate), v[1]))[1]]


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
            if not by_doc:
                continue
            periods: dict[tuple, list] = {}
            for c in cagrs:
                if c.period_start is not None and c.period_end is not None and c.period_end > c.period_start:
                    periods.setdefault((c.period_start, c.period_end), []).append(c)
            for period in sorted(periods):
                rates = _Rates(periods[period], tol, float("inf"))
                model = periods[period][0]
                for doc, points in by_doc.items():
                    pairs = endpoint_pairs(model, points, slack)
                    if other_firms(periods[period], points):
                        # another research firm's values are its own estimates, on its own base:
                        # set against this firm's rate only over the very same years
                        pairs = [(s, e) for s, e in pairs if (s.year, e.year) == period]
                    if not pairs or any(self._allowed(rates, pair, period) for pair in pairs):
                        continue
                    s, e = pairs[0]
                    implied = (e.value / s.value) ** (1 / (e.year - s.year)) - 1 if s.value > 0 and e.value > 0 else 0.0
                    c = rates.nearest(implied)
                    message, implied_text = arithmetic_message(c, s, e, source=f"{doc}'s ")
                    yield self.finding(
                        subject=subject, scope=scope, metric="cagr", message=message,
                        expected=f"{implied_text} (implied by {doc})",
                        observed=f"{amount(c)} (stated in {c.doc})",
                        claims=[c.cite("stated CAGR"), s.cite("start value"), e.cite("end value")], focus=c,
                    )

    @staticmethod
    def _allowed(rates: _Rates, pair: tuple, period: tuple) -> bool:
        """Whether any stated rate allows the pair's growth (over its years or the period's)."""
        s, e = pair
        for years in {e.year - s.year, period[1] - period[0]}:
            if years > 0:
                lo, hi = implied_cagr_range((s.lo, s.hi), (e.lo, e.hi), years)
                if rates.allows(lo, hi):
                    return True
        return False
