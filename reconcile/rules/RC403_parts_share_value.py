"""A part's stated share of the total that does not match its stated value.

Within one document, for one subject and year: a region's or segment's share times the
total market gives its value; when the document also states that value, the two must
meet (each figure's rounding and the relative tolerance allowed for). A share and a value
stated together in one sentence with no year are of the one year the document sizes the
whole market in (forecasts aside), when there is exactly one.

Contradiction
-------------
    doc    line  metric       scope   value     unit  year
    a.md   1     market_size  Global  578.14e9  USD   2024
    a.md   30    market_size  Europe  166.04e9  USD   2024
    a.md   35    share        Europe  35.0      %     2024
    -> Europe: 35% of USD 578.14B is USD 202.35B, but the document states USD 166.04B

Consistent
----------
    doc    line  metric       scope   value     unit  year
    a.md   1     market_size  Global  578.14e9  USD   2024
    a.md   30    market_size  Europe  166.04e9  USD   2024
    a.md   35    share        Europe  28.72     %     2024
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, scope_label, stated, where
from .facts import Facts, overlaps
from ..numbers import format_amount


class PartsShareValue(Rule):
    __doc__ = __doc__
    code = "RC403"
    name = "parts.share_value"
    severity = "warning"

    def check(self, facts: Facts):
        rel = facts.bands.relative
        values = facts.groups("doc", "subject", "scope", "year", metric="market_size")
        # the one year a document sizes its whole market in (not counting forecasts), for a share
        # and a value stated together with no year ("Asia-Pacific accounts for 46% of global
        # revenue, roughly US$1.4 billion"): the market as the document describes it now
        actual_years: dict[tuple, set] = {}
        for (doc, subject, scope, year), fs in values.items():
            if scope == "Global" and year is not None:
                actual_years.setdefault((doc, subject), set()).update(year for f in fs if f.row["era"] == "actual")
        for (doc, subject, scope, year), shares in facts.groups("doc", "subject", "scope", "year",
                                                                metric="share").items():
            if scope == "Global":
                continue
            together = False
            if year is None:
                years = actual_years.get((doc, subject), set())
                if len(years) != 1:
                    continue
                year, together = next(iter(years)), True
            totals = values.get((doc, subject, "Global", year), [])
            for s in shares:
                parts = values.get((doc, subject, scope, None if together else year), [])
                if together:
                    parts = [p for p in parts if p.row["quote"] == s.row["quote"]]
                else:  # "41.5% of 2026 revenue, or USD 143.2 million": the value beside a dated share is of its year
                    parts = parts + [p for p in values.get((doc, subject, scope, None), [])
                                     if p.row["quote"] == s.row["quote"]]
                for part in parts:
                    total = next((t for t in totals if t.unit == part.unit), None)
                    if total is None:
                        continue
                    implied = (s.lo / 100 * total.lo, s.hi / 100 * total.hi)
                    if overlaps(implied, (part.lo, part.hi), relative=rel):
                        continue
                    product = s.value / 100 * total.value
                    message = (f"{scope_label(subject, scope)} ({year}): {amount(s)} ({where(s)}) of the "
                               f"total {amount(total)} ({where(total)}) is {format_amount(product, part.unit)}, "
                               f"but the document states {stated(part)} ({where(part)})")
                    yield self.finding(subject=subject, scope=scope, metric="market_size", message=message,
                                       expected=format_amount(product, part.unit), observed=amount(part),
                                       claims=[s.cite("share"), total.cite("total"), part.cite("part value")])
