"""Which kind of margin or rate a figure is, from the words right before it.

``measures.toml`` lists, per kind, the words that name it (``[margins.<kind>]``:
"operating margin"; ``[rates.<kind>]``: "unemployment rate"). The last such words in the
``window`` characters before the figure name its kind, unless the figure is the one a
comparison is made with ("14.4%, up from 12.1%"): then the words belong to the other
figure and the kind is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ConfigError

_PERCENT = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|than|against)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Kind:
    name: str
    entry: dict  # the kind's table from measures.toml (its cues and any other keys)
    pattern: re.Pattern


def kinds(spec: dict, table: str, required: tuple[str, ...] = ()) -> list[Kind]:
    """The kinds of ``[table.<kind>]`` in ``measures.toml``, validated."""
    out = []
    for name, entry in sorted(spec.get(table, {}).items()):
        ok = (isinstance(entry, dict) and isinstance(entry.get("cues"), list) and entry["cues"]
              and all(isinstance(c, str) for c in entry["cues"])
              and all(isinstance(entry.get(k), str) for k in required))
        if not ok:
            needs = ", ".join([f'{k} = "MEASURE"' for k in required] + ['cues = ["words", ...]'])
            raise ConfigError("measures.toml", f"[{table}.{name}] needs {needs}")
        words = sorted(entry["cues"], key=len, reverse=True)
        out.append(Kind(name, entry, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
                                                re.IGNORECASE)))
    return out


_ASIDE = re.compile(r"\s*\([^()]{1,20}\)\s*")


def kind_before(fact, known: list[Kind], window: int = 60) -> Kind | None:
    """The kind named last in the ``window`` characters before the fact's figure."""
    quote, figure = str(fact.row["quote"]), str(fact.row["figure"])
    at = quote.find(figure)
    if at < 0:
        return None
    left = quote[max(0, at - window):at]
    if "|" in left:
        # a table row: its label names the kind ("| Inflation (CPI) | 7.9% (2023); 4.6% (2024) |")
        label = next((c for c in quote.split("|") if c.strip()), "")
        left = label if quote.find(label) < at else left
    elif _COMPARED.search(left[-25:]) or _PERCENT.search(left[-25:]):
        return None  # "14.4%, up from 12.1%": the figure compared with, or another figure's words
    found = _last_kind(left, known)
    if found is None and "(" in left:
        found = _last_kind(_ASIDE.sub(" ", left), known)  # "an operating (EBIT) margin of 13.9%"
    return found


def _last_kind(left: str, known: list[Kind]) -> Kind | None:
    best = None
    for k in known:
        for m in k.pattern.finditer(left):
            if best is None or m.end() > best[0]:
                best = (m.end(), k)
    return best[1] if best else None


#: Right after a margin's figure: "a 23.1% margin", "a 23.1% operating margin".
_MARGIN_AFTER = re.compile(r"^\s*((?:[\w-]+\s+){0,2})margin\b", re.IGNORECASE)


def kind_after(fact, known: list[Kind]) -> Kind | None:
    """The kind the words right after the figure name ("a 23.1% operating margin")."""
    quote, figure = str(fact.row["quote"]), str(fact.row["figure"])
    at = quote.find(figure)
    m = _MARGIN_AFTER.match(quote[at + len(figure):]) if at >= 0 else None
    return _last_kind(m.group(0), known) if m else None


def margin_after(fact) -> bool:
    """Whether the figure is followed by the word margin with at most two words between."""
    quote, figure = str(fact.row["quote"]), str(fact.row["figure"])
    at = quote.find(figure)
    return at >= 0 and _MARGIN_AFTER.match(quote[at + len(figure):]) is not None


#: Right after an amount's unit: "610,000 tonnes of capacity", "9,500 tonnes of isolate output".
_OF_AFTER = re.compile(r"^\s*[A-Za-z]+\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)


def quantity_kind(fact, known: list[Kind], window: int = 60) -> Kind | None:
    """What an amount in tonnes, barrels or hours is of (``[quantities]`` in measures.toml):
    the kind named last in the ``window`` characters before the figure ("sales volumes rose
    to 31,800 tonnes", "production capacity of 610,000 tonnes"), else right after its unit
    ("610,000 tonnes of capacity")."""
    quote, figure = str(fact.row["quote"]), str(fact.row["figure"])
    at = quote.find(figure)
    if at < 0:
        return None
    found = _last_kind(quote[max(0, at - window):at], known)
    if found is None:
        m = _OF_AFTER.match(quote[at + len(figure):])
        found = _last_kind(m.group(1), known) if m else None
    return found
