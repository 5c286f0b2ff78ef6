"""Which period a figure is of: the time expression it takes (its own, the sentence's, the
paragraph's, the document's), the bases of comparisons and prior periods that date
nothing, and figures restated in other terms that share a period."""

from __future__ import annotations

import re
from dataclasses import replace

from .draft import DocContext, Draft
from .quantities import INDEX, PRIOR_LABEL, Quantity
from .timeexpr import TimeExpr
from .timing import apply_time
from .vocabulary import Vocabulary

_LEADING_TIME_PREPS = ("in", "as of", "for", "during", "at", "since", "through", "by the end of")


BASE_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?|relative\s+to|against|from)\s+(?:the\s+)?$",
                          re.IGNORECASE)


_NEXT_CLAUSE = re.compile(r"\band\b|;|\bwhile\b|\bwhereas\b|\bbut\b")


_LABEL_END = re.compile(r"^[*_]*:")


#: What stands between "from A in 2023" and B in "… from A in 2023 to B".
FROM_YEAR_TO = re.compile(r"^[^.;\d]{0,30}\b(?:in|during|for)[ \t\n]+(?:fiscal[ \t]+|FY[ \t]?)?\d{4}[ \t\n]*,?[ \t\n]+"
                           r"to[ \t\n]+(?:about[ \t\n]+|around[ \t\n]+|roughly[ \t\n]+)?$", re.IGNORECASE)


def change_time(before: list[Draft], base_year: int | None):
    """The point in time of the rate of change stated before in the sentence, when it is
    not the base year's."""
    for d in reversed(before):
        if d.measure == "growth" and d.time is not None and d.time.kind == "point":
            return d.time if d.year != base_year else None
    return None


def _as_of_date(ex: Vocabulary, ctx: DocContext, d: Draft) -> bool:
    """A figure of a moment rather than a period: a market value, a share price, shares in issue."""
    if d.measure == "price" or (d.measure == "other" and d.q.unit not in ("percent", "percentage_point")):
        return bool((ex.as_of_price if d.measure == "price" else ex.as_of_value).search(
            ctx.doc.visible, max(0, d.q.start - 60), d.q.start))
    return d.measure == "market_cap" or (d.measure == "count" and d.q.unit == "share")


def read_time(ex: Vocabulary, ctx: DocContext, d: Draft, t, carry: dict) -> None:
    """The time expression a figure takes: its own, else its paragraph's opening year, else the
    lead-in line's period, else (in a company's release) the period the release reports."""
    if (t is None or t.end <= d.q.start) and (ctx.company_doc or ctx.entity_type == "company") and d.measure == "price" \
            and (ex.price_target.search(ctx.doc.visible, max(0, d.q.start - 40), d.q.start)
                 or ex.target_after.match(ctx.doc.visible[d.q.end : d.q.end + 30])):
        d.time = None  # a price target is of no date at all
        return
    if t is None and (ctx.company_doc or ctx.entity_type == "company") and _as_of_date(ex, ctx, d):
        # "a market capitalisation of €355 billion", "388 million shares outstanding": as of the
        # story's date, not of the fiscal year it reports
        d.time = TimeExpr(d.q.start, d.q.start, "point", ctx.base_year, as_of=True) if ctx.base_year else None
        return
    if t is None and d.measure not in ("cagr", "market_size"):
        t = carry.get("lead") or (carry.get("last") if ctx.entity else None)
    lead_in = ctx.paragraph_time.get(ctx.visible_lines.line(d.q.start))
    if lead_in is not None and d.measure == "cagr" and lead_in[0] is not None and lead_in[0].kind == "point":
        lead_in = None  # "Tessaly: USD 5.2 billion in 2024" over "…, a CAGR of 15.8%": a year is no CAGR's period
    if lead_in is not None:
        fine = ctx.default_time
        if t is None and lead_in[0] is not None and fine is not None and (fine.quarter or fine.half) \
                and lead_in[2] <= 2 and lead_in[0].year == fine.year \
                and not (lead_in[0].quarter or lead_in[0].half or lead_in[0].month):
            # the title "Half-year results 2025" over "results for the first half of 2025": the half
            # (a section's own lead-in, "**Full year 2024 highlights**", keeps its year)
            t = fine
        t = t or lead_in[0]
        if d.measure in ("growth", "rate") and not d.basis:
            d.basis = lead_in[1]
    if t is None and ctx.company_doc and d.measure != "cagr":
        t = ctx.default_time
    elif t is None and ctx.entity_type == "economy" and (d.measure in ("growth", "rate", "count") or d.q.unit == INDEX
                                                         or d.basis.startswith("change")):
        t = ctx.default_time  # a statistics story speaks of the month or quarter its headline names
    fine = ctx.default_time
    if t is not None and t.dated and t.month in (3, 6, 9, 12) and not t.quarter and fine is not None and fine.quarter \
            and not fine.fiscal and ctx.fiscal_year_end in (None, 12) and _QUARTER_END_DAY.search(ctx.doc.visible, t.start, t.end):
        # "deposits of $112.4 billion at September 30, 2025" in a quarter's release: the end of Q3 2025
        t = replace(t, quarter=t.month // 3, month=None, dated=False)
    d.time = t


#: The last day of a calendar quarter, in a date: "September 30, 2025", "31 March 2025".
_QUARTER_END_DAY = re.compile(r"\b(?:Mar\w*\.?\s+31|31\s+Mar|June?\.?\s+30|30\s+June?|Sep\w*\.?\s+30|30\s+Sep|"
                              r"Dec\w*\.?\s+31|31\s+Dec)", re.IGNORECASE)


def leading_time(text: str, times, w0: int, s0: int):
    """"In 2018, X reported … while Y reported …": a year that opens the sentence covers it."""
    for t in times:
        if t.kind == "relative" and t.prep == "full" and 0 <= t.start - s0 <= 8 \
                and re.fullmatch(r"\W*(?:for|in|over)\s+the\s+", text[s0 : t.start], re.IGNORECASE):
            return t  # "For the full fiscal year, net sales rose 4.6% to $9.81 billion": the year reported
        if t.kind != "point" or not 0 <= t.start - s0 <= 8:
            continue
        if t.prep in _LEADING_TIME_PREPS or _LABEL_END.match(text[t.end : t.end + 4]):
            return t  # "In 2018, …", "**Fiscal Year 2023:** …"
    return None


#: A line that starts another item (a bullet, a bold label): its words are not the figure's.
_NEW_ITEM = re.compile(r"\n[ \t]*(?:[-*•+][ \t]|\d+[.)][ \t]|\*\*|__)")


def choose_time(text: str, times, consumed: set[int], q: Quantity, prev_end: int, next_start: int):
    """The time expression a figure is dated by: the first right after it, else the nearest before
    it. A comparison's base ("since January", "compared with the third quarter of 2024") dates
    nothing."""
    for i, t in enumerate(times):  # the first time right after the figure
        if text[t.end : t.end + 2].lstrip()[:1] == ":":
            continue  # "(FY2024: A$7.6 million)": a label of the figure after it
        if q.end <= t.start < next_start and t.start - q.end <= 60 and not is_base(text, t) \
                and not _NEW_ITEM.search(text, q.end, t.start):
            if next_start < len(text) and _NEXT_CLAUSE.search(text, q.end, t.start):
                break  # "FY25 revenue of $4.37B and FY26 revenue of $5.02B": FY26 opens the next clause
            consumed.add(i)
            return t
    best = None
    for i, t in enumerate(times):  # else the nearest one before it, not already taken
        if not (prev_end <= t.start and t.end <= q.start) or i in consumed:
            continue
        if t.kind == "relative" and _PUBLICATION_AFTER.match(text, t.end):
            continue  # "published in last year's edition, was USD 548 million": the edition's year, not the figure's
        labels = q.start - t.end <= 4 and text[t.end : q.start].strip() in ("(", ":", "(:")  # "on FY2024 (A$118.3m)"
        if labels or not is_base(text, t):
            best = (i, t)
    if best:
        consumed.add(best[0])
        return best[1]
    return None


#: A publication a relative year names: "last year's edition", "this year's report".
_PUBLICATION_AFTER = re.compile(r"\s*['’]s?\s+(?:edition|report|study|survey|issue|publication|version|outlook|ranking)\b",
                                re.IGNORECASE)
_PERCENT_ON = re.compile(r"(?:%|\bper\s?cent|\bpoints?|\bpp|\bbps?)\s*on\s+(?:the\s+)?$", re.IGNORECASE)


_OR_BETWEEN = re.compile(r"^,?\s+or\s+$")
#: The same, past the first figure's own year: " in 2024, or ".
_OR_DATED_BETWEEN = re.compile(r"^(?:\s+(?:in|for)\s+(?:fiscal\s+|FY\s?)?(?:19|20)\d{2})?,?\s+or\s+(?:about\s+|around\s+|some\s+)?$")


_OR_AFTER = re.compile(r",\s+or\s+$")


_ANNUALIZED_AFTER = re.compile(r"\s*(?:on\s+an?\s+|at\s+an?\s+)?(?:annuali[sz]ed|annual\s+rate)\b", re.IGNORECASE)


def or_pairs(ctx: DocContext, text: str, drafts: list[Draft]) -> None:
    """ "compared with $148.3 million, or $1.74 per diluted share, in the third quarter of 2024":
    a figure restated in other terms right after it shares that figure's period."""
    for a, b in zip(drafts, drafts[1:]):
        if a.dropped or b.dropped:
            continue
        if a.own_time and not b.own_time and a.basis != "annualized" and _ANNUALIZED_AFTER.match(text, b.q.end) \
                and a.measure in ("growth", "rate") and a.q.unit == b.q.unit == "percent" \
                and _OR_AFTER.search(between := text[a.q.end : b.q.start]) and len(between) < 120 and ";" not in between:
            # "rose 0.1% between October and December, or 0.4% on an annualized basis": the
            # same change over the same period, at an annual rate
            b.measure, b.metric, b.negative, b.basis = a.measure, a.metric, a.negative, "annualized"
            b.year, b.quarter, b.half, b.month, b.fiscal = a.year, a.quarter, a.half, a.month, a.fiscal
            continue
        if a.year_ago and not b.own_time and _OR_BETWEEN.match(text[a.q.end : b.q.start]):
            # "compared with $85.2 million, or $1.27 per diluted share": the base restated, its period too
            b.year, b.quarter, b.half, b.month, b.fiscal = a.year, a.quarter, a.half, a.month, a.fiscal
            b.year_ago = True
            continue
        if a.own_time and not b.own_time and b.year is None and a.year and not (a.period_start or a.period_end) \
                and _OR_DATED_BETWEEN.match(text[a.q.end : b.q.start]):
            # "generated USD 2.61 billion in 2024, or 42.6% of global revenue": the restatement's year
            b.year, b.quarter, b.half, b.month, b.fiscal = a.year, a.quarter, a.half, a.month, a.fiscal
            if b.measure == "share" and b.scope_type == "global" and a.scope_type != "global":
                b.scope, b.scope_type, b.dimension = a.scope, a.scope_type, a.dimension  # the part's share
            continue
        if a.own_time or not b.own_time or b.time is None:
            continue
        if _OR_BETWEEN.match(text[a.q.end : b.q.start]):
            a.year = a.quarter = a.half = a.month = a.period_start = a.period_end = None
            a.fiscal = False
            apply_time(ctx, a, b.time)


#: "compared with a net loss of $19.8 million in 2023": the base of a comparison, a few words on.
_COMPARED_OF = re.compile(r"\bcompared\s+(?:with|to)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}of\s+$", re.IGNORECASE)


#: "rose 0.4% after climbing 0.2% in July", "following a decrease of 6.4% in Q1": an earlier
#: period's figure given for comparison.
_AFTER_BASE = re.compile(r"\b(?:after|following)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


#: "compared with 16.9% a year earlier", "$1.12 in the prior-year period": the same period a year before.
#: Words saying a base of comparison is an expectation, not an earlier result ("compared with
#: analysts' estimates of $1.21 billion", "versus consensus of $2.58").
_EXPECTED = re.compile(r"\b(?:estimates?|expect\w*|consensus|forecasts?|guidance|outlook|analysts?|street|"
                       r"our\s+(?:number|model)|target)\b", re.IGNORECASE)
#: Right before the base of a comparison with the previous reading: "to 2.9% from 2.8%".
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+)?$", re.IGNORECASE)
_YEAR_AGO = re.compile(r"^\s*(?:in\s+)?(?:the\s+|a\s+)?(?:year[\s-]+(?:earlier|ago|before)|prior[\s-]+year(?:\s+period|\s+quarter)?|"
                       r"year[\s-]+ago\s+(?:period|quarter)|same\s+(?:quarter|period|half|month)\s+(?:of\s+|in\s+)?(?:the\s+)?"
                       r"(?:previous|prior|last|preceding)\s+(?:fiscal\s+|financial\s+)?year)\b", re.IGNORECASE)


#: After a base that is an earlier estimate of the same period: "from 0.1% in the previous estimate".
_REVISED_FROM = re.compile(r"^\s*(?:in|at)\s+(?:the|its|our)\s+(?:previous|prior|earlier|first|preliminary|initial|flash)\s+"
                           r"(?:estimate|reading|release|print|publication)\b", re.IGNORECASE)
#: After a base that was the earlier guidance: "compared with $748.0 million to $756.0 million previously".
_PREVIOUSLY = re.compile(r"^\s*,?\s*(?:previously|before|earlier|at\s+the\s+(?:previous|prior|last)\s+(?:update|results))\b",
                         re.IGNORECASE)
#: A sentence that revises an outlook: "raised its revenue forecast to 1.82 trillion yen from …".
_OUTLOOK_REVISED = re.compile(r"\b(?:raised|raises|lifted|lifts|cut|cuts|lowered|lowers|trimmed|trims|revised|revises|"
                              r"upgraded|downgraded|narrowed|narrows)\b[^.;]{0,50}?\b(?:forecasts?|guidance|outlook|targets?|"
                              r"projections?|estimates?|guide)\b", re.IGNORECASE)
#: A base restated per share before its period: ", or $1.36 per share," in "from $352.1 million, or
#: $1.36 per share, a year earlier".
_OR_PER_SHARE = re.compile(r"^\s*,?\s*or\s+[^,;.()]{1,30}?(?:\.\d+[^,;.()]{0,30}?)?\b(?:per\s+(?:diluted\s+|basic\s+)?share|a\s+share)\s*,?",
                           re.IGNORECASE)


#: "up 5.8% on last year's £587.9m", "against the prior year's $1.2 billion".
LAST_YEARS = re.compile(r"\b(?:on|from|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?(?:last|prior|previous)\s+"
                         r"year'?s\s+(?:figure\s+of\s+|total\s+of\s+)?$", re.IGNORECASE)


#: "…, prior 4.8%", "previous: 2.1%": an analyst's shorthand for the period before.
PRIOR_WORD = re.compile(r"(?:^|[,;(]\s*)(?:prior|previous|prev\.?)\s*:?\s*$", re.IGNORECASE)


def prior_period(d: Draft) -> None:
    d.kind = "actual"
    if d.month and d.year:
        index = d.year * 12 + d.month - 2
        d.year, d.month = index // 12, index % 12 + 1
    elif d.quarter and d.year:
        index = d.year * 4 + d.quarter - 2
        d.year, d.quarter = index // 4, index % 4 + 1
    elif d.half and d.year:
        d.year, d.half = (d.year, 1) if d.half == 2 else (d.year - 1, 2)
    elif d.year:
        d.year -= 1


def comparison_base(ex: Vocabulary, d: Draft, prev: Draft, around, *, company: bool = False, after: str = "") -> None:
    """ "Operating margin was 14.2%, compared with 16.9% a year earlier": the base measures what
    the figure before it does, a year before it. In a company's results, a base of no period
    of its own ("net income was $107.5 million, compared with $85.2 million") is the same
    period a year before, as results are compared."""
    if d.q.unit == prev.q.unit and prev.measure in ("margin", "share", "rate", "eps", "price") \
            and d.measure in ("growth", "other", prev.measure):
        d.measure, d.metric, d.negative = prev.measure, prev.metric, False
    elif prev.q.unit == "percentage_point" and d.q.unit == "percent" and prev.measure in ("margin", "share", "rate") \
            and d.measure in ("growth", "other", prev.measure):
        # "15.4%, up 120 basis points from 14.6%": the level the change is from
        d.measure, d.metric, d.negative, d.accounting = prev.measure, prev.metric, False, prev.accounting
    elif d.q.unit == prev.q.unit and prev.measure == "other" and ex.units.is_currency(d.q.unit) and prev.q.end >= d.q.start - 12:
        # "revenue per passenger rose to EUR 15.45 from EUR 13.83": the base is the same ratio
        d.measure, d.metric = "other", prev.metric
    # "from $352.1 million, or $1.36 per share, a year earlier": the period past the restatement
    restated = _OR_PER_SHARE.match(after)
    right = after[restated.end():] if restated else around.right
    clause = re.split(r"[;,]\s|\.\s", around.full_left)[-1]
    if (_REVISED_FROM.match(after) or _PREVIOUSLY.match(after)
            or _FROM_BEFORE.search(around.own_left[-20:]) and _OUTLOOK_REVISED.search(clause)
            and not _YEAR_AGO.match(right)):
        # "revised up to 0.2%, from 0.1% in the previous estimate": the same period, as first estimated
        d.year, d.quarter, d.half, d.month, d.fiscal = prev.year, prev.quarter, prev.half, prev.month, prev.fiscal
        d.measure, d.metric, d.basis, d.negative = prev.measure, prev.metric, prev.basis, False
        d.scope, d.scope_type, d.dimension = prev.scope, prev.scope_type, prev.dimension
        d.revised = True
        d.confidence *= 0.5  # a superseded figure: shown, never compared
        return
    if _YEAR_AGO.match(right) and prev.year and not (prev.period_start or prev.period_end):
        d.year, d.quarter, d.half, d.month, d.fiscal = prev.year - 1, prev.quarter, prev.half, prev.month, prev.fiscal
        d.year_ago = bool(restated)
    elif (not d.own_time and _FROM_BEFORE.search(around.own_left[-20:]) and d.q.unit == prev.q.unit == "percent"
          and prev.measure in ("rate", "growth") and d.measure == prev.measure and prev.year and not prev.half
          and (prev.month or prev.quarter)):
        # "core inflation edged up to 2.9% from 2.8%", "the jobless rate fell to 4.6% in September
        # from 4.8%": a monthly or quarterly statistic's previous reading
        if prev.month:
            d.year, d.month = (prev.year, prev.month - 1) if prev.month > 1 else (prev.year - 1, 12)
            d.quarter = None
        else:
            d.year, d.quarter = (prev.year, prev.quarter - 1) if prev.quarter > 1 else (prev.year - 1, 4)
    elif company and not d.own_time and prev.year and d.year == prev.year and not (prev.period_start or prev.period_end) \
            and not prev.quarter and not prev.month and re.search(
                r"\b(?:to|at)\s+" + re.escape(prev.q.figure) + r"\s*,?\s+(?:up\s+|down\s+)?from\s+(?:the\s+)?$",
                around.full_left):
        # "pulled statutory pre-tax profit down to £52.6m from £60.9m": a company's year, and
        # the year before it
        d.year, d.half, d.fiscal = prev.year - 1, prev.half, prev.fiscal
        d.year_ago = True
    elif company and not d.own_time and prev.year and d.year == prev.year and not (prev.period_start or prev.period_end) \
            and _sequential(ex, around.right):
        # "compared with $480.0 million sequentially": the quarter before, not a year before
        if prev.quarter:
            d.year, d.quarter = (prev.year, prev.quarter - 1) if prev.quarter > 1 else (prev.year - 1, 4)
            d.half, d.month, d.fiscal = None, None, prev.fiscal
    elif company and not d.own_time and prev.year and d.year == prev.year and not (prev.period_start or prev.period_end) \
            and (prev.measure == "growth" and prev.q.unit == "percent" and d.q.unit != "percent"
                 or prev.q.unit == "percentage_point" and d.q.unit == "percent" and prev.measure == d.measure) \
            and _RATE_FROM.match(around.own_left) and prev.kind not in ("forecast", "guidance", "consensus"):
        # "Adjusted diluted EPS of $1.79, up 13.3% from $1.58", "operating margin of 15.4%, up 120
        # basis points from 14.6%": what the rate grew from, a year before (a period before when
        # the words say so, above)
        d.year, d.quarter, d.half, d.month, d.fiscal = prev.year - 1, prev.quarter, prev.half, prev.month, prev.fiscal
        d.year_ago = True
    elif company and not d.own_time and prev.year and d.year == prev.year and not (prev.period_start or prev.period_end) \
            and prev.kind not in ("forecast", "guidance", "consensus") and not _FROM_BEFORE.search(around.own_left[-20:]) \
            and not _EXPECTED.search(around.own_left) and not _EXPECTED.match(around.right):
        d.year, d.quarter, d.half, d.month, d.fiscal = prev.year - 1, prev.quarter, prev.half, prev.month, prev.fiscal
        d.year_ago = True


#: Right after a rate, before the amount it grew from: "up 13.3% from $1.58".
_RATE_FROM = re.compile(r"^\s*(?:year[\s-]on[\s-]year\s+|y/y\s+)?from\s+(?:the\s+)?$", re.IGNORECASE)


def _sequential(ex: Vocabulary, right: str) -> bool:
    """Whether the words right after a base say it is the period before ("sequentially",
    "quarter over quarter"), not the same period a year before."""
    m = ex.measures.basis.search(right[:40])
    return m is not None and m.lastgroup in ("qoq", "mom")


def is_base_figure(text: str, q: Quantity) -> bool:
    """A figure stated as the base of a comparison, whose period is not the sentence's."""
    before = text[max(0, q.start - 50) : q.start]
    return bool(BASE_BEFORE.search(before) or _AFTER_BASE.search(before) or _COMPARED_OF.search(before)
                or PRIOR_LABEL.search(before))


def is_base(text: str, t) -> bool:
    if t.kind == "point" and _PERCENT_ON.search(text[max(0, t.start - 12) : t.start]):
        return True  # "up 24.1% on FY2024": the year compared with
    if t.kind == "relative":  # "a decrease of 3% from the prior year": the base of a change
        before = text[max(0, t.start - 25) : t.start]
        return bool(BASE_BEFORE.search(before) or _PERCENT_ON.search(before))
    return t.kind == "point" and (t.prep in ("since", "from") or bool(BASE_BEFORE.search(text[max(0, t.start - 25) : t.start]))
                                  or bool(_SINCE_PART.search(text[max(0, t.start - 30) : t.start])))


#: "the highest since late 2024", "from early 2023": a base of comparison with a part of a year.
_SINCE_PART = re.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:late|early|mid|end\s+of|start\s+of|beginning\s+of)[\s-]*$",
                         re.IGNORECASE)
