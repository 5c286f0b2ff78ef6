"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each finding is a result: ``ruleId``, ``level``, the message, the primary cited claim's
file/line/columns as its location, the other cited claims as ``relatedLocations``, and
our fingerprint in ``partialFingerprints``. Baselined findings carry ``baselineState:
"unchanged"``, new ones ``"new"``; waived ones a ``suppressions`` entry with the reason.
Inputs that could not be read are the invocation's ``toolExecutionNotifications``.

Each rule carries its documentation as ``help.text`` and ``help.markdown`` (section titles
in bold, the example claim rows as code blocks). Given ``docs_url`` (``--docs-url`` or
``[tool.reconcile] docs_url``: where your copy of the README is published, e.g.
``https://github.com/ORG/REPO/blob/main/README.md``), each also has a ``helpUri``,
``docs_url#anchor``, the rule's row in the README's rules table (``#rc101-cagrarithmetic``).
reconcile has no public site, and SARIF's ``helpUri`` must be an absolute URI, so without
an absolute ``docs_url`` there is none.

Locations are URI references: the file's path relative to the working directory when it
is under it (as code scanning wants, relative to the checkout), percent-encoded, with
bytes that are not UTF-8 encoded as themselves (``bad%FFname.txt``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..check import CheckResult
from .json_report import json_ready
from ..rules import RULES
from ..sources import source_text

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LITERAL = re.compile(r"``(.+?)``", re.S)


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


def rule_anchor(rule) -> str:
    """The rule's anchor in the README (``rc101-cagrarithmetic``), as GitHub makes one from
    "RC101 cagr.arithmetic": lower case, punctuation but ``_`` and ``-`` dropped."""
    return re.sub(r"[^a-z0-9_ -]", "", f"{rule.code} {rule.name}".lower()).replace(" ", "-")


def rule_text(rule) -> str:
    """The rule's documentation as plain text (reStructuredText literals unmarked)."""
    return _LITERAL.sub(r"\1", rule.doc())


def rule_markdown(rule) -> str:
    """The rule's documentation as Markdown: ``Title`` over dashes becomes **Title**, an
    indented block of claim rows a code block, a ``literal`` a code span."""
    lines, out, i = _LITERAL.sub(r"`\1`", rule.doc()).splitlines(), [], 0
    while i < len(lines):
        line = lines[i]
        underline = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if line.strip() and underline and set(underline) == {"-"}:
            out.append(f"**{line.strip()}**")
            i += 2
        elif line.startswith("    "):
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip() and
                                      i + 1 < len(lines) and lines[i + 1].startswith("    ")):
                block.append(lines[i][4:])
                i += 1
            out += ["", "```text", *block, "```", ""]
        else:
            out.append(line)
            i += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _rules(docs_url: str | None) -> list[dict]:
    """The rules' descriptors; ``helpUri`` only for an absolute ``docs_url`` (SARIF's
    ``helpUri`` is a URI: a relative README path would make the log invalid)."""
    out = []
    for r in RULES:
        rule = {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary()},
            "fullDescription": {"text": rule_text(r)},
            "help": {"text": rule_text(r), "markdown": rule_markdown(r)},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"tags": [r.name.split(".")[0]]},
        }
        if docs_url and "://" in docs_url:
            rule["helpUri"] = f"{docs_url}#{rule_anchor(r)}"
        out.append(rule)
    return out


def sarif_dict(result: CheckResult, *, docs_url: str | None = None) -> dict:
    """The SARIF log of a checked corpus; ``docs_url`` is the base of the rules' ``helpUri``."""
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
                            "informationUri": "https://example.invalid/reconcile", "rules": _rules(docs_url)}},
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


def to_sarif(result: CheckResult, *, docs_url: str | None = None) -> str:
    return json.dumps(sarif_dict(result, docs_url=docs_url), indent=2, ensure_ascii=False) + "\n"
