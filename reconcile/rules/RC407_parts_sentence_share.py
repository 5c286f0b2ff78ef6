"""A share a sentence states of a total that the sentence's own two amounts do not give.

"Subscription revenue of $171.9 million represented 93% of total revenue of $187.4
million", "a deficit of SVD 18.6 billion, or 3.1% of GDP of SVD 520 billion": a percentage
followed by "of" and what it is a share of, in a sentence that states exactly two amounts
in one currency and period, the part (the smaller) before the share and the total after it,
must be ``part / total`` within the rounding of all three figures and ``tolerance_pp``. Growth rates and CAGRs are no shares;
a sentence with more than two amounts is not checked (which two the share divides is then
a guess).

Contradiction
-------------
    doc    line  metric   measure  value     unit     quote
    a.md   5     revenue  revenue  171.9e6   USD      Subscription revenue of $171.9 million was 93% of total revenue of $187.4 million.
    a.md   5     share    share    93        percent  Subscription revenue of $171.9 million was 93% of total revenue of $187.4 million.
    a.md   5     revenue  revenue  187.4e6   USD      Subscription revenue of $171.9 million was 93% of total revenue of $187.4 million.
    -> stated 93% of USD 187.4M; USD 171.9M / USD 187.4M is 91.73%

Consistent
----------
    doc    line  metric   measure  value     unit     quote
    a.md   5     revenue  revenue  171.9e6   USD      Subscription revenue of $171.9 million was 92% of total revenue of $187.4 million.
    a.md   5     share    share    92        percent  Subscription revenue of $171.9 million was 92% of total revenue of $187.4 million.
    a.md   5     revenue  revenue  187.4e6   USD      Subscription revenue of $171.9 million was 92% of total revenue of $187.4 million.
"""

from __future__ import annotations

import re

from .base import Rule
from .describe import amount, scope_label, stated, where
from .facts import Facts, figure_at
from ..numbers import format_rate

#: What follows a share of a named total: "93% of total revenue", "3.1% of GDP", "34.0% of the total".
_OF_TOTAL = re.compile(r"^\s*(?:of|share\s+of)\s+(?:the\s+|its\s+|their\s+)?(?:total|group|overall|company|global|"
                       r"gross\s+domestic\s+product|GDP|revenue|revenues|sales|turnover|operating\s+expenses|costs|"
                       r"expenses|income|profit|assets|the\s+market|market)\b", re.IGNORECASE)


class PartsSentenceShare(Rule):
    __doc__ = __doc__
    code = "RC407"
    name = "parts.sentence_share"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        sentences: dict[tuple, list] = {}
        for f in facts.all + facts.periodic + facts.other_basis:
            sentences.setdefault((f.doc, int(f.row["line"]), str(f.row["quote"])), []).append(f)
        for (_, _, quote), group in sorted(sentences.items(), key=lambda kv: kv[0]):
            if "|" in quote:
                continue  # a table row: its cells are not a sentence's part and total
            shares = [f for f in group if f.unit == "percent" and f.metric not in ("growth", "cagr")
                      and _OF_TOTAL.match(quote[quote.find(str(f.row["figure"])) + len(str(f.row["figure"])):])]
            amounts = {}
            for f in group:
                if f.unit not in ("percent", "percentage_point") and f.metric != "qualitative" and f.value > 0:
                    amounts.setdefault(f.value, f)
            if not shares or len(amounts) != 2 or len({f.unit for f in amounts.values()}) != 1 \
                    or len({(f.year, f.within_year) for f in amounts.values()}) != 1:
                continue  # (two amounts of two periods are no part and its total)
            part, total = sorted(amounts.values(), key=lambda f: (f.value, figure_at(f.row)))
            at = {id(f): quote.find(str(f.row["figure"])) for f in (part, total, *shares)}
            for s in shares:
                between = quote[at[id(s)] + len(str(s.row["figure"])) : at[id(total)]]
                if not at[id(part)] < at[id(s)] < at[id(total)] or len(between) > 50 or ";" in between:
                    continue  # the part, then its share, then "of" the total: "$171.9 million was 93% of … $187.4 million"
                lo = part.lo / total.hi * 100 if total.hi > 0 else 0.0
                hi = part.hi / total.lo * 100 if total.lo > 0 else float("inf")
                if s.lo - tol <= hi and lo <= s.hi + tol:
                    continue
                yield self._finding(s, part, total)

    def _finding(self, s, part, total):
        implied = part.value / total.value
        message = (f"{scope_label(s.subject, s.scope)}: stated {amount(s)} of {stated(total)} ({where(s)}); "
                   f"{stated(part)} / {stated(total)} is {format_rate(implied)}")
        return self.finding(subject=s.subject, scope=s.scope, metric="share", message=message,
                            expected=f"{format_rate(implied)} (part / total)", observed=f"{amount(s)} (stated)",
                            focus=s, claims=[s.cite("stated share"), part.cite("part"), total.cite("total")])
