"""The JSON discrepancy report, a documented contract (see README, "report.json").

    {"version": 2,
     "inputs": [{"doc", "status", "message", "format", "encoding", "bytes", "claims", "warnings", ...}],
     "summary": {"inputs", "inputs_by_status", "claims", "subjects", "findings",
                 "by_severity", "by_rule", "fail_on", "failing", "incomplete", ...},
     "discrepancies": [{"rule", "name", "severity", "subject", "scope", "metric", "message",
                        "expected", "observed", "claim_ids": [id...],
                        "claims": [{"claim_id", "role", "also_at"?}], "fingerprint", ...}],
     "claims": {claim_id: {"doc", "line", "start", "end", "quote", "figure", "metric", "subject",
                           "scope", "value", "unit", "qualifier", "year", "period_start", "period_end",
                           "source_type", "doc_id"}}}

Version 2 carries each cited claim once, in the top-level ``claims`` map, and a finding
cites claims by ``claim_id`` with its role: in version 1 every finding repeated the quote
and fields of each claim it cited, so a market with many documents and findings repeated
each sentence many times over.
"""

from __future__ import annotations

import json
import math

from ..check import CheckResult
from ..findings import CITED_FIELDS, Finding
from ..output import path_text

VERSION = 2

#: What a finding keeps of each claim it cites; the rest is in the top-level ``claims``.
CITATION_FIELDS = ("claim_id", "role", "also_at")


def json_ready(obj):
    """Plain JSON values: NaN -> null, numpy scalars -> numbers, text through ``path_text``."""
    if isinstance(obj, str):
        return path_text(obj)
    if isinstance(obj, dict):
        return {k: json_ready(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_ready(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        return obj.item()
    return obj


def cited_claims(findings: list[Finding]) -> dict[str, dict]:
    """Each claim the findings cite, once, by ``claim_id``, in document and position order.

    A claim is cited with the same fields by every finding (the rules see one fact per
    claim); what differs between findings (its role, where a copy of it also is) stays
    with the finding.
    """
    out: dict[str, dict] = {}
    for f in findings:
        for c in f.claims:
            out.setdefault(c["claim_id"], {k: c.get(k) for k in CITED_FIELDS if k != "claim_id"})
    return dict(sorted(out.items(), key=lambda kv: (kv[1]["doc"], kv[1]["start"] or 0, kv[0])))


def _discrepancy(f: Finding) -> dict:
    out = {}
    for key, value in f.as_dict().items():  # version 1's keys in version 1's order
        if key == "claims":
            out["claim_ids"] = [c["claim_id"] for c in value]
            value = [{k: c[k] for k in CITATION_FIELDS if k in c} for c in value]
        out[key] = value
    return out


def report_dict(result: CheckResult, *, fail_on: str = "warning") -> dict:
    return json_ready({
        "version": VERSION,
        "inputs": [s.as_dict() for s in sorted(result.inputs, key=lambda s: s.doc)],
        "summary": result.summary(fail_on),
        "discrepancies": [_discrepancy(f) for f in result.findings],
        "claims": cited_claims(result.findings),
    })


def to_json(result: CheckResult, *, fail_on: str = "warning") -> str:
    return json.dumps(report_dict(result, fail_on=fail_on), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
