"""How a sentence's figures relate to each other, once each is read: a figure restated in
another unit ("38%, or about USD 1.08 billion in 2024"), a CAGR between the sentence's two
dated values, and "respectively" lists pairing figures with the names before them.
"""

from __future__ import annotations

import re

from .draft import Draft
from .vocabulary import Vocabulary

_RESTATED = re.compile(r"\s*,?\s*(?:or|i\.e\.|that\s+is|equal\s+to|equivalent\s+to|worth)\s+"
                       r"(?:about|around|roughly|some|nearly|almost|approximately|an\s+estimated\s+)?\s*$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespective(?:ly)?\b", re.IGNORECASE)


def restated_years(text: str, drafts: list[Draft]) -> None:
    """ "a share of 38%, or about USD 1.08 billion in 2024": a figure restated in another unit
    right after it shares that figure's year."""
    for a, b in zip(drafts, drafts[1:]):
        if (a.year is None and a.period_end is None and b.year is not None and not a.dropped and not b.dropped
                and _RESTATED.match(text, a.q.end, b.q.start)):
            for field in ("year", "quarter", "month", "half", "fiscal", "period_label", "time"):
                setattr(a, field, getattr(b, field))


def cagr_periods(drafts: list[Draft], *, company_doc: bool = False, is_money=None) -> None:
    """A CAGR with no start year takes its period from the sentence's dated values. Revenue
    that names no company, in a sentence with a CAGR, is the market's ("$78.43B in SaaS
    revenue … increasing to $132.57B in 2020, a CAGR of 9.14%"); so, in a market's document,
    are two dated amounts of no named measure ("infrastructure grows from USD 0.62 billion in
    2025 to USD 1.31 billion in 2030, a CAGR of 19.8%")."""
    if any(d.metric == "cagr" and not d.dropped for d in drafts):
        unnamed = [d for d in drafts if not d.dropped and d.measure == "other" and d.year and is_money
                   and is_money(d.q.unit)]
        if not company_doc and len({d.year for d in unnamed}) >= 2:
            for d in unnamed:
                d.measure = d.metric = "market_size"
        named = {d.revenue_of for d in drafts if d.unnamed_revenue and not d.dropped and d.revenue_of}
        only = next(iter(named)) if len(named) == 1 else ""
        for d in drafts:
            if d.unnamed_revenue and not d.dropped:
                d.measure = d.metric = "market_size"
                if d.revenue_of or only:
                    d.subject = d.revenue_of or only  # the market the revenue is of
        if only:
            for d in drafts:  # the sentence's rates are of that market too
                if d.metric == "cagr" and not d.dropped:
                    d.subject = only
    dated = [d for d in drafts if d.year and d.metric in ("market_size", "revenue") and not d.dropped]
    years = sorted({d.year for d in dated})
    for d in drafts:
        if d.dropped or d.metric != "cagr" or d.period_start is not None:
            continue
        if len(years) >= 2 and (d.period_end is None or d.period_end == years[-1]):
            d.period_start, d.period_end = years[0], years[-1]
        elif len(years) == 1 and d.period_end is None and any(x.time and x.time.is_end_only for x in dated):
            d.period_end = years[0]


def respectively(ex: Vocabulary, text: str, drafts: list[Draft], regions) -> None:
    """"North America and Europe … shares of 35% and 30%, respectively" pairs them in order."""
    live = [d for d in drafts if not d.dropped]
    if len(live) < 2 or not _RESPECTIVELY.search(text[live[0].q.start : live[-1].q.end + 40]):
        return
    named = [r for r in regions if r[1] <= live[0].q.start and not r[3] and r[2] != "Global"]
    for metric in {d.metric for d in live}:
        group = [d for d in live if d.metric == metric]
        if len(group) >= 2 and len(named) >= len(group):
            for d, (_, _, name, _) in zip(group, named[-len(group):]):
                d.scope, d.scope_type, d.dimension = name, ex.regions.type_of(name), "region"
