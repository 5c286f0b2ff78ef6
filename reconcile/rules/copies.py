"""Near-duplicate documents: syndicated copies and reseller blurbs count as one source.

Two documents are copies when they state (nearly) the same figures: the same measure,
subject, scope, period, unit and value, written the same way. Their similarity is the
Jaccard index of those figure sets; from ``similarity`` (0.9 by default) and with at
least ``min_figures`` figures each, they are one source. The first path of each group
stands for it; the others' figures are left out of the rules, so copying a corpus gives
the findings of one copy, and a consensus is never three copies of one report.

The search is linear in the figures: exact copies (the very same figures) are grouped by
their figure sets, however many there are; other documents are only compared through
figures they share, and a figure stated by more than ``max_sharing`` documents (a number
everyone quotes) is not used to pair them.
"""

from __future__ import annotations

from collections import defaultdict


def _signature(f) -> tuple:
    r = f.row
    return (r["metric"], r["subject"], r["scope"], f.year, f.period_start, f.period_end, r["unit"],
            f"{f.value:.9g}", r["figure"])


def document_figures(facts: list) -> dict[str, set]:
    """Each document's figures as copies are told apart: ``{doc: {figure's signature...}}``.

    A document's figures are the union of its figures in each market, so the figures of
    documents read in separate parts of a corpus (see :mod:`reconcile.buckets`) merge into
    the whole corpus's by a union of these dicts."""
    sigs: dict[str, set] = defaultdict(set)
    for f in facts:
        sigs[f.doc].add(_signature(f))
    return dict(sigs)


def copy_groups(facts: list, *, similarity: float = 0.9, min_figures: int = 3,
                max_sharing: int = 200) -> dict[str, list[str]]:
    """``{representative: [copies...]}`` for every group of near-duplicate documents."""
    return copy_groups_of(document_figures(facts), similarity=similarity, min_figures=min_figures,
                          max_sharing=max_sharing)


def copy_groups_of(sigs: dict[str, set], *, similarity: float = 0.9, min_figures: int = 3,
                   max_sharing: int = 200) -> dict[str, list[str]]:
    """:func:`copy_groups` from each document's figures (:func:`document_figures`)."""
    holders: dict[tuple, list[str]] = defaultdict(list)
    for doc in sorted(sigs):
        if len(sigs[doc]) >= min_figures:
            for s in sigs[doc]:
                holders[s].append(doc)
    parent: dict[str, str] = {}
    # Exact copies first, however many: documents with the very same figures.
    by_set: dict[frozenset, str] = {}
    for doc in sorted(sigs):
        if len(sigs[doc]) >= min_figures:
            first = by_set.setdefault(frozenset(sigs[doc]), doc)
            if first != doc:
                parent[doc] = first

    def root(d: str) -> str:
        while parent.get(d, d) != d:
            d = parent[d]
        return d

    for doc in sorted(sigs):
        if len(sigs[doc]) < min_figures or doc in parent:
            continue
        shared: dict[str, int] = defaultdict(int)
        for s in sigs[doc]:
            docs = holders[s]
            if len(docs) > max_sharing:
                continue
            for other in docs:
                if other > doc:
                    shared[other] += 1
        for other, n in sorted(shared.items()):
            if n / (len(sigs[doc]) + len(sigs[other]) - n) >= similarity:
                a, b = root(doc), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(parent):
        r = root(doc)
        if r != doc:
            groups[r].append(doc)
    return dict(sorted(groups.items()))
