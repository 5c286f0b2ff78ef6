"""Time expressions: the year of a point value, a period, or "the forecast period".

``find_times`` returns every time expression in a stretch of text; choosing which one a
figure belongs to is done by the caller, which knows where the figures are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = r"(?:19|20)\d{2}"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PERIOD = (
    r"(?P<pprep>\b(?:from|between|during|over|for|in|through|covering)\s+)?"
    r"(?:the\s+)?(?:(?:forecast(?:ed)?|projection|review|study|assessment)\s+)?(?:period\s+|years?\s+)?(?:of\s+)?"
    rf"\(?(?:FY\s?)?(?P<y1>{YEAR})\s*(?:-|–|—|to|through|till|until|and|/)\s*(?:FY\s?)?"
    r"(?P<y2>(?:19|20)\d{2}|\d{2})(?![\d%$]|[.,]\d)(?!\s*(?:%|percent|billion|million))\)?"
)
_POINT = (
    r"(?P<prep>\b(?:by\s+the\s+end\s+of|by\s+end\s+of|at\s+the\s+end\s+of|end\s+of|by|in|for|of|as\s+of|"
    r"through|thru|until|till|to|since|during|from|at|within|in\s+the\s+year|year)\s+)?"
    rf"(?:(?:fiscal\s+(?:year\s+)?|FY\s?|Q[1-4]\s+|H[12]\s+|{_MONTH}\s+(?:\d{{1,2}},?\s+)?))?"
    rf"\(?(?P<y>{YEAR})(?![\d%$s]|\s*=\s*100)(?:\s*\))?"
)
_QWORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_FYEAR = r"(?:fiscal\s+(?:year\s+)?|FY\s?'?)"
# Quarters, halves and fiscal years: "Q4 FY2024", "FY25 Q4", "fourth quarter of fiscal year 2024",
# "the fiscal fourth quarter", "Q3 2014", "Q4'24", "H1 2025", "first half of 2025", "FY25", "fiscal 2024",
# and analysts' column heads: "3Q25A", "4Q25E", "FY25E".
_CAL = (
    r"(?P<cprep>\b(?:in|for|during|of|by|through|since|from|at)\s+)?(?:the\s+)?(?:"
    rf"FY\s?'?(?P<fyq_y>(?:19|20)\d{{2}}|\d{{2}})\s*Q(?P<fyq_q>[1-4])\b"
    # statisticians' "2024Q3", "2024-Q3"; not a year ending a line before "Q1 2025 …", nor "2024 Q1 2025"
    rf"|(?P<yq_y>(?:19|20)\d{{2}})[ -]?Q(?P<yq_q>[1-4])\b(?![ \t]*(?:19|20)\d{{2}}\b)"
    # a fiscal year named by the two calendar years it spans, short: "FY24/25" (long forms,
    # "2024/25", are read where periods are)
    rf"|FY\s?'?(?P<sy_a>\d{{2}})/(?P<sy_b>\d{{2}})(?![\d/])"
    rf"|(?P<nq_q>[1-4])Q(?:\s*(?P<nq_fy>FY\s?'?)?(?P<nq_y>(?:19|20)\d{{2}}|\d{{2}}))?(?:[AE]\b|\b)"
    rf"|(?P<nh_n>[12])H(?:\s?(?P<nh_fy>FY\s?'?)?(?P<nh_y>(?:19|20)\d{{2}}|(?<![ Y])\d{{2}}|(?<=FY)\d{{2}}|(?<=FY )\d{{2}}))?(?:[AE]\b|\b)"
    rf"|Q(?P<q_n>[1-4])(?:\s*(?:of\s+)?(?P<q_fy>{_FYEAR})?'?(?P<q_y>(?:19|20)\d{{2}}|(?<=')\d{{2}}|(?<=FY)\d{{2}}|(?<=FY )\d{{2}}))?(?:[AE]\b|\b)"
    rf"|(?P<q_fis>fiscal\s+)?(?P<q_w>{_QWORD})[\s-]+(?:fiscal\s+)?quarter(?:\s+of)?(?:\s+(?P<q_fy2>{_FYEAR})?(?P<q_y2>(?:19|20)\d{{2}}))?\b"
    # "the second quarter ended July 26": a quarter and the month it ended in (a fiscal one when they disagree)
    rf"(?:,?\s+end(?:ed|ing)\s+(?P<qe_mon>{_MONTH})\s+(?P<qe_day>\d{{1,2}})\b(?:,?\s+(?P<qe_y>(?:19|20)\d{{2}}))?"
    # "the second quarter alone (July 1 to September 30, 2025)": the quarter and the day it ended
    rf"|(?:\s+alone)?\s*\((?:[^()]{{0,30}}?\bto\s+)?(?P<qe_mon2>{_MONTH})\s+\d{{1,2}},?\s+(?P<qe_y2>(?:19|20)\d{{2}})\))?"
    rf"|H(?P<h_n>[12])\s*(?P<h_fy>FY\s?)?'?(?P<h_y>(?:19|20)\d{{2}}|\d{{2}})(?:[AE]\b|\b)"
    # a half with no year: "H1 adjusted operating profit" ("H2" only before a result's word: H2 is hydrogen too)
    rf"|(?<![\w-])(?-i:(?P<hy_1>H1)\b(?!N)|(?P<hy_2>H2)(?=\s+(?:(?:adjusted|underlying|reported|group)\s+)?(?:revenue|sales|results|profit|"
    rf"earnings|EBITDA|EBIT|margin|operating|performance|trading|guidance|order|volumes?|EPS|net)\b))"
    rf"|(?P<h_w>first|second)[\s-]+half\b(?:\s+of\b)?\s*(?P<h_fy2>{_FYEAR})?(?P<h_y2>(?:19|20)\d{{2}})?"
    # "the First Half of the Fiscal Year Ending March 31, 2026"
    rf"(?:(?<=of\s)the\s+(?:fiscal|financial)\s+year\s+end(?:ed|ing)\s+{_MONTH}\s+\d{{1,2}},?\s+(?P<h_fyy>(?:19|20)\d{{2}}))?"
    rf"|(?P<fy_p>{_FYEAR})(?P<fy_y>(?:19|20)\d{{2}}|\d{{2}})(?:[AE]\b|\b)(?!\s*[-–/]\s*(?:FY\s?)?\d)"
    rf"|(?:year|(?:12|twelve)[\s-]+months|5[23][\s-]+weeks|fifty[\s-]+(?:two|three)[\s-]+weeks)\s+to\s+(?:\d{{1,2}}\s+)?(?P<ty_mon>{_MONTH})(?:\s+\d{{1,2}})?,?"
    r"(?:\s+(?P<ty_y>(?:19|20)\d{2}))?(?![\w-])"
    r"|(?P<e_span>quarter|three\s+months|six\s+months|half[\s-]year|nine\s+months|twelve\s+months|12\s+months|fiscal\s+year|year"
    r"|5[23][\s-]+weeks|fifty[\s-]+(?:two|three)[\s-]+weeks)"
    rf"\s+(?:end(?:ed|ing)|to)\s+(?:(?P<e_mon>{_MONTH})\.?(?:\s+\d{{1,2}})?,?|\d{{1,2}}\s+(?P<e_mon2>{_MONTH}),?)\s+(?P<e_y>(?:19|20)\d{{2}})"
    # "for the quarter ended Nov. 1": a quarter whose year the story's date tells
    rf"|(?P<eq_span>quarter|three\s+months)\s+(?:end(?:ed|ing)\s+(?:(?P<eq_mon>{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?P<eq_mon2>{_MONTH})"
    rf"|in\s+(?P<eq_mon4>{_MONTH})\b)"
    rf"|to\s+(?:\d{{1,2}}\s+)?(?P<eq_mon3>{_MONTH})\b)"
    r"(?![\d,]*\s*(?:19|20)\d{2})"
    # "the ten-week Christmas period", "the 10 weeks to 4 January": some weeks, no whole year
    r"|(?P<wk_n>[1-9]|[1-4]\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+weeks?\b"
    # "Six months FY2026", "the first nine months of 2025", "9M 2025": part of a year, to date
    # ("the second six months of 2025" is its second half; "the last nine months of 2025", none)
    r"|(?:(?P<sm_w>first|second|last|final|latter|remaining|past|next|previous|prior|coming|trailing)\s+)?"
    rf"(?P<sm_n>six|nine|6|9)[\s-]+months?(?:\s+(?:of|to|ended|ending|through))?\s+(?P<sm_fy>{_FYEAR})?"
    r"(?P<sm_y>(?:19|20)\d{2}|(?<=FY)\d{2}|(?<=FY )\d{2})\b"
    r"|(?<![$€£¥₹])(?-i:(?P<smm_n>[69])M\s?(?P<smm_fy>FY\s?)?)(?P<smm_y>(?:19|20)\d{2}|\d{2})\b"  # not "$6M 2025"
    r"|(?-i:(?P<m_up>JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER))"
    r"\s+(?P<m_up_y>(?:19|20)\d{2})(?![\w-])"
    rf"|(?-i:(?P<m_mon>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)))\.?(?:'s)?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?"
    r"(?:\s+(?P<m_y>(?:19|20)\d{2}))?(?![\w-])"
    r")"
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


_FISCAL_AFTER = re.compile(r"\s+(?:financial|fiscal)\s+year\b", re.IGNORECASE)
_FY_BEFORE = re.compile(r"\bFY\s?$")
#: The second year of a fiscal year spanning two: "-26" of "FY2025-26".
_SPAN_TAIL = re.compile(r"[-–/](\d{2})(?!\d)")


def month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def is_month(name: str) -> bool:
    """Whether ``name`` names a month (``month_number`` reads it)."""
    return name[:3].lower() in _MONTHS


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'")
    return int(raw) if len(raw) == 4 else 2000 + int(raw)


_NEXT = (
    r"\b(?:over|in|during|within|for|through)\s+the\s+(?:next|coming|following|upcoming)\s+"
    r"(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+years\b"
)
_SAME = r"\b(?:in\s+the\s+same\s+year|that\s+(?:same\s+)?year|the\s+same\s+year)\b"
# "last month", "this quarter", "last year": relative to the document's date.
# "the full fiscal year", "full-year": the year the document reports on.
_RELATIVE = r"\b(?P<rel>last|this|previous|past|prior|full)[\s-]+(?:fiscal\s+)?(?P<rel_unit>month|quarter|year)\b"
# "July to September 2025", "between October and December": a quarter (or half) spelled as months.
# "January-August 2025", "Jan-Aug 2025": the year to date (a span from January of no quarter or half).
_ANY_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
              r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_SPAN = (
    r"\b(?:(?:between|in|during|for)\s+)?(?:(?P<ms_a>jan(?:uary)?|apr(?:il)?|jul(?:y)?|oct(?:ober)?)\.?"
    r"(?:\s+(?:to|and|through)\s+|\s*[-–]\s*)"
    r"(?P<ms_b>mar(?:ch)?|june?|sep(?:t(?:ember)?)?|dec(?:ember)?)\.?"
    rf"|(?P<ms_jan>jan(?:uary)?)\s*[-–]\s*(?P<ms_to>{_ANY_MONTH})\.?)(?:\s+(?P<ms_y>(?:19|20)\d{{2}}))?\b"
)


#: An analyst's period marked estimated or actual: "FY26E", "3Q25A", "1H25E" (group 1: the mark).
ANALYST_MARK = r"(?:\b[1-4]Q|\bQ[1-4]\s|\bFY|\bH[12]|\b[12]H|\bCY)\s?'?\d{2,4}([AE])\b"


# Every time expression holds a year or one of these words; text without them has none.
_WORTH_LOOKING = re.compile(r"(?:19|20)\d\d|period|years|same|year\b|month\b", re.IGNORECASE)
# Quarters, halves, fiscal years and months: only where one of these words occurs.
_WORTH_LOOKING_MORE = re.compile(
    r"[Qq]uarter|QUARTER|[Hh]alf|[Mm]onths|MONTHS|[Ww]eeks?\b|\b[69]M\s?(?:FY)?\d|[Ff]iscal|FISCAL|FY|\b[QH][1-4]|\b[1-4]Q\b|\b[1-4]Q\d|\dQ[1-4]|\d[\s-]Q[1-4]|\d/\d\d|\b[12]H\s?(?:FY|\d)|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|"
    r"MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    kind: str  # point | period | forecast | next | same | relative (``ended`` holds its unit)
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    prep: str = ""  # "by", "in", "through"… lower-cased
    years: int | None = None  # length of a "next N years" period
    quarter: int | None = None
    half: int | None = None
    month: int | None = None
    fiscal: bool = False
    ended: str = ""  # "quarter" / "year" for "the quarter ended June 30, 2024" (month = its last month);
    # "six" / "nine" for six or nine months to date ("nine months ended September 30, 2025");
    # "weeks" for some weeks of a year ("the ten-week Christmas period"): no period we can name
    dated: bool = False  # a day of the month is written ("30 September 2024", "June 30, 2024")
    last_month: int | None = None  # of a quarter or half spelled as months ("October to December")
    first_month: int | None = None  # of a span of months from January that is no quarter or half ("Jan-Aug")
    as_of: bool = False  # the document's own date, for a figure of a moment (a market value): a calendar year

    @property
    def is_end_only(self) -> bool:
        """A point that ends a period ("by 2030", "through 2028")."""
        return self.kind == "point" and self.prep in ("by", "through", "thru", "until", "till", "to", "by the end of", "by end of")


class TimeFinder:
    """Compiled matcher for time expressions; forecast-period phrases come from data."""

    def __init__(self, forecast_phrases: list[str]) -> None:
        phrases = "|".join(
            re.escape(p).replace(r"\ ", r"\s+") for p in sorted(forecast_phrases, key=len, reverse=True)
        )
        tail = rf"|(?P<point>{_POINT})|(?P<next>{_NEXT})|(?P<same>{_SAME})|(?P<relative>{_RELATIVE})" + (
            rf"|(?P<fp>\b(?:{phrases})\b)" if phrases else "")
        # Every expression starts a word (or at "("): failing fast inside words keeps the scan cheap.
        # Quarters, halves, fiscal years and months are looked for only where such a word occurs.
        self.pattern = re.compile(
            rf"(?<!\w)(?:(?P<period>{_PERIOD})|(?P<mspan>{_MONTH_SPAN})|(?P<cal>{_CAL}){tail})", re.IGNORECASE)
        self.years_only = re.compile(rf"(?<!\w)(?:(?P<period>{_PERIOD}){tail})", re.IGNORECASE)

    def find(self, text: str, offset: int = 0) -> list[TimeExpr]:
        calendar = _WORTH_LOOKING_MORE.search(text)
        if not calendar and not _WORTH_LOOKING.search(text):
            return []
        pattern = self.pattern if calendar else self.years_only
        out = []
        for m in pattern.finditer(text):
            s, e = m.start() + offset, m.end() + offset
            if m.group("period"):
                y1 = int(m.group("y1"))
                raw2 = m.group("y2")
                y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
                if y2 <= y1 or y2 - y1 > 50:
                    continue
                fiscal = bool(_FISCAL_AFTER.match(text, m.end()) or _FY_BEFORE.search(text, 0, m.start())
                              or "FY" in text[m.start() : m.start("y1")])  # "FY2025-26"
                if y2 == y1 + 1 and len(raw2) == 2 and ("/" in m.group(0) or fiscal):
                    # "FY2024/25", "the 2024-25 financial year": one fiscal year, ending in 2025; "the
                    # 2023/24 season": a year ending in 2024
                    out.append(TimeExpr(s, e, "point", y2, prep=(m.group("pprep") or "").strip().lower(), fiscal=fiscal))
                    continue
                out.append(TimeExpr(s, e, "period", None, y1, y2, (m.group("pprep") or "").strip().lower()))
            elif m.lastgroup == "cal":
                t = _calendar(m, s, e)
                if t is not None:
                    out.append(t)
            elif m.group("point"):
                prep = " ".join((m.group("prep") or "").lower().split())
                out.append(TimeExpr(s, e, "point", int(m.group("y")), prep=prep))
            elif m.group("next"):
                n = m.group("n").lower()
                years = int(n) if n.isdigit() else _NUMBER_WORDS[n]
                out.append(TimeExpr(s, e, "next", years=years))
            elif m.group("same"):
                out.append(TimeExpr(s, e, "same"))
            elif m.lastgroup == "mspan":
                if m.group("ms_jan"):
                    a, b = 1, month_number(m.group("ms_to"))
                else:
                    a, b = month_number(m.group("ms_a")), month_number(m.group("ms_b"))
                year = int(m.group("ms_y")) if m.group("ms_y") else None
                if b - a == 2:
                    out.append(TimeExpr(s, e, "point", year, quarter=(a - 1) // 3 + 1, last_month=b))
                elif b - a == 5:
                    out.append(TimeExpr(s, e, "point", year, half=1 if a == 1 else 2, last_month=b))
                elif a == 1 and b == 12 and year:  # "January-December 2025": the whole year
                    out.append(TimeExpr(s, e, "point", year))
                elif a == 1 and b > a:  # "January-August 2025": the year to date, not August
                    out.append(TimeExpr(s, e, "point", year, month=b, first_month=a))
                else:
                    out.append(TimeExpr(s, e, "point", year, month=b))
            elif m.lastgroup == "relative":
                if m.group("rel").lower() == "past" and m.group("rel_unit").lower() == "year":
                    continue  # "fallen 11.6% over the past year": a year-on-year rate, not last year's
                out.append(TimeExpr(s, e, "relative", prep=m.group("rel").lower(), ended=m.group("rel_unit").lower()))
            else:
                out.append(TimeExpr(s, e, "forecast"))
        return out

    def first_period(self, text: str) -> tuple[int, int] | None:
        """The first explicit period in ``text`` (a title's "2025-2032")."""
        for t in self.find(text):
            if t.kind == "period":
                return t.period_start, t.period_end
        return None


def _calendar(m: re.Match, s: int, e: int) -> TimeExpr | None:
    """A quarter, half, fiscal year, month or "quarter ended …" as a point in time."""
    g = m.groupdict()
    prep = " ".join((g.get("cprep") or "").lower().split())
    if g.get("fyq_q"):
        return TimeExpr(s, e, "point", _year(g["fyq_y"]), prep=prep, quarter=int(g["fyq_q"]), fiscal=True)
    if g.get("sy_b"):
        first, second = _year(g["sy_a"]), int(g["sy_b"])
        if first is None or (first + 1) % 100 != second:
            return None  # "2024/26": no fiscal year
        return TimeExpr(s, e, "point", first + 1, prep=prep, fiscal=True)
    if g.get("yq_q"):
        return TimeExpr(s, e, "point", _year(g["yq_y"]), prep=prep, quarter=int(g["yq_q"]))
    if g.get("nq_q"):  # an analyst's "3Q25A", "4Q25E", "4Q", "3Q FY2025"
        return TimeExpr(s, e, "point", _year(g["nq_y"]), prep=prep, quarter=int(g["nq_q"]), fiscal=bool(g["nq_fy"]))
    if g.get("nh_n"):  # "1H25", "2H", "1H FY2026"
        return TimeExpr(s, e, "point", _year(g["nh_y"]), prep=prep, half=int(g["nh_n"]), fiscal=bool(g.get("nh_fy")))
    if g.get("q_n"):
        year = _year(g["q_y"])
        spans = _SPAN_TAIL.match(m.string, m.end()) if g["q_fy"] and year else None
        if spans and int(spans.group(1)) == (year + 1) % 100:
            # "Q4 FY2025-26": the fourth quarter of the fiscal year ending in 2026
            return TimeExpr(s, e + len(spans.group(0)), "point", year + 1, prep=prep, quarter=int(g["q_n"]), fiscal=True)
        return TimeExpr(s, e, "point", year, prep=prep, quarter=int(g["q_n"]), fiscal=bool(g["q_fy"]))
    if g.get("q_w"):
        if (g.get("qe_mon") or g.get("qe_mon2")) and not g.get("q_y2"):
            month = month_number(g["qe_mon"] or g["qe_mon2"])
            year = _year(g["qe_y"] or g["qe_y2"])
            if g.get("qe_day") and int(g["qe_day"]) <= 7:  # "ended July 2": a 52/53-week quarter of June
                month, year = (month - 1, year) if month > 1 else (12, year - 1 if year else None)
            return TimeExpr(s, e, "point", year, prep=prep, quarter=QUARTER_WORDS[g["q_w"].lower()],
                            month=month, ended="quarter", fiscal=bool(g["q_fis"]))
        return TimeExpr(s, e, "point", _year(g["q_y2"]), prep=prep, quarter=QUARTER_WORDS[g["q_w"].lower()],
                        fiscal=bool(g["q_fis"] or g["q_fy2"]))
    if g.get("h_n"):
        return TimeExpr(s, e, "point", _year(g["h_y"]), prep=prep, half=int(g["h_n"]), fiscal=bool(g["h_fy"]))
    if g.get("hy_1") or g.get("hy_2"):
        return TimeExpr(s, e, "point", None, prep=prep, half=1 if g.get("hy_1") else 2)
    if g.get("h_w"):
        return TimeExpr(s, e, "point", _year(g["h_y2"] or g.get("h_fyy")), prep=prep,
                        half=1 if g["h_w"].lower() == "first" else 2, fiscal=bool(g["h_fy2"] or g.get("h_fyy")))
    if g.get("fy_y"):
        return TimeExpr(s, e, "point", _year(g["fy_y"]), prep=prep, fiscal=True)
    if g.get("ty_mon"):  # "the year to 30 June", "the 12 months to March 2025": a year ending then
        month = month_number(g["ty_mon"])
        return TimeExpr(s, e, "point", int(g["ty_y"]) if g.get("ty_y") else None, prep=prep, month=month,
                        ended="year_to", fiscal=month != 12)
    if g.get("e_span"):
        span = " ".join(g["e_span"].lower().split())
        ended = "quarter" if span in ("quarter", "three months") else "year" if span in (
            "twelve months", "12 months", "fiscal year", "year") or "week" in span else "six" if span in ("six months", "half-year",
                                                                                             "half year") \
            else "nine"
        return TimeExpr(s, e, "point", int(g["e_y"]), prep=prep, month=month_number(g["e_mon"] or g["e_mon2"]), ended=ended,
                        fiscal=span == "fiscal year")
    if g.get("wk_n"):
        return TimeExpr(s, e, "point", None, prep=prep, ended="weeks")
    if g.get("sm_n") or g.get("smm_n"):  # "six months FY2026" is its first half; nine months, Jan–Sep or a fiscal part
        n = (g.get("sm_n") or g.get("smm_n")).lower()
        fiscal = bool(g.get("sm_fy") or g.get("smm_fy"))
        year = _year(g.get("sm_y") or g.get("smm_y"))
        which = (g.get("sm_w") or "first").lower()
        if which != "first":
            if n in ("six", "6") and which in ("second", "last", "final", "latter"):
                return TimeExpr(s, e, "point", year, prep=prep, half=2, fiscal=fiscal)
            # "the remaining six months of 2025", "the last nine months of 2025": no period we can name
            return TimeExpr(s, e, "point", None, prep=prep, ended="six" if n in ("six", "6") else "nine")
        if n in ("six", "6"):
            return TimeExpr(s, e, "point", year, prep=prep, half=1, fiscal=fiscal)
        return TimeExpr(s, e, "point", year, prep=prep, ended="nine", fiscal=fiscal)
    if g.get("eq_span"):
        return TimeExpr(s, e, "point", None, prep=prep, month=month_number(g["eq_mon"] or g["eq_mon2"] or g["eq_mon3"] or g["eq_mon4"]),
                        ended="quarter")
    if g.get("m_up"):  # "RETAIL TRADE, KESTRIA: SEPTEMBER 2025"
        return TimeExpr(s, e, "point", int(g["m_up_y"]), prep=prep, month=month_number(g["m_up"]))
    if g.get("m_mon"):
        name = g["m_mon"]
        labelled = m.string[max(0, m.start() - 1) : m.start()] == "(" and bool(
            re.match(r"\s*[,)]", m.string[m.end() : m.end() + 2]))  # "Unemployment rate (Sep): 4.6%"
        if not g.get("m_y") and not labelled and (name == "May" or not prep and "'s" not in m.group(0)):
            return None  # "may reach", "March" as a verb: a bare month needs "in", "for"… or a year
        day = bool(re.search(r"\d", m.group(0).split(name, 1)[-1].replace(g.get("m_y") or "", "", 1))) or \
            bool(re.search(r"\d{1,2}\s*$", m.string[max(0, m.start() - 4) : m.start()]))
        return TimeExpr(s, e, "point", int(g["m_y"]) if g.get("m_y") else None, prep=prep, month=month_number(name),
                        dated=day)
    return None
