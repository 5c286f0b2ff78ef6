"""Country names and the world areas each country is in, for checking regional lists.

Names and codes are ISO 3166-1 as pycountry keeps them (its name, common and official
names, alpha-2 and alpha-3 codes); ``countries.toml`` adds everyday spellings ("Korea",
"UAE", "China Taiwan") and which market-research areas hold each country. A country's
canonical name is the one ``regions.toml`` uses for it when it has one ("South Korea",
"Russia"), so a listed country and a figure's scope read alike; else pycountry's common
name ("Vietnam") or its name, unless that is written inverted ("Congo, The Democratic
Republic of the") and ``countries.toml`` has a plain alias ("DR Congo").

Lookups are exact (after folding case, accents, "the" and punctuation), never fuzzy: a
subset scorer would call "Saudi" Saudi Arabia and "Korea" North Korea.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .regions import RegionTable, _is_code


@dataclass(frozen=True)
class Country:
    """One country: its ISO alpha-3 code, canonical name and world areas."""

    code: str
    name: str
    areas: frozenset[str]


_PUNCTUATION = re.compile(r"[^\w\s]")


def fold(text: str) -> str:
    """``"Côte d'Ivoire"`` -> ``"cote divoire"``: lower case, no accents, "&" as "and", no "the", no punctuation."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower().replace("&", " and ").replace("-", " ").replace("/", " ")
    return " ".join(w for w in _PUNCTUATION.sub("", text).split() if w != "the")


@lru_cache(maxsize=1)
def _iso_names() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """``(alpha-3, names, codes)`` for every ISO country, names in pycountry's order of preference."""
    out = []
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [n for n in names if n]
        # "Korea, Republic of" is also written "Republic of Korea".
        names += [f"{tail} {head}" for head, _, tail in (n.partition(", ") for n in list(names)) if tail]
        out.append((c.alpha_3, tuple(names), (c.alpha_2, c.alpha_3)))
    return tuple(out)


class CountryTable:
    """Country lookup by name as written, and each country's world areas.

    Parameters
    ----------
    cfg
        ``countries.toml`` as loaded: ``[areas]`` and ``[aliases]``.
    regions
        The region taxonomy: its countries' names become the canonical names, their aliases
        more spellings, and its regions name the world areas in messages.
    """

    def __init__(self, cfg: dict, regions: RegionTable) -> None:
        self.areas: dict[str, frozenset[str]] = {code: frozenset(a) for code, a in cfg.get("areas", {}).items()}
        self._exact: dict[str, str] = {}  # codes and capitalised aliases, matched as written
        self._folded: dict[str, str] = {}
        self._seen: dict[str, str | None] = {}  # lookups by text as written: lists repeat their names
        # The tails of names written inverted ("Republic of" in "Korea, Republic of").
        self._tails: set[str] = set()
        names: dict[str, str] = {}
        for code, iso_names, iso_codes in _iso_names():
            names[code] = iso_names[0]
            for n in iso_names:
                self._folded.setdefault(fold(n), code)
                self._add_tail(n)
            for c in iso_codes:
                self._exact.setdefault(c, code)
        renamed: set[str] = set()
        for alias, code in cfg.get("aliases", {}).items():
            if ", " not in alias and ", " in names.get(code, ", ") and code not in renamed:
                names[code] = alias  # "DR Congo" reads better than "Congo, The Democratic Republic of the"
                renamed.add(code)
            self._add(alias, code)
            self._add_tail(alias)
        for name, spec in regions.spec.items():
            if spec.get("type") != "country":
                continue
            code = self.code(name)
            if code is None:
                continue
            names[code] = name  # the taxonomy's name, as figures' scopes use it
            for alias in spec.get("aliases", []):
                self._add(alias, code, replace=False)
        self.names = names
        self.by_name = {name: code for code, name in names.items()}
        # The region that stands for one world area alone ("asia_pacific" -> "Asia Pacific").
        self.area_names: dict[str, str] = {}
        for name, spec in regions.spec.items():
            covers = spec.get("covers", [])
            if len(covers) == 1 and spec.get("type") == "region":
                self.area_names.setdefault(covers[0], name)
        self._seen.clear()  # looked up while the tables were being filled

    def _add(self, alias: str, code: str, *, replace: bool = True) -> None:
        table, key = (self._exact, alias) if _is_code(alias) else (self._folded, fold(alias))
        if replace or key not in table:
            table[key] = code

    def _add_tail(self, name: str) -> None:
        head, _, tail = name.partition(", ")
        if tail and fold(tail):
            self._tails.add(fold(tail))

    def is_tail(self, text: str) -> bool:
        """Whether ``text`` is the tail of a name written inverted: "Republic of", "Province of
        China", "The Democratic Republic of the", "Rep." (so "Korea" and "Republic of",
        written apart by a comma, are one country)."""
        return bool(text.strip()) and fold(text) in self._tails

    def code(self, text: str) -> str | None:
        """The alpha-3 code of a country named exactly ``text`` (any case; codes in capitals), or None."""
        if text in self._seen:
            return self._seen[text]
        key = text.strip()
        code = self._exact.get(key) or (self._folded.get(fold(key)) if key else None)
        if len(self._seen) < 100_000:
            self._seen[text] = code
        return code

    def lookup(self, text: str) -> Country | None:
        """The country named ``text``, or its canonical name, or None."""
        code = self.code(text)
        if code is None:
            code = self.by_name.get(text)
        if code is None:
            return None
        return Country(code, self.names.get(code, text), self.areas.get(code, frozenset()))

    def area_label(self, areas) -> str:
        """``Asia Pacific``, ``Europe or Middle East``: the regions standing for these areas."""
        labels = [self.area_names.get(a, a.replace("_", " ").title()) for a in sorted(areas)]
        return " or ".join(labels)
