"""Numbers written in words right before a unit: "two per cent", "three billion dollars",
"half a million dollars", "twenty-five percent".

Only the words directly before a unit (with an optional scale word) are read, so a number
word elsewhere in a sentence ("one of the largest") never becomes a figure.
"""

from __future__ import annotations

import re

from ..units import PERCENT, PERCENTAGE_POINT

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


class SpelledFinder:
    """Finds spelled-out numbers before a percent word or a currency word (from ``units.toml``)."""

    def __init__(self, currency_words: dict[str, str]) -> None:
        self.currency_words = {w.lower(): code for w, code in currency_words.items()}
        currencies = _alt(re.escape(w).replace(r"\ ", r"\s+") for w in self.currency_words) or "(?!x)x"
        number = (rf"(?P<tens>{_alt(_TENS)})(?:[-\s](?P<tens_one>{_alt(_ONES)}))?|(?P<teen>{_alt(_TEENS)})"
                  rf"|(?P<one>{_alt(_ONES)})|(?P<half>half\s+an?|a\s+half)|(?P<a>an?)")
        self.pattern = re.compile(
            rf"(?<![\w-])(?:{number})\s+(?:(?P<scale>{_alt(_SCALES)})\s+)?"
            rf"(?P<unit>per\s?cent|percent|percentage\s+points?|{currencies})(?![\w-])",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """``(start, end, figure, value, unit)`` for each spelled-out figure in ``text``."""
        out = []
        for m in self.pattern.finditer(text):
            g = m.groupdict()
            scale = _SCALES[g["scale"].lower()] if g["scale"] else 1.0
            if g["tens"]:
                n = _TENS[g["tens"].lower()] + (_ONES[g["tens_one"].lower()] if g["tens_one"] else 0)
            elif g["teen"]:
                n = _TEENS[g["teen"].lower()]
            elif g["one"]:
                n = _ONES[g["one"].lower()]
            elif g["half"] and g["scale"]:
                n = 0.5
            elif g["a"] and g["scale"]:
                n = 1
            else:
                continue  # "a percent", "half a dollar": no figure
            unit_word = " ".join(g["unit"].lower().split())
            if unit_word.startswith("percentage"):
                unit = PERCENTAGE_POINT
            elif unit_word.replace(" ", "") == "percent":
                unit = PERCENT
            else:
                unit = self.currency_words.get(unit_word)
                if unit is None:
                    continue
            if unit in (PERCENT, PERCENTAGE_POINT) and g["scale"]:
                continue
            value = n * scale
            out.append((m.start(), m.end(), m.group(0), value, unit))
        return out
