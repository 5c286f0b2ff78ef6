"""Two documents' values for one market that no stated growth rate can connect.

For the dated values of one subject, scope and metric (same currency), the document
stating the most years is the reference (unless its own figures fall while it states
positive growth: a trajectory that contradicts itself is no reference): its own figures
(or one figure and its stated CAGR) give a trajectory, and every other document is held
against it, so the rule is linear in documents. A value of the other document in a
year the reference does not state is an outlier when it is more than ``min_factor`` times
off that trajectory *and* the growth needed to reach it from the reference's nearest
value lies outside every CAGR stated for the market (widened by ``slack_pp``). A value
``magnitude_factor`` or more times off is called an order-of-magnitude clash. Two research
firms' estimates (each document's values attributed to one firm, ``attributed_to``) are held
to ``other_firm_factor`` instead: firms size a market, and its regions, their own way.
Same-year disagreements are RC201's business.

Contradiction
-------------
    doc    line  metric       value      unit  qualifier  year  period
    a.md   6     market_size  616.26e9   USD   exact      2025
    a.md   7     market_size  1094.83e9  USD   exact      2034
    a.md   8     cagr         11.37      %     exact            2025-2034
    b.md   6     market_size  3.5e12     USD   over       2027
    -> outlier: b.md's over USD 3.5T (2027) is 5× a.md's trajectory (about USD 700.2B
       in 2027); from ``magnitude_factor`` (10×) it is called an order-of-magnitude clash

Consistent
----------
    doc    line  metric       value      unit  qualifier  year  period
    a.md   6     market_size  616.26e9   USD   exact      2025
    a.md   7     market_size  1094.83e9  USD   exact      2034
    b.md   6     market_size  740e9      USD   approx     2027
"""

from __future__ import annotations

import math

from .base import Rule
from .firms import firm, other_firms
from .describe import amount, central, cited, scope_label, stated
from .facts import Facts
from .growth import VALUE_METRICS, falls_within, implied_cagr, interpolate, project
from ..numbers import format_amount, format_rate


def trajectory(points: list, cagrs: list) -> tuple[list[tuple[int, float]], float | None]:
    """A document's (year, value) path and its stated growth rate (fraction), if any."""
    path = sorted({(p.year, p.value) for p in points if p.value > 0})
    rates = sorted(c.value / 100.0 for c in cagrs)
    return path, (rates[len(rates) // 2] if rates else None)


def value_at(path: list[tuple[int, float]], rate: float | None, year: int) -> float:
    years = {y for y, _ in path}
    if len(years) >= 2:
        return interpolate(path, year)
    y0, v0 = path[0]
    return project(v0, rate, year - y0) if rate is not None else v0


def _rates_text(cagrs: list) -> str:
    """``the stated CAGRs are 6.5%, 7%``; many rates as their range."""
    if not cagrs:
        return "no CAGR is stated"
    shown = {amount(c): c.value for c in cagrs}
    if len(shown) <= 6:
        return f"the stated CAGRs are {', '.join(sorted(shown))}"
    ordered = sorted(shown, key=lambda k: (shown[k], k))
    return f"{len(shown)} different CAGRs are stated, from {ordered[0]} to {ordered[-1]}"


def _two_firms(ref: list, other: list) -> bool:
    """Whether each document's values are attributed to one research firm, and the firms differ."""
    return len({firm(f) for f in ref}) == 1 == len({firm(f) for f in other}) and other_firms(ref, other)


class TrajectoryOutlier(Rule):
    __doc__ = __doc__
    code = "RC302"
    name = "trajectory.outlier"
    severity = "warning"

    def check(self, facts: Facts):
        cagr_groups = facts.groups("subject", "scope", metric="cagr")
        for (subject, scope, metric), group in facts.groups("subject", "scope", "metric",
                                                            metric=VALUE_METRICS).items():
            cagrs = cagr_groups.get((subject, scope), [])
            by_doc = facts.by_doc([f for f in group if f.year is not None and f.value > 0])
            for unit in sorted({f.unit for fs in by_doc.values() for f in fs}):
                docs = {d: [p for p in fs if p.unit == unit] for d, fs in by_doc.items()}
                docs = {d: fs for d, fs in docs.items() if fs}
                ref_doc = self._reference(docs, cagrs)
                if ref_doc is None:
                    continue
                ref = docs[ref_doc]
                path, rate = trajectory(ref, [c for c in cagrs if c.doc == ref_doc])
                band = self._band(cagrs)
                rate_text = _rates_text(cagrs)
                for doc, other in sorted(docs.items()):
                    if doc == ref_doc:
                        continue
                    found = self._compare(ref, other, path, rate, band)
                    if found:
                        yield self._finding(subject, scope, metric, ref, found, rate_text)

    def _reference(self, docs: dict[str, list], cagrs: list) -> str | None:
        """The document whose trajectory the others are held against.

        Candidates are the ``reference_candidates`` documents stating the most years, leaving
        out any whose own figures fall while it states positive growth (a trajectory that
        contradicts itself is no reference). Of those, the one whose path the most other
        documents' values fit (within ``min_factor``) wins, so one document ten times off
        never becomes the yardstick for all the others. A few candidates per market keep the
        rule linear in documents."""
        growing = {c.doc for c in cagrs if c.lo > 0}
        stating = {c.doc for c in cagrs}
        ranked = sorted(docs, key=lambda d: (-len({p.year for p in docs[d]}), d))
        candidates = []
        for i, d in enumerate(ranked):
            if d in growing and falls_within(docs[d]):
                continue
            if candidates and len({p.year for p in docs[d]}) < 2 and d not in stating:
                continue  # one figure and no rate: no trajectory to hold others against
            candidates.append(d)
            if len(candidates) >= int(self.options["reference_candidates"]):
                break
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        factor = float(self.options["min_factor"])
        others = [p for d in sorted(docs) for p in docs[d]]

        def support(d: str) -> int:
            path, rate = trajectory(docs[d], [c for c in cagrs if c.doc == d])
            return sum(1 for p in others if p.doc != d
                       and value_at(path, rate, p.year) / factor <= p.value <= value_at(path, rate, p.year) * factor)

        return max(candidates, key=lambda d: (support(d), -ranked.index(d)))

    def _band(self, cagrs: list) -> tuple[float, float]:
        slack = float(self.options["slack_pp"]) / 100.0
        if not cagrs:
            lo, hi = self.options["growth_without_cagr"]
            return float(lo), float(hi)
        lows = [c.value / 100.0 for c in cagrs]
        return min(lows) - slack, max(lows) + slack

    def _compare(self, ref: list, other: list, path, rate, band) -> list[tuple]:
        """Outlying values of ``other`` against ``ref``'s trajectory: (fact, projected, needed rate, nearest)."""
        years = {y for y, _ in path}
        low, high = band
        factor = float(self.options["min_factor"])
        if _two_firms(ref, other):  # two research firms' estimates, each on its own base and definitions
            factor = max(factor, float(self.options["other_firm_factor"]))
        out = []
        for f in sorted(other, key=lambda f: (f.year, f.row["start"])):
            if f.year in years:
                continue
            lo_c, hi_c = central(f)
            projected = value_at(path, rate, f.year)
            nearest = min(ref, key=lambda p: (abs(p.year - f.year), p.year, p.row["start"]))
            off_high = math.isfinite(lo_c) and lo_c > projected * factor
            off_low = math.isfinite(hi_c) and hi_c * factor < projected
            if not (off_high or off_low):
                continue
            stated_value = lo_c if off_high else hi_c
            start, end = (nearest.value, stated_value) if nearest.year < f.year else (stated_value, nearest.value)
            needed = implied_cagr(start, end, abs(f.year - nearest.year))
            if low <= needed <= high:
                continue
            out.append((f, projected, needed, nearest))
        return out

    def _finding(self, subject, scope, metric, ref, found, rate_text):
        magnitude = float(self.options["magnitude_factor"])
        ratios = [max(central(f)[0], 0) / proj if central(f)[0] > proj else proj / central(f)[1]
                  for f, proj, _, _ in found]
        worst = max(range(len(found)), key=lambda i: (ratios[i], -i))
        f, projected, needed, nearest = found[worst]
        ref_doc, other_doc = ref[0].doc, f.doc
        path = sorted(ref, key=lambda p: (p.year, p.row["start"]))
        ends = [path[0], path[-1]] if len({p.year for p in path}) > 1 else [path[0]]
        ref_text = " → ".join(stated(p) for p in ends)
        above = central(f)[0] > projected
        relation = f"{ratios[worst]:.1f}× what" if above else f"only {100 / ratios[worst]:.0f}% of what"
        kind = "order-of-magnitude clash" if round(ratios[worst], 1) >= magnitude else "outlier"
        others = " and ".join(cited(g) for g, _, _, _ in found)
        message = (f"{kind}: {other_doc} gives {scope_label(subject, scope)} {others}; "
                   f"{amount(f)} in {f.year} is {relation} {ref_doc}'s own figures "
                   f"({ref_text}) give for {f.year}, about {format_amount(projected, f.unit)}. Going from "
                   f"{stated(nearest)} to {amount(f)} in {f.year} needs {format_rate(needed)} a year; "
                   f"{rate_text}")
        # the outlying figure first: SARIF and GitHub annotations point at the first claim
        claims = [f.cite("outlying value")] + [g.cite("outlying value") for g, _, _, _ in found if g is not f]
        claims += [p.cite("reference trajectory") for p in ends]
        if nearest not in ends:
            claims.append(nearest.cite("reference trajectory"))
        return self.finding(subject=subject, scope=scope, metric=metric, message=message,
                            expected=f"about {format_amount(projected, f.unit)} in {f.year} ({ref_doc})",
                            observed=f"{amount(f)} in {f.year} ({other_doc})", claims=claims, focus=f)
