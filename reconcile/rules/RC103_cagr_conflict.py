"""Two CAGRs for the same subject and scope over overlapping periods that cannot both hold.

Periods overlap when they share at least ``min_overlap`` of the shorter one. A period
known only at one end is assumed to share the other's missing end; a CAGR with no period
at all is compared when ``compare_undated`` is true (market reports' CAGRs are almost
always for their forecast period). Two rates side by side in one sentence are taken to
contrast two things, not to contradict each other. Rates are intervals: rounding, "over 11%" and
``tolerance_pp`` are allowed for, so 14.3% and "over 11%" agree.

Contradiction
-------------
    doc    line  metric  value  unit  period
    a.md   1     cagr    11.37  %     2025-2034
    b.md   2     cagr    14.3   %     2025-2032
    -> 11.37% (2025–2034) vs 14.3% (2025–2032): 7 shared years, 2.93 points apart

Consistent
----------
    doc    line  metric  value  unit  qualifier  period
    a.md   2     cagr    14.3   %     exact      2025-2032
    b.md   9     cagr    11     %     over       -2028
"""

from __future__ import annotations

from itertools import combinations

from .base import Rule
from .describe import amount, scope_label, when, where
from .facts import Facts
from .RC201_value_conflict import gap_text


def _undated(f) -> bool:
    return f.period_start is None and f.period_end is None


def effective_periods(a, b) -> tuple[tuple, tuple] | None:
    """Both periods, each missing end taken from the other; None when still incomplete."""
    pa = (a.period_start if a.period_start is not None else b.period_start,
          a.period_end if a.period_end is not None else b.period_end)
    pb = (b.period_start if b.period_start is not None else a.period_start,
          b.period_end if b.period_end is not None else a.period_end)
    return None if None in pa + pb else (pa, pb)


def shared_years(a, b) -> int | None:
    """Years two CAGR periods share, or None when that cannot be told."""
    periods = None if _undated(a) or _undated(b) else effective_periods(a, b)
    if periods is None:
        return None
    (s1, e1), (s2, e2) = periods
    return min(e1, e2) - max(s1, s2)


def contrasted(a, b) -> bool:
    """Two rates side by side in one sentence contrast two things ("28% for A vs 10% for B")."""
    return a.doc == b.doc and a.row["line"] == b.row["line"] and abs(int(a.row["start"]) - int(b.row["start"])) < 200


def overlapping(a, b, *, min_overlap: float, compare_undated: bool) -> bool:
    """Whether two CAGRs speak about the same years, closely enough to be compared."""
    shared = shared_years(a, b)
    if shared is None:
        return compare_undated
    (s1, e1), (s2, e2) = effective_periods(a, b)
    shorter = max(min(e1 - s1, e2 - s2), 1)
    return shared > 0 and shared >= min_overlap * shorter


class CagrConflict(Rule):
    __doc__ = __doc__
    code = "RC103"
    name = "cagr.conflict"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        min_overlap = float(self.options["min_overlap"])
        undated = bool(self.options["compare_undated"])
        for (subject, scope), cagrs in facts.groups("subject", "scope", metric="cagr").items():
            for a, b in combinations(cagrs, 2):
                if a.unit != b.unit or contrasted(a, b) or not overlapping(a, b, min_overlap=min_overlap, compare_undated=undated):
                    continue
                if a.lo - tol <= b.hi + tol and b.lo - tol <= a.hi + tol:
                    continue
                gap = gap_text(a, b)
                shared = shared_years(a, b)
                overlap = f"{shared} shared years" if shared else "periods not stated, assumed the same"
                message = (f"{scope_label(subject, scope)}: {amount(a)} CAGR ({when(a)}, {where(a)}) vs {amount(b)} CAGR ({when(b)}, "
                           f"{where(b)}): {overlap}, {gap} apart")
                yield self.finding(
                    subject=subject, scope=scope, metric="cagr", message=message,
                    expected=f"{amount(a)} ({a.doc})", observed=f"{amount(b)} ({b.doc})",
                    claims=[a.cite("CAGR"), b.cite("CAGR")],
                )
