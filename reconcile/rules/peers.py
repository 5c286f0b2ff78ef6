"""What a qualitative claim is checked against: the document's figures for the region or
segment it names and for that scope's peers (the other regions, or the other segments of
the same dimension), and the growth those figures imply. Shared by the words rules."""

from __future__ import annotations

from collections import defaultdict

from .facts import Fact, Facts
from .growth import implied_cagr

#: Metrics that rank a scope by size: its share of the market or its value.
SIZE_METRICS = ("share", "market_size", "revenue")


def _by_doc(facts: Facts) -> dict[tuple, list[Fact]]:
    out: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts.all:
        out[(f.doc, f.subject)].append(f)
    return out


def other_documents(facts: Facts, word: Fact) -> list[str]:
    """The other documents (near-duplicate copies left out) with figures for ``word``'s subject."""
    by_doc = facts.memo("peers.by_doc", lambda: _by_doc(facts))
    return sorted(d for d, subject in by_doc if subject == word.subject and d != word.doc)


def scoped_facts(facts: Facts, word: Fact, regions, *, doc: str | None = None) -> list[Fact]:
    """The document's facts (same subject) about ``word``'s scope and its peers: regions of
    the same type that neither contain nor sit inside it, or segments of the same dimension.
    "Global", "Rest of World" and "Others" are never peers. ``doc``: another document's."""
    doc = facts.memo("peers.by_doc", lambda: _by_doc(facts)).get((doc or word.doc, word.subject), [])
    named, kind = word.row["scope"], word.row["scope_type"]
    if kind in ("region", "country"):
        related = set(regions.ancestors(named))
        areas = regions.covers(named)
        return [f for f in doc if f.row["scope_type"] == kind and f.scope not in related
                and f.scope.lower() not in regions.rest_names and f.scope != "Rest of World"
                and named not in regions.ancestors(f.scope)
                and (f.scope == named or not (areas & regions.covers(f.scope)))  # not the Americas beside North America
                and regions.parent(f.scope) == regions.parent(named)]  # not Eastern Europe beside Asia Pacific
    # segments of one named breakdown (end use, product…): a bare "segment" may mix breakdowns
    dims = {f.row["dimension"] for f in doc if f.scope == named and f.row["scope_type"] == "segment"} - {"segment", ""}
    return [f for f in doc if f.row["scope_type"] == "segment" and f.row["dimension"] in dims
            and f.scope.lower() not in regions.rest_names and f.scope.lower() not in ("other", "others")]


def size_groups(scoped: list[Fact], named: str, year: int | None = None) -> list[list[Fact]]:
    """Comparable sets of sizes: one per metric, unit and year (same calendar), each with the
    named scope's figure and at least one peer's: actual (or estimated) years only, as the
    words speak of now; with ``year``, that year's, whatever their kind."""
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for f in scoped:
        if f.metric in SIZE_METRICS and f.year is not None and (year is None or f.year == year):
            groups[(f.metric, f.unit, f.year, f.row["calendar"])].append(f)
    out = []
    for key in sorted(groups, key=lambda k: (k[2], k[0], k[1], k[3])):
        members = groups[key]
        if year is None and any(f.row["era"] == "forecast" for f in members):
            continue  # words in the present tense: a forecast year's figures say nothing of them
        scopes = {f.scope for f in members}
        if named in scopes and len(scopes) >= 2:
            out.append(members)
    return out


def growth_rates(scoped: list[Fact], named: str) -> tuple[dict[str, tuple[float, list[Fact]]], str]:
    """Each scope's growth in % a year, with the figures it comes from, and how it was had.

    The CAGRs the document states over the one period most scopes share; failing that, the
    rate implied by two of a scope's own values (same metric, unit and calendar) over the
    pair of years most scopes share ("2024 → 2034"); only sets that include ``named`` and at
    least one peer. Returns ``({scope: (rate, facts)}, "2024→2034, from each one's own
    values")``, or ``({}, "")``."""
    stated: dict[tuple, dict[str, tuple[float, list[Fact]]]] = defaultdict(dict)
    for f in scoped:
        if f.metric == "cagr":
            stated[(f.period_start, f.period_end)].setdefault(f.scope, (f.value, [f]))
    stated = {k: v for k, v in stated.items() if named in v and len(v) >= 2}
    if stated:
        key = max(stated, key=lambda k: (len(stated[k]), str(k)))
        return stated[key], "the CAGRs it states"
    values: dict[tuple, dict[int, Fact]] = defaultdict(dict)
    for f in scoped:
        if f.metric in ("market_size", "revenue") and f.year is not None and f.value > 0:
            values[(f.scope, f.metric, f.unit, f.row["calendar"])].setdefault(f.year, f)
    pairs: dict[tuple, dict[str, tuple[float, list[Fact]]]] = defaultdict(dict)
    for (scope, metric, unit, cal), by_year in values.items():
        years = sorted(by_year)
        for i, y1 in enumerate(years):
            for y2 in years[i + 1:]:
                a, b = by_year[y1], by_year[y2]
                pairs[(metric, unit, cal, y1, y2)].setdefault(scope, (implied_cagr(a.value, b.value, y2 - y1) * 100, [a, b]))
    pairs = {k: v for k, v in pairs.items() if named in v and len(v) >= 2}
    if pairs:
        key = max(pairs, key=lambda k: (len(pairs[k]), k[4] - k[3], k[4], k[0], k[1], k[2]))
        return pairs[key], f"{key[3]}→{key[4]}, from each one's own values"
    return {}, ""
