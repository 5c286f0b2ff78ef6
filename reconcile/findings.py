"""Findings: one fixed schema for every rule's output, and its stable fingerprint.

A finding's identity is the rule plus the meaning of the claims it cites (document,
subject, scope, metric, year or period, value, unit) -- never line numbers or the order
the inputs were read in -- so moving a paragraph keeps the fingerprint and changing a
cited value makes a new one.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

#: Fields of each cited claim in a finding (a subset of the claims table, plus its role).
CITED_FIELDS = ("claim_id", "doc", "line", "start", "end", "quote", "figure", "metric", "subject", "scope",
                "value", "unit", "qualifier", "year", "period_start", "period_end", "source_type", "doc_id")


def _num(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{float(x):.9g}"


def claim_identity(c: dict, *, by_path: bool = False) -> str:
    """What a cited claim says, without where it says it: its document's id (``by_path``:
    its path as given, as baselines written before document ids had it), subject, time,
    figure."""
    parts = (c.get("doc") if by_path else c.get("doc_id") or c.get("doc"), c.get("subject"), c.get("scope"), c.get("metric"), _num(c.get("year")),
             _num(c.get("period_start")), _num(c.get("period_end")), _num(c.get("value")), c.get("unit"),
             c.get("qualifier"))
    return "|".join("" if p is None else str(p) for p in parts)


@dataclass
class Finding:
    """One contradiction (or note) found by a rule, with the claims that show it."""

    rule: str
    name: str
    severity: str
    subject: str
    scope: str
    metric: str
    message: str
    expected: str
    observed: str
    claims: list[dict] = field(default_factory=list)
    fingerprint: str = ""
    #: "new", "baseline" (accepted in the baseline file) or "waived" (by a waiver)
    status: str = "new"
    waiver: dict | None = None
    #: The claim this finding is about (the odd one out), as ``claim_identity``; findings
    #: about the same claim form one card in the reports.
    focus: str = ""
    #: The outlying claim whose card the finding joins when it cites that claim (see
    #: :func:`link_roots`): one root cause, one card.
    root: str = ""

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.rule, self.claims)

    @property
    def card(self) -> str:
        """Which card the finding is shown on: one per outlying claim, else its own."""
        key = self.root or self.focus
        if not key:
            return self.fingerprint
        return "card-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def docs(self) -> list[str]:
        return sorted({c["doc"] for c in self.claims})

    def sort_key(self) -> tuple:
        return (self.subject, SEVERITY_RANK.get(self.severity, 9), self.rule, self.scope, self.fingerprint)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule, "name": self.name, "severity": self.severity,
            "subject": self.subject, "scope": self.scope, "metric": self.metric,
            "message": self.message, "expected": self.expected, "observed": self.observed,
            "claims": self.claims, "fingerprint": self.fingerprint,
            "status": self.status, "waiver": self.waiver, "card": self.card,
        }


def fingerprint(rule: str, claims: list[dict], *, by_path: bool = False) -> str:
    """A stable id: the rule and the sorted identities of the cited claims."""
    ids = sorted({claim_identity(c, by_path=by_path) for c in claims})
    digest = hashlib.sha1("\n".join([rule, *ids]).encode("utf-8")).hexdigest()
    return f"{rule}-{digest[:16]}"


def first_of_each(findings) -> list[Finding]:
    """The first finding of each fingerprint (two rules, or one rule twice, may find the same
    thing), sorted by :meth:`Finding.sort_key`."""
    out: dict[str, Finding] = {}
    for f in findings:
        out.setdefault(f.fingerprint, f)
    return sorted(out.values(), key=Finding.sort_key)


def link_roots(findings: list[Finding]) -> None:
    """One root cause, one card: a finding that cites a claim another finding names as the odd
    one out ("Nutrition revenue £2,410m", against another document's £2,140m) joins that
    claim's card, with every finding about the same odd one out; the links are followed through
    (a margin that misses on that revenue, and the sum of the parts it spoils, on one card).
    A card is named by the first of its odd claims in sorted order, so the result does not
    depend on the order the findings came in."""
    focused = {f.focus for f in findings if f.focus}
    if not focused:
        return
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    cited_roots: list[tuple[Finding, list[str]]] = []
    for f in findings:
        anchors = sorted({claim_identity(c) for c in f.claims} & focused - {f.focus})
        cited_roots.append((f, anchors))
        for a in anchors:
            union(f.focus or a, a)
    for f, anchors in cited_roots:
        key = f.focus or (anchors[0] if anchors else "")
        f.root = find(key) if key and find(key) != f.focus else ""


def cards(findings: list[Finding]) -> list[list[Finding]]:
    """Findings as report cards: those about the same outlying claim together, the most
    severe first; cards in the order of their first finding."""
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.card, []).append(f)
    return [sorted(group, key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.rule)) for group in out.values()]


#: Columns of :func:`findings_table`, one row per finding.
FINDING_COLUMNS = ("fingerprint", "rule", "name", "severity", "status", "subject", "scope", "metric",
                   "message", "expected", "observed", "card", "docs", "n_claims")
#: Columns of :func:`cited_table`, one row per finding and claim it cites.
CITED_COLUMNS = ("fingerprint", "rule", "severity", "status", "claim_id", "focus", "doc", "line", "figure",
                 "quote", "value", "unit", "year", "period_start", "period_end")


def findings_table(findings: list[Finding]):
    """Findings as a pandas DataFrame, one row per finding (like pandera's failure cases).

    ``docs`` joins the documents cited with ``"; "``; ``n_claims`` counts the claims cited.
    Join it with :func:`cited_table` on ``fingerprint`` for the quotes.
    """
    import pandas as pd

    rows = [(f.fingerprint, f.rule, f.name, f.severity, f.status, f.subject, f.scope, f.metric, f.message,
             f.expected, f.observed, f.card, "; ".join(f.docs), len(f.claims)) for f in findings]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS)).astype({"n_claims": "int64"})


def cited_table(findings: list[Finding]):
    """Every claim each finding cites, as a long DataFrame: ``claim_id`` joins the claims
    table; ``focus`` is True for the figure a finding names as the odd one out."""
    import pandas as pd

    rows = []
    for f in findings:
        for c in f.claims:
            rows.append((f.fingerprint, f.rule, f.severity, f.status, c.get("claim_id"),
                         bool(f.focus) and claim_identity(c) == f.focus, c.get("doc"), c.get("line"),
                         c.get("figure"), c.get("quote"), c.get("value"), c.get("unit"), c.get("year"),
                         c.get("period_start"), c.get("period_end")))
    frame = pd.DataFrame(rows, columns=list(CITED_COLUMNS))
    return frame.astype({"line": "Int64", "value": "float64", "year": "Int64",
                         "period_start": "Int64", "period_end": "Int64", "focus": "bool"})
