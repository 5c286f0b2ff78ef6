"""Cue words around a figure: its qualifier, its metric and its kind.

Cue lists live in ``extract.toml``; this module compiles them and applies them to the
words before (``left``) and after (``right``) a figure, both bounded stretches of text.
"""

from __future__ import annotations

import re

from ..textmatch import phrase_pattern


def cue_pattern(cues: list[str], *, anchored_end: bool = False) -> re.Pattern:
    """One case-insensitive regex matching any cue as whole words."""
    if not anchored_end:
        return phrase_pattern(cues)
    body = phrase_pattern(cues).pattern
    # "fall by more than 60%", "rose by about 5%": a hedge between the cue and the figure
    return re.compile(rf"(?:{body})[\s,:]*(?:(?:of|at|to|by|a|an|the|about|around|nearly|almost|roughly|some|just|"
                      rf"approximately|more\s+than|less\s+than|over|under|up\s+to)\s+)*$", re.IGNORECASE)


_NEAR_KINDS = ("consensus", "guidance")
#: A figure named as someone's forecast by the word after it: "our A$241m forecast".
_OWN_FORECAST_AFTER = re.compile(r"^\s*(?:full[\s-]year\s+)?(?:forecast|estimate|projection|prediction)s?\b", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"\b(?:our|their|its|his|her|the\s+(?:bank's|broker's|firm's|analysts'|analyst's))\s+$",
                           re.IGNORECASE)


class Cues:
    """Compiled cue lists from the ``extract`` settings."""

    def __init__(self, extract: dict) -> None:
        q = extract.get("qualifiers", {})
        self.qualifiers = [
            (name, cue_pattern(q.get(name, []), anchored_end=True)) for name in ("approx", "over", "under")
        ]
        self.range_before = cue_pattern(q.get("range", []), anchored_end=True)
        m = extract.get("metrics", {})
        self.metric = {name: cue_pattern(words) for name, words in m.items()}
        k = extract.get("kinds", {})
        self.outcome = phrase_pattern(k["outcome"]) if k.get("outcome") else None
        self.kind_order = [(name, cue_pattern(k.get(name, []))) for name in ("forecast", "estimate", "actual")]
        # "… its outlook after sales rose 4.3%": the figure's own past-tense verb says it happened
        self.actual_verb = cue_pattern(k.get("actual", []), anchored_end=True)
        # Most figures have none of these cues: one search says so, not one per kind.
        self.any_kind = re.compile("|".join(f"(?:{pat.pattern})" for _, pat in self.kind_order), re.IGNORECASE)
        # "$1.12B beat consensus of $1.10B": past one of these words, the expectation is another figure's.
        self.against = phrase_pattern(k.get("against", [])) if k.get("against") else None
        # One pass for both expectations; a consensus cue wins over a guidance cue.
        self.expectation = re.compile(
            "|".join(f"(?P<{name}>{cue_pattern(k.get(name, [])).pattern})" for name in _NEAR_KINDS if k.get(name)) or "(?!x)x",
            re.IGNORECASE)

    def qualifier(self, left: str, plus: bool) -> str:
        """``approx``, ``over`` or ``under`` from the words just before a figure; else ``exact``."""
        tail = left[-40:]
        for name, pat in self.qualifiers:
            if pat.search(tail):
                return name
        return "over" if plus else "exact"

    def has(self, metric: str, text: str) -> bool:
        pat = self.metric.get(metric)
        return bool(pat and pat.search(text))

    def near(self, metric: str, left: str, right: str, *, before: int, after: int) -> bool:
        """Whether a cue of ``metric`` is within ``before`` chars left or ``after`` chars right."""
        return self.has(metric, left[-before:]) or self.has(metric, right[:after])

    def kind(self, left: str, right: str = "") -> str | None:
        """``consensus``, ``guidance``, ``forecast``, ``estimate`` or ``actual`` from cues around a figure.

        Expectations (consensus, guidance) are read close by, on both sides; the rest before it.
        """
        if self.outcome is not None:  # "rose more than expected to 4.7%": an outcome, not a forecast
            left, right = self.outcome.sub(" ", left), self.outcome.sub(" ", right)
        head = right[:60]
        if self.against is not None:
            cut = self.against.search(head)
            head = head[: cut.start()] if cut else head
        near = left[-150:] + "\n" + head
        if self.expectation.search(near):
            found = {m.lastgroup for m in self.expectation.finditer(near)}
            return next(name for name in _NEAR_KINDS if name in found)
        if _OWN_FORECAST_AFTER.match(right) and _OWNER_BEFORE.search(left[-24:]):
            return "forecast"  # "compares with our A$241m forecast", "their $4.1bn estimate"
        if not self.any_kind.search(left):
            return None
        if self.actual_verb.search(left[-30:]):
            return "actual"
        for name, pat in self.kind_order:
            if pat.search(left):
                return name
        return None
