"""Claims in running text: one sentence at a time, each figure read in its sentence.

All context windows are bounded (a few hundred characters around a figure), so a file
that is one 2 MB line costs no more per figure than a short one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .context import last_company
from .dating import (BASE_BEFORE, FROM_YEAR_TO, LAST_YEARS, PRIOR_WORD, change_time, choose_time, comparison_base,
                     is_base, is_base_figure, leading_time, or_pairs, prior_period, read_time)
from .draft import DocContext, Draft, trim_span
from .equivalents import part_trajectory, share_amounts
from .links import cagr_periods, respectively, restated_years
from .quantities import INDEX, PRIOR_LABEL, Quantity
from .scope import PERIODISH
from .parts import company_part
from .timeexpr import ANALYST_MARK
from .timing import apply_time
from .vocabulary import Vocabulary, without_aside

LEFT_WINDOW = 300
RIGHT_WINDOW = 200
CHUNK = 1500
PARAGRAPH_WINDOW = 1500  # how far back in its line a sentence looks for the company it speaks of
QUOTE_MAX = 600  # longer sentences are quoted around the figure
QUOTE_SIDE = 160
_SENTENCE_END = re.compile(r"[.!?;…]+[\"”’')\]*]*\s+(?=[\"“‘(\[*#•-]?\s?[A-Z0-9$€£¥₹])|\s[-–—•]\s(?=[A-Z])")
_ABBREV = re.compile(
    r"(?:\b(?:inc|ltd|co|corp|plc|llc|vs|approx|est|etc|e\.g|i\.e|u\.s|u\.k|st|mr|mrs|ms|dr|no|fig|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec|dept|univ|avg|min|max|mn|bn|rs|no|vol|approx|adj|incl|excl|yr|mkt|rev)|"
    r"\b[A-Z])\.$",
    re.IGNORECASE,
)
_QUOTE_LEAD = " \t\r\n|-*#•"
_TOGETHER = re.compile(r"\b(?:together|combined|collectively|jointly|between\s+them)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_AND_ONLY = re.compile(r"^\s*(?:and|to|-|–)\s*$", re.IGNORECASE)
_LIST_MEASURES = ("share", "cagr", "growth", "rate", "margin")
# "$78.43B in SaaS revenue", "Enterprise cloud subscription revenues are forecast to reach $67B"
_REVENUE_OF = re.compile(r"^\s*(?:in|of)\s+((?:[A-Za-z][\w&/-]*\s+){0,3}[A-Za-z][\w&/-]*)\s+revenues?\b")
_NOT_IN_NAME = frozenset(("in", "of", "from", "for", "on", "to", "by", "and", "the", "with", "at"))
_REVENUE_OF_LEFT = re.compile(r"(?<![\w.$])((?:[A-Za-z][\w&/-]*\s+){0,3}[A-Za-z][\w&/-]*)\s+revenues?\b[^.$]{0,60}$")
_LIST_JOINER = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*$")
#: The next measure of the same list: " crore and revenue of ", ", and EPS of ".
_AND_MEASURE_OF = re.compile(r"^\s*(?:crores?|lakhs?|million|billion|bn|mn|m|b)?\s*,?\s*and\s+(?:[a-z][\w-]*\s+){1,3}"
                             r"(?:of|at)\s+$", re.IGNORECASE)
_OF_REGION = re.compile(r"^\s*of\s+(?:the\s+)?(?:regional|region['’]s|the\s+region)\b", re.IGNORECASE)
_CONVERSION_GAP = re.compile(r"^\s*(?:(?:in|for|as\s+of)\s+(?:FY\s?)?(?:19|20)\d\d\s*)?\(\s*"
                             r"(?:about|approximately|around|roughly|some|or|~|≈)?\s*$", re.IGNORECASE)
_OR_CONVERSION_GAP = re.compile(r"^\s*,?\s*or\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|some\s+)?$",
                                re.IGNORECASE)
_TOLERANCE_GAP = re.compile(r"^,?\s*(?:plus\s+or\s+minus|plus/minus|±|\+/-)\s*$", re.IGNORECASE)


def sentence_starts(block: str) -> list[int]:
    """Offsets (in ``block``) where sentences start."""
    starts = [0]
    for m in _SENTENCE_END.finditer(block):
        if _ABBREV.search(block[max(0, m.start() - 6) : m.start() + 1]):
            continue
        starts.append(m.end())
    return starts


def extract_sentences(ex: Vocabulary, ctx: DocContext, base: int, block: str, found: list[Quantity]) -> list[Draft]:
    """Drafts for the figures in one prose line (``base`` is the line's visible offset)."""
    starts = sentence_starts(block)
    groups: dict[int, list[Quantity]] = {}
    for q in found:
        groups.setdefault(bisect.bisect_right(starts, q.start - base) - 1, []).append(q)
    drafts: list[Draft] = []
    carry: dict = {}  # a year opening an earlier sentence of this paragraph
    done = 0  # where the last sentence read ends
    for idx in sorted(groups):
        s0 = base + starts[idx]
        s1 = base + (starts[idx + 1] if idx + 1 < len(starts) else len(block))
        if ctx.entity and s0 - base > done:
            _sentences_without_figures(ex, ctx, base + done, s0, carry)
        done = s1 - base
        for chunk in _chunks(groups[idx]):
            drafts.extend(_sentence(ex, ctx, s0, s1, chunk, drafts[-1] if drafts else None, carry))
    return drafts


def _sentences_without_figures(ex: Vocabulary, ctx: DocContext, a: int, b: int, carry: dict) -> None:
    """ "Output increased in Q2 2014 compared with Q1 2014. Output increased by 1.0% in
    services…": in a company's or an economy's paragraph, a sentence with no figure of its
    own still sets the period the next ones speak of (not a comparison's base)."""
    text = ctx.doc.visible
    a = max(a, b - PARAGRAPH_WINDOW)
    for t in ex.times.find(text[a:b], a):
        # not a dateline or a day's date ("SPRINGFIELD, March 3, 2025 -- … results for the
        # fourth quarter of 2024"): the period the sentence reports on
        if t.kind == "point" and (t.year or t.quarter or t.month) and not t.dated and not is_base(text, t):
            carry["last"] = t
            return


def _chunks(qs: list[Quantity]) -> list[list[Quantity]]:
    """Split a very long sentence's figures into runs that span at most ``CHUNK`` chars.

    Every step below scans its chunk, so bounding the chunk keeps extraction linear
    even for a file that is one enormous sentence.
    """
    out, cur = [], []
    for q in qs:
        if cur and q.end - cur[0].start > CHUNK:
            out.append(cur)
            cur = []
        cur.append(q)
    if cur:
        out.append(cur)
    return out


def _sentence(ex: Vocabulary, ctx: DocContext, s0: int, s1: int, qs: list[Quantity], before: Draft | None,
              carry: dict) -> list[Draft]:
    text = ctx.doc.visible
    w0 = max(s0, qs[0].start - LEFT_WINDOW)
    w1 = min(s1, qs[-1].end + RIGHT_WINDOW)
    window = text[w0:w1]
    times = ex.times.find(window, w0)
    # A time expression overlapping a figure is part of it ("$2,025 million" is no year).
    times = [t for t in times if not any(q.start < t.end and t.start < q.end for q in qs)]
    regions = [(s + w0, e + w0, n, a) for s, e, n, a in ex.scopes.region_mentions(window)]
    regions = [r for r in regions if not any(q.start < r[1] and r[0] < q.end for q in qs)]
    subjects = [(p + w0, k) for p, k in ex.subjects.phrases(window)]
    has_market = bool(subjects) or "market" in window.lower()
    block_start = ctx.visible_lines.line_start(ctx.visible_lines.line(s0))
    paragraph = text[max(block_start, s0 - PARAGRAPH_WINDOW):s0]  # bounded: a one-line file stays linear

    drafts = [Draft(q) for q in qs]
    _merge_between(text, drafts)
    _pair_up(text, drafts)
    consumed: set[int] = set()
    leading = leading_time(text, times, w0, s0)
    if leading is not None:
        carry["lead"] = leading
    prev_year = None
    for i, d in enumerate(drafts):
        if d.dropped:
            continue
        q = d.q
        prev_end = max(w0, drafts[i - 1].q.end) if i else w0
        next_start = drafts[i + 1].q.start if i + 1 < len(drafts) else w1
        around = _Around(
            left=text[max(prev_end, q.start - LEFT_WINDOW) : q.start],
            full_left=text[max(w0, q.start - LEFT_WINDOW) : q.start],
            right=text[q.end : min(next_start, q.end + RIGHT_WINDOW)],
            own_left=text[prev_end : q.start],
            paragraph=paragraph,
            next_figure=i + 1 < len(drafts) and next_start <= q.end + RIGHT_WINDOW,
        )
        if d.qualifier != "range":
            d.qualifier = ex.cues.qualifier(around.left, q.plus)
        same_unit = next((p for p in reversed(drafts[:i]) if not p.dropped and p.q.unit == q.unit), None) if i else None
        _read_measure(ex, ctx, d, same_unit or (drafts[i - 1] if i else before), around, has_market, regions)
        if i >= 2 and q.unit == "percent" and d.measure in ("growth", "other") and _PER_YEAR.match(around.right) \
                and _RATE_OF_PAIR.match(around.own_left) and _years_apart(drafts[i - 2], drafts[i - 1]) >= 2:
            # "USD 4.7 billion in 2024 and … USD 11.66 billion by 2032, or 12.0% a year": the
            # compound rate between the two levels
            d.measure, d.metric, d.basis = "cagr", ex.family("cagr"), "cagr"
        if i and q.unit == "percentage_point" and drafts[i - 1].q.unit == "percent" \
                and drafts[i - 1].measure in ("margin", "share", "rate") and _LEVEL_THEN_CHANGE.match(around.own_left):
            # "operating margin of 15.4%, up 120 basis points from 14.6%": the level's change
            a = drafts[i - 1]
            d.measure, d.metric, d.accounting = a.measure, ex.family(a.measure), a.accounting
            d.negative = bool(re.search(r"\b(?:down|an?\s+(?:decrease|decline|fall|drop|contraction))\b", around.own_left,
                                        re.IGNORECASE))
        if i and d.measure in ("growth", "other") and q.unit == "percent" and drafts[i - 1].q.unit == "percentage_point" \
                and drafts[i - 1].measure in ("margin", "share", "rate") and _PP_TO.match(around.own_left):
            # "the core operating margin improved 0.5 percentage points to 8.9%": the level the margin reached
            d.measure, d.metric, d.negative, d.basis = drafts[i - 1].measure, ex.family(drafts[i - 1].measure), False, ""
            if d.accounting == "reported":
                d.accounting = drafts[i - 1].accounting  # "Adjusted operating margin expanded 70 bp to 24.6%"
        if d.q.unit not in ("percent", "percentage_point") and d.measure not in ("eps", "price", "other") \
                and ex.is_amount_change(around.own_left):
            # "rose by $12.0 million to …": a change, not a level (signed: "fell by $3.1 million")
            counted = d.measure == "count"
            d.measure, d.metric, d.basis = "other", "other", "change"
            d.negative = ex.is_decline(around.own_left, "")
            base = ex.basis(around.left, around.right) or ("qoq" if _IN_THE_QUARTER.match(around.right) else "")
            if counted and base in ("qoq", "yoy", "mom"):
                # "Employment rose by 64,000 on the quarter": a count's change on a stated base,
                # compared with the same change elsewhere ("rose by 46,000 in the quarter")
                d.measure, d.basis = "count", f"change_{base}"
        if (same_unit is not None and d.measure != same_unit.measure and same_unit.measure not in ("other", "eps", "price")
                and d.measure not in ("eps", "price") and _COMPARED_WITH.search(around.own_left)
                and ex.measures.nearest(q.unit if q.unit in ("percent", "count") else "money",
                                        own := around.own_left.rpartition(",")[2], "", before=len(own)) is None):
            # "operating income was $187.4 million, or 6.6% of revenue, compared with $69.2 million":
            # the base of a comparison is of the figure it is compared with, unless its own words say
            d.measure, d.metric = same_unit.measure, same_unit.metric
        if (same_unit is not None and d.measure == "other" and same_unit.measure != "other"
                and PRIOR_LABEL.search(text[max(0, q.start - 50) : q.start])):
            d.measure, d.metric = same_unit.measure, same_unit.metric  # "£912m … (30 September 2024: £842m)"
        if d.accounting == "reported" and ex.units.is_currency(q.unit):
            # "Adjusted operating profit rose 13.2% to £74.8m": the clause's subject, before the
            # rate of change, says how the amount is measured
            if i and drafts[i - 1].q.unit != q.unit:  # words before the rate in between: read them too
                since = max(s0, same_unit.q.end if same_unit else s0, q.start - 200)
                # "Underlying profit, which strips out restructuring costs, rose 7% to": less the aside
                d.accounting = ex.accounting(without_aside(text[since : q.start])[-70:], around.right)
            if d.accounting == "reported" and same_unit is not None and is_base_figure(text, q):
                d.accounting = same_unit.accounting  # "to £74.8m (FY2024: £66.1m)": compared like for like
        reach = next_start
        if i + 1 < len(drafts) and text[q.end:next_start].strip() == "(" \
                and text[drafts[i + 1].q.end:drafts[i + 1].q.end + 1] == ")":
            # "accelerating to 13% ($96.2 billion) in 2024": the year after the aside is the figure's too
            reach = drafts[i + 2].q.start if i + 2 < len(drafts) else w1
        t = choose_time(text, times, consumed, q, prev_end, reach)
        d.own_time = t is not None
        if t is None and i and drafts[i - 1].measure == "growth" and q.unit not in ("percent", "percentage_point"):
            # "grew by 5% in 2024 to $57.5 billion": the level the change reached shares its year.
            t = drafts[i - 1].time if drafts[i - 1].time is not None and drafts[i - 1].time.kind == "point" else None
        if d.continues is not None and (not any(d.continues is p for p in drafts[:i])
                                        or is_base_figure(text, d.continues.q)):
            d.continues = None  # only a list in this sentence, and not a comparison's base ("after rising 2.7%")
        if t is None and d.continues is not None and d.continues.time is not None and d.continues.time.kind == "point":
            t = d.continues.time
        if t is None and i and FROM_YEAR_TO.search(text[drafts[i - 1].q.end:q.start]):
            # "increased by 2.8% in 2024, from 2,404,000 in 2023 to 2,443,000": the level
            # reached is of the year the change is of.
            t = change_time(drafts[:i], drafts[i - 1].year)
        if t is None and i >= 2 and q.unit == "percent" and _CHANGE_OF_PAIR.match(around.own_left):
            # "reached USD 472 million in 2025, up from USD 438 million in 2024, an increase of 11.6%":
            # the change from the earlier year to the later one is the later year's
            a, b = drafts[i - 2], drafts[i - 1]
            if a.q.unit == b.q.unit and a.q.unit not in ("percent", "percentage_point") and a.year and b.year \
                    and a.year != b.year and a.time is not None and b.time is not None:
                t = a.time if a.year > b.year else b.time
        if (t is None and i and ctx.entity and drafts[i - 1].time is not None and drafts[i - 1].time.kind == "point"
                and not drafts[i - 1].time.as_of and not is_base_figure(text, drafts[i - 1].q)):
            # a company's or economy's sentence speaks of one period (not the period of a
            # comparison: "compared with 14.4% in fiscal 2024; adjusted margin of 17.9%")
            t = drafts[i - 1].time
        read_time(ex, ctx, d, t or leading, carry)
        apply_time(ctx, d, d.time, inherited_year=prev_year)
        if i and BASE_BEFORE.search(around.own_left[-25:]):
            comparison_base(ex, d, drafts[i - 1], around, company=ctx.company_doc or ctx.entity_type == "company",
                            after=text[q.end : q.end + 90])
        elif i and ctx.brackets_prior and drafts[i - 1].q.unit == q.unit and drafts[i - 1].year \
                and _BRACKET_OPENS.match(text, drafts[i - 1].q.end, q.start) and text[q.end : q.end + 1] == ")":
            # "the EBIT margin improved to 7.8% (7.2%)" in a report whose "figures in brackets refer
            # to 2023": the same measure, a year before
            a = drafts[i - 1]
            d.measure, d.metric, d.basis, d.accounting = a.measure, a.metric, a.basis, a.accounting
            d.year, d.quarter, d.half, d.month, d.fiscal = a.year - 1, a.quarter, a.half, a.month, a.fiscal
        if d.measure == "growth" and not d.basis and d.year and (d.quarter or d.month):
            d.basis = _basis_of_base(text, times, s0, s1, d)  # "… GDP grew by 1.3%, compared with the second quarter of 2024"
        if d.year is not None:
            prev_year = d.year
        if d.time is not None and d.time.kind == "point" and not d.time.as_of and not is_base_figure(text, q):
            carry["last"] = d.time  # the period this paragraph last spoke of (not a comparison's)
        if not d.revised:  # (an earlier estimate keeps the scope of the figure it was revised to)
            _read_scope(ex, ctx, d, around, regions, text[s0 : q.start], drafts[i - 1] if i else None)
            if ctx.company_doc and i and drafts[i - 1].scope_type == "segment" and _SAME_PART_GOES_ON.fullmatch(around.own_left) \
                    and (ex.units.is_currency(q.unit) or q.unit == "percent") \
                    and (d.scope_type == "global" or d.scope_type == "segment" and re.fullmatch(r"\s+to\s+", around.own_left)):
                # "Personal Care …: sales grew 6.8% organically, or 5.5% at reported rates, to £2,968 million"
                p = drafts[i - 1]
                d.scope, d.scope_type, d.dimension = p.scope, p.scope_type, p.dimension
            if ctx.company_doc and d.measure == "growth" and d.scope_type == "global" and i \
                    and drafts[i - 1].scope_type == "segment" and (
                        ex.units.is_currency(drafts[i - 1].q.unit) and _AMOUNT_THEN_CHANGE.match(around.own_left)
                        or drafts[i - 1].measure == "growth" and _AND_GROWTH_OF.match(around.own_left)):
                # "Pet & Nutrition …, with Q4 net sales of $455.3 million, up 7.0%, and organic growth of 6.3%"
                p = drafts[i - 1]
                d.scope, d.scope_type, d.dimension = p.scope, p.scope_type, p.dimension
            if d.measure == "growth" and d.accounting == "reported" and i and drafts[i - 1].accounting != "reported" \
                    and ex.units.is_currency(drafts[i - 1].q.unit) and _AMOUNT_THEN_CHANGE.match(around.own_left):
                d.accounting = drafts[i - 1].accounting  # "adjusted diluted EPS was $1.36, up 21.4% from $1.21"
            if d.measure == "margin" and d.accounting == "reported" and _GIVES_MARGIN.search(around.own_left) and any(
                    p.accounting == "adjusted" and p.measure in _MARGIN_OF for p in drafts[:i]):
                d.accounting = "adjusted"  # "non-GAAP operating income of $252.7m on … gives a 23.1% margin"
            if d.bracketed_part and d.measure == "other":
                # "… ($612.8m, +11% y/y) and Security & Software ($191.5m, +26% y/y)": a list of
                # parts in brackets is of one measure
                named = next((p for p in reversed(drafts[:i]) if p.bracketed_part and p.q.unit == q.unit), None)
                if named is not None and named.measure == "revenue":
                    d.measure, d.metric = named.measure, named.metric
        if d.measure == "operating_income" and d.scope_type == "global" and _SEGMENT_PROFIT.search(around.left[-60:]):
            d.measure, d.metric = "other", "other"  # "Segment profit rose to $1.2 billion": the segments' sum, no group figure
        if ctx.company_doc or ctx.entity_type == "company":
            _segment_referred(d, around, drafts[i - 1] if i else None, carry)
        if d.scope_type == "global":
            _aligned_label(ex, ctx, d, text)
        _region_list_item(ex, ctx, d, text, drafts[i - 1] if i else None)
        _value_beside_share(ex, ctx, d, text, drafts[i - 1] if i else None)
        if q.unit == "person" and d.scope_type in ("global", "component", "segment"):
            counted = ex.people_counted(around.full_left)  # "the number of people in work": employment
            if counted:
                d.scope, d.scope_type, d.dimension = counted, "component", "component"
        if d.time is None and ctx.entity_type == "economy" and d.measure in ("growth", "rate"):
            apply_time(ctx, d, ctx.default_time)  # a measure the clause's subject made a rate of change
        elif d.year is None and ctx.entity_type == "economy" and ctx.default_time is not None \
                and ctx.default_time.quarter and _IN_THE_QUARTER.match(around.right):
            apply_time(ctx, d, ctx.default_time)  # "GDP at current prices amounted to EUR 98.6 billion in the quarter"
        d.subject = _nearest_subject(subjects, q, text)
        d.kind = "estimate" if d.revised else ex.cues.kind(around.left, around.right)
        if ctx.company_doc and d.kind != "consensus" and ex.company_expects.search(
                text[s0 : q.start][-160:].rsplit(";", 1)[-1]):
            d.kind = "guidance"  # "The company now expects full-year revenue of $4.82 billion to $4.85 billion"
        elif d.kind == "guidance" and not ctx.company_doc:
            d.kind = "forecast"  # "we expect Europe to account for 44%" in a market report: its forecast
        marked = _ANALYST_MARK.search(text, d.time.start, d.time.end) if d.time is not None and d.time.end else None
        if marked and d.kind in (None, "actual", "estimate", "forecast"):
            d.kind = "forecast" if marked.group(1).upper() == "E" else "actual"  # "FY26E adj. EPS", "3Q25A"
        if d.continues is not None and d.continues.kind and d.kind in (None, "actual", "estimate", "forecast"):
            d.kind = d.continues.kind  # "…, Asia Pacific 39%": the list's kind
        if i and (_LIST_JOINER.match(around.own_left)
                  or _AND_MEASURE_OF.match(around.own_left) and d.kind in (None, "actual", "estimate")) \
                and drafts[i - 1].kind in ("consensus", "guidance", "forecast"):
            # "had estimated net profit of ₹1,962 crore and revenue of ₹12,410 crore": one expectation
            d.kind = drafts[i - 1].kind  # "consensus of $4.35B and $4.91B": the list shares its kind
        if i and LAST_YEARS.search(around.own_left) and d.year and drafts[i - 1].year == d.year:
            # "up 5.8% on last year's £587.9m": the same period a year before, as it was
            d.year -= 1
            d.kind = "actual"
        elif i and PRIOR_WORD.search(around.own_left) and (d.time is None or d.time.start < drafts[i - 1].q.start):
            prior_period(d)  # "4.6% vs consensus 4.7%, prior 4.8%": the period before, as it was
        d.quote_span = trim_span(text, s0, s1, lead=_QUOTE_LEAD) if s1 - s0 <= QUOTE_MAX else _clip(text, s0, s1, q)
        if d.metric in ("market_size", "revenue") and d.year is None and d.period_end is None:
            d.confidence *= 0.8
    or_pairs(ctx, text, drafts)
    share_amounts(text, drafts, ex.units.is_currency)
    part_trajectory(text, drafts, ex.units.is_currency)
    if ctx.company_doc:
        ex.listed.apply_amounts(text, drafts, [max(s0, drafts[i - 1].q.end) if i else s0 for i in range(len(drafts))],
                                ex.units.is_currency)
    ex.listed.apply_parallel(text, drafts, [max(s0, drafts[i - 1].q.end) if i else s0 for i in range(len(drafts))],
                             ex.units.is_currency)
    ex.listed.apply(text, drafts, [max(s0, drafts[i - 1].q.end) if i else s0 for i in range(len(drafts))],
                    label_for=lambda _name: _breakdown(ex, text[s0:drafts[0].q.start], paragraph))
    cagr_periods(drafts, company_doc=ctx.company_doc, is_money=ex.units.is_currency)
    restated_years(text, drafts)
    respectively(ex, text, drafts, regions)
    return drafts


@dataclass(frozen=True)
class _Around:
    """The words around one figure: since the previous figure (``left``), since the sentence
    window's start (``full_left``), up to the next figure (``right``)."""

    left: str
    full_left: str
    right: str
    own_left: str  # exactly since the previous figure (no window cut)
    paragraph: str  # the line before the sentence
    next_figure: bool = False  # ``right`` ends where the next figure starts


def _basis_of_base(text: str, times, s0: int, s1: int, d: Draft) -> str:
    """The basis a quarter's or month's change is on, from the period its sentence compares it with:
    the same period a year before (``yoy``), or the one just before (``qoq``, ``mom``)."""
    for t in times:
        if not (s0 <= t.start < s1) or t.kind != "point" or not t.year or not is_base(text, t):
            continue
        if d.quarter and t.quarter and not t.month:
            if (t.year, t.quarter) == (d.year - 1, d.quarter):
                return "yoy"
            if t.year * 4 + t.quarter == d.year * 4 + d.quarter - 1:
                return "qoq"
        if d.month and t.month and not t.quarter:
            if (t.year, t.month) == (d.year - 1, d.month):
                return "yoy"
            if t.year * 12 + t.month == d.year * 12 + d.month - 1:
                return "mom"
    return ""


#: Where one sentence ends and the next begins: ". Castellan's analyst said".
_SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]?\s+[A-Z]")
#: Right before a comparison's base: "…, compared with ", "versus ", "up from ".
_COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from|against)\s+(?:an?\s+|the\s+)?$",
                            re.IGNORECASE)


def _read_measure(ex: Vocabulary, ctx: DocContext, d: Draft, prev: Draft | None, around: _Around,
                  has_market: bool, regions) -> None:
    """The figure's measure, direction, basis and accounting from the words around it."""
    q, left, right = d.q, around.left, around.right
    if q.unit in ("percent", "percentage_point"):
        d.measure = ex.percent_measure(left, right, q.unit)
        continues = (d.measure == "other" and prev is not None and prev.q.unit == q.unit
                     and prev.measure in _LIST_MEASURES and (prev.measure in ("share", "cagr") or len(left) <= 40)
                     and not _SENTENCE_BREAK.search(left))  # a list runs within its sentence
        if continues:
            # "shares of 35% and 30%", "followed by APAC at 30%", "decreased by 0.5% in
            # construction and by 0.2% in agriculture": a bare figure in a list continues
            # the measure (and the direction) of the figure before it.
            d.measure = prev.measure
            d.negative = prev.negative and d.measure in ("growth", "rate")
            d.confidence *= 0.9
            d.continues = prev  # "Europe to account for 44% by 2028, Asia Pacific 39%": its time too
        if d.measure in ("growth", "other") and not ctx.entity and _PER_YEAR.match(right) \
                and _GROWING.search(left[-40:]) \
                and (_MARKET_NAMED.search(around.full_left)
                     or _GROWTH_OF.search(left[-40:]) and ex.attribution.names(around.full_left)) \
                and (_A_YEAR.search(around.full_left) or _A_YEAR.search(right[:60])):
            # "The … market is estimated at USD 4.9 Bn in 2024 and will touch USD 8.6 Bn in 2030,
            # expanding at 9.9% annually over 2024–2030", "Solvane Partners … forecasts growth of
            # 6.5% a year to 2031": the market's (or a research firm's estimate of its) compound rate
            d.measure = "cagr"
        if d.measure in ("growth", "rate", "other") and ex.is_decline(left, right):
            d.negative = True
        if d.measure in ("growth", "rate"):
            d.basis = ex.basis(left, right)
        elif d.measure == "cagr":
            d.basis = "cagr"
    elif ex.units.is_currency(q.unit):
        d.measure = ex.money_measure(around.full_left, right, has_market=has_market, company_doc=ctx.company_doc,
                                     value=q.value, next_figure=around.next_figure)
        if d.measure in ("net_income", "operating_income", "ebitda", "pretax_income") and ex.loss.search(left[-60:]):
            d.negative = True  # "a net loss of $6.2 million": income below zero
        if not ctx.company_doc and d.measure in ("market_size", "revenue") and (
                d.measure == "revenue" or ex.cues.near("revenue", left, right, before=80, after=40)):
            _company(ex, d, around.full_left, right, around.paragraph, regions, q)
    else:
        d.measure = "other" if q.unit == INDEX else "count"  # an index level is no count
    d.metric = ex.family(d.measure)
    d.accounting = ex.accounting(around.own_left, right)
    if d.accounting == "reported" and prev is not None and prev.accounting == "adjusted" and d.measure == "eps" \
            and ex.units.is_currency(prev.q.unit) and re.fullmatch(r"\s*\(\s*|,?\s+or\s+", around.own_left):
        # "Underlying earnings of $1,318 million ($1.70 per share)", "Non-GAAP net income was
        # $497.3 million, or $3.84 per diluted share": the same basis
        d.accounting = "adjusted"


def _read_scope(ex: Vocabulary, ctx: DocContext, d: Draft, around: _Around, regions, sentence_before: str,
                prev: Draft | None) -> None:
    """A region or segment named for the figure; in a company's document, the segment of its
    figure; in an economy's, the part of the economy its clause is about."""
    if d.scope_type != "company":
        _region_scope(ex, d, regions, d.q, around.left, around.right, around.full_left, around.paragraph)
        if d.measure == "share" and d.scope_type == "country" and _OF_REGION.match(around.right):
            d.dimension = "of_region"  # "Germany contributed 29% of regional revenue": a share of Europe
    own_economy = d.scope_type == "global" or (d.scope_type == "country" and d.scope == ctx.entity)
    if d.scope_type == "global" and not d.explicit_global and d.q.unit == "percent" \
            and d.measure in ("growth", "rate", "other", "share") and _parenthesised_part(ex, ctx, d, around.own_left):
        pass  # "Vegetables (up 11.8%)": the part its brackets follow
    elif ctx.company_doc and d.scope_type == "global" and ex.units.is_currency(d.q.unit) \
            and _named_in_brackets(around.own_left) and _parenthesised_part(ex, ctx, d, around.own_left):
        # "with Enterprise Networking ($612.8m, +11% y/y)": the segment its brackets follow
        d.bracketed_part = True
    elif ctx.company_doc and d.scope_type == "global" and prev is not None and prev.scope_type == "segment" \
            and d.q.unit in ("percent", "percentage_point") and _IN_SAME_BRACKET.match(around.own_left) \
            and ctx.doc.visible[max(0, prev.q.start - 2) : prev.q.start].strip().endswith("("):
        d.scope, d.scope_type, d.dimension = prev.scope, prev.scope_type, prev.dimension  # "($612.8m, +11% y/y)"
    elif ctx.entity_type == "economy" and own_economy and not d.explicit_global:
        _component(ex, ctx, d, around, prev)
    elif (not ctx.company_doc and not ctx.entity_type and d.scope_type == "global" and not d.explicit_global
          and (d.measure in ("share", "cagr", "market_size") or (d.measure == "other" and ex.units.is_currency(d.q.unit)))):
        _market_segment(ex, ctx, d, around)
        if d.scope_type == "global" and prev is not None and prev.scope_type == "segment" and (
                (prev.q.unit == d.q.unit and _FROM_TO.match(around.own_left))  # "rises from X in 2026 to Y"
                # "Single-use devices generated USD 0.93 billion and are gaining ground, with a forecast CAGR of"
                or (d.measure == "cagr" and _SAME_SUBJECT_GOES_ON.match(around.own_left)
                    and not _MARKET_NAMED.search(around.own_left))
                or (d.measure == "cagr" and ex.units.is_currency(prev.q.unit) and _SEGMENT_CAGR.match(around.own_left))
                or (d.measure == "cagr" and prev.measure in ("share", "market_size") and _SAME_SUBJECT_CAGR.match(around.own_left))):
            d.scope, d.scope_type, d.dimension = prev.scope, prev.scope_type, prev.dimension  # "…, a CAGR of 14.6%"
    if not ctx.company_doc and d.scope_type == "global" and prev is not None and prev.scope_type == "segment" \
            and prev.measure == "share" and d.q.unit == "percent" and d.measure in ("share", "other"):
        elided = _ELIDED_PART.match(around.own_left)
        if elided and not _MARKET_NAMED.search(elided.group(1)) and not ex.regions.find(elided.group(1)):
            # "Wall panels accounted for 54.7% of 2025 revenue and floor and roof panels for 45.3%"
            d.scope, d.scope_type, d.dimension = ex.segment_label(elided.group(1)), "segment", prev.dimension
            d.measure, d.metric = "share", ex.family("share")
    if ctx.company_doc and d.scope_type == "global" and _STANDALONE.search(around.full_left):  # (bounded: linear)
        # "On a standalone basis, revenue from operations was Rs 7,604.1 crore": the parent
        # company alone, not the consolidated group
        d.scope, d.scope_type, d.dimension = "standalone", "segment", "entity_basis"
    if not ctx.company_doc and d.scope_type == "global" and d.measure in ("cagr", "growth") \
            and _VOLUME_TERMS.search(around.full_left):
        # "In volume terms, the market … is forecast to grow at a CAGR of 5.2%": not its value's rate
        d.scope, d.scope_type, d.dimension = "volume", "segment", "volume"
    d.company = last_company(ctx, sentence_before, around.paragraph)
    money = ctx.company_doc and ex.units.is_currency(d.q.unit)
    named_after = ex.measures.line_item_after(around.right) if money else None  # "… $3.1bn of deposits"
    held_after = ex.measures.line_item_after(around.right, around.own_left) if named_after else None
    if named_after and not held_after and d.measure not in ("other", "revenue"):
        d.measure = d.metric = "other"  # "the government provided €900 million in loans": a flow of loans, no income
    if money and d.scope_type in ("global", "segment") and (d.measure in ("other", "revenue") or held_after) \
            and not d.basis and not ex.is_amount_change(around.own_left):
        # "Period-end deposits were $118.6 billion": a line of the company's own, its figures compared only with that line's
        item = ex.measures.line_item(around.full_left, around.right)
        if item is None and _BASE_OF_SAME.match(around.own_left):
            # "…, up 3.2% from $112.4 billion at September 30, 2025": the base of the line named before
            item = ex.measures.line_item(around.full_left, "", past_figures=True)
        if item is not None and (d.scope_type == "global" or _same_word(d.scope, item)):
            # (a segment the line's own word made: "Deposit" of "period-end deposits")
            d.scope, d.scope_type, d.dimension = item, "line_item", "line_item"
            d.measure = ex.measures.line_item_measure[item]
            d.metric = ex.family(d.measure)
    if ctx.company_doc and d.scope_type == "global" and d.measure == "growth" and d.q.unit == "percent":
        # "Net interest income … rose 6.4% to $1.148 billion", "deposits were $118.6 billion, up 3.2%": the line's rate
        item = ex.measures.line_item(around.full_left, around.right)
        if item is None and prev is not None and prev.scope_type == "line_item" and _RATE_OF_SAME.match(around.own_left):
            item = prev.scope
        if item is not None:
            d.scope, d.scope_type, d.dimension = item, "line_item", "line_item"
    if ctx.company_doc and d.scope_type == "global" and d.measure not in ("market_size", "cagr", "rate", "count"):
        by_label = company_part(ex, ctx, d, around.full_left, around.right, around.paragraph + sentence_before)
        if by_label and d.measure == "other" and ex.units.is_currency(d.q.unit) \
                and ex.measures.nearest("money", around.left, around.right) is None:  # not "an impairment loss of ¥22.1bn"
            d.measure = d.metric = "revenue"  # "**Mac:** … $30.0 billion": a segment's figure is its revenue


def _years_apart(a: Draft, b: Draft) -> int:
    """How many years separate two levels of one unit (0 when either is undated or not a level)."""
    if a.q.unit != b.q.unit or a.q.unit in ("percent", "percentage_point") or a.year is None or b.year is None:
        return 0
    return b.year - a.year


#: A rate after two levels that restates them as one a year: ", or ", ", which it describes as a CAGR of".
_RATE_OF_PAIR = re.compile(r"^(?:\s+(?:in|by)\s+(?:19|20)\d{2})?\s*,?\s*(?:or|i\.e\.|that\s+is|equivalent\s+to|implying|"
                           r"an?\s+(?:average|annual)\s+(?:growth\s+)?(?:rate\s+)?of)?\s*(?:about|around|roughly|some)?\s*$",
                           re.IGNORECASE)
#: Between a part's figure and the next figure of the same part: " organically, or ", ", or ",
#: " at reported rates, to ", " at constant currency, to ".
_SAME_PART_GOES_ON = re.compile(r"\s*(?:organically|in\s+constant\s+currency|at\s+constant\s+currency|at\s+reported\s+rates|"
                                r"on\s+an?\s+(?:organic|reported|like-for-like)\s+basis)?\s*,?\s*(?:or|to|and)\s+"
                                r"(?:about\s+|nearly\s+|roughly\s+)?", re.IGNORECASE)
#: A rate of change after two dated levels: ", an increase of ", " (up ", ", a rise of ".
_CHANGE_OF_PAIR = re.compile(r"^(?:\s+(?:in|for)\s+(?:fiscal\s+|FY\s?)?(?:19|20)\d{2})?\s*[,(]\s*(?:an?\s+(?:increase|rise|growth|gain|jump|decline|decrease|drop|fall|contraction)"
                             r"\s+of|up|down|\+|-|−)?\s*$", re.IGNORECASE)
#: Between a line's figure and its rate of change: ", up ", " (+3.2%", ", an increase of ".
_RATE_OF_SAME = re.compile(r"^[\s,(]*(?:up|down|\+|-|−|an?\s+(?:increase|decrease|rise|fall|decline)\s+of|rising|falling|"
                           r"increasing|decreasing)?\s*$", re.IGNORECASE)


def _same_word(scope: str, item: str) -> bool:
    """Whether a segment's name is a word of a line's ("Deposit" of "deposits")."""
    word = scope.lower().rstrip("s")
    return bool(word) and any(w.rstrip("s") == word for w in item.split())


#: Between a line's figure and its base: ", up 3.2% from ", " vs ", ", compared with ".
_BASE_OF_SAME = re.compile(r"^[^.;$€£¥\d]{0,12}(?:[\d.]+\s*%[^.;$€£¥\d]{0,20})?\b(?:from|vs\.?|versus|compared\s+(?:with|to)|against)\s+$",
                           re.IGNORECASE)
#: After a region named as an example, a clause about that region: ", where sunflower lecithin sales reached ".
_WHERE_CLAUSE = re.compile(r"^\.?,?\s+where\b[^.;:]{0,80}$", re.IGNORECASE)
#: The next part of a list whose verb is left out: " of 2025 revenue and floor and roof panels for ".
_ELIDED_PART = re.compile(r"^(?:\s+of\s+[^,.;:%\d]{0,30}?(?:19|20)?\d{0,2}[^,.;:%\d]{0,20}?)?,?\s+(?:and|while)\s+"
                          r"((?:[a-z][\w&'/-]*\s+){0,5}[a-z][\w&'/-]*)\s+(?:for|at|with)\s+$")
#: A figure of the parent company alone: "On a standalone basis", "standalone revenue".
_STANDALONE = re.compile(r"\bstand[\s-]?alone\b(?!\s+(?:business|company|unit|entity|product|device|software))",
                         re.IGNORECASE)
#: A market's rate measured in quantities, not money: "In volume terms, …", "by volume".
_VOLUME_TERMS = re.compile(r"\b(?:in\s+(?:volume|unit|tonnage|shipment)\s+terms|by\s+volume|in\s+volume\b|volume[\s-]wise|"
                           r"on\s+a\s+volume\s+basis|volume\s+(?:CAGR|growth))", re.IGNORECASE)
#: Between a figure and its bracketed prior-year twin: "7.8% (", "34.0% of the total (", "EUR 12.6 million (loss of ".
_BRACKET_OPENS = re.compile(r"[^\d.;()]{0,30}\(\s*(?:[a-z]+\s+){0,2}(?:of\s+)?$", re.IGNORECASE)


#: Between a level and its change in points: "15.4%, up 120 basis points".
_LEVEL_THEN_CHANGE = re.compile(r"^(?:\s+in\s+[A-Z][a-z]+(?:\s+(?:19|20)\d\d)?)?\s*,?\s*(?:(?:up|down)(?:\s+by)?|"
                                r"an?\s+(?:increase|decrease|improvement|decline|expansion|contraction|rise|fall|drop)\s+of)\s+$",
                                re.IGNORECASE)
#: Between a change in points and the level it reached: "… 0.5 percentage points to 8.9%".
_PP_TO = re.compile(r"^\s*(?:y/y\s+|year[\s-]on[\s-]year\s+)?,?\s*(?:to|reaching|at)\s+$", re.IGNORECASE)


#: A segment referred back to: "the division's adjusted EBIT", "…; its adjusted EBIT margin".
_DIVISION_REFERRED = re.compile(r"\bthe\s+(?:division|segment|unit|business\s+unit|business)(?:['’]s|\s+(?:posted|reported|"
                                r"recorded|delivered)\b|,\s+which\b)", re.IGNORECASE)
#: A part named with what it is: "its Coatings Additives unit", "the Rail Systems division".
_NAMED_DIVISION = re.compile(r"\b(?:its|the|their)\s+([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})\s+"
                             r"(?:division|segment|unit|business|arm)\b")
_ITS = re.compile(r"\bits\b", re.IGNORECASE)
#: A sentence that opens with a part doing something: "Powertrain remains the drag: …".
_SEGMENT_PROFIT = re.compile(r"\bsegment\s+(?:operating\s+)?(?:profit|income)\b", re.IGNORECASE)
#: Sentence openers that are no division: "Management was pleased that the division's …".
_NOT_DIVISION = frozenset(("it", "the", "we", "our", "its", "this", "that", "management", "revenue", "sales", "growth",
                           "demand", "profit", "margins", "margin", "results", "the company", "group", "he", "she", "they"))
_SENTENCE_SUBJECT = re.compile(r"^[\s*_]*([A-Z][\w&'’-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w&'’-]*){0,3})\s+(?:remains?|was|is|has|had|"
                               r"saw|posted|reported|grew|fell|rose|delivered|continued|struggled|lagged|led|stayed)\b")


def _segment_referred(d: Draft, around: _Around, prev: Draft | None, carry: dict) -> None:
    """In a company's document, a figure of the segment a sentence spoke of: "Chassis & Safety
    grew revenue by 9.0% to EUR 929.9 million; its adjusted EBIT margin reached 11.8%", "The
    division's adjusted EBIT rose to EUR 84.1 million" after a sentence about Powertrain."""
    if d.scope_type == "global":
        clause = around.own_left.rsplit(".", 1)[-1]
        if prev is not None and prev.scope_type == "segment" and _ITS.search(clause):
            d.scope, d.scope_type, d.dimension = prev.scope, prev.scope_type, prev.dimension
        elif referred := _DIVISION_REFERRED.search(around.full_left[-120:]):
            sentence = around.full_left[: len(around.full_left) - 120 + referred.start()] if len(around.full_left) > 120 \
                else around.full_left[: referred.start()]
            last = re.split(r"(?<=[.!?])\s+", sentence)[-1]
            opener = _SENTENCE_SUBJECT.search(last)
            named = list(_NAMED_DIVISION.finditer(last))
            if named:
                # "Gravenholt is selling its Coatings Additives unit …; the business, which had
                # sales of about €31mn": the part the sentence named
                d.scope, d.scope_type, d.dimension = named[-1].group(1), "segment", "segment"
            elif opener and opener.group(1).split()[0].lower() not in _NOT_DIVISION \
                    and opener.group(1) not in (d.company or "", d.entity or ""):
                # "Powertrain remains the drag: … the division's margin was 7.0%": the division the sentence opens with
                d.scope, d.scope_type, d.dimension = opener.group(1), "segment", "segment"
            elif carry.get("segment"):
                d.scope, d.scope_type, d.dimension = carry["segment"]
            else:  # "the division's margin" of a division no figure named: a part, which one unsaid
                d.scope, d.scope_type, d.dimension = "unnamed division", "segment", "segment"
                d.confidence *= 0.5
    if d.scope_type == "segment":
        carry["segment"] = (d.scope, d.scope_type, d.dimension)


#: A part named right before its change in brackets: "Vegetables (up 11.8%)", "Wholesale (+3.9%)".
_PART_IN_BRACKETS = re.compile(r"(?:^|[,;:]\s*|\s(?:and|while|with|but|as)\s+|\s)((?:[A-Za-z][\w&'’/-]*)(?:\s+(?:&\s+|and\s+)?"
                               r"[A-Za-z][\w&'’/-]*){0,4})\s*\(\s*(?P<moved>up|down|rising|falling|rose|fell|\+|-|−)?\s*$")
_NOT_PARTS = frozenset(("the", "a", "an", "it", "its", "this", "that", "which", "who", "they", "we", "year", "quarter",
                        "month", "total", "overall", "growth", "change", "rate"))


#: Between an amount and its own rate of change: ", up ", " increased ", ", an increase of ".
_AMOUNT_THEN_CHANGE = re.compile(r"^(?:\s*(?:per|a)\s+(?:diluted\s+)?share\s*\))?\s*,?\s*(?:(?:up|down)|(?:increased|decreased|rose|fell|grew|declined|climbed|jumped)"
                                 r"(?:\s+by)?|an?\s+(?:increase|decrease|rise|decline)\s+of)\s+$", re.IGNORECASE)
#: The same part's other rate, next: ", and organic growth of ".
_AND_GROWTH_OF = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:[a-z-]+\s+){0,2}growth\s+of\s+$", re.IGNORECASE)
#: A margin worked out from the sentence's figures: "… on revenue of $1,152.4m gives a 23.1% margin".
_GIVES_MARGIN = re.compile(r"\b(?:gives?|giving|implies|implying|for|representing|equals?|equating\s+to|or)\s+(?:an?\s+)?$",
                           re.IGNORECASE)
_MARGIN_OF = frozenset(("operating_income", "net_income", "gross_profit", "ebitda", "pretax_income"))
#: After a figure, in the brackets it opened: "($612.8m, +".
_IN_SAME_BRACKET = re.compile(r"^\s*[,;]\s*[+]?\s*$")
#: A capitalised name right before the bracket a figure opens: "Enterprise Networking ($".
_CAPITALISED_BEFORE_BRACKET = re.compile(r"(?:^|[\s,;:])((?:[A-Z][\w'’-]*)(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’-]*){0,3})\s*\(\s*$")
_NO_SEGMENT = frozenset(("consensus", "guidance", "total", "group", "company", "revenue", "sales", "the", "we", "it",
                         "estimate", "estimates", "street", "our", "net", "gross", "operating", "adjusted", "gaap"))


def _named_in_brackets(left: str) -> bool:
    """Whether a capitalised name, no measure or period, stands right before the figure's bracket."""
    m = _CAPITALISED_BEFORE_BRACKET.search(left[-60:])
    return m is not None and not any(w.lower() in _NO_SEGMENT or PERIODISH.match(w) for w in m.group(1).split())


def _parenthesised_part(ex: Vocabulary, ctx: DocContext, d: Draft, left: str) -> bool:
    """ "Vegetables (up 11.8%) and dairy products (up 7.2%)": the part each change in brackets is
    of; whether one was named."""
    m = _PART_IN_BRACKETS.search(left[-60:])
    if m is None or (d.measure == "share" and not m.group("moved")):
        return False
    words = m.group(1).split()
    while words and words[0].lower() in _NOT_PARTS | {"and", "with", "while", "but", "as", "led", "by"}:
        words.pop(0)
    name = " ".join(words)
    if not name or name.lower() in _NOT_PARTS or (ctx.entity and name.lower() == ctx.entity.lower()) \
            or ex.measures.nearest("percent", name, "", before=60) or ex.measures.nearest("money", name, "", before=60):
        return False  # "revenue (up 11%)": the measure itself, not a part
    region = ex.regions.resolve(name)
    if region == "Global":
        return False
    if region:
        d.scope, d.scope_type, d.dimension = region, ex.regions.type_of(region), "region"
    else:
        d.scope, d.scope_type = ex.segment_label(name), "segment"
        d.dimension = "component" if ctx.entity_type == "economy" else "segment"
    if d.measure == "share":  # "(up 7.2%) accounted for most of the increase": a change, not a share
        d.measure, d.metric = "growth", ex.family("growth")
    return True


#: A part named after the market's word: "subscription revenue for species-recognition features".
_NAMED_AFTER_WORD = re.compile(r"\b(?:revenues?|sales)\s+(?:for|from)\s+[a-z]", re.IGNORECASE)


def _market_segment(ex: Vocabulary, ctx: DocContext, d: Draft, around: _Around) -> None:
    """ "Hardware accounted for 64.5% of AMR revenue", "software and services will grow at a CAGR
    of 22.7%": in a market's report, the subject of a share's or a CAGR's clause is its segment."""
    c = ex.components.find(around.own_left, "", market=True)
    ranked = _RANKED_PART.search(around.full_left[-200:]) \
        if c.status != "part" and (d.measure in ("cagr", "share", "market_size")
                                   or d.measure == "other" and ex.units.is_currency(d.q.unit)) else None
    if ranked is not None and not ex.regions.find(ranked.group(1)) and ranked.group(1).split()[0].lower() not in ("it", "this", "that", "the"):
        # "Energy storage is the fastest-growing application, with a projected CAGR of 19.6%": the part described
        d.scope, d.scope_type, d.dimension = ex.segment_label(ranked.group(1)), "segment", ranked.group(2).lower().replace(" ", "_").replace("-", "_")
        return
    if c.status == "none" and d.measure == "cagr" and len(around.full_left) > len(around.own_left):
        # "Lignin-based systems, while accounting for less than 5% of revenue, are forecast to
        # grow at a CAGR of 12.4%": the clause's subject stands before the figure before
        c = ex.components.find(around.full_left, "", market=True)
    if c.status != "part" or not c.name:
        return
    words = c.name.split()
    name = " ".join(w for w in words if w.lower() not in ex.market_words)
    if name != c.name and (d.measure in ("share", "cagr") and not _NAMED_AFTER_WORD.search(c.name)
                           or d.measure not in ("share", "cagr") and words[-1].lower() not in ex.market_words):
        # "the market", "AMR revenue": the whole; "hospital demand": the hospitals' part;
        # "subscription revenue for species-recognition features": a part, named after the word
        return
    subject = d.subject or ctx.subject or ""
    if not name or ex.subjects.key(name) == subject or set(ex.subjects.key(name).split()) <= set(subject.split()) \
            or ex.scopes.scope_after(name) is not None:
        return
    d.scope, d.scope_type, d.dimension = ex.segment_label(name), "segment", _breakdown(ex, around.full_left,
                                                                                        around.paragraph)


#: A part a market report ranks, then its rate or share: "Energy storage is the fastest-growing
#: application, with a projected CAGR of", "Hospitals remain the largest end-use segment, at".
_RANKED_PART = re.compile(r"(?:^\s*(?:[-*•]\s+)?|[.;:]\s+|\n\s*(?:[-*•]\s+)?)([A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,4}?)\s+(?:is|are|was|were|remains?|"
                          r"will\s+be)\s+(?:also\s+)?(?:the\s+)?(?:fastest[\s-]growing|largest|biggest|leading|dominant|"
                          r"second[\s-]largest|smallest)\s+(application|segment|end[\s-]use(?:\s+(?:segment|industry))?|"
                          r"product(?:\s+type)?|type|category|component|technology|channel)\b[^.;\d]{0,30}?,?\s*(?:with|at|registering|posting|growing\s+at|"
                          r"expanding\s+at|accounting\s+for|holding)\s+(?:a|an|the)?\s*(?:projected|expected|forecast|estimated|"
                          r"anticipated)?\s*(?:CAGR|compound\s+annual\s+growth\s+rate|share|revenues?|sales)?(?:\s+of)?\s*"
                          r"(?:about|around|nearly)?\s*$",
                          re.IGNORECASE)
#: A news story's dateline before its first words: "**Greyharbour** -- ", "LONDON (Reuters) - ".
_DATELINE = re.compile(r"^\s*(?:\*\*[A-Z][A-Za-z .,'’-]{0,40}?\*\*\s*(?:\([^()\n]{1,40}\)\s*)?"  # **Greyharbour**
                       r"|[A-Z][A-Z .,'’-]{1,40}?\s*(?:\([^()\n]{1,40}\)\s*)?"  # LONDON, NEW YORK (Reuters)
                       r"|[A-Z][A-Za-z .,'’-]{0,40}?\s*\([A-Z][^()\n]{1,30}\)\s*)"  # Greyharbour (Tidewater)
                       r"(?:--|—|–|-)\s+")


#: Between the two values of "rise from USD 246.0 million in 2026 to USD 905.0 million".
_FROM_TO = re.compile(r"^\s*(?:in\s+(?:19|20)\d{2}\s+)?to\s+$")
#: "…to USD 905.0 million in 2034, a CAGR of 14.6%": the segment's own rate.
#: A clause that goes on about the same part: "… held 58.7% of 2024 revenue, and are expected to grow at a CAGR of".
_SAME_SUBJECT_CAGR = re.compile(r"^[^.;:]{0,30}?,?\s+and\s+(?:is|are)\s+(?:expected|projected|forecast|anticipated|set|poised|likely)\s+"
                                r"to\s+(?:grow|expand|rise|register|post|record)\s+(?:at\s+)?(?:an?\s+|the\s+)?(?:\w+\s+)?"
                                r"(?:CAGR|compound\s+annual\s+growth\s+rate)(?:\s+\(CAGR\))?\s+of\s+$", re.IGNORECASE)
_SAME_SUBJECT_GOES_ON = re.compile(r"^[^.;:]{0,40}?\band\s+(?:is|are)\s+[^.;:\d]{0,40}?,?\s*(?:with|at)\s+(?:an?\s+)?"
                                   r"(?:\w+\s+){0,2}(?:CAGR|compound\s+annual\s+growth\s+rate)(?:\s+\(CAGR\))?\s+of\s+$",
                                   re.IGNORECASE)
_SEGMENT_CAGR = re.compile(r"^\s*(?:in\s+(?:19|20)\d{2})?\s*,\s*(?:a|an|at\s+an?|representing\s+an?)\s+"
                           r"(?:CAGR|compound\s+annual\s+growth\s+rate)(?:\s+\(CAGR\))?\s+of\s+$", re.IGNORECASE)


def _component(ex: Vocabulary, ctx: DocContext, d: Draft, around: _Around, prev: Draft | None) -> None:
    """ "Gasoline prices jumped 1.9% after falling 2.2% in July": both are gasoline's, and
    price changes (an inflation rate), not growth. In a story about inflation, the index's own
    changes are rates too ("the CPI is expected to rise by 0.3% after a 0.4% gain")."""
    c = ex.components.find(_DATELINE.sub("", around.own_left, count=1), ctx.entity)
    if c.status == "part":
        d.scope, d.scope_type, d.dimension = c.name, "segment", "component"
    elif c.status == "none" and prev is not None and len(around.own_left.split()) <= 6:
        if prev.dimension == "component":
            d.scope, d.scope_type, d.dimension = prev.scope, prev.scope_type, prev.dimension
        if d.q.unit == prev.q.unit and d.measure in ("growth", "share", "other") and prev.measure in ("rate", "growth"):
            d.measure, d.metric = prev.measure, prev.metric
        return
    if c.status == "none" or d.q.unit != "percent" or d.measure not in ("growth", "share", "other"):
        return
    prices = c.prices or (c.status == "whole" and ctx.inflation_doc and not c.other_whole)
    if not (c.change or prices):
        return
    d.measure = "rate" if prices else "growth"  # "core inflation held at 3.1%": a rate
    d.metric = ex.family(d.measure)
    d.negative = ex.is_decline(around.left, around.right) or ex.is_decline(c.verb + " ", "")
    d.basis = d.basis or ex.basis(around.left, around.right)


#: A plain-text table's row: a label, a run of spaces (or dot leaders), the figure.
_ALIGNED_ROW = re.compile(r"^[ \t]{0,6}([A-Za-z][\w&/,'’() -]{2,60}?)(?:[ \t]{2,}|[ \t]*\.{3,}[ \t]*)$", re.MULTILINE)


_LABEL_GAP = re.compile(r"^[ \t]*[:–—-][ \t]*$")
_VALUE_GAP = re.compile(r"^[ \t]*,?[ \t]*(?:or|i\.e\.|worth|valued[ \t]+at|equal[ \t]+to)?[ \t]*"
                        r"(?:about|around|roughly|approximately|nearly|some)?[ \t]*$", re.IGNORECASE)


def _region_list_item(ex: Vocabulary, ctx: DocContext, d: Draft, text: str, prev: Draft | None) -> None:
    """ "- Europe: 27.5%, or USD 0.58 billion": a region's share in a breakdown list, and the value
    stated beside it (the region's market)."""
    if d.dimension != "region" or d.measure != "other":
        return
    if d.q.unit == "percent":
        line = text.rfind("\n", 0, d.q.start) + 1
        found = [r for r in ex.regions.find(text[line : d.q.start]) if r[2] == d.scope]
        if found and _LABEL_GAP.match(text[line + found[-1][1] : d.q.start]):
            d.measure = d.metric = "share"
    elif ex.units.is_currency(d.q.unit) and prev is not None and prev.measure == "share" and prev.scope == d.scope \
            and _VALUE_GAP.match(text[prev.q.end : d.q.start]):
        d.measure = "revenue" if ctx.company_doc else "market_size"
        d.metric = ex.family(d.measure)


#: Between a part's share and the value that share is: "held a 41.5% share of 2024 revenue,
#: valued at", "accounted for 58.7% of the market, or", "(24.5%, corresponding to".
_SHARE_VALUE_GAP = re.compile(r"^[^.;:%$€£¥\n]{0,45}?,?\s*(?:or|i\.e\.|worth|valued\s+at|equal\s+to|corresponding\s+to|"
                              r"amounting\s+to|equivalent\s+to|representing)\s+(?:about|around|roughly|approximately|"
                              r"nearly|some|an\s+estimated)?\s*$", re.IGNORECASE)


def _value_beside_share(ex: Vocabulary, ctx: DocContext, d: Draft, text: str, prev: Draft | None) -> None:
    """ "The commercial segment held a 41.5% share of 2024 revenue, valued at USD 1.94 billion":
    the value a part's share is, of the same part and year (its market, or in a company's
    document its revenue)."""
    if prev is None or d.measure != "other" or not ex.units.is_currency(d.q.unit) or prev.measure != "share" \
            or prev.scope_type == "global" or prev.q.unit != "percent":
        return
    if not _SHARE_VALUE_GAP.match(text[prev.q.end : d.q.start]):
        return
    d.measure = "revenue" if ctx.company_doc else "market_size"
    d.metric = ex.family(d.measure)
    d.scope, d.scope_type, d.dimension = prev.scope, prev.scope_type, prev.dimension
    if d.year is None and prev.time is not None:
        apply_time(ctx, d, prev.time)


def _aligned_label(ex: Vocabulary, ctx: DocContext, d: Draft, text: str) -> None:
    """ "  Autonomous mobile robots        54.3%": a plain-text table's row label names the part."""
    start = text.rfind("\n", 0, d.q.start) + 1
    m = _ALIGNED_ROW.match(text, start, d.q.start)
    if m is None:
        return
    label = m.group(1).strip()
    low = label.lower()
    if ex.regions.find(label) or ex.measures.cue_before("money", label) or low in ("total", "overall", "sum") \
            or ex.measures.cue_before("percent", label):
        region = ex.regions.resolve(label)
        if region and region != "Global":
            d.scope, d.scope_type, d.dimension = region, ex.regions.type_of(region), "region"
        return  # a region, a measure's own row or the total: no segment
    d.scope, d.scope_type = ex.segment_label(label), "segment"
    d.dimension = ex.dimension_of(text[max(0, start - 300) : start]) or "segment"
    if d.q.unit == "percent" and d.measure in ("other", "share"):
        d.measure = d.metric = "share"


def _clip(text: str, s0: int, s1: int, q: Quantity) -> tuple[int, int]:
    """A quote of a long sentence: the figure with up to QUOTE_SIDE chars each side, cut at spaces."""
    a = max(s0, q.start - QUOTE_SIDE)
    b = min(s1, q.end + QUOTE_SIDE)
    if a > s0:
        sp = text.find(" ", a, q.start)
        a = sp + 1 if sp >= 0 else a
    if b < s1:
        sp = text.rfind(" ", q.end, b)
        b = sp if sp >= 0 else b
    return trim_span(text, a, b, lead=_QUOTE_LEAD)


def _merge_between(text: str, drafts: list[Draft]) -> None:
    """"between 40% and 50%" is one range, not two figures."""
    for a, b in zip(drafts, drafts[1:]):
        if a.dropped or a.q.unit != b.q.unit:
            continue
        if _BETWEEN.search(text[max(0, a.q.start - 12) : a.q.start]) and _AND_ONLY.match(text[a.q.end : b.q.start]):
            a.low, a.high = a.q.low, b.q.high
            a.q = type(a.q)(a.q.start, b.q.end, text[a.q.start : b.q.end], (a.q.low + b.q.high) / 2,
                            a.q.low, b.q.high, a.q.unit, True, False, a.q.decimals)
            b.dropped = True


def _pair_up(text: str, drafts: list[Draft]) -> None:
    """ "¥7.88 trillion ($73.6 billion)" is one figure with its conversion; "$43 billion, plus or minus 2%" one range."""
    for a, b in zip(drafts, drafts[1:]):
        if a.dropped or b.dropped:
            continue
        gap = text[a.q.end : b.q.start]
        money = a.q.unit not in ("percent", "percentage_point") and b.q.unit not in ("percent", "percentage_point")
        if money and a.q.unit != b.q.unit and (
                (_CONVERSION_GAP.match(gap) and text[b.q.end : b.q.end + 2].lstrip()[:1] == ")")
                or _OR_CONVERSION_GAP.match(gap)):  # "£451.6 billion or $588 billion": one amount in two currencies
            a.converted = (b.q.value, b.q.unit)
            b.dropped = True
        elif a.q.unit not in ("percent", "percentage_point") and _TOLERANCE_GAP.match(gap) and b.q.unit in ("percent", a.q.unit):
            # "$43.0 billion, plus or minus 2%" / "$4.65 billion, plus or minus $250 million"
            band = a.q.value * b.q.value / 100 if b.q.unit == "percent" else b.q.value
            a.low, a.high = a.q.value - band, a.q.value + band
            a.qualifier = "range"
            b.dropped = True


def _region_scope(ex: Vocabulary, d: Draft, regions, q: Quantity, left: str, right: str, full_left: str,
                  paragraph: str = "") -> None:
    before = [r for r in regions if r[1] <= q.start and not r[3]]
    asides = [r for r in regions if r[1] <= q.start and r[3] and (not before or r[0] > before[-1][1])]
    if asides and _WHERE_CLAUSE.match(full_left[len(full_left) - (q.start - asides[-1][1]):] if q.start - asides[-1][1] <= len(full_left) else ""):
        before = before + [asides[-1]]  # "North America …, led by the U.S., where sales reached USD 109.8 million"
    after = ex.scopes.scope_after(right) if d.metric in ("cagr", "share", "growth") else None
    if before and after and after[0] == "region" and before[-1][0] < q.start - len(left):
        before = []  # "grew 0.9% in the UK, compared with 2.8% in the U.S.": its own region wins
    if before:
        s, e, name, _ = before[-1]
        if name == "Global":
            d.explicit_global = True
            return
        if len(before) >= 2 and (_TOGETHER.search(left) or _TOGETHER.search(right[:30])):
            # "North America and APAC … together accounting for 65%": one combined scope
            other = before[-2][2]
            if other not in ("Global", name):
                d.scope, d.scope_type, d.dimension = " + ".join(sorted((name, other))), "region_group", "region"
                return
        d.scope, d.scope_type, d.dimension = name, ex.regions.type_of(name), "region"
        return
    if after:
        kind, name = after
        if kind == "region":
            d.scope, d.scope_type, d.dimension = name, ex.regions.type_of(name), "region"
        else:
            d.scope, d.scope_type, d.dimension = ex.segment_label(name), "segment", _breakdown(ex, full_left, paragraph)
        return
    segment = ex.scopes.segment_in(full_left[-150:])
    if segment and ex.dimension_pattern.fullmatch(" ".join(segment.lower().split())):
        # "**Cattle** was the dominant animal segment, with a 58.3% share": the segment is the
        # bold name the line opens with, "animal" only its breakdown
        named = _BOLD_OPENER.match(full_left[full_left.rfind("\n") + 1 :])
        if named is None:
            return
        d.scope, d.scope_type, d.dimension = ex.segment_label(named.group(1)), "segment", ex.dimension_of(segment)
        return
    if segment:
        d.scope, d.scope_type, d.dimension = ex.segment_label(segment), "segment", _breakdown(ex, full_left, paragraph)


#: A bold name opening a line or bullet: "- **Cattle** was …".
_BOLD_OPENER = re.compile(r"^[\s>*•·-]*\*\*([^*\n:]{2,40}?)\*\*(?!\s*:)")


#: Right after a rate of growth that compounds over years: "9.9% annually", "9.1% a year".
_PER_YEAR = re.compile(r"^\s*(?:a\s+year|per\s+year|annually|per\s+annum|p\.\s?a\.)(?![\w-])", re.IGNORECASE)
_GROWING = re.compile(r"\b(?:grow\w*|growth|expand\w*|expansion|ris\w*|increas\w*|climb\w*|advanc\w*)\b", re.IGNORECASE)
#: A count's change "in the quarter" / "over the quarter" is its change on the quarter before.
_IN_THE_QUARTER = re.compile(r"^\s*(?:in|over|during)\s+the\s+(?:latest\s+|last\s+)?quarter\b", re.IGNORECASE)
_MARKET_NAMED = re.compile(r"\b(?:market|industry)\b", re.IGNORECASE)
#: A research firm's rate with no part named: "forecasts growth of 6.5% a year" (not "expects
#: cloud-deployed project controls to grow more than 21% a year": a part's rate).
_GROWTH_OF = re.compile(r"\b(?:annual\s+|yearly\s+|average\s+)?(?:growth|expansion)\s+(?:of|at)\s+(?:about\s+|around\s+)?$",
                        re.IGNORECASE)
_A_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


#: An analyst's period written as estimated or actual: "FY26E", "3Q25A", "1H25E".
_ANALYST_MARK = re.compile(ANALYST_MARK)


#: "By product, …", "By end use, …": the breakdown a sentence's segments belong to.
_BY_BREAKDOWN = re.compile(r"(?:^\s*(?:[-*•+]\s+)?|[.\n]\s*(?:[-*•+]\s+)?|\*\*)\s*(?:by|based\s+on|in\s+terms\s+of|on\s+the\s+basis\s+of)\s+"
                           r"([a-z][a-z -]{1,25}?)\s*[,:]", re.IGNORECASE)


#: A bold run-in label naming the breakdown its line's parts belong to: "**By product.**", "- **Form:**".
_RUN_IN_BREAKDOWN = re.compile(r"^\s*(?:[-*•+]\s+)?\*\*(?:by\s+|based\s+on\s+)?([a-z][a-z -]{1,25}?)\s*[.:]?\s*\*\*\s*[.:]?\s",
                               re.IGNORECASE)


def _breakdown(ex: Vocabulary, left: str, paragraph: str = "") -> str:
    """The dimension (``segments.toml``) a "By product," before the figure names; else
    ``segment``: segments of two breakdowns ("By product, … By end use, …") are never parts of
    one whole."""
    found = None
    for found in _BY_BREAKDOWN.finditer(left):
        pass
    line = left[left.rfind("\n") + 1 :]
    if "\n" not in left:  # the window began inside the line: its start is in the sentence's paragraph
        line = paragraph[paragraph.rfind("\n") + 1 :] + line
    label = _RUN_IN_BREAKDOWN.match(line)
    if label and (found is None or found.start() < len(left) - len(line) or "\n" not in left):
        found = label  # "- **Form:** Liquid lecithin accounted for 41.3%", "**By wound type.** Chronic wounds …"
    if found is None:
        return "segment"
    word = " ".join(found.group(1).lower().replace("-", " ").split())
    # a breakdown segments.toml does not name is a dimension of its own ("By chemistry:"), never
    # summed with another one ("By application:")
    return ex.dimension_of_word.get(word) or word.replace(" ", "_")


#: "a USD 1.46 billion global industrial exoskeleton market": the words between a figure and
#: the market it sizes.
_SIZES_MARKET = re.compile(r"^[ \t]+(?:[A-Za-z][\w&'/-]*[ \t]+){1,6}$")


def _nearest_subject(subjects, q: Quantity, text: str) -> str | None:
    for p, k in subjects:
        if q.end < p <= q.end + 80 and _SIZES_MARKET.match(text[q.end:p]):
            return k
    before = [k for p, k in subjects if p < q.start]
    if before:
        return before[-1]
    return None


def _company(ex: Vocabulary, d: Draft, full_left: str, right: str, paragraph: str, regions, q: Quantity) -> None:
    name, how = ex.scopes.company_in(full_left, right)
    if name is None and ex.scopes.mentions_pronoun(full_left[-120:] + " " + right[:30]):
        name = ex.scopes.bold_company(paragraph + full_left) or ex.scopes.paragraph_subject(paragraph)
        d.confidence *= 0.9
    if name is None and "market" not in full_left.lower():
        name = ex.scopes.bold_company(paragraph + full_left)
        d.confidence *= 0.8
    if name:
        d.measure = d.metric = "revenue"
        d.scope, d.scope_type, d.dimension = name, "company", "company"
    elif "market" not in (full_left + right).lower() and not any(r[1] <= q.start for r in regions):
        d.measure = d.metric = "other"  # "2022 Revenue: $247M" with no company or market named
        d.unnamed_revenue = True
        left = full_left[-120:]
        if len(full_left) > 120 and " " in left:
            left = left.split(" ", 1)[1]  # whole words only
        named = _REVENUE_OF.search(right[:60]) or _REVENUE_OF_LEFT.search(left)
        if named:
            words = named.group(1).split()
            cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _NOT_IN_NAME), default=0)
            d.revenue_of = ex.subjects.key(" ".join(words[cut:]))
    elif d.measure == "revenue":
        d.measure = d.metric = "market_size"  # "the market generated revenue of $5B"
