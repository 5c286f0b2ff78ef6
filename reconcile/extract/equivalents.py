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


#: Between a part's amount and the amount or rate its forecast goes on to: ", forecast to reach",
#: "and is projected to hit", " (CAGR", ", growing at a CAGR of". No other subject may open.
_GOES_ON = re.compile(
    r"^[^.;:$€£¥%]{0,40}?(?:\b(?:forecast|projected|expected|set|poised|anticipated|estimated)\s+to\s+"
    r"(?:reach|hit|touch|exceed|surpass|grow|rise|climb|expand|top)\b[^.;:$€£¥%]{0,25}"
    r"|\(\s*(?:a\s+)?CAGR(?:\s+of)?\s*:?\s*"
    r"|,?\s+(?:growing|expanding|rising|advancing)\s+at\s+(?:a\s+)?CAGR\s+of\s+)$", re.IGNORECASE)
_WHOLE_NAMED = re.compile(r"\b(?:market|industry|overall|total|global|worldwide)\b", re.IGNORECASE)


def part_trajectory(text: str, drafts: list[Draft], is_money) -> None:
    """ "Food & beverage processing was the largest end-use industry, with revenue of USD 1.42
    billion in 2024, forecast to reach USD 2.95 billion by 2030 (CAGR 15.7%)": the part's
    forecast and its rate, stated on from its amount, are the part's too."""
    part = None
    for d in drafts:
        if d.dropped:
            continue
        if d.scope_type in ("segment", "component") and is_money(d.q.unit):
            part = d
            continue
        if part is None or d.scope_type != "global" or d.explicit_global:
            part = None if d.scope_type != "global" else part
            continue
        between = text[prev_end(drafts, d) : d.q.start]
        same_kind = is_money(d.q.unit) and d.q.unit == part.q.unit or d.measure == "cagr"
        if not same_kind or not _GOES_ON.search(between) or _WHOLE_NAMED.search(between):
            part = None
            continue
        d.scope, d.scope_type, d.dimension = part.scope, part.scope_type, part.dimension


def prev_end(drafts: list[Draft], d: Draft) -> int:
    """Where the figure before ``d`` ends (its own start when it is the first)."""
    before = [p.q.end for p in drafts if p.q.end <= d.q.start]
    return max(before) if before else d.q.start
