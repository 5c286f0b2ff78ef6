"""A stated margin that the document's own income and revenue do not give.

A margin's kind comes from the words right before it ("operating margin of 17.2%"; the
kinds and their words are ``[margins]`` in ``measures.toml``): a gross margin divides
gross profit by revenue, an operating margin operating income, a net margin net income.
When the same document states that income and the revenue for the same subject, scope
and year (same calendar; for a quarter's margin, the same quarter; for an adjusted margin,
the adjusted income; for an analyst's estimate, the same analyst's estimates), the implied margin is ``income / revenue``; rounding of all
three figures and ``tolerance_pp`` are allowed for, and any pair of the document's
figures that gives the stated margin clears it. A table cell's margin, named only by its
column header, is checked against its own row's income and revenue, of whichever kind the
row has. A margin named only after its figure ("… gives a 23.1% margin") divides the income
its own sentence states, and one named only as "a margin of" right after an income ("recurring
operating income was EUR 41.0 million, a margin of 8.5%") divides that income.

Contradiction
-------------
    doc    line  metric   measure           value    unit     year  quote
    a.md   3     other    margin            17.2     percent  2025  operating margin of 17.2%
    a.md   8     revenue  revenue           412e6    USD      2025
    a.md   9     other    operating_income  59.3e6   USD      2025
    -> stated operating margin 17.2%; USD 59.3M / USD 412M is 14.39%

Consistent
----------
    doc    line  metric   measure           value    unit     year  quote
    a.md   3     other    margin            14.4     percent  2025  operating margin of 14.4%
    a.md   8     revenue  revenue           412e6    USD      2025
    a.md   9     other    operating_income  59.3e6   USD      2025
"""

from __future__ import annotations

import re

from .base import Rule
from .describe import amount, scope_label, stated, when, where
from .facts import Facts
from .kinds import kind_after, kind_before, kinds, margin_after
from ..numbers import format_amount, format_rate



def _basis(f) -> str:
    """``adjusted`` for a non-GAAP figure, else ``reported``."""
    return "adjusted" if f.row.get("accounting") == "adjusted" else "reported"


def _kind(f) -> str:
    """Actual, or whose expectation: an analyst's estimate column's margin divides its own estimates."""
    return str(f.row.get("kind") or "actual")


#: Between an income and the margin it makes: ", a margin of ", " (margin ", ", representing a margin of ".
_INCOME_MARGIN = re.compile(r"^[^.;%\d]{0,20}?[,(]\s*(?:or\s+|for\s+|representing\s+|giving\s+|with\s+)?(?:an?\s+)?"
                            r"margin\s+(?:of\s+)?(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)


def _income_before(m, sentence: list, margin_kinds):
    """The income a margin named only as "a margin of" follows in its clause ("… recurring
    operating income was EUR 41.0 million, a margin of 8.5%"), or None."""
    quote = str(m.row["quote"])
    at = quote.find(str(m.row["figure"]))
    incomes = {k.entry["of"] for k in margin_kinds}
    best = None
    for f in sentence:
        if f.measure not in incomes or f.doc != m.doc:
            continue
        end = quote.rfind(str(f.row["figure"]), 0, max(at, 0))
        if end >= 0 and _INCOME_MARGIN.match(quote[end + len(str(f.row["figure"])) : at]):
            best = f if best is None or end > quote.find(str(best.row["figure"])) else best
    return best


class MarginArithmetic(Rule):
    __doc__ = __doc__
    code = "RC105"
    name = "margin.arithmetic"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        margin_kinds = kinds(self.ctx.measures, "margins", required=("of", "over"))
        money: dict[tuple, list] = {}
        margins = []
        for f in facts.all + facts.periodic + facts.other_basis:
            if f.year is None or f.row.get("accounting") in ("constant_currency", "organic"):
                continue
            # a quarter's (or a month's, or part of a year's) margin only from that period's figures
            period = f.within_year
            if f.measure == "margin" and f.unit == "percent":  # the measure measures.toml calls a margin
                margins.append((f, period))
            elif f.unit not in ("percent", "percentage_point"):
                money.setdefault((f.doc, f.subject, f.scope, f.year, f.row["calendar"], period, _kind(f), f.measure,
                                  _basis(f)), []).append(f)
        by_sentence: dict[tuple, list] = {}
        for group in money.values():
            for f in group:
                by_sentence.setdefault((f.doc, f.row["quote"]), []).append(f)
        for m, period in margins:
            kind = kind_before(m, margin_kinds) or kind_after(m, margin_kinds)
            key = (m.doc, m.subject, m.scope, m.year, m.row["calendar"], period, _kind(m))
            income = _income_before(m, by_sentence.get((m.doc, m.row["quote"]), []), margin_kinds) if kind is None else None
            if income is not None:
                # "International recurring operating income was EUR 41.0 million, a margin of 8.5%":
                # the margin of the income right before it, over the document's revenue
                kind = next(k for k in margin_kinds if k.entry["of"] == income.measure)
                candidates = [(kind, [(i, r) for i, r in self._pairs(money, key, kind, m) if i is income])]
            elif kind is None and margin_after(m):
                # "operating income of $252.7m on revenue of $1,152.4m gives a 23.1% margin": the
                # margin of the income its own sentence states
                candidates = [(k, [(i, r) for i, r in self._pairs(money, key, k, m) if i.row["quote"] == m.row["quote"]])
                              for k in margin_kinds]
                candidates = [(k, p) for k, p in candidates if p]
            elif kind is None:
                # a table cell under "Operating margin": its own row's income and revenue, of
                # whichever kind the row has; reported when no kind's pair gives the margin
                candidates = [(k, self._pairs(money, key, k, m, row=m.row["line"])) for k in margin_kinds]
                candidates = [(k, p) for k, p in candidates if p]
            else:
                candidates = [(kind, self._pairs(money, key, kind, m))]
            pairs = [(k, i, r) for k, ps in candidates for i, r in ps]
            if not pairs or any(self._fits(m, i, r, tol) for _, i, r in pairs):
                continue
            found, income, revenue = min(pairs, key=lambda p: (abs(p[1].value / p[2].value * 100 - m.value),
                                                               int(p[1].row["start"]), int(p[2].row["start"])))
            yield self._finding(m, found.name, income, revenue)

    @staticmethod
    def _pairs(money: dict, key: tuple, kind, m, row=None) -> list:
        """The (income, revenue) pairs a margin of ``kind`` divides (only those on table row
        ``row`` when given); an adjusted margin divides the adjusted income by the revenue."""
        incomes = money.get(key + (kind.entry["of"], _basis(m)), [])
        revenues = money.get(key + (kind.entry["over"], "reported"), []) + \
            money.get(key + (kind.entry["over"], "adjusted"), [])
        if row is not None:
            incomes = [i for i in incomes if i.row["line"] == row and "|" in str(i.row["quote"])]
            revenues = [r for r in revenues if r.row["line"] == row]
        return [(i, r) for i in incomes for r in revenues if i.unit == r.unit and r.value > 0]

    @staticmethod
    def _fits(m, income, revenue, tol: float) -> bool:
        lo = income.lo / revenue.hi * 100
        hi = income.hi / revenue.lo * 100 if revenue.lo > 0 else float("inf")
        return m.lo - tol <= hi and lo <= m.hi + tol

    def _finding(self, m, kind, income, revenue):
        implied = income.value / revenue.value
        what = income.measure.replace("_", " ")
        message = (f"{scope_label(m.subject, m.scope)}: stated {kind} margin {amount(m)} in {when(m)} ({where(m)}); "
                   f"the document's {what} {stated(income)} ({where(income)}) over "
                   f"revenue {stated(revenue)} ({where(revenue)}) is {format_rate(implied)}; at {amount(m)}, "
                   f"{what} would be about {format_amount(revenue.value * m.value / 100.0, income.unit)}")
        return self.finding(subject=m.subject, scope=m.scope, metric="other", message=message,
                            expected=f"{format_rate(implied)} (income / revenue)", observed=f"{amount(m)} (stated)",
                            focus=m, claims=[m.cite("stated margin"), income.cite("income"), revenue.cite("revenue")])
