"""The part of an economy a figure measures, named as the subject of the figure's clause.

In a statistics bulletin or a news story about one economy, "Gasoline prices jumped 1.9%",
"Value added in manufacturing fell by 1.8 per cent" and "the core CPI climbed 0.3%" are
about gasoline, manufacturing and core prices, not about the whole economy. The words live
in ``[components]`` of ``extract.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..regions import RegionTable
from ..textmatch import phrase_pattern

_PAREN = re.compile(r"\([^()]{0,60}\)")
# Where a clause starts, looking back from its verb: punctuation, a comma, or a conjunction.
_CLAUSE = re.compile(r"[.;:!?\[\]\"“”]|,|\b(?:while|whereas|but|with|as|after|following|before|since|when|because|"
                     r"although|though|where|than|from|basis)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w&'’-]+")
_NAME_CHARS = re.compile(r"^[\w&'’ -]+$")
_SHORT_GAP = 45
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·+>]\s+)+")
_CONCESSIVE = re.compile(r"(?:while|whereas|although|though)", re.IGNORECASE)
# A word kept as written in a part's name: an acronym or a name with an inner capital ("CPIH", "iPhone")
_KEEP_CASE = re.compile(r"^[^a-z]*[A-Z][^a-z]*[A-Z]|^.+[a-z][A-Z]")
_COPULAS = frozenset(("was", "were", "is", "are", "held", "stood", "remained", "came in", "amounted to", "totalled",
                      "totaled", "reached", "earned", "remain", "hold", "stay", "come in"))


@dataclass(frozen=True)
class Component:
    """What the clause before a figure says it is about.

    ``status`` is ``part`` (``name`` is the part), ``whole`` (the economy's headline figure:
    GDP, the CPI) or ``none`` (no subject could be told). ``prices`` is true when the subject
    is a price ("Energy prices", "the cost of food"); ``change`` when its verb states a change.
    """

    status: str
    name: str = ""
    prices: bool = False
    change: bool = False
    verb: str = ""
    other_whole: bool = False  # the whole named by a word of no price ("GDP", "output", "unemployment")


_NONE = Component("none")


class ComponentFinder:
    """Reads the subject of a figure's clause in an economy's document."""

    def __init__(self, extract: dict, regions: RegionTable) -> None:
        cfg = extract.get("components", {})
        self.regions = regions
        self.verbs = phrase_pattern(cfg.get("verbs", []))
        # in a market's report: what a segment does with its share or its CAGR
        self.share_verbs = phrase_pattern(cfg.get("share_verbs", []))
        pushes = "|".join(re.escape(w) for w in cfg.get("pushes", [])) or "(?!x)x"
        self.pushed = re.compile(rf"\b(?:{pushes})\s+([^,.;:\d]{{2,60}}?)\s+(?:up|down|higher|lower)\s+(?:by\s+)?$",
                                 re.IGNORECASE)
        self.tails = sorted((w.lower().split() for w in cfg.get("tail_words", [])), key=len, reverse=True)
        self.heads = sorted((w.lower().split() for w in cfg.get("head_words", [])), key=len, reverse=True)
        self.between = {w.lower() for w in cfg.get("between_words", [])}
        self.not_parts = {w.lower() for w in cfg.get("not_parts", [])}
        self.price_words = {w.lower() for w in cfg.get("price_words", [])}
        self.measure_words = {w.lower() for w in cfg.get("measure_words", [])}
        self.other_wholes = {w.lower() for w in cfg.get("other_wholes", [])}

    def find(self, left: str, entity: str = "", *, market: bool = False) -> Component:
        """The subject of the clause ending in ``left`` (the words right before a figure);
        ``entity`` is the economy's name, no part of it ("Norvania's unemployment rate")."""
        own = tuple(entity.lower().split())
        left = left[-240:]
        if not market:
            m = self.pushed.search(left)
            if m:
                return self._name(m.group(1), change=True, verb=m.group(0), entity=own)
        verb = None
        verbs = self.share_verbs if market else self.verbs
        for verb in verbs.finditer(left, max(0, len(left) - _SHORT_GAP - 25)):
            pass
        if verb is None or len(left) - verb.end() > _SHORT_GAP or _has_digit_or_stop(left[verb.end():]):
            return _NONE
        before = left[: verb.start()]
        words = before.rstrip().split(" ")
        while words and (words[-1].lower() in self.between
                         or words[-1].endswith(",") and words[-1][:-1].lower() in self.between):
            words.pop()  # "Companion animals dominated, capturing 72.8%": the verb before the participle
        before = " ".join(words).rstrip()
        if market and words and words[-1].lower() == "and":
            # "Rotary wheels accounted for more than half of revenue and are forecast to grow at":
            # a second predicate of the first one's subject
            first = None
            for first in self.share_verbs.finditer(before, 0, max(0, len(before) - 4)):
                break
            if first is None:
                return _NONE
            before = before[: first.start()].rstrip()
        if before.endswith(","):
            cut = before.rfind(",", 0, len(before) - 1)
            if cut >= 0 and len(before) - cut <= 90:
                before = before[:cut]  # "Shelter costs, the biggest component of services, rose"
        before = _PAREN.sub(" ", before)
        start, opener = 0, None
        for opener in _CLAUSE.finditer(before):
            start = opener.end()
        if market and opener is not None and not before[start:].strip() and _CONCESSIVE.fullmatch(opener.group(0)) \
                and verb.group(0).split()[0].lower().endswith("ing"):
            # "Lignin-based systems, while accounting for less than 5%": the participle's subject
            # is the sentence's, before the comma
            before = before[: before.rfind(",", 0, start)] if "," in before[:start] else ""
            start = 0
            for start_m in _CLAUSE.finditer(before):
                start = start_m.end()
        said = " ".join(verb.group(0).lower().split())
        change = said.removeprefix("to ") not in _COPULAS
        found = self._name(before[start:], change=change, verb=verb.group(0), entity=own)
        colon = before.rfind(":", 0, start)
        if found.status == "whole" and colon >= 0 and start - colon <= 2:
            # "Non-food stores: volumes fell by 0.7%": a run-in label names the part
            label = re.split(r"[.;\n]", before[:colon])[-1]
            labelled = self._name(label, change=change, verb=verb.group(0), entity=own)
            if labelled.status == "part":
                return Component("part", labelled.name, found.prices or labelled.prices, change, verb.group(0))
        return found

    def part_named(self, label: str, entity: str = "") -> Component:
        """What a label alone names: a part of the economy, the whole (a measure of it), or none."""
        return self._name(_PAREN.sub(" ", label.replace("*", " ")), change=False, verb="",
                          entity=tuple(entity.lower().split()))

    def _name(self, phrase: str, *, change: bool, verb: str, entity: tuple = ()) -> Component:
        tokens = _WORD.findall(_LIST_MARKER.sub("", phrase))  # "- Subscription revenue …": no marker in a name
        if not tokens or len(tokens) > 9:
            return _NONE
        low = [t.lower().replace("’", "'") for t in tokens]
        prices = any(w in self.price_words for w in low)
        # a country's name and its possessive open no part: "Finland's gross domestic product"
        found = self.regions.find(" ".join(tokens))
        if found and found[0][0] == 0:
            n = len(" ".join(tokens)[: found[0][1]].split())
            tokens, low = tokens[n:], low[n:]
            if low and low[0] in ("'s", "s"):
                tokens, low = tokens[1:], low[1:]
        # "Consumer prices in Ardessa": the economy itself (or a region) closing the name is no part of it
        while len(low) >= 2 and low[-2] == "in" and (tuple(low[-1:]) == entity or self.regions.canonical(tokens[-1])):
            tokens, low = tokens[:-2], low[:-2]
        n = len(entity)
        if n and len(low) >= n and low[-n - 1:-n] == ["in"] and tuple(low[-n:]) == entity:
            tokens, low = tokens[: -n - 1], low[: -n - 1]
        # "Prices in this division", "prices of dairy products", "sales at non-food stores": the
        # words after name it
        if len(low) >= 3 and (low[0] in self.price_words or low[0] in self.measure_words) and \
                low[1] in ("in", "of", "for", "at", "by"):
            tokens, low = tokens[2:], low[2:]
        if n and len(low) >= n and tuple(low[:n - 1]) == entity[:-1] and low[n - 1] in (entity[-1], entity[-1] + "'s"):
            tokens, low = tokens[n:], low[n:]  # "Norvania's unemployment rate"
        changed = True
        while changed and low:
            changed = False
            for head in self.heads:
                if low[: len(head)] == head:
                    tokens, low, changed = tokens[len(head):], low[len(head):], True
                    break
            for tail in self.tails:
                if len(low) > len(tail) and low[-len(tail):] == tail or low == tail:
                    tokens, low, changed = tokens[: -len(tail)], low[: -len(tail)], True
                    break
        if low and low[-1] in ("'s", "s'") or (low and low[-1].endswith("'s")):
            tokens = tokens[:-1] + [tokens[-1][:-2]] if low[-1].endswith("'s") else tokens[:-1]
            low = [t.lower() for t in tokens]
        if not low:
            named = {w.lower().replace("’", "'") for w in _WORD.findall(phrase)}
            other = bool(named & self.other_wholes)
            return Component("whole", prices=prices, change=change, verb=verb, other_whole=other)
        while tokens and tokens[0].lower().replace("’", "'") in ("'s", "s"):
            tokens = tokens[1:]  # "Norvania ’s food prices": the possessive of a name dropped before
        if tokens and tokens[-1].endswith(("'", "’")):
            tokens = tokens[:-1] + [tokens[-1].rstrip("'’")]
        if not tokens:
            return _NONE
        name = " ".join(t if _KEEP_CASE.search(t) else t.lower() for t in tokens).strip(" -")
        acronym = len(tokens[0]) >= 2 and tokens[0].isupper()  # "IT asset management": no pronoun "it"
        if (" ".join(low) in self.not_parts or low[0] in self.not_parts and not acronym or len(low) > 5
                or any(c.isdigit() for c in name) or not _NAME_CHARS.match(name)):
            return _NONE
        if self.regions.canonical(name) or self.regions.resolve(name):
            return _NONE  # a region is a scope of its own, read elsewhere
        return Component("part", name, prices, change, verb)


def _has_digit_or_stop(gap: str) -> bool:
    return any(c.isdigit() for c in gap) or any(c in gap for c in ".;:!?")
