"""GitHub Actions output: workflow-command annotations and a step summary.

Annotations (``::error file=…,line=…,title=…::message``) appear on the pull request's
changed lines; one per finding that fails the gate's status (new, not baselined or
waived). Values are escaped as the runner requires: in the message ``%``, CR and LF; in
properties also ``:`` and ``,``. Other control characters (ESC, BEL...) are shown as
``\\x1b`` escapes, so every line this writes is one workflow command of ours.
"""

from __future__ import annotations

from ..check import CheckResult
from ..output import line_text

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF percent-encoded, as the runner reads them."""
    return line_text(str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A workflow command's property value: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(result: CheckResult) -> str:
    lines = []
    for f in result.findings:
        if f.status != "new":
            continue
        c = f.claims[0]
        props = ",".join([
            f"file={escape_property(c['doc'])}",
            f"line={int(c['line'])}",
            f"title={escape_property(f'{f.rule} {f.name}')}",
        ])
        lines.append(f"::{_COMMAND[f.severity]} {props}::{escape_data(f.message)}")
    for s in result.inputs:
        if s.status == "error":
            lines.append(f"::error file={escape_property(s.doc)},title=unreadable input::{escape_data(s.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
