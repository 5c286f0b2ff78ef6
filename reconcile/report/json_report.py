"""The JSON discrepancy report, a documented contract (see README, "report.json").

    {"version": 1,
     "inputs": [{"doc", "status", "message", "format", "encoding", "bytes", "claims", "warnings"}],
     "summary": {"inputs", "inputs_by_status", "claims", "subjects", "findings",
                 "by_severity", "by_rule", "fail_on", "failing", "incomplete"},
     "discrepancies": [{"rule", "name", "severity", "subject", "scope", "metric", "message",
                        "expected", "observed", "claims": [cited claim...], "fingerprint"}]}
"""

from __future__ import annotations

import json
import math

from ..check import CheckResult
from ..output import path_text

VERSION = 1


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


def report_dict(result: CheckResult, *, fail_on: str = "warning") -> dict:
    return json_ready({
        "version": VERSION,
        "inputs": [s.as_dict() for s in sorted(result.inputs, key=lambda s: s.doc)],
        "summary": result.summary(fail_on),
        "discrepancies": [f.as_dict() for f in result.findings],
    })


def to_json(result: CheckResult, *, fail_on: str = "warning") -> str:
    return json.dumps(report_dict(result, fail_on=fail_on), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
