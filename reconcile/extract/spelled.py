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
        number = (rf"(?P<tens>{_alt(_TENS)})(?:[-\s](?P<tens_one>{_alt(_ONES)}))?|(?P<teen>{_alt(_TEENS)})"
                  rf"|(?P<one>{_alt(_ONES)})|(?P<half>half\s+an?|a\s+half)|(?P<a>an?)")
        # The unit words are found first with plain substring search (they are few); the number
        # words are then read backwards from each, so the cost does not grow with every word.
        self.unit_words = sorted({"per cent", "percent", "percentage point", "percentage points",
                                  *self.currency_words}, key=len, reverse=True)
        self.number_before = re.compile(
            rf"(?<![\w-])(?:{number})\s+(?:(?P<scale>{_alt(_SCALES)})\s+)?$", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """``(start, end, figure, value, unit)`` for each spelled-out figure in ``text``."""
        out = []
        for u_start, u_end in self._units(text):
            m = self.number_before.search(text, max(0, u_start - 48), u_start)
            if m is None:
                continue
            g = m.groupdict()
            g["unit"] = text[u_start:u_end]
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
            out.append((m.start(), u_end, text[m.start() : u_end], value, unit))
        return sorted(out)

    def _units(self, text: str):
        """Spans of whole unit words ("per cent", "dollars") as written in lower case, longest first at a place."""
        low = text  # unit words are written in lower case in running text; no copy of the text to make
        taken: set[int] = set()
        for word in self.unit_words:
            at = low.find(word)
            while at >= 0:
                end = at + len(word)
                whole = (at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "-")) and (
                    end == len(low) or not (low[end].isalnum() or low[end] == "-"))
                if whole and at not in taken:
                    taken.add(at)
                    yield at, end
                at = low.find(word, at + 1)
