"""A stated year-on-year growth rate that the two values it connects do not support.

A growth rate stated for year Y ("revenue rose 16% to $245.1 billion in fiscal 2024") is
tied to the value it sits next to: the figure in the same sentence, within 80 characters,
for the same subject, scope and year (``facts.GROWTH_REACH``). The value for year Y-1 of the same measure (same calendar: a fiscal year
is compared with the fiscal year before it) comes from the same document, or else from
another document (not when a research firm's rate meets another firm's values: each is its
own estimate). The implied growth is ``value(Y) / value(Y-1) - 1``; rounding of both
values, qualifiers and ``tolerance_pp`` are allowed for. A quarter's (or a month's, or part
of a year's) rate compares it with the same period a year before; a quarter-on-quarter or
month-on-month rate with the quarter or month before, from the rate's own document only (a
later release restates earlier quarters when segments change). Annualized and compound rates
are not checked here; adjusted (non-GAAP) rates are checked against adjusted values only. Two values
2.5x or more apart beside a rate under 100% are taken to be of different lengths of time
(a quarter against a year) and not compared.

When the sentence states the amount of change right before the value ("rose by 38,000 to
6,412,000, an increase of 0.9%"), that change and the value are what the rate connects:
the value before is the value less the change, and the rate must fit it within rounding and
``tolerance_pp``, but never more than a tenth of the rate itself.

A rate stated with both values it connects in its own sentence is checked against them whatever
their periods (none may be stated): "Europe reached USD 1.52 billion in 2025, up 9.4% from USD
1.47 billion" (level, rate, base), "rose 4.1% to A from B", "rose to A from B, a rise of 4.1%",
"from B to A, an increase of 4.1%", "rose 4.1% from B to A" — the words between the figures
decide which is the base; any other order is not read.

An index's stated change (year on year, quarter on quarter, month on month) is also checked
against the same document's index levels (unit ``index``) for the two periods it compares,
when each period has one level and both stand within 400 characters of the rate (``INDEX_REACH``)
("food prices rose by 2.2% on the year. The food index stood at 104.2, against 101.9 in
September 2024"): the rate must be ``later / earlier - 1`` within rounding and
``tolerance_pp``.

Contradiction
-------------
    doc    line  metric   measure  value     unit     year  quote
    a.md   4     revenue  revenue  245.1e9   USD      2024  Revenue rose 19% to $245.1 billion in 2024.
    a.md   4     growth   growth   19        percent  2024  Revenue rose 19% to $245.1 billion in 2024.
    a.md   9     revenue  revenue  211.9e9   USD      2023
    -> stated 19% growth in 2024; USD 211.9B (2023) → USD 245.1B (2024) is 15.67%

Consistent
----------
    doc    line  metric   measure  value     unit     year  quote
    a.md   4     revenue  revenue  245.1e9   USD      2024  Revenue rose 16% to $245.1 billion in 2024.
    a.md   4     growth   growth   16        percent  2024  Revenue rose 16% to $245.1 billion in 2024.
    a.md   9     revenue  revenue  211.9e9   USD      2023
"""

from __future__ import annotations

import bisect
import re

from .base import Rule
from .firms import other_firms
from .describe import amount, measure_label, scope_label, what_label, stated, value_text, when, where
from .facts import Facts, figure_at
from .kinds import kind_before, kinds
from ..extract.quantities import INDEX
from ..numbers import format_amount, format_rate

_CHECKED_BASIS = ("", "yoy")
#: How near (in characters) a stated change and the index levels it is checked against stand.
INDEX_REACH = 400


def _before(g, cur) -> tuple | None:
    """The period a stated rate compares its value with: the same period a year before
    (year on year), or the quarter or month before (quarter on quarter, month on month)."""
    basis = g.row.get("basis", "")
    quarter, month, part = cur.within_year
    if basis in _CHECKED_BASIS:
        return cur.within_year, g.year - 1
    if basis == "qoq" and quarter and not month and not part:
        return ((quarter - 1, None, "") if quarter > 1 else (4, None, "")), g.year if quarter > 1 else g.year - 1
    if basis == "mom" and month and not part:
        return ((None, month - 1, "") if month > 1 else (None, 12, "")), g.year if month > 1 else g.year - 1
    return None


def _implied(prev, cur) -> tuple[float, float]:
    """The growth (in percent) two value intervals allow."""
    lo = (cur.lo / prev.hi - 1) * 100 if prev.hi > 0 else float("-inf")
    hi = (cur.hi / prev.lo - 1) * 100 if prev.lo > 0 else float("inf")
    return lo, hi


#: Between a change and the level it reached: "by 38,000 over the quarter to 6,412,000".
_CHANGE_TO = re.compile(r"^[^,;]{0,25}?\bto\s+(?:a\s+loss\s+of\s+)?$", re.IGNORECASE)
#: Between the level and the rate it states: ", an increase of", " in fiscal 2026, up" — not a
#: new clause ("…, and net income increased 30%", "while volume grew 2%").
_LEVEL_TO_RATE = re.compile(r"^[^;]{0,40}$")
_NEW_CLAUSE = re.compile(r"\b(?:and|while|whereas|but|with|as|from|on|compared|versus|vs)\b|;", re.IGNORECASE)


def _text_between(a, b) -> str | None:
    """The words of one quote between two facts' figures (``a`` first), or None."""
    quote = str(a.row["quote"])
    start = quote.find(str(a.row["figure"]))
    end = quote.find(str(b.row["figure"]), start + 1)
    if start < 0 or end < 0:
        return None
    return quote[start + len(str(a.row["figure"])):end]


#: A level's own words before it: "rose to ", "reached ", "at ".
_REACHED = re.compile(r"\b(?:to|reached|at|of|was|were|totall?ed|hit|stood\s+at)\s+(?:about\s+|some\s+)?$", re.IGNORECASE)
#: A base's words before it: "from ", "compared with ", "vs. ".
_FROM = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:an?\s+)?(?:restated\s+)?$", re.IGNORECASE)
#: Words a level's year or period may add before the next figure: " in 2025", " in fiscal 2026".
_PERIOD = r"(?:\s+(?:in|for|at|on|during)\s+[^,;:$€£¥₹\d]{0,40}?(?:\d{1,2},?\s+)?(?:(?:19|20)\d{2})?)?"
#: Between a level and its rate: ", up ", " (+", ", an increase of ".
_LEVEL_RATE = re.compile(_PERIOD + r"\s*[,(]?\s*(?:up|down|rising|falling|an?\s+(?:increase|rise|gain|jump|growth|decline|decrease|drop|fall)"
                         r"\s+of|\+|-|−)\s*$", re.IGNORECASE)
#: Between a rate and its base: " from ", " on ", " compared with ".
_RATE_BASE = re.compile(r"^\s*(?:year[\s-]on[\s-]year\s+|y/y\s+)?(?:from|on|over|compared\s+(?:with|to)|versus|vs\.?)\s+"
                        r"(?:an?\s+)?(?:restated\s+)?$", re.IGNORECASE)
#: Between a level and its base: " from ", " in 2025, up from ", ", compared with ".
_LEVEL_BASE = re.compile(_PERIOD + r"\s*,?\s*(?:up\s+|down\s+)?(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+"
                         r"(?:an?\s+)?(?:restated\s+)?$", re.IGNORECASE)
#: Between a base and the level it rose to: " to ", " in 2024 to ".
_BASE_LEVEL = re.compile(_PERIOD + r"\s*,?\s+to\s+$", re.IGNORECASE)
#: Between a pair and the rate after it: ", a rise of ", " a year earlier, an increase of ".
_PAIR_RATE = re.compile(r"^(?:" + _PERIOD + r"|\s+a\s+year\s+(?:earlier|ago|before))?\s*[,(]\s*(?:an?\s+(?:increase|rise|gain|jump|"
                        r"growth|decline|decrease|drop|fall)\s+of|up|down|or)\s*$", re.IGNORECASE)


def _pair_of(g, levels: list) -> tuple | None:
    """The two levels a rate connects in its own sentence, ``(later, base)``, by the words
    between them, or None: "A, up X% from B"; "rose X% to A from B"; "rose to A from B, a rise
    of X%"; "from B to A, an increase of X%"; "rose X% from B to A"."""
    at = figure_at(g.row)
    before = [v for v in levels if figure_at(v.row) < at]
    after = [v for v in levels if figure_at(v.row) > at]

    def gap(a, b) -> str:
        return _text_between(a, b) or "\x00"

    def lead(v) -> str:
        quote, figure = str(v.row["quote"]), str(v.row["figure"])
        i = quote.find(figure)
        return quote[max(0, i - 30) : max(i, 0)]

    if before and after:
        a, b = before[-1], after[0]
        if a.unit == b.unit and re.fullmatch(_LEVEL_RATE, gap(a, g)) and _RATE_BASE.match(gap(g, b)):
            return a, b  # "USD 1.52 billion in 2025, up 9.4% from USD 1.47 billion"
        if a.unit == b.unit and _FROM.search(lead(a)) and re.fullmatch(r"\s+to\s+", gap(g, b)):
            return b, a  # "from B, up X% to A": rare, but the words say so
    if len(after) >= 2:
        a, b = after[0], after[1]
        if a.unit == b.unit and re.fullmatch(r"\s*(?:to|at)\s+", gap(g, a)) and re.fullmatch(_LEVEL_BASE, gap(a, b)):
            return a, b  # "rose 4.1% to A from B"
        if a.unit == b.unit and re.fullmatch(r"\s*from\s+", gap(g, a)) and re.fullmatch(_BASE_LEVEL, gap(a, b)):
            return b, a  # "rose 4.1% from B to A"
    if len(before) >= 2:
        a, b = before[-2], before[-1]
        if a.unit == b.unit and _PAIR_RATE.match(gap(b, g)):
            if _REACHED.search(lead(a)) and re.fullmatch(_LEVEL_BASE, gap(a, b)):
                return a, b  # "rose to A from B, a rise of X%"
            if _FROM.search(lead(a)) and re.fullmatch(_BASE_LEVEL, gap(a, b)):
                return b, a  # "from B to A, an increase of X%"
    return None


def _change_to(changes: dict, g, cur):
    """The amount of change stated right before a value in its sentence ("rose by $12.0 million
    to $150.0 million, an increase of 9.5%"), in its unit, when the rate is that sentence's
    own (right after the level, in the same clause), else None."""
    near = []
    for c in changes.get((cur.doc, cur.row["quote"]), ()):
        gap = _text_between(c, cur) if c.unit == cur.unit else None
        if gap is not None and _CHANGE_TO.match(gap):
            near.append(c)
    if not near:
        return None
    after = _text_between(cur, g)
    if after is None or not _LEVEL_TO_RATE.match(after) or _NEW_CLAUSE.search(after):
        return None
    return max(near, key=lambda c: figure_at(c.row))


def _change_fits(g, change, cur, tol: float) -> bool:
    """Whether a stated rate fits a value and the change that led to it: rounding allowed, and
    ``tolerance_pp`` but never more than a tenth of the rate (0.9% is not 0.6%)."""
    base_lo, base_hi = cur.lo - change.hi, cur.hi - change.lo
    if base_lo <= 0 or cur.lo <= 0:
        return True  # a level at or below zero, or before it: not checked
    lo, hi = (cur.lo / base_hi - 1) * 100, (cur.hi / base_lo - 1) * 100
    tol = min(tol, 0.1 * abs(g.value))
    return g.lo - tol <= hi and lo <= g.hi + tol


class GrowthArithmetic(Rule):
    __doc__ = __doc__
    code = "RC104"
    name = "growth.arithmetic"
    severity = "warning"

    def check(self, facts: Facts):
        yield from self._check(facts)
        # adjusted (non-GAAP) rates against adjusted values: "Underlying profit before tax | £98.4m
        # | £89.1m | +8.6%" is arithmetic too
        view = facts.on_basis("adjusted")
        if view.all or view.periodic:
            for f in self._check(view):
                f.message = f"(adjusted) {f.message}"
                yield f

    def _sentence_pairs(self, facts: Facts, tol: float, reported: set):
        """A rate stated with both values it connects in its own sentence ("Europe reached USD 1.52
        billion in 2025, up 9.4% from USD 1.47 billion", "revenue rose to USD 1,421 million from
        USD 1,318 million, a rise of 4.1%"): checked against them, whatever their periods say."""
        by_sentence: dict[tuple, list] = {}
        for f in facts.all + facts.periodic:
            by_sentence.setdefault((f.doc, f.row["quote"]), []).append(f)
        for group in by_sentence.values():
            rates = [g for g in group if g.metric == "growth" and g.unit == "percent" and id(g) not in reported
                     and g.row.get("basis", "") in _CHECKED_BASIS]
            if not rates:
                continue
            levels = sorted((v for v in group if v.unit not in ("percent", "percentage_point") and v.metric != "growth"
                             and not str(v.row.get("basis") or "").startswith("change")), key=lambda v: figure_at(v.row))
            for g in rates:
                pair = _pair_of(g, levels)
                if pair is None:
                    continue
                cur, prev = pair
                if prev.value > 0 and cur.value > 0 and not self._fits(g, prev, cur, tol) \
                        and not self._other_period(g, prev, cur):
                    reported.add(id(g))
                    yield self._finding(g, prev, cur)

    def _check(self, facts: Facts):
        tol = float(self.options["tolerance_pp"])
        values: dict[tuple, dict[int, list]] = {}
        for f in facts.all + facts.periodic:
            if f.year is None or f.metric in ("growth", "cagr", "share") or f.unit in ("percent", "percentage_point"):
                continue
            key = (f.subject, f.scope, f.measure, f.unit, f.row["calendar"], f.row["era"], f.within_year, f.year)
            values.setdefault(key, {}).setdefault(f.doc, []).append(f)
        yield from self._index_changes(facts, tol)
        index: dict[tuple, tuple] = {}
        changes: dict[tuple, list] = {}  # amounts of change ("rose by $12.0 million to …"), by sentence
        for f in facts.all + facts.periodic:
            if str(f.row.get("basis") or "").startswith("change"):
                changes.setdefault((f.doc, f.row["quote"]), []).append(f)
        reported: set[int] = set()
        for g in facts.all + facts.periodic:
            if g.metric != "growth" or g.target is None or g.year is None or g.unit != "percent":
                continue
            cur = g.target
            change = _change_to(changes, g, cur)
            if change is not None and g.row.get("basis", "") in _CHECKED_BASIS:
                # "rose by 38,000 to 6,412,000, an increase of 0.9%": the sentence's own arithmetic
                if not _change_fits(g, change, cur, tol):
                    yield self._change_finding(g, change, cur)
                continue
            before = _before(g, cur)
            if before is None:
                continue
            period, year = before
            key = (cur.subject, cur.scope, cur.measure, cur.unit, cur.row["calendar"], cur.row["era"], period, year)
            by_doc = values.get(key)
            if not by_doc:
                continue
            own = by_doc.get(g.doc)
            if own:
                if any(self._fits(g, p, cur, tol) for p in own) or any(self._other_period(g, p, cur) for p in own):
                    continue
                prev = min(own, key=lambda p: (abs(self._rate(p, cur) - g.value), int(p.row["start"])))
            elif any(period) or cur.within_year != period:
                continue  # a quarter's or a month's rate: only its own document's earlier value (restated segments)
            else:
                if any(other_firms([g], [p]) for ps in by_doc.values() for p in ps):
                    continue  # another research firm's earlier value is its own estimate, on its own base
                prev = self._unsupported_elsewhere(g, cur, key, by_doc, index, tol)
                if prev is None:
                    continue
            reported.add(id(g))
            yield self._finding(g, prev, cur)
        yield from self._sentence_pairs(facts, tol, reported)

    def _index_changes(self, facts: Facts, tol: float):
        """A stated change of an index (a price rise, an inflation rate, a volume change) against
        the document's own index levels for the two periods it compares ("the food index stood
        at 141.3 in March 2026, compared with 136.9 a year earlier")."""
        levels: dict[tuple, list] = {}
        for f in facts.all + facts.periodic:
            if f.unit == INDEX and f.year is not None:
                levels.setdefault((f.doc, f.subject, f.scope, f.within_year, f.year), []).append(f)
        if not levels:
            return
        rate_kinds = kinds(self.ctx.measures, "rates")
        for g in facts.all + facts.periodic:
            if g.unit != "percent" or g.year is None or g.row.get("basis") not in ("yoy", "qoq", "mom"):
                continue
            if g.metric != "growth" and g.measure != "rate":
                continue
            if g.measure == "rate":
                kind = kind_before(g, rate_kinds)
                if kind is not None and not kind.entry.get("change"):
                    continue  # an unemployment or interest rate is a level, not a change of an index
            now = levels.get((g.doc, g.subject, g.scope, g.within_year, g.year))
            before = _before(g, g)
            then = levels.get((g.doc, g.subject, g.scope) + before) if now and before else None
            if not then or len({f.value for f in now}) != 1 or len({f.value for f in then}) != 1:
                continue  # no level for one of the periods, or two different ones: nothing to tell
            cur, prev = now[0], then[0]
            at = figure_at(g.row)
            if any(abs(figure_at(f.row) - at) > INDEX_REACH for f in (cur, prev)):
                continue  # levels far from the rate may be of another part of the index
            if prev.value <= 0 or self._fits(g, prev, cur, tol):
                continue
            rate = self._rate(prev, cur) / 100
            message = (f"{scope_label(g.subject, g.scope)}: stated {amount(g)} change in {when(g)} ({where(g)}); "
                       f"the index went from {prev.row['figure']} ({when(prev)}, {where(prev)}) to "
                       f"{cur.row['figure']} ({when(cur)}, {where(cur)}), a change of {format_rate(rate)}. "
                       + (f"For {amount(g)}, the {when(prev)} level would have to be about "
                          f"{cur.value / (1 + g.value / 100):.1f}" if g.value > -100 else ""))
            yield self.finding(subject=g.subject, scope=g.scope, metric="growth", message=message,
                               expected=f"{format_rate(rate)} (implied by the index levels)",
                               observed=f"{amount(g)} (stated)", focus=g,
                               claims=[g.cite("stated change"), prev.cite("earlier index level"),
                                       cur.cite("later index level")])

    def _unsupported_elsewhere(self, g, cur, key, by_doc, index, tol):
        """Another document's earlier value nearest the one the rate needs, when none of them
        gives the stated rate (sorted once per key, then a binary search per rate)."""
        if key not in index:
            flat = sorted((p for ps in by_doc.values() for p in ps), key=lambda p: (p.value, p.doc, int(p.row["start"])))
            index[key] = (flat, [p.value for p in flat])
        flat, vals = index[key]
        needed = cur.value / (1 + g.value / 100) if g.value > -100 else float("inf")
        i = bisect.bisect_left(vals, needed)
        near = [p for p in flat[max(0, i - 2):i + 2] if p.doc != g.doc]
        if not near or any(self._fits(g, p, cur, tol) or self._other_period(g, p, cur) for p in near):
            return None
        return min(near, key=lambda p: (abs(p.value - needed), p.doc))

    @staticmethod
    def _rate(prev, cur) -> float:
        return (cur.value / prev.value - 1) * 100 if prev.value else float("inf")

    @staticmethod
    def _other_period(g, prev, cur) -> bool:
        """Values 2.5x or more apart beside a modest stated rate are of different lengths of
        time (a quarter against a year), not a growth that went wrong."""
        ratio = max(cur.value / prev.value, prev.value / cur.value) if cur.value > 0 and prev.value > 0 else 0
        return ratio >= 2.5 and abs(g.value) < 100

    @staticmethod
    def _fits(g, prev, cur, tol: float) -> bool:
        lo, hi = _implied(prev, cur)
        return g.lo - tol <= hi and lo <= g.hi + tol

    def _change_finding(self, g, change, cur):
        base = cur.value - change.value
        rate = cur.value / base - 1
        moved = "a rise" if change.value > 0 else "a fall"
        needed = cur.value - cur.value / (1 + g.value / 100) if g.value > -100 else None
        message = (f"{what_label(g.subject, g.scope, measure_label(cur))}: stated {amount(g)} growth "
                   f"in {when(g)} ({where(g)}); {moved} of {value_text(abs(change.value), change.unit)} to "
                   f"{stated(cur)} means "
                   f"{value_text(base, cur.unit)} before, so the growth is {format_rate(rate)}"
                   + (f". For {amount(g)}, the change would be about {value_text(needed, cur.unit)}"
                      if needed is not None else ""))
        return self.finding(subject=g.subject, scope=g.scope, metric="growth", message=message,
                            expected=f"{format_rate(rate)} (implied by the change and the value)",
                            observed=f"{amount(g)} (stated)", focus=g,
                            claims=[g.cite("stated growth"), change.cite("change"), cur.cite("value after")])

    def _finding(self, g, prev, cur):
        rate = self._rate(prev, cur) / 100
        source = "" if prev.doc == g.doc else f"{prev.doc}'s "
        period = f" in {when(g)}" if g.year is not None else ""
        earlier = when(prev) if prev.year is not None else "the earlier value"
        message = (f"{what_label(g.subject, g.scope, cur.measure)}: stated {amount(g)} growth"
                   f"{period} ({where(g)}); {source}{stated(prev)} ({where(prev)}) → {stated(cur)} "
                   f"({where(cur)}) is {format_rate(rate)}. " + (
                       f"For {amount(g)}, {earlier} would have to be about "
                       f"{format_amount(cur.value / (1 + g.value / 100), cur.unit)}" if g.value > -100 else
                       "No earlier value falls 100% or more to a positive one"))
        return self.finding(subject=g.subject, scope=g.scope, metric="growth", message=message,
                            expected=f"{format_rate(rate)} (implied by the two values)",
                            observed=f"{amount(g)} (stated)", focus=g,
                            claims=[g.cite("stated growth"), prev.cite("earlier value"), cur.cite("later value")])

