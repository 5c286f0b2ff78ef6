"""A list item that is no country: a name split over two items, or two names run together.

In a document's regional lists each item should name one country. An item that is no
country but makes one with the item after it ("Saudi", then "Arabia") splits a name, so
the list counts two places where there is one; an item made of two country names with
nothing between them ("Germany France") runs two together. Names and spellings are
pycountry's and ``countries.toml``'s; an item that names nothing known ("Others", "Rest of
Europe") is left alone. An item running together a country the region does not contain
("Argentina Korea" under Latin America) is reported by RC601, with the region it belongs to.

Contradiction
-------------
    doc    line  metric       statement     dimension              scope    figure
    a.md   62    qualitative  listed_under  Middle East & Africa   Turkey   Turkey
    a.md   63    qualitative  listed_under  Middle East & Africa   Saudi    Saudi
    a.md   64    qualitative  listed_under  Middle East & Africa   Arabia   Arabia
    -> "Saudi" (a.md:63) and "Arabia" (a.md:64) are two items of the Middle East & Africa
       list, but together they name one country, Saudi Arabia

Consistent
----------
    doc    line  metric       statement     dimension              scope         figure
    a.md   62    qualitative  listed_under  Middle East & Africa   Turkey        Turkey
    a.md   63    qualitative  listed_under  Middle East & Africa   Saudi Arabia  Saudi Arabia
"""

from __future__ import annotations

from .base import Rule
from .describe import where
from .facts import Facts
from .geography import Listing, outside, regional_lists


_COUNT = {2: "two", 3: "three", 4: "four", 5: "five"}


class GeographyListItem(Rule):
    __doc__ = __doc__
    code = "RC603"
    name = "geography.list_item"
    severity = "warning"
    #: a document's regional lists, whatever markets their items are read under
    reach = "document"

    def check(self, facts: Facts):
        countries, regions = self.ctx.countries, self.ctx.regions
        for doc_lists in regional_lists(facts, countries, regions):
            for join in doc_lists.joins:
                yield self._split(join)
            for f, parts in doc_lists.run_together:
                if any(outside(Listing(c, f.dimension, [f]), regions) for _, c in parts):
                    continue  # RC601's finding names the item and the region its stray country belongs to
                yield self._run_together(f, parts)

    def _split(self, join: Listing):
        items = join.facts
        written = " and ".join(f'"{f.figure}" ({where(f)})' for f in items)
        name = join.country.name
        message = (f"{written} are {_COUNT[len(items)]} items of the {join.region} list, but together they name one "
                   f"country, {name}")
        return self.finding(subject=items[0].subject, scope=name, metric=items[0].metric, message=message,
                            expected=f"one item: {name}", observed=", ".join(f'"{f.figure}"' for f in items),
                            focus=items[0], claims=[f.cite("part of a split name") for f in items])

    def _run_together(self, f, parts):
        names = " and ".join(w for w, _ in parts)
        message = (f'"{f.figure}" ({where(f)}) in the {f.dimension} list runs {_COUNT[len(parts)]} countries '
                   f"together: {names}, {_COUNT[len(parts)]} items written as one")
        return self.finding(subject=f.subject, scope=str(f.scope), metric=f.metric, message=message,
                            expected=f"{_COUNT[len(parts)]} items: {names}", observed=f'one item: "{f.figure}"',
                            focus=f, claims=[f.cite("countries run together")])
