"""A country listed as a peer of the region that contains it: the list is ambiguous.

Within one document, for one subject, metric, year and unit, regional figures are meant to
be parts of the whole. When a country stands next to the region that contains it ("North
America 35%, Europe 30%, Asia Pacific 20%, China 15%"), the reader cannot tell whether
China is inside Asia Pacific's 20% or next to it; the sum rules leave the country out
(they never sum it silently) and this note says so, once per list, so an editor can check
the wording. A note, not a contradiction; a region written as its countries' subtotal
("Total Europe" in a table) contains them by its own words.

Contradiction
-------------
    doc    line  metric  scope          value  unit  year
    a.md   70    share   Asia Pacific   20     %     2024
    a.md   70    share   China          15     %     2024
    a.md   70    share   Europe         30     %     2024
    -> China (15%) is listed next to Asia Pacific (20%), which contains it: inside it or beside it?

Consistent
----------
    doc    line  metric  scope          value  unit  year
    a.md   70    share   Asia Pacific   20     %     2024
    a.md   70    share   Europe         30     %     2024
"""

from __future__ import annotations

import re

from .base import Rule
from .describe import amount, where
from .facts import Facts
from .parts import regional_lists


def _subtotal(region) -> bool:
    """Whether a region's figure is written as the subtotal of its countries ("| Total Europe | 2.0 |")."""
    return bool(re.search(rf"\btotal\s+{re.escape(region.scope)}\b", str(region.row.get("quote") or ""), re.IGNORECASE))


class PartsRegionPeer(Rule):
    __doc__ = __doc__
    code = "RC405"
    name = "parts.region_peer"
    severity = "info"

    def check(self, facts: Facts):
        regions = self.ctx.regions
        for (doc, subject, metric, year, unit), by_scope in regional_lists(facts):
            pairs = [(by_scope[a], part) for name, part in sorted(by_scope.items())
                     for a in regions.ancestors(name)[:1] if a in by_scope and not _subtotal(by_scope[a])]
            if not pairs or len(by_scope) < 3:
                continue  # a region and one country inside it is a breakdown, not a list of peers
            when = f" ({year})" if year is not None else ""
            named = "; ".join(f"{p.scope} ({amount(p)}, {where(p)}) next to {w.scope} ({amount(w)}), which contains it"
                              for w, p in pairs)
            message = (f"{subject}{when}: {named}. Is it part of that figure or beside it? The sums of the "
                       f"regions leave it out")
            claims = []
            for w, p in pairs:
                claims += [p.cite("country or sub-region"), w.cite("containing region")]
            yield self.finding(subject=subject, scope=pairs[0][1].scope, metric=metric, message=message,
                               expected="regions that do not contain each other", focus=pairs[0][1],
                               observed="; ".join(f"{p.scope} beside {w.scope}" for w, p in pairs), claims=claims)
