"""A country listed under a region that does not contain it.

A document's regional lists ("Middle East & Africa: Turkey, Saudi Arabia, UAE") say which
countries each region's figures cover. A country under a region that does not hold it
(South Korea under Middle East & Africa) is a slip in the list, and the figures of both
regions are then in doubt. Which region holds a country is ``countries.toml`` (its world
areas; a country reports place in two areas, like Turkey or Mexico, fits either); a region's
areas are its ``covers`` in ``regions.toml``. An item running two countries together
("Argentina Korea") lists both. The finding names every list the country is under, so a
country under a wrong region and its right one is one finding, and the region that holds it.
A list most of whose countries are outside its region ("Europe: United States, China,
Canada" as export destinations) is no list of the region's members and is not judged.

Contradiction
-------------
    doc    line  metric       statement     dimension              scope        figure
    a.md   43    qualitative  listed_under  Asia Pacific           South Korea  South Korea
    a.md   62    qualitative  listed_under  Middle East & Africa   Turkey       Turkey
    a.md   63    qualitative  listed_under  Middle East & Africa   Saudi Arabia Saudi Arabia
    a.md   66    qualitative  listed_under  Middle East & Africa   South Korea  Korea
    -> South Korea is listed under Middle East & Africa ("Korea", a.md:66), which does not
       contain it. South Korea is in Asia Pacific, where the document also lists it (a.md:43)

Consistent
----------
    doc    line  metric       statement     dimension              scope        figure
    a.md   43    qualitative  listed_under  Asia Pacific           South Korea  South Korea
    a.md   62    qualitative  listed_under  Middle East & Africa   Turkey       Turkey
"""

from __future__ import annotations

from .base import Rule
from .facts import Facts
from .geography import Listing, distinct, outside, regional_lists


class GeographyWrongRegion(Rule):
    __doc__ = __doc__
    code = "RC601"
    name = "geography.wrong_region"
    severity = "warning"
    #: a document's regional lists, whatever markets their items are read under
    reach = "document"

    def check(self, facts: Facts):
        countries, regions = self.ctx.countries, self.ctx.regions
        for doc_lists in regional_lists(facts, countries, regions):
            for listings in doc_lists.by_country:
                wrong = [l for l in listings if outside(l, regions)]
                if wrong:
                    yield self._finding(wrong, [l for l in listings if l not in wrong])

    def _finding(self, wrong: list[Listing], right: list[Listing]):
        countries = self.ctx.countries
        country = wrong[0].country
        name = country.name
        wrong_once, right_once = distinct(wrong), distinct(right)
        under = (" and under " if len(wrong_once) == 2 else "; under ").join(l.describe(n) for l, n in wrong_once)
        regions = {l.region for l in wrong}
        verb = "which does not contain" if len(regions) == 1 else "neither of which contains" if len(regions) == 2 \
            else "none of which contains"
        home = sorted({l.region for l in right})
        expected = " or ".join(home) if home else countries.area_label(country.areas)
        message = f"{name} is listed under {under}, {verb} it: {wrong_once[-1][0].spelling} is in {expected}"
        if right:
            message += f", where the document also lists it ({'; '.join(l.item(n) for l, n in right_once)})"
        focus = wrong[0].first
        cited = [(f, "listed under a region that does not contain it") for l, _ in wrong_once for f in l.facts]
        cited += [(f, "listed under its region") for l, _ in right_once for f in l.facts]
        seen, claims = set(), []
        for f, role in cited:
            if id(f) not in seen:  # an item running two countries together may be cited for both
                seen.add(id(f))
                claims.append(f.cite(role))
        return self.finding(subject=focus.subject, scope=name, metric=focus.metric, message=message,
                            expected=f"{name} under {expected}",
                            observed=f"{name} under {', '.join(sorted({l.region for l in wrong}))}",
                            focus=focus, claims=claims)
