"""The region taxonomy from ``regions.toml``: aliases, parents and world coverage.

Used by extraction (to see "APAC" in a sentence and call it Asia Pacific) and by the
parts-and-wholes rules (to know when a set of regions covers the world).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .textmatch import trie_regex


def _is_code(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


_FIGURE_NEAR = re.compile(r"^[^.;,\w]{0,3}(?:\w+\s+){0,2}[$€£¥(]?\d")


class RegionTable:
    """Region names, their aliases, types, parents and the world areas they cover."""

    def __init__(self, cfg: dict, *, fuzzy_cutoff: float = 92.0) -> None:
        self.spec: dict[str, dict] = cfg.get("regions", {})
        world = cfg.get("world", {})
        self.areas: frozenset[str] = frozenset(world.get("areas", []))
        self.rest_names = {r.lower() for r in world.get("rest", [])}
        self.fuzzy_cutoff = fuzzy_cutoff
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for name, spec in self.spec.items():
            for alias in [name, *spec.get("aliases", [])]:
                if _is_code(alias):
                    self._exact[alias] = name
                else:
                    self._folded[self._fold(alias)] = name
        words = [a.lower() for n, spec in self.spec.items() for a in [n, *spec.get("aliases", [])]]
        # One case-insensitive trie; codes ("US", "APAC") are then checked for their exact case.
        self.pattern = re.compile(rf"(?<![\w.])(?:{trie_regex(words)})(?![\w$])", re.IGNORECASE)
        # "the Rest of the World at 8%": a rest name of two words or more is a region mention too
        # ("Others" alone is too common a word to be one)
        rest = [r for r in self.rest_names if len(r.split()) >= 2]
        self.rest_pattern = re.compile(rf"(?<![\w.])(?:{trie_regex(rest)})(?![\w$])", re.IGNORECASE) if rest else None

    @staticmethod
    def _fold(text: str) -> str:
        text = text.lower().replace("&", " and ").replace("-", " ").replace("/", " ")
        text = re.sub(r"[^\w\s]", "", text)
        return " ".join(w for w in text.split() if w != "the" and w != "region")

    def canonical(self, mention: str) -> str | None:
        """The canonical name for a mention found in text, or None."""
        if mention in self._exact:
            return self._exact[mention]
        return self._folded.get(self._fold(mention))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every region mention in ``text`` as ``(start, end, canonical name)``."""
        out = []
        for m in self.pattern.finditer(text):
            name = self.canonical(m.group(0))
            if name:
                out.append((m.start(), m.end(), name))
        if self.rest_pattern is not None and ("est of" in text or "ther region" in text or "EST OF" in text):
            # only as a part given a figure right there: "the Rest of the World at 8%", "8% in the rest of the world"
            rest = [(m.start(), m.end(), "Rest of World") for m in self.rest_pattern.finditer(text)
                    if _FIGURE_NEAR.search(text[m.end() : m.end() + 16]) or "%" in text[max(0, m.start() - 16) : m.start()]]
            if rest:
                # the longer name wins: "Rest of the World" is not "World"
                out = sorted([o for o in out if not any(a < o[1] and o[0] < b for a, b, _ in rest)] + rest)
        return out

    def resolve(self, label: str) -> str | None:
        """A table row label as a region: exact alias, a "rest of world" name, or a close spelling.

        Close spellings use ``fuzz.ratio`` (not a subset scorer, which would match "Europe"
        to "Eastern Europe").
        """
        label = label.strip().strip("*").strip()
        if not label:
            return None
        name = self.canonical(label)
        if name:
            return name
        if label.lower() in self.rest_names:
            return "Rest of World"
        folded = self._fold(label)
        if len(folded) >= 4:
            hit = process.extractOne(folded, list(self._folded), scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
            if hit:
                return self._folded[hit[0]]
        return None

    def type_of(self, name: str) -> str:
        if name == "Rest of World":
            return "region"
        return self.spec.get(name, {}).get("type", "region")

    def parent(self, name: str) -> str | None:
        return self.spec.get(name, {}).get("parent")

    def ancestors(self, name: str) -> list[str]:
        out, seen = [], {name}
        cur = self.parent(name)
        while cur and cur not in seen:
            out.append(cur)
            seen.add(cur)
            cur = self.parent(cur)
        return out

    def covers(self, name: str) -> frozenset[str]:
        """World areas a region spans (empty when unknown, e.g. a country)."""
        return frozenset(self.spec.get(name, {}).get("covers", []))
