"""Build a claims table from a few hand-written rows (rule test cases, examples)."""

from __future__ import annotations

import math

import pandas as pd

from reconcile.extract.claim import COLUMNS
from reconcile.normalize import claims_frame_dtypes

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def default_figure(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{unit} {value / size:,.10g} {word}"
    return f"{unit} {value:,.10g}"


def claims_table(rows: list[dict], *, subject: str = "widgets") -> pd.DataFrame:
    """Rows with only the columns that matter; the rest get plain defaults."""
    out = []
    for i, r in enumerate(rows):
        r = dict(r)
        unit = r.setdefault("unit", "USD")
        value = float(r.setdefault("value", math.nan))  # a qualitative claim states no figure
        scope = r.setdefault("scope", "Global")
        r.setdefault("scope_type", "global" if scope == "Global" else "region")
        r.setdefault("dimension", "region" if r["scope_type"] in ("region", "country") else "")
        r.setdefault("subject", subject)
        r.setdefault("doc", "a.md")
        r.setdefault("line", i + 1)
        r.setdefault("start", 1000 * int(r["line"]) + i)
        figure = r.setdefault("figure", default_figure(value, unit))
        r.setdefault("end", r["start"] + len(figure))
        r.setdefault("quote", f"... {figure} ...")
        q = r.setdefault("qualifier", "exact")
        r.setdefault("low", math.nan if q == "under" else value)
        r.setdefault("high", math.nan if q == "over" else value)
        for k in ("year", "period_start", "period_end"):
            r.setdefault(k, None)
        r.setdefault("confidence", 1.0)
        r.setdefault("claim_id", f"C{i:012d}")
        metric = r.get("metric", "other")
        r.setdefault("measure", metric)
        r.setdefault("entity", r["scope"] if r["scope_type"] == "company" else r["subject"])
        r.setdefault("entity_type", "company" if r["scope_type"] == "company" else "market")
        r.setdefault("kind", "actual" if r["entity_type"] == "company" else "estimate")  # a company reports its results
        r.setdefault("period_label", "")
        r.setdefault("fiscal", False)
        for k in ("fiscal_year_end", "quarter", "month", "converted_value"):
            r.setdefault(k, None)
        r.setdefault("basis", "cagr" if metric == "cagr" else "")
        r.setdefault("sign", -1 if value < 0 else (0 if math.isnan(value) else 1))
        r.setdefault("accounting", "reported")
        r.setdefault("converted_unit", "")
        r.setdefault("doc_title", "")
        r.setdefault("statement", "")
        r.setdefault("source_type", "document")
        r.setdefault("corroborated_by", "")
        r.setdefault("doc_id", r["doc"])
        r.setdefault("attributed_to", "")
        out.append({c: r[c] for c in COLUMNS})
    return pd.DataFrame(out, columns=COLUMNS).astype(claims_frame_dtypes())
