"""A company's figure that the reference facts for its year do not allow.

Reference facts are figures a user trusts, each with its public source: rows of
``rules/reference/*.csv`` and SEC EDGAR companyfacts files in ``rules/reference/*.json``
(see README, "Reference facts"). A document's figure for a company is compared with the
reference facts for the same company, measure, unit, year and calendar (see
``references.py``); the document's figure is an interval as for every rule (rounding of
its last digit, "approximately" widened by ``[bands] approx``, "over"/"under" open on one
side), the reference is exact to its last digit, and ``[bands] relative`` is allowed on
top. A figure no same-period reference allows is one finding about it, naming the
reference, its source and the gap; when the figure fits the same company's and measure's
reference for another year, the message says so: the document may have taken the wrong
year's figure. Forecasts, quarters, segments and undated figures are not compared.

Contradiction
-------------
    doc                     line  source_type  scope   entity       measure  value     unit  qualifier  year
    a.md                    6     document     Pfizer  Pfizer       revenue  81.3e9    USD   exact      2022
    reference/companies.csv 4     reference    Global  Pfizer Inc.  revenue  100.33e9  USD   exact      2022
    reference/companies.csv 5     reference    Global  Pfizer Inc.  revenue  81.288e9  USD   exact      2021
    -> a.md:6 states USD 81.3B, USD 19.03B (19.0%) below the reference: USD 100.33B (…);
       USD 81.3B matches the 2021 figure (USD 81.29B, reference/companies.csv:5)

Consistent
----------
    doc                     line  source_type  scope   entity               measure  value     unit  qualifier  year
    a.md                    5     document     Abbott  Abbott               revenue  43.1e9    USD   approx     2022
    reference/companies.csv 6     reference    Global  Abbott Laboratories  revenue  43.653e9  USD   exact      2022
"""

from __future__ import annotations

from .base import Rule
from .describe import amount, difference, scope_label, when, where
from .facts import Facts
from .references import Comparison, reference_comparisons
from ..numbers import format_amount


def reference_amount(r) -> str:
    """A reference fact's value for people: ``USD 100.33B`` (its figure is written in full)."""
    return format_amount(r.value, r.unit)


def source_of(r) -> str:
    """``Pfizer Inc. Form 10-K for 2022; rules/reference/companies.csv:4``."""
    title = str(r.row.get("doc_title") or "")
    return f"{title}; {where(r)}" if title else where(r)


class ReferenceConflict(Rule):
    __doc__ = __doc__
    code = "RC701"
    name = "reference.conflict"
    severity = "warning"
    #: which company a figure is about is settled over every company name in the corpus
    reach = "corpus"

    def check(self, facts: Facts):
        yield from self.conflicts(reference_comparisons(facts, self.ctx.measures, self.ctx.reference,
                                                        self.ctx.company_words))

    def conflicts(self, found: list[Comparison]):
        """The findings of the comparisons of a corpus's figures with the reference facts."""
        measures = set(self.options["measures"])
        for c in found:
            if c.agrees is None and c.fact.measure in measures:
                yield self._finding(c)

    def _finding(self, c: Comparison):
        f = c.fact
        ref = min(c.same, key=lambda r: (abs(r.value - f.value), r.doc, int(r.row["line"])))
        share = abs(f.value - ref.value) / abs(ref.value) if ref.value else None
        side = "below" if f.value < ref.value else "above"
        gap = f"{difference(f, ref)}" + (f" ({share:.1%})" if share is not None else "") + f" {side} the reference"
        label = f"{scope_label(f.subject, f.scope)} {f.measure.replace('_', ' ')}"
        message = (f"{label} ({when(f)}): {where(f)} states {amount(f)}, {gap}: {reference_amount(ref)} "
                   f"({source_of(ref)})")
        claims = [f.cite("stated figure"), ref.cite("reference")]
        if c.elsewhere:
            other = c.elsewhere[0]
            message += (f"; {amount(f)} matches the {when(other)} figure ({reference_amount(other)}, "
                        f"{where(other)})")
            claims.append(other.cite(f"reference for {when(other)}"))
        return self.finding(subject=f.subject, scope=f.scope, metric=f.metric, message=message,
                            expected=f"{reference_amount(ref)} (reference: {source_of(ref)})",
                            observed=f"{amount(f)} ({f.doc})", focus=f, claims=claims)
