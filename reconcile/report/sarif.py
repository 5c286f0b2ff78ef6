"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each finding is a result: ``ruleId``, ``level``, the message, the primary cited claim's
file/line/columns as its location, the other cited claims as ``relatedLocations``, and
our fingerprint in ``partialFingerprints``. Baselined findings carry ``baselineState:
"unchanged"``, new ones ``"new"``; waived ones a ``suppressions`` entry with the reason.
Inputs that could not be read are the invocation's ``toolExecutionNotifications``.

Locations are URI references: the file's path relative to the working directory when it
is under it (as code scanning wants, relative to the checkout), percent-encoded, with
bytes that are not UTF-8 encoded as themselves (``bad%FFname.txt``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..check import CheckResult
from .json_report import json_ready
from ..rules import RULES
from ..sources import source_text

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class _Columns:
    """Figure columns for cited claims, from the files' text (read once each)."""

    def __init__(self) -> None:
        self._texts: dict[str, str | None] = {}

    def region(self, c: dict) -> dict:
        region = {"startLine": int(c["line"])}
        text = self._texts.setdefault(c["doc"], source_text(c["doc"]))
        start, quote, figure = c.get("start"), c.get("quote") or "", c.get("figure") or ""
        if text is None or start is None or text[start:start + len(quote)] != quote:
            return region
        pos = start + max(quote.find(figure), 0)
        line_start = text.rfind("\n", 0, pos) + 1
        if text.count("\n", 0, pos) + 1 != int(c["line"]):
            return region
        region["startColumn"] = pos - line_start + 1
        region["endColumn"] = region["startColumn"] + max(len(figure), 1)
        region["snippet"] = {"text": figure}
        return region


def artifact_uri(doc: str) -> str:
    """The URI reference of a document: relative to the working directory when under it."""
    path = Path(doc)
    if path.is_absolute():
        cwd = Path.cwd()
        for p, base in ((path, cwd), (Path(os.path.realpath(path)), Path(os.path.realpath(cwd)))):
            if p.is_relative_to(base):
                path = p.relative_to(base)
                break
        else:
            return "file://" + quote(os.fsencode(path.as_posix()))
    return quote(os.fsencode(path.as_posix()))


def _location(c: dict, columns: _Columns, *, index: int | None = None) -> dict:
    loc = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(c["doc"])}, "region": columns.region(c)}}
    if index is not None:
        loc["id"] = index
        loc["message"] = {"text": f"{c.get('role', 'claim')}: {c.get('figure', '')}"}
    return loc


def _rules() -> list[dict]:
    return [{
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary()},
        "fullDescription": {"text": r.doc()},
        "help": {"text": r.doc(), "markdown": "```\n" + r.doc() + "\n```"},
        "defaultConfiguration": {"level": _LEVEL[r.severity]},
        "properties": {"tags": [r.name.split(".")[0]]},
    } for r in RULES]


def sarif_dict(result: CheckResult) -> dict:
    index = {r.code: i for i, r in enumerate(RULES)}
    columns = _Columns()
    results = []
    for f in result.findings:
        primary, *others = f.claims
        item = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [_location(primary, columns)],
            "partialFingerprints": {"reconcile/v1": f.fingerprint},
            "properties": {"subject": f.subject, "scope": f.scope, "expected": f.expected,
                           "observed": f.observed, "status": f.status},
        }
        if others:
            item["relatedLocations"] = [_location(c, columns, index=i) for i, c in enumerate(others, start=1)]
        if result.baseline is not None:
            item["baselineState"] = "unchanged" if f.status == "baseline" else "new"
        if f.status == "waived":
            item["suppressions"] = [{"kind": "external", "status": "accepted",
                                     "justification": f"{f.waiver['reason']} (owner: {f.waiver['owner']})"}]
        results.append(item)
    run = {
        "tool": {"driver": {"name": "reconcile", "version": __version__,
                            "informationUri": "https://example.invalid/reconcile", "rules": _rules()}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    unreadable = [s for s in result.inputs if s.status == "error"]
    if unreadable:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [{
            "level": "error",
            "message": {"text": f"{s.doc}: not read: {s.message}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(s.doc)}}}],
            "descriptor": {"id": "unreadable-input"},
        } for s in unreadable]}]
    # json_ready shows file names that are not UTF-8 as \xff escapes (uris are encoded above)
    return json_ready({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    })


def to_sarif(result: CheckResult) -> str:
    return json.dumps(sarif_dict(result), indent=2, ensure_ascii=False) + "\n"
