"""A stated change in percentage points that the two levels it connects do not support.

A rate's, margin's or share's change stated in points ("the load factor rose 1.5
percentage points to 81.5%", "operating margin expanded 70 bp to 24.6%", a table's
"| EBIT margin (%) | 7.8 | 7.2 | 0.7 pp |") is tied to the level it reached: in prose, the
percentage of the same measure that follows it in its sentence ("… to 81.5%") or that it
follows ("operating margin of 15.4%, up 120 basis points from 14.6%"); in a table
row, the row's own level for the change's period. The level a year before (the same
quarter, month or part of a year a year before) comes from the same document, for the same
measure and kind (a load factor is never compared with an unemployment rate: ``[rates]``
and ``[margins]`` in ``measures.toml``), subject, scope and accounting. The implied change is
``level - level a year before``; rounding of all three figures and ``tolerance_pp`` are
allowed for, and any earlier level of the document that gives the stated change clears it.
Quarter-on-quarter and month-on-month changes are not checked.

Contradiction
-------------
    doc    line  metric  measure  value  unit              year  quote
    a.md   3     other   rate     1.5    percentage_point  2024  The load factor rose 1.5 percentage points to 81.5%.
    a.md   3     other   rate     81.5   percent           2024  The load factor rose 1.5 percentage points to 81.5%.
    a.md   9     other   rate     81.0   percent           2023  | Load factor (%) | 81.0 |
    -> stated a change of 1.5 pp to 81.5% in 2024; 81.0% (2023) to 81.5% is 0.5 pp

Consistent
----------
    doc    line  metric  measure  value  unit              year  quote
    a.md   3     other   rate     0.5    percentage_point  2024  The load factor rose 0.5 percentage points to 81.5%.
    a.md   3     other   rate     81.5   percent           2024  The load factor rose 0.5 percentage points to 81.5%.
    a.md   9     other   rate     81.0   percent           2023  | Load factor (%) | 81.0 |
"""

from __future__ import annotations

import re

from .base import Rule
from .describe import amount, scope_label, when, where
from .facts import Facts
from .kinds import kind_before, kinds

_MEASURES = ("rate", "margin", "share")
#: Between a change in points and the level it reached: " to ", " y/y to ", ", reaching ".
_TO_LEVEL = re.compile(r"^\s*(?:y/y\s+|year[\s-]on[\s-]year\s+|on\s+the\s+year\s+)?,?\s*(?:to|reaching|at)\s+(?:an?\s+)?$",
                       re.IGNORECASE)


#: Between a level and its change in points: "15.4%, up ", "15.4%, an improvement of ".
_UP_FROM_LEVEL = re.compile(r"^\s*,?\s*(?:(?:up|down)(?:\s+by)?|an?\s+(?:increase|decrease|improvement|decline|"
                            r"expansion|contraction)\s+of)\s+$", re.IGNORECASE)


#: Between a level, the level it came from, and the change: " in October from 13.6% in September, a decrease of ".
_FROM_BASE_THEN_CHANGE = re.compile(r"^[^.;%\d]{0,30}?\bfrom\s+[\d.,]+\s*(?:%|per\s?cent\b)[^.;%\d]{0,30}?,?\s*(?:(?:up|down)(?:\s+by)?|"
                                    r"an?\s+(?:increase|decrease|improvement|decline|rise|fall|drop)\s+of)\s+$",
                                    re.IGNORECASE)


def _period_before(key: tuple, g) -> tuple:
    """``key`` for the month or quarter before ``g``'s (keys hold ``within_year`` at index 6)."""
    quarter, month, part = g.within_year
    if month:
        within = (quarter, month - 1 if month > 1 else 12, part)
    elif quarter:
        within = (quarter - 1 if quarter > 1 else 4, month, part)
    else:
        return key
    return key[:6] + (within,) + key[7:]


def _year_before_period(g) -> int | None:
    """The year of the month or quarter before ``g``'s (January's is December of the year before)."""
    quarter, month, _ = g.within_year
    wraps = month == 1 if month else quarter == 1
    return g.year - 1 if wraps else g.year


def _kind_name(f, known) -> str | None:
    """The kind of rate or margin the words before the figure name ("load factor"), or None."""
    kind = kind_before(f, known) if known else None
    return kind.name if kind else None


class PointsArithmetic(Rule):
    __doc__ = __doc__
    code = "RC106"
    name = "points.arithmetic"
    severity = "warning"

    def check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        known = {"rate": kinds(self.ctx.measures, "rates"), "margin": kinds(self.ctx.measures, "margins"), "share": []}
        levels: dict[tuple, list] = {}
        changes = []
        named: dict[tuple, str] = {}  # the kind the first figure of a sentence names, for the rest of it
        for f in sorted(facts.all + facts.periodic + facts.other_basis, key=lambda f: (f.doc, int(f.row["start"]))):
            if f.measure not in _MEASURES or f.year is None \
                    or f.row.get("basis") in ("qoq", "mom", "annualized") and f.unit != "percentage_point":
                continue  # a level measured on the month before (a change in points is on the level before)
            sentence = (f.doc, f.row["quote"], f.measure)
            kind = _kind_name(f, known[f.measure])
            if kind is not None:
                named.setdefault(sentence, kind)
            else:
                kind = named.get(sentence)  # "operating margin of 15.4%, up 120 basis points from 14.6%"
            key = (f.doc, f.subject, f.scope, f.measure, kind, f.row["calendar"],
                   f.within_year, f.row.get("accounting") or "reported")
            if f.unit == "percent":
                levels.setdefault(key, []).append(f)
            elif f.unit == "percentage_point":
                changes.append((key, f))
        for key, g in changes:
            before = [f for f in levels.get(key, []) if f.year == g.year - 1]
            # "annual input price inflation fell by 1.2 percentage points to 1.8% from 2.6% in
            # August": the level of the month (or quarter) before, named in its own sentence
            earlier = [f for f in levels.get(_period_before(key, g), []) if f.row["quote"] == g.row["quote"]
                       and f.year == _year_before_period(g)] \
                if g.row.get("month") is not None or g.row.get("quarter") is not None else []
            basis = g.row.get("basis")
            if basis in ("mom", "qoq"):
                before = earlier
            elif basis != "yoy" and (g.row.get("month") is not None or g.row.get("quarter") is not None):
                # a month's or quarter's change of no stated basis: on the level its own sentence
                # names ("up 120 basis points from 14.6%", "fell to 12.9% in October from 13.6% in
                # September, a decrease of 0.4 percentage points"), else it may be on either
                before = [b for b in before if b.row["quote"] == g.row["quote"]] or earlier
                if not before:
                    continue
            same_period = levels.get(key, [])
            level = self._level(g, [f for f in same_period if f.year == g.year])
            if level is None or not before:
                continue
            if any(self._fits(g, level, b, tol) for b in before):
                continue
            prior = min(before, key=lambda b: (abs(level.value - b.value - g.value), int(b.row["start"])))
            yield self._finding(g, level, prior)

    @staticmethod
    def _level(g, candidates):
        """The level the change reached: the next percentage in its sentence ("… to 81.5%"), or
        in a table row, the row's level for the change's period."""
        quote, figure = str(g.row["quote"]), str(g.row["figure"])
        at = quote.find(figure)
        if at < 0:
            return None
        for f in sorted(candidates, key=lambda f: int(f.row["start"])):
            if str(f.row["quote"]) != quote or f.doc != g.doc:
                continue
            if "|" in quote:
                return f  # a table row: its level of the change's period
            where_level = quote.find(str(f.row["figure"]), at + len(figure))
            if where_level >= 0 and _TO_LEVEL.match(quote[at + len(figure) : where_level]):
                return f
            before = quote.rfind(str(f.row["figure"]), 0, at)
            between = quote[before + len(str(f.row["figure"])) : at] if before >= 0 else ""
            if before >= 0 and (_UP_FROM_LEVEL.match(between) or _FROM_BASE_THEN_CHANGE.match(between)):
                # "operating margin of 15.4%, up 120 basis points from 14.6%", "fell to 12.9% in
                # October from 13.6% in September, a decrease of 0.4 percentage points"
                return f
        return None

    @staticmethod
    def _fits(g, level, before, tol: float) -> bool:
        """Whether the stated change meets ``level - before`` (each figure's rounding, and ``tol``)."""
        lo, hi = level.lo - before.hi, level.hi - before.lo
        return g.lo - tol <= hi and lo <= g.hi + tol

    def _finding(self, g, level, prior):
        implied = level.value - prior.value
        message = (f"{scope_label(g.subject, g.scope)}: stated a change of {amount(g)} to {amount(level)} in {when(g)} "
                   f"({where(g)}); {amount(prior)} ({when(prior)}, {where(prior)}) to {amount(level)} is "
                   f"{implied:+.1f} pp")
        return self.finding(subject=g.subject, scope=g.scope, metric="other", message=message,
                            expected=f"{implied:+.1f} pp (level minus the earlier level)", observed=f"{amount(g)} (stated)",
                            focus=g, claims=[g.cite("stated change"), level.cite("level"), prior.cite("level a year before")])
