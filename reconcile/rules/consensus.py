"""From pairs to consensus: which sources agree on a figure, and which one is the odd one out.

Every figure is an interval (rounding, qualifiers, tolerance). A set of intervals that
all share a point is mutually consistent, so the consensus of a group of comparable
figures is the point covered by the most *documents* (a document stating the figure twice
counts once). A single sweep over the sorted interval ends finds it, so a market with
thousands of figures costs ``n log n``, never a comparison per pair.

- When one point is covered by at least two documents and by more documents than any
  other point that a different set of documents covers, those documents are the
  **consensus** and every figure outside it is an **outlier** (one finding per document).
- Otherwise (two documents that disagree, or two camps of equal size) there is no
  consensus: the group is one **spread** finding that names every figure and no culprit.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Callable, Sequence


@dataclass
class Verdict:
    """The outcome for one group of comparable facts."""

    point: float | None  # a value every consensus figure allows; None without a consensus
    agree: list = field(default_factory=list)  # facts at the point
    outliers: list = field(default_factory=list)  # facts not at the point (consensus case)
    docs: list[str] = field(default_factory=list)  # documents agreeing, sorted

    @property
    def has_consensus(self) -> bool:
        return self.point is not None


def _depth_sweep(items: list[tuple[float, float, str]]) -> list[tuple[int, float, frozenset]]:
    """Every maximal stretch of coverage: ``(documents covering it, a point in it, which documents)``.

    Only stretches whose depth is the highest seen so far (or equal to it) are kept, so the
    list stays short; ties between different document sets are what callers look for.
    """
    events: list[tuple[float, int, str]] = []
    for lo, hi, doc in items:
        events.append((lo, 0, doc))  # opens sort before closes at one value: closed intervals
        events.append((hi, 1, doc))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    open_count: dict[str, int] = {}
    best: list[tuple[int, float, frozenset]] = []
    best_depth = 0
    i = 0
    while i < len(events):
        x = events[i][0]
        j = i
        while j < len(events) and events[j][0] == x and events[j][1] == 0:
            doc = events[j][2]
            open_count[doc] = open_count.get(doc, 0) + 1
            j += 1
        depth = len(open_count)
        if depth >= best_depth and depth > 0:
            if depth > best_depth:
                best = []
                best_depth = depth
            docs = frozenset(open_count)
            if not best or best[-1][2] != docs:
                best.append((depth, x, docs))
        while j < len(events) and events[j][0] == x:
            doc = events[j][2]
            open_count[doc] -= 1
            if not open_count[doc]:
                del open_count[doc]
            j += 1
        i = j
    return best


def consensus(facts: Sequence, interval: Callable[[object], tuple[float, float]], *,
              source: Callable[[object], str] = lambda f: f.doc) -> Verdict:
    """The consensus of ``facts`` under ``interval``, counting each ``source`` once.

    See the module docstring. ``source`` is the document by default; within one document,
    pass a per-figure key to find which of its own figures is the odd one out.
    """
    items = []
    for f in facts:
        lo, hi = interval(f)
        if math.isnan(lo) or math.isnan(hi):
            continue
        items.append((lo, hi, source(f)))
    stretches = _depth_sweep(items)
    if not stretches:
        return Verdict(point=None)
    depth = stretches[0][0]
    sets = {s[2] for s in stretches}
    if depth < 2 or len(sets) > 1:
        return Verdict(point=None)
    _, x, docs = stretches[0]
    agree, outliers = [], []
    for f in facts:
        lo, hi = interval(f)
        if math.isnan(lo) or math.isnan(hi):
            continue  # no value to place: neither agrees nor stands out
        (agree if lo <= x <= hi else outliers).append(f)
    return Verdict(point=x, agree=agree, outliers=outliers, docs=sorted({f.doc for f in agree}))


def disagrees(facts: Sequence, interval: Callable[[object], tuple[float, float]]) -> bool:
    """Whether no single value is allowed by every one of ``facts``."""
    if len(facts) < 2:
        return False
    ivs = [interval(f) for f in facts]
    return max(lo for lo, _ in ivs) > min(hi for _, hi in ivs)


class Camp:
    """The figures that agree, indexed once so that each outlier's message costs ``log n``."""

    def __init__(self, facts: list) -> None:
        self.facts = sorted(facts, key=lambda f: (f.value, f.doc, int(f.row["start"])))
        self.values = [f.value for f in self.facts]
        self.docs = sorted({f.doc for f in facts})

    def __len__(self) -> int:
        return len(self.facts)

    def __iter__(self):
        return iter(self.facts)

    def nearest(self, to, limit: int = 6, accept=lambda f: True, budget: int = 200) -> list:
        """Up to ``limit`` accepted figures nearest in value to ``to`` (one per document first)."""
        i = bisect.bisect_left(self.values, to.value)
        lo, hi, out, seen, rest = i - 1, i, [], set(), []
        while (lo >= 0 or hi < len(self.facts)) and len(out) < limit and budget > 0:
            below = abs(to.value - self.values[lo]) if lo >= 0 else math.inf
            above = abs(self.values[hi] - to.value) if hi < len(self.facts) else math.inf
            if below <= above:
                f, lo = self.facts[lo], lo - 1
            else:
                f, hi = self.facts[hi], hi + 1
            budget -= 1
            if not accept(f):
                continue
            (rest if f.doc in seen else out).append(f)
            seen.add(f.doc)
        return (out + rest)[:limit]


@dataclass
class Outcome:
    """One finding's worth of a group: an odd one out, a spread with no consensus, or a document at odds with itself."""

    kind: str  # "outlier" | "spread" | "within"
    odd: list  # the figures the finding is about (the outlier's, or every figure of a spread)
    agree: list | Camp = field(default_factory=list)  # the consensus figures (outlier case)
    sources: int = 0  # independent sources in the consensus


@dataclass
class _Position:
    """What one document allows: the intersection of its figures' intervals."""

    lo: float
    hi: float
    doc: str
    facts: list

    @property
    def rep(self):
        """The figure that states the position most tightly."""
        return min(self.facts, key=lambda f: (f.hi - f.lo, int(f.row["start"])))


def _positions(facts: Sequence, interval) -> tuple[list[_Position], list[str], dict[str, list]]:
    """Each document's position; a document at odds with itself gives one per figure."""
    by_doc: dict[str, list] = {}
    for f in facts:
        by_doc.setdefault(f.doc, []).append(f)
    out, torn = [], []
    for doc in sorted(by_doc):
        fs = by_doc[doc]
        if disagrees(fs, interval):
            torn.append(doc)
            out.extend(_Position(*interval(f), doc, [f]) for f in fs)
        else:
            ivs = [interval(f) for f in fs]
            out.append(_Position(max(lo for lo, _ in ivs), min(hi for _, hi in ivs), doc, fs))
    return out, torn, by_doc


def judge(facts: Sequence, interval: Callable[[object], tuple[float, float]]) -> list[Outcome]:
    """The findings a group of comparable facts deserves, one per odd document or one per group.

    A document's position is what all its figures allow together. Across documents, a
    consensus of positions names each document outside it (``outlier``); without one, the
    group is one ``spread`` (which then also stands for any document at odds with itself). A document whose own figures disagree is one ``within``
    finding (naming its odd figure when its other figures agree), and each of its figures
    then stands on its own in the comparison across documents.
    """
    positions, torn, by_doc = _positions(facts, interval)
    out = []
    for doc in torn:
        own = by_doc[doc]
        mine = consensus(own, interval, source=lambda f: f"{f.row['start']}:{f.value!r}")
        out.append(Outcome("within", odd=mine.outliers, agree=Camp(mine.agree), sources=len(mine.agree))
                   if mine.has_consensus else Outcome("within", odd=own))
    if len({p.doc for p in positions}) < 2:
        return out
    verdict = consensus(positions, lambda p: (p.lo, p.hi))
    if not verdict.has_consensus:
        if any(a.doc != b.doc and (a.hi < b.lo or b.hi < a.lo) for a, b in _extremes(positions)):
            # one card: the spread names every figure, a torn document's own ones included
            return [Outcome("spread", odd=[p.rep for p in positions])]
        return out
    agreeing = set(verdict.docs)
    agree = Camp([p.rep for p in verdict.agree])
    odd_by_doc: dict[str, list] = {}
    for p in verdict.outliers:
        if p.doc not in agreeing:
            odd_by_doc.setdefault(p.doc, []).append(p.rep)
    for doc in sorted(odd_by_doc):
        out.append(Outcome("outlier", odd=odd_by_doc[doc], agree=agree, sources=len(agreeing)))
    return out


def _extremes(positions: list[_Position]) -> list[tuple[_Position, _Position]]:
    """The pairs that decide whether any two documents' positions are disjoint: each of the
    two documents ending lowest against each of the two starting highest."""
    lowest_end: dict[str, _Position] = {}
    highest_start: dict[str, _Position] = {}
    for p in positions:
        if p.doc not in lowest_end or p.hi < lowest_end[p.doc].hi:
            lowest_end[p.doc] = p
        if p.doc not in highest_start or p.lo > highest_start[p.doc].lo:
            highest_start[p.doc] = p
    by_hi = sorted(lowest_end.values(), key=lambda p: (p.hi, p.doc))[:2]
    by_lo = sorted(highest_start.values(), key=lambda p: (-p.lo, p.doc))[:2]
    return [(a, b) for a in by_hi for b in by_lo]
