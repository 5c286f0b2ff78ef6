"""The editor's HTML report: one self-contained page (no CDN, fonts or external scripts).

A summary, then per market an inline SVG chart of every document's figures and the
findings as cards quoting each cited sentence with its figure highlighted, the claims
table (sortable and filterable by a small inline script; plain HTML without it), the
inputs and the rules' documentation. Everything from a document is escaped by jinja2's
autoescape, so a source's markup shows as text and never runs.
"""

from __future__ import annotations

import math

import jinja2

from ..check import CheckResult
from ..findings import cards
from ..output import path_text
from ..rules import RULES, find_rule
from .chart import market_chart

CLAIM_COLUMNS = ["doc", "line", "subject", "metric", "scope", "figure", "value", "unit", "qualifier",
                 "year", "period_start", "period_end", "quote"]

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("reconcile.report", "templates"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
)


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float):
        return f"{v:.10g}"
    return str(v)


def _quote(c: dict, labels: dict[str, str] | None = None) -> dict:
    quote, figure = c.get("quote") or "", c.get("figure") or ""
    i = quote.find(figure) if figure else -1
    if i < 0:
        before, fig, after = quote, "", ""
    else:
        before, fig, after = quote[:i], figure, quote[i + len(figure):]
    return {"role": c.get("role", ""), "doc": c["doc"], "line": c["line"], "before": before, "figure": fig, "after": after,
            "label": (labels or {}).get(c["doc"], "")}


def _verdict(s: dict) -> str:
    if s["incomplete"]:
        return "Incomplete run: some documents could not be read."
    if s["failing"]:
        return f"{s['failing']} finding(s) at or above '{s['fail_on']}': the check fails."
    return "No new findings at or above the failing level: the check passes."


def to_html(result: CheckResult, *, fail_on: str = "warning") -> str:
    summary = result.summary(fail_on)
    cited = {c["claim_id"] for f in result.findings for c in f.claims}
    labels = {s.doc: s.label for s in result.inputs if s.label}
    markets = []
    for subject in sorted({f.subject for f in result.findings}):
        groups = cards([f for f in result.findings if f.subject == subject])
        shown = [[dict(f.as_dict(), summary=(find_rule(f.rule).summary() if find_rule(f.rule) else ""),
                       quotes=[_quote(c, labels) for c in f.claims]) for f in group] for group in groups]
        markets.append({"subject": subject, "chart": market_chart(result.claims, subject, cited),
                        "findings": [dict(g[0], also=g[1:]) for g in shown]})
    rows = [[_cell(v) for v in r] for r in result.claims[CLAIM_COLUMNS].itertuples(index=False, name=None)]
    # path_text: a file name that is not UTF-8 shows its bytes as \xff escapes
    return path_text(_env.get_template("report.html.j2").render(
        summary=summary, verdict=_verdict(summary), by_rule=list(summary["by_rule"].items()),
        unreadable=[s for s in result.inputs if s.status == "error"], markets=markets,
        claim_columns=CLAIM_COLUMNS, claim_rows=rows, inputs=sorted(result.inputs, key=lambda s: s.doc),
        rules=[{"code": r.code, "name": r.name, "summary": r.summary(), "doc": r.doc()} for r in RULES],
    ))
