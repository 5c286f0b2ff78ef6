"""Part sets for the parts-and-wholes rules: a document's regions or segments for one year.

A part set is every regional (or one dimension's segment) value a document gives for
one subject, metric, year and unit, with the document's total for the same. Undated shares
join the document's shares of its one dated year, when it dates them with one year only. Regions are
reduced to a disjoint set (a country is dropped when its region is also a part); a set
whose regions overlap in ways the region table cannot untangle is not used at all.
A set is *complete* when its regions cover every world area, or when it has a "rest of
world" / "Others" part. A quarter's or a month's parts form a set with that period's total
only. A segment named after the company itself ("Microsoft Cloud") groups figures across
its segments and is part of no set.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..regions import RegionTable
from .facts import Facts

_REGION_TYPES = ("region", "country")


@dataclass
class PartSet:
    doc: str
    subject: str
    metric: str
    year: int | None
    unit: str
    dimension: str
    parts: list
    total: object | None
    complete: bool
    period: str = ""  # a quarter's or a month's set: its period label ("Q3 2025"); else ""

    @property
    def low(self) -> float:
        return sum(p.lo for p in self.parts)

    @property
    def high(self) -> float:
        return sum(p.hi for p in self.parts)

    @property
    def central(self) -> float:
        return sum(p.value for p in self.parts)

    @property
    def label(self) -> str:
        """``region parts of widgets (2024)``."""
        year = f" ({self.period or self.year})" if self.year is not None else ""
        return f"{self.dimension.replace('_', ' ')} parts of {self.subject}{year}"


def _dimension(f) -> str | None:
    if not any(c.isalpha() for c in str(f.scope)):
        return None  # a rank or a row number ("1", "2.") names no part
    if f.scope_type in _REGION_TYPES or f.scope_type == "region_group":
        return "region"  # "Middle East & Africa and Latin America together held 12%": one part
    entity = str(f.row.get("entity") or "")
    if f.scope_type == "segment" and f.row.get("entity_type") == "company" and entity and \
            str(f.scope).split()[0].lower() == entity.split()[0].lower():
        return None  # "Microsoft Cloud" in Microsoft's release: a grouping across its segments, not one of them
    if f.scope_type in ("segment", "company"):
        dim = f.row.get("dimension")
        return dim if isinstance(dim, str) and dim else None
    return None


def disjoint_regions(parts: list, regions: RegionTable) -> list | None:
    """Parts with no ancestor among the others; None when their areas still overlap."""
    names = {n for p in parts for n in p.scope.split(" + ")}
    keep = [p for p in parts if not any(a in names for n in p.scope.split(" + ") for a in regions.ancestors(n))]
    seen: set = set()
    for p in keep:
        covers = frozenset().union(*(regions.covers(n) for n in p.scope.split(" + ")))
        if covers & seen:
            return None
        seen |= covers
    return keep


def is_complete(parts: list, dimension: str, regions: RegionTable) -> bool:
    labels = {p.scope.lower() for p in parts}
    if labels & regions.rest_names or "rest of world" in labels:
        # a "rest of the world" in running text completes only the list it closes (one sentence)
        if dimension != "region":
            return True  # a breakdown with an "Others" part
        rest = [p for p in parts if p.scope.lower() in regions.rest_names or p.scope.lower() == "rest of world"]
        quote = str(rest[0].row.get("quote") or "")
        return "|" in quote or all(str(p.row.get("quote") or "") == quote for p in parts)
    if dimension != "region" or not regions.areas:
        return False
    covered: set = set()
    for p in parts:
        covered |= regions.covers(p.scope)
    return covered == set(regions.areas)


def regional_lists(facts: Facts) -> list[tuple[tuple, dict]]:
    """Each document's regional figures per subject, metric, year and unit, as
    ``((doc, subject, metric, year, unit), {region or country: its first fact})``."""
    def compute():
        out = []
        for key, group in facts.groups("doc", "subject", "metric", "year", "unit",
                                       metric=("share", "market_size", "revenue")).items():
            by_scope: dict = {}
            for f in group:
                if f.scope_type in _REGION_TYPES:
                    by_scope.setdefault(f.scope, f)
            out.append((key, by_scope))
        return out
    return facts.memo("regional_lists", compute)


def part_sets(facts: Facts, regions: RegionTable, *, metrics: tuple) -> list[PartSet]:
    """Every document's part sets for the given metrics, in a stable order."""
    return facts.memo(("part_sets", metrics), lambda: _part_sets(facts, regions, metrics))


def _part_sets(facts: Facts, regions: RegionTable, metrics: tuple) -> list[PartSet]:
    totals: dict[tuple, object] = {}
    grouped: dict[tuple, dict] = {}
    share_years: dict[tuple, set] = {}
    for f in facts.all:
        if f.metric == "share" and f.year is not None and f.scope_type != "global":
            share_years.setdefault((f.doc, f.subject, f.unit), set()).add(f.year)
    for f in facts.all + facts.periodic:
        if f.metric not in metrics:
            continue
        year = f.year
        if year is None and f.metric == "share":
            # "North America held 41% in 2025. Europe followed with 35% …": a document that
            # dates its parts' shares with one year only dates the rest of them too
            years = share_years.get((f.doc, f.subject, f.unit), set())
            year = next(iter(years)) if len(years) == 1 else None
        # a quarter's, a month's or part of a year's parts sum to that period's total only
        period = (*f.within_year, f.row["calendar"])
        key = (f.doc, f.subject, f.metric, year, f.unit, period)
        if f.scope_type == "global":
            totals.setdefault(key, f)
            continue
        dim = _dimension(f)
        if dim is None:
            continue
        grouped.setdefault(key + (dim,), {}).setdefault(f.scope, f)  # first value per scope
        for again in f.also:
            # "Packaging accounted for 38.2%" in prose, then again in the table "by application":
            # the folded repeat names the breakdown the figure is a part of too
            other = again.get("dimension")
            if f.scope_type == "segment" and isinstance(other, str) and other and other not in (dim, "segment"):
                grouped.setdefault(key + (other,), {}).setdefault(f.scope, f)
    # every region a document names for a subject and metric, whatever the year: a set made
    # "complete" by a rest-of-world part is not, when the document names another region apart
    named: dict[tuple, set] = {}
    for (doc, subject, metric, *_rest), parts_by_scope in grouped.items():
        if _rest[-1] == "region":
            named.setdefault((doc, subject, metric), set()).update(parts_by_scope)
    out = []
    for key in sorted(grouped, key=lambda k: tuple(map(str, k))):
        dim = key[-1]
        clusters = _near(list(grouped[key].values())) if dim == "segment" else [list(grouped[key].values())]
        out.extend(_sets(key, dim, parts, totals, named, regions) for parts in clusters)
    return [ps for ps in out if ps is not None]


#: How many lines apart two parts of no named breakdown may stand and still be read as one set.
NEAR_LINES = 2


def _near(parts: list) -> list[list]:
    """Parts of no named breakdown ("segment"), split where NEAR_LINES or more lines separate
    them: a document's parts of one breakdown stand together (a sentence, a list, a table),
    and parts paragraphs apart may belong to two breakdowns ("teleconsultation 48.3%" by
    service, "companion animals 81.5%" by animal)."""
    ordered = sorted(parts, key=lambda f: (int(f.row["line"]), int(f.row["start"])))
    whole = _whole_sentences(ordered)
    out = [[ordered[0]]] if ordered else []
    for f in ordered[1:]:
        last = out[-1][-1]
        if int(f.row["line"]) - int(last.row["line"]) >= NEAR_LINES \
                or f.row["quote"] != last.row["quote"] and (last.row["quote"] in whole or f.row["quote"] in whole):
            out.append([])
        out[-1].append(f)
    return out


def _whole_sentences(parts: list) -> set:
    """The sentences whose shares already make a whole ("Wall panels accounted for 54.7% … and
    floor and roof panels for 45.3%"): each a breakdown of its own, not the start or the end of
    the next sentence's (one pass over the parts)."""
    sums: dict[str, list] = {}
    for p in parts:
        if p.unit == "percent":
            entry = sums.setdefault(p.row["quote"], [0, 0.0])
            entry[0] += 1
            entry[1] += p.value
    return {q for q, (n, total) in sums.items() if n >= 2 and 97.0 <= total <= 103.0}


def _sets(key, dim, parts, totals, named, regions):
    """The part set of one group of parts, or None when it is no set."""
    if dim == "region":
        parts = disjoint_regions(parts, regions)
        if parts is None:
            return None
    if len(parts) < 2:
        return None
    doc, subject, metric, year, unit, period = key[:6]
    label = str(parts[0].row.get("period_label") or "") if any(x for x in period[:3]) else ""
    complete = is_complete(parts, dim, regions)
    if complete and dim == "region":
        have = {p.scope for p in parts}
        others = named.get((doc, subject, metric), set()) - have
        if any(not (regions.covers(o) & set().union(*(regions.covers(h) for h in have))) and
               not any(a in have for a in regions.ancestors(o)) for o in others):
            complete = False  # Europe's share given elsewhere: this year's list is not the whole
    return PartSet(doc, subject, metric, year, unit, dim, parts, totals.get(key[:6]), complete, label)


def parts_text(ps: PartSet, describe) -> str:
    """``North America USD 259.93B + Europe USD 166.04B + ...``."""
    return " + ".join(f"{p.scope} {describe(p)}" for p in ps.parts)
