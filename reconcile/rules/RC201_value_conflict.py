"""Figures for the same thing in the same year that cannot all be right: the odd one out named.

Applies to the ``measures`` listed (market sizes, revenues, profits, per-share figures,
shares, rates of change...). Figures are comparable only when every part of what they
state matches: subject, scope, measure, unit, the year and its calendar (a fiscal year
ending in June is not the calendar year), the quarter or month (a quarter is compared only
with the same quarter), and actual vs forecast (an old forecast of a year does not
contradict its result). A rate of change is compared only when the value it is about is
known (the figure beside it: "revenue rose 16% to $245.1 billion"), or when it is the sales
rate of a company's named line ("comparable sales rose 3.6%"), and on the same basis
(year on year, quarter on quarter...). A rate (inflation, unemployment, a policy rate) is
compared with rates of the same kind, named right before it (``[rates]`` in measures.toml),
for the same month, quarter or year, basis (month on month, year on year) and seasonal
adjustment, across documents; a margin likewise with margins of its kind (``[margins]``:
gross, operating, net) for the same company, part and period, across documents.
A restated figure ("Revenue 2023 (restated)") is compared with none: it differs from the figure
as first published by design. Adjusted (non-GAAP) figures are compared with adjusted ones only, in a pass of their own;
so are constant-currency figures and organic growth, each with its own kind only; consensus
and guidance never take part (see ``facts.comparable``). Only figures read with at least ``min_confidence`` take part (a market size with no
year, a company named by a pronoun or a bold heading, a bare list item are read with less).
Each figure is an interval (rounding, "approximately"
band, "over"/"under") widened by the relative tolerance, except the ``exact_measures``
(per-share amounts, stated to the cent: only their rounding counts); the actual results of
the ``exact_entity_types`` are widened by ``reported_relative`` only (a company's reported net
income is one number, not an estimate: "€410 million" against its report's 401 is a misquote,
though only 2% apart).

Across documents the consensus is the value most documents allow; each document outside
it is one finding that names it as the odd one out, with the consensus and how many
sources back it (near-duplicate copies count once). With no consensus (two documents, or
two camps of equal size) the group is one finding naming every figure. Within one
document, figures that disagree are one finding, unless they stand side by side in one
sentence ("42% of its exports and 48% of its imports" describe two things); a document's
own counts are not compared with each other (they are mostly of its parts), unless two have the
same three or more digits a power of ten apart ("684,000 passengers" against its table's 6.84
million): a slip of scale. An amount in tonnes, barrels or hours is compared only with amounts
of the same kind (``[quantities]`` in measures.toml: "sales volumes of 31,800 tonnes" is not
"9,500 tonnes of capacity"); one of no named kind, with none. A quarter's figures are compared across documents only; but a
document at odds with itself over a per-share figure ("adj. EPS of $2.71" in its text, 2.77
in its table) whose other figure another document states has its unconfirmed one named as
the odd one out.

Figures stated with no year (``undated_measures``: shares, and a company's own results in
a story about it): two documents' undated shares are compared only when they are at
least ``undated_gap_pp`` apart, at ``undated_severity`` (an undated regional share may
describe any year); an undated figure is also reported, once, when it fits none of the
other documents' dated figures for the same thing in any year (the dated document anchors
the comparison: "net income climbed to $585 million" against a release's $538 million for
this year and $471 million for the last; a release's quarters count as its dated figures too).
An undated share is reported against dated ones only when it is ``undated_near_pp`` or more
from every one of them (an undated share this close may simply be another year's).

A market's size or shares from several documents, or from one document quoting several
research firms, are each firm's estimate (the claims table's ``attributed_to``: the firm a
sentence names, else the document's publisher). Figures attributed to one firm ("Fernhollow
Insights", and a blog's "Fernhollow") are compared as stated, to their rounding only (a
quote of a firm's figure is that figure: "$11.2 billion" for its $11.02 billion is a misquote); two firms' figures are
reported only when further apart than ``estimate_spread`` (a fraction of the value; for a
region's or a segment's size, which depends on how each firm splits the market,
``estimate_spread_part``) or, for shares, ``estimate_spread_pp`` percentage points; one document's figures of two firms are
two estimates, never a contradiction.

Contradiction
-------------
    doc    line  metric       value     unit  year
    a.md   35    market_size  28.7e9    USD   2024
    b.md   70    market_size  28.9e9    USD   2024
    c.md   12    market_size  35.0e9    USD   2024
    -> c.md's USD 35B (2024) is the odd one out; 2 sources agree on USD 28.7B to USD 28.9B

Consistent
----------
    doc    line  metric       value     unit  qualifier  year
    a.md   34    market_size  28.7e9    USD   exact      2024
    b.md   70    market_size  29e9      USD   approx     2024
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace

from ..extract.attribution import firm_keys
from .base import Rule
from .consensus import Camp, Outcome, judge
from .describe import amount, difference, disagreement, measure_label, nearest, what_label, sources_text, span, undecided, when, where
from .facts import Facts
from .kinds import kind_before, kinds, quantity_kind


def _widen(relative: float, extra: float = 0.0, exact: frozenset = frozenset(), reported: frozenset = frozenset(),
           reported_relative: float = 0.0, reported_measures: frozenset = frozenset()):
    """Each fact's interval widened by ``relative`` (and ``extra``); measures in ``exact`` (stated
    to the cent: per-share amounts) keep their rounding only: $2.71 against $2.77 is a misquote.
    The actual results of the entity types in ``reported`` are widened by ``reported_relative``
    only (a company's own net income is one number, not an estimate: "€410 million" against its
    report's 401 is a misquote; a few tenths of a percent may still be another definition)."""
    def interval(f):
        if not extra and f.measure in exact:
            return (f.lo, f.hi)
        m = max(abs(f.lo), abs(f.hi)) if f.lo > -1e308 and f.hi < 1e308 else abs(f.value)
        if not extra and f.row.get("era") == "actual" and f.row.get("entity_type") in reported \
                and f.measure in reported_measures:
            return (f.lo - reported_relative * m, f.hi + reported_relative * m)
        return (f.lo - relative * m - extra, f.hi + relative * m + extra)
    return interval


#: Measures a document's quarter states once, with no parts a table might leave unlabelled.
_NO_PARTS = frozenset(("eps", "dividend"))


#: Words that make one income figure another line item: "profit attributable to ordinary shareholders"
#: is not "profit after tax", nor is "profit from continuing operations".
_LINE_ITEM = re.compile(r"\battributable\s+to\s+ordinary\b|\bcontinuing\s+operations\b|\bdiscontinued\b|\bminority\b|"
                        r"\bnon-?controlling\b|\bcomprehensive\b|\bbefore\s+(?:minorities|coupons)\b", re.IGNORECASE)


def _as_amounts(group: list) -> list:
    """A company line's figures less the deductions that repeat one of its amounts: "| Operating
    expenses | (2,013.3) |" and "expenses rose to EUR 2,013.3 million" are one cost, written as a
    deduction and as an amount (a net debt of -€200m that no positive figure repeats stays)."""
    amounts = [(f.lo, f.hi) for f in group if f.value > 0]
    return [f for f in group if f.value >= 0 or not any(lo <= -f.lo and -f.hi <= hi for lo, hi in amounts)]


def _line_items(o: Outcome) -> bool:
    """Whether a document's disagreeing figures name different line items: some of their words
    say "attributable to …" or "continuing operations" and others do not."""
    figures = list(o.odd) + list(o.agree)
    marked = {bool(_LINE_ITEM.search(str(f.row.get("quote") or ""))) for f in figures}
    return len(marked) > 1


def _settled_within(o: Outcome, group: list, interval) -> Outcome | None:
    """A document at odds with itself over a per-share figure ("adj. EPS of $2.71" in its text,
    2.77 in its table) when another document states one of its figures: the figure no other
    document states is the odd one out, those that agree the consensus."""
    doc = o.odd[0].doc if o.odd else None
    own = [f for f in group if f.doc == doc]
    others = [f for f in group if f.doc != doc]

    def meets(a, b) -> bool:
        """Whether two figures' intervals overlap."""
        (alo, ahi), (blo, bhi) = interval(a), interval(b)
        return alo <= bhi and blo <= ahi

    confirmed = [f for f in own if any(meets(f, g) for g in others)]
    odd = [f for f in own if not any(meets(f, g) for g in others + confirmed)]
    if not confirmed or not odd:
        return None
    agreeing = confirmed + [g for g in others if any(meets(g, f) for f in confirmed)]
    return Outcome("outlier", odd=odd, agree=Camp(agreeing), sources=len({f.doc for f in agreeing}))


def _whole_company(f) -> bool:
    """A company's own figure, in a sentence of a document about it ("Net income climbed to
    $585 million"): not a company named inside a market document ("3D Systems, about $680
    million"), nor a table cell whose column gave no year (it may be any period's)."""
    quote = str(f.row.get("quote") or "")
    return f.row.get("entity_type") == "company" and f.scope == "Global" and "|" not in quote


def _one_sentence(o: Outcome) -> bool:
    """Whether every figure of a document's disagreement stands in one sentence."""
    return len({(int(f.row["start"]), f.row["quote"]) for f in list(o.odd) + list(o.agree)}) == 1


def _significant_digits(value: float) -> str:
    """The digits of a value without leading or trailing zeros (684,000 and 6.84 million: "684")."""
    return f"{value:.10e}".split("e")[0].replace(".", "").rstrip("0")


def _scale_slip(o: Outcome) -> bool:
    """Two of a document's figures with the same digits a power of ten apart ("684,000
    passengers" in the text, 6.84 million in its table): a slip of scale, not two parts. The
    digits must be three or more: a whole and its part often are round numbers ten times
    apart ("1,200 employees", "120 of them in maintenance")."""
    values = sorted({abs(f.value) for f in list(o.odd) + list(o.agree)
                     if f.value and len(_significant_digits(abs(f.value))) >= 3})
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            ratio = b / a
            if ratio >= 9.99 and abs(ratio / 10 ** round(math.log10(ratio)) - 1) <= 0.001:
                return True
    return False


def _estimates(group: list) -> bool:
    """Analysts' estimates of a company's results: two models differ by design, and one
    note's old and new estimates ("FY26E adj. EPS goes to $5.45 (from $5.30)") are a revision."""
    return all(f.row["era"] == "forecast" and f.row.get("entity_type") == "company" for f in group)


def _by_basis(groups: dict) -> dict:
    """A monthly change and a 12-month rate of one index are different figures: a group whose
    figures state two or more bases is split by basis, and its figures of no stated basis
    (which could be either) leave it."""
    out = {}
    for key, group in groups.items():
        bases = {f.row["basis"] for f in group if f.row["basis"]}
        if len(bases) <= 1:
            out[key] = group
            continue
        for basis in sorted(bases):
            out[key + (basis,)] = [f for f in group if f.row["basis"] == basis]
    return out


#: Measures of a market that research firms each estimate their own way.
_ESTIMATED = ("market_size", "share", "count")


def _of_markets(group: list) -> bool:
    """Whether every figure is about a market (not a company's or an economy's own figure)."""
    return all(f.row.get("entity_type") in ("market", "") for f in group)


def _several_sources(group: list) -> bool:
    """Whether the figures come from several documents, or from one quoting several firms."""
    if len({f.doc for f in group}) > 1:
        return True
    return len(set(firm_keys(f.row.get("attributed_to") or "" for f in group).values())) > 1


def _of_kinds(facts: Facts, measure: str, known: list):
    """``(fact, kind)`` for each dated percentage of ``measure`` whose kind the words right
    before it name (``[rates]``, ``[margins]`` in measures.toml)."""
    for f in facts.all + facts.periodic:
        if f.measure == measure and f.unit == "percent" and f.year is not None:
            kind = kind_before(f, known)
            if kind is not None:
                yield f, kind


def _label(measure: str, of: str) -> str:
    """``revenue growth`` for a rate of change of revenue, else the measure."""
    return f"{of}_growth" if measure == "growth" and of else measure


class ValueConflict(Rule):
    __doc__ = __doc__
    code = "RC201"
    name = "value.conflict"
    severity = "warning"

    def check(self, facts: Facts):
        self._exact = frozenset(self.options["exact_measures"])
        self._reported = frozenset(self.options["exact_entity_types"])
        self._reported_rel = float(self.options["reported_relative"])
        self._reported_measures = frozenset(self.options["reported_measures"])
        facts = facts.confident(float(self.options["min_confidence"]))
        yield from self._check(facts)
        # adjusted (non-GAAP) figures against adjusted ones only: "adj. EPS $2.71" vs "2.77"
        # and constant-currency or organic growth against the same: "organic growth of 5.1%" vs "1.5%"
        for basis in ("adjusted", "constant_currency", "organic"):
            view = facts.on_basis(basis)
            if view.all or view.periodic:
                for f in self._check(view):
                    f.message = f"({basis.replace('_', ' ')}) {f.message}"
                    yield f

    def _check(self, facts: Facts):
        self._facts = facts
        rel = facts.bands.relative
        measures = set(self.options["measures"])
        undated = set(self.options["undated_measures"])
        gap = float(self.options["undated_gap_pp"]) / 2.0
        keys = ("subject", "scope", "measure", "unit", "calendar", "era", "of", "basis")
        yield from self._periodic(facts, keys, measures, rel)
        if "rate" in measures:
            yield from self._rates(facts, rel)
        if "margin" in measures:
            yield from self._margins(facts, rel)
        spread_out: dict[tuple, tuple[list, list]] = {}
        for key, group in self._by_quantity(facts.groups(*keys)).items():
            subject, scope, measure = key[:3]
            if not self._compared(measure, key[6], measures, scope):
                continue
            group = [f for f in group if not f.row.get("restated")]  # a restatement is no contradiction
            measure = _label(measure, key[6])
            if measure == "other":
                group = _as_amounts(group)
            by_year: dict = {None: []}
            for f in group:
                if f.year is not None:
                    by_year.setdefault(f.year, []).append(f)
                elif (f.period_start is None and f.period_end is None and measure in undated
                      and (f.unit == "percent" or _whole_company(f))):
                    by_year[None].append(f)
            for year in sorted(y for y in by_year if y is not None):
                if len({f.doc for f in by_year[year]}) > 1 and _estimates(by_year[year]):
                    continue
                if measure in _ESTIMATED and _several_sources(by_year[year]) and _of_markets(by_year[year]):
                    yield from self._market_estimates(subject, scope, measure, by_year[year], rel, facts.copies)
                    continue
                interval = self._as_stated(rel)
                for o in judge(by_year[year], interval):
                    if o.kind == "within" and (_one_sentence(o) or _line_items(o) or measure == "count" and not _scale_slip(o)
                                               or _estimates(list(o.odd) + list(o.agree))):
                        # "42% of its exports and 48% of its imports": two things, side by side;
                        # a document's counts are mostly of its parts (passengers per airport)
                        continue
                    if o.kind == "within" and not o.agree:
                        # "€410 million" in an infobox, 401 in its own table and in the annual report:
                        # the figure no other document states is the odd one out
                        o = _settled_within(o, by_year[year], interval) or o
                    found = self._finding(subject, scope, measure, o, facts.copies, None)
                    if o.kind == "within" and measure == "count":  # only a slip of scale gets here
                        found = replace(found, message=found.message + "; the same digits a power of ten apart: "
                                                                        "a slip of scale")
                    yield found
            loose = by_year.get(None, [])
            if len({f.doc for f in loose}) >= 2 and all(f.unit == "percent" for f in loose):
                severity = str(self.options["undated_severity"])
                for o in judge(loose, _widen(rel, gap)):
                    if o.kind != "within":
                        yield self._finding(subject, scope, measure, o, facts.copies, severity)
            # undated against dated, whatever calendar the dated ones count in (an undated
            # figure has no calendar): gathered across the calendars, judged after the loop
            wide = (subject, scope, measure, key[3], key[5])
            spread_out.setdefault(wide, ([], [], []))
            spread_out[wide][0].extend(loose)
            spread_out[wide][1].extend(f for y, fs in by_year.items() if y is not None for f in fs)
        # a quarter's dated figures bracket an undated one too ("net income climbed to $198.7 million"
        # against a release's third quarters of this year and the last)
        for f in facts.periodic:
            wide = (f.subject, f.scope, f.measure, f.unit, f.row["era"])
            if f.year is not None and f.measure != "growth" and wide in spread_out:
                spread_out[wide][2].append(f)
        for (subject, scope, measure, _, _), (loose, dated, periodic) in sorted(spread_out.items(),
                                                                               key=lambda kv: tuple(map(str, kv[0]))):
            yield from self._undated_vs_dated(subject, scope, measure, loose, dated, rel, periodic)

    def _market_estimates(self, subject, scope, measure, group, rel, copies):
        """A market's size or shares for one year from several documents. Within a document,
        and among figures attributed to one firm (its report and a story quoting it), they
        are compared as stated; across firms, each sizes the market its own way, so their
        estimates are reported only when further apart than ``estimate_spread`` (a fraction)
        or ``estimate_spread_pp`` (percentage points, for shares)."""
        narrow = self._as_stated(rel)
        # one firm's figure quoted elsewhere must be that figure, to its rounding: "$11.2 billion"
        # for a report's $11.02 billion is a misquote, however near
        as_quoted = self._as_stated(0.0)
        reported: set[int] = set()
        firms: dict[str, list] = {}
        keys = firm_keys(f.row.get("attributed_to") or "" for f in group)
        for f in group:
            firms.setdefault(keys[f.row.get("attributed_to") or ""], []).append(f)
        for key in sorted(firms):
            quoted = firms[key]
            for o in judge(quoted, as_quoted if key and len({f.doc for f in quoted}) > 1 else narrow):
                if o.kind == "within":
                    # a document's own figures, of one firm (a story quoting two firms quotes two estimates)
                    if not _one_sentence(o):
                        yield self._finding(subject, scope, measure, o, copies, None)
                elif key:
                    reported.update(id(f) for f in o.odd)
                    found = self._finding(subject, scope, measure, o, copies, None)
                    found.message += f" (all attributed to {quoted[0].row['attributed_to']})"
                    yield found
        if group[0].unit == "percent":
            spread = float(self.options["estimate_spread_pp"])
            wide, allowed = _widen(rel, spread / 2), f"{spread:g} percentage points"
        else:
            # a region's or a segment's size depends on how each firm splits the market, more
            # than the market's own size does
            spread = float(self.options["estimate_spread" if scope == "Global" else "estimate_spread_part"])
            wide, allowed = _widen(rel + spread / 2), f"{spread:.0%}"
        for o in judge(group, wide):
            if o.kind != "within" and not all(id(f) in reported for f in o.odd):
                yield self._finding(subject, scope, measure, o, copies, None,
                                    allowance=f"the {allowed} by which different firms' estimates may differ")

    def _as_stated(self, relative: float):
        """Intervals widened by ``relative``, but per-share amounts and a company's reported results
        by their own allowance only (``exact_measures``, ``exact_entity_types``)."""
        return _widen(relative, exact=self._exact, reported=self._reported, reported_relative=self._reported_rel,
                      reported_measures=self._reported_measures)

    def _compared(self, measure: str, of: str, measures: set, scope: str) -> bool:
        """A measure the settings list; a rate of change only when what it is of is known;
        rates (inflation, unemployment...) and margins only by kind, in ``_rates`` and ``_margins``;
        an ``other`` amount when it is of a company's named line (``[line_items]`` in measures.toml:
        "deposits", "book value per share")."""
        if measure == "other" and not of:
            return "line_items" in measures and scope in self.ctx.measures.get("line_items", {})
        return measure in measures and measure not in ("rate", "margin") and (measure != "growth" or bool(of))

    def _rates(self, facts: Facts, rel: float):
        """Rates of one kind ("unemployment rate", named right before the figure) for the same
        economy, year, quarter or month and seasonal adjustment, across documents."""
        adjustments = kinds(self.ctx.measures, "adjustment")
        groups: dict[tuple, list] = {}
        for f, kind in _of_kinds(facts, "rate", kinds(self.ctx.measures, "rates")):
            if kind.entry.get("change") and not f.row["basis"] \
                    and (f.row.get("month") is not None or f.row.get("quarter") is not None):
                continue  # a month's change of an index, of no stated basis: on the month or on the year?
            # a level, not a change: no basis; a headline rate is seasonally adjusted unless said otherwise
            adjusted = next((a.name for a in adjustments if a.pattern.search(str(f.row["quote"]))), "sa")
            key = (f.subject, f.scope, kind.name, f.row["calendar"], f.row["era"], adjusted,
                   f.year, *f.within_year)
            groups.setdefault(key, []).append(f)
        yield from self._across(_by_basis(groups), facts, rel, lambda key: f"{key[2]}_rate")

    def _margins(self, facts: Facts, rel: float):
        """Margins of one kind ("gross margin", "GM", named right before the figure; ``[margins]``
        in measures.toml) for the same company, part and period, across documents."""
        groups: dict[tuple, list] = {}
        for f, kind in _of_kinds(facts, "margin", kinds(self.ctx.measures, "margins", required=("of", "over"))):
            key = (f.subject, f.scope, kind.name, f.row["calendar"], f.row["era"], f.year, *f.within_year)
            groups.setdefault(key, []).append(f)
        yield from self._across(groups, facts, rel, lambda key: f"{key[2]}_margin")

    def _by_quantity(self, groups: dict) -> dict:
        """A group of amounts in tonnes, barrels or hours split by what they are of (``[quantities]``
        in measures.toml: capacity, production, sales…); an amount of no named kind leaves it."""
        amounts = set(self.ctx.measures.get("counts", {}).get("amounts", []))
        known = kinds(self.ctx.measures, "quantities")
        out: dict = {}
        for key, group in groups.items():
            if key[2] != "count" or key[3] not in amounts:
                out[key] = group
                continue
            for f in group:
                kind = quantity_kind(f, known)
                if kind is not None:
                    out.setdefault(key + (kind.name,), []).append(f)
        return out

    def _periodic(self, facts: Facts, keys: tuple, measures: set, rel: float):
        """A quarter's or a month's figures, compared only with the same quarter or month of
        another document (within one document, a quarter's table rows are too often parts the
        table does not label)."""
        groups: dict[tuple, list] = {}
        for f in facts.periodic:
            key = tuple(getattr(f, k) for k in keys) + (f.year, *f.within_year)
            if f.year is not None and not f.row.get("restated") and self._compared(key[2], key[6], measures, key[1]):
                groups.setdefault(key, []).append(f)
        groups = {key: _as_amounts(group) if key[2] == "other" else group for key, group in groups.items()}
        yield from self._across(groups, facts, rel, lambda key: _label(key[2], key[6]))

    def _across(self, groups: dict, facts: Facts, rel: float, measure_of):
        """Each group (keyed by subject, scope, …) judged across its documents only."""
        for key in sorted(groups, key=lambda k: tuple(map(str, k))):
            if len({f.doc for f in groups[key]}) < 2 or _estimates(groups[key]):
                continue
            interval = self._as_stated(rel)
            for o in judge(groups[key], interval):
                if o.kind != "within":
                    yield self._finding(key[0], key[1], measure_of(key), o, facts.copies, None)
                    continue
                settled = _settled_within(o, groups[key], interval) if key[2] in _NO_PARTS else None
                if settled is not None:
                    yield self._finding(key[0], key[1], measure_of(key), settled, facts.copies, None)

    def _undated_vs_dated(self, subject, scope, measure, loose, dated, rel, periodic=()):
        """An undated figure that fits none of the other documents' dated figures: one finding
        for it at most, naming the nearest. Values are indexed once (sorted), so many
        documents cost ``n log n``."""
        if loose and periodic:
            # a quarter's figures bracket an undated one only when it is of their size (a year's
            # figure is several quarters'): "net income climbed to $198.7 million" against a
            # release's $189.7 million for the quarter, never $585 million against $150 million
            near = [p for p in periodic
                    if any(0 < a.value / p.value < 2.5 and 0 < p.value / a.value < 2.5 for a in loose if p.value)]
            dated = list(dated) + near
        if not loose or not dated:
            return
        if any(f.unit != "percent" for f in loose):
            # a company's results change every year: only a document giving two or more years
            # (this one and the last) brackets what an undated figure could be
            years: dict[str, set] = {}
            for f in dated:
                years.setdefault(f.doc, set()).add(f.year)
            dated = [f for f in dated if len(years[f.doc]) >= 2]
            if not dated:
                return
        interval = self._as_stated(rel)
        near_pp = float(self.options["undated_near_pp"])
        spans = sorted((interval(f) + (f,) for f in dated), key=lambda t: (t[0], t[1], t[2].doc))
        starts = [t[0] for t in spans]
        ends = sorted(t[1] for t in spans)
        by_value = sorted(dated, key=lambda f: (f.value, f.doc, int(f.row["start"])))
        values = [f.value for f in by_value]
        own = {}
        for f in dated:
            own.setdefault(f.doc, []).append(interval(f))
        for a in loose:
            alo, ahi = interval(a)
            # intervals meeting [alo, ahi]: those starting by ahi, less those ending before alo
            meeting = bisect.bisect_right(starts, ahi) - bisect.bisect_left(ends, alo)
            meeting -= sum(1 for lo, hi in own.get(a.doc, []) if lo <= ahi and alo <= hi)
            others = len(dated) - len(own.get(a.doc, []))
            if meeting > 0 or others == 0 or self._facts.stated_anywhere(a, interval):
                continue  # (an undated figure another document states for any period or basis fits it)
            if a.measure == "share" and any(abs(f.value - a.value) < near_pp for f in dated if f.doc != a.doc):
                continue  # an undated share this close to a dated one may be of another year
            i = bisect.bisect_left(values, a.value)
            near = min((f for f in by_value[max(0, i - 3):i + 3] if f.doc != a.doc),
                       key=lambda f: (abs(f.value - a.value), f.doc, f.year), default=None)
            if near is None:
                continue
            label = what_label(subject, scope, measure)
            message = (f"{label}: {where(a)} states {amount(a)} with no year; no other document's dated figure "
                       f"comes near it, the nearest is {amount(near)} ({when(near)}, {where(near)}); "
                       f"{difference(a, near)} apart")
            yield self.finding(subject=subject, scope=scope, metric=a.metric, message=message,
                               expected=f"{amount(near)} ({near.doc}, {when(near)})",
                               observed=f"{amount(a)} ({a.doc}, no year stated)", focus=a,
                               claims=[a.cite("undated value"), near.cite("value")])

    def _finding(self, subject, scope, measure, o: Outcome, copies, severity, allowance: str = ""):
        odd = o.odd[0]
        if measure == "count":
            measure = measure_label(odd)  # "brescanne stays (2024)", not "count"
        label = what_label(subject, scope, measure)
        period = f" ({when(odd)})"
        if o.kind == "outlier":
            agree = nearest(o.agree, odd)
            docs = o.agree.docs
            message = (f"{label}{period}: {where(odd)} states {', '.join(amount(f) for f in o.odd)}, the odd one out: "
                       f"{sources_text(docs, copies)} agree on {span(o.agree)}; {difference(odd, agree[0])} from the "
                       f"nearest of them ({where(agree[0])})")
            return self.finding(subject=subject, scope=scope, metric=odd.metric, message=message,
                                expected=f"{span(o.agree)} ({len(docs)} source{'s' if len(docs) > 1 else ''})",
                                observed=f"{amount(odd)} ({odd.doc})", focus=odd, severity=severity,
                                claims=[f.cite("outlier") for f in o.odd] + [f.cite("consensus") for f in agree])
        if o.kind == "within" and o.agree:
            agree = nearest(o.agree, odd)
            message = (f"{label}{period}: {where(odd)} states {amount(odd)}, while the same document states "
                       f"{span(o.agree)} elsewhere ({', '.join(where(f) for f in agree)}); {difference(odd, agree[0])} apart")
            return self.finding(subject=subject, scope=scope, metric=odd.metric, message=message,
                                expected=f"{span(o.agree)} (the document's other figures)",
                                observed=f"{amount(odd)} ({where(odd)})", focus=odd, severity=severity,
                                claims=[odd.cite("outlier")] + [f.cite("value") for f in agree])
        shown = nearest(o.odd, odd, limit=len(o.odd))
        shown = sorted(shown[:8], key=lambda f: (f.value, f.doc, int(f.row["start"])))
        low, high = shown[0], shown[-1]
        docs = sorted({f.doc for f in o.odd})
        if len(shown) == 2:
            a, b = sorted(shown, key=lambda f: (f.doc, int(f.row["start"])))
            tail = undecided(docs)
            if not allowance and all(f.row.get("era") == "actual" and f.row.get("entity_type") in self._reported
                                     and f.measure in self._reported_measures
                                         for f in (a, b)):
                # a company's reported result is one number: only rounding and "about" bands allow a gap
                message = (f"{label}{period}: {amount(a)} ({where(a)}) vs {amount(b)} ({where(b)}); "
                           f"{difference(a, b)} apart, more than their rounding, qualifiers and the "
                           f"{self._reported_rel * 100:g}% tolerance allow for one reported result{tail}")
            else:
                allowance = allowance or f"the {self.ctx.bands.relative:.0%} tolerance"
                message = (f"{label}{period}: {amount(a)} ({where(a)}) vs {amount(b)} ({where(b)}); "
                           f"{difference(a, b)} apart, more than rounding, qualifiers and {allowance} allow{tail}")
        else:
            who = disagreement(docs, len(shown))
            message = (f"{label}{period}: {who} {'; '.join(f'{amount(f)} ({where(f)})' for f in shown)}; "
                       f"{difference(low, high)} between the lowest and the highest")
        return self.finding(subject=subject, scope=scope, metric=odd.metric, message=message,
                            expected="one value", observed=", ".join(amount(f) for f in shown),
                            severity=severity, claims=[f.cite("value") for f in shown])
