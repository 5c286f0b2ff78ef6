"""Documents' figures set against the reference facts (``Facts.reference``).

A document's figure is compared with a reference fact when both are about the same
company (names compared by :func:`reconcile.reference.entity_key`; a document's short name
"Abbott" is the one reference name adding only company-name words to it, "Abbott
Laboratories", as ``normalize.canonical_companies`` merges names), the same measure, unit
(after ``rates.toml``), year and calendar (a fiscal year ending in June is not the
calendar year). Only a company's whole figure takes part: a market document's figure for
a named company ("Pfizer reported revenue of $81.3 billion") or a company document's
global one, never a segment's, a forecast, a quarter or an undated figure; and only when the
words right before the measure's name say it is the whole company's ("reported a revenue
of", "total revenues"), not a part's ("diagnostics revenue", "U.S. sales": see
:class:`Wording`).

Rule RC701 reports the figures no same-period reference allows; ``check`` marks those one
allows as corroborated (the ``corroborated_by`` column).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..normalize import canonical_companies
from ..reference import entity_key
from ..textmatch import phrase_pattern
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


#: How far before a figure (characters) the name of its measure is looked for.
MEASURE_REACH = 80
_YEAR = re.compile(r"^(?:fy|cy)?'?\d{2,4}$")


@dataclass(frozen=True)
class Wording:
    """What says that a document's figure is the company's whole figure: the measures' names
    (``cues`` in measures.toml) and the words that may stand right before them."""

    cues: dict
    before: frozenset

    @classmethod
    def from_settings(cls, measures: dict, reference: dict) -> "Wording":
        cues = {name: phrase_pattern(spec.get("cues", [])) for name, spec in measures.get("measures", {}).items()}
        before = reference.get("documents", {}).get("before_measure", [])
        return cls(cues=cues, before=frozenset(w.lower() for w in before))

    def whole(self, f: Fact) -> bool:
        """Whether the measure named last before the figure is the company's whole ("Pfizer
        reported a revenue of", "Revenue for fiscal 2024 was"), not a part of it ("diagnostics
        revenue", "U.S. sales"); a figure with no measure named before it is not known to be whole."""
        pattern = self.cues.get(f.measure)
        quote, figure = str(f.row.get("quote") or ""), str(f.row.get("figure") or "")
        at = quote.find(figure)
        if pattern is None or at < 0:
            return False
        left = quote[max(0, at - MEASURE_REACH):at]
        named = list(pattern.finditer(left))
        if not named:
            return False
        words = re.sub(r"[^\w'’.:;!?\-|]+", " ", left[:named[-1].start()]).split()
        if not words or words[-1] == "|":  # the sentence, or a table row, starts with it
            return True
        last = words[-1]
        if last[-1] in ".:;!?" and "." not in last[:-1]:  # a sentence ends there ("U.S." does not)
            return True
        word = last.lower().strip(".'’")
        return word in self.before or bool(_YEAR.match(word)) or word.endswith(("'s", "’s"))


def _company_figure(f: Fact, wording: Wording) -> bool:
    row = f.row
    if row.get("entity_type") != "company" or not row.get("entity") or f.year is None:
        return False
    if row.get("era") == "forecast" or row.get("quarter") is not None or row.get("month") is not None:
        return False
    return (row.get("scope_type") == "company" or f.scope == "Global") and wording.whole(f)


def comparisons(facts: Facts, *, relative: float, wording: Wording, legal_suffixes=(),
                company_words=()) -> list[Comparison]:
    """Every document figure with a reference fact for its company, measure, unit and year."""
    if not facts.reference:
        return []
    index: dict[tuple, list[Fact]] = defaultdict(list)
    for r in facts.reference:
        index[(r.subject, r.measure, r.unit)].append(r)
    names = {r.subject for r in facts.reference}
    candidates = [f for f in facts.all if _company_figure(f, wording)]
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
