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
    r"(?P<y2>(?:19|20)\d{2}|\d{2})(?![\d%$])(?!\s*(?:%|percent|billion|million))\)?"
)
_POINT = (
    r"(?P<prep>\b(?:by\s+the\s+end\s+of|by\s+end\s+of|at\s+the\s+end\s+of|end\s+of|by|in|for|of|as\s+of|"
    r"through|thru|until|till|to|since|during|from|at|within|in\s+the\s+year|year)\s+)?"
    rf"(?:(?:fiscal\s+(?:year\s+)?|FY\s?|Q[1-4]\s+|H[12]\s+|{_MONTH}\s+(?:\d{{1,2}},?\s+)?))?"
    rf"\(?(?P<y>{YEAR})(?![\d%$s])(?:\s*\))?"
)
_NEXT = (
    r"\b(?:over|in|during|within|for|through)\s+the\s+(?:next|coming|following|upcoming)\s+"
    r"(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+years\b"
)
_SAME = r"\b(?:in\s+the\s+same\s+year|that\s+(?:same\s+)?year|the\s+same\s+year)\b"


# Every time expression holds a year or one of these words; text without them has none.
_WORTH_LOOKING = re.compile(r"(?:19|20)\d\d|period|years|same|that year", re.IGNORECASE)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    kind: str  # point | period | forecast | next | same
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    prep: str = ""  # "by", "in", "through"… lower-cased
    years: int | None = None  # length of a "next N years" period

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
        self.pattern = re.compile(
            rf"(?P<period>{_PERIOD})|(?P<point>{_POINT})|(?P<next>{_NEXT})|(?P<same>{_SAME})"
            + (rf"|(?P<fp>\b(?:{phrases})\b)" if phrases else ""),
            re.IGNORECASE,
        )

    def find(self, text: str, offset: int = 0) -> list[TimeExpr]:
        if not _WORTH_LOOKING.search(text):
            return []
        out = []
        for m in self.pattern.finditer(text):
            s, e = m.start() + offset, m.end() + offset
            if m.group("period"):
                y1 = int(m.group("y1"))
                raw2 = m.group("y2")
                y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
                if y2 <= y1 or y2 - y1 > 50:
                    continue
                out.append(TimeExpr(s, e, "period", None, y1, y2, (m.group("pprep") or "").strip().lower()))
            elif m.group("point"):
                prep = " ".join((m.group("prep") or "").lower().split())
                out.append(TimeExpr(s, e, "point", int(m.group("y")), prep=prep))
            elif m.group("next"):
                n = m.group("n").lower()
                years = int(n) if n.isdigit() else _NUMBER_WORDS[n]
                out.append(TimeExpr(s, e, "next", years=years))
            elif m.group("same"):
                out.append(TimeExpr(s, e, "same"))
            else:
                out.append(TimeExpr(s, e, "forecast"))
        return out

    def first_period(self, text: str) -> tuple[int, int] | None:
        """The first explicit period in ``text`` (a title's "2025-2032")."""
        for t in self.find(text):
            if t.kind == "period":
                return t.period_start, t.period_end
        return None
