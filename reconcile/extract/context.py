"""What a document says about itself, read once before its figures.

Its market (from the title, else the most named), its forecast period, its date (from
``metadata.toml`` or the document's own front matter), whether it is about one company
or one economy, the month its fiscal year ends, and the acronyms it defines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pycountry

from ..offsets import LineIndex
from ..sources import Document
from ..textmatch import phrase_pattern
from .draft import DocContext
from .dating import is_base
from .timeexpr import QUARTER_WORDS, TimeExpr, month_number
from .vocabulary import Vocabulary

# What a document is (a company's release, an economic bulletin, a market report) shows in its
# opening; reading only this much keeps the context cheap on long files.
_HEAD = 8000
_FORECAST_WITH_PERIOD = re.compile(r"forecast(?:ed)?\s+period", re.IGNORECASE)
_DATE = re.compile(r"((?:19|20)\d{2})(?:-(\d{1,2}))?")
_FRONT_DATE = re.compile(r"^(?:date|publishedOn|published)\s*:\s*[\"']?((?:19|20)\d{2})-(\d{2})", re.MULTILINE)
_FULL_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
# A news dateline or release date near the top: a full date, day and year both written.
_DATELINE = re.compile(
    rf"\b(?P<m1>{_FULL_MONTH})\s+\d{{1,2}},\s+(?P<y1>(?:19|20)\d{{2}})\b"
    rf"|\b\d{{1,2}}\s+(?P<m2>{_FULL_MONTH})\s+(?P<y2>(?:19|20)\d{{2}})\b")
# A byline in emphasis near the top with a month and year, set off by "|" or a dash as bylines
# are ("*Rail Systems Review | December 2025 | Interview by …*"): the issue the story appeared
# in. An italic note ("*Data before January 2020 use the old method.*") is none.
_BYLINE_MONTH = re.compile(
    rf"^[ \t]*[*_](?:[^*_\n]*?[|—–][ \t]*|(?i:published|updated|posted|issued|dated)[ \t]*:?[ \t]*)?\b({_FULL_MONTH})[ \t]+((?:19|20)\d{{2}})[ \t]*(?:[|—–][^*_\n]*)?[*_][ \t]*$",
    re.MULTILINE)
# A wire story's dateline without a year: "STUTTGART, July 30 (Calder Wire) -", "LONDON, 12 March (Reuters) –".
_HISTORY_DATE = re.compile(r"\b(?:founded|established|incorporated|formed|launched|began|commenced|opened|born|died|"
                           r"introduced|listed|acquired|merged|renamed|first\s+flight|commissioned|built)\b", re.IGNORECASE)
#: Right before a date a sentence speaks of ("at June 30, 2024", "since 1 March 2025"), unless
#: it says when the document was published ("Published on 3 May 2025").
_IN_SENTENCE_DATE = re.compile(r"(?<!published)(?<!released)(?<!updated)(?<!posted)(?<!dated)(?<!issued)"
                               r"\s+(?:at|since|until|till|by|from|before|after)\s+$", re.IGNORECASE)
_WIRE_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_WIRE_DATELINE = re.compile(
    rf"^[ \t*_]*(?:[A-Z][A-Z .'-]{{2,30}},[ \t]+)?(?:({_WIRE_MONTH})[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+({_WIRE_MONTH}))[ \t]*\(",
    re.MULTILINE)
#: A financial year still running, named by its end: "the full year to March 2026", "the year ending June 30, 2026".
_YEAR_AHEAD = re.compile(rf"\byear\s+(?:to|ending)\s+(?:\d{{1,2}}\s+)?({_FULL_MONTH}|May)(?:\s+\d{{1,2}},?)?\s+((?:19|20)\d{{2}})\b")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "fiscal year ended June 30", "fiscal 2024 … ending September 28", "twelve months ended", "year ended":
# found from the word "end…" (rare), then checked behind it (cheap, unlike a pattern tried everywhere).
# Case-sensitive, so the scan can start from the letters of "end" quickly ("Ended", "ENDED" too).
_ENDED = re.compile(rf"(?<![A-Za-z])(?:[Ee]nd(?:ed|ing|s)?|END(?:ED|ING|S)?)\s+(?:on\s+|in\s+)?(?:\d{{1,2}}\s+)?({_MONTH}|{_MONTH.upper()})\b")
_END_WORDS = ("ended", "ending", "ends", "Ended", "Ending", "Ends", "ENDED", "ENDING", "ENDS")
_FYE_BEFORE = re.compile(
    r"(?:(?:fiscal|financial)\s+(?:year|years|\d{4})\b[^.\n]{0,40}?|(?:twelve|12)\s+months\s+|\byear\s+)$", re.IGNORECASE)
_FYE = re.compile(rf"\bFYE[ \t:]+({_MONTH})\b", re.IGNORECASE)
# A document that counts in fiscal periods ("fiscal year", "fiscal 2024", "the fiscal fourth
# quarter", "FY25"); not "fiscal policy" or "the fiscal deficit" in a story about an economy.
_FISCAL = re.compile(r"\bfiscal[\s-]+(?:years?|quarters?|half|(?:19|20)\d{2}|first|second|third|fourth|Q[1-4]|H[12])\b"
                     r"|\bFY\s?'?\d{2}", re.IGNORECASE)
# "Northwind Corp. today announced", "Acme Inc.", "Keldra reported": a legal suffix or an
# announcing verb, found first (they are rare), then the capitalised name just before it.
_LEGAL = re.compile(r"(?:,)?[ \t]+(?:Inc|Corp|Corporation|Pvt|Ltd|Limited|plc|PLC|N\.V|S\.A|SA|AG|SE|Co|Group|Holdings|ASA|A/S|Oyj|GmbH|S\.p\.A|SpA|LLC|Pty|NV|BV|AB|Oy|KK|Bhd)\b\.?(?:[ \t]+\(publ\))?")
_ANNOUNCES = re.compile(r"[ \t]+(?:today[ \t]+)?(?:has[ \t]+)?(?:announced|reports|reported|posted|beats|missed|misses|"
                        r"raised|raises|lifted|lifts|narrowed|narrows|tightened|tightens|trimmed|trims|reaffirmed|"
                        r"reaffirms|cut[ \t]+its|cuts[ \t]+its)\b")
# A ticker after a name: "(NASDAQ: STRD)", or in a title "Quillon Semiconductor (QLSC) — …"
# (a code of four digits only with its exchange, "(7203 JT)": "(2025)" in a title is a year)
_EXCHANGE = r"(?:NASDAQ|NYSE|Nasdaq|LSE|TSX|ASX|AMEX|OTC|NSE|BSE|SIX|TSE|TYO|HKEX|HKSE|SEHK|SGX|KRX|KOSDAQ|JSE|B3|BMV|NZX|TASE|" \
            r"TWSE|SZSE|SSE|XETRA|ETR|FWB|OMX|OSE|BIT|BME|Euronext(?:[ \t]+[A-Z][a-z]+)?)"
_TICKER = re.compile(rf"[ \t]*\((?:{_EXCHANGE}[ \t]*:[ \t]*)?"
                     r"(?:[A-Z]{2,5}(?:[ .][A-Z]{1,2})?|\d{4}[ .][A-Z]{1,2})\)")
_EXCHANGE_TICKER = re.compile(rf"[ \t]*\({_EXCHANGE}[ \t]*:[ \t]*(?:[A-Z][A-Z0-9]{{0,9}}|\d{{4,6}})(?:\.[A-Z]{{1,2}})?"
                              rf"(?:[,;][ \t]*{_EXCHANGE}[ \t]*:[ \t]*[A-Z0-9]{{1,10}})*\)")
_LEGAL_AT_END = re.compile(_LEGAL.pattern + "$")
# A ticker in brackets after a name: "Harborline Financial Corp. (HBLF)", "(NYSE: HBLF)", "(HBLF.N)".
_BRACKETED_TICKER = re.compile(r"[ \t]*\((?:[A-Za-z]{2,8}[ \t]*:[ \t]*)?([A-Z]{2,5})(?:\.[A-Z]{1,2})?\)")
# "Acme Corp, the Ohio-based maker of widgets," right before the verb: the name, and what it is.
_NAME_APPOSITIVE = re.compile(r"\b([A-Z][A-Za-z0-9&.'-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z0-9&'-]*){0,3}),[ \t]+"
                              r"((?:the|a|an)[ \t][^,.;:\n]{3,120}),$")
_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z0-9&.'-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z0-9&'-]*){0,3})$")
_ECONOMY = phrase_pattern([
    "GDP", "gross domestic product", "economy", "economic growth", "inflation", "consumer price", "consumer prices",
    "consumer price index", "consumer-price index", "CPI", "unemployment", "jobless", "payrolls", "retail sales",
    "central bank", "treasury yield", "treasury yields", "trade balance", "trade deficit", "trade surplus",
    "external trade", "exports of goods", "imports of goods", "industrial production", "labour market", "labor market",
    "employment rate", "producer price", "producer prices", "producer price index", "producer price indices", "PPI",
    "factory gate prices"])
#: A quarter named without its year in a company story's title or opening: "3Q Profit",
#: "fiscal third-quarter profit", "third-quarter results".
_QUARTER_NAMED = re.compile(r"(?:\b(?P<n>[1-4])Q\b(?!\s*'?\d)|\b(?P<fis>fiscal\s+)?(?P<w>first|second|third|fourth)[\s-]quarter\b"
                            r"(?!\s+(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d{2})"
                            r"|\b(?P<hfis>fiscal\s+)?(?P<hw>first|second)[\s-]half\b(?!\s+(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d{2})"
                            r"|\b(?P<hn>[12])H\b(?!\s*'?\d)|(?-i:\bH(?P<hn2>[12])\b)(?![\s-]*'?\d))", re.IGNORECASE)
_THE_QUARTER = re.compile(r"\b(?:the|this)\s+quarter\b(?!\s+(?:end\w*|to|of|through)\b)", re.IGNORECASE)
_OUTLOOK_NEAR = re.compile(r"\b(?:guid\w*|outlook|forecast\w*|expect\w*|implied|sees|targets?|estimates?)\b", re.IGNORECASE)


def _quarter_ended(t: TimeExpr, ctx: DocContext) -> TimeExpr:
    """ "In the three months to September" in a story of November 2025: the calendar quarter
    July–September 2025 (its year the latest such quarter's before the story)."""
    if t.ended != "quarter" or not t.month:
        return t
    year = t.year or (ctx.base_year - 1 if ctx.base_year and ctx.base_month and t.month > ctx.base_month
                      else ctx.base_year)
    return replace(t, year=year, quarter=(t.month - 1) // 3 + 1, month=None, ended="", last_month=t.month)


def _half_ended(t: TimeExpr, fye: int | None) -> TimeExpr:
    """ "Results for the six months ended 30 June 2025" of a company whose year is the calendar
    year: the first half of 2025 (ended December: the second half); of a company whose year
    ends in ``fye``, a half of its fiscal year."""
    if t.ended != "six" or not t.month or not t.year or t.fiscal:
        return t
    if fye in (None, 12):
        return replace(t, half=1 if t.month == 6 else 2, month=None, ended="") if t.month in (6, 12) else t
    # a fiscal year ending in June: the six months ended December are its first half, of the
    # fiscal year that ends the June after
    if t.month == fye:
        return replace(t, half=2, month=None, ended="", fiscal=True)
    if (t.month - fye) % 12 == 6:
        return replace(t, year=t.year + (1 if t.month > fye else 0), half=1, month=None, ended="", fiscal=True)
    return t


#: "Figures in brackets refer to 2023", "Amounts in parentheses are for the previous year".
_BRACKETS_PRIOR = re.compile(r"\b(?:figures|amounts|numbers|comparatives?)\s+(?:shown\s+)?in\s+(?:brackets|parenthes[ie]s)\s+"
                             r"(?:refer\s+to|relate\s+to|are\s+(?:for|those\s+of)|show|denote)\s+(?:the\s+)?"
                             r"(?:(?:19|20)\d\d|(?:previous|prior|preceding)\s+(?:fiscal\s+|financial\s+)?year|same\s+period)",
                             re.IGNORECASE)
#: A company story or report about a whole year's results: "Annual Report 2024", "full-year net profit".
_FULL_YEAR = re.compile(r"\b(?:annual\s+(?:report|results|accounts)|full[\s-]year(?!\s+(?:(?:19|20)\d\d\s+)?(?:guidance|outlook|forecasts?|"
                        r"targets?|expectations|view|goals?))|year[\s-]end\s+results|preliminary\s+results|"
                        r"results\s+for\s+the\s+year)\b", re.IGNORECASE)


def _reported_year(times, title: str, opening: str, ctx: DocContext) -> TimeExpr | None:
    """The year a company's annual report or full-year story reports: the year its title names
    ("Skarnair Group — Annual Report 2024"), else, in a story dated January to April about
    full-year results of a company whose year is the calendar year, the year before."""
    if not _FULL_YEAR.search(title + "\n" + opening):
        return None
    named = [t for t in times.find(title) if t.kind == "point" and t.year and not (t.quarter or t.half or t.month)
             and not t.is_end_only] if _FULL_YEAR.search(title) else []
    if named:
        return named[0]
    if ctx.base_year and ctx.base_month and ctx.base_month <= 4 and ctx.fiscal_year_end in (None, 12) and not ctx.fiscal:
        return TimeExpr(0, 0, "point", ctx.base_year - 1)
    return None


#: A part of a year named right after its year: "2025 fourth-quarter", "2026 first-half", "2025 Q3".
_PART_NAMED_AFTER = re.compile(r"[\s-]*(?:fiscal\s+)?(?:first|second|third|fourth|[1-4]Q|Q[1-4]|[12]H|H[12]|half|quarter|"
                               r"nine[\s-]months?|six[\s-]months?|interim)", re.IGNORECASE)


def _year_before_quarter(times, text: str, ctx: DocContext) -> TimeExpr | None:
    """The year a company story reports when it names it, alone, before any quarter or half
    ("Fromentel … reported 2025 revenue of EUR 1.84 billion …, 5.1% in the fourth quarter
    alone"): that year, when it is the story's year or the one before."""
    first = _QUARTER_NAMED.search(text)
    for t in times.find(text):
        if first is not None and t.start >= first.start():
            return None
        if t.kind == "point" and t.year and not (t.quarter or t.half or t.month) and not t.dated \
                and not t.is_end_only and not is_base(text, t) and t.year in (ctx.base_year, ctx.base_year - 1) \
                and not re.search(r"\b(?:over|on|since|after|before)\s+(?:the\s+)?$", text[max(0, t.start - 12) : t.start]) \
                and not (first is not None and first.start() - t.end <= 40) \
                and not _PART_NAMED_AFTER.match(text, t.end) \
                and not _OUTLOOK_NEAR.search(text[max(0, t.start - 25) : t.end + 25]):
            return replace(t, fiscal=t.fiscal or ctx.fiscal)
    return None


def _reported_quarter(head: str, year: int, month: int, *, calendar_year: bool = False,
                      fye: int | None = None) -> TimeExpr | None:
    """The quarter a company story reports when it names one without a year ("3Q profit
    climbs 26%", "posted a jump in fiscal third-quarter profit"): the latest such quarter
    ended by the story's date (within four months of it), preferring one called fiscal; a
    quarter named beside an outlook ("the implied 4Q guide") is the next one, not it. A half
    of a fiscal year ending in another month (``fye``) ends six or twelve months after it."""
    found = []
    for m in _QUARTER_NAMED.finditer(head):
        if _OUTLOOK_NEAR.search(head[max(0, m.start() - 25) : m.end() + 25]):
            continue
        if m.group("hw") or m.group("hn") or m.group("hn2"):  # "first-half profit falls", "H1 beat"
            h = int(m.group("hn") or m.group("hn2")) if not m.group("hw") else 1 if m.group("hw").lower() == "first" else 2
            if fye and fye != 12:  # "first-half profit" of a year to March: April to September
                end = (fye + 6 * h - 1) % 12 + 1
                if (month - end) % 12 > 4:
                    continue
                end_year = year if end <= month else year - 1
                found.append((False, m.start(), TimeExpr(m.start(), m.end(), "point", end_year if end <= fye else end_year + 1,
                                                         half=h, fiscal=True)))
                continue
            if (month - 6 * h) % 12 > 4:
                continue
            fiscal = bool(m.group("hfis"))
            found.append((not fiscal, m.start(), TimeExpr(m.start(), m.end(), "point", year if 6 * h <= month else year - 1,
                                                         half=h, fiscal=fiscal)))
            continue
        q = int(m.group("n")) if m.group("n") else QUARTER_WORDS[m.group("w").lower()]
        months_since = (month - 3 * q) % 12
        if months_since > 4:
            continue
        found.append((not m.group("fis"), m.start(), TimeExpr(m.start(), m.end(), "point",
                                                            year if 3 * q <= month else year - 1, quarter=q,
                                                            fiscal=bool(m.group("fis")))))
    if not found and calendar_year:
        the = _THE_QUARTER.search(head)
        if the is not None:
            # "Robotics carries the quarter" in a note of 29 October 2025: the calendar quarter
            # ended a month or two before (a fiscal year ending in another month names its own)
            q = next((q for q in (1, 2, 3, 4) if 1 <= (month - 3 * q) % 12 <= 2), None)
            if q is not None:
                return TimeExpr(the.start(), the.end(), "point", year if 3 * q < month else year - 1, quarter=q)
    return min(found, key=lambda f: f[:2])[2] if found else None


_DAY_DATE = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+\d{{4}}",
                       re.IGNORECASE)
_INFLATION = phrase_pattern(["inflation", "consumer price", "consumer prices", "consumer price index", "CPI",
                             "cost of living", "price growth"])
_STATEMENT = phrase_pattern([
    "net income", "operating income", "earnings per share", "gross margin", "diluted", "net sales",
    "cost of revenue", "income before"])
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,6})\)")
# A capitalised word in a title that may name a company ("Pellucid vs. Altmark"): checked by mentions.
_TITLE_NAME = re.compile(r"\b[A-Z][a-z]+[A-Za-z]*\b")
# A capitalised word right before a title word: the title word is inside a name, not its start.
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*[ \t]+$")
#: Public bodies act as companies do ("raised", "cut its", "tightened") but are none.
_PUBLIC_BODY = re.compile(r"\b(?:Central\s+Bank|Federal\s+Reserve|Reserve\s+Bank|Monetary|Ministry|Treasury|Government|"
                          r"Statistics|Statistical|Bureau|Eurostat|IMF|OECD|ECB|Fed)\b")
_NOT_ENTITY = {"the", "this", "it", "we", "our", "today", "revenue", "net", "total", "gaap", "non-gaap", "press",
               "release", "earnings", "fiscal", "quarter", "results", "company", "wall", "street", "inc", "corp",
               "corporation", "ltd", "plc", "co", "group", "holdings", "january", "february", "march", "april", "may",
               "june", "july", "august", "september", "october", "november", "december", "income", "consumer",
               "treasury", "economy", "report", "annual", "statement", "statements",
               # an infobox's "Type: Public (NASDAQ: TSLY)" names the listing, not the company
               "public", "private", "listed", "type", "traded as"}


def _base_date(doc: Document) -> tuple[int | None, int | None]:
    date = doc.meta.get("date")
    if date:
        m = _DATE.search(str(date))
        if m:
            return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
    m = _FRONT_DATE.search(doc.visible[:3000]) if doc.visible.startswith(("---", "+++", "\ufeff---")) else None
    if m:
        return int(m.group(1)), int(m.group(2))
    head = doc.visible[:1500]
    for m in _DATELINE.finditer(head):  # "September 11, 2025 8:47 AM", "Released 28 November 2025"
        line_start = head.rfind("\n", 0, m.start()) + 1
        if _HISTORY_DATE.search(head[max(line_start, m.start() - 60) : m.start()]):
            continue  # "Founded | 13 March 2006": a date in the company's history, not the document's
        if _IN_SENTENCE_DATE.search(head[max(line_start, m.start() - 40) : m.start()]):
            continue  # "reaching $2.21 billion at June 30, 2024": a date the text speaks of
        return int(m.group("y1") or m.group("y2")), month_number(m.group("m1") or m.group("m2"))
    m = _BYLINE_MONTH.search(doc.visible[:600])  # "*Rail Systems Review | December 2025 | Interview by …*"
    if m:
        return int(m.group(2)), month_number(m.group(1))
    m = _WIRE_DATELINE.search(doc.visible[:1500])
    if m:
        # "STUTTGART, July 30 (Calder Wire) -": a wire story's date, its year the one the story's
        # outlook is for ("the full year to March 2026" in a story of November: 2025), else the
        # one year the story names
        month = month_number(m.group(1) or m.group(2))
        ahead = _YEAR_AHEAD.search(doc.visible)
        if ahead:
            # the year still running when an outlook is given for it ("for the full year to March
            # 2026, it raised its forecast" in November: 2025); else a year just ended that the
            # story reports ("profit for the year to March 2025 rose" in May: 2025)
            end, year = month_number(ahead.group(1)), int(ahead.group(2))
            near = doc.visible[max(0, ahead.start() - 100) : ahead.end() + 100]
            running = month <= end or bool(_OUTLOOK_NEAR.search(near))
            return (year if month <= end or not running else year - 1), month
        years = set(re.findall(r"(?<![\d.,])(?:19|20)\d{2}(?![\d%])", doc.visible))
        if len(years) == 1:
            year = int(years.pop())
            end = _fiscal_year_end(doc.visible)
            if end and end != 12 and month > end and re.search(rf"\b(?:fiscal\s+(?:year\s+)?|FY\s?){year}\b", doc.visible):
                return year - 1, month  # "fiscal 2026" of a year ending in April, in a story of December: 2025
            return year, month
    return None, None


def _title(doc: Document) -> str:
    return doc.title


#: A newspaper's section or story-type kicker in capitals ("MARKETS: …", "UPDATE 2-…"): no company.
_SECTION_KICKERS = frozenset(("markets", "market", "update", "exclusive", "analysis", "retail", "brief", "briefs", "breaking",
                              "comment", "opinion", "feature", "interview", "wrapup", "technology", "energy", "banking",
                              "finance", "economy", "companies", "company", "earnings", "results", "deals", "stocks",
                              "corrected", "correction", "factbox", "preview", "review", "insight", "column", "news"))


def _companies(vocab: Vocabulary, text: str, title: str) -> list[str]:
    """The companies a document is about, most named first: named with a legal suffix or a
    ticker, as the one announcing, or in the title ("Pellucid vs. Altmark", "Quillon
    Semiconductor (QLSC) — …"), and named at least three times (once, when in the title)."""
    candidates = Counter()
    listed: set[str] = set()  # named with their stock exchange listing: "Narmada Cables & Wires (NSE: NARMCAB)"
    head = text[:6000]
    for pat in (_LEGAL, _ANNOUNCES, _EXCHANGE_TICKER):
        for m in pat.finditer(head):
            named = _NAME_BEFORE.search(head, max(0, m.start() - 60), m.start())
            if named is not None:
                candidates[_clean(named.group(1))] += 1 if pat is _ANNOUNCES else 2
                if pat is _EXCHANGE_TICKER:
                    listed.add(_clean(named.group(1)))
            elif pat is _ANNOUNCES and (named := _NAME_APPOSITIVE.search(head, max(0, m.start() - 160), m.start())):
                # "Pennock & Hale, the Derby-based signalling group, reported": described as a company
                described = any(vocab.scopes.describes.match(named.group(2), at) for at in range(len(named.group(2)))
                                if at == 0 or not named.group(2)[at - 1].isalnum())
                candidates[_clean(named.group(1))] += 2 if described else 1
    if "market" not in title.lower():
        for m in _TICKER.finditer(title):  # an analyst note's title names the company and its ticker
            named = _NAME_BEFORE.search(title, max(0, m.start() - 60), m.start())
            if named is not None:
                candidates[_clean(named.group(1))] += 2
    in_regions = [(a, b) for a, b, _ in vocab.regions.find(title)]
    body = text[: 4 * _HEAD]
    for m in _TITLE_NAME.finditer(title):
        word = m.group(0)
        if any(a <= m.start() < b for a, b in in_regions) or word.lower() in _NOT_ENTITY or body.count(word) < 3:
            continue
        if _CAPITALISED_BEFORE.search(title[: m.start()]):
            continue  # "Orrisdale Medical Systems raises …": a name starts at its first word, not at "Systems"
        # A title word is a company when the text never writes it in lower case (a proper name)
        # and has it act or own something ("Altmark grew", "Pellucid's").
        if _whole_word_at(body, word.lower(), first_only=True):
            continue
        spots = _whole_word_at(body, word)
        acting = [m for m in (vocab.scopes.story_acts.match(body, at + len(word)) for at in spots) if m]
        extra = max((_name_words(m.group(1) or "", vocab.scopes.name_stops) for m in acting), key=len, default=[])
        if extra:
            candidates[word + " " + " ".join(extra)] += 1  # "Orrisdale Medical Systems raised …": the name in full
        elif acting or any(vocab.scopes.acts_after.match(body, at + len(word)) for at in spots):
            candidates[word] += 1
    # "Harborline Financial Corp. (HBLF)": a ticker stands for the name before it, never for a company of its own
    tickers: dict[str, str] = {}
    both = title + "\n" + head
    for m in _BRACKETED_TICKER.finditer(both):
        end = m.start()
        legal = _LEGAL_AT_END.search(both, max(0, end - 16), end)
        end = legal.start() if legal else end  # "Harborline Financial Corp. (HBLF)": the name before its legal form
        named = _NAME_BEFORE.search(both, max(0, end - 60), end)  # bounded: no pattern runs the line
        if named is not None:
            tickers.setdefault(m.group(1), _clean(named.group(1)))
    for ticker, name in tickers.items():
        if ticker in candidates and name and ticker != name:
            candidates[name] += candidates.pop(ticker)
    kicked: set[str] = set()
    for line in text[:600].split("\n")[:8]:
        # "FROMENTEL: FRANCHISE ENGINE KEEPS ROLLING" over "Boulangeries Fromentel added 62 stores":
        # a trade paper's kicker names the company its text writes in full
        caps = _CAPS_KICKER.match(line)
        word = caps.group(1).title() if caps else ""
        if word and word.lower() not in _NOT_ENTITY and word.lower() not in _SECTION_KICKERS and not vocab.regions.find(word):
            spot = next(iter(_whole_word_at(body, word)), None)
            named = _NAME_BEFORE.search(body, max(0, spot - 60), spot + len(word)) if spot is not None else None
            if named is not None:
                kicked.add(_clean(named.group(1)))
                candidates[_clean(named.group(1))] += 2
    out: list[str] = []
    for name, score in sorted(candidates.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0])):
        if not name or name.lower() in _NOT_ENTITY or vocab.regions.canonical(name) or vocab.regions.resolve(name):
            continue
        if name in tickers:
            continue
        if _PUBLIC_BODY.search(name):
            continue  # "The European Central Bank raised its deposit rate": a public body, no company
        shorter = next((i for i, kept in enumerate(out) if name.startswith(kept + " ")), None)
        if shorter is None and any(name.split()[0] == kept.split()[0] for kept in out):
            continue  # "Corvane" and "Corvane Systems" are one company
        if shorter is None and any(f" {name} " in f" {kept} " for kept in out):
            continue  # "Vale" of "Brenwick & Vale": a word of a name already kept
        mentions = len(_whole_word_at(body, name)) + sum(len(_whole_word_at(body, t)) for t, n in tickers.items() if n == name)
        first = name.split()[0]
        titled = next((w for w in name.split() if len(w) >= 4 and _whole_word_at(title, w)), None)
        if first != name and titled and titled != first:
            # "Boulangeries Fromentel SA" under the title "Fromentel - Full-year 2025 results"
            mentions = max(mentions, len(_whole_word_at(body, titled)))
        if first != name and (_whole_word_at(title, first) or score >= 2 and len(first) >= 4):
            # "Orrisdale" in the title, in full once; "Narmada Cables & Wires (NSE: NARMCAB)", then
            # "Narmada" (or a headline's "NARMADA CABLES")
            mentions = max(mentions, len(_whole_word_at(body, first)) + len(_whole_word_at(body, first.upper())))
        if mentions >= 3 or (score >= 2 and name.lower() in title.lower() and mentions >= 1) or name in kicked \
                or (name in listed and not out and mentions >= 1):  # the one company a story gives the listing of
            if shorter is not None:
                out[shorter] = name  # the fuller name of the same company ("Orrisdale Medical Systems")
            else:
                out.append(name)
    return out


def _name_words(extension: str, stops: set) -> list[str]:
    """The words that continue a company's name, up to one that cannot ("Orrisdale CEO Mark
    Hale said": the name ends before the title of a person)."""
    words = []
    for w in extension.split():
        if w.lower() in stops:
            break
        words.append(w)
    return words


def _whole_word_at(text: str, word: str, *, first_only: bool = False) -> list[int]:
    """Where ``word`` occurs in ``text`` as a whole word (plain substring search, no pattern to build)."""
    out, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            out.append(at)
            if first_only:
                break
        at = text.find(word, at + 1)
    return out


def last_company(ctx: DocContext, *texts: str) -> str | None:
    """The document's company named last in the first of ``texts`` that names one (several-company documents)."""
    if ctx.company_pattern is None:
        return None
    for text in texts:
        found = None
        for found in ctx.company_pattern.finditer(text):
            pass
        if found:
            return ctx.company_names.get(found.group(0), found.group(0))
    return None


def _clean(name: str) -> str:
    words = name.strip(" ,.").split()
    while words and words[0].lower() in _NOT_ENTITY:
        words.pop(0)
    return " ".join(words)


def _economy(vocab: Vocabulary, text: str, title: str) -> str:
    """The country an economic-statistics document is about (GDP, inflation… and one country named most)."""
    if not _count_at_least(_ECONOMY, text[:_HEAD], 2):
        return ""
    def countries(part: str) -> Counter:
        return Counter(name for _, _, name in vocab.regions.find(part) if vocab.regions.type_of(name) == "country")

    named = countries(title)  # "Economy of New Zealand": the title's country
    if not named:
        # a country the tables do not know, named by its statistics office or as "Economy of X",
        # before the countries the text mentions ("exports to Germany")
        unknown = _economy_named(title + "\n" + text[:_HEAD])
        if unknown:
            # "the Bank of England": a part of a country the tables know is that country's economy
            return _country_of_subdivision(vocab, unknown) or unknown
        named = countries(text[:_HEAD])
    if not named:
        return ""
    return max(named.items(), key=lambda kv: (kv[1], kv[0]))[0]


# A country the region table does not know, named as statistics name it: the statistics
# office ("Statistics Norway", "STATISTICS CANADA", "the Ruritania Statistics Office") or
# a possessive before an economic word ("Ruritania's unemployment rate").
_STATS_OFFICE = re.compile(r"\b(?:(?:statistics|statistical)[ \t]+(?:office|bureau|agency|authority|institute|service)"
                           r"|(?:central[ \t]+|national[ \t]+|reserve[ \t]+)?bank)"
                           r"[ \t]+of[ \t]+(?:the[ \t]+)?([a-z]{3,})\b"
                           r"|\bstatistics[ \t]+([a-z]{3,})\b"
                           r"|\b(?!(?:national|official|federal|central|state|government|the|its|our|their)\b)([a-z]{3,})[ \t]+(?:statistics|statistical)[ \t]+"
                           r"(?:office|bureau|agency|authority|institute|service)\b", re.IGNORECASE)
_TITLE_KICKER = re.compile(r"^[#\s*]*([A-Z][a-z]{2,})(?::[ \t]|[ \t]+(?:PPI|CPI|HICP|GDP|PMI|inflation|unemployment|jobs|"
                           r"payrolls|labou?r|retail|trade|industrial|producer|consumer|house)\b)")
_CAPS_KICKER = re.compile(r"^[#\s*]*([A-Z]{4,})(?::[ \t]|[ \t]+(?:PPI|CPI|GDP|PMI)\b)")
_ECONOMY_OF = re.compile(r"\b[Ee]conomy[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][a-z]{2,})\b(?![ \t]+[A-Z])")
_POSSESSIVE_ECONOMY = re.compile(
    r"\b([A-Z][a-z]{2,}(?:[ \t][A-Z][a-z]{2,})?)['’]s[ \t]+(?:[a-z-]+[ \t]+){0,2}"
    r"(?:economy|GDP|unemployment|jobless|inflation|consumer[ \t]+prices?|central[ \t]+bank|labou?r[ \t]+market)\b")
_NOT_COUNTRY = {"national", "official", "federal", "central", "the", "of", "for", "and", "bulletin", "release",
                "office", "bureau", "survey", "labour", "labor", "force", "monthly", "quarterly", "annual"}


def _country_of_subdivision(vocab: Vocabulary, name: str) -> str | None:
    """The region table's name for the country ``name`` is a subdivision of (England → United
    Kingdom), from ISO 3166-2 (pycountry); None when it is none."""
    try:
        sub = pycountry.subdivisions.lookup(name)
    except LookupError:
        return None
    country = pycountry.countries.get(alpha_2=sub.country_code)
    if country is None:
        return None
    for candidate in (getattr(country, "common_name", None), country.name):
        if candidate and vocab.regions.canonical(candidate):
            return vocab.regions.canonical(candidate)
    return None


def _economy_named(head: str) -> str:
    """An economy the region table does not know, when the document names its statistics
    office after it ("Statistics Ruritania", see ``_STATS_OFFICE``) with a capital, never
    writes the name in lower case (no "statistics released today") and names it again;
    a possessive before an economic word ("Ruritania's unemployment rate") counts as a
    mention, never on its own ("Trump's economy team" names no country). Else ``""``."""
    offices = Counter()
    titled = _ECONOMY_OF.search(head)  # an encyclopedia's "Economy of Istrana"
    if titled and titled.group(1).lower() not in _NOT_COUNTRY:
        offices[titled.group(1)] += 2
    # a markets note's "Valdoria: labour data surprise on the hawkish side", "Sorland PPI (Sep): …"
    kicker = _TITLE_KICKER.match(head)
    if kicker and kicker.group(1).lower() not in _NOT_COUNTRY:
        offices[kicker.group(1)] += 1
    for line in head.split("\n", 8)[:8]:
        caps = _CAPS_KICKER.match(line)  # "CASTELLIA: Q2 GDP - A GOOD QUARTER": a note's headline in capitals
        if caps and caps.group(1).lower() not in _NOT_COUNTRY and caps.group(1).lower() not in _NOT_ENTITY:
            offices[caps.group(1).title()] += 1
    masthead = set()
    for m in _STATS_OFFICE.finditer(head):
        word = m.group(1) or m.group(2) or m.group(3)
        name = word.title()
        if word[0].isupper() and name.lower() not in _NOT_COUNTRY and name.lower() not in _NOT_ENTITY:
            offices[name] += 1
            if not head[: m.start()].strip():
                masthead.add(name)  # "STATISTICS SORLAND" over a bulletin: the office that publishes it
    first_line = head.lstrip().split("\n", 1)[0]
    for m in _POSSESSIVE_ECONOMY.finditer(head):
        name = m.group(1)
        adjective = next((name + e for e in ("n", "an", "ian") if name + e in offices), None)
        if adjective:  # "the Castellian Statistical Institute" and "Castellia's economy": Castellia
            offices[name] += offices.pop(adjective)
        if name in offices:
            offices[name] += 1
        elif m.start() < len(first_line) + 1:
            offices[name] += 1  # a title's "Castellia's economy beats forecasts"
            masthead.add(name)
    for name, _ in sorted(offices.items(), key=lambda kv: (-kv[1], kv[0])):
        # (an address, "prices@statistics-sorland.example", is no way of writing the name)
        written = re.findall(rf"(?<![-@./\w]){re.escape(name)}\b(?![-@]|\.\w)", head, re.IGNORECASE)
        if (len(written) >= 2 or name in masthead) and not any(w.islower() for w in written):
            return name
    return ""


# "the 26 weeks to 30 August 2025 (H1 FY26)", "the half-year ended 31 December 2025 (1H FY26)": a
# half or quarter of a fiscal year, and when it ended.
_PART_LABELLED = re.compile(
    rf"\b(?:to|ended|ending)\s+(?:\d{{1,2}}\s+)?({_MONTH})\.?(?:\s+\d{{1,2}})?,?\s+(?:19|20)\d{{2}}\s*"
    rf"\(\s*(H[12]|Q[1-4]|[12]H|[1-4]Q)\s*FY\s?'?(?:\d{{2}}|\d{{4}})\s*\)", re.IGNORECASE)
# "Fiscal year ending March 31, 2026 (FY2025)", "FY2025 (April 1, 2025 to March 31, 2026)": a
# document that names its fiscal years by the calendar year they start in.
_NAMED_BY_START = re.compile(
    rf"\byear\s+end(?:ing|ed)\s+(?:{_MONTH}\.?\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH}\.?,?)\s+(?P<end>(?:19|20)\d{{2}})\s*"
    rf"\(\s*(?:FY|fiscal\s+)\s?(?P<fy>(?:19|20)\d{{2}})\s*\)"
    rf"|\bFY\s?(?P<fy2>(?:19|20)\d{{2}})\s*\(\s*(?:{_MONTH}\.?\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{_MONTH}\.?,?\s+)"
    rf"(?P<start>(?:19|20)\d{{2}})\s*(?:to|[-–])", re.IGNORECASE)


def fiscal_named_by_start(text: str) -> bool:
    """Whether a document names a fiscal year by the year it starts in (its FY2025 ends in
    2026), as it says near the top; most name it by the year it ends in."""
    m = _NAMED_BY_START.search(text[:_HEAD])
    if m is None:
        return False
    if m.group("fy"):
        return int(m.group("fy")) == int(m.group("end")) - 1
    return int(m.group("fy2")) == int(m.group("start"))


#: A half or quarter spelled with its months right after it: "the first half of 2025 (January to June)".
_PART_IN_MONTHS = re.compile(rf"\b(first|second|third|fourth)\s+(?:half|quarter)\b(?:\s+of)?(?:\s+(?:19|20)\d{{2}})?\s*"
                             rf"\(\s*({_MONTH})\w*\.?\s*(?:to|[-–])\s*({_MONTH})\w*\.?\s*\)", re.IGNORECASE)


def _fiscal_year_end(text: str) -> int | None:
    """The month a document's fiscal year ends in, when it says so ("fiscal year ended June 30",
    an analyst's "FYE Dec", "the 26 weeks to 30 August 2025 (H1 FY26)")."""
    fye = _FYE.search(text[:_HEAD])
    if fye:
        return month_number(fye.group(1))
    part = _PART_LABELLED.search(text[:_HEAD])
    if part:
        month, label = month_number(part.group(1)), part.group(2).upper()
        if label[0].isdigit():
            label = label[::-1]  # "1H FY26" is "H1 FY26"
        months_left = 6 * (2 - int(label[1])) if label[0] == "H" else 3 * (4 - int(label[1]))
        return (month + months_left - 1) % 12 + 1
    spelled = _PART_IN_MONTHS.search(text[:_HEAD])
    if spelled:
        # "results for the first half of 2025 (January to June)": its halves are the calendar's
        word, first, last = spelled.group(1).lower(), month_number(spelled.group(2)), month_number(spelled.group(3))
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}[word]
        span = 6 if spelled.group(0).lower().find("half") >= 0 else 3
        if first == span * (number - 1) + 1 and last == span * number:
            return 12
    starts = sorted(at for key in _END_WORDS for at in _whole_word_at(text, key))
    for at in starts:  # "ended", "Ending", "ENDS"…: then the month after it, then "fiscal year" before it
        m = _ENDED.match(text, at)
        if m and _FYE_BEFORE.search(text[max(0, at - 60) : at]):
            month = month_number(m.group(1))
            q = _QUARTER_OF.search(text[max(0, at - 110) : at])
            if q:
                # "the second quarter of its fiscal year 2025, which ended March 31": the quarter
                # ended then, so the year ends two quarters later (September)
                word = (q.group(1) or q.group(2)).lower()
                number = QUARTER_WORDS.get(word) or int(word[-1])
                return (month + 3 * (4 - number) - 1) % 12 + 1
            return month
    ahead = _YEAR_AHEAD.search(text[:_HEAD])  # "for the full year to March 2026": a year ending in March
    if ahead:
        return month_number(ahead.group(1))
    return None


_QUARTER_OF = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|Q[1-4])\s+(?:fiscal\s+)?quarter\s+of\s+"
                         r"(?:its\s+|the\s+|our\s+)?fiscal\b[^.\n]{0,50}$|\b(Q[1-4])\s+(?:of\s+)?fiscal\b[^.\n]{0,50}$",
                         re.IGNORECASE)


def _count_at_least(pattern: re.Pattern, text: str, n: int) -> bool:
    """Whether ``pattern`` occurs ``n`` times in ``text`` (stops at the ``n``-th)."""
    for i, _ in enumerate(pattern.finditer(text), start=1):
        if i >= n:
            return True
    return False


def _acronyms(vocab: Vocabulary, text: str) -> dict[str, str]:
    """ "autonomous mobile robots (AMRs)" -> {"amr": "autonomous mobile robot"} when the initials fit."""
    out = {}
    for m in _ACRONYM.finditer(text[:50000]):
        acro = m.group(1)[:-1] if m.group(1).endswith("s") and m.group(1)[:-1].isupper() else m.group(1)
        if not acro.isupper():
            continue
        words = text[max(0, m.start() - 80) : m.start()].split()[-len(acro):]
        if len(words) == len(acro) and all(w[0].lower() == c.lower() for w, c in zip(words, acro)):
            out[vocab.subjects.key(acro)] = vocab.subjects.key(" ".join(words))
    return out


def read_context(vocab: Vocabulary, doc: Document) -> DocContext:
    title = _title(doc)
    times = vocab.times
    forecast = times.first_period(title)
    if forecast is None:
        for heading in doc.headings[:5]:
            forecast = times.first_period(heading)
            if forecast:
                break
    if forecast is None:
        for m in _FORECAST_WITH_PERIOD.finditer(doc.visible):
            forecast = times.first_period(doc.visible[m.start() : m.end() + 40])
            if forecast:
                break
    subject = ""
    title_phrases = vocab.subjects.phrases(title)
    if title_phrases:
        subject = title_phrases[0][1]
    else:
        counts = Counter(key for _, key in vocab.subjects.phrases(doc.visible[: 4 * _HEAD]))
        if counts:
            subject = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
    base_year, base_month = _base_date(doc)
    named = {n for _, _, n in vocab.regions.find(title) if n != "Global"}
    scope = None
    if len(named) == 1:
        (name,) = named
        scope = (name, vocab.regions.type_of(name))
    ctx = DocContext(doc, LineIndex(doc.visible), LineIndex(doc.text), subject, forecast, base_year, scope)
    ctx.base_month = base_month
    text = doc.visible
    market_words = len(re.findall(r"\bmarket\b", text[:_HEAD], re.IGNORECASE))
    companies = _companies(vocab, text, title)
    company = companies[0] if companies else ""
    ctx.companies = companies
    if len(companies) > 1:
        # The first word stands for the company ("Pellucid" for "Pellucid Semiconductor").
        ctx.company_pattern = re.compile("|".join(rf"\b{re.escape(c.split()[0])}\b" for c in companies))
        ctx.company_names = {c.split()[0]: c for c in companies}
    economy = _economy(vocab, text, title)
    if company and economy and company != economy and re.search(
            rf"\b(?:banca|bank|banque|banco|securities|research|economics)\W+{re.escape(company)}\b"
            rf"|\b{re.escape(company)}\W+(?:bank|securities|research|economics|macro)\b", title + "\n" + text[:_HEAD],
            re.IGNORECASE):
        # "BANCA MERIDIONALE - MACRO RESEARCH … CASTELLIA: Q2 GDP": the bank that publishes an
        # economist's note, not what the note is about
        company, companies = "", []
        ctx.companies, ctx.company_pattern, ctx.company_names = [], None, {}
    if company and company == economy:
        company, companies = "", []  # "Ruritania's unemployment rate", "Statistics Ruritania said": a country
        ctx.companies, ctx.company_pattern, ctx.company_names = [], None, {}
    elif company:
        economy = ""
    # "Quillfeather Insights" (a research firm) publishes a market report: it is not what the report is about
    publisher = bool(company) and bool(title_phrases) and (
        any(w in vocab.subjects.firm_words for w in company.split())
        or any(re.search(rf"\b{re.escape(company)}[ \t]+{re.escape(w)}\b", text[:_HEAD]) for w in vocab.subjects.firm_words))
    if company and not (title_phrases and market_words > 5) and not publisher:
        ctx.entity, ctx.entity_type = company, "company"
    elif economy and not title_phrases:
        ctx.entity, ctx.entity_type = economy, "economy"
    ctx.fiscal_year_end = _fiscal_year_end(text)
    ctx.fiscal_named_by_start = ctx.fiscal_year_end not in (None, 12) and fiscal_named_by_start(text)
    ctx.fiscal = bool(_FISCAL.search(title + "\n" + text[:_HEAD]))
    for t in times.find(title + "\n" + text[:400]):
        if t.kind == "point" and t.year:
            ctx.default_year = t.year
            break
    for heading in [title, *doc.headings[:12]]:
        # "## Results for 1H FY2026": the year of a half or quarter later named without one
        for t in times.find(heading):
            if t.kind == "point" and (t.quarter or t.half) and t.year and not t.ended:
                ctx.named_periods.setdefault(("q", t.quarter) if t.quarter else ("h", t.half), (t.year, t.fiscal))
    ctx.brackets_prior = bool(_BRACKETS_PRIOR.search(text[:4000]))
    ctx.acronyms = _acronyms(vocab, text)
    ctx.company_doc = ctx.entity_type == "company" or _count_at_least(_STATEMENT, text[:_HEAD], 3)
    if ctx.company_doc:
        # "Earnings Release FY24 Q4" in the title or the opening lines names the period reported;
        # so does "Financial year ended 30 September 2025" just under the title
        lines = text.lstrip("\ufeff").split("\n", 8)
        head = title + "\n" + "\n".join(lines[:6])
        for t in times.find(head):
            t = _half_ended(t, ctx.fiscal_year_end)
            if _OUTLOOK_NEAR.search(head[max(0, t.start - 25) : t.start]):
                continue  # "… and forecast fiscal 2027 earnings": the outlook's year, not the one reported
            if t.kind == "point" and (t.quarter or t.half or t.fiscal) and t.year:  # "results for the first half of 2025"
                ctx.default_time = t
                break
        else:
            for t in times.find("\n".join(lines[:8])):
                if t.kind == "point" and t.ended == "year" and t.year:
                    ctx.default_time = t
                    break
                if t.kind == "point" and t.ended in ("year", "year_to") and t.month and not t.year and ctx.base_year \
                        and ctx.base_month:
                    # "results for the year to March" in a story of 6 June 2025: the year to March 2025
                    year = ctx.base_year if t.month < ctx.base_month else ctx.base_year - 1
                    ctx.default_time = replace(t, year=year, month=None, fiscal=True)
                    break
            if ctx.default_time is None:
                ctx.default_time = _reported_year(times, title, head + "\n" + text[:700], ctx)
            if ctx.default_time is None and ctx.base_year and ctx.base_month:
                # "revenue in the second quarter ended July 26": the quarter named with its end
                ctx.default_time = next((t for t in times.find(head + "\n" + text[:1500])
                                         if t.kind == "point" and t.ended == "quarter" and t.quarter and t.month), None)
            if ctx.default_time is None and ctx.base_year and ctx.base_month:
                # "reported 2025 revenue of EUR 1.84 billion …, 5.1% in the fourth quarter alone":
                # a story about the year that names a quarter later
                ctx.default_time = _year_before_quarter(times, head + "\n" + text[:700], ctx)
            if ctx.default_time is None and ctx.base_year and ctx.base_month:
                ctx.default_time = _reported_quarter(head + "\n" + text[:700], ctx.base_year, ctx.base_month,
                                                     fye=ctx.fiscal_year_end,
                                                     calendar_year=ctx.fiscal_year_end == 12
                                                     or ctx.fiscal_year_end is None and not ctx.fiscal)
            if ctx.default_time is None and ctx.base_year and ctx.base_month:
                # "for the quarter ended Sept. 30" in a story of October 16, 2026: July–September 2026
                ctx.default_time = next((_quarter_ended(t, ctx) for t in times.find(head + "\n" + text[:1500])
                                         if t.kind == "point" and t.ended == "quarter" and t.month and t.year is None
                                         and not t.fiscal), None)
    elif ctx.entity_type == "economy":
        ctx.inflation_doc = bool(_INFLATION.search(title + "\n" + text[:600]))
        # "US consumer prices rise … in August", "Quarterly national accounts, 3rd quarter 2025":
        # the month or quarter a statistics story's title or opening reports on.
        lines = text.lstrip("\ufeff").split("\n", 12)
        opening = "\n".join(lines[:8])[:1200]
        head = title + "\n" + opening
        found = [_quarter_ended(t, ctx) for t in times.find(head)
                 if (t.kind == "point" and (t.quarter or t.month) and (not t.ended or t.ended == "quarter" and t.month)
                     and not is_base(head, t) and not t.dated
                     and not _DAY_DATE.search(head[max(0, t.start - 5) : t.end]))]  # "14 April 2026" dates the story, not its data
        # "Labour market overview: November 2025", released 11 November 2025: the month it is
        # published in, not the one its figures are of, when the opening names another period
        # ("in July to September 2025")
        later = [t for t in found if not (t.month and not t.quarter and (t.year, t.month) == (ctx.base_year, ctx.base_month))]
        if found and not later:
            wider = title + "\n" + "\n".join(lines[:12])[:1800]  # the opening's period may wrap past its 8th line
            later = [t for t in times.find(wider) if t.kind == "point" and (t.quarter or t.month) and not t.ended
                     and not t.dated and not is_base(wider, t) and (t.year, t.month) != (ctx.base_year, ctx.base_month)
                     and not _DAY_DATE.search(wider[max(0, t.start - 5) : t.end])]
            later = later if later and (later[0].quarter or later[0].last_month) else []
        if found:
            ctx.default_time = later[0] if later else found[0]
    return ctx
