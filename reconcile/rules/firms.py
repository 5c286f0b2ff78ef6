"""Research firms' estimates: which firm a figure is attributed to, and whether two sets of
figures are two firms' own (each on its own base, so some rules hold them apart)."""

from __future__ import annotations

from ..extract.attribution import same_source


def firm(f) -> str:
    """The research firm a fact is attributed to (the claims table's ``attributed_to``), or ``""``."""
    return str(f.row.get("attributed_to") or "")


def other_firms(a, b) -> bool:
    """Whether every figure of ``a`` and of ``b`` is attributed to a research firm, and no firm
    ("Fernhollow" and "Fernhollow Insights" are one) stands on both sides."""
    names_a, names_b = {firm(f) for f in a}, {firm(f) for f in b}
    if not names_a or not names_b or "" in names_a | names_b:
        return False
    return not any(same_source(x, y) for x in names_a for y in names_b)
