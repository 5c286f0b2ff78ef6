"""The editor's HTML report: one self-contained page (no CDN, fonts or external scripts).

A summary, then per market an inline SVG chart of every document's figures (or why there
is none) and the findings as cards quoting each cited sentence with its figure
highlighted, the claims table (sortable and filterable by a small inline script; plain
HTML without it), the inputs and the rules' documentation. Documents are named by title
or publisher everywhere, the path on hover. Everything from a document is escaped by
jinja2's autoescape, so a source's markup shows as text and never runs.
"""

from __future__ import annotations

import math
import os

import jinja2
import pandas as pd

from ..check import CheckResult
from ..findings import Finding, cards
from ..numbers import format_amount, format_period, is_percent
from ..output import controls_shown, path_text
from ..rules import RULES, find_rule
from ..sources import InputStatus
from ..extract.claim import QUALITATIVE
from .chart import CHART_COLUMNS, company_chart, market_chart, no_chart_reason

SHORT_NAME = 60  # characters of a document's title shown before an ellipsis
#: Rows of the claims table shown on the page (claims.csv has them all): a 50,000-claim
#: corpus would otherwise make a page of tens of megabytes that no browser filters quickly.
MAX_CLAIM_ROWS = 5000
#: Finding cards shown per market, the most severe first (report.md and report.json list all).
MAX_CARDS = 50

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("reconcile.report", "templates"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    # Every text a page shows, before it is escaped: no raw ESC or bidi override from a file name.
    finalize=lambda v: controls_shown(v) if type(v) is str else v,
)


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_NAME else text[:SHORT_NAME - 1].rstrip() + "…"


def document_names(inputs: list[InputStatus]) -> dict[str, dict]:
    """Each document's name for people: ``short`` (a title cut to ``SHORT_NAME``
    characters), ``full`` (title and publisher) and ``path`` (for the tooltip).

    The name is the input's title and publisher (``metadata.toml``, else the document's
    own title, filled in when it was read), else its file name; two documents with one
    short name also show their file names.
    """
    names = {}
    for s in inputs:
        full = s.label or os.path.basename(s.doc)
        names[s.doc] = {"short": _short(full), "full": " ".join(full.split()), "path": s.doc}
    seen: dict[str, int] = {}
    for n in names.values():
        seen[n["short"]] = seen.get(n["short"], 0) + 1
    for n in names.values():
        if seen[n["short"]] > 1:
            n["short"] = f"{n['short']} ({os.path.basename(n['path'])})"
    return names


def amount_text(value: float, unit: str) -> str:
    """A normalized value for people: ``USD 578.14B``, ``11.37%``, ``50.4M shares``."""
    if not unit or is_percent(unit) or (len(unit) == 3 and unit.isupper()):  # a currency code
        return format_amount(value, unit or "")
    plural = "people" if unit == "person" else unit if unit.endswith("s") else unit + "s"
    return f"{format_amount(value, '')} {plural}"


def _number(v) -> str:
    return "" if _missing(v) else f"{float(v):.10g}"


def _kind(r) -> str:
    """``actual``, ``forecast``…; ``reference`` for a reference fact, and ``corroborated`` after
    a document's figure that a reference fact agrees with."""
    if getattr(r, "source_type", "") == "reference":
        return "reference"
    kind = "" if _missing(r.kind) else r.kind
    agreed = getattr(r, "corroborated_by", "")
    return f"{kind}, corroborated" if isinstance(agreed, str) and agreed else kind


def claim_rows(claims: pd.DataFrame) -> list[dict]:
    """The claims table as people read it: figures as written beside the normalized value
    in words (``USD 578.14B``), periods as ``2025–2034``, empty cells empty."""
    rows = []
    for r in claims.itertuples(index=False):
        def amount(v):
            return "" if _missing(v) else amount_text(float(v), "" if _missing(r.unit) else r.unit)
        # a band's ends are shown when they say more than the value (a range, "over", "about")
        banded = not (_missing(r.low) or _missing(r.high)) and r.low != r.high
        start = None if _missing(r.period_start) else int(r.period_start)
        end = None if _missing(r.period_end) else int(r.period_end)
        rows.append({
            "doc": r.doc, "line": int(r.line), "subject": r.subject, "metric": r.metric,
            "kind": _kind(r), "scope": r.scope, "figure": r.figure,
            # a qualitative claim's value is what it states ("largest"), not its rank
            "value": (str(r.statement).replace("_", " ") if r.metric == QUALITATIVE else amount(r.value)),
            "value_sort": _number(r.value),
            "qualifier": "" if _missing(r.qualifier) or r.qualifier == "exact" else r.qualifier,
            "low": amount(r.low) if banded else "", "low_sort": _number(r.low) if banded else "",
            "high": amount(r.high) if banded else "", "high_sort": _number(r.high) if banded else "",
            "year": "" if _missing(r.year) else str(int(r.year)),
            "period": "" if start is None and end is None else format_period(start, end),
            "confidence": "" if _missing(r.confidence) else f"{float(r.confidence):.2f}",
            "quote": r.quote,
        })
    return rows


def with_names(text: str, docs: list[str]) -> list[tuple[str, str | None]]:
    """``text`` cut into pieces, each document path in it a piece of its own (text, doc),
    so a finding's message names documents as the rest of the page does."""
    pieces: list[tuple[str, str | None]] = [(text, None)]
    for doc in sorted(docs, key=len, reverse=True):  # a longer path first: "a/b.txt" holds "b.txt"
        out = []
        for piece, known in pieces:
            if known is not None or doc not in piece:
                out.append((piece, known))
                continue
            parts = piece.split(doc)
            for i, part in enumerate(parts):
                if i:
                    out.append((doc, doc))
                if part:
                    out.append((part, None))
        pieces = out
    return pieces


def _shown(finding: dict, docs: list[str]) -> dict:
    return dict(finding, **{k: with_names(str(finding[k]), docs) for k in ("message", "expected", "observed")})


def _quote(c: dict) -> dict:
    quote, figure = c.get("quote") or "", c.get("figure") or ""
    i = quote.find(figure) if figure else -1
    if i < 0:
        before, fig, after = quote, "", ""
    else:
        before, fig, after = quote[:i], figure, quote[i + len(figure):]
    return {"role": c.get("role", ""), "doc": c["doc"], "line": c["line"], "before": before, "figure": fig, "after": after}


def _verdict(s: dict) -> str:
    if s["incomplete"]:
        return "Incomplete run: some documents could not be read."
    if s["failing"]:
        return f"{s['failing']} finding(s) at or above '{s['fail_on']}': the check fails."
    return "No new findings at or above the failing level: the check passes."


def split_by(frame: pd.DataFrame, column: str) -> dict[str, pd.DataFrame]:
    """``frame``'s rows by the value of ``column``, in one pass, each part in the frame's order.

    Not ``groupby``: a document's path or a subject may not be UTF-8 (a surrogate escape), which
    pyarrow-backed group keys refuse.
    """
    rows: dict[str, list[int]] = {}
    for i, key in enumerate(frame[column].tolist()):
        rows.setdefault(key, []).append(i)
    return {key: frame.iloc[idx] for key, idx in rows.items()}


def shown_claims(claims: pd.DataFrame, cited: set[str], limit: int) -> pd.DataFrame:
    """At most ``limit`` rows of the claims table, in its order: every claim a finding
    cites first, then the others as they come."""
    if len(claims) <= limit:
        return claims
    is_cited = claims["claim_id"].isin(cited)
    if is_cited.sum() >= limit:
        return claims[is_cited & is_cited.cumsum().le(limit)]
    room = limit - int(is_cited.sum())
    return claims[is_cited | (~is_cited & (~is_cited).cumsum().le(room))]


#: Company charts (documents' figures beside the reference facts) shown per market at most.
MAX_COMPANY_CHARTS = 12


def reference_links(claims: pd.DataFrame, findings: list[Finding]) -> dict[str, str]:
    """``{document claim id: reference fact id}`` for every figure set against a reference fact:
    those it agrees with (``corroborated_by``) and those rule RC701 found it contradicts."""
    links = {}
    if "corroborated_by" in claims.columns:
        agreed = claims[claims["corroborated_by"].fillna("") != ""]
        links.update(zip(agreed["claim_id"], agreed["corroborated_by"]))
    for f in findings:
        if f.rule == "RC701" and len(f.claims) >= 2:
            links[f.claims[0]["claim_id"]] = f.claims[1]["claim_id"]
    return links


def company_charts(subject: str, claims: pd.DataFrame, reference: pd.DataFrame, links: dict[str, str],
                   cited: set[str], labels: dict[str, str]) -> list[dict]:
    """A market's companies whose figures were set against reference facts: one chart each
    (company and measure), the reference facts as a series of their own."""
    linked = claims[claims["claim_id"].isin(set(links))]
    if linked.empty:
        return []
    refs = reference.set_index("claim_id", drop=False)
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(linked.itertuples(index=False)):
        ref = refs.loc[links[r.claim_id]]
        groups.setdefault((ref["subject"], ref["measure"], ref["unit"]), []).append(i)
    out = []
    for (ref_subject, measure, unit), rows in sorted(groups.items(), key=lambda kv: tuple(map(str, kv[0]))):
        figures = linked.iloc[rows]
        first = figures.iloc[0]
        company = first["scope"] if first["scope_type"] == "company" else first["entity"]
        facts = reference[(reference["subject"] == ref_subject) & (reference["measure"] == measure)
                          & (reference["unit"] == unit)]
        chart = company_chart(figures, facts, company=company, measure=measure, subject=subject, cited=cited,
                              labels=labels)
        if chart is not None:
            out.append(chart)
    return out[:MAX_COMPANY_CHARTS]


def _market(subject: str, findings: list[Finding], claims: pd.DataFrame, cited: set[str],
            labels: dict[str, str], max_cards: int, companies: list[dict] = ()) -> dict:
    """One market's section: its chart (or why none), its companies' charts against the
    reference facts, and its first ``max_cards`` cards."""
    groups = cards(findings)
    shown = [[dict(_shown(f.as_dict(), f.docs), summary=(find_rule(f.rule).summary() if find_rule(f.rule) else ""),
                   quotes=[_quote(c) for c in f.claims]) for f in group] for group in groups[:max_cards]]
    hidden = groups[max_cards:]
    return {"subject": subject, "chart": market_chart(claims, subject, cited, labels=labels),
            "no_chart": no_chart_reason(claims, subject), "company_charts": list(companies),
            "findings": [dict(g[0], also=g[1:]) for g in shown],
            "more_cards": len(hidden), "more_findings": sum(len(g) for g in hidden)}


def to_html(result: CheckResult, *, fail_on: str = "warning", max_claim_rows: int = MAX_CLAIM_ROWS,
            max_cards: int = MAX_CARDS) -> str:
    """The report page. At most ``max_cards`` finding cards per market and ``max_claim_rows``
    rows of the claims table are shown, each with a note of how many more there are and
    where to find them (report.md and report.json; claims.csv)."""
    summary = result.summary(fail_on)
    by_subject: dict[str, list[Finding]] = {}
    for f in result.findings:  # findings are sorted by subject: one pass groups them
        by_subject.setdefault(f.subject, []).append(f)
    cited = {c["claim_id"] for f in result.findings for c in f.claims}
    names = document_names(result.inputs)
    for doc in result.claims["doc"].unique():  # a claim's document is always an input; be safe
        names.setdefault(doc, {"short": _short(os.path.basename(doc)), "full": doc, "path": doc})
    labels = {doc: n["full"] for doc, n in names.items()}
    claims = result.claims
    columns = CHART_COLUMNS + [c for c in ("measure", "scope_type", "entity", "doc_title") if c in claims.columns]
    wanted = claims.loc[claims["subject"].isin(set(by_subject)), columns]
    if "source_type" in claims.columns:
        reference = claims.loc[claims["source_type"] == "reference", columns]
        wanted = wanted[claims.loc[wanted.index, "source_type"] != "reference"]
    else:
        reference = wanted.iloc[:0]
    links = reference_links(claims, result.findings) if len(reference) else {}
    per_market = split_by(wanted, "subject")  # each market's claims once
    empty = wanted.iloc[:0]
    markets = []
    for subject in sorted(by_subject):
        rows = per_market.get(subject, empty)
        companies = company_charts(subject, rows, reference, links, cited, labels) if links else []
        markets.append(_market(subject, by_subject[subject], rows, cited, labels, max_cards, companies))
    table = shown_claims(claims, cited, max_claim_rows)
    # path_text: a file name that is not UTF-8 shows its bytes as \xff escapes
    return path_text(_env.get_template("report.html.j2").render(
        summary=summary, verdict=_verdict(summary), by_rule=list(summary["by_rule"].items()),
        unreadable=[s for s in result.inputs if s.status == "error"], markets=markets, names=names,
        claim_rows=claim_rows(table), claims_total=len(claims), claims_more=len(claims) - len(table),
        inputs=sorted(result.inputs, key=lambda s: s.doc),
        rules=[{"code": r.code, "name": r.name, "summary": r.summary(), "doc": r.doc()} for r in RULES],
    ))
