"""Find money amounts and percentages in text: the numbers that can be claims.

One compiled regular expression, built from ``units.toml``, scans the visible text once.
It has no nested quantifiers, so its run time is linear in the text. A number with no
unit (a year, a list marker, "Top 10", a phone number) is never a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from decimal import Decimal

from ..textmatch import trie_regex
from .spelled import SpelledFinder
from ..nouns import singular
from ..units import PERCENT, PERCENTAGE_POINT, UnitTable

# Western grouping (1,094.83), Indian lakh/crore grouping (1,00,000 and 12,34,567) or plain.
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
DASH = r"[-–—]"
_BETWEEN_END = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_FROM_END = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# "rose by $12.0 million to $150.0 million", "increased $12.0 million to …": a change, then a level
_BY_END = re.compile(r"\b(?:by|increased|decreased|rose|fell|grew|declined|climbed|dropped|up|down)\s+"
                     r"(?:(?:about|approximately|around|nearly|roughly|some|almost|just\s+over|more\s+than)\s+)?$",
                     re.IGNORECASE)
# A spelled-out figure needs a percent or currency word; text without these letters has none.
_SPELLED_HINT = re.compile(r"cent\b|dollar|euro|pound|yen|rupee|yuan|franc|peso|reais|sterling", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written, before context gives it meaning."""

    start: int  # visible-text offsets of the figure
    end: int
    figure: str
    value: float
    low: float
    high: float
    unit: str  # ISO currency code, "percent" or "percentage_point"
    is_range: bool
    plus: bool  # written with a trailing "+" ("$1M+")
    decimals: int  # digits after the decimal point in the (first) number


_BARE_MONEY = re.compile(r"^\D{0,4}[\d.,]+$")
_TO = re.compile(r"\bto\b")
_PER = re.compile(r"^\s*(?:per\b|a share|/)", re.IGNORECASE)


#: "(FY2024: 3,310)", "(30 September 2024: £842m)": an earlier period's figure in parentheses.
PRIOR_LABEL = re.compile(r"\(\s*[^():]{0,30}:\s*$")
#: "$4.84bn and FY25E adj. EPS to $10.44": the later figure is another measure, not the same one's level.
_OTHER_FIGURE = re.compile(r"\band\b|\bEPS\b|\bper\s+share\b|\bmargin\b", re.IGNORECASE)


#: A clause or a ratio between two amounts: "…to EUR 214.9 million; revenue per passenger rose to EUR 15.45".
_NEW_CLAUSE = re.compile(r"[;.]\s|\bper\s+[a-z]+\b")


def _dropped_scales(out: list[Quantity], text: str) -> list[Quantity]:
    """ "$78.43B in 2015, increasing to $132.57 in 2020": a money figure written without its
    scale right after a scaled one "to" it, and thousands of times smaller, takes its scale."""
    result = list(out)
    for i in range(1, len(result)):
        prev, q = result[i - 1], result[i]
        if (q.unit != prev.unit or q.unit in (PERCENT, PERCENTAGE_POINT) or not _BARE_MONEY.match(q.figure)
                or q.start - prev.end > 60 or not _TO.search(text, prev.end, q.start)
                or _OTHER_FIGURE.search(text, prev.end, q.start) or _NEW_CLAUSE.search(text, prev.end, q.start)
                or _PER.match(text[q.end:q.end + 12]) or not 1 <= q.value < prev.value / 1e4):
            continue
        digits = re.search(r"\d[\d,]*(?:\.\d+)?", prev.figure)
        number = float(digits.group(0).replace(",", "")) if digits else 0
        if number <= 0 or prev.value / number < 1e3:
            continue
        factor = prev.value / number
        result[i] = Quantity(q.start, q.end, q.figure, q.value * factor, q.low * factor, q.high * factor,
                             q.unit, q.is_range, q.plus, q.decimals)
    return result


def _is_range_joiner(conn: str, before: str) -> bool:
    """ "and" joins a range only after "between"; "to" does, except in "from X to Y"."""
    if conn.lower() == "and":
        return bool(_BETWEEN_END.search(before))
    return not _FROM_END.search(before)


#: Video resolutions written like pence ("1080p", "720p", "4320p").
_VIDEO_LINES = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})


def _alternation(tokens, *, word_boundary: bool) -> str:
    tokens = set(tokens)
    # Codes of capital letters only ("USD", "NOK", …: every ISO 4217 code) as one trie, tried
    # once per number rather than code by code.
    codes = sorted(t for t in tokens if len(t) >= 2 and t.isascii() and t.isalpha() and t.isupper())
    parts = []
    if codes:
        parts.append(r"(?<![A-Za-z])(?:" + trie_regex(codes) + r")" + (r"(?![A-Za-z])" if word_boundary else ""))
    for tok in sorted(tokens - set(codes), key=lambda t: (-len(t), t)):
        pat = re.escape(tok).replace(r"\ ", r"\s+")
        if tok[:1].isalpha() or tok[:1] == "$":
            # "NZ$5" or "XY$5" is not "$5": a dollar sign after letters is another currency.
            pat = r"(?<![A-Za-z])" + pat
        if word_boundary and tok[-1:].isalpha():
            pat += r"(?![A-Za-z])"
            if tok.startswith("pound"):
                pat += r"(?!\s+(?:of|per)\b)"  # "5 pounds of flour" is a weight; "5 million euros of charges", money
        # All-letter lowercase words match in any case; codes and symbols as written.
        if tok.replace(" ", "").replace(".", "").isalpha() and tok == tok.lower():
            pat = f"(?i:{pat})"  # "u.s. dollars" too
        parts.append(pat)
    return "|".join(parts)


class QuantityFinder:
    """Compiled matcher for money and percentages, from a :class:`UnitTable`."""

    def __init__(self, units: UnitTable, *, count_nouns: list[str] = (), count_people: list[str] = ()) -> None:
        self.units = units
        self.prefix_code: dict[str, str] = {}
        self.suffix_code: dict[str, str] = {}  # looked up lower-cased
        suffixes: set[str] = set()  # codes ("SEK") match in capitals only, words in any case
        for code, spec in units.currencies.items():
            for tok in spec.get("prefix", []):
                self.prefix_code.setdefault(tok, code)
            for tok in spec.get("suffix", []):
                self.suffix_code.setdefault(tok.lower(), code)
                suffixes.add(tok if tok.isascii() and tok.isalpha() and tok.isupper() else tok.lower())
        #: a hundredth of a currency, written after the number: "35.5p", "12 pence"
        self.minor_code: dict[str, str] = {}
        for code, spec in units.currencies.items():
            for tok in spec.get("minor", []):
                self.minor_code.setdefault(tok.lower(), code)
        pre = _alternation(self.prefix_code, word_boundary=False)
        post = _alternation(suffixes, word_boundary=True)
        words = [w for w in units.scales if len(w) > 1]
        letters = [w for w in units.scales if len(w) == 1]
        word_scale = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # Scale words may follow a space ("450 million"); a lone letter must be attached
        # to the number ("$5m", "$2.3B"), so "$3 M&A" or "$5 T-shirts" do not scale.
        # (A hard-wrapped line may put the word on the next line: "USD 402\n  million".)
        scale = rf"(?:[ \t\xa0]?\n?[ \t]{{0,8}})(?i:{word_scale})(?![A-Za-z])"
        if letters:
            chars = "".join(sorted(set(letters + [c.upper() for c in letters])))
            # ... or spaced, "USD 612.4 m" in a table cell, when nothing but the cell's or the
            # sentence's end follows ("$3 M&A", "$5 T-shirts" still do not scale)
            spaced = "".join(c for c in ("m", "b", "M", "B") if c.lower() in letters)
            tail = rf"|[ \t\xa0][{spaced}](?=[ \t]*(?:[|,;:)\r\n]|\.(?![\w])|$))" if spaced else ""
            scale = rf"(?:{scale}|[{chars}](?![\w&']){tail})"
        lead = r"(?<![\w.,/#%$])"
        # A range: "$10-15 billion", "$10 to $15 billion", "between USD 10 and 15 billion".
        joiner = rf"(?:\s?{DASH}\s?|\s+(?P<conn>to|and)\s+)"
        money_pre = (
            rf"(?P<pre>{pre})\s?(?P<n1>{NUM})(?:(?P<s1>{scale}))?"
            rf"(?:{joiner}(?P<pre2>{pre})?\s?(?P<n2>{NUM}))?(?:(?P<s2>{scale}))?"
            rf"(?:\s?(?P<post>{post}))?(?P<plus>\+)?"
        )
        # "4.2 billion to 4.4 billion euros", "10-15 million euros": a range before the currency word
        money_post = (
            rf"{lead}(?P<bn1>{NUM})(?:(?P<bs1>{scale})?(?:\s?{DASH}\s?|\s+(?P<bconn>to|and)\s+)(?P<bn2>{NUM}))?(?:(?P<bs>{scale}))?\s?"
            rf"(?P<bpost>{post})(?P<bplus>\+)?"
        )
        pct_unit = (r"%|(?i:percentage\s+points?|percent|per\s?cent|pc|pp|basis\s+points?|bps|bp)"
                    r"(?![A-Za-z])")
        percent = (
            rf"{lead}(?P<sign>[-−](?=\d))?(?P<pn1>{NUM})"
            rf"(?:\s?%?\s?{DASH}\s?(?P<pn2a>{NUM})|\s?%?\s(?P<pconn>(?i:to))\s(?P<pn2b>{NUM}))?\s?(?P<pu>{pct_unit})"
        )
        parts = [money_post, percent]
        if self.minor_code:
            letters = "|".join(re.escape(t) for t in sorted(self.minor_code, key=len, reverse=True) if len(t) == 1)
            words = "|".join(re.escape(t) for t in sorted(self.minor_code, key=len, reverse=True) if len(t) > 1)
            minor = "|".join(x for x in (rf"(?-i:{letters})(?![\w'’%]|\.\w)" if letters else "",
                                         rf"[ \t]?(?i:{words})(?![A-Za-z])" if words else "") if x)
            parts.append(rf"{lead}(?P<mn>{NUM})(?P<mu>{minor})")
        self.count_before = None
        if count_nouns:
            nouns = trie_regex(sorted({n.lower() for n in count_nouns}))
            parts.append(
                rf"{lead}(?P<cn>{NUM})(?:(?P<cs>{scale}))?\s+(?:(?P<adj>[A-Za-z][a-z-]{{2,20}})\s+)?"
                rf"(?P<noun>(?i:{nouns}))(?![A-Za-z])"
            )
            # "subscribers grew to 82.5 million", "diluted share count to 598 million",
            # "employed persons was 2,588,000": the counted noun before the number
            self.count_before = re.compile(
                rf"(?i:(?<![\w-])(?P<noun>{nouns})(?:\s+(?:count|base|number|total))?(?:\s+(?!(?:sales|revenues?|income|"
                rf"profits?|earnings|prices?|value|spending)\b)[a-z]+){{0,3}}(?:\s+\d+(?:\.\d+)?%)?\s+(?:to|of|was|were|at|reached|totall?ed|is|are|"
                rf"hit|from)\s+(?:(?:about|approximately|roughly|nearly|some|around|over|more\s+than)\s+)?)$")
            self.count_number = re.compile(rf"(?P<cn>{NUM})(?P<cs>{scale})?(?![\w%$€£¥])")
        # "Employment rose by 38,000 over the quarter to 6,412,000": people counted by a subject
        # that names no noun; the subject opens its clause, no other figure stands between
        self.people_before = re.compile(
            rf"(?i:(?:^|[.;:*•]\s*|\n\s*|\bsaid\s+(?:that\s+)?)(?:{trie_regex(sorted({p.lower() for p in count_people}))})\b"
            rf"(?:\s+level)?[^.;:%\d]{{0,45}}?\b(?:rose|fell|increased|decreased|grew|dropped|declined|climbed|was|"
            rf"were|stood|reached|totall?ed|is|are)\b(?:\s+(?:by|to|at|of))?(?:\s+(?:about|around|some|nearly))?\s+"
            rf"(?:(?:by\s+[\d.,]+(?:\s+(?:million|thousand))?)?[^.;:%\d]{{0,30}}?\bto\s+)?)$") if count_people else None
        self.money_pre = re.compile(money_pre)
        self.tail = re.compile("|".join(f"(?:{p})" for p in parts))
        self.prefix_end = re.compile(rf"(?:{pre})\s?$")
        # The characters a currency prefix can end with: a number after any other character
        # has no prefix, and the prefix pattern need not be tried (most numbers).
        self.prefix_last = frozenset(t[-1] for t in self.prefix_code) | {t[-1].lower() for t in self.prefix_code}
        # Sharper: the last two characters a prefix can end with (a space in it stands for any
        # whitespace), as written, or lower-cased for the tokens matched in any case (see
        # ``_alternation``); a non-ASCII character always gets the full search.
        folded = {t for t in self.prefix_code if t.replace(" ", "").isalpha() and t == t.lower()}
        self.prefix_end2 = frozenset(t[-2:] for t in self.prefix_code if len(t) >= 2 and t not in folded)
        self.prefix_end2_folded = frozenset(t[-2:] for t in folded if len(t) >= 2)
        self.prefix_single = frozenset(t for t in self.prefix_code if len(t) == 1 and t not in folded)
        self.prefix_single_folded = frozenset(t for t in folded if len(t) == 1)
        self.number = re.compile(NUM)
        self.digit = re.compile(r"\d")
        # currency words written in lower case ("dollars", "euros"), not codes ("NOK", "USD")
        words = {tok: code for code, spec in units.currencies.items() for tok in spec.get("suffix", [])
                 if tok.replace(" ", "").isalpha() and tok.islower()}
        self.spelled = SpelledFinder(words) if words else None
        self.scale_pattern = re.compile(rf"^(?:{scale})$")

    def find(self, text: str, *, limit: int | None = None) -> list[Quantity]:
        """All quantities in ``text`` (the first ``limit`` of them), in order. Figures
        inside URLs are ignored.

        Scans for digits (a fast character-class search), then reads the currency,
        scale and unit around each number with anchored patterns.
        """
        urls = [(m.start(), m.end()) for m in _URL.finditer(text)] if ("http" in text or "www." in text) else []
        out: list[Quantity] = []
        u, pos = 0, 0
        # Find a digit (a fast character-class search), then read the whole number there.
        digit, number = self.digit.search, self.number.match
        while True:
            d = digit(text, pos)
            if d is None:
                break
            m = number(text, d.start())
            while u < len(urls) and urls[u][1] <= m.start():
                u += 1
            if u < len(urls) and urls[u][0] <= m.start():
                pos = urls[u][1]  # digits in a URL are never figures
                continue
            match = self._match_at(text, m.start())
            if match is None:
                q = self._count_after_noun(text, m.start()) if self.count_before is not None else None
                if q is None and out:
                    q = self._prior_count(text, m.start(), out[-1]) or self._prior_money(text, m.start(), out[-1])
                window = text[max(0, m.start() - 80) : m.start()] if q is None else ""
                if window and ("ndex" in window or "PI" in window or "PMI" in window or "HICP" in window):  # CPI, PPI, PMI
                    q = index_level(text, m.start(), out[-1] if out else None)
                if q is not None:
                    out.append(q)
                pos = m.end() if q is None else q.end
                continue
            built, split = self._build(match, text)
            out.extend(built)
            if limit is not None and len(out) >= limit:
                del out[limit:]
                break
            # A pair that is not a range: scan again from its second figure.
            pos = split if split is not None else match.end()
        if len(out) > 1:
            out = _dropped_scales(out, text)
        if self.spelled is not None and _SPELLED_HINT.search(text):
            spelled = [Quantity(a, b, fig, v, v, v, unit, False, False, 0) for a, b, fig, v, unit in self.spelled.find(text)
                       if not any(o.start < b and a < o.end for o in out)]
            if spelled:
                out = sorted(out + spelled, key=lambda q: q.start)
        return out

    def _match_at(self, text: str, s: int):
        window = text[max(0, s - 10) : s]
        if window:
            last = window[-2:-1] if window[-1].isspace() else window[-1]
            pm = self.prefix_end.search(window) if last in self.prefix_last and self._may_end_in_prefix(window) else None
            if pm:
                mm = self.money_pre.match(text, s - (len(window) - pm.start()))
                if mm and mm.end() > s:
                    return mm
            if window[-1] in "-−" and (len(window) < 2 or not window[-2].isalnum()):
                mm = self.tail.match(text, s - 1)
                if mm:
                    return mm
        return self.tail.match(text, s)

    def _may_end_in_prefix(self, window: str) -> bool:
        """False when no currency prefix can end ``window`` where ``prefix_end`` would find one
        (at its end, before a last whitespace, or before whitespace and a final newline, as
        ``\\s?$`` allows): most numbers, for which the prefix pattern need not be searched."""
        n = len(window)
        ends = (n, n - 1, n - 2) if window[-1] == "\n" and n >= 2 and window[-2].isspace() else \
            (n, n - 1) if window[-1].isspace() else (n,)
        for e in ends:
            end = window[max(0, e - 2) : e]
            if not end.isascii():
                return True
            if len(end) == 2 and end[0].isspace():
                end = " " + end[1]
            low = end.lower()
            if (end[-1:] in self.prefix_single or end in self.prefix_end2
                    or low[-1:] in self.prefix_single_folded or low in self.prefix_end2_folded):
                return True
        return False

    def _build(self, m: re.Match, text: str) -> tuple[list[Quantity], int | None]:
        """The quantities a match holds, and where to scan next when it held two separate figures."""
        g = m.groupdict()
        conn = "conn" if g.get("conn") else "pconn" if g.get("pconn") else "bconn" if g.get("bconn") else None
        other_currency = g.get("pre2") and self.prefix_code[g["pre2"]] != self.prefix_code[g["pre"]]
        before = text[max(0, m.start() - 16) : m.start()]
        if conn and g[conn].lower() != "and" and _BY_END.search(text, max(0, m.start() - 35), m.start()):
            # "rose by $12.0 million to $150.0 million": a change, then the level it reached;
            # "grow by 3% to 5%" and "by 10% to 40%" are ranges, as are near ends ("$10 to $15 million")
            whole = self._one(m)
            if whole and whole[0].unit not in (PERCENT, PERCENTAGE_POINT) and whole[0].low > 0 \
                    and whole[0].high >= 3 * whole[0].low:
                first = self._first_of_pair(m, text)
                return ([first] if first else []), m.end(conn)
            return whole, None
        if conn == "bconn" and (re.fullmatch(r"(?:19|20)\d\d", g["bn1"]) or g[conn].lower() == "and"
                                and not _is_range_joiner(g[conn], before)):
            return [], m.end(conn)  # "in 2023 and 5 million euros": the first number is no amount
        if other_currency or conn and not _is_range_joiner(g[conn], before):
            # "from $10 to $15 billion" is two figures, not a range; the first shares the
            # second's scale when it has none of its own.
            first = self._first_of_pair(m, text)
            return ([first] if first else []), (m.start("n2") - len(g.get("pre2") or "") if other_currency else m.end(conn))
        return self._one(m), None

    def _one(self, m: re.Match) -> list[Quantity]:
        g = m.groupdict()
        factor = 1.0
        if g.get("pn1") is not None:
            pu = g["pu"].lower()
            unit = PERCENTAGE_POINT if pu.startswith(("percentage", "pp", "basis", "bp")) else PERCENT
            factor = 0.01 if pu.startswith(("basis", "bp")) else 1.0
            n1, n2 = g["pn1"], g["pn2a"] or g["pn2b"]
            if g["sign"]:
                n1 = "-" + n1
            s1 = s2 = None
            plus = False
        elif g.get("n1") is not None:
            unit = self.prefix_code[g["pre"]]
            n1, n2, s1, s2 = g["n1"], g["n2"], g["s1"], g["s2"]
            plus = bool(g["plus"])
        elif g.get("cn") is not None:
            q = self._count(m)
            return [q] if q is not None else []
        elif g.get("mn") is not None:
            if g["mu"] == "p" and g["mn"] in _VIDEO_LINES:
                return []  # "1080p", "720p": a video resolution, no pence
            unit = self.minor_code[g["mu"].strip().lower()]
            try:
                value = self.units.to_base(g["mn"], None, unit)
            except (KeyError, ArithmeticError, ValueError):
                return []
            decimals = len(g["mn"].split(".")[1]) + 2 if "." in g["mn"] else 2
            value = round(value / 100, decimals)
            return [Quantity(m.start(), m.end(), m.group(0), value, value, value, unit, False, False, decimals)]
        else:
            unit = self.suffix_code[g["bpost"].lower()]
            n1, n2, s1, s2 = g["bn1"], g["bn2"], g.get("bs1"), g["bs"]
            plus = bool(g["bplus"])
        try:
            low = self.units.to_base(n1, s1 or s2, unit) * factor
            high = self.units.to_base(n2, s2 or s1, unit) * factor if n2 else low
        except (KeyError, ArithmeticError, ValueError):
            return []
        if n2 and high < low:
            # "2024-25%" style or a subtraction, not a range we can trust
            return []
        decimals = len(n1.split(".")[1]) if "." in n1 else 0
        value = (low + high) / 2 if n2 else low
        return [Quantity(m.start(), m.end(), m.group(0), value, low, high, unit, bool(n2), plus, decimals)]

    def _first_of_pair(self, m: re.Match, text: str) -> Quantity | None:
        g = m.groupdict()
        if g.get("pn1") is not None:
            end = m.end("pn1")
            if text[end : end + 1] == "%":
                end += 1
            else:
                return None  # "rose from 3 to 4%": the first has no unit of its own
            n1 = ("-" if g["sign"] else "") + g["pn1"]
            unit, scale = PERCENT, None
        elif g.get("bn1") is not None:
            # "from 4.2 billion to 4.4 billion euros": the first in the currency written after the second
            end = m.end("bs1") if g.get("bs1") else m.end("bn1")
            unit = self.suffix_code[g["bpost"].lower()]
            n1, scale = g["bn1"], g.get("bs1") or g["bs"]
        else:
            end = m.end("s1") if g["s1"] else m.end("n1")
            unit = self.prefix_code[g["pre"]]
            same = not g.get("pre2") or self.prefix_code[g["pre2"]] == unit
            n1, scale = g["n1"], g["s1"] or (g["s2"] if same else None)
        try:
            value = self.units.to_base(n1, scale, unit)
        except (KeyError, ArithmeticError, ValueError):
            return None
        decimals = len(n1.split(".")[1]) if "." in n1 else 0
        return Quantity(m.start(), end, text[m.start() : end], value, value, value, unit, False, False, decimals)

    def _count_after_noun(self, text: str, s: int) -> Quantity | None:
        """A count whose noun comes first: "subscribers grew to 82.5 million" (a scale word or
        a number of at least 1,000 written with thousands separators); or people counted by
        a subject that names no noun ("Employment rose by 38,000 … to 6,412,000")."""
        before = self.count_before.search(text[max(0, s - 70) : s])
        if before is not None:
            q = self._bare_count(text, s, singular(before.group("noun").lower()))
            return q if q is not None and q.value >= 1000 else None
        if self.people_before is not None and self.people_before.search(text[max(0, s - 110) : s]):
            q = self._bare_count(text, s, "person")
            return q if q is not None and q.value >= 1000 else None
        return None

    def _prior_count(self, text: str, s: int, last: Quantity) -> Quantity | None:
        """ "4,120 (FY2024: 3,310)": the earlier period's count, in the unit of the count before it."""
        if last.unit in (PERCENT, PERCENTAGE_POINT, INDEX) or self.units.is_currency(last.unit) or s - last.end > 60:
            return None
        if not (s - last.end <= 30 and PRIOR_LABEL.search(text[last.end : s])
                or _COUNT_BASE_BETWEEN.match(text, last.end, s) or _COUNT_TO_BETWEEN.fullmatch(text, last.end, s)):
            return None  # "4,120 (FY2024: 3,310)", "rose to 182,000 units in 2024 from 141,000"
        return self._bare_count(text, s, last.unit)

    def _prior_money(self, text: str, s: int, last: Quantity) -> Quantity | None:
        """ "fell to 83.4 million euros in January-June from 97.6 million a year earlier": the
        amount compared with, in the currency of the amount before it, when it has a scale word."""
        if not self.units.is_currency(last.unit) or s - last.end > 70 or not _MONEY_BASE_BETWEEN.match(text, last.end, s):
            return None
        if self.count_before is not None and self.count_before.search(text, last.end, s):
            return None  # "US$6.42 billion, and the number of subscribers grew from 19.4 million": a count's
        m = self.count_number.match(text, s)
        if m is None or not m.group("cs") or m.group("cs").strip().lower() not in _SCALE_WORDS:
            return None
        return self._bare_count(text, s, last.unit)

    def _bare_count(self, text: str, s: int, unit: str) -> Quantity | None:
        """The number at ``s`` as a count of ``unit`` when it has a scale word or thousands
        separators ("82.5 million", "3,310"), else None."""
        m = self.count_number.match(text, s)
        if m is None or not (m.group("cs") or "," in m.group("cn")):
            return None
        raw = m.group("cn").replace(",", "")
        try:
            factor = self.units.scale_factor(m.group("cs").strip()) if m.group("cs") else 1
        except KeyError:
            return None
        value = float(Decimal(raw) * factor)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        return Quantity(s, m.end(), text[s : m.end()], value, value, value, unit, False, False, decimals)

    def _count(self, m: re.Match) -> Quantity | None:
        """ "1.8 million vehicles", "253,000 jobs": a count, its unit the counted noun."""
        n, scale = m.group("cn"), m.group("cs")
        raw = n.replace(",", "")
        if not scale and (float(raw) < 1000 or (len(raw) == 4 and "," not in n and raw[:2] in ("19", "20"))):
            return None  # "12 countries", "2024 units" (a year) are not counts
        try:
            factor = self.units.scale_factor(scale.strip()) if scale else 1
        except KeyError:
            return None
        value = float(Decimal(raw) * factor)
        unit = singular(m.group("noun").lower())
        end = m.end("cs") if scale else m.end("cn")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        return Quantity(m.start(), end, m.string[m.start() : end], value, value, value, unit, False, False, decimals)


#: Between an amount and the unitless one it is compared with ("… from 97.6 million a year earlier").
_MONEY_BASE_BETWEEN = re.compile(r"[^.;:\d%$€£¥\n]{0,60}\b(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+"
                                 r"(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
_SCALE_WORDS = {"million", "billion", "trillion", "mn", "bn", "m", "b"}
#: Between a count and the count it is compared with: " units in 2024 from ", " (up from ".
_COUNT_BASE_BETWEEN = re.compile(r"[^.;:\d%$€£¥\n]{0,30}(?:(?:19|20)\d\d[^.;:\d%$€£¥\n]{0,6})?\b(?:up\s+from|down\s+from|from|"
                                 r"against|versus|vs\.?|compared\s+(?:with|to))\s+(?:about\s+|around\s+|some\s+)?$",
                                 re.IGNORECASE)

#: Between a count and the count it went to: "grew from 19.4 million to 23.6 million".
_COUNT_TO_BETWEEN = re.compile(r"\s+to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?", re.IGNORECASE)

INDEX = "index"
#: An index level after its index: "the food stores index stood at 98.7", "The index level
#: (2021=100) was 127.6", "the CPI index of 311.2".
_INDEX_BEFORE = re.compile(
    r"\b(?:index|indices|CPI|PPI|HICP|PMI)(?:\s+(?:level|value|reading))?(?:\s*\(\s*(?:19|20)\d\d\s*=\s*100\s*\))?"
    r"[^.;:%\d()]{0,24}?\b(?:stood\s+at|was|were|rose\s+to|fell\s+to|reached|increased\s+to|decreased\s+to|"
    r"climbed\s+to|dropped\s+to|edged\s+(?:up|down)\s+to|came\s+in\s+at|at|of)\s+$",
    re.IGNORECASE)
#: Between an index level and the earlier level it is set against: "127.6 in March 2026,
#: against 123.4", "98.7 (2021=100), compared with 95.1".
_INDEX_AGAINST = re.compile(
    r"^(?:\s*\(\s*(?:19|20)\d\d\s*=\s*100\s*\))?[^.;:%]{0,40}?\b(?:against|compared\s+with|compared\s+to|"
    r"versus|vs\.?|(?:up|down)\s+from|from|and)\s+$", re.IGNORECASE)
_INDEX_NUMBER = re.compile(r"\d{1,4}(?:,\d{3})?(?:\.\d{1,3})?(?![\d%]|[.,]\d|\s*(?:%|per\s?cent|percent|pp\b|bp\b))")


def index_level(text: str, s: int, last: Quantity | None) -> Quantity | None:
    """The number at ``s`` as an index level (unit ``index``), when an index names it ("the
    index stood at 127.6") or it is set against an index level before it ("127.6 in March
    2026, against 123.4 in March 2025"); else None. Years and base years are no levels."""
    m = _INDEX_NUMBER.match(text, s)
    if m is None:
        return None
    raw = m.group(0).replace(",", "")
    if "." not in raw and len(raw) == 4 and raw[:2] in ("19", "20"):
        return None  # a year
    if not _INDEX_BEFORE.search(text[max(0, s - 80) : s]):
        if last is None or last.unit != INDEX or s - last.end > 60 or not _INDEX_AGAINST.match(text[last.end : s]):
            return None
    value = float(raw)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return Quantity(s, m.end(), m.group(0), value, value, value, INDEX, False, False, decimals)
