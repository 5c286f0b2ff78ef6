"""A company's stated share of a market that its own revenue and the market's size do not give.

In a document about one company that states the company's share of a market ("its
exoskeleton systems revenue represents approximately 21% of the global market"), the
market's size for the same year, and the company's revenue for that year: the share must
be what the revenue is of the market, for the company's total revenue or for one of its
segments' revenues (the share may be of one business only). Each figure's rounding and
qualifier ("approximately") and the relative tolerance are allowed for. The market size
must be the only one the document gives for that year, in the revenue's currency.

Contradiction
-------------
    doc    line  metric       subject      scope        value    unit  year
    a.md   7     revenue      stridewell   Global       218.4e6  USD   2024
    a.md   8     revenue      stridewell   Exoskeleton  196.1e6  USD   2024
    a.md   21    market_size  exoskeleton  Global       1.46e9   USD   2024
    a.md   21    share        stridewell   Global       21       %     2024   (approx)
    -> about 21% of USD 1.46B is USD 307M, but the revenue is USD 218.4M (15.0%) and the
       segment's USD 196.1M (13.4%)

Consistent
----------
    doc    line  metric       subject      scope        value    unit  year
    a.md   7     revenue      stridewell   Global       218.4e6  USD   2024
    a.md   21    market_size  exoskeleton  Global       1.46e9   USD   2024
    a.md   21    share        stridewell   Global       15       %     2024
"""

from __future__ import annotations

import re

from .base import Rule
from .describe import amount, where
from .facts import Facts, overlaps
from ..numbers import format_amount


#: The share is of a market: "21% of the global market", "a 15% share of the exoskeleton market".
_MARKET_SHARE = re.compile(r"\bmarket\b", re.IGNORECASE)
#: Not a share of revenue: units shipped, volumes, or the company's own shares moving.
_NOT_REVENUE_SHARE = re.compile(r"\b(?:units?|shipments?|volumes?|by\s+volume|stock|shares\s+(?:rose|fell|closed|"
                                r"gained|dropped|jumped|slid))\b", re.IGNORECASE)


def _after(f) -> str:
    """The words right after a fact's figure in its quote."""
    quote, figure = str(f.row["quote"]), str(f.row["figure"])
    at = quote.find(figure)
    return quote[at + len(figure): at + len(figure) + 60] if at >= 0 else ""


class PartsCompanyShare(Rule):
    __doc__ = __doc__
    code = "RC406"
    name = "parts.company_share"
    severity = "warning"
    #: a company's share against another market's size in its document
    reach = "document"

    def check(self, facts: Facts):
        if not facts.company_shares:
            return
        rel = facts.bands.relative
        by_doc: dict[str, list] = {}
        for f in facts.all:
            if f.metric in ("market_size", "revenue") and f.year is not None:
                by_doc.setdefault(f.doc, []).append(f)
        for s in facts.company_shares:
            if s.year is None or not _MARKET_SHARE.search(_after(s)) or _NOT_REVENUE_SHARE.search(str(s.row["quote"])):
                continue  # only "… of the global market"; not a stock move, nor a share of units shipped
            here = [f for f in by_doc.get(s.doc, []) if f.year == s.year]
            markets = [f for f in here if f.metric == "market_size" and f.scope == "Global" and f.subject != s.subject
                       and f.row["era"] == s.row["era"]]
            revenues = [f for f in here if f.metric == "revenue" and f.subject == s.subject
                        and f.row.get("entity_type") == "company" and f.scope_type in ("global", "segment")]
            if len({(m.subject, m.value) for m in markets}) != 1 or not revenues:
                continue
            market = markets[0]
            revenues = [r for r in revenues if r.unit == market.unit]
            if not revenues:
                continue
            implied = (s.lo / 100 * market.lo, s.hi / 100 * market.hi)
            if any(overlaps(implied, (r.lo, r.hi), relative=rel) for r in revenues):
                continue
            yield self._finding(s, market, revenues)

    def _finding(self, s, market, revenues):
        product = s.value / 100 * market.value
        revenues = sorted(revenues, key=lambda r: (r.scope != "Global", -r.value))
        said = []
        for r in revenues[:3]:
            whose = "its revenue" if r.scope == "Global" else f"{r.scope} revenue"
            said.append(f"{whose} {amount(r)} ({where(r)}) is {100 * r.value / market.value:.1f}%")
        lo = min(100 * r.value / market.value for r in revenues)
        hi = max(100 * r.value / market.value for r in revenues)
        expected = f"{lo:.1f}%" if abs(hi - lo) < 0.05 else f"{lo:.1f}%–{hi:.1f}%"
        message = (f"{s.row['entity'] or s.subject}'s share of the {market.subject} market ({s.year}): "
                   f"{amount(s)} ({where(s)}) of {amount(market)} ({where(market)}) is "
                   f"{format_amount(product, market.unit)}, but {'; '.join(said)} of the market")
        return self.finding(subject=s.subject, scope="Global", metric="share", message=message,
                            expected=expected, observed=amount(s),
                            claims=[s.cite("share"), market.cite("total")] + [r.cite("part value") for r in revenues[:3]])
