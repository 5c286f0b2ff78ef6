"""Two values for the same subject, scope, metric and year that cannot both be right.

Applies to market sizes, revenues and shares (``metrics``). Each figure is an interval
(rounding, "approximately" band, "over"/"under"), widened by the relative tolerance; the
claims conflict when the intervals do not meet. A share stated with no year (``undated``
metrics) is compared with another document's shares for any year and conflicts only when
it matches none of them. Values in different currencies are never compared here.

Contradiction
-------------
    doc    line  metric  scope   value  unit  year
    a.md   35    share   Europe  28.72  %     2024
    b.md   70    share   Europe  25     %
    -> Europe share: 28.72% (2024, a.md:35) vs 25% (no year stated, b.md:70)

Consistent
----------
    doc    line  metric  scope          value  unit  qualifier  year
    a.md   34    share   North America  44.96  %     exact      2024
    b.md   70    share   North America  45     %     approx
"""

from __future__ import annotations

from itertools import combinations

from .base import Rule
from .describe import amount, scope_label, when, where
from .facts import Facts, overlaps
from ..numbers import format_amount


def gap_text(a, b) -> str:
    """How far apart two figures are as stated (their interval gap when one is open-ended)."""
    if {a.row["qualifier"], b.row["qualifier"]} <= {"exact", "approx"}:
        gap = abs(a.value - b.value)
    else:
        gap = max(a.lo - b.hi, b.lo - a.hi)
    unit = "percentage_point" if a.unit == "percent" else a.unit
    return format_amount(gap, unit)


class ValueConflict(Rule):
    __doc__ = __doc__
    code = "RC201"
    name = "value.conflict"
    severity = "warning"

    def _finding(self, subject, scope, metric, a, b):
        label = scope_label(subject, scope)
        message = (f"{label} {metric.replace('_', ' ')}: {amount(a)} ({when(a)}, {where(a)}) vs "
                   f"{amount(b)} ({when(b)}, {where(b)}); {gap_text(a, b)} apart, more than "
                   f"rounding, qualifiers and the {self.ctx.bands.relative:.0%} tolerance allow")
        return self.finding(subject=subject, scope=scope, metric=metric, message=message,
                            expected=f"{amount(a)} ({a.doc})", observed=f"{amount(b)} ({b.doc})",
                            claims=[a.cite("value"), b.cite("value")])

    def check(self, facts: Facts):
        rel = facts.bands.relative
        undated_metrics = set(self.options["undated_metrics"])
        metrics = tuple(self.options["metrics"])
        for (subject, scope, metric), group in facts.groups("subject", "scope", "metric", metric=metrics).items():
            dated: dict[tuple, list] = {}
            for f in group:
                if f.year is not None:
                    dated.setdefault((f.year, f.unit), []).append(f)
            for _, same in sorted(dated.items()):
                for a, b in combinations(same, 2):
                    if not overlaps((a.lo, a.hi), (b.lo, b.hi), relative=rel):
                        yield self._finding(subject, scope, metric, a, b)
            if metric not in undated_metrics:
                continue
            yield from self._undated(subject, scope, metric, group, rel)

    def _undated(self, subject, scope, metric, group, rel):
        """An undated figure vs each other document: a conflict only if it fits none of its values."""
        for a in (f for f in group if f.year is None):
            others: dict[str, list] = {}
            for f in group:
                # undated vs undated is compared once, from the first document's side
                if f.doc != a.doc and f.unit == a.unit and (f.year is not None or f.doc > a.doc):
                    others.setdefault(f.doc, []).append(f)
            for doc, candidates in sorted(others.items()):
                if any(overlaps((a.lo, a.hi), (f.lo, f.hi), relative=rel) for f in candidates):
                    continue
                nearest = min(candidates, key=lambda f: (abs(f.value - a.value), f.year or 0))
                first, second = (nearest, a) if nearest.doc < a.doc else (a, nearest)
                yield self._finding(subject, scope, metric, first, second)
