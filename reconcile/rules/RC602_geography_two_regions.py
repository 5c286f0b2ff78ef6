"""A country listed under two regions of one breakdown.

Regions in one document's breakdown do not share countries: if Turkey is listed under both
Europe and Middle East & Africa, the figures of both regions count it, or the reader cannot
tell which one does. Reported when each region may hold the country (Turkey is in Europe or
the Middle East in ``countries.toml``) and the two regions share no world area, so neither
is part of the other (Germany under Europe and Western Europe is no finding). A country
under a region that cannot hold it is RC601's finding, which names its other lists too.

Contradiction
-------------
    doc    line  metric       statement     dimension              scope    figure
    a.md   5     qualitative  listed_under  Europe                 Turkey   Turkey
    a.md   9     qualitative  listed_under  Middle East & Africa   Turkey   Turkey
    -> Turkey is listed under both Europe ("Turkey", a.md:5) and Middle East & Africa
       ("Turkey", a.md:9): regions of one breakdown should not share a country

Consistent
----------
    doc    line  metric       statement     dimension              scope    figure
    a.md   5     qualitative  listed_under  Europe                 Germany  Germany
    a.md   9     qualitative  listed_under  Middle East & Africa   Turkey   Turkey
"""

from __future__ import annotations

from .base import Rule
from .facts import Facts
from .geography import Listing, outside, region_areas, regional_lists


class GeographyTwoRegions(Rule):
    __doc__ = __doc__
    code = "RC602"
    name = "geography.two_regions"
    severity = "warning"
    #: a document's regional lists, whatever markets their items are read under
    reach = "document"

    def check(self, facts: Facts):
        countries, regions = self.ctx.countries, self.ctx.regions
        for doc_lists in regional_lists(facts, countries, regions):
            for listings in doc_lists.by_country:
                if any(outside(l, regions) for l in listings):
                    continue  # RC601's finding
                apart = self._apart(listings)
                if apart:
                    yield self._finding(*apart)

    def _apart(self, listings: list[Listing]) -> tuple[Listing, Listing] | None:
        """The first two listings under regions that share no world area."""
        regions = self.ctx.regions
        for i, a in enumerate(listings):
            for b in listings[i + 1:]:
                areas_a, areas_b = region_areas(regions, a.region), region_areas(regions, b.region)
                if areas_a and areas_b and not areas_a & areas_b:
                    return a, b
        return None

    def _finding(self, a: Listing, b: Listing):
        name = a.country.name
        message = (f"{name} is listed under both {a.describe()} and {b.describe()}: regions of one breakdown "
                   f"should not share a country, or both regions' figures count it")
        return self.finding(subject=a.first.subject, scope=name, metric=a.first.metric, message=message,
                            expected=f"{name} under one region", observed=f"{name} under {a.region} and {b.region}",
                            focus=b.first, claims=[b.first.cite("second listing"), a.first.cite("first listing")])
