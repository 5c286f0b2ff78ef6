"""CAGRs for one market over overlapping periods that cannot all hold: the odd one out named.

CAGRs of one subject and scope are clustered by period: periods that share at
least one year fall in one cluster (a period known at one end only counts as that end's
year). Within a cluster the consensus is the rate most documents allow; each document
outside it is one finding naming its rate as the odd one out, provided its period shares
at least ``min_overlap`` of the shorter period with a consensus rate. Without a consensus
the cluster is one "CAGR spread" finding. Within one document, rates that disagree are
one finding. A CAGR with no period at all is compared only when ``compare_undated`` is
true (off by default: an undated rate may be for any years or any segment). Two rates side
by side in one sentence contrast two things and are not compared. Two research firms' rates
(``attributed_to``) are each for the market as that firm defines it: they are compared only
when more than ``firm_spread_pp`` apart (a region's or a segment's rates, which depend on how
each firm splits the market: ``firm_spread_part_pp``), in one story quoting several firms too;
but one firm's rate as another document quotes it is compared with that firm's own as stated
(a story's 4.7% for a firm whose release says 7.0% is a misquote). Rates are intervals:
rounding, "over 11%" and ``tolerance_pp`` are allowed for, so 14.3% and "over 11%" agree.

Contradiction
-------------
    doc    line  metric  value  unit  period
    a.md   1     cagr    11.37  %     2025-2034
    b.md   2     cagr    14.3   %     2025-2032
    c.md   4     cagr    14.1   %     2024-2032
    -> a.md's 11.37% (2025–2034) is the odd one out: 2 sources agree on 14.1% to 14.3%

Consistent
----------
    doc    line  metric  value  unit  qualifier  period
    a.md   2     cagr    14.3   %     exact      2025-2032
    b.md   9     cagr    11     %     over       -2028
"""

from __future__ import annotations

from .base import Rule
from .consensus import Outcome, judge
from .describe import amount, difference, disagreement, scope_label, sources_text, span, undecided, when, where
from .facts import Facts
from .firms import other_firms
from ..extract.attribution import firm_keys


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


def _span_years(c) -> tuple[int, int]:
    start = c.period_start if c.period_start is not None else c.period_end - 1
    end = c.period_end if c.period_end is not None else c.period_start + 1
    return start, max(end, start + 1)


def period_clusters(cagrs: list, *, undated: bool) -> list[list]:
    """CAGRs in clusters of periods that share years (one sweep over the sorted periods)."""
    dated = sorted((c for c in cagrs if not _undated(c)), key=lambda c: (_span_years(c), c.doc, int(c.row["start"])))
    clusters: list[list] = []
    reach = None
    for c in dated:
        s, e = _span_years(c)
        if reach is None or s >= reach:
            clusters.append([])
            reach = e
        clusters[-1].append(c)
        reach = max(reach, e)
    loose = [c for c in cagrs if _undated(c)]
    if undated and loose:
        return [sorted([c for cl in clusters for c in cl] + loose, key=lambda c: (c.doc, int(c.row["start"])))]
    return clusters


class CagrConflict(Rule):
    __doc__ = __doc__
    code = "RC103"
    name = "cagr.conflict"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        self._firm_spread = float(self.options["firm_spread_pp"])
        self._firm_spread_part = float(self.options["firm_spread_part_pp"])
        self._overlap = dict(min_overlap=float(self.options["min_overlap"]),
                             compare_undated=bool(self.options["compare_undated"]))

        def interval(f):
            return (f.lo - tol, f.hi + tol)

        for (subject, scope, unit), cagrs in facts.groups("subject", "scope", "unit", metric="cagr").items():
            for cluster in period_clusters(cagrs, undated=self._overlap["compare_undated"]):
                named: set[int] = set()
                for o in judge(cluster, interval):
                    found = self._finding(subject, scope, o, facts.copies)
                    if found is not None:
                        named.update(id(f) for f in o.odd)
                        yield found
                yield from self._misquoted(subject, scope, cluster, interval, named, facts.copies)

    def _misquoted(self, subject, scope, cluster: list, interval, named: set, copies):
        """One firm's rate as another document quotes it ("Ardwell … projects a CAGR of 4.7%" in a
        story quoting three firms, 7.0% in Ardwell's own release): compared as stated, whatever
        the other firms' rates in the story (a story at odds with itself is no consensus)."""
        keys = firm_keys(f.row.get("attributed_to") or "" for f in cluster)
        by_firm: dict[str, list] = {}
        for f in cluster:
            if keys[f.row.get("attributed_to") or ""]:
                by_firm.setdefault(keys[f.row.get("attributed_to") or ""], []).append(f)
        for key in sorted(by_firm):
            quoted = by_firm[key]
            if len({f.doc for f in quoted}) < 2:
                continue
            for o in judge(quoted, interval):
                if o.kind == "within" or all(id(f) in named for f in o.odd):
                    continue
                found = self._finding(subject, scope, o, copies)
                if found is not None:
                    named.update(id(f) for f in o.odd)
                    found.message += f" (all attributed to {quoted[0].row['attributed_to']})"
                    yield found

    def _comparable(self, a, b) -> bool:
        if contrasted(a, b) or not overlapping(a, b, **self._overlap):
            return False
        # two research firms' rates, each for the market as that firm defines it: apart only
        # when further apart than their own spread
        if not other_firms([a], [b]):
            return True
        spread = self._firm_spread if a.scope == "Global" else self._firm_spread_part
        return max(a.lo - b.hi, b.lo - a.hi) > spread

    def _finding(self, subject, scope, o: Outcome, copies):
        label = f"{scope_label(subject, scope)} CAGR"
        odd = o.odd[0]
        if o.agree:
            agree = o.agree.nearest(odd, 6, accept=lambda f: self._comparable(odd, f))
            if not agree:
                return None
            docs = o.agree.docs
            who = (f"{sources_text(docs, copies)} agree on" if o.kind == "outlier"
                   else "the same document states")
            periods = sorted({when(f) for f in agree})
            message = (f"{label}: {where(odd)} states {amount(odd)} ({when(odd)}), the odd one out: {who} "
                       f"{span(o.agree)} over overlapping periods ({', '.join(periods)}); "
                       f"{difference(odd, agree[0])} from the nearest ({where(agree[0])})")
            expected = (f"{span(o.agree)} ({len(docs)} sources)" if o.kind == "outlier"
                        else f"{span(o.agree)} (the document's other rates)")
            return self.finding(subject=subject, scope=scope, metric="cagr", message=message,
                                expected=expected, observed=f"{amount(odd)} ({odd.doc})", focus=odd,
                                claims=[f.cite("outlier") for f in o.odd] + [f.cite("consensus") for f in agree])
        shown = sorted(o.odd, key=lambda f: (f.value, f.doc, int(f.row["start"])))[:50]
        if not any(self._comparable(a, b) and (a.hi < b.lo or b.hi < a.lo)
                   for i, a in enumerate(shown) for b in shown[i + 1:]):
            return None
        shown = shown[:8]
        docs = sorted({f.doc for f in shown})
        if len(shown) == 2:
            a, b = sorted(shown, key=lambda f: (f.doc, int(f.row["start"])))
            shared = shared_years(a, b)
            overlap = f"{shared} shared years" if shared else "periods not stated"
            tail = undecided(docs)
            message = (f"{label}: {amount(a)} ({when(a)}, {where(a)}) vs {amount(b)} ({when(b)}, {where(b)}): "
                       f"{overlap}, {difference(a, b)} apart{tail}")
        else:
            who = disagreement(docs, len(shown))
            message = (f"{label} spread: {who} {'; '.join(f'{amount(f)} ({when(f)}, {where(f)})' for f in shown)}; "
                       f"{difference(shown[0], shown[-1])} between the lowest and the highest")
        return self.finding(subject=subject, scope=scope, metric="cagr", message=message,
                            expected="one rate for overlapping periods",
                            observed=", ".join(amount(f) for f in shown), claims=[f.cite("CAGR") for f in shown])
