"""Documents' figures set against the reference facts (``Facts.reference``).

A document's figure is compared with a reference fact when both are about the same
company (names compared by :func:`reconcile.reference.entity_key`; a document's short name
"Abbott" is the one reference name adding only company-name words to it, "Abbott
Laboratories", as ``normalize.canonical_companies`` merges names), the same measure, unit
(after ``rates.toml``), year and calendar (a fiscal year ending in June is not the
calendar year). Only a company's whole figure takes part: a market document's figure for
a named company ("Pfizer reported revenue of $81.3 billion") or a company document's
global one, never a segment's, a forecast, a quarter or an undated figure.

Rule RC701 reports the figures no same-period reference allows; ``check`` marks those one
allows as corroborated (the ``corroborated_by`` column).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..normalize import canonical_companies
from ..reference import entity_key
from .facts import Fact, Facts, overlaps


@dataclass
class Comparison:
    """A document's figure and the reference facts for its company, measure and unit."""

    fact: Fact
    #: the references for the same year and calendar
    same: list[Fact]
    #: the first of ``same`` the figure's interval meets, or None
    agrees: Fact | None
    #: references for other years the figure would fit, nearest in value first
    elsewhere: list[Fact]


def _company_figure(f: Fact) -> bool:
    row = f.row
    if row.get("entity_type") != "company" or not row.get("entity") or f.year is None:
        return False
    if row.get("era") == "forecast" or row.get("quarter") is not None or row.get("month") is not None:
        return False
    return row.get("scope_type") == "company" or f.scope == "Global"


def comparisons(facts: Facts, *, relative: float, legal_suffixes=(), company_words=()) -> list[Comparison]:
    """Every document figure with a reference fact for its company, measure, unit and year."""
    if not facts.reference:
        return []
    index: dict[tuple, list[Fact]] = defaultdict(list)
    for r in facts.reference:
        index[(r.subject, r.measure, r.unit)].append(r)
    names = {r.subject for r in facts.reference}
    candidates = [f for f in facts.all if _company_figure(f)]
    keys = {id(f): entity_key(f.row["entity"], legal_suffixes) for f in candidates}
    full = canonical_companies(names | set(keys.values()), list(company_words))
    out = []
    for f in candidates:
        key = keys[id(f)]
        refs = index.get((key if key in names else full.get(key, key), f.measure, f.unit), [])
        same = [r for r in refs if r.year == f.year and r.row["calendar"] == f.row["calendar"]]
        if not same:
            continue
        fits = {id(r) for r in refs if overlaps((f.lo, f.hi), (r.lo, r.hi), relative=relative)}
        agrees = next((r for r in same if id(r) in fits), None)
        this_year = {id(r) for r in same}
        elsewhere = sorted((r for r in refs if id(r) in fits and id(r) not in this_year),
                           key=lambda r: (abs(r.value - f.value), r.year))
        out.append(Comparison(f, same, agrees, elsewhere))
    return out


def corroborations(facts: Facts, **kwargs) -> dict[str, str]:
    """``{document claim id: the id of the reference fact it agrees with}`` (and its repeats)."""
    out = {}
    for c in comparisons(facts, **kwargs):
        if c.agrees is not None:
            for row in (c.fact.row, *c.fact.also):
                out[row["claim_id"]] = c.agrees.row["claim_id"]
    return out
