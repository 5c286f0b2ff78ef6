"""Claims prepared for the rules: duplicates folded, every figure turned into an interval.

A figure is never a point. "USD 578.14 billion" is anything in 578.135–578.145 billion
(rounding), "approximately 45%" widens by a configurable band, "over $400 million" is
anything from $399.5 million up. Rules compare these intervals, so rounding and
qualifiers never raise a false alarm.

Near-duplicate documents count as one source (``copies``): only the first of them is read.

The same figure stated twice in one document (same metric, subject, scope, year or
period, unit and value) is one fact: repeating a claim never contradicts it.

The rules compare annual (or multi-year), reported, stated figures of a named market or
company. A claim they cannot place that way is not a fact for them (``comparable``): no
subject, a quarter or month, an adjusted or constant-currency figure, a consensus or
guidance figure, a share of no stated part or of a region rather than the market. Leaving it out costs a possible finding; letting
it in would compare a quarter with a year or an expectation with a result.
"""

from __future__ import annotations

import copy
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from ..extract.claim import QUALITATIVE
from ..findings import CITED_FIELDS
from ..numbers import figure_half_unit
from ..textmatch import phrase_pattern
from .copies import copy_groups
from .rows import DERIVED, MISSING, Row

_SAME_PERIOD = re.compile(r"\s*(?:in|for|during)\s+the\s+(?:same|corresponding|comparable|prior[\s-]+year)\s+period",
                          re.IGNORECASE)
_OTHER_BASES = ("adjusted", "constant_currency", "organic")
_QUAL_PRECISION = {"exact": 0, "range": 1, "approx": 2, "over": 3, "under": 3}


def _int(x) -> int | None:
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    return int(x)


def _float(x) -> float:
    if x is None or x is pd.NA:
        return math.nan
    return float(x)


@dataclass
class Fact:
    """One distinct claim, as an interval ``[lo, hi]`` in base units."""

    row: dict
    value: float
    lo: float
    hi: float
    year: int | None
    period_start: int | None
    period_end: int | None
    also: list[dict] = field(default_factory=list)
    target: "Fact | None" = None  # for a rate of change: the value it is about (see _growth_targets)

    def __getattr__(self, name: str):  # doc, metric, subject, scope, unit, qualifier...
        try:
            return self.__dict__["row"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def within_year(self) -> tuple:
        """The part of its year a value covers: ``(quarter, month, part_of_year)``, all empty
        for a whole year. Figures are compared only within the same part."""
        row = self.row
        return (row.get("quarter"), row.get("month"), row.get("part_of_year") or "")

    def cite(self, role: str) -> dict:
        """This fact as a cited claim in a finding."""
        out = {k: self.row.get(k) for k in CITED_FIELDS}
        for k in ("year", "period_start", "period_end", "line", "start", "end"):
            out[k] = _int(out[k])
        out["value"] = float(self.value) if math.isfinite(self.value) else None
        out["role"] = role
        if self.also:
            out["also_at"] = [{"doc": a["doc"], "line": int(a["line"])} for a in self.also]
        return out


@dataclass(frozen=True)
class Bands:
    """How wide a figure's interval is: ``approx`` band and a relative tolerance."""

    approx: float = 0.10
    relative: float = 0.01


def interval(row: dict, bands: Bands) -> tuple[float, float]:
    """The values a claim allows, from its figure's rounding and its qualifier."""
    value, low, high = _float(row["value"]), _float(row["low"]), _float(row["high"])
    qualifier = row["qualifier"]
    ref = low if qualifier == "range" and not math.isnan(low) else value
    half = figure_half_unit(row["figure"], ref)
    if qualifier == "range":
        return (low - half, high + half)
    if qualifier == "over":
        return (value - half, math.inf)
    if qualifier == "under":
        return (-math.inf, value + half)
    if qualifier == "approx":
        band = bands.approx * abs(value)
        return (value - half - band, value + half + band)
    return (value - half, value + half)


def _records(claims: pd.DataFrame) -> list[Row]:
    """The table's rows, missing values as None (a column at a time: much faster than
    ``to_dict("records")`` on Arrow-backed strings)."""
    columns = list(claims.columns) + [k for k in DERIVED if k not in claims.columns]
    index = {c: i for i, c in enumerate(columns)}
    values = [_column(claims[c].tolist(), c not in _FLOAT_COLUMNS) for c in claims.columns]
    extra = [MISSING] * (len(columns) - len(claims.columns))
    return [Row(index, [*row, *extra]) for row in zip(*values)]


def _column(values: list, nan_is_none: bool) -> list:
    """A column's values, missing ones as None and equal strings as one object (a column of a
    few distinct names would otherwise hold a string object per row)."""
    seen: dict = {}
    na, isnan = pd.NA, math.isnan
    if nan_is_none:
        return [seen.setdefault(v, v) if v.__class__ is str else
                None if v is na or (v.__class__ is float and isnan(v)) else v for v in values]
    return [seen.setdefault(v, v) if v.__class__ is str else None if v is na else v for v in values]


_FLOAT_COLUMNS = frozenset(("value", "low", "high", "confidence", "converted_value"))


def comparable(row: dict, *, periodic: bool = False, any_basis: bool = False) -> bool:
    """Whether the rules can place a claim: see the module docstring. With ``periodic``, a
    quarter's or a month's figure is placed too (only rules that compare like periods read those);
    with ``any_basis``, an adjusted or constant-currency figure as if it were reported."""
    if not row.get("subject"):
        return False
    if not periodic and (_int(row.get("quarter")) is not None or _int(row.get("month")) is not None):
        return False
    if not any_basis and row.get("accounting", "reported") not in ("reported", "", None):
        return False
    if row.get("kind") in ("consensus", "guidance"):
        return False
    if row.get("metric") == "share" and row.get("dimension") == "of_region":
        return False  # a country's share of its region, not of the market
    return not (row.get("metric") == "share" and row.get("scope_type") == "global")


_PER_SHARE_BASIS = re.compile(r"\b(basic|diluted)\b", re.IGNORECASE)


def _per_share_basis(row: dict) -> str:
    """``basic`` when the words (or the table row) before a per-share figure say so; a diluted
    figure is the headline one (``""``), as is one that names neither."""
    quote, figure = str(row.get("quote") or ""), str(row.get("figure") or "")
    at = quote.find(figure)
    left = quote[:at] if at >= 0 else quote
    if "|" in left:
        left = next((c for c in quote.split("|") if c.strip()), "")  # the table row's label
    found = _PER_SHARE_BASIS.findall(left[-60:])
    return "basic" if found and found[-1].lower() == "basic" else ""


def _company_share(row: dict) -> bool:
    """A company's own share of a market, stated in a document about the company."""
    return (row.get("metric") == "share" and row.get("scope_type") == "global" and row.get("entity_type") == "company"
            and row.get("unit") == "percent" and row.get("accounting", "reported") in ("reported", "", None)
            and row.get("kind") not in ("consensus", "guidance") and bool(row.get("subject"))
            and _int(row.get("quarter")) is None and _int(row.get("month")) is None)


_MONTH_SPAN = re.compile(r"^[A-Z][a-z]{2}–[A-Z][a-z]{2} \d{4}$")


def _part_of_year(row: dict, partial: list) -> str:
    """``H1``, ``9M``, ``YTD``… for a figure covering part of a year (from its period label,
    or the ``[periods.partial_year]`` words right before it); else ``""``."""
    label = str(row.get("period_label") or "")
    if label[:2] in ("H1", "H2"):
        return label[:2]
    if _MONTH_SPAN.match(label):
        return label.rsplit(" ", 1)[0]  # "Jan–Aug 2025": the year to August
    if partial:
        quote, figure = str(row.get("quote") or ""), str(row.get("figure") or "")
        at = quote.find(figure)
        if at > 0:
            left = quote[max(0, at - 40):at]
            found = [(m.end(), part) for part, pat in partial for m in pat.finditer(left)]
            if not found and _SAME_PERIOD.match(quote, at + len(figure)):
                # "For the first nine months of 2025, revenue totaled $3,547.9 million compared with
                # $3,230.5 million in the same period of 2024": the sentence's part of the year
                found = [(m.end(), part) for part, pat in partial for m in pat.finditer(quote[:at])]
            if found:
                return max(found)[1]
    return ""


def calendar(row: dict) -> str:
    """Which calendar a claim's year counts in: ``""`` for calendar years, ``"FY-06"`` for a
    fiscal year ending in June (a fiscal year ending in December is a calendar year), ``"FY"``
    when the document does not say when its fiscal year ends. Years of different calendars
    are never compared."""
    fiscal = row.get("fiscal")
    if fiscal is None or fiscal is pd.NA or not fiscal:
        return ""
    end = _int(row.get("fiscal_year_end"))
    if end == 12:
        return ""
    return "FY" if end is None else f"FY-{end:02d}"


def era(row: dict) -> str:
    """``forecast`` for a forecast, ``actual`` for an actual or an estimate of one: a year's
    result is not contradicted by an older forecast of it."""
    return "forecast" if row.get("kind") == "forecast" else "actual"


_CELL_BREAK = re.compile(r"\s*</t[dh]>\s*(?:<t[dh][^>]*>)?\s*|\s*<t[dh][^>]*>\s*", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,200}>")


def _untagged(quote: str) -> str:
    """An HTML table row's quote as its cells read ("2024 | 8,520 | 4.0%"), for the rules that
    tell a table row by its "|"; the claims table keeps the source text."""
    return _TAG.sub("", _CELL_BREAK.sub(" | ", quote)).strip(" |")


def _identity(row: dict) -> tuple:
    return (row["doc"], row["metric"], row["subject"], row["scope"], _int(row["year"]),
            _int(row.get("quarter")), _int(row.get("month")),
            _int(row["period_start"]), _int(row["period_end"]), row["unit"], f"{_float(row['value']):.9g}")


class Facts:
    """The claims table as facts, with cached groupings for the rules.

    Parameters
    ----------
    claims
        The claims table (``reconcile.extract_claims`` output).
    bands
        Interval widths for qualifiers and the relative tolerance.
    rates
        Optional exchange rates ``{"base": "USD", "years": {"2024": {"EUR": 1.08}}}``;
        money in a currency with a rate for its year is converted to the base.
    copy_similarity
        How alike two documents' figures make them one source (see :mod:`.copies`); above 1,
        no document is a copy.
    copies
        The copy groups, when they were found already over a whole corpus these claims are
        part of (a document's figures span its markets: one bucket of markets alone would
        find other groups, see :mod:`reconcile.buckets`); ``copy_similarity`` is then unused.
    """

    def __init__(self, claims: pd.DataFrame, *, bands: Bands = Bands(), rates: dict | None = None,
                 copy_similarity: float = 0.9, partial_year: dict | None = None,
                 copies: dict[str, list[str]] | None = None) -> None:
        self.bands = bands
        partial = [(part, phrase_pattern(words)) for part, words in sorted((partial_year or {}).items()) if words]
        self.rates = rates or {}
        rows = _records(claims)
        rows.sort(key=lambda r: (r["doc"], _QUAL_PRECISION.get(r["qualifier"], 9), int(r["start"])))
        kept: dict[tuple, Fact] = {}
        words: list[dict] = []
        reference: list[Fact] = []
        company_shares: list[Fact] = []
        other_basis: dict[tuple, Fact] = {}
        #: every figure a document states for a subject and measure, whatever its period, basis or
        #: kind: ``{(subject, scope, measure): [(low, high, doc)]}`` (see ``stated_anywhere``)
        self.stated: dict[tuple, list] = defaultdict(list)
        for row in rows:
            if row.get("accounting") == "restated":
                # "Revenue 2023 (restated)": as reported today (a growth rate compares with it), but
                # no contradiction of the figure as first published (RC201 passes it over)
                row["accounting"], row["restated"] = "reported", True
            quote = row.get("quote")
            if isinstance(quote, str) and "</t" in quote:
                row["quote"] = _untagged(quote)  # "2024</td><td>8,520": read as the row it is, "2024 | 8,520"
            if (row.get("subject") and row.get("measure") and math.isfinite(_float(row["value"]))
                    and row.get("source_type") != "reference"):
                lo, hi = interval(row, bands)
                self.stated[(row["subject"], row["scope"], row["measure"], row["unit"])].append((lo, hi, row["doc"]))
            if row.get("source_type") == "reference":  # a trusted figure, not a document's: see ``reference``
                reference.append(self._fact(row))
                continue
            if row["metric"] == QUALITATIVE:
                words.append(row)
                continue
            if _company_share(row) and math.isfinite(_float(row["value"])):
                company_shares.append(self._fact(row))  # "its revenue represents about 21% of the market"
                continue
            if row.get("accounting") in _OTHER_BASES and math.isfinite(_float(row["value"])) and \
                    comparable(row, periodic=True, any_basis=True):
                key = _identity(row) + (row["accounting"],)
                if key not in other_basis:
                    row["part_of_year"] = _part_of_year(row, partial)
                    other_basis[key] = self._fact(row)
                continue
            if not comparable(row, periodic=True) or not math.isfinite(_float(row["value"])):
                continue
            key = _identity(row)
            if key in kept:
                kept[key].also.append(row)
                continue
            row["part_of_year"] = _part_of_year(row, partial)
            kept[key] = self._fact(row)
        facts = [f for f in kept.values() if comparable(f.row) and not f.row["part_of_year"]]
        periodic = [f for f in kept.values() if not comparable(f.row) or f.row["part_of_year"]]
        #: ``{document: [its near-duplicate copies]}``; the copies' facts are left out.
        if copies is None:
            copies = copy_groups(facts + periodic, similarity=copy_similarity) if copy_similarity <= 1 else {}
        self.copies: dict[str, list[str]] = copies
        dropped = {d for group in self.copies.values() for d in group}
        self._dropped = dropped
        order = lambda f: (f.doc, int(f.row["start"]))  # noqa: E731
        #: annual and multi-year facts: what every rule compares
        self.all: list[Fact] = sorted((f for f in facts if f.doc not in dropped), key=order)
        #: a quarter's or a month's facts: only rules that compare like periods read these
        self.periodic: list[Fact] = sorted((f for f in periodic if f.doc not in dropped), key=order)
        #: qualitative claims (``metric`` "qualitative": ranks, superlatives, trends, listings) as
        #: Facts with an empty interval; only the rules on words read these
        self.words: list[Fact] = [Fact(row=r, value=_float(r["value"]), lo=math.nan, hi=math.nan, year=_int(r["year"]),
                                       period_start=_int(r["period_start"]), period_end=_int(r["period_end"]))
                                  for r in words if r["doc"] not in dropped]
        #: reference facts (``source_type`` "reference", from rules/reference/): never compared as a
        #: document's figures, only with them (rule RC701)
        self.reference: list[Fact] = sorted(reference, key=order)
        #: adjusted (non-GAAP) and constant-currency facts: compared only with facts on the same
        #: basis (see ``on_basis``), never with reported ones
        self.other_basis: list[Fact] = sorted((f for f in other_basis.values() if f.doc not in dropped), key=order)
        #: a company's stated share of a market in a document about the company (a share of no
        #: named part, so no fact for the other rules): only rule RC406 reads these
        self.company_shares: list[Fact] = sorted((f for f in company_shares if f.doc not in dropped), key=order)
        _growth_targets(self.all + self.periodic)
        parts = _unnamed_parts(self.all, rows)
        #: values a share of the whole beside them makes a part, though no part is named: left
        #: out of ``all`` (with ``all`` and ``periodic``, the facts copies are found by)
        self.unnamed_parts: list[Fact] = [f for f in self.all if id(f) in parts]
        if parts:
            self.all = [f for f in self.all if id(f) not in parts]
        self._groups: dict[tuple, dict] = {}
        self._memo: dict = {}

    def on_basis(self, accounting: str) -> "Facts":
        """A view of the facts stated on one other basis (``adjusted``, ``constant_currency``):
        the same groupings, over those facts only."""
        view = copy.copy(self)
        facts = [f for f in self.other_basis if f.row.get("accounting") == accounting]
        view.all = [f for f in facts if comparable(f.row, any_basis=True) and not f.row["part_of_year"]]
        kept = {id(f) for f in view.all}
        view.periodic = [f for f in facts if id(f) not in kept]
        view.other_basis, view.company_shares, view.words, view.reference = [], [], [], []
        _growth_targets(view.all + view.periodic)
        view._groups, view._memo = {}, {}
        return view

    def confident(self, least: float) -> "Facts":
        """A view of the facts read with at least ``least`` confidence (the rest are figures
        whose subject, year or part the words left uncertain)."""
        if least <= 0:
            return self
        view = copy.copy(self)
        keep = lambda f: _float(f.row.get("confidence", 1.0)) >= least  # noqa: E731
        view.all = [f for f in self.all if keep(f)]
        view.periodic = [f for f in self.periodic if keep(f)]
        view.other_basis = [f for f in self.other_basis if keep(f)]
        view._groups, view._memo = {}, {}
        return view

    def stated_anywhere(self, f: Fact, widen) -> bool:
        """Whether another document states a figure for ``f``'s subject, scope and measure (in any
        period, adjusted or not, expected or not) that meets ``f``'s interval widened by ``widen``."""
        lo, hi = widen(f)
        return any(d != f.doc and d not in self._dropped and a <= hi and lo <= b
                   for a, b, d in self.stated.get((f.subject, f.scope, f.measure, f.row.get("converted_from") or f.unit), ()))

    def memo(self, key, compute):
        """``compute()`` once per key: derived views several rules share (part sets)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def _fact(self, row: dict) -> Fact:
        """A row as a fact: its interval, calendar and era, money converted by the rates."""
        lo, hi = interval(row, self.bands)
        row["calendar"], row["era"] = calendar(row), era(row)
        row.setdefault("part_of_year", "")
        row["measure"] = row.get("measure") or row["metric"]
        row["basis"] = row.get("basis") if isinstance(row.get("basis"), str) else ""
        if row["measure"] == "eps" and not row["basis"]:
            row["basis"] = _per_share_basis(row)  # basic and diluted earnings per share are two figures
        return self._converted(Fact(row=row, value=_float(row["value"]), lo=lo, hi=hi, year=_int(row["year"]),
                                    period_start=_int(row["period_start"]), period_end=_int(row["period_end"])))

    def _converted(self, f: Fact) -> Fact:
        base = self.rates.get("base")
        unit = f.row["unit"]
        if not base or unit == base or f.year is None:
            return f
        rate = self.rates.get("years", {}).get(str(f.year), {}).get(unit)
        if rate is None:
            return f
        f.row = dict(f.row, unit=base, converted_from=unit, rate=rate)
        f.value, f.lo, f.hi = f.value * rate, f.lo * rate, f.hi * rate
        return f

    def groups(self, *keys: str, metric: str | tuple | None = None) -> dict[tuple, list[Fact]]:
        """Facts grouped by ``keys`` (columns), optionally only for some metrics."""
        metrics = (metric,) if isinstance(metric, str) else metric
        cache_key = (keys, metrics)
        if cache_key not in self._groups:
            out: dict[tuple, list[Fact]] = defaultdict(list)
            for f in self.all:
                if metrics is None or f.metric in metrics:
                    own, row = f.__dict__, f.row  # plain lookups: this runs for every fact
                    out[tuple(own[k] if k in own else row[k] for k in keys)].append(f)
            self._groups[cache_key] = dict(sorted(out.items(), key=lambda kv: tuple(map(str, kv[0]))))
        return self._groups[cache_key]

    def by_doc(self, facts: list[Fact]) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            out[f.doc].append(f)
        return dict(sorted(out.items()))


#: How far (characters) a rate of change may be from the value it is about
GROWTH_REACH = 80


def figure_at(row: dict) -> int:
    """Where a claim's figure stands in its document (``start`` is where its quote starts)."""
    at = str(row["quote"]).find(str(row["figure"]))
    return int(row["start"]) + max(at, 0)


#: An economy's output named in a growth figure's sentence ("GDP grew by 1.3%", "output was 1.8% higher").
_OUTPUT = re.compile(r"\b(?:GDP|gross\s+domestic\s+product|output|the\s+economy|economic\s+growth)\b"
                     r"|(?:^|[.*:]\s*)growth\s+(?:picked|slowed|accelerated|eased|quickened|was|came|rose|fell|edged|held)\b",
                     re.IGNORECASE)
#: …but not its value, prices or a part of it.
_NOT_REAL_OUTPUT = re.compile(r"\b(?:nominal|current\s+prices|deflator|per\s+capita|value\s+added|industrial\s+output|"
                              r"manufacturing|construction|services|exports?|imports?|consumption|investment)\b", re.IGNORECASE)


def _named_part_of_economy(v: Fact) -> bool:
    """An economy's amount named by its part ("GDP at current prices amounted to EUR 98.6
    billion"): what grew is its part, however its measure is called."""
    return v.row.get("entity_type") == "economy" and v.scope != "Global" and v.row.get("dimension") == "component"


def _growth_targets(facts: list[Fact]) -> None:
    """What a rate of change is of: the value beside it in its sentence ("revenue rose 16%
    to $245.1 billion", "$245.1 billion, up 16%"), same subject, scope and period. Sets
    ``target`` (that fact) and ``row["of"]`` (its measure); neither when no single named
    measure stands within ``GROWTH_REACH`` characters (a value whose measure is "other" says
    nothing about what grew: "OpEx grew by 5% to $57.5 billion" is no revenue)."""
    sentences: dict[tuple, list[Fact]] = defaultdict(list)
    where: dict[tuple, int] = {}  # a value's place in a sentence: its own row's, or the repeat's there
    for f in facts:
        f.target = None
        f.row["of"] = ""
        sentences[(f.doc, int(f.row["start"]), f.row["quote"])].append(f)  # a sentence may wrap over lines
    for f in facts:
        for a in f.also:  # "8,520" in an infobox and again in the table row a growth column reads
            key = (a["doc"], int(a["start"]), a["quote"])
            if key in sentences and f.metric not in ("growth", "cagr", "share"):
                sentences[key].append(f)
                where[id(f), key] = figure_at(a)
    for key, group in sentences.items():
        rates = [g for g in group if g.metric == "growth" and (g.doc, int(g.row["start"]), g.row["quote"]) == key]
        if not rates:
            continue
        at = lambda v: where.get((id(v), key), figure_at(v.row))  # noqa: E731
        values = [v for v in group if v.metric not in ("growth", "cagr", "share")
                  and (v.measure != "other" or _named_part_of_economy(v)  # "other": what grew is not known...
                       or v.row.get("scope_type") == "line_item")  # ...unless a company's named line ("deposits")
                  and v.unit not in ("percent", "percentage_point")
                  and not str(v.row.get("basis") or "").startswith("change")]  # a change is no level
        for g in rates:
            near = [v for v in values if v.subject == g.subject and v.scope == g.scope and v.year == g.year
                    and v.row.get("quarter") == g.row.get("quarter") and v.row.get("month") == g.row.get("month")
                    and abs(at(v) - figure_at(g.row)) <= GROWTH_REACH]
            if len({v.measure for v in near}) > 1 and "|" in str(g.row["quote"]):
                # "| Pumps | 188.4 | 201.9 | 8.2 | 14.8 | 16.3 |" under "Revenue … | % change | Segment
                # profit …": a change column follows the columns it compares
                near = [v for v in sorted(near, key=at) if at(v) < figure_at(g.row)][-1:]
            if len({v.measure for v in near}) == 1:
                g.target = min(near, key=lambda v: (abs(at(v) - figure_at(g.row)), at(v)))
                g.row["of"] = g.target.measure
                if g.target.measure == "other" and g.row.get("basis"):
                    g.row["of"] = "index"  # an economy's part ("imports rose 2.4% to CVK 15,473 million"): as its rates are
            elif not near and g.row.get("entity_type") == "economy" and g.scope == "Global" \
                    and g.row.get("basis") in ("yoy", "qoq") and _OUTPUT.search(str(g.row["quote"])) \
                    and not _NOT_REAL_OUTPUT.search(str(g.row["quote"])):
                # "Compared with a year earlier, output was 1.8% higher": the economy's real growth,
                # comparable across documents on the same basis and period
                g.row["of"] = "output"
            elif not near and g.row.get("entity_type") == "economy" and g.row.get("dimension") == "component" \
                    and g.row.get("basis"):
                # a part of an economy's statistic ("non-food store volumes fell 0.7% on the month"):
                # a rate of that part's index, comparable on the same basis and period
                g.row["of"] = "index"
            elif not near and g.row.get("entity_type") == "company" and g.scope != "Global" \
                    and g.row.get("scope_type") == "segment" and g.row.get("basis") in ("", "yoy") \
                    and _of_sales(g.row):
                # a company's named line ("comparable sales rose 4.8%", "like-for-like sales +3.4%"):
                # that line's rate, comparable for the same company, line and period
                g.row["of"] = "segment"
            elif not near and g.row.get("entity_type") == "company" and g.row.get("accounting") == "organic" \
                    and g.row.get("basis") in ("", "yoy") and _of_sales(g.row, organic=True):
                # "organic revenue growth of 5.1%", "organic growth of 1.5%": the company's (or the
                # part's) revenue, on an organic basis
                g.row["of"] = "revenue"


#: What a named line's rate may be of, the nearest before the figure: only sales (or revenue)
#: rates are compared ("Apparel operating income rose 12.4%" is no rate of Apparel's sales).
_LINE_MEASURE = re.compile(r"\b(?:(sales|revenues?)|income|profits?|earnings|ebitda|ebit|margins?|orders?|bookings?|"
                           r"volumes?|traffic|transactions|cash\s+flow|expenses|costs?|spending|headcount)\b", re.IGNORECASE)


def _of_sales(row: dict, *, organic: bool = False) -> bool:
    """Whether the measure named nearest before a rate in its quote is sales or revenue (with
    ``organic``, or none is named: "organic growth of 1.5%" is of sales)."""
    quote, figure = str(row.get("quote") or ""), str(row.get("figure") or "")
    at = quote.find(figure)
    last = None
    for last in _LINE_MEASURE.finditer(quote, max(0, at - 80), max(at, 0)):
        pass
    return (organic and last is None) or last is not None and last.group(1) is not None


def _unnamed_parts(facts: list[Fact], rows: list[dict]) -> set[int]:
    """Values that are a part of the total although no part is named: "cloud-based solutions
    generated USD 1.79 billion in 2024, or 63% of the total". A value with a share of under
    100% of the whole beside it (same sentence, within ``GROWTH_REACH`` characters after it)
    is a part; read as the whole market it would contradict the real total."""
    shares: dict[tuple, list[int]] = defaultdict(list)
    for r in rows:  # shares of the whole are no facts of their own (see ``comparable``): read the rows
        if r["metric"] == "share" and r.get("scope_type") == "global" and 0 < _float(r["value"]) < 100:
            shares[(r["doc"], int(r["start"]), r["quote"])].append(figure_at(r))
    out: set[int] = set()
    if not shares:
        return out
    for v in facts:
        if v.metric in ("market_size", "revenue") and v.scope == "Global":
            starts = shares.get((v.doc, int(v.row["start"]), v.row["quote"]), [])
            if any(0 < s - figure_at(v.row) <= GROWTH_REACH for s in starts):
                out.add(id(v))
    return out


def overlaps(a: tuple[float, float], b: tuple[float, float], *, relative: float = 0.0) -> bool:
    """Whether two intervals meet once each is widened by ``relative`` of its magnitude."""
    def widen(iv):
        lo, hi = iv
        m = max(abs(lo) if math.isfinite(lo) else 0.0, abs(hi) if math.isfinite(hi) else 0.0)
        return lo - relative * m, hi + relative * m
    alo, ahi = widen(a)
    blo, bhi = widen(b)
    return alo <= bhi and blo <= ahi
