"""Counted nouns as units and back: "vacancies" -> "vacancy" -> "vacancies", "people" -> "person"."""

from __future__ import annotations

#: Plurals no rule below gives.
IRREGULAR = {"person": "people", "child": "children", "series": "series", "species": "species"}
_SINGULAR = {**{p: s for s, p in IRREGULAR.items()}, "persons": "person"}
_VOWELS = "aeiou"


def singular(noun: str) -> str:
    """The unit for a counted noun: ``vehicles`` -> ``vehicle``, ``vacancies`` -> ``vacancy``."""
    if noun in _SINGULAR:
        return _SINGULAR[noun]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def plural(unit: str) -> str:
    """How a count of ``unit`` is written: ``stay`` -> ``stays``, ``person`` -> ``people``."""
    if unit in IRREGULAR:
        return IRREGULAR[unit]
    if unit.endswith("y") and len(unit) > 1 and unit[-2] not in _VOWELS:
        return unit[:-1] + "ies"
    if unit.endswith(("s", "ch", "sh", "x")):
        return unit + "es"
    return unit + "s"
