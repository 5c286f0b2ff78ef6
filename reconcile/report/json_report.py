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

VERSION = 1


def _clean(obj):
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        return obj.item()
    return obj


def report_dict(result: CheckResult, *, fail_on: str = "warning") -> dict:
    return _clean({
        "version": VERSION,
        "inputs": [s.as_dict() for s in sorted(result.inputs, key=lambda s: s.doc)],
        "summary": result.summary(fail_on),
        "discrepancies": [f.as_dict() for f in result.findings],
    })


def to_json(result: CheckResult, *, fail_on: str = "warning") -> str:
    return json.dumps(report_dict(result, fail_on=fail_on), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
