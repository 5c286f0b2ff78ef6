"""Values for the same market and year in different currencies, which cannot be compared.

Money in different currencies is never a contradiction without exchange rates. This note
says which figures were left uncompared, so an editor knows the check did not happen.
Adding a dated rate table (``rules/rates.toml``) makes them comparable; converted
figures are then checked by the other rules.

Contradiction
-------------
    doc    line  metric       value   unit  year
    a.md   2     market_size  4.1e9   EUR   2024
    b.md   3     market_size  4.6e9   USD   2024
    -> not compared: EUR 4.1B (2024, a.md:2) vs USD 4.6B (2024, b.md:3), no EUR/USD rate for 2024

Consistent
----------
    doc    line  metric       value   unit  year
    a.md   2     market_size  4.1e9   USD   2024
    b.md   3     market_size  4.2e9   USD   2024
"""

from __future__ import annotations

from .base import Rule
from .describe import stated, where
from .facts import Facts
from ..numbers import is_percent


class UnitsNotComparable(Rule):
    __doc__ = __doc__
    code = "RC901"
    name = "units.not_comparable"
    severity = "info"

    def check(self, facts: Facts):
        for (subject, scope, metric, year), group in facts.groups(
                "subject", "scope", "metric", "year", metric=("market_size", "revenue")).items():
            if year is None:
                continue
            first_by_unit = {}
            for f in group:
                if not is_percent(f.unit):
                    first_by_unit.setdefault(f.unit, f)
            if len(first_by_unit) < 2:
                continue
            units = sorted(first_by_unit)
            shown = [first_by_unit[u] for u in units]
            listed = " vs ".join(f"{stated(f)} ({where(f)})" for f in shown)
            message = (f"not compared: {listed}; no exchange rate between {' and '.join(units)} for "
                       f"{year} (add one to rules/rates.toml to compare them)")
            yield self.finding(subject=subject, scope=scope, metric=metric, message=message,
                               expected="one currency", observed=", ".join(units),
                               claims=[f.cite("value") for f in shown])
