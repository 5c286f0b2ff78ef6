"""Find money amounts and percentages in text: the numbers that can be claims.

One compiled regular expression, built from ``units.toml``, scans the visible text once.
It has no nested quantifiers, so its run time is linear in the text. A number with no
unit (a year, a list marker, "Top 10", a phone number) is never a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..units import PERCENT, PERCENTAGE_POINT, UnitTable

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DASH = r"[-–—]"
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


def _alternation(tokens, *, word_boundary: bool) -> str:
    parts = []
    for tok in sorted(set(tokens), key=lambda t: (-len(t), t)):
        pat = re.escape(tok).replace(r"\ ", r"\s+")
        if tok[:1].isalpha():
            pat = r"(?<![A-Za-z])" + pat
        if word_boundary and tok[-1:].isalpha():
            pat += r"(?![A-Za-z])"
        # All-letter lowercase words match in any case; codes and symbols as written.
        if tok.replace(" ", "").isalpha() and tok == tok.lower():
            pat = f"(?i:{pat})"
        parts.append(pat)
    return "|".join(parts)


class QuantityFinder:
    """Compiled matcher for money and percentages, from a :class:`UnitTable`."""

    def __init__(self, units: UnitTable) -> None:
        self.units = units
        self.prefix_code: dict[str, str] = {}
        self.suffix_code: dict[str, str] = {}
        for code, spec in units.currencies.items():
            for tok in spec.get("prefix", []):
                self.prefix_code.setdefault(tok, code)
            for tok in spec.get("suffix", []):
                self.suffix_code.setdefault(tok.lower(), code)
        pre = _alternation(self.prefix_code, word_boundary=False)
        post = _alternation(self.suffix_code, word_boundary=True)
        words = [w for w in units.scales if len(w) > 1]
        letters = [w for w in units.scales if len(w) == 1]
        word_scale = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # Scale words may follow a space ("450 million"); a lone letter must be attached
        # to the number ("$5m", "$2.3B"), so "$3 M&A" or "$5 T-shirts" do not scale.
        scale = rf"\s?(?i:{word_scale})(?![A-Za-z])"
        if letters:
            chars = "".join(sorted(set(letters + [c.upper() for c in letters])))
            scale = rf"(?:{scale}|[{chars}](?![\w&']))"
        lead = r"(?<![\w.,/#%$])"
        money_pre = (
            rf"(?P<pre>{pre})\s?(?P<n1>{NUM})(?:(?P<s1>{scale}))?"
            rf"(?:\s?{DASH}\s?(?:{pre})?\s?(?P<n2>{NUM}))?(?:(?P<s2>{scale}))?"
            rf"(?:\s?(?P<post>{post}))?(?P<plus>\+)?"
        )
        money_post = (
            rf"{lead}(?P<bn1>{NUM})(?:\s?{DASH}\s?(?P<bn2>{NUM}))?(?:(?P<bs>{scale})\s?)?"
            rf"(?P<bpost>{post})(?P<bplus>\+)?"
        )
        pct_unit = r"%|(?i:percentage\s+points?|percent|per\s?cent|pp)(?![A-Za-z])"
        percent = (
            rf"{lead}(?P<sign>[-−](?=\d))?(?P<pn1>{NUM})"
            rf"(?:\s?%?\s?{DASH}\s?(?P<pn2a>{NUM})|\s(?i:to)\s(?P<pn2b>{NUM}))?\s?(?P<pu>{pct_unit})"
        )
        self.money_pre = re.compile(money_pre)
        self.tail = re.compile(f"(?:{money_post})|(?:{percent})")
        self.prefix_end = re.compile(rf"(?:{pre})\s?$")
        self.number = re.compile(NUM)

    def find(self, text: str) -> list[Quantity]:
        """All quantities in ``text``, in order. Figures inside URLs are ignored.

        Scans for digits (a fast character-class search), then reads the currency,
        scale and unit around each number with anchored patterns.
        """
        urls = [(m.start(), m.end()) for m in _URL.finditer(text)] if ("http" in text or "www." in text) else []
        out: list[Quantity] = []
        u, pos = 0, 0
        search = self.number.search
        while True:
            m = search(text, pos)
            if m is None:
                break
            while u < len(urls) and urls[u][1] <= m.start():
                u += 1
            if u < len(urls) and urls[u][0] <= m.start():
                pos = urls[u][1]  # digits in a URL are never figures
                continue
            match = self._match_at(text, m.start())
            if match is None:
                pos = m.end()
                continue
            pos = match.end()
            q = self._build(match)
            if q is not None:
                out.append(q)
        return out

    def _match_at(self, text: str, s: int):
        window = text[max(0, s - 10) : s]
        if window:
            pm = self.prefix_end.search(window)
            if pm:
                mm = self.money_pre.match(text, s - (len(window) - pm.start()))
                if mm and mm.end() > s:
                    return mm
            if window[-1] in "-−" and (len(window) < 2 or not window[-2].isalnum()):
                mm = self.tail.match(text, s - 1)
                if mm:
                    return mm
        return self.tail.match(text, s)

    def _build(self, m: re.Match) -> Quantity | None:
        g = m.groupdict()
        if g.get("pn1") is not None:
            unit = PERCENTAGE_POINT if g["pu"].lower().startswith(("percentage", "pp")) else PERCENT
            n1, n2 = g["pn1"], g["pn2a"] or g["pn2b"]
            if g["sign"]:
                n1 = "-" + n1
            s1 = s2 = None
            plus = False
        elif g.get("n1") is not None:
            unit = self.prefix_code[g["pre"]]
            n1, n2, s1, s2 = g["n1"], g["n2"], g["s1"], g["s2"]
            plus = bool(g["plus"])
        else:
            unit = self.suffix_code[g["bpost"].lower()]
            n1, n2, s1, s2 = g["bn1"], g["bn2"], None, g["bs"]
            plus = bool(g["bplus"])
        try:
            low = self.units.to_base(n1, s1 or s2, unit)
            high = self.units.to_base(n2, s2 or s1, unit) if n2 else low
        except (KeyError, ArithmeticError, ValueError):
            return None
        if n2 and high < low:
            # "2024-25%" style or a subtraction, not a range we can trust
            return None
        decimals = len(n1.split(".")[1]) if "." in n1 else 0
        value = (low + high) / 2 if n2 else low
        return Quantity(
            m.start(), m.end(), m.group(0), value, low, high, unit, bool(n2), plus, decimals
        )
