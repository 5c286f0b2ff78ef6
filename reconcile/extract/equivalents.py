"""A part's share restated as an amount, or its amount as a share, right beside it.

"alginate films led the market with a 43.1% share in 2024 (USD 241.4 million)", "agar
formulations held 31.4%, or USD 175.8 million", "composites accounted for USD 142.8 million
(25.5%)", "a share of 44.2% in 2024, equal to roughly USD 4.18 billion": the second figure
says the first in other terms, so it is of the same part and the same year.
"""

from __future__ import annotations

import re

from .draft import Draft

#: What stands between a figure and the same figure in other terms: its own "share" and year,
#: then "(", ", or", "equal to", "equivalent to", "worth", "i.e.".
_BETWEEN = re.compile(
    r"^(?:\s+(?:market\s+)?share)?(?:\s+(?:in|for)\s+(?:fiscal\s+|FY\s?)?(?:19|20)\d{2})?"
    r"(?:\s*\(\s*|,?\s+or\s+|,?\s+(?:equal|equivalent)\s+to\s+|,?\s+worth\s+|,?\s+i\.e\.,?\s+)"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|approximately\s+)?$", re.IGNORECASE)


def share_amounts(text: str, drafts: list[Draft], is_money) -> None:
    """Give the figure that restates a part's share or amount the part and the year it lacks."""
    for a, b in zip(drafts, drafts[1:]):
        if a.dropped or b.dropped or a.scope_type == "global" \
                or b.scope_type != "global" and (b.scope, b.scope_type) != (a.scope, a.scope_type):
            continue
        share_first = a.q.unit == "percent" and a.measure == "share" and is_money(b.q.unit)
        amount_first = is_money(a.q.unit) and b.q.unit == "percent" and b.measure in ("share", "other")
        if not (share_first or amount_first) or not _BETWEEN.match(text[a.q.end : b.q.start]):
            continue
        if b.year is not None and b.year != a.year:
            continue
        b.scope, b.scope_type, b.dimension = a.scope, a.scope_type, a.dimension
        if amount_first:
            b.measure = b.metric = "share"
        if b.year is None and a.year is not None:
            b.year, b.kind = a.year, a.kind
