"""Regional lists as the geography rules (RC60x) read them: the items of each list in a
document, and what each item names.

A list is a run of ``listed_under`` claims (see ``extract/lists.py``) of one document under
one region, on neighbouring lines. An item names a country (``scope_type`` "country"), or
it is no country: two countries run together ("Argentina Korea"), or a piece of a name
whose other piece is the next item ("Saudi", "Arabia"), or something else ("Others"). The
tail of a name written inverted ("Korea", "Republic of") makes one country with the item
before it, and no split name.

A list says which countries its region holds only when most of its countries are in that
region: "Europe: United States, United Kingdom, China, Canada" under "Top export destinations
for European producers" is another kind of list. Its countries are not judged against the
region (``membership``); when in doubt, no finding.
"""

from __future__ import annotations

from functools import cached_property

from dataclasses import dataclass, field

from ..countries import Country, CountryTable
from ..extract.lists import LISTED_UNDER
from ..regions import RegionTable
from .describe import where
from .facts import Fact, Facts

#: Items more than this many lines apart belong to different lists.
LIST_GAP_LINES = 3
#: How many neighbouring items may make one name ("United" "Arab" "Emirates").
JOIN_ITEMS = 3
#: A list with a country outside its region lists the region's members only if at least this
#: many of its countries are inside, and more than are outside.
MIN_INSIDE = 2


@dataclass
class Listing:
    """A country listed under a region: by an item of its own, or inside an item that is no country."""

    country: Country
    region: str
    facts: list[Fact]  # the item(s) naming it
    run_together: list[tuple[str, Country]] = field(default_factory=list)  # the names an item runs together, as written
    written: str = ""  # how the item names the country ("Korea"), when it is not the whole item

    @property
    def first(self) -> Fact:
        return self.facts[0]

    @property
    def spelling(self) -> str:
        """How the document writes the country here: ``Korea (South Korea)``, or its name."""
        written = self.written or " ".join(str(f.figure) for f in self.facts)
        return self.country.name if written == self.country.name else f"{written} ({self.country.name})"

    @property
    def key(self) -> tuple:
        """What the listing says, wherever it is: a list repeated in a document says it again."""
        return self.region, tuple(str(f.figure) for f in self.facts), self.written

    def item(self, repeats: int = 0) -> str:
        """``"Korea", a.md:66``: the item as written and where (``repeats``: how many more lists say it too)."""
        again = f", and {repeats} more {'list' if repeats == 1 else 'lists'}" if repeats else ""
        if self.run_together:
            names = " and ".join(w for w, _ in self.run_together)
            return f'in "{self.first.figure}", which runs {names} together, {where(self.first)}{again}'
        written = " + ".join(f'"{f.figure}"' for f in self.facts)
        return f"{written}, {where(self.first)}{again}"

    def describe(self, repeats: int = 0) -> str:
        """``Middle East & Africa ("Korea", a.md:66)``: the region, the item as written and where."""
        return f"{self.region} ({self.item(repeats)})"


def distinct(listings: list[Listing]) -> list[tuple[Listing, int]]:
    """Each different listing once, the first of its kind, with how many more times the document repeats it."""
    out: dict[tuple, list[Listing]] = {}
    for listing in listings:
        out.setdefault(listing.key, []).append(listing)
    return [(same[0], len(same) - 1) for same in out.values()]


@dataclass
class RegionalLists:
    """One document's regional lists: each list's items, and every country each lists."""

    doc: str
    lists: list[list[Fact]]
    listings: list[Listing]
    joins: list[Listing]  # names split over neighbouring items ("Saudi" + "Arabia")
    run_together: list[tuple[Fact, list[tuple[str, Country]]]]  # items that run countries together

    @cached_property
    def by_country(self) -> list[list[Listing]]:
        """The listings of each country, countries in the order the document first lists them."""
        out: dict[str, list[Listing]] = {}
        for listing in self.listings:
            out.setdefault(listing.country.code, []).append(listing)
        return list(out.values())


def regional_lists(facts: Facts, countries: CountryTable, regions: RegionTable) -> list[RegionalLists]:
    """Every document's regional lists, documents in order (computed once per run)."""
    return facts.memo(("geography.lists", id(countries), id(regions)), lambda: _read(facts, countries, regions))


def _read(facts: Facts, countries: CountryTable, regions: RegionTable) -> list[RegionalLists]:
    by_doc: dict[str, list[Fact]] = {}
    for f in facts.words:
        if f.row.get("statement") == LISTED_UNDER and f.row.get("dimension"):
            by_doc.setdefault(f.doc, []).append(f)
    out = []
    for doc in sorted(by_doc):
        items = sorted(by_doc[doc], key=lambda f: int(f.row["start"]))
        lists: list[list[Fact]] = []
        for f in items:
            last = lists[-1][-1] if lists else None
            if last is None or last.dimension != f.dimension or int(f.line) - int(last.line) > LIST_GAP_LINES:
                lists.append([f])
            else:
                lists[-1].append(f)
        out.append(_listings(doc, lists, countries, regions))
    return out


def _listings(doc: str, lists: list[list[Fact]], countries: CountryTable, regions: RegionTable) -> RegionalLists:
    listings, joins, run_together = [], [], []
    for items in lists:
        named: list[Listing] = []  # the countries this list names
        joined: set[int] = set()
        for i in range(len(items)):
            if i in joined:
                continue
            join = _join(items, i, countries)
            if join:
                country, n = join
                group = items[i : i + n]
                if n == 2 and countries.is_tail(_written(group[1])):  # "Korea", "Republic of": one name
                    named.append(Listing(country, items[i].dimension, group,
                                         written=", ".join(str(f.figure) for f in group)))
                else:
                    joins.append(Listing(country, items[i].dimension, group))
                    named.append(joins[-1])
                joined.update(range(i, i + n))
        for i, f in enumerate(items):
            if i in joined:
                continue
            country = countries.lookup(f.scope) if f.scope_type == "country" else None
            if country:
                named.append(Listing(country, f.dimension, [f]))
                continue
            parts = split_run_together(f.scope, countries)
            if parts:
                run_together.append((f, parts))
                named += [Listing(c, f.dimension, [f], run_together=parts, written=w) for w, c in parts]
        if membership(named, regions):
            listings += named
    listings.sort(key=lambda l: int(l.first.row["start"]))
    return RegionalLists(doc, lists, listings, joins, run_together)


def membership(named: list[Listing], regions: RegionTable) -> bool:
    """Whether a list's countries read as the members of its region: none outside it, or at
    least ``MIN_INSIDE`` inside and more inside than outside."""
    out = sum(outside(l, regions) for l in named)
    if not out:
        return True
    inside = sum(bool(region_areas(regions, l.region) & l.country.areas) for l in named)
    return inside >= MIN_INSIDE and inside > out


def _join(items: list[Fact], i: int, countries: CountryTable) -> tuple[Country, int] | None:
    """The country that items ``i``, ``i+1``… name together when one of them is no country alone."""
    for n in range(2, JOIN_ITEMS + 1):
        group = items[i : i + n]
        if len(group) < n:
            break
        if all(f.scope_type == "country" for f in group):
            continue
        country = countries.lookup(" ".join(_written(f) for f in group))
        if country:
            return country, n
    return None


def _written(f: Fact) -> str:
    """The item as the document names it (its scope when it is no country)."""
    return str(f.scope) if f.scope_type != "country" else str(f.figure)


def split_run_together(text: str, countries: CountryTable) -> list[tuple[str, Country]]:
    """``"Argentina Korea"`` -> [("Argentina", Argentina), ("Korea", South Korea)]: two or more
    country names written one after the other with nothing between them, each as written;
    [] when the words are not all such names."""
    words = text.split()
    if len(words) < 2:
        return []
    # best[i]: the fewest names making up words[:i], and those names
    best: list[list[tuple[str, Country]] | None] = [[]] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(max(0, end - 5), end):
            if best[start] is None:
                continue
            written = " ".join(words[start:end])
            country = countries.lookup(written)
            if country and (best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = best[start] + [(written, country)]
    found = best[-1]
    return found if found and len(found) >= 2 and len({c.code for _, c in found}) == len(found) else []


def region_areas(regions: RegionTable, name: str) -> frozenset[str]:
    """The world areas a region spans: its own ``covers``, else its nearest ancestor's; empty when unknown."""
    for r in [name, *regions.ancestors(name)]:
        covers = regions.covers(r)
        if covers:
            return covers
    return frozenset()


def outside(listing: Listing, regions: RegionTable) -> bool:
    """Whether a country is listed under a region that cannot hold it (both areas known, none shared)."""
    areas = region_areas(regions, listing.region)
    return bool(areas and listing.country.areas) and not areas & listing.country.areas
