"""A sub-region or country larger than the region that contains it.

Within one document, for one subject, metric (share or value), year and unit: a part
whose region table parent (or grandparent) is also given must not exceed it -- "the US
holds 45%" and "North America holds 40%" cannot both be true. Rounding, qualifiers and
the relative tolerance are allowed for.

Contradiction
-------------
    doc    line  metric  scope          value  unit  year
    a.md   4     share   North America  40     %     2024
    a.md   5     share   United States  45     %     2024
    -> United States 45% is more than North America 40%, which contains it

Consistent
----------
    doc    line  metric  scope          value  unit  year
    a.md   4     share   North America  40     %     2024
    a.md   5     share   United States  34     %     2024
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, where
from .facts import Facts
from .parts import regional_lists


class PartsSubregionExceeds(Rule):
    __doc__ = __doc__
    code = "RC404"
    name = "parts.subregion_exceeds"
    severity = "warning"

    def check(self, facts: Facts):
        regions = self.ctx.regions
        rel = facts.bands.relative
        for (doc, subject, metric, year, unit), by_scope in regional_lists(facts):
            for name, part in sorted(by_scope.items()):
                for ancestor in regions.ancestors(name):
                    whole = by_scope.get(ancestor)
                    if whole is None or part.lo <= whole.hi * (1 + rel):
                        continue
                    when = f" ({year})" if year is not None else ""
                    message = (f"{subject}{when}: {name} {amount(part)} ({where(part)}) is more than "
                               f"{ancestor} {amount(whole)} ({where(whole)}), which contains it")
                    yield self.finding(subject=subject, scope=name, metric=metric, message=message,
                                       expected=f"at most {amount(whole)} ({ancestor})",
                                       observed=f"{amount(part)} ({name})",
                                       claims=[whole.cite("containing region"), part.cite("sub-region")])
